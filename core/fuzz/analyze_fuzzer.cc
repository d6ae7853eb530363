// libFuzzer target for the whole analysis: arbitrary bytes as the text of a
// few blocks (split at NUL), through analyze() and to_json(). Invalid UTF-8
// must be refused by check_utf8 before analysis, as parse_* do.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "whosays/analyze.h"
#include "whosays/output.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  whosays::Document document;
  std::size_t start = 0;
  while (start <= input.size() && document.blocks.size() < 16) {
    std::size_t end = input.find('\0', start);
    if (end == std::string_view::npos) end = input.size();
    const std::string_view text = input.substr(start, end - start);
    try {
      whosays::check_utf8(text);
    } catch (const whosays::Error&) {
      return 0;
    }
    document.blocks.push_back({document.blocks.empty() ? whosays::BlockKind::title : whosays::BlockKind::paragraph,
                               std::string(text)});
    start = end + 1;
  }
  const whosays::Analysis analysis = whosays::analyze(document);
  for (const whosays::Claim& claim : analysis.claims) {
    const std::string& text = document.blocks.at(claim.block).text;
    if (claim.span.begin > claim.span.end || claim.span.end > text.size()) __builtin_trap();
  }
  (void)whosays::to_json(document, analysis);
  return 0;
}
