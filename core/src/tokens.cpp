#include "tokens.h"

#include <algorithm>
#include <iterator>

#include "words.h"

namespace whosays {

bool is_comma_like(const Token& token) { return is(token, ",") || is(token, ";") || is(token, ":"); }

bool is_determiner(const Token& token) { return words().determiners.contains(token); }

bool is_quote_mark(const Token& token) {
  if (token.word || token.lower.empty()) return false;
  std::size_t length = 0;
  const char32_t c = text::decode(token.lower, 0, length);
  return c == '"' || c == '\'' || text::is_opening_quote(c) || text::is_closing_quote(c);
}

bool is_dash_token(const Token& token) {
  if (token.word || token.lower.empty()) return false;
  std::size_t length = 0;
  return text::is_dash(text::decode(token.lower, 0, length));
}

bool is_be(const Token& token) {
  return is(token, "is") || is(token, "are") || is(token, "was") || is(token, "were") || is(token, "been") ||
         is(token, "be") || is(token, "being");
}

bool is_ing_form(const Token& token) { return text::ends_with(token.lower, "ing"); }

namespace {

struct Pronoun {
  std::string_view word;
  bool person;      // refers to a person ("he said" -> the last person named)
  bool possessive;  // owns a noun ("its attacks")
};

constexpr Pronoun kPronouns[] = {
    {"he", true, false},   {"she", true, false},  {"him", true, false},   {"his", true, true},
    {"her", true, true},   {"it", false, false},  {"its", false, true},   {"they", false, false},
    {"them", false, false}, {"their", false, true}, {"we", false, false}, {"us", false, false},
    {"our", false, true},
};

// Asked at many tokens: most words are longer than any pronoun, and the
// others are compared byte by byte (no call to memcmp for two to five bytes).
const Pronoun* find_pronoun(std::string_view folded) {
  if (folded.size() < 2 || folded.size() > 5) return nullptr;
  const auto found = std::find_if(std::begin(kPronouns), std::end(kPronouns), [&](const Pronoun& pronoun) {
    if (pronoun.word.size() != folded.size()) return false;
    for (std::size_t i = 0; i < folded.size(); ++i)
      if (pronoun.word[i] != folded[i]) return false;
    return true;
  });
  return found == std::end(kPronouns) ? nullptr : found;
}

}  // namespace

bool is_pronoun(const Token& token) { return is_pronoun(token.lower); }

bool is_pronoun(std::string_view folded) { return find_pronoun(folded) != nullptr; }

bool is_person_pronoun(std::string_view folded) {
  const Pronoun* pronoun = find_pronoun(folded);
  return pronoun && pronoun->person;
}

bool is_possessive_pronoun(const Token& token) {
  const Pronoun* pronoun = find_pronoun(token.lower);
  return pronoun && pronoun->possessive;
}

Span span_of(const Tokens& tokens, Range range) {
  if (range.empty()) return {};
  return {tokens[range.begin].span.begin, tokens[range.end - 1].span.end};
}

std::size_t first_token_at_or_after(const Tokens& tokens, std::size_t offset) {
  return static_cast<std::size_t>(
      std::lower_bound(tokens.begin(), tokens.end(), offset,
                       [](const Token& token, std::size_t at) { return token.span.begin < at; }) -
      tokens.begin());
}

}  // namespace whosays
