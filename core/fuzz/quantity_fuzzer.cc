// libFuzzer target for find_quantities: any bytes in, no crash, no hang, and
// every result well formed (inside the text, in order, non-overlapping,
// finite, min <= max). Build with -DWHOSAYS_FUZZ=ON and clang; run as
//   quantity_fuzzer -dict=core/fuzz/quantity.dict -max_total_time=60
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "dump.h"
#include "whosays/quantity.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto quantities = whosays::find_quantities(text);
  std::size_t previous_end = 0;
  for (const whosays::Quantity& quantity : quantities) {
    const bool well_formed = quantity.span.begin >= previous_end && quantity.span.begin < quantity.span.end &&
                             quantity.span.end <= size && std::isfinite(quantity.min) &&
                             std::isfinite(quantity.max) && quantity.min <= quantity.max;
    if (!well_formed) __builtin_trap();
    if (whosays::testing::dump(quantity).empty()) __builtin_trap();
    previous_end = quantity.span.end;
  }
  return 0;
}
