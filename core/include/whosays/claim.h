// whosays: claims and their attribution verdicts.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "whosays/document.h"
#include "whosays/quantity.h"

namespace whosays {

enum class Status { attributed, vague, unattributed };

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

std::string_view to_string(Status status);
std::string_view to_string(Route route);

struct Claim {
  std::size_t block = 0;
  Span span;                      // bytes in the block's text
  bool casualty = false;
  bool responsibility = false;
  Status status = Status::unattributed;
  std::string source;             // resolved name; empty unless attributed or named-but-hedged
  std::string cue;                // the reporting words ("said", "according to", "reportedly")
  Route route = Route::none;
  std::vector<Quantity> quantities;  // spans in the block's text
  std::string agent;              // who acted (responsibility), where named
  std::string target;             // who or what was hit, where named
  std::string explanation;        // one sentence for the reader
};

struct Summary {
  std::size_t claims = 0;
  std::size_t attributed = 0;
  std::size_t vague = 0;
  std::size_t unattributed = 0;
  std::size_t casualty = 0;
  std::size_t responsibility = 0;
};

struct Analysis {
  std::vector<Claim> claims;  // in reading order (block, then begin)
  Summary summary;
};

// A compact dump for tests: claim{casualty,responsibility attributed source="X" cue="said" route=in_clause text="..."}.
std::string dump(const Claim& claim, const Document& document);

}  // namespace whosays
