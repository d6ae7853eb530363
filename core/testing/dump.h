// Test-only: a compact text form of a claim, for table-driven tests
// (claim{casualty,responsibility attributed source="X" cue="said" route=in_clause text="..."}).
// Not part of the public surface; linked by tests only (whosays_testing).
#pragma once

#include <string>

#include "whosays/claim.h"
#include "whosays/document.h"
#include "whosays/quantity.h"

namespace whosays::testing {

std::string dump(const Claim& claim, const Document& document);

// "qty{min=12 max=15 approx count}".
std::string dump(const Quantity& quantity);

}  // namespace whosays::testing
