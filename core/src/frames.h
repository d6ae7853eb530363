// Reporting frames: every stretch of a sentence that is attributed to
// someone ("X said", "according to X", "reportedly", "were reported"), with
// who and how far it reaches. Found sentence by sentence in reading order,
// so that "he added" finds the name a sentence before registered.
#pragma once

#include <cstddef>
#include <vector>

#include "context.h"
#include "frame.h"
#include "memory.h"

namespace whosays {

// Every reporting frame of one sentence, outside speech quotations, left to
// right, into `frames` (cleared first; a vector reused sentence after sentence
// keeps its room). Sources they name are remembered for later pronouns.
void find_frames(const BlockContext& context, Range sentence, Memory& memory, std::vector<Frame>& frames);

// A passive participle after a form of "be" ("was killed", "were reported");
// "are bombing" is a progressive, not a passive.
bool after_be(const Tokens& tokens, std::size_t k, std::size_t floor);

// Where the "be" (with "have"/"has" before it) of a passive at k starts, or k.
std::size_t be_before(const Tokens& tokens, std::size_t k, std::size_t floor);

// "posted a message blaming": a phrase right after a reporting verb is that
// verb's object, not the subject of what follows it.
bool object_of_cue(const Tokens& tokens, Range sentence, Range phrase);

}  // namespace whosays
