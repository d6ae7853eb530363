// Sources: judging a phrase as the source of a report. A pronoun is resolved
// through the discourse memory; a generic noun ("officials", "local media")
// names nobody; anything else is a name.
#pragma once

#include <string_view>

#include "memory.h"
#include "source.h"
#include "tokens.h"

namespace whosays {

// Judges tokens[range) of a block as a source: a pronoun to resolve, a
// generic noun, or a name. Surrounding punctuation, conjunctions and adverbs
// are trimmed off; "a statement from X" is X's word.
Source classify_source(std::string_view block_text, const Tokens& tokens, Range range, const Registry& registry);

}  // namespace whosays
