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
// segment_around(...).end alone, without walking back.
std::size_t segment_end(const Tokens& tokens, Range sentence, std::size_t k);

// What a hedge at tokens [at, end) governs: the whole sentence when it opens
// it; the clause before it when it closes the sentence ("..., according to
// the reports."); the clause after a parenthetical one (", by early reports,");
// otherwise the rest of its own clause ("reportedly from glass").
Range hedge_scope(const Tokens& tokens, Range sentence, std::size_t at, std::size_t end);

// A clause after a comma that only describes what comes before it: a
// relative clause (", which left 22 dead", ", where he was treated") or a
// reduced agentless passive (", believed to be the deadliest").
bool describes_before(const Tokens& tokens, Range sentence, std::size_t comma);

// A temporal clause right after a cue ("said before he died", "told
// reporters after the shooting that"): it dates the speech and is the
// writer's. Runs to "that", a comma or a quotation; empty when there is none.
Range dating_clause(const Tokens& tokens, Range sentence, std::size_t cue_end);

// A non-restrictive relative clause on a person (", who died three months
// ago"): it only identifies a participant, so it is the writer's. Runs from
// "who" to the next comma or hard boundary; empty when k starts none.
Range identifying_clause(const Tokens& tokens, Range sentence, std::size_t k);

// What a preposed cue ending at cue_end governs: the rest of its segment
// after any dating clause, except that when its complement is a noun phrase
// ("claimed the attack"), a description of that object after a comma is the
// writer's.
Range complement_scope(const Tokens& tokens, Range sentence, std::size_t cue_end);

}  // namespace whosays
