// A reporting frame: a stretch of a sentence and who it is attributed to
// ("X said", "according to X", "reportedly", "were reported").
#pragma once

#include <cstddef>
#include <string>

#include "source.h"
#include "tokens.h"

namespace whosays {

enum class FrameKind {
  cue,         // a reporting verb with its subject: "X said", "..., X said", ", said X"
  according,   // "according to X"
  passive,     // "were reported", "is believed": nobody named
  hedge,       // "reportedly", "by early reports"
  speech_act,  // a claim that is itself an act of speech: "Turkey condemned the attack"
  toll,        // "the ministry raised the death toll to 12"
  writer,      // ", who died in 2019", "said before he died": the writer's own, inside any other frame
};

struct Frame {
  FrameKind kind = FrameKind::cue;
  std::size_t at = 0;        // token index of the cue
  std::size_t cue_end = 0;   // token index after the cue
  Source source;
  bool hedged = false;       // "reportedly said"
  bool postposed = false;    // "..., X said."
  std::string cue;
  Range scope;               // tokens it governs
};

}  // namespace whosays
