// The explanation: one sentence for the reader that says why a claim got its
// verdict, quoting the start of the claim.
#pragma once

#include <string>
#include <string_view>

#include "whosays/claim.h"

namespace whosays {

// Built from the claim's status, route, source and cue; block_text is the
// text of the claim's block.
std::string explain(const Claim& claim, std::string_view block_text);

}  // namespace whosays
