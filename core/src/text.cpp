#include "text.h"

namespace whosays::text {

char32_t decode(std::string_view text, std::size_t offset, std::size_t& length) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(offset);
  length = 1;
  if (lead < 0x80) return lead;
  std::size_t need = 0;
  char32_t cp = 0;
  if ((lead & 0xE0) == 0xC0) {
    need = 1;
    cp = lead & 0x1F;
  } else if ((lead & 0xF0) == 0xE0) {
    need = 2;
    cp = lead & 0x0F;
  } else if ((lead & 0xF8) == 0xF0) {
    need = 3;
    cp = lead & 0x07;
  } else {
    return 0xFFFD;
  }
  for (std::size_t i = 1; i <= need; ++i) {
    if (offset + i >= text.size() || (byte(offset + i) & 0xC0) != 0x80) return 0xFFFD;
    cp = (cp << 6) | (byte(offset + i) & 0x3F);
  }
  length = need + 1;
  return cp;
}

char32_t decode_before(std::string_view text, std::size_t offset, std::size_t* start) {
  if (offset == 0) {
    if (start) *start = 0;
    return 0;
  }
  std::size_t begin = offset - 1;
  while (begin > 0 && offset - begin < 4 && (static_cast<unsigned char>(text[begin]) & 0xC0) == 0x80) --begin;
  std::size_t length = 0;
  char32_t c = decode(text, begin, length);
  if (begin + length != offset) {
    begin = offset - 1;
    c = 0xFFFD;
  }
  if (start) *start = begin;
  return c;
}

bool is_space(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0 ||
         c == 0x202F || c == 0x2007 || c == 0x2009 || c == 0x200A || c == 0x2002 || c == 0x2003 ||
         c == 0x3000 || c == 0x200B || c == 0x200D || c == 0xFEFF;
}

bool is_letter(char32_t c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
  if (c < 0xC0) return c == 0xAA || c == 0xB5 || c == 0xBA;
  if (c == 0xD7 || c == 0xF7) return false;
  return c <= 0x24F || (c >= 0x370 && c <= 0x52F) || (c >= 0x1E00 && c <= 0x1FFF);
}

bool is_upper(char32_t c) {
  if (c >= 'A' && c <= 'Z') return true;
  if (c >= 0xC0 && c <= 0xDE) return c != 0xD7;
  if (c >= 0x100 && c <= 0x17F) return c % 2 == 0;
  if (c >= 0x391 && c <= 0x3A9) return true;
  if (c >= 0x400 && c <= 0x42F) return true;
  return false;
}

bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }

bool is_dash(char32_t c) { return c == 0x2013 || c == 0x2014 || c == 0x2012 || c == 0x2015; }

bool is_opening_quote(char32_t c) {
  return c == 0x201C || c == 0x2018 || c == 0xAB || c == 0x2039 || c == 0x201E || c == 0x201A;
}

bool is_closing_quote(char32_t c) { return c == 0x201D || c == 0x2019 || c == 0xBB || c == 0x203A; }

std::string fold(std::string_view text) {
  // Most words are plain ASCII: lower-case them in place.
  std::string out(text);
  bool ascii = true;
  for (char& ch : out) {
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    ascii = ascii && static_cast<unsigned char>(ch) < 0x80;
  }
  if (ascii) return out;
  out.clear();
  for (std::size_t i = 0; i < text.size();) {
    std::size_t length = 0;
    const char32_t c = decode(text, i, length);
    if (c == 0x2019 || c == 0x2018) {
      out += '\'';
    } else if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c - 'A' + 'a');
    } else {
      out.append(text.substr(i, length));
    }
    i += length;
  }
  return out;
}

Span trim(std::string_view text, Span span) {
  while (span.begin < span.end) {
    std::size_t length = 0;
    if (!is_space(decode(text, span.begin, length))) break;
    span.begin += length;
  }
  while (span.end > span.begin) {
    std::size_t start = 0;
    if (!is_space(decode_before(text, span.end, &start))) break;
    span.end = start;
  }
  return span;
}

std::string_view trim(std::string_view text) {
  const Span span = trim(text, {0, text.size()});
  return text.substr(span.begin, span.size());
}

namespace {

bool is_word_char(char32_t c) { return is_letter(c) || is_digit(c); }

// Characters that may join two word characters into one token: "al-Eryani",
// "Znak.com", "U.S", "1,000", "14:00", "can't", "Armenia’s".
bool is_joiner(char32_t c, char32_t before, char32_t after) {
  if (!is_word_char(before) || !is_word_char(after)) return false;
  // "military.The" is two sentences run together, not one word.
  if (c == '.') return !(is_letter(before) && !is_upper(before) && is_upper(after));
  if (c == '-' || c == '\'' || c == 0x2019 || c == 0x2011) return true;
  if (c == ',' || c == ':') return is_digit(before) && is_digit(after);
  return false;
}

}  // namespace

std::vector<Token> split_tokens(std::string_view text, Span span) {
  std::vector<Token> tokens;
  tokens.reserve(span.size() / 5 + 1);  // about one token per five bytes of news text
  std::size_t i = span.begin;
  while (i < span.end) {
    std::size_t length = 0;
    const char32_t c = decode(text, i, length);
    if (is_space(c)) {
      i += length;
      continue;
    }
    Token token;
    token.span.begin = i;
    if (is_word_char(c)) {
      std::size_t j = i + length;
      std::size_t hyphen = std::string_view::npos;  // the first '-' inside the token, from i
      char32_t previous = c;
      while (j < span.end) {
        const auto byte = static_cast<unsigned char>(text[j]);
        if ((byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') || (byte >= '0' && byte <= '9')) {
          previous = byte;  // ASCII letters and digits need no decoding
          ++j;
          continue;
        }
        std::size_t l = 0;
        const char32_t d = decode(text, j, l);
        if (is_word_char(d)) {
          previous = d;
          j += l;
          continue;
        }
        if (j + l < span.end) {
          std::size_t l2 = 0;
          const char32_t after = decode(text, j + l, l2);
          if (is_joiner(d, previous, after)) {
            if (d == '-' && hyphen == std::string_view::npos) hyphen = j - i;
            previous = after;
            j += l + l2;
            continue;
          }
        }
        break;
      }
      token.span.end = j;
      token.word = true;
      token.capitalized = is_upper(c);
      if (!token.capitalized) {
        // "al-Shabaab", "el-Sisi": a short lower-case particle before a name.
        if (hyphen != std::string_view::npos && hyphen >= 1 && hyphen <= 3 && i + hyphen + 1 < j) {
          std::size_t l = 0;
          token.capitalized = is_upper(decode(text, i + hyphen + 1, l));
        }
      }
      token.number = is_digit(c);
      token.lower = fold(text.substr(i, j - i));
      // Split off a possessive 's so that "Armenia's attacks" names Armenia.
      if (token.lower.size() > 2 && ends_with(token.lower, "'s")) {
        std::size_t apostrophe = j - 1;
        while (apostrophe > i && text[apostrophe] != '\'' && static_cast<unsigned char>(text[apostrophe]) != 0x99) --apostrophe;
        // ’ is E2 80 99: step back to its first byte.
        if (static_cast<unsigned char>(text[apostrophe]) == 0x99 && apostrophe >= 2) apostrophe -= 2;
        Token possessive;
        possessive.span = {apostrophe, j};
        possessive.lower = "'s";
        possessive.word = true;
        possessive.possessive = true;
        token.span.end = apostrophe;
        token.lower = fold(text.substr(i, apostrophe - i));
        tokens.push_back(std::move(token));
        tokens.push_back(std::move(possessive));
        i = j;
        continue;
      }
      tokens.push_back(std::move(token));
      i = j;
      continue;
    }
    token.span.end = i + length;
    token.lower = fold(text.substr(i, length));
    tokens.push_back(std::move(token));
    i += length;
  }
  return tokens;
}

std::vector<Token> tokenize(std::string_view text, Span span) {
  std::vector<Token> tokens = split_tokens(text, span);
  for (Token& token : tokens) identify(token);
  return tokens;
}

}  // namespace whosays::text
