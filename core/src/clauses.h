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

// A clause: its bytes, and its tokens [first, end) counted from the
// sentence's first token (every clause edge is a token's start or a
// separator's end, and no token starts in white space: the tokens at or
// after the trimmed edges, found without a walk over the tokens).
struct ClauseSpan {
  Span span;
  std::size_t first = 0;
  std::size_t end = 0;
};

// Clauses of text[sentence) (bytes, as split_clauses) into `clauses`
// (cleared first: one vector serves a whole block): [first, last) are the
// sentence's tokens; [edge, edges_end) the sorted outer edges of the speech
// quotations that fall strictly inside the sentence.
void clauses_of(std::string_view text, Span sentence, const text::Token* first, const text::Token* last,
                const std::size_t* edge, const std::size_t* edges_end, std::vector<ClauseSpan>& clauses);

}  // namespace whosays
