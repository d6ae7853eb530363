// whosays quantity grammar: the syntax tree one parse of a quantity phrase
// builds. Only figures and amounts carry positions (x3::position_tagged);
// find_quantities turns those positions into byte spans.
#pragma once

#include <boost/spirit/home/x3/support/ast/position_tagged.hpp>

#include <cstddef>
#include <cstdint>

namespace whosays::quantity::ast {

namespace x3 = boost::spirit::x3;

// What a word next to a figure (or glued to it) says the figure is.
enum class Cue : std::uint8_t {
  none,
  count,       // "people", "soldiers": a count, so never a year
  age,         // "years old", "-month-old", "aged", "the ages of"
  money,       // "$", "rubles"
  percent,     // "%", "percent"
  measure,     // "km", "barrels", "magnitude", "hours", "-storey"
  time,        // "UTC", "local time"
  am,          // "a.m." (clock hours)
  pm,          // "p.m."
  date,        // a month name before or after a day number
  decade,      // "1990s", "20s"
  population,  // "a city of", "home to", "population of"
  identifier,  // "flight", "Region", "Boeing", "no.": not a quantity
  negation,    // "no one": not a quantity
  ordinal,     // "70th", "twenty-first": not a quantity
  fraction,    // "two-thirds", "one third": not a quantity
  street,      // "619 Waddell Avenue": not a quantity
};

// How a figure was written.
enum class Form : std::uint8_t {
  integer,   // digits, no separators, no decimals, no scale word: "1994", "35"
  decimal,   // digits with separators, decimals or a scale word: "55,000", "5.7 million"
  words,     // "sixty-six", "a dozen"
  vague,     // "dozens", "hundreds of thousands", "several"
  clock,     // "14:00" (value HHMM)
  overlong,  // more than kMaxDigits integer digits: an identifier, never a quantity
};

// A range of values that a vague word stands for ("dozens" = 24..99).
struct Interval {
  double min = 0;
  double max = 0;
};

// "14:00": hour and minute as written (ast_adapted.hpp adapts it).
struct Clock {
  unsigned hour = 0;
  unsigned minute = 0;
};

// One number word and what it does in a written number.
enum class TokenKind : std::uint8_t { unit, teen, tens, hundred, scale, dozen };
struct Token {
  double value = 0;
  TokenKind kind = TokenKind::unit;
};

// A written number being read left to right ("two hundred and five"):
// `total` holds the finished groups (before a scale word), `current` the
// group being read.
struct WordNumber {
  enum class Last : std::uint8_t { none, a, unit, teen, tens, hundred, scale, dozen };
  double total = 0;
  double current = 0;
  double last_scale = 0;
  Last last = Last::none;
};

// One or two of T, in place: an amount's figures (one, or two for a range)
// and a phrase's amounts (one, or two for a change). No allocation: the
// parser makes and drops many while it backtracks. Only the semantic actions
// fill it (it has no value_type, so X3 does not take it for a container).
template <typename T>
class Two {
 public:
  std::size_t size() const { return count_; }
  bool empty() const { return count_ == 0; }
  void clear() { count_ = 0; }
  void assign(const T& item) {  // item alone
    items_[0] = item;
    count_ = 1;
  }
  void push_back(const T& item) { items_[count_ < 2 ? count_++ : 1] = item; }  // the grammar adds no third
  const T& front() const { return items_[0]; }
  const T& back() const { return items_[count_ - 1]; }
  const T& operator[](std::size_t i) const { return items_[i]; }
  const T* begin() const { return items_; }
  const T* end() const { return items_ + count_; }

 private:
  T items_[2] = {};
  std::uint8_t count_ = 0;
};

// One number, written any way.
struct Figure : x3::position_tagged {
  double min = 0;
  double max = 0;
  Form form = Form::integer;
  std::uint8_t digits = 0;  // integer digits written (Form::integer only)
  bool decimal_point = false;  // written with decimals and no scale word ("6.3", "5.0"; not "5.7 million")
};

// A figure or a range of two, with its modifier and unit:
// "at least 35", "between 36 and 40", "160 km", "Sixty-six ... or more".
struct Amount : x3::position_tagged {
  Two<Figure> figures;          // one, or two for a range
  bool modified = false;        // a modifier word came first ("at least", "a total of")
  bool approximate = false;     // the modifier or an "or more" / "+" makes it so
  bool currency = false;        // a currency sign came before the figure ("$5")
  Cue unit = Cue::none;         // the unit glued to or following the figure
};

// What one successful parse at a word start found.
struct Phrase {
  Cue lead = Cue::none;          // the context word before the amount ("aged", "city of")
  Two<Amount> amounts;           // one, or two for a change ("from fourteen to 31")
  Cue next = Cue::none;          // the word after ("people", "January", "... Avenue")
  bool open_after_noun = false;  // "Sixty-six people or more"
};

}  // namespace whosays::quantity::ast
