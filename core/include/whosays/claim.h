// whosays: claims and their attribution verdicts.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "whosays/attribution.h"
#include "whosays/document.h"
#include "whosays/quantity.h"

namespace whosays {

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
  std::size_t flags = 0;  // vague + unattributed: what the overlay flags
};

struct Analysis {
  std::vector<Claim> claims;  // in reading order (block, then begin)
  Summary summary;
};

// The counts of claims by status and kind; the one place they are counted
// (the JSON output and the JavaScript side read them from here).
Summary summarize(const std::vector<Claim>& claims);

}  // namespace whosays
