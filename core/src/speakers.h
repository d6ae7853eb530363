// Speakers: who says the words of each speech quotation (the cue before or
// after its marks, the paragraph before, the quotation before), and who
// speaks in a sentence for a participle ("..., saying") or a coordinated verb
// ("... but said").
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "context.h"
#include "frame.h"
#include "memory.h"

namespace whosays {

struct QuoteSpeaker {
  QuoteSpeaker() {}  // user-provided: QuoteSpeaker{} is not zeroed whole first (every member has its initialiser)

  std::optional<Source> speaker;
  std::string cue;
  bool hedged = false;
  bool carried = false;  // from the paragraph before
};

// Finds the speakers of the speech quotations that open in this sentence;
// `speakers` runs parallel to context.quotes and keeps earlier sentences'.
void find_speakers(const BlockContext& context, Range sentence, const std::vector<Frame>& frames, Memory& memory,
                   std::vector<QuoteSpeaker>& speakers);

// Who speaks in the sentence before token k: the source of the last
// reporting frame there, else the sentence's subject.
Source speaker_before(const BlockContext& context, Range sentence, std::size_t k, const std::vector<Frame>& frames,
                      const Registry& registry);

// The first name-like phrase of the sentence, after a leading adverbial
// clause ("In 2015, ...").
Source sentence_subject(const BlockContext& context, Range sentence, const Registry& registry);

}  // namespace whosays
