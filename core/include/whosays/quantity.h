// whosays: quantities in running text ("at least 35", "two hundred",
// "dozens", "10 to 15"), parsed with Boost.Spirit X3.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "whosays/document.h"

namespace whosays {

// What a quantity counts, as far as its own words and neighbours tell.
// Only `count` can be a casualty figure; the others are quantities that a
// casualty rule must never read as one.
enum class QuantityKind { count, age, year, time, money, population, percent, measure };

std::string_view to_string(QuantityKind kind);

struct Quantity {
  Span span;                // bytes in the text passed to find_quantities
  double min = 0;           // normalised lower bound
  double max = 0;           // normalised upper bound (== min for an exact figure)
  bool approximate = false; // "at least", "around", "dozens", "some" ...
  QuantityKind kind = QuantityKind::count;
};

// Finds every quantity in text, left to right, non-overlapping. Never throws
// on any input (it does not validate UTF-8; callers do); linear in the text.
std::vector<Quantity> find_quantities(std::string_view text);


}  // namespace whosays
