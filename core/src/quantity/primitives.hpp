// whosays quantity grammar: character classes and primitive parsers. Included by quantity_def.hpp.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

#include <boost/spirit/home/x3.hpp>

#include "quantity/ast.hpp"

namespace whosays::quantity {

// ---------------------------------------------------------------------------
// Character classes (bytes of UTF-8; malformed bytes count as letters, so a
// figure glued to garbage is never read)
// ---------------------------------------------------------------------------

// Integer digits beyond this are an identifier (phone number, serial), not a
// quantity; the figure is read whole and dropped. 15 digits stay exact in a
// double.
inline constexpr unsigned kMaxDigits = 15;

inline bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
// By byte: an ASCII letter or digit? One load, not three ranges.
inline constexpr std::array<bool, 256> kAsciiAlnum = [] {
  std::array<bool, 256> alnum{};
  for (unsigned c = '0'; c <= '9'; ++c) alnum[c] = true;
  for (unsigned c = 'a'; c <= 'z'; ++c) alnum[c] = alnum[c - 'a' + 'A'] = true;
  return alnum;
}();
inline bool is_ascii_alnum(char c) { return kAsciiAlnum[static_cast<unsigned char>(c)]; }

// Does a word character start at p? ASCII letters and digits are; so is any
// non-ASCII character except Latin-1 punctuation and symbols (U+0080-U+00BF:
// no-break space, °, £, «), general punctuation and currency signs
// (U+2000-U+20CF: dashes, curly quotes, thin spaces, €) and the ideographic
// space.
inline bool word_char_at(const char* p, const char* end) {
  if (p >= end) return false;
  const auto c = static_cast<unsigned char>(*p);
  if (c < 0x80) return is_ascii_alnum(static_cast<char>(c));
  const auto next = p + 1 < end ? static_cast<unsigned char>(p[1]) : 0u;
  if (c == 0xC2 && next >= 0x80 && next <= 0xBF) return false;
  if (c == 0xE2 && (next == 0x80 || next == 0x81 || next == 0x82)) return false;
  if (c == 0xE3 && next == 0x80 && p + 2 < end && static_cast<unsigned char>(p[2]) == 0x80) return false;
  return true;
}

// Does a word character end just before p? Looks back over at most three
// continuation bytes to the start of the character.
inline bool word_char_before(const char* begin, const char* p, const char* end) {
  if (p <= begin) return false;
  if (static_cast<unsigned char>(p[-1]) < 0x80) return is_ascii_alnum(p[-1]);  // the common case
  const char* q = p - 1;
  for (int i = 0; i < 3 && q > begin && (static_cast<unsigned char>(*q) & 0xC0) == 0x80; ++i) --q;
  return word_char_at(q, end);
}

namespace parser {

namespace x3 = boost::spirit::x3;

// ---------------------------------------------------------------------------
// Primitive parsers
// ---------------------------------------------------------------------------

// Succeeds, consuming nothing, where no word character follows.
struct word_boundary_parser : x3::parser<word_boundary_parser> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;
  template <typename Iterator, typename Context, typename RContext, typename Attribute>
  bool parse(Iterator& first, Iterator const& last, Context const&, RContext&, Attribute&) const {
    return !word_char_at(first, last);
  }
};
inline constexpr word_boundary_parser wb{};

// One or more spaces: ASCII white space, no-break space, narrow no-break
// space, thin and hair spaces.
struct space_parser : x3::parser<space_parser> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;
  static std::size_t space_at(const char* p, const char* end) {
    if (p >= end) return 0;
    const char c = *p;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
    if (c == '\xC2' && p + 1 < end && p[1] == '\xA0') return 2;
    if (c == '\xE2' && p + 2 < end && p[1] == '\x80' &&
        (p[2] == '\xAF' || p[2] == '\x89' || p[2] == '\x8A' || p[2] == '\x87' || p[2] == '\x88'))
      return 3;
    return 0;
  }
  template <typename Iterator, typename Context, typename RContext, typename Attribute>
  bool parse(Iterator& first, Iterator const& last, Context const&, RContext&, Attribute&) const {
    Iterator i = first;
    while (std::size_t n = space_at(i, last)) i += n;
    if (i == first) return false;
    first = i;
    return true;
  }
};
inline constexpr space_parser sp{};

// Digits, with thousands separators ("55,000") and decimals ("5.7"). Reads
// any run of digits whole, however long (so a scan never re-reads it), and
// marks more than kMaxDigits integer digits as Form::overlong. Values are
// doubles: they never overflow.
struct numeral_parser : x3::parser<numeral_parser> {
  using attribute_type = ast::Figure;
  static bool const has_attribute = true;

  template <typename Iterator, typename Context, typename RContext, typename Attribute>
  bool parse(Iterator& first, Iterator const& last, Context const&, RContext&, Attribute& out) const {
    Iterator i = first;
    if (i == last || !is_ascii_digit(*i)) return false;
    double value = 0;
    unsigned digits = 0;
    bool separated = false;
    for (; i != last && is_ascii_digit(*i); ++i, ++digits) value = value * 10 + (*i - '0');
    // ",ddd" groups, only after a first group of one to three digits, each
    // exactly three digits long.
    if (digits <= 3) {
      while (last - i >= 4 && i[0] == ',' && is_ascii_digit(i[1]) && is_ascii_digit(i[2]) &&
             is_ascii_digit(i[3]) && (last - i == 4 || !is_ascii_digit(i[4]))) {
        value = value * 1000 + (i[1] - '0') * 100 + (i[2] - '0') * 10 + (i[3] - '0');
        digits += 3;
        separated = true;
        i += 4;
      }
    }
    bool decimals = false;
    if (last - i >= 2 && i[0] == '.' && is_ascii_digit(i[1])) {
      ++i;
      double scale = 0.1;
      for (; i != last && is_ascii_digit(*i); ++i) {
        value += (*i - '0') * scale;
        scale /= 10;
      }
      decimals = true;
    }
    ast::Figure figure;
    figure.min = figure.max = value;
    if (digits > kMaxDigits) {
      figure.form = ast::Form::overlong;
    } else if (separated || decimals) {
      figure.form = ast::Form::decimal;
      figure.decimal_point = decimals;
    } else {
      figure.form = ast::Form::integer;
      figure.digits = static_cast<std::uint8_t>(digits);
    }
    x3::traits::move_to(figure, out);
    first = i;
    return true;
  }
};
inline constexpr numeral_parser numeral{};

}  // namespace parser

}  // namespace whosays::quantity
