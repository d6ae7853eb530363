// whosays: quantities in running text. The X3 grammar (quantity_def.hpp) is
// instantiated here, and find_quantities runs it at the word starts that
// the block's tokens give (find.h).
//
// Normalisation: what {min, max, approximate, kind} mean
// -------------------------------------------------------
// min/max are the value as written, unit-agnostic: "160 km" is 160 and
// "eleven-month-old" is 11 (months are not turned into years); clock times
// are HHMM on a 24-hour clock ("7:37 p.m." = 1937, "6am" = 600, "0100 UTC" =
// 100); a day of the month is its number.
//
//   exact figure        "35", "two hundred", "a dozen", "5.7 million"   min = max, not approximate
//   modifier            "at least 35", "more than 35", "over 35",        min = max = 35, approximate
//                       "up to 35", "nearly", "about", "some 35",
//                       "an estimated", "35 or more", "35+", "Sixty-six
//                       people or more"
//   exact modifier      "a total of 39", "exactly", "only", "another"    min = max, not approximate
//   range               "10 to 15", "10-15", "10–15", "two or three",    min = 10, max = 15, not approximate
//                       "between 36 and 40", "the ages of 14 and 18"     (the range is the uncertainty)
//                       a range whose second figure is below the first ("3-2") is two figures
//   change              "from fourteen to 31", "from five to six"       two quantities, 14 and 31: news
//                       uses "from A to B" for a figure that changed ("raised the toll from fourteen
//                       to 31"), and the later figure is the current one. Exceptions, read as one
//                       range: two years ("from 2013 to 2019") and an age lead ("range in age from 21
//                       to 78", read as "age from" + "21 to 78").
//   vague word          approximate; min..max below
//       a couple 2..3, a few 2..5, a handful 3..5, several 3..9, tens 20..99, dozens 24..99,
//       scores 40..199, hundreds 200..999, thousands 2000..9999, millions 2e6..9999999
//       times a scale: "several hundred" 300..900, "hundreds of thousands" 200000..999000,
//       "tens or hundreds of thousands" 20000..999000 (first minimum to second maximum)
//
// Modifiers never widen the interval (there is no "open" bound: JSON has no
// infinity); they only set approximate. "many", "some" and "numerous" alone
// are not quantities. Ordinals ("a fifth person", "70th", "twenty-first"),
// fractions ("two-thirds"), identifiers ("flight 1344", "Region 11", "Boeing
// 737", "COVID-19", "AK-47"), addresses ("619 Waddell Avenue"), "no one" and
// figures of more than 15 integer digits are read and dropped.
//
// Kinds, from the quantity's own words first, then its neighbours:
//   1. its unit: age ("45 years old", "-month-old"), money ("rubles"), percent ("%", "percent"),
//      measure ("km", "barrels", "magnitude", "hours", "years", "-storey", any other hyphenated
//      word: "a two-day ceasefire"), time ("a.m.", "p.m.", "UTC"), decade ("1990s": year, "20s": age);
//   2. a clock figure ("14:00"): time;
//   3. the word before: age ("aged", "ages of"), population ("a city of", "home to", "population
//      of"), money ("$", "€", "USD"), measure ("magnitude"), a month ("January 4": time; "January
//      2019": year);
//   4. year: every figure an integer of four digits from 1800 to 2099, no modifier, and the next
//      word not a count noun ("2000 people" is a count);
//   5. the word after is a month ("4 January"): time;
//   6. decimals without a scale word ("at 6.3", "the 5.0 earthquake"): measure (no count is
//      written with decimals; "5.7 million" is);
//   7. "Name, 20," (a capitalised word, a comma, one or two digits, a comma): age;
//   8. otherwise: count.
// Money before the figure wins over a measure unit ("$5 m").
//
// Spans cover the modifier, the figures, range words and the unit ("at least
// 35", "between 36 and 40", "45 years old", "$5"); not the context words
// before ("aged", "a city of") or after ("people").

#include "whosays/quantity.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "quantity/config.hpp"
#include "quantity/find.h"
#include "quantity/first_words.hpp"
#include "quantity/quantity_def.hpp"

namespace whosays::quantity::parser {

BOOST_SPIRIT_INSTANTIATE(phrase_type, iterator_type, context_type)

}  // namespace whosays::quantity::parser

namespace whosays {

namespace {

namespace ast = quantity::ast;
namespace x3 = boost::spirit::x3;
using quantity::is_ascii_alnum;
using quantity::kPadding;
using quantity::letters_in_padded;
using quantity::first_words;
using quantity::FirstWords;
using quantity::is_ascii_digit;
using quantity::word_char_at;
using quantity::word_char_before;
using quantity::parser::Annotator;
using quantity::parser::iterator_type;

// Positions of a tagged node as a byte span; nullopt if it was never tagged
// (which the grammar does not do, but a missing span must never throw).
std::optional<Span> span_of(const x3::position_tagged& node, const Annotator& annotator, const char* base) {
  const auto& positions = annotator.positions();
  if (node.id_first < 0 || node.id_last < 0 || static_cast<std::size_t>(node.id_first) >= positions.size() ||
      static_cast<std::size_t>(node.id_last) >= positions.size())
    return std::nullopt;
  return Span{static_cast<std::size_t>(positions[node.id_first] - base),
              static_cast<std::size_t>(positions[node.id_last] - base)};
}

bool is_year_figure(const ast::Figure& figure) {
  return figure.form == ast::Form::integer && figure.digits == 4 && figure.min >= 1800 && figure.min <= 2099;
}

bool suppressed(ast::Cue cue) {
  return cue == ast::Cue::identifier || cue == ast::Cue::negation || cue == ast::Cue::ordinal ||
         cue == ast::Cue::fraction || cue == ast::Cue::street;
}

bool is_upper_ascii(char c) { return c >= 'A' && c <= 'Z'; }

// "Sudesh Amman, 20, was": one or two digits between commas, after a
// capitalised word. Looks at most a few dozen bytes around the span.
bool name_comma_age(std::string_view text, Span span) {
  if (span.begin < 3 || span.end >= text.size() || text[span.end] != ',') return false;
  if (text[span.begin - 1] != ' ' || text[span.begin - 2] != ',') return false;
  std::size_t word_end = span.begin - 2;
  std::size_t word_begin = word_end;
  const std::size_t limit = word_end > 40 ? word_end - 40 : 0;
  while (word_begin > limit && is_ascii_alnum(text[word_begin - 1])) --word_begin;
  return word_begin < word_end && is_upper_ascii(text[word_begin]);
}

// Hours from "6" + "pm" or "7:37" + "p.m.", as HHMM on a 24-hour clock.
double apply_meridiem(const ast::Figure& figure, ast::Cue meridiem) {
  const double hhmm = figure.form == ast::Form::clock ? figure.min : figure.min * 100;
  double hour = std::floor(hhmm / 100);
  const double minute = hhmm - hour * 100;
  if (meridiem == ast::Cue::pm && hour < 12) hour += 12;
  if (meridiem == ast::Cue::am && hour == 12) hour = 0;
  return hour * 100 + minute;
}

struct Reading {
  bool keep = true;
  QuantityKind kind = QuantityKind::count;
};

Reading read_kind(const ast::Phrase& phrase, const ast::Amount& amount, std::string_view text, Span span) {
  Reading reading;
  for (const auto& figure : amount.figures) {
    if (figure.form == ast::Form::overlong) reading.keep = false;
  }
  if (suppressed(phrase.lead) || suppressed(amount.unit) || phrase.next == ast::Cue::street) reading.keep = false;
  if (!reading.keep) return reading;

  bool all_years = !amount.figures.empty();
  bool decimal = false;
  bool all_integer_forms = true;
  for (const auto& figure : amount.figures) {
    all_years = all_years && is_year_figure(figure);
    decimal = decimal || figure.decimal_point;
    all_integer_forms = all_integer_forms && figure.form == ast::Form::integer;
  }
  const bool clock = amount.figures.front().form == ast::Form::clock;

  const bool money_before = amount.currency || phrase.lead == ast::Cue::money;
  switch (amount.unit) {
    case ast::Cue::age: reading.kind = QuantityKind::age; return reading;
    case ast::Cue::money: reading.kind = QuantityKind::money; return reading;
    case ast::Cue::percent: reading.kind = QuantityKind::percent; return reading;
    case ast::Cue::measure:
      reading.kind = money_before ? QuantityKind::money : QuantityKind::measure;
      return reading;
    case ast::Cue::time:
    case ast::Cue::am:
    case ast::Cue::pm: reading.kind = QuantityKind::time; return reading;
    case ast::Cue::decade: reading.kind = all_years ? QuantityKind::year : QuantityKind::age; return reading;
    default: break;
  }
  if (amount.currency) {
    reading.kind = QuantityKind::money;
    return reading;
  }
  if (clock) {
    reading.kind = QuantityKind::time;
    return reading;
  }
  switch (phrase.lead) {
    case ast::Cue::age: reading.kind = QuantityKind::age; return reading;
    case ast::Cue::population: reading.kind = QuantityKind::population; return reading;
    case ast::Cue::money: reading.kind = QuantityKind::money; return reading;
    case ast::Cue::measure: reading.kind = QuantityKind::measure; return reading;
    case ast::Cue::date: reading.kind = all_years ? QuantityKind::year : QuantityKind::time; return reading;
    default: break;
  }
  if (all_years && !amount.modified && phrase.next != ast::Cue::count) {
    reading.kind = QuantityKind::year;
    return reading;
  }
  if (phrase.next == ast::Cue::date && all_integer_forms) {
    reading.kind = QuantityKind::time;
    return reading;
  }
  if (decimal) {
    reading.kind = QuantityKind::measure;
    return reading;
  }
  if (all_integer_forms && amount.figures.size() == 1 && !amount.modified && phrase.lead == ast::Cue::none &&
      amount.figures.front().digits <= 2 && name_comma_age(text, span)) {
    reading.kind = QuantityKind::age;
    return reading;
  }
  return reading;
}

// Turns one amount into one quantity (or two, for a range written backwards).
void emit_amount(const ast::Phrase& phrase, const ast::Amount& amount, std::string_view text,
                 const Annotator& annotator, const char* base, std::vector<Quantity>& out) {
  if (amount.figures.empty()) return;
  const auto span = span_of(amount, annotator, base);
  if (!span) return;
  const Reading reading = read_kind(phrase, amount, text, *span);
  if (!reading.keep) return;

  const bool meridiem = amount.unit == ast::Cue::am || amount.unit == ast::Cue::pm;
  auto value_min = [&](const ast::Figure& f) { return meridiem ? apply_meridiem(f, amount.unit) : f.min; };
  auto value_max = [&](const ast::Figure& f) { return meridiem ? apply_meridiem(f, amount.unit) : f.max; };
  const bool approximate = amount.approximate || phrase.open_after_noun;

  const ast::Figure& first = amount.figures.front();
  const ast::Figure& last = amount.figures.back();
  if (amount.figures.size() == 2 && value_min(last) < value_max(first)) {
    // "3-2" is not a range: each figure on its own, with its own span.
    for (const auto& figure : amount.figures) {
      const auto figure_span = span_of(figure, annotator, base);
      if (!figure_span) continue;
      const bool vague = figure.form == ast::Form::vague;
      out.push_back(Quantity{*figure_span, value_min(figure), value_max(figure), approximate || vague, reading.kind});
    }
    return;
  }
  bool vague = false;
  for (const auto& figure : amount.figures) vague = vague || figure.form == ast::Form::vague;
  const double min = value_min(first);
  const double max = value_max(last);
  if (!std::isfinite(min) || !std::isfinite(max)) return;
  out.push_back(Quantity{*span, min, max, approximate || vague, reading.kind});
}

void emit_phrase(const ast::Phrase& phrase, std::string_view text, const Annotator& annotator, const char* base,
                 std::vector<Quantity>& out) {
  if (phrase.amounts.size() == 2) {
    const ast::Amount& from = phrase.amounts[0];
    const ast::Amount& to = phrase.amounts[1];
    const bool plain = from.figures.size() == 1 && to.figures.size() == 1 && from.unit == ast::Cue::none &&
                       to.unit == ast::Cue::none && !from.modified && !to.modified;
    const bool years = plain && is_year_figure(from.figures[0]) && is_year_figure(to.figures[0]) &&
                       from.figures[0].min <= to.figures[0].min;
    const bool ages = plain && phrase.lead == ast::Cue::age && from.figures[0].max <= to.figures[0].min;
    if (years || ages) {
      ast::Amount range = from;
      range.figures.push_back(to.figures[0]);
      range.id_last = to.id_last;
      emit_amount(phrase, range, text, annotator, base, out);
      return;
    }
  }
  for (const auto& amount : phrase.amounts) emit_amount(phrase, amount, text, annotator, base, out);
}

// The bytes a phrase can start at: digits, a-z, '$' and the first bytes of
// the other currency signs (C2 of £ and ¥, E2 of €, ₹, ₽ ...).
constexpr std::array<bool, 256> kStartBytes = [] {
  std::array<bool, 256> start{};
  for (unsigned c = '0'; c <= '9'; ++c) start[c] = true;
  for (unsigned c = 'a'; c <= 'z'; ++c) start[c] = true;
  start['$'] = start[0xC2] = start[0xE2] = true;
  return start;
}();

// May a phrase start at p? At a digit, a letter or a currency sign that no
// word character touches on the left, and not after a joiner glued to a word
// ("COVID-19", "AK-47", "3:2", "24/7", "1.2.3").
bool can_start(const char* base, const char* p, const char* end) {
  const auto c = static_cast<unsigned char>(*p);
  if (!kStartBytes[c]) return false;
  if (c >= 0x80) {  // the first byte of a currency sign; one test for ASCII
    if (c == 0xC2 && !(p + 1 < end && (p[1] == '\xA3' || p[1] == '\xA5'))) return false;
    if (c == 0xE2 && !(p + 1 < end && p[1] == '\x82')) return false;
  }
  if (word_char_before(base, p, end)) return false;
  if (p - base >= 2) {
    const char joiner = p[-1];  // '-', '.', '/' are adjacent in ASCII
    if (((joiner >= '-' && joiner <= '/') || joiner == ':') && is_ascii_alnum(p[-2])) return false;
  }
  return true;
}


// Past the word characters at p (p itself if none starts there), in text
// that ends with a NUL at end.
const char* skip_word(const char* p, const char* end) {
  while (is_ascii_alnum(*p)) ++p;  // the common case, without the UTF-8 tests; the NUL stops it
  while (p < end && word_char_at(p, end)) ++p;
  return p;
}

// One text's scan: its lower-cased copy, the grammar tried at the positions
// where a phrase can start (can_start, the first-word gate), left to right,
// and the quantities found. The scan goes on after each phrase it reads.
class Scan {
 public:
  Scan(std::string_view text, std::vector<Quantity>& out, QuantityRoom& room)
      : text_(text), out_(out), gate_(first_words()) {
    // The grammar's tables are lower case; ASCII lower-casing keeps every
    // byte offset, so spans in the copy are spans in text. The NULs after
    // end stop every run of letters and digits (letters_in_padded, skip_word).
    // One pass from text into the copy (not a copy, then lower-casing it).
    if (room.size < text.size() + kPadding) {
      room.lowered.reset(new char[text.size() + kPadding]);
      room.size = text.size() + kPadding;
    }
    char* const lowered = room.lowered.get();
    for (std::size_t i = 0; i < text.size(); ++i) {
      const char c = text[i];
      lowered[i] = static_cast<char>(c + ((c >= 'A' && c <= 'Z') ? 'a' - 'A' : 0));  // vectorises
    }
    std::fill_n(lowered + text.size(), kPadding, '\0');
    base_ = lowered;
    end_ = base_ + text.size();
  }

  const char* base() const { return base_; }

  // At p, a word of `letters` a-z and nothing else (the bytes after it are
  // no letters): where the scan goes on.
  const char* word(const char* p, std::size_t letters) {
    const char* it = p;
    if (gate_.may_start(p, end_, letters) && can_start(base_, p, end_) && parse(it)) return it;
    return p + letters;
  }
  // The same for a token of ASCII letters alone (identified: Vocabulary::identify).
  const char* word(const char* p, std::size_t letters, const text::Token& token) {
    const char* it = p;
    if (gate_.may_start(p, end_, letters, token.id, token.hash_top) && can_start(base_, p, end_) && parse(it)) return it;
    return p + letters;
  }

  // The scan of [p, stop), byte by byte: where it goes on (past stop when a
  // phrase or a word runs on).
  const char* bytes(const char* p, const char* stop) {
    while (p < stop) {
      if (!kStartBytes[static_cast<unsigned char>(*p)]) {  // white space, punctuation: the common case
        ++p;
        continue;
      }
      if (!can_start(base_, p, end_)) {
        // Every later byte of a run of ASCII letters and digits follows a word
        // character, so no phrase starts there either: skip the run.
        const bool alnum = is_ascii_alnum(*p);
        ++p;
        while (alnum && is_ascii_alnum(*p)) ++p;  // the NUL after end stops it
        continue;
      }
      const std::size_t letters = letters_in_padded(p);
      const char* it = p;
      if ((letters == 0 || gate_.may_start(p, end_, letters)) && parse(it)) {
        p = it;
        continue;
      }
      // Skip the rest of this word (or this byte): a phrase starts only at a word start.
      const char* const after = skip_word(p + letters, end_);
      p = after > p ? after : p + 1;
    }
    return p;
  }

 private:
  // Runs the grammar at it: on a phrase, adds its quantities, moves it past
  // the phrase and returns true.
  bool parse(const char*& it) {
    const char* const p = it;
    annotator_.reset();
    ast::Phrase phrase;
    bool parsed = false;
    try {
      parsed = x3::parse(it, end_, x3::with<x3::error_handler_tag>(std::ref(annotator_))[quantity::phrase()], phrase);
    } catch (const std::exception&) {
      // The grammar has no expectation points, so nothing should throw;
      // if something does (std::bad_alloc), the text simply has no
      // quantity here.
      parsed = false;
    }
    if (!parsed || it <= p) return false;
    emit_phrase(phrase, text_, annotator_, base_, out_);
    return true;
  }

  std::string_view text_;
  std::vector<Quantity>& out_;
  const FirstWords& gate_;
  const char* base_ = nullptr;
  const char* end_ = nullptr;
  Annotator annotator_;
};

}  // namespace

std::string_view to_string(QuantityKind kind) {
  switch (kind) {
    case QuantityKind::count: return "count";
    case QuantityKind::age: return "age";
    case QuantityKind::year: return "year";
    case QuantityKind::time: return "time";
    case QuantityKind::money: return "money";
    case QuantityKind::population: return "population";
    case QuantityKind::percent: return "percent";
    case QuantityKind::measure: return "measure";
  }
  return "count";
}

std::vector<Quantity> find_quantities(std::string_view text) {
  std::vector<Quantity> out;
  QuantityRoom room;
  find_quantities(text, text::tokenize(text, {0, text.size()}), out, room);
  return out;
}

void find_quantities(std::string_view text, const text::Tokens& tokens, std::vector<Quantity>& out,
                     QuantityRoom& room) {
  out.clear();
  if (text.empty()) return;
  Scan scan(text, out, room);
  const char* const base = scan.base();
  const char* p = base;  // where the scan goes on: phrases end before it
  for (const text::Token& token : tokens) {
    const char* const begin = base + token.span.begin;
    const char* const end = base + token.span.end;
    if (end <= p) continue;
    // A word of a-z alone (most words): its run of letters is the whole
    // token, so only its first byte can start a phrase. The tokenizer says
    // so for most of them (Token::letters), and its id names the word.
    if (begin >= p && token.letters) {
      p = scan.word(begin, static_cast<std::size_t>(end - begin), token);
      continue;
    }
    if (begin >= p && static_cast<unsigned char>(*begin - 'a') < 26) {
      const std::size_t letters = letters_in_padded(begin);
      if (begin + letters == end) {
        p = scan.word(begin, letters);
        continue;
      }
    }
    p = scan.bytes(begin >= p ? begin : p, end);
  }
}

}  // namespace whosays
