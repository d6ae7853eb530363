// Sentences and clauses into vectors the block context keeps from block to
// block: split_sentences (whosays/segment.h) without a new vector each time,
// and clauses of a sentence whose tokens are already made: split_clauses
// on a sentence's own tokens, and the block context on the block's tokens,
// without tokenizing each sentence a second time.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "text.h"
#include "whosays/document.h"

namespace whosays {

// split_sentences(text) into `sentences` (cleared first).
void split_sentences(std::string_view text, std::vector<Span>& sentences);

// Clause spans of text[sentence) (bytes, as split_clauses) into `clauses`
// (cleared first: one vector serves a whole block): [first, last) are the
// sentence's tokens; [edge, edges_end) the sorted outer edges of the speech
// quotations that fall strictly inside the sentence.
void clauses_of(std::string_view text, Span sentence, const text::Token* first, const text::Token* last,
                const std::size_t* edge, const std::size_t* edges_end, std::vector<Span>& clauses);

}  // namespace whosays
