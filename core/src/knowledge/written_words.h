// The words of party names and of a document as the knowledge tables read them: ASCII
// case, the breaks between words, and the quotes and possessives around a name. Shared by
// the party look-up (parties.cpp) and the document's name evidence (evidence.cpp).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "swar.h"
#include "text.h"

namespace whosays::knowledge {

// ASCII letters fold; other UTF-8 bytes compare exactly.
inline bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
inline char fold(char c) { return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

// The same eight bytes at a time (swar.h): the high bit of each lane of x that holds an
// ASCII capital, exact in every lane (seven bits plus at most 0x3F carry into no other).
inline std::uint64_t capital_lanes(std::uint64_t x) {
  const std::uint64_t low = x & ~swar::kHigh;
  return (low + swar::kOnes * (0x80 - 'A')) & ~(low + swar::kOnes * (0x80 - 'Z' - 1)) & ~x & swar::kHigh;
}
// x with its ASCII capitals made lower case, as fold does byte by byte.
inline std::uint64_t fold8(std::uint64_t x) { return x | capital_lanes(x) >> 2; }

// The one-byte breaks of is_break, as a table: one load per byte, not a switch.
constexpr std::array<bool, 256> kBreakBytes = [] {
  std::array<bool, 256> breaks{};
  for (const unsigned char c : std::string_view(" \t\n\r\f\v,;:!?()[]{}\"")) breaks[c] = true;
  return breaks;
}();

// Bytes inside a word whatever follows them: no break, nor the first byte of one.
constexpr std::array<bool, 256> kWordBytes = [] {
  std::array<bool, 256> word{};
  for (std::size_t c = 0; c < 256; ++c) word[c] = !kBreakBytes[c] && c != 0xC2 && c != 0xE2;
  return word;
}();

// Bytes that end a word: white space, , ; : ! ? brackets and double quotes.
inline bool is_break(std::string_view text, std::size_t i, std::size_t* width) {
  *width = 1;
  const unsigned char c = static_cast<unsigned char>(text[i]);
  if (kBreakBytes[c]) return true;
  if (c < 0xC2) return false;  // ASCII and most of Latin-1: no more breaks
  // U+201C and U+201D (curly double quotes), U+00A0 (no-break space).
  if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
      (static_cast<unsigned char>(text[i + 2]) == 0x9C || static_cast<unsigned char>(text[i + 2]) == 0x9D)) {
    *width = 3;
    return true;
  }
  if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) {
    *width = 2;
    return true;
  }
  return false;
}

// Calls f(word) for each word of text; stops early when f returns false.
template <typename F>
void for_each_word(std::string_view text, F f) {
  std::size_t i = 0, width = 1;
  while (i < text.size()) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (kBreakBytes[c]) {  // the common break, one byte: no call
      ++i;
      continue;
    }
    if (!kWordBytes[c] && is_break(text, i, &width)) {
      i += width;
      continue;
    }
    const std::size_t start = i;
    while (++i < text.size()) {
      const unsigned char d = static_cast<unsigned char>(text[i]);
      if (!kWordBytes[d] && (kBreakBytes[d] || is_break(text, i, &width))) break;
    }
    if (!f(text.substr(start, i - start))) return;
  }
}

// Leading single quotes ('Hamas' or ‘Hamas’) are no part of a name.
inline std::string_view strip_leading_quotes(std::string_view w) {
  if (w.empty() || (w[0] != '\'' && w[0] != '\xE2')) return w;  // the common case
  for (;;) {
    if (text::starts_with(w, "'")) w.remove_prefix(1);
    else if (text::starts_with(w, "\xE2\x80\x98") || text::starts_with(w, "\xE2\x80\x99")) w.remove_prefix(3);
    else return w;
  }
}

// The word without what may follow a name at its end: a closing single quote, a
// possessive ('s, ’s, or a bare ' after s) and a full stop. At most one of each.
inline std::string_view strip_trailing(std::string_view w) {
  // The common case: a last byte that ends none of them (’ ends in \x99).
  if (w.empty() || (w.back() != '.' && w.back() != 's' && w.back() != '\'' && w.back() != '\x99')) return w;
  if (text::ends_with(w, "\xE2\x80\x99") && !text::ends_with(w, "s\xE2\x80\x99")) w.remove_suffix(3);
  if (text::ends_with(w, ".")) w.remove_suffix(1);
  if (text::ends_with(w, "'s")) w.remove_suffix(2);
  else if (text::ends_with(w, "\xE2\x80\x99s")) w.remove_suffix(4);
  else if (text::ends_with(w, "s'")) w.remove_suffix(1);
  else if (text::ends_with(w, "s\xE2\x80\x99")) w.remove_suffix(3);
  else if (text::ends_with(w, "'")) w.remove_suffix(1);
  return w;
}

// The words a party look-up reads (parties.cpp): views of them (split_words,
// for_each_word), or else a text's tokens, word i being text[tokens[i].span) (a block's
// tokens as they are): one matcher for both.
struct WrittenWords {
  const std::string_view* views;
  const char* text;
  const text::Token* tokens;
  std::size_t size;
  std::string_view operator[](std::size_t i) const {
    if (views) return views[i];
    const Span span = tokens[i].span;
    return {text + span.begin, span.end - span.begin};
  }
};

}  // namespace whosays::knowledge
