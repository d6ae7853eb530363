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
#include "tokens.h"
#include "whosays/document.h"
#include "whosays/segment.h"

namespace whosays {

// split_sentences(text) into `sentences` (cleared first).
void split_sentences(std::string_view text, std::vector<Span>& sentences);

// The same, and find_quotations(text), from the tokens of the whole text
// (text::tokenize with span {0, text.size()}): their stops and marks
// (text::Tokens) are every byte the scans of the text would act on. A . or '
// or ’ inside a word token ("U.S", "can't", "Turkey’s") sits between two
// word characters, where neither scan does anything: the tokenizer joins a .
// only where split_sentences would not split ("military.The" is two
// tokens), and a mark between letters or digits is an apostrophe.
void split_sentences(std::string_view text, const text::Tokens& tokens, std::vector<Span>& sentences);
std::vector<Quotation> find_quotations(std::string_view text, const text::Tokens& tokens);

// Clause spans of text[sentence) (bytes, as split_clauses) into `clauses`
// (cleared first: one vector serves a whole block): [first, last) are the
// sentence's tokens, `first` the block's token number `index`; [edge,
// edges_end) the sorted outer edges of the speech quotations that fall
// strictly inside the sentence. Each clause's tokens are added to `tokens`
// as the block's token numbers: every cut is at a token's start or a
// separator's end and no token starts in white space, so they are the
// tokens at or after the clause's trimmed edges, found without a second
// walk over the tokens.
void clauses_of(std::string_view text, Span sentence, const text::Token* first, const text::Token* last,
                const std::size_t* edge, const std::size_t* edges_end, std::vector<Span>& clauses,
                std::size_t index, std::vector<Range>& tokens);

}  // namespace whosays
