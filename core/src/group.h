// A clause group: the claim-sized piece of a sentence that the grouping stage
// builds (groups.h) and the trigger stages mark as a casualty and/or
// responsibility claim.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "frame.h"
#include "tokens.h"

namespace whosays {

struct Group {
  // User-provided, so that a value-initialised Group (groups.emplace_back())
  // is not zeroed whole (288 bytes, a `rep stos`) before its members are
  // initialised as below: every member has its initialiser.
  Group() {}

  Range tokens;
  bool casualty = false;
  bool responsibility = false;
  std::size_t trigger = 0;        // first trigger token
  std::string agent;              // who acted, where named
  std::string target;             // who or what was hit, where named
  std::optional<Frame> own;       // a speech act that is itself the frame ("Turkey condemned")
  bool identified_vague = false;  // "The attacker, identified as X"
  bool frame_only = false;        // "according to the fire service", "by early reports"
  bool hedge_start = false;
  bool hard_start = false;        // after ";", "but", a split "and"
  bool in_quote = false;
  std::size_t quote = 0;
  bool verb_start = false;        // a predicate without its subject ("were hospitalized")
  bool continues = false;         // "with five injured", "and one serious": a toll that continues the clause before it
  bool nominal = false;           // no verb at all
};

}  // namespace whosays
