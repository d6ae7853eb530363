// whosays quantity grammar: the definition. Included once, by quantity.cpp.
//
// The grammar reads an ASCII-lowercased copy of the text (so every word
// table is lower case and the grammar is case-insensitive) with no skipper:
// spaces are explicit (`sp`), because "sixty-six" and "10-15" differ from
// "sixty six" and "10 - 15" only in them. Every word must end at a word
// boundary (`wb`), so "ten" never matches in "tenant".
#pragma once

#include <boost/fusion/include/at_c.hpp>
#include <boost/spirit/home/x3.hpp>
#include <boost/spirit/home/x3/support/utility/annotate_on_success.hpp>

#include <cmath>
#include <optional>

#include "quantity/ast.hpp"
#include "quantity/ast_adapted.hpp"
#include "quantity/quantity.hpp"

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
inline bool is_ascii_alnum(char c) { return is_ascii_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

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
  const char* q = p - 1;
  for (int i = 0; i < 3 && q > begin && (static_cast<unsigned char>(*q) & 0xC0) == 0x80; ++i) --q;
  return word_char_at(q, end);
}

namespace parser {

namespace x3 = boost::spirit::x3;
using x3::attr;
using x3::eps;
using x3::lit;
using x3::omit;

// ---------------------------------------------------------------------------
// Word tables (lower case; multi-word keys have single ASCII spaces)
// ---------------------------------------------------------------------------

// Number words. "a" and "half a" are read by the grammar, not here.
struct number_words_table : x3::symbols<ast::Token> {
  number_words_table() {
    using K = ast::TokenKind;
    const char* units[] = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"};
    for (int i = 0; i < 10; ++i) add(units[i], ast::Token{double(i), K::unit});
    const char* teens[] = {"ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
    for (int i = 0; i < 10; ++i) add(teens[i], ast::Token{double(10 + i), K::teen});
    const char* tens[] = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
    for (int i = 0; i < 8; ++i) add(tens[i], ast::Token{double(20 + 10 * i), K::tens});
    add("fourty", ast::Token{40, K::tens});  // a common misspelling
    add("hundred", ast::Token{100, K::hundred});
    add("thousand", ast::Token{1e3, K::scale});
    add("million", ast::Token{1e6, K::scale});
    add("billion", ast::Token{1e9, K::scale});
    add("trillion", ast::Token{1e12, K::scale});
    add("dozen", ast::Token{12, K::dozen});
  }
};
inline const number_words_table number_words;

// Scale words after digits ("5.7 million") or after a vague word ("several hundred").
struct scale_words_table : x3::symbols<double> {
  scale_words_table() {
    add("dozen", 12)("hundred", 100)("thousand", 1e3)("million", 1e6)("billion", 1e9)("trillion", 1e12);
  }
};
inline const scale_words_table scale_words;

// Plural scales after "of": "hundreds of thousands".
struct plural_scales_table : x3::symbols<double> {
  plural_scales_table() { add("thousands", 1e3)("millions", 1e6)("billions", 1e9); }
};
inline const plural_scales_table plural_scales;

// Vague amounts and the interval each stands for (see quantity.cpp's header
// comment for why these bounds).
struct vague_words_table : x3::symbols<ast::Interval> {
  vague_words_table() {
    add("a couple", ast::Interval{2, 3});
    add("a few", ast::Interval{2, 5});
    add("a handful", ast::Interval{3, 5});
    add("several", ast::Interval{3, 9});
    add("tens", ast::Interval{20, 99});
    add("dozens", ast::Interval{24, 99});
    add("scores", ast::Interval{40, 199});
    add("hundreds", ast::Interval{200, 999});
    add("thousands", ast::Interval{2000, 9999});
    add("millions", ast::Interval{2e6, 9.999999e6});
    add("billions", ast::Interval{2e9, 9.999999999e9});
  }
};
inline const vague_words_table vague_words;

// Modifiers before an amount; the value says whether it makes it approximate.
struct modifiers_table : x3::symbols<bool> {
  modifiers_table() {
    const char* approximate[] = {
        "at least", "at most", "more than", "less than", "fewer than", "over", "under", "up to",
        "nearly", "almost", "around", "about", "some", "roughly", "approximately", "approx.",
        "an estimated", "estimated", "as many as", "as few as", "close to", "upwards of",
        "in excess of", "no fewer than", "no less than", "no more than", "not more than",
        "not less than", "just over", "just under", "well over", "well under", "more or less",
        "circa", "c.", "an approximate", "a minimum of", "a maximum of", "above", "below",
        "perhaps", "possibly", "an additional", "nearly all"};
    for (const char* word : approximate) add(word, true);
    const char* exact[] = {"a total of", "exactly", "precisely", "only", "just", "a further", "another", "all"};
    for (const char* word : exact) add(word, false);
  }
};
inline const modifiers_table modifiers;

// Postposed openers: "66 or more", "100-plus" is read by the grammar.
struct open_words_table : x3::symbols<> {
  open_words_table() { add("or more")("or so")("or over")("or above")("and more")("and above")("plus"); }
};
inline const open_words_table open_words;

// Context words before an amount, each followed by a space.
struct lead_words_table : x3::symbols<ast::Cue> {
  lead_words_table() {
    using C = ast::Cue;
    for (const char* w : {"aged", "age", "ages", "age of", "ages of", "age from", "ages from", "aged from",
                          "at the age of", "between the ages of"})
      add(w, C::age);
    for (const char* w : {"city of", "town of", "village of", "country of", "nation of", "island of",
                          "community of", "district of", "province of", "region of", "state of",
                          "home to", "population of", "populations of", "a population of", "inhabitants of"})
      add(w, C::population);
    for (const char* w : {"magnitude", "magnitude of", "a magnitude of", "measuring", "depth of"}) add(w, C::measure);
    for (const char* w : {"usd", "eur", "gbp", "inr", "rs", "rs."}) add(w, C::money);
    for (const char* w : {"january", "february", "march", "april", "may", "june", "july", "august", "september",
                          "october", "november", "december", "jan", "jan.", "feb", "feb.", "mar.", "apr",
                          "apr.", "jun", "jun.", "jul", "jul.", "aug", "aug.", "sep", "sep.", "sept", "sept.",
                          "oct", "oct.", "nov", "nov.", "dec", "dec."})
      add(w, C::date);
    for (const char* w : {"flight", "flights", "region", "route", "highway", "no.", "nos.", "number", "boeing",
                          "airbus", "page", "pages", "article", "articles", "chapter", "section", "resolution",
                          "category", "level", "gate", "terminal", "platform", "channel", "bus", "room", "unit",
                          "phase", "stage", "round", "version", "model", "type", "grade", "match", "game",
                          "episode", "season", "volume", "vol.", "issue", "sector", "zone", "precinct", "ward",
                          "district", "block", "apartment", "building", "house", "camp", "hangar", "lot", "item",
                          "code", "covid", "sars", "windows", "ios", "android", "iphone", "galaxy"})
      add(w, C::identifier);
    add("no", C::negation)("not", C::negation)("not even", C::negation);
  }
};
inline const lead_words_table lead_words;

// Currency signs, which may touch the figure ("$5", "€ 10"); part of the amount.
struct currency_signs_table : x3::symbols<ast::Cue> {
  currency_signs_table() {
    for (const char* w : {"$", "us$", "a$", "c$", "hk$", "nz$", "\xC2\xA3" /* £ */, "\xC2\xA5" /* ¥ */, "\xE2\x82\xAC" /* € */,
                          "\xE2\x82\xB9" /* ₹ */, "\xE2\x82\xBD" /* ₽ */, "\xE2\x82\xBA" /* ₺ */,
                          "\xE2\x82\xB4" /* ₴ */, "\xE2\x82\xA9" /* ₩ */})
      add(w, ast::Cue::money);
  }
};
inline const currency_signs_table currency_signs;

// Units after a figure: glued ("5%", "160km"), spaced ("45 years old") or
// hyphenated ("25-year-old", "5.3-magnitude"). Hyphenated keys are listed
// in both spellings by add_both.
struct units_table : x3::symbols<ast::Cue> {
  void add_both(const char* key, ast::Cue cue) {
    add(key, cue);
    std::string other(key);
    bool changed = false;
    for (char& c : other) {
      if (c == ' ') { c = '-'; changed = true; }
    }
    if (changed) add(other.c_str(), cue);
  }
  units_table() {
    using C = ast::Cue;
    for (const char* w : {"years old", "year old", "years of age", "yrs old", "year olds", "years olds",
                          "months old", "month old", "month olds", "weeks old", "week old", "days old", "day old"})
      add_both(w, C::age);
    for (const char* w : {"dollars", "dollar", "us dollars", "euros", "euro", "pounds", "pound", "pounds sterling",
                          "rubles", "ruble", "roubles", "rouble", "rupees", "rupee", "crore", "lakh", "yuan",
                          "renminbi", "yen", "francs", "franc", "lira", "liras", "manat", "manats", "drams",
                          "dram", "hryvnias", "hryvnia", "hryvnia", "shekels", "shekel", "dinars", "dinar",
                          "riyals", "riyal", "rials", "rial", "dirhams", "dirham", "pesos", "peso", "afghanis",
                          "naira", "rand", "won", "usd", "eur", "gbp", "rub", "inr", "cents", "cent"})
      add_both(w, C::money);
    for (const char* w : {"%", "percent", "per cent", "pc", "percentage points", "percentage point"})
      add(w, C::percent);
    for (const char* w : {"km", "kms", "kilometres", "kilometers", "kilometre", "kilometer", "km/h", "kmh", "kph",
                          "mph", "miles", "mile", "m", "metres", "meters", "metre", "meter", "cm", "mm",
                          "feet", "foot", "ft", "inches", "inch", "yards", "yard", "kg", "kgs", "kilograms",
                          "kilogram", "kilos", "grams", "gram", "tonnes", "tonne", "tons", "ton", "barrels",
                          "barrel", "bpd", "litres", "liters", "litre", "liter", "gallons", "gallon", "hectares",
                          "hectare", "ha", "acres", "acre", "square kilometres", "square kilometers",
                          "square miles", "sq km", "degrees", "degree", "\xC2\xB0" /* ° */, "\xC2\xB0" "c",
                          "\xC2\xB0" "f", "knots", "magnitude", "richter", "storeys", "storey", "stories",
                          "story", "floors", "floor", "hours", "hour", "hrs", "hr", "minutes", "minute", "mins",
                          "min", "seconds", "second", "secs", "days", "day", "nights", "night", "weeks", "week",
                          "months", "month", "years", "year", "yrs", "decades", "decade", "centuries", "century",
                          "megatons", "kilotons", "mw", "gw", "kw", "volts", "calibre", "caliber", "millimetre",
                          "millimeter", "points", "point", "times", "fold", "lane", "lanes", "seat", "seater",
                          "bed", "room"})
      add_both(w, C::measure);
    for (const char* w : {"utc", "gmt", "local time", "ist", "est", "edt", "cet", "cest", "pst", "pdt", "msk",
                          "hrs local", "z"})
      add(w, C::time);
    for (const char* w : {"am", "a.m.", "a.m"}) add(w, C::am);
    for (const char* w : {"pm", "p.m.", "p.m"}) add(w, C::pm);
    for (const char* w : {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"})
      add(w, C::ordinal);
    for (const char* w : {"half", "halves", "thirds", "quarter", "quarters", "fifths", "sixths", "sevenths",
                          "eighths", "ninths", "tenths", "hundredths"})
      add(w, C::fraction);
  }
};
inline const units_table units;

// Glued only: "70th", "1990s".
struct glued_units_table : x3::symbols<ast::Cue> {
  glued_units_table() {
    add("st", ast::Cue::ordinal)("nd", ast::Cue::ordinal)("rd", ast::Cue::ordinal)("th", ast::Cue::ordinal);
    add("s", ast::Cue::decade)("'s", ast::Cue::decade);
  }
};
inline const glued_units_table glued_units;

// Words after an amount that tell its kind without being part of it.
struct next_words_table : x3::symbols<ast::Cue> {
  next_words_table() {
    for (const char* w : {"people", "persons", "person", "men", "women", "children", "kids", "boys", "girls",
                          "babies", "residents", "civilians", "soldiers", "troops", "servicemen", "police",
                          "policemen", "officers", "officials", "militants", "fighters", "insurgents", "rebels",
                          "terrorists", "gunmen", "attackers", "suspects", "protesters", "demonstrators",
                          "students", "workers", "passengers", "crew", "pilgrims", "tourists", "refugees",
                          "migrants", "prisoners", "hostages", "victims", "bodies", "dead", "killed", "deaths",
                          "fatalities", "casualties", "injured", "wounded", "injuries", "missing", "survivors",
                          "rescuers", "families", "households", "homes", "houses", "buildings", "villages",
                          "vehicles", "tanks", "drones", "aircraft", "helicopters", "journalists", "doctors",
                          "nurses", "patients", "members", "employees", "staff", "were", "are", "have", "had",
                          "died", "more", "others", "of"})
      add(w, ast::Cue::count);
    for (const char* w : {"january", "february", "march", "april", "may", "june", "july", "august", "september",
                          "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
                          "sep", "sept", "oct", "nov", "dec"})
      add(w, ast::Cue::date);
  }
};
inline const next_words_table next_words;

// Street words: "619 Waddell Avenue" is an address.
struct street_words_table : x3::symbols<> {
  street_words_table() {
    for (const char* w : {"avenue", "ave", "street", "st", "road", "rd", "boulevard", "blvd", "lane", "drive",
                          "highway", "alley", "terrace"})
      add(w);
  }
};
inline const street_words_table street_words;

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

// ---------------------------------------------------------------------------
// Semantic actions
// ---------------------------------------------------------------------------

// Reads one more number word into a WordNumber, or refuses it (so "five six"
// stays two numbers and "two hundred five hundred" stops after "five").
inline bool accept_word(ast::WordNumber& number, const ast::Token& token, bool after_and) {
  using L = ast::WordNumber::Last;
  using K = ast::TokenKind;
  const bool group_open = number.last == L::hundred || number.last == L::scale;
  if (after_and && !(group_open && (token.kind == K::unit || token.kind == K::teen || token.kind == K::tens)))
    return false;
  switch (token.kind) {
    case K::unit:
      if (number.last == L::none || group_open) {
        number.current += token.value;
      } else if (number.last == L::tens && token.value > 0) {
        number.current += token.value;
      } else {
        return false;
      }
      number.last = L::unit;
      return true;
    case K::teen:
    case K::tens:
      if (!(number.last == L::none || group_open)) return false;
      number.current += token.value;
      number.last = token.kind == K::teen ? L::teen : L::tens;
      return true;
    case K::hundred:
      if (!(number.last == L::a || number.last == L::unit || number.last == L::teen || number.last == L::tens))
        return false;
      if (number.current <= 0 || number.current >= 100) return false;
      number.current *= 100;
      number.last = L::hundred;
      return true;
    case K::scale:
      if (!(number.last == L::a || number.last == L::unit || number.last == L::teen || number.last == L::tens ||
            number.last == L::hundred))
        return false;
      if (number.current <= 0 || (number.last_scale > 0 && token.value >= number.last_scale)) return false;
      number.total += number.current * token.value;
      number.current = 0;
      number.last_scale = token.value;
      number.last = L::scale;
      return true;
    case K::dozen:
      if (!(number.last == L::a || number.last == L::unit || number.last == L::teen || number.last == L::tens))
        return false;
      if (number.current <= 0 || number.total > 0) return false;
      number.current *= 12;
      number.last = L::dozen;
      return true;
  }
  return false;
}

inline ast::Figure make_figure(double min, double max, ast::Form form) {
  ast::Figure figure;
  figure.min = min;
  figure.max = max;
  figure.form = form;
  return figure;
}

struct word_first_action {
  template <typename Context>
  void operator()(Context& ctx) const {
    auto& number = x3::_val(ctx);
    const ast::Token& token = x3::_attr(ctx);
    // A written number starts with a unit, teen or tens word; "hundred" and
    // the scales need "a" or a count before them.
    if (token.kind != ast::TokenKind::unit && token.kind != ast::TokenKind::teen &&
        token.kind != ast::TokenKind::tens) {
      x3::_pass(ctx) = false;
      return;
    }
    number = ast::WordNumber{};
    x3::_pass(ctx) = accept_word(number, token, false);
  }
};

template <bool AfterAnd>
struct word_next_action {
  template <typename Context>
  void operator()(Context& ctx) const {
    x3::_pass(ctx) = accept_word(x3::_val(ctx), x3::_attr(ctx), AfterAnd);
  }
};

// "a" (1) and "half a" (0.5) only count before "hundred", a scale or "dozen".
template <int Halves>
struct word_article_action {
  template <typename Context>
  void operator()(Context& ctx) const {
    auto& number = x3::_val(ctx);
    number = ast::WordNumber{};
    number.current = Halves / 2.0;
    number.last = ast::WordNumber::Last::a;
  }
};

struct word_finish_action {
  template <typename Context>
  void operator()(Context& ctx) const {
    x3::_pass(ctx) = x3::_val(ctx).last != ast::WordNumber::Last::a;
  }
};

struct words_to_figure_action {
  template <typename Context>
  void operator()(Context& ctx) const {
    const ast::WordNumber& number = x3::_attr(ctx);
    const double value = number.total + number.current;
    x3::_val(ctx) = make_figure(value, value, ast::Form::words);
  }
};

struct digits_to_figure_action {
  template <typename Context>
  void operator()(Context& ctx) const {
    using boost::fusion::at_c;
    ast::Figure figure = at_c<0>(x3::_attr(ctx));
    const auto& scale = at_c<1>(x3::_attr(ctx));
    if (scale && figure.form != ast::Form::overlong) {
      figure.min = figure.max = figure.min * *scale;
      figure.form = ast::Form::decimal;
      figure.digits = 0;
      figure.decimal_point = false;
    }
    x3::_val(ctx) = figure;
  }
};

struct clock_to_figure_action {
  template <typename Context>
  void operator()(Context& ctx) const {
    const ast::Clock& clock = x3::_attr(ctx);
    if (clock.hour > 24 || clock.minute > 59) {
      x3::_pass(ctx) = false;
      return;
    }
    const double hhmm = clock.hour * 100.0 + clock.minute;
    x3::_val(ctx) = make_figure(hhmm, hhmm, ast::Form::clock);
  }
};

// "tens or hundreds of thousands": the interval from the first word's
// minimum to the second's maximum, both times the scale.
struct vague_to_figure_action {
  template <typename Context>
  void operator()(Context& ctx) const {
    using boost::fusion::at_c;
    ast::Interval interval = at_c<0>(x3::_attr(ctx));
    const auto& second = at_c<1>(x3::_attr(ctx));
    const auto& scale = at_c<2>(x3::_attr(ctx));
    if (second) interval.max = std::max(interval.max, second->max);
    const double factor = scale ? *scale : 1.0;
    x3::_val(ctx) = make_figure(interval.min * factor, interval.max * factor, ast::Form::vague);
  }
};

// Small actions on the rule's value: start afresh, copy the parsed attribute
// into a member, or set a flag.
inline auto const reset = [](auto& ctx) { x3::_val(ctx) = {}; };
template <auto Member>
inline auto const assign = [](auto& ctx) { x3::_val(ctx).*Member = x3::_attr(ctx); };
template <auto Member>
inline auto const set = [](auto& ctx) { x3::_val(ctx).*Member = true; };

struct modifier_action {
  template <typename Context>
  void operator()(Context& ctx) const {
    x3::_val(ctx).modified = true;
    x3::_val(ctx).approximate = x3::_attr(ctx);
  }
};

struct single_figure_action {
  template <typename Context>
  void operator()(Context& ctx) const {
    x3::_val(ctx).figures.assign(1, x3::_attr(ctx));
  }
};

struct range_action {
  template <typename Context>
  void operator()(Context& ctx) const {
    using boost::fusion::at_c;
    auto& figures = x3::_val(ctx).figures;
    figures.assign(1, at_c<0>(x3::_attr(ctx)));
    if (at_c<1>(x3::_attr(ctx))) figures.push_back(*at_c<1>(x3::_attr(ctx)));
  }
};

struct pair_action {
  template <typename Context>
  void operator()(Context& ctx) const {
    using boost::fusion::at_c;
    auto& figures = x3::_val(ctx).figures;
    figures.assign(1, at_c<0>(x3::_attr(ctx)));
    figures.push_back(at_c<1>(x3::_attr(ctx)));
  }
};

struct change_action {
  template <typename Context>
  void operator()(Context& ctx) const {
    using boost::fusion::at_c;
    x3::_val(ctx) = std::vector<ast::Amount>{at_c<0>(x3::_attr(ctx)), at_c<1>(x3::_attr(ctx))};
  }
};

struct one_amount_action {
  template <typename Context>
  void operator()(Context& ctx) const {
    x3::_val(ctx) = std::vector<ast::Amount>{x3::_attr(ctx)};
  }
};

struct age_pair_action {
  template <typename Context>
  void operator()(Context& ctx) const {
    auto& phrase = x3::_val(ctx);
    phrase.lead = ast::Cue::age;
    phrase.amounts.assign(1, x3::_attr(ctx));
  }
};

struct lead_body_action {
  template <typename Context>
  void operator()(Context& ctx) const {
    using boost::fusion::at_c;
    auto& phrase = x3::_val(ctx);
    phrase.lead = at_c<0>(x3::_attr(ctx));
    phrase.amounts = at_c<1>(x3::_attr(ctx));
  }
};

// ---------------------------------------------------------------------------
// Rule IDs
// ---------------------------------------------------------------------------

// Figures and amounts record where they start and end (annotate_on_success
// puts the positions in the Annotator found under x3::error_handler_tag).
struct figure_class : x3::annotate_on_success {};
struct amount_class : x3::annotate_on_success {};
struct single_amount_class : x3::annotate_on_success {};
struct pair_amount_class : x3::annotate_on_success {};
struct phrase_class {};
struct amount_core_class;
struct single_amount_core_class;
struct pair_amount_core_class;

struct token_class;
struct word_number_class;
struct clock_class;
struct clock_figure_class;
struct digit_figure_class;
struct vague_figure_class;
struct word_figure_class;
struct vague_word_class;
struct scale_class;
struct unit_class;
struct next_class;
struct lead_class;
struct body_class;
struct modifier_class;

// ---------------------------------------------------------------------------
// Rules
// ---------------------------------------------------------------------------

x3::rule<token_class, ast::Token> const token = "token";
x3::rule<word_number_class, ast::WordNumber> const word_number = "word_number";
x3::rule<clock_class, ast::Clock> const clock = "clock";
x3::rule<clock_figure_class, ast::Figure> const clock_figure = "clock_figure";
x3::rule<digit_figure_class, ast::Figure> const digit_figure = "digit_figure";
x3::rule<vague_figure_class, ast::Figure> const vague_figure = "vague_figure";
x3::rule<word_figure_class, ast::Figure> const word_figure = "word_figure";
x3::rule<figure_class, ast::Figure> const figure = "figure";
x3::rule<vague_word_class, ast::Interval> const vague_word = "vague_word";
x3::rule<scale_class, double> const multiplier = "multiplier";
x3::rule<modifier_class, bool> const modifier = "modifier";
x3::rule<unit_class, ast::Cue> const unit = "unit";
x3::rule<amount_core_class, ast::Amount> const amount_core = "amount_core";
x3::rule<single_amount_core_class, ast::Amount> const single_amount_core = "single_amount_core";
x3::rule<pair_amount_core_class, ast::Amount> const pair_amount_core = "pair_amount_core";
x3::rule<amount_class, ast::Amount> const amount = "amount";
x3::rule<single_amount_class, ast::Amount> const single_amount = "single_amount";
x3::rule<pair_amount_class, ast::Amount> const pair_amount = "pair_amount";
x3::rule<body_class, std::vector<ast::Amount>> const body = "body";
x3::rule<lead_class, ast::Cue> const lead = "lead";
x3::rule<next_class, ast::Cue> const next = "next";
phrase_type const phrase = "phrase";

// ---------------------------------------------------------------------------
// Grammar
// ---------------------------------------------------------------------------

// A hyphen inside a word ("sixty-six", "25-year-old"): - ‐ ‑
auto const hyphen = lit('-') | lit("\xE2\x80\x90") | lit("\xE2\x80\x91");
// A dash between the ends of a range ("10-15", "2013–2019"): also – —
auto const dash = hyphen | lit("\xE2\x80\x93") | lit("\xE2\x80\x94");
auto const letters = +x3::char_('a', 'z');

// Written numbers.
auto const token_def = number_words >> wb;
auto const word_number_def =
    (token[word_first_action{}] | (lit("half a") >> wb)[word_article_action<1>{}] |
     (lit("a") >> wb >> &(sp >> token))[word_article_action<2>{}]) >>
    *((sp >> lit("and") >> wb >> sp >> token)[word_next_action<true>{}] |
      ((hyphen | sp) >> token)[word_next_action<false>{}]) >>
    eps[word_finish_action{}];

// Figures.
// Not x3::digit: its character classes assert (and call <cctype>) on
// non-ASCII bytes; char ranges only compare.
auto const clock_def = x3::uint_parser<unsigned, 10, 1, 2>{} >> ':' >> x3::uint_parser<unsigned, 10, 2, 2>{} >>
                       !x3::char_('0', '9');
auto const clock_figure_def = clock[clock_to_figure_action{}];
auto const multiplier_def = (lit("of") >> wb >> sp >> plural_scales >> wb) | (scale_words >> wb);
auto const digit_figure_def = (numeral >> -(sp >> scale_words >> wb))[digits_to_figure_action{}];
auto const vague_word_def = vague_words >> wb;
auto const vague_figure_def =
    (vague_word >> -(sp >> (lit("or") | lit("to")) >> wb >> sp >> vague_word) >> -(sp >> multiplier))
        [vague_to_figure_action{}];
auto const word_figure_def = word_number[words_to_figure_action{}];
// No action here, so annotate_on_success sees the Figure (see Annotation).
auto const figure_def = clock_figure | digit_figure | vague_figure | word_figure;

// Amounts: modifier, figure or range, unit, "or more".
auto const modifier_def = modifiers >> wb;
auto const unit_def = (glued_units >> wb) | (-(sp | hyphen) >> units >> wb) |
                      (hyphen >> !(lit("plus") >> wb) >> omit[letters] >> wb >> attr(ast::Cue::measure));
auto const range_link = (-sp >> dash >> -sp) | (sp >> (lit("to") | lit("or")) >> wb >> sp);
auto const opener = ((sp >> open_words) | (hyphen >> lit("plus")) | lit('+')) >> wb;
auto const amount_tail = -unit[assign<&ast::Amount::unit>] >> -opener[set<&ast::Amount::approximate>] >> wb;
auto const modifier_part = -(modifier >> sp)[modifier_action{}] >> -(currency_signs >> -sp)[set<&ast::Amount::currency>];

auto const amount_core_def =
    eps[reset] >> modifier_part >>
    ((lit("between") >> wb >> sp >> figure >> sp >> lit("and") >> wb >> sp >> figure)[pair_action{}] |
     (figure >> -(range_link >> figure))[range_action{}]) >>
    amount_tail;
auto const single_amount_core_def = eps[reset] >> modifier_part >> figure[single_figure_action{}] >>
                               amount_tail;
auto const pair_amount_core_def = eps[reset] >>
                             (figure >> sp >> lit("and") >> wb >> sp >> figure)[pair_action{}] >> amount_tail;

// X3 hands on_success the rule's attribute only when the rule's right-hand
// side has no semantic action, so each tagged rule is a plain wrapper.
auto const amount_def = amount_core;
auto const single_amount_def = single_amount_core;
auto const pair_amount_def = pair_amount_core;

// Phrases: an optional context word, one amount or a change, the next word.
// The amount alone is tried before a context word, so the modifier "no
// fewer than" wins over the context word "no".
auto const body_def =
    (lit("from") >> wb >> sp >> single_amount >> sp >> lit("to") >> wb >> sp >> single_amount)[change_action{}] |
    amount[one_amount_action{}];
auto const lead_def = lead_words >> wb >> sp;
auto const next_def = (next_words >> wb) | (omit[letters] >> sp >> street_words >> wb >> attr(ast::Cue::street));
auto const phrase_def =
    eps[reset] >>
    (((lit("between the ages of") | lit("the ages of") | lit("ages of") | lit("age of")) >> wb >> sp >>
      pair_amount)[age_pair_action{}] |
     body[assign<&ast::Phrase::amounts>] | (lead >> body)[lead_body_action{}]) >>
    -(&(sp >> next[assign<&ast::Phrase::next>])) >> -(sp >> omit[letters] >> sp >> open_words >> wb)[set<&ast::Phrase::open_after_noun>];

BOOST_SPIRIT_DEFINE(token, word_number, clock, clock_figure, digit_figure, vague_figure, word_figure, figure,
                    vague_word, multiplier, modifier, unit, amount_core, single_amount_core,
                    pair_amount_core, amount, single_amount, pair_amount, body, lead, next,
                    phrase)

// ---------------------------------------------------------------------------
// Annotation
// ---------------------------------------------------------------------------
// figure_class, amount_class, single_amount_class and pair_amount_class
// derive from x3::annotate_on_success (Rule IDs above). X3 passes on_success
// the rule's attribute only when the right-hand side has no semantic action,
// so those four rules are plain wrappers or alternatives of rules. When one
// of them succeeds, its ast::Figure / ast::Amount (x3::position_tagged) gets
// the [first, last) of its match in the Annotator (config.hpp), which
// find_quantities turns into byte spans. Nothing else is tagged.

}  // namespace parser

parser::phrase_type const& phrase() { return parser::phrase; }

}  // namespace whosays::quantity
