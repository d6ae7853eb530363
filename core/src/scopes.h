// How far a frame reaches inside its sentence: a clause between commas, a
// segment between hard boundaries (";", "but"), or a hedge's own reach.
#pragma once

#include <cstddef>

#include "tokens.h"

namespace whosays {

// The clause (between , ; : and "but") around token k.
Range chunk_around(const Tokens& tokens, Range sentence, std::size_t k);

// The part of the sentence between hard boundaries (";", "but", "whereas")
// around token k. ", while" is no boundary: "X said 61 were rescued, while 23
// were missing" is one report; a second source after it has a nearer frame.
Range segment_around(const Tokens& tokens, Range sentence, std::size_t k);

// What a hedge at tokens [at, end) governs: the whole sentence when it opens
// it; the clause before it when it closes the sentence ("..., according to
// the reports."); the clause after a parenthetical one (", by early reports,");
// otherwise the rest of its own clause ("reportedly from glass").
Range hedge_scope(const Tokens& tokens, Range sentence, std::size_t at, std::size_t end);

// A clause after a comma that only describes what comes before it: a
// relative clause (", which left 22 dead", ", where he was treated") or a
// reduced agentless passive (", believed to be the deadliest").
bool describes_before(const Tokens& tokens, Range sentence, std::size_t comma);

// What a preposed cue ending at cue_end governs: the rest of its segment,
// except that (a) when its complement is a noun phrase ("claimed the attack"),
// a description of that object after a comma is the writer's; (b) a temporal
// clause right after the cue ("said before he died") only dates the speech.
Range complement_scope(const Tokens& tokens, Range sentence, std::size_t cue_end);

}  // namespace whosays
