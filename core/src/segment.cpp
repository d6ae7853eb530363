// Sentences, quotations and clauses of one block's text.
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>

#include "clauses.h"
#include "swar.h"
#include "text.h"
#include "words.h"
#include "whosays/segment.h"

namespace whosays {
namespace {

using text::decode;
using text::decode_before;

bool is_abbreviation(std::string_view word) {
  // Folded on the stack: asked at most stops, of short words.
  char room[24];
  if (words().abbreviations.contains(word.size() <= sizeof room ? text::fold(word, room) : std::string_view(text::fold(word))))
    return true;
  // Initials and dotted acronyms: "J", "U.S", "U.N".
  std::size_t letters = 0;
  for (std::size_t i = 0; i < word.size(); ++i) {
    const char c = word[i];
    if (c == '.') continue;
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) return false;
    ++letters;
    if (i + 1 < word.size() && word[i + 1] != '.') return false;
  }
  return letters >= 1 && letters <= 4;
}

// The word (letters, digits, dots) that ends at offset.
std::string_view word_before(std::string_view text, std::size_t offset) {
  std::size_t begin = offset;
  while (begin > 0) {
    std::size_t start = begin - 1;
    const auto byte = static_cast<unsigned char>(text[start]);
    if (byte < 0x80) {  // ASCII: a whole character, tested here
      if (!(static_cast<unsigned char>((byte | 0x20) - 'a') < 26 || static_cast<unsigned char>(byte - '0') < 10 || byte == '.')) break;
      begin = start;
      continue;
    }
    const char32_t c = decode_before(text, begin, &start);
    if (!(text::is_letter(c) || text::is_digit(c) || c == '.')) break;  // '.': a malformed (overlong) one
    begin = start;
  }
  return text.substr(begin, offset - begin);
}

bool all_lower(std::string_view word) {
  if (word.empty()) return false;
  for (char c : word) {
    if (!(c >= 'a' && c <= 'z')) return false;
  }
  return true;
}

// The first byte at or after i for which `in_chunk` flags a lane of the
// eight-byte word that holds it and `is` says yes. Eight bytes at a time
// (news text runs for dozens of bytes between two that matter); the lowest
// flag of an exact test is the byte itself (swar.h: bytes are read
// little-endian), so the chunk that holds one is not read again byte by byte.
template <typename ChunkTest, typename ByteTest>
std::size_t find_byte(std::string_view text, std::size_t i, ChunkTest in_chunk, ByteTest is) {
  for (; i + 8 <= text.size(); i += 8) {
    if (const std::uint64_t found = in_chunk(swar::load(text.data() + i))) return i + __builtin_ctzll(found) / 8;
  }
  while (i < text.size() && !is(static_cast<unsigned char>(text[i]))) ++i;
  return i;
}

// The first . ! or ? at or after i.
std::size_t next_stop(std::string_view text, std::size_t i) {
  return find_byte(
      text, i, [](std::uint64_t chunk) { return swar::equal(chunk, '.') | swar::equal(chunk, '!') | swar::equal(chunk, '?'); },
      [](unsigned char byte) { return byte == '.' || byte == '!' || byte == '?'; });
}

// The first byte at or after i that can start a quotation mark: " ' or the
// lead byte of « » (C2) or of ‘ ’ “ ” „ ‹ › (E2). A lead byte is never inside
// a UTF-8 sequence, so skipping other bytes keeps in step. C2 and E2 differ
// only in bit 0x20: one test finds both.
std::size_t next_mark(std::string_view text, std::size_t i) {
  return find_byte(
      text, i,
      [](std::uint64_t chunk) {
        return swar::equal(chunk, '"') | swar::equal(chunk, '\'') | swar::equal(chunk | swar::kOnes * 0x20, 0xE2);
      },
      [](unsigned char byte) { return byte == '"' || byte == '\'' || (byte | 0x20) == 0xE2; });
}

// The first offset at or after i in a sorted list (text::Tokens' stops or
// marks), text_size if none; asked at offsets that only grow.
struct Cursor {
  const std::vector<std::size_t>& at;
  std::size_t text_size;
  std::size_t k = 0;
  std::size_t operator()(std::size_t i) {
    while (k < at.size() && at[k] < i) ++k;
    return k < at.size() ? at[k] : text_size;
  }
};

// split_sentences with next_stop(i): the first . ! or ? at or after i that
// may end a sentence (text.size() if none).
template <typename NextStop>
void split_sentences_at(std::string_view text, NextStop next_stop, std::vector<Span>& sentences) {
  sentences.clear();
  std::size_t begin = 0;
  const auto emit = [&](std::size_t end) {
    const Span span = text::trim(text, {begin, end});
    if (!span.empty()) sentences.push_back(span);
    begin = end;
  };
  // Only . ! ? end a sentence; being ASCII, none is ever inside a UTF-8
  // sequence, so the scan jumps from one to the next.
  for (std::size_t i = next_stop(0); i < text.size(); i = next_stop(i)) {
    std::size_t length = 0;
    const char32_t c = decode(text, i, length);
    std::size_t end = i + length;
    // Swallow further stops, closing quotes and brackets: ".’", "?\"", "[.]".
    while (end < text.size()) {
      std::size_t l = 0;
      const char32_t d = decode(text, end, l);
      if (d == '.' || d == '!' || d == '?' || d == '"' || d == '\'' || d == ')' || d == ']' ||
          text::is_closing_quote(d)) {
        end += l;
      } else {
        break;
      }
    }
    if (end >= text.size()) {
      i = end;
      break;
    }
    std::size_t l = 0;
    const char32_t next = decode(text, end, l);
    const std::string_view word = word_before(text, i);
    const bool stop_is_period = c == '.';
    if (text::is_space(next)) {
      std::size_t k = end;
      char32_t after = 0;
      while (k < text.size()) {
        after = decode(text, k, l);
        if (!text::is_space(after)) break;
        k += l;
      }
      if (k >= text.size()) break;
      bool split = text::is_upper(after) || text::is_digit(after) || text::is_opening_quote(after) ||
                   after == '"' || after == '\'' || after == '(' || after == '[' || text::is_dash(after);
      if (!split && text::is_letter(after)) {
        // ". turkey stands": a new sentence after a plain word, not after "e.g.".
        split = word.size() >= 4 && all_lower(word);
      }
      if (split && stop_is_period && end == i + 1 && is_abbreviation(word)) split = false;
      if (split) emit(end);
      i = end;
      continue;
    }
    // "military.The": a missing space after a plain lower-case word.
    if (stop_is_period && end == i + 1 && text::is_upper(next) && all_lower(word) && word.size() >= 2) {
      emit(end);
    }
    i = end;
  }
  emit(text.size());
}

// The quotation marks find_quotations reads.
enum class Mark { straight_double, straight_single, curly_double, curly_single, guillemet, single_guillemet, low };

// The marks find_quotations has opened and not closed yet, innermost last;
// the quotations they make go to `quotations`.
class OpenQuotes {
 public:
  explicit OpenQuotes(std::vector<Quotation>& quotations) : quotations_(quotations) {}
  void open(Mark mark, std::size_t at, std::size_t length) { stack_.push_back({mark, at, at + length}); }
  // Closes the innermost open `mark` (a “ also closes a „) with the mark at
  // text[at, at + length), and with it the marks opened inside it; none
  // if no such mark is open.
  void close(Mark mark, std::size_t at, std::size_t length) {
    for (std::size_t k = stack_.size(); k-- > 0;) {
      if (stack_[k].mark == mark || (mark == Mark::curly_double && stack_[k].mark == Mark::low)) {
        quotations_.push_back({{stack_[k].outer, at + length}, {stack_[k].inner, at}});
        stack_.resize(k);
        return;
      }
    }
  }
  bool has_open(Mark mark) const {
    return std::any_of(stack_.begin(), stack_.end(), [&](const Open& o) { return o.mark == mark; });
  }
  bool innermost_is(Mark mark) const { return !stack_.empty() && stack_.back().mark == mark; }

  // At the end of a text of `size` bytes: the quotations by start, outer
  // before inner. A quotation still open there runs to its end, except a
  // stray single mark, which is more likely an apostrophe. Only the
  // outermost: the others would nest inside it to the same end.
  void finish(std::size_t size) {
    for (const Open& open : stack_) {
      if (open.mark == Mark::straight_single || open.mark == Mark::curly_single) continue;
      quotations_.push_back({{open.outer, size}, {open.inner, size}});
      break;
    }
    std::sort(quotations_.begin(), quotations_.end(), [](const Quotation& a, const Quotation& b) {
      return a.outer.begin != b.outer.begin ? a.outer.begin < b.outer.begin : a.outer.end > b.outer.end;
    });
  }

 private:
  struct Open {
    Mark mark;
    std::size_t outer;
    std::size_t inner;
  };
  std::vector<Open> stack_;
  std::vector<Quotation>& quotations_;
};

// find_quotations with next_mark(i): the first byte at or after i that may
// start a quotation mark (text.size() if none).
template <typename NextMark>
std::vector<Quotation> find_quotations_at(std::string_view text, NextMark next_mark) {
  std::vector<Quotation> quotations;
  OpenQuotes quotes(quotations);
  for (std::size_t i = next_mark(0); i < text.size(); i = next_mark(i)) {
    std::size_t length = 0;
    const char32_t c = decode(text, i, length);
    const char32_t before = decode_before(text, i);
    std::size_t l = 0;
    const char32_t after = i + length < text.size() ? decode(text, i + length, l) : 0;
    const bool letter_before = text::is_letter(before) || text::is_digit(before);
    const bool letter_after = text::is_letter(after) || text::is_digit(after);
    const bool space_before = before == 0 || text::is_space(before) || before == '(' || before == '[' ||
                              text::is_dash(before) || text::is_opening_quote(before) || before == '"';
    switch (c) {
      case 0x201C:  // “ opens, or closes a low „
        if (quotes.innermost_is(Mark::low)) {
          quotes.close(Mark::low, i, length);
        } else {
          quotes.open(Mark::curly_double, i, length);
        }
        break;
      case 0x201D:  // ”
        quotes.close(Mark::curly_double, i, length);
        break;
      case 0x201E:  // „
        quotes.open(Mark::low, i, length);
        break;
      case 0x2018:  // ‘
        if (!(letter_before && letter_after)) quotes.open(Mark::curly_single, i, length);
        break;
      case 0x2019:  // ’ closes a ‘ unless it sits between letters (Turkey’s)
        if (!(letter_before && letter_after) && quotes.has_open(Mark::curly_single)) {
          quotes.close(Mark::curly_single, i, length);
        }
        break;
      case 0xAB:
        quotes.open(Mark::guillemet, i, length);
        break;
      case 0xBB:
        quotes.close(Mark::guillemet, i, length);
        break;
      case 0x2039:
        quotes.open(Mark::single_guillemet, i, length);
        break;
      case 0x203A:
        quotes.close(Mark::single_guillemet, i, length);
        break;
      case '"':  // straight marks alternate; one in closing position closes a “ left open
        if (quotes.has_open(Mark::straight_double) ||
            (quotes.innermost_is(Mark::curly_double) && !space_before && !letter_after)) {
          quotes.close(quotes.has_open(Mark::straight_double) ? Mark::straight_double : Mark::curly_double, i,
                       length);
        } else {
          quotes.open(Mark::straight_double, i, length);
        }
        break;
      case '\'':
        if (letter_before && letter_after) break;  // can't
        if (quotes.has_open(Mark::straight_single) && letter_before) {
          quotes.close(Mark::straight_single, i, length);
        } else if (space_before && letter_after) {
          quotes.open(Mark::straight_single, i, length);
        }
        break;
      default:
        break;
    }
    i += length;
  }
  quotes.finish(text.size());
  return quotations;
}

}  // namespace

std::vector<Span> split_sentences(std::string_view text) {
  std::vector<Span> sentences;
  split_sentences(text, sentences);
  return sentences;
}

void split_sentences(std::string_view text, std::vector<Span>& sentences) {
  split_sentences_at(text, [text](std::size_t i) { return next_stop(text, i); }, sentences);
}

void split_sentences(std::string_view text, const text::Tokens& tokens, std::vector<Span>& sentences) {
  split_sentences_at(text, Cursor{tokens.stops(), text.size()}, sentences);
}

std::vector<Quotation> find_quotations(std::string_view text) {
  return find_quotations_at(text, [text](std::size_t i) { return next_mark(text, i); });
}

std::vector<Quotation> find_quotations(std::string_view text, const text::Tokens& tokens) {
  return find_quotations_at(text, Cursor{tokens.marks(), text.size()});
}

namespace {

// clauses_of's cut, out of line: the walk over the tokens keeps its few
// values in registers.
struct ClauseCuts {
  std::string_view text;
  const text::Token* first;
  std::size_t index;
  std::vector<Span>& clauses;
  std::vector<Range>& tokens;
  std::size_t begin;
  const text::Token* begin_token;

  [[gnu::noinline]] void emit(std::size_t end, std::size_t next, const text::Token* end_token,
                              const text::Token* next_token) {
    const Span span = text::trim(text, {begin, end});
    if (!span.empty()) {
      clauses.push_back(span);
      tokens.push_back(
          {index + static_cast<std::size_t>(begin_token - first), index + static_cast<std::size_t>(end_token - first)});
    }
    begin = next;
    begin_token = next_token;
  }
};

}  // namespace

void clauses_of(std::string_view text, Span sentence, const text::Token* first, const text::Token* last,
                const std::size_t* edge, const std::size_t* edges_end, std::vector<Span>& clauses,
                std::size_t index, std::vector<Range>& tokens) {
  // Cut points: separators (, ; : dashes) are dropped; a quotation's marks
  // start and end a clause of their own; "but", "while", "whereas" start one.
  clauses.clear();
  ClauseCuts cuts{text, first, index, clauses, tokens, sentence.begin, first};
  for (const text::Token* token = first; token != last; ++token) {
    const std::size_t at = token->span.begin;
    while (edge != edges_end && *edge <= at) {
      if (*edge > cuts.begin) cuts.emit(*edge, *edge, token, token);
      ++edge;
    }
    if (token->word) {  // a separator is never a word
      // The first letter before the length: most words' lengths are 3, 5
      // or 7 as often as not (a branch mispredicted), few start with b or w.
      const std::string_view word = token->lower;  // a word token is never empty
      if ((word[0] == 'b' || word[0] == 'w') && (word == "but" || word == "while" || word == "whereas"))
        cuts.emit(at, at, token, token);
      continue;
    }
    std::size_t length = 0;
    const char32_t c = decode(text, at, length);
    const bool spaced_hyphen = c == '-' && token->span.size() == 1 && token != first && (token - 1)->span.end < at;
    if (c == ',' || c == ';' || c == ':' || text::is_dash(c) || spaced_hyphen) cuts.emit(at, token->span.end, token, token + 1);
  }
  cuts.emit(sentence.end, sentence.end, last, last);
}

std::vector<Span> split_clauses(std::string_view text, Span sentence, const std::vector<Quotation>& quotations) {
  std::vector<std::size_t> quote_edges;
  for (const Quotation& q : quotations) {
    if (q.outer.begin > sentence.begin && q.outer.begin < sentence.end) quote_edges.push_back(q.outer.begin);
    if (q.outer.end > sentence.begin && q.outer.end < sentence.end) quote_edges.push_back(q.outer.end);
  }
  std::sort(quote_edges.begin(), quote_edges.end());
  const text::Tokens tokens = text::split_tokens(text, sentence);  // not a vector<Token>: lower may view its storage
  std::vector<Span> clauses;
  std::vector<Range> clause_tokens;
  clauses_of(text, sentence, tokens.begin(), tokens.end(), quote_edges.data(),
             quote_edges.data() + quote_edges.size(), clauses, 0, clause_tokens);
  return clauses;
}

}  // namespace whosays
