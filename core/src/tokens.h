// Token tests of the analysis: what a single token is (punctuation, a form of
// "be", a verb-like word) and token ranges. Token indices are into one
// block's tokens (text::tokenize); nothing here owns text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "text.h"
#include "whosays/document.h"

namespace whosays {

using text::Token;
using text::Tokens;

struct Range {  // token indices [begin, end)
  std::size_t begin = 0;
  std::size_t end = 0;
  bool empty() const { return end <= begin; }
};

inline bool is_punct(const Token& token) { return !token.word; }
// The token's folded text equals word (inline: the rules call it at every token).
// The length first, then the bytes: with a literal, both are constants and the
// comparison is a few instructions, not a call to memcmp.
inline bool is(const Token& token, std::string_view word) {
  return token.lower.size() == word.size() && std::char_traits<char>::compare(token.lower.data(), word.data(), word.size()) == 0;
}
bool is_comma_like(const Token& token);              // , ; :
bool is_determiner(const Token& token);              // word list `determiners`
bool is_quote_mark(const Token& token);
bool is_dash_token(const Token& token);              // – — ‒ ―

// A form of "be": the auxiliary of a passive ("were reported", "was killed").
bool is_be(const Token& token);

// A word that makes a clause a predicate: "were", "reached", "shot": a
// lower-case word that is an auxiliary, an irregular verb or a past form in
// -ed (Token::verb_form, set once by text::tokenize). Inline: the rules ask
// it at nearly every token.
inline bool is_verb_like(const Token& token) {
  return token.word && !token.capitalized && !token.number && token.verb_form;
}

// An "-ing" form: "killing", "saying".
bool is_ing_form(const Token& token);

// Pronouns: one table of the closed class, with what each can refer to.
// "he", "his": a person; "its", "their": the possessive of a party;
// all of them stand for an identified party ("they shelled").
bool is_pronoun(const Token& token);
bool is_pronoun(std::string_view folded);
bool is_person_pronoun(std::string_view folded);  // he, she, him, his, her
bool is_possessive_pronoun(const Token& token);   // its, their, our, his, her

// Bytes of tokens[range) in the block's text.
Span span_of(const Tokens& tokens, Range range);
// The first token starting at or after a byte offset (tokens.size() if none).
std::size_t first_token_at_or_after(const Tokens& tokens, std::size_t offset);

}  // namespace whosays
