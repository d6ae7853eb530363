#include "text.h"

#include "words.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace whosays::text {
namespace {

// Bytes by class: the tokenizer reads most of a text without decoding it
// (is_space and is_word_char on ASCII, as a table).
enum ByteClass : unsigned char {
  kSpace = 1,
  kLowerCase = 2,
  kUpperCase = 4,
  kDigit = 8,
  kJoinerByte = 16,  // . - ' , : (is_joiner)
  kNonAscii = 32,    // a byte of a multi-byte character
};
constexpr unsigned char kWordByte = kLowerCase | kUpperCase | kDigit;

struct ByteClasses {
  unsigned char of[256] = {};
  constexpr ByteClasses() {
    for (char c : {' ', '\t', '\n', '\r', '\f', '\v'}) of[static_cast<unsigned char>(c)] = kSpace;
    for (int c = 'a'; c <= 'z'; ++c) of[c] = kLowerCase;
    for (int c = 'A'; c <= 'Z'; ++c) of[c] = kUpperCase;
    for (int c = '0'; c <= '9'; ++c) of[c] = kDigit;
    for (char c : {'.', '-', '\'', ',', ':'}) of[static_cast<unsigned char>(c)] = kJoinerByte;
    for (int c = 0x80; c <= 0xFF; ++c) of[c] = kNonAscii;
  }
  unsigned char operator()(char32_t c) const { return c < 0x80 ? of[c] : static_cast<unsigned char>(kNonAscii); }
};
constexpr ByteClasses kBytes;

#if defined(__SSE2__)
// Past the ASCII letters and digits from text[j], sixteen bytes at a time
// while sixteen remain before `end` (the byte loop after it reads the
// rest), their classes ORed into seen. Natively only: a word's length is
// no longer a branch per byte, which the loop's exit mispredicted once a
// word (the WebAssembly engine reads byte by byte).
std::size_t word_run(const char* text, std::size_t j, std::size_t end, unsigned char& seen) {
  const auto in_range = [](__m128i v, char low, char count) {  // low <= byte < low + count, as signed bytes
    return _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8(static_cast<char>(-128 - low))),
                          _mm_set1_epi8(static_cast<char>(-128 + count)));
  };
  for (; j + 16 <= end; j += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text + j));
    const unsigned lower = static_cast<unsigned>(_mm_movemask_epi8(in_range(v, 'a', 26)));
    const unsigned upper = static_cast<unsigned>(_mm_movemask_epi8(in_range(v, 'A', 26)));
    const unsigned digit = static_cast<unsigned>(_mm_movemask_epi8(in_range(v, '0', 10)));
    const unsigned run = static_cast<unsigned>(__builtin_ctz(~(lower | upper | digit)));  // at most 16
    const unsigned in_run = (1u << run) - 1;
    seen |= static_cast<unsigned char>(((lower & in_run) != 0) * kLowerCase | ((upper & in_run) != 0) * kUpperCase |
                                       ((digit & in_run) != 0) * kDigit);
    if (run < 16) return j + run;
  }
  return j;
}
#endif

}  // namespace

char32_t decode_multibyte(std::string_view text, std::size_t offset, std::size_t& length) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(offset);
  length = 1;
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

namespace {

// Writes the folded form of text to out and returns its length, at most
// text.size(): folding never lengthens a text.
std::size_t fold_into(std::string_view text, char* out) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      out[n++] = static_cast<char>(byte >= 'A' && byte <= 'Z' ? byte - 'A' + 'a' : byte);
      ++i;
      continue;
    }
    std::size_t length = 0;
    const char32_t c = decode(text, i, length);
    if (c == 0x2019 || c == 0x2018) {
      out[n++] = '\'';
    } else if (c >= 'A' && c <= 'Z') {  // an overlong (malformed) sequence: decode() reads it as ASCII
      out[n++] = static_cast<char>(c - 'A' + 'a');
    } else {
      text.copy(out + n, length, i);
      n += length;
    }
    i += length;
  }
  return n;
}

}  // namespace

std::string fold(std::string_view text) {
  std::string out(text.size(), '\0');
  out.resize(fold_into(text, out.data()));
  return out;
}

std::string_view fold(std::string_view text, char* out) { return {out, fold_into(text, out)}; }

Span trim(std::string_view text, Span span) {
  // An ASCII byte is a whole character, classed by the table; only other
  // bytes need decoding.
  const auto class_at = [&](std::size_t i) { return kBytes.of[static_cast<unsigned char>(text[i])]; };
  // Most spans (sentences, clauses) have nothing to trim: two bytes say so.
  if (span.begin < span.end && !((class_at(span.begin) | class_at(span.end - 1)) & (kSpace | kNonAscii))) return span;
  while (span.begin < span.end) {
    const unsigned char cls = class_at(span.begin);
    std::size_t length = 1;
    if (cls & kNonAscii ? !is_space(decode(text, span.begin, length)) : !(cls & kSpace)) break;
    span.begin += length;
  }
  while (span.end > span.begin) {
    const unsigned char cls = class_at(span.end - 1);
    std::size_t start = span.end - 1;
    if (cls & kNonAscii ? !is_space(decode_before(text, span.end, &start)) : !(cls & kSpace)) break;
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

// A word: letters or digits, possibly joined (is_joiner).
struct Word {
  std::size_t end = 0;                          // one past its last byte
  std::size_t hyphen = std::string_view::npos;  // the first '-' inside it, from its start
  unsigned char seen = 0;                       // the classes of its characters and joiners
};

// The rest of the word that starts at text[begin] and goes on at text[j]
// (after its first character, or after a run of ASCII letters and digits),
// ending at `end` at the latest: runs of ASCII letters and digits, non-ASCII
// letters and joiners. `seen`: the classes so far; `previous`: the character
// before text[j].
Word scan_word(std::string_view text, std::size_t begin, std::size_t j, std::size_t end, unsigned char seen,
               char32_t previous) {
  Word word;
  while (j < end) {
    // A run of ASCII letters and digits, most of a text: no decoding.
    unsigned char cls = kBytes.of[static_cast<unsigned char>(text[j])];
    if (cls & kWordByte) {
      do {
        seen |= cls;
        ++j;
      } while (j < end && ((cls = kBytes.of[static_cast<unsigned char>(text[j])]) & kWordByte));
      previous = static_cast<unsigned char>(text[j - 1]);
      if (j == end) break;
    }
    if (!(cls & (kJoinerByte | kNonAscii))) break;  // white space or punctuation that joins nothing
    std::size_t l = 0;
    const char32_t d = decode(text, j, l);
    if (is_word_char(d)) {  // not ASCII
      seen |= kNonAscii;
      previous = d;
      j += l;
      continue;
    }
    if (j + l < end) {
      std::size_t l2 = 0;
      const char32_t after = decode(text, j + l, l2);
      if (is_joiner(d, previous, after)) {
        if (d == '-' && word.hyphen == std::string_view::npos) word.hyphen = j - begin;
        seen |= kBytes(d) | kBytes(after);
        previous = after;
        j += l + l2;
        continue;
      }
    }
    break;
  }
  word.end = j;
  word.seen = seen;
  return word;
}

// Folds text[begin, to) into out (is ASCII: only upper-case letters change).
std::string_view fold_ascii(std::string_view text, std::size_t begin, std::size_t to, char* out) {
  for (std::size_t k = begin; k < to; ++k) {
    const auto byte = static_cast<unsigned char>(text[k]);
    out[k - begin] = static_cast<char>(byte + ((kBytes.of[byte] & kUpperCase) ? 'a' - 'A' : 0));
  }
  return {out, to - begin};
}

// Adds the word token text[begin, word.end) that starts with c, and splits a
// possessive 's off it so that "Armenia's attacks" names Armenia. `folded`:
// room for the folded forms of text[begin, word.end) (Tokens::folded_).
void add_word(std::string_view text, std::size_t begin, char32_t c, const Word& word, char* folded,
              std::vector<Token>& tokens) {
  const std::size_t end = word.end;
  // ASCII letters and digits only: folded byte by byte, and no apostrophe.
  // A joiner or a non-ASCII character (’ folds to '; the first may be a
  // malformed sequence that decode() reads as ASCII) takes fold_into.
  const bool plain = !(word.seen & (kJoinerByte | kNonAscii)) && static_cast<unsigned char>(text[begin]) < 0x80;
  const auto fold_at = [&](std::size_t to) {
    if (plain) return fold_ascii(text, begin, to, folded);
    return std::string_view(folded, fold_into(std::string_view(text.data() + begin, to - begin), folded));
  };
  Token& token = tokens.emplace_back();
  token.span = {begin, end};
  token.word = true;
  token.capitalized = is_upper(c);
  if (!token.capitalized && word.hyphen != std::string_view::npos) {
    // "al-Shabaab", "el-Sisi": a short lower-case particle before a name.
    const std::size_t hyphen = word.hyphen;
    if (hyphen >= 1 && hyphen <= 3 && begin + hyphen + 1 < end) {
      std::size_t l = 0;
      token.capitalized = is_upper(decode(text, begin + hyphen + 1, l));
    }
  }
  token.number = is_digit(c);
  token.lower = !(word.seen & (kUpperCase | kNonAscii)) ? std::string_view(text.data() + begin, end - begin) : fold_at(end);
  // An apostrophe comes only with a joiner: ' or ’ (non-ASCII).
  if (plain || !(token.lower.size() > 2 && ends_with(token.lower, "'s"))) return;
  std::size_t apostrophe = end - 1;
  while (apostrophe > begin && text[apostrophe] != '\'' && static_cast<unsigned char>(text[apostrophe]) != 0x99) --apostrophe;
  // ’ is E2 80 99: step back to its first byte.
  if (static_cast<unsigned char>(text[apostrophe]) == 0x99 && apostrophe >= 2) apostrophe -= 2;
  token.span.end = apostrophe;
  token.lower = fold_at(apostrophe);
  Token& possessive = tokens.emplace_back();
  possessive.span = {apostrophe, end};
  possessive.lower = "'s";
  possessive.word = true;
  possessive.possessive = true;
}

}  // namespace

// split_tokens into `tokens`, keeping its room; with `vocabulary`, each
// token identified as it is made (tokenize). Tokens's friend: the one writer
// of its members.
void split_tokens(std::string_view text, Span span, Tokens& tokens, const Vocabulary* vocabulary) {
  std::vector<Token>& list = tokens.list_;
  const auto identify_from = [&](std::size_t first) {
    if (vocabulary) {
      for (std::size_t k = first; k < list.size(); ++k) vocabulary->identify(list[k]);
    }
  };
  list.clear();
  tokens.stops_.clear();
  tokens.marks_.clear();
  list.reserve(span.size() / 5 + 1);  // about one token per five bytes of news text
  if (tokens.folded_room_ < span.size()) {
    tokens.folded_.reset(new char[span.size()]);
    tokens.folded_room_ = span.size();
  }
  char* const folded = tokens.folded_.get();
  const auto byte_at = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  std::size_t i = span.begin;
  while (i < span.end) {
    const unsigned char byte = byte_at(i);
    const unsigned char cls = kBytes.of[byte];
    if (cls & kSpace) {
      ++i;
      continue;
    }
    if (cls & kWordByte) {
      // An ASCII word: its first run of letters and digits here; only a
      // joiner that may join something, or a non-ASCII character, after it
      // takes scan_word.
      unsigned char seen = cls;
#if defined(__SSE2__)
      std::size_t j = word_run(text.data(), i + 1, span.end, seen);
#else
      std::size_t j = i + 1;
#endif
      unsigned char next = 0;
      while (j < span.end && ((next = kBytes.of[byte_at(j)]) & kWordByte)) {
        seen |= next;
        ++j;
      }
      // A joiner joins only a word character to the word ("U.S", "1,000",
      // "al-Shabaab"): before white space or ASCII punctuation (most commas
      // and full stops) it ends the word as they do.
      const bool joins = j < span.end && ((next & kNonAscii) || ((next & kJoinerByte) && j + 1 < span.end &&
                                                                 (kBytes.of[byte_at(j + 1)] & (kWordByte | kNonAscii))));
      if (joins) {
        const Word word = scan_word(text, i, j, span.end, seen, byte_at(j - 1));
        const std::size_t first = list.size();
        add_word(text, i, byte, word, folded + (i - span.begin), list);
        identify_from(first);
        i = word.end;
        continue;
      }
      // The common word: ASCII letters and digits only, no possessive.
      Token& token = list.emplace_back();
      token.span = {i, j};
      token.word = true;
      token.capitalized = (cls & kUpperCase) != 0;
      token.number = (cls & kDigit) != 0;
      token.letters = !(seen & kDigit);
      token.lower = seen & kUpperCase ? fold_ascii(text, i, j, folded + (i - span.begin))
                                      : std::string_view(text.data() + i, j - i);
      if (vocabulary) vocabulary->identify(token);
      i = j < span.end && (next & kSpace) ? j + 1 : j;  // most words end at a space: skipped here
      continue;
    }
    char32_t c = byte;
    std::size_t length = 1;
    if (cls & kNonAscii) {
      c = decode(text, i, length);
      if (is_space(c)) {
        i += length;
        continue;
      }
      if (is_word_char(c)) {
        const Word word = scan_word(text, i, i + length, span.end, kBytes(c), c);
        const std::size_t first = list.size();
        add_word(text, i, c, word, folded + (i - span.begin), list);
        identify_from(first);
        i = word.end;
        continue;
      }
    }
    if (byte == '.' || byte == '!' || byte == '?') {
      tokens.stops_.push_back(i);
    } else if (byte == '"' || byte == '\'' || (byte | 0x20) == 0xE2) {
      tokens.marks_.push_back(i);
    }
    Token& token = list.emplace_back();
    token.span = {i, i + length};
    token.lower = c == 0x2019 || c == 0x2018 ? std::string_view("'") : std::string_view(text.data() + i, length);
    if (vocabulary) vocabulary->identify(token);
    i += length;
  }
}


Tokens split_tokens(std::string_view text, Span span) {
  Tokens tokens;
  split_tokens(text, span, tokens, nullptr);
  return tokens;
}

Tokens tokenize(std::string_view text, Span span) {
  Tokens tokens;
  tokenize(text, span, tokens);
  return tokens;
}

void tokenize(std::string_view text, Span span, Tokens& tokens) { split_tokens(text, span, tokens, &vocabulary()); }

}  // namespace whosays::text
