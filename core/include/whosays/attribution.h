// whosays: attribution verdicts, what a claim's status and route mean.
#pragma once

#include <string_view>

namespace whosays {

// Who stands behind a claim (shared/spec/annotation-guide.md).
enum class Status {
  attributed,    // a named source
  vague,         // a frame with nobody identifiable: "officials said", "reportedly"
  unattributed,  // stated as fact
};

// How the attribution reached the claim.
enum class Route {
  none,          // no reporting frame (unattributed)
  in_clause,     // "X said that <claim>", "according to X, <claim>"
  postposed,     // "<claim>, X said"
  quotation,     // inside a quotation given to a speaker
  carried_over,  // "He added that <claim>" resolved to the previous source
  hedge,         // "reportedly", "allegedly" (vague)
  passive,       // "were reported", "is believed" (vague)
  generic,       // "officials said", "witnesses said" (vague)
};

// "attributed", "vague", "unattributed" (the output's spelling). Never fails.
std::string_view to_string(Status status);
// "none", "in_clause", ... (the output's spelling). Never fails.
std::string_view to_string(Route route);

}  // namespace whosays
