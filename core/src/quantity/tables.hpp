// whosays quantity grammar: word tables (x3::symbols). Included by quantity_def.hpp.
#pragma once

#include <string>
#include <vector>

#include <boost/spirit/home/x3.hpp>

#include "../cold.h"

#include "quantity/ast.hpp"

namespace whosays::quantity {

namespace parser {

namespace x3 = boost::spirit::x3;

// Memory for the tables' nodes and values: 16 KiB blocks, never freed (the
// tables live as long as the process). One allocation per block, not one per
// node and value (2,300 operator new at start: a fifth of a one-article
// process's instructions). The block's refill is out of line (cold): the
// WebAssembly engine's size.
struct table_memory {
  static constexpr std::size_t kBlock = 16384;
  static inline char* next = nullptr;  // constant-initialised: safe from the tables' static constructors
  static inline std::size_t left = 0;
  static void* take(std::size_t bytes) {
    bytes = (bytes + 7) & ~std::size_t{7};
    if (bytes > left) refill();
    void* at = next;
    next += bytes;
    left -= bytes;
    return at;
  }
  // Each block starts with a pointer to the one before, and `blocks` holds
  // the newest: the tables live as long as the process, and a leak checker
  // (the sanitizer build's LeakSanitizer) still finds every block from a
  // global, as it would a table built with plain new.
  static inline void* blocks = nullptr;
  WHOSAYS_COLD static void refill() {
    void** block = static_cast<void**>(::operator new(kBlock));
    *block = blocks;
    blocks = block;
    next = reinterpret_cast<char*>(block) + sizeof(void*);
    left = kBlock - sizeof(void*);
  }
};

// x3::symbols' ternary search tree (x3::tst) with its nodes and values in
// table_memory: the same nodes and the same look-up (tst_node::find).
template <typename Char, typename T>
class pooled_tst {
 public:
  using char_type = Char;
  using value_type = T;
  using node = x3::detail::tst_node<Char, T>;
  static_assert(alignof(node) <= 8 && alignof(T) <= 8, "table_memory aligns to 8 bytes");

  template <typename Iterator, typename CaseCompare>
  T* find(Iterator& first, Iterator last, CaseCompare compare) const {
    return node::find(root_, first, last, compare);
  }
  template <typename Iterator>
  T* add(Iterator first, Iterator last, typename boost::call_traits<T>::param_type value) {
    return node::add(root_, first, last, value, this);
  }

 private:
  friend node;
  node* new_node(Char id) { return new (table_memory::take(sizeof(node))) node(id); }
  T* new_data(typename boost::call_traits<T>::param_type value) { return new (table_memory::take(sizeof(T))) T(value); }

  node* root_ = nullptr;
};

template <typename T = x3::unused_type>
using symbols = x3::symbols_parser<boost::spirit::char_encoding::standard, T, pooled_tst<char, T>>;

// ---------------------------------------------------------------------------
// Word tables (lower case; multi-word keys have single ASCII spaces)
// ---------------------------------------------------------------------------

// A table that also lists its keys (string literals) in the order added: the
// scan's first-word test (quantity.cpp) reads the tables a phrase can start
// with, which x3::symbols::for_each would rebuild as strings, node by node.
template <typename T>
struct listed_symbols : symbols<T> {
  std::vector<const char*> keys;
  WHOSAYS_COLD void add_key(const char* key, const T& value) {
    this->add(key, value);
    keys.push_back(key);
  }
};

// Number words. "a" and "half a" are read by the grammar, not here.
struct number_words_table : listed_symbols<ast::Token> {
  WHOSAYS_COLD number_words_table() {
    using K = ast::TokenKind;
    const char* units[] = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"};
    for (int i = 0; i < 10; ++i) add_key(units[i], ast::Token{double(i), K::unit});
    const char* teens[] = {"ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
    for (int i = 0; i < 10; ++i) add_key(teens[i], ast::Token{double(10 + i), K::teen});
    const char* tens[] = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
    for (int i = 0; i < 8; ++i) add_key(tens[i], ast::Token{double(20 + 10 * i), K::tens});
    add_key("fourty", ast::Token{40, K::tens});  // a common misspelling
    add_key("hundred", ast::Token{100, K::hundred});
    add_key("thousand", ast::Token{1e3, K::scale});
    add_key("million", ast::Token{1e6, K::scale});
    add_key("billion", ast::Token{1e9, K::scale});
    add_key("trillion", ast::Token{1e12, K::scale});
    add_key("dozen", ast::Token{12, K::dozen});
  }
};
inline const number_words_table number_words;

// Scale words after digits ("5.7 million") or after a vague word ("several hundred").
struct scale_words_table : symbols<double> {
  WHOSAYS_COLD scale_words_table() {
    add("dozen", 12)("hundred", 100)("thousand", 1e3)("million", 1e6)("billion", 1e9)("trillion", 1e12);
  }
};
inline const scale_words_table scale_words;

// Plural scales after "of": "hundreds of thousands".
struct plural_scales_table : symbols<double> {
  WHOSAYS_COLD plural_scales_table() { add("thousands", 1e3)("millions", 1e6)("billions", 1e9); }
};
inline const plural_scales_table plural_scales;

// Vague amounts and the interval each stands for (see quantity.cpp's header
// comment for why these bounds).
struct vague_words_table : listed_symbols<ast::Interval> {
  WHOSAYS_COLD vague_words_table() {
    add_key("a couple", ast::Interval{2, 3});
    add_key("a few", ast::Interval{2, 5});
    add_key("a handful", ast::Interval{3, 5});
    add_key("several", ast::Interval{3, 9});
    add_key("tens", ast::Interval{20, 99});
    add_key("dozens", ast::Interval{24, 99});
    add_key("scores", ast::Interval{40, 199});
    add_key("hundreds", ast::Interval{200, 999});
    add_key("thousands", ast::Interval{2000, 9999});
    add_key("millions", ast::Interval{2e6, 9.999999e6});
    add_key("billions", ast::Interval{2e9, 9.999999999e9});
  }
};
inline const vague_words_table vague_words;

// Modifiers before an amount; the value says whether it makes it approximate.
struct modifiers_table : listed_symbols<bool> {
  WHOSAYS_COLD modifiers_table() {
    const char* approximate[] = {
        "at least", "at most", "more than", "less than", "fewer than", "over", "under", "up to",
        "nearly", "almost", "around", "about", "some", "roughly", "approximately", "approx.",
        "an estimated", "estimated", "as many as", "as few as", "close to", "upwards of",
        "in excess of", "no fewer than", "no less than", "no more than", "not more than",
        "not less than", "just over", "just under", "well over", "well under", "more or less",
        "circa", "c.", "an approximate", "a minimum of", "a maximum of", "above", "below",
        "perhaps", "possibly", "an additional", "nearly all"};
    for (const char* word : approximate) add_key(word, true);
    const char* exact[] = {"a total of", "exactly", "precisely", "only", "just", "a further", "another", "all"};
    for (const char* word : exact) add_key(word, false);
  }
};
inline const modifiers_table modifiers;

// Postposed openers: "66 or more", "100-plus" is read by the grammar.
struct open_words_table : symbols<> {
  WHOSAYS_COLD open_words_table() { add("or more")("or so")("or over")("or above")("and more")("and above")("plus"); }
};
inline const open_words_table open_words;

// Context words before an amount, each followed by a space.
struct lead_words_table : listed_symbols<ast::Cue> {
  WHOSAYS_COLD lead_words_table() {
    using C = ast::Cue;
    for (const char* w : {"aged", "age", "ages", "age of", "ages of", "age from", "ages from", "aged from",
                          "at the age of", "between the ages of"})
      add_key(w, C::age);
    for (const char* w : {"city of", "town of", "village of", "country of", "nation of", "island of",
                          "community of", "district of", "province of", "region of", "state of",
                          "home to", "population of", "populations of", "a population of", "inhabitants of"})
      add_key(w, C::population);
    for (const char* w : {"magnitude", "magnitude of", "a magnitude of", "measuring", "depth of"}) add_key(w, C::measure);
    for (const char* w : {"usd", "eur", "gbp", "inr", "rs", "rs."}) add_key(w, C::money);
    for (const char* w : {"january", "february", "march", "april", "may", "june", "july", "august", "september",
                          "october", "november", "december", "jan", "jan.", "feb", "feb.", "mar.", "apr",
                          "apr.", "jun", "jun.", "jul", "jul.", "aug", "aug.", "sep", "sep.", "sept", "sept.",
                          "oct", "oct.", "nov", "nov.", "dec", "dec."})
      add_key(w, C::date);
    for (const char* w : {"flight", "flights", "region", "route", "highway", "no.", "nos.", "number", "boeing",
                          "airbus", "page", "pages", "article", "articles", "chapter", "section", "resolution",
                          "category", "level", "gate", "terminal", "platform", "channel", "bus", "room", "unit",
                          "phase", "stage", "round", "version", "model", "type", "grade", "match", "game",
                          "episode", "season", "volume", "vol.", "issue", "sector", "zone", "precinct", "ward",
                          "district", "block", "apartment", "building", "house", "camp", "hangar", "lot", "item",
                          "code", "covid", "sars", "windows", "ios", "android", "iphone", "galaxy"})
      add_key(w, C::identifier);
    for (const char* w : {"no", "not", "not even"}) add_key(w, C::negation);
  }
};
inline const lead_words_table lead_words;

// Currency signs, which may touch the figure ("$5", "€ 10"); part of the amount.
struct currency_signs_table : listed_symbols<ast::Cue> {
  WHOSAYS_COLD currency_signs_table() {
    for (const char* w : {"$", "us$", "a$", "c$", "hk$", "nz$", "\xC2\xA3" /* £ */, "\xC2\xA5" /* ¥ */, "\xE2\x82\xAC" /* € */,
                          "\xE2\x82\xB9" /* ₹ */, "\xE2\x82\xBD" /* ₽ */, "\xE2\x82\xBA" /* ₺ */,
                          "\xE2\x82\xB4" /* ₴ */, "\xE2\x82\xA9" /* ₩ */})
      add_key(w, ast::Cue::money);
  }
};
inline const currency_signs_table currency_signs;

// Units after a figure: glued ("5%", "160km"), spaced ("45 years old") or
// hyphenated ("25-year-old", "5.3-magnitude"). Hyphenated keys are listed
// in both spellings by add_both.
struct units_table : symbols<ast::Cue> {
  void add_both(const char* key, ast::Cue cue) {
    add(key, cue);
    char other[32];  // the keys are short: "pounds sterling"
    bool changed = false;
    std::size_t n = 0;
    for (; key[n] != '\0' && n + 1 < sizeof other; ++n) {
      other[n] = key[n] == ' ' ? '-' : key[n];
      changed = changed || key[n] == ' ';
    }
    other[n] = '\0';
    if (changed) add(static_cast<const char*>(other), cue);
  }
  WHOSAYS_COLD units_table() {
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
struct glued_units_table : symbols<ast::Cue> {
  WHOSAYS_COLD glued_units_table() {
    add("st", ast::Cue::ordinal)("nd", ast::Cue::ordinal)("rd", ast::Cue::ordinal)("th", ast::Cue::ordinal);
    add("s", ast::Cue::decade)("'s", ast::Cue::decade);
  }
};
inline const glued_units_table glued_units;

// Words after an amount that tell its kind without being part of it.
struct next_words_table : symbols<ast::Cue> {
  WHOSAYS_COLD next_words_table() {
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
struct street_words_table : symbols<> {
  WHOSAYS_COLD street_words_table() {
    for (const char* w : {"avenue", "ave", "street", "st", "road", "rd", "boulevard", "blvd", "lane", "drive",
                          "highway", "alley", "terrace"})
      add(w);
  }
};
inline const street_words_table street_words;

}  // namespace parser

}  // namespace whosays::quantity
