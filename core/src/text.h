// Private text helpers: UTF-8 decoding, character classes and word tokens.
// All offsets are bytes into the text they were computed from.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "whosays/document.h"

namespace whosays {
struct Vocabulary;
}

namespace whosays::text {

// Decodes the code point at offset (which must start a UTF-8 sequence);
// sets length to its byte count. Malformed bytes decode as U+FFFD, length 1,
// so scanning never stalls on input that skipped validation.
// Inline for ASCII (most of a text), the rest out of line. One copy in the
// WebAssembly engine, whose size has a budget (inline at its twenty call
// sites it cost the engine bytes it does not have).
char32_t decode_multibyte(std::string_view text, std::size_t offset, std::size_t& length);
#if defined(__EMSCRIPTEN__)
[[gnu::noinline]]
#endif
inline char32_t decode(std::string_view text, std::size_t offset, std::size_t& length) {
  const auto lead = static_cast<unsigned char>(text[offset]);
  if (lead < 0x80) {
    length = 1;
    return lead;
  }
  return decode_multibyte(text, offset, length);
}
// The code point ending just before offset (0 at the start) and its start.
char32_t decode_before(std::string_view text, std::size_t offset, std::size_t* start = nullptr);

bool is_space(char32_t c);        // ASCII space, tab, newlines, NBSP, narrow NBSP, thin spaces
bool is_letter(char32_t c);       // ASCII letters and Latin/Greek/Cyrillic letters
bool is_upper(char32_t c);
bool is_digit(char32_t c);
bool is_dash(char32_t c);         // – — ‒ ―
bool is_opening_quote(char32_t c);
bool is_closing_quote(char32_t c);

struct Token {
  Span span;
  std::string_view lower;   // folded (fold): in the text itself or in its Tokens' storage
  std::uint32_t id = 0;     // lower's id in the lexicon vocabulary (words.h); 0: no word list holds it
  bool word = false;        // letters or digits (possibly with inner - . ' ,)
  bool capitalized = false; // starts with an upper-case letter
  bool number = false;      // starts with a digit
  bool possessive = false;  // the "'s" split off a word
  bool verb_form = false;   // an auxiliary, an irregular verb or a past form in -ed (is_verb_like)
  bool letters = false;     // ASCII letters alone, a whole word (set by the tokenizer's common path only:
                            // false may still be such a word, "Armenia" before a possessive)
  std::uint16_t hash_top = 0;  // lower's swar::hash >> 48 (set with id by identify)
};

// A text's tokens, in order, filled by tokenize or split_tokens (text.cpp)
// and read with the accessors below. A token's `lower` views the text itself
// where the word is its own folded form (most words are written in lower
// case), else the list's copy of the others: on the heap, so that moving the
// list keeps every view valid. The text must outlive the list; the list
// cannot be copied (the copy's views would be the original's).
class Tokens {
 public:
  std::size_t size() const { return list_.size(); }
  bool empty() const { return list_.empty(); }
  const Token& operator[](std::size_t k) const { return list_[k]; }
  const Token& front() const { return list_.front(); }
  const Token& back() const { return list_.back(); }
  const Token* begin() const { return list_.data(); }
  const Token* end() const { return list_.data() + list_.size(); }
  // Byte offsets of the punctuation tokens that split_sentences and
  // find_quotations stop at: . ! ? (stops), and " ' and those whose first
  // byte is C2 or E2 (marks: « » ‘ ’ “ ” „ ‹ › among them). Those scans
  // read these instead of the text (clauses.h).
  const std::vector<std::size_t>& stops() const { return stops_; }
  const std::vector<std::size_t>& marks() const { return marks_; }
  // A capitalised token that is no name, where capitals mark nothing
  // (read_capitals, context.cpp): the one change made after tokenizing.
  void drop_capital(std::size_t k) { list_[k].capitalized = false; }

 private:
  friend void split_tokens(std::string_view text, Span span, Tokens& tokens, const whosays::Vocabulary* vocabulary);
  std::vector<Token> list_;
  std::unique_ptr<char[]> folded_;
  std::size_t folded_room_ = 0;  // bytes in folded_
  std::vector<std::size_t> stops_;
  std::vector<std::size_t> marks_;
};

// Words and single punctuation marks of text[span), in order. White space is
// dropped; "Armenia’s" becomes "Armenia" + "'s" (possessive). Each token
// carries its lexicon id, so that word lists are matched without hashing.
Tokens tokenize(std::string_view text, Span span);
// The same into `tokens`, whose tokens are replaced; its room is kept, so
// that a list reused text after text allocates only for a longer text.
void tokenize(std::string_view text, Span span, Tokens& tokens);
// The same tokens without ids: what the lexicon vocabulary is built from.
Tokens split_tokens(std::string_view text, Span span);
// The id of a folded token in the lexicon vocabulary, 0 if no word list holds
// it (defined with the vocabulary, in words.cpp).
std::uint32_t lexicon_id(std::string_view folded);

// ASCII lower-casing with ’ and ‘ folded to '.
std::string fold(std::string_view text);
// The same into out (room for text.size() bytes, which the result views):
// no allocation.
std::string_view fold(std::string_view text, char* out);

// text[span) with white space at both ends removed (is_space: ASCII and
// Unicode spaces alike).
Span trim(std::string_view text, Span span);
// The same, for a whole string_view.
std::string_view trim(std::string_view text);

inline bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

inline bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

}  // namespace whosays::text
