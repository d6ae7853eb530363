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

}  // namespace whosays
