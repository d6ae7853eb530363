// whosays quantity grammar: word tables (x3::symbols). Included by quantity_def.hpp.
#pragma once

#include <cstdint>
#include <memory>
#include <cstdlib>
#include <cstring>
#include <new>
#include <type_traits>
#include <string>
#include <vector>

#include <boost/spirit/home/x3.hpp>

#include "../cold.h"

#include "quantity/ast.hpp"

namespace whosays::quantity {

namespace parser {

namespace x3 = boost::spirit::x3;

// x3::symbols' ternary search tree: the nodes and the look-up of
// x3::detail::tst_node (find and add are its algorithm), the nodes in one
// array linked by 16-bit indices (10 bytes a node, where tst_node takes 40
// and a heap block per node and value). In the native build the finished
// arrays are constant data generated at build time (fill() below); the
// WebAssembly engine and the generator build them with add().
struct tst_node {
  char id;
  std::uint16_t lt, eq, gt;  // node indices; 0: none (nodes[0] is no node)
  std::uint16_t data;        // index into the values; 0: no key ends here
};

// The tree's nodes and values as add() builds them, whatever the values'
// type (one copy of the code in the WebAssembly engine, not a vector's per
// table type: its size budget).
class tst_builder {
 public:
  tst_builder() = default;
  tst_builder(const tst_builder&) = delete;
  tst_builder& operator=(const tst_builder&) = delete;
  ~tst_builder() { ::operator delete(values_); }

  // The data index of the key [first, last) (not empty), its nodes added
  // where missing; 0 if it is new, to be set by the caller.
  WHOSAYS_COLD std::uint16_t& insert(const char* first, const char* last) {
    if (nodes_.empty()) nodes_.push_back(tst_node{});  // index 0: none
    std::size_t owner = 0;  // 0: the root link, else the node whose `field` links on
    std::uint16_t tst_node::*field = nullptr;
    for (;;) {
      const char c = *first;
      std::uint16_t& link = owner ? nodes_[owner].*field : root_;
      if (link == 0) {
        if (nodes_.size() > 0xFFFF) std::abort();  // far beyond any table here
        link = static_cast<std::uint16_t>(nodes_.size());
        nodes_.push_back(tst_node{c, 0, 0, 0, 0});
      }
      owner = owner ? nodes_[owner].*field : root_;
      tst_node& p = nodes_[owner];
      if (c == p.id) {
        if (++first == last) return p.data;
        field = &tst_node::eq;
      } else {
        field = c < p.id ? &tst_node::lt : &tst_node::gt;
      }
    }
  }
  // Room for one more value of `size` bytes (trivially copyable values, all
  // of one size: the buffer is an array of them), the others moved along.
  WHOSAYS_COLD void* value_room(std::size_t size) {
    if (value_bytes_ + size > value_room_) {
      const std::size_t room = value_room_ ? 2 * value_room_ : 32 * size;
      auto* moved = static_cast<unsigned char*>(::operator new(room));
      if (value_bytes_) std::memcpy(moved, values_, value_bytes_);
      ::operator delete(values_);
      values_ = moved;
      value_room_ = room;
    }
    void* at = values_ + value_bytes_;
    value_bytes_ += size;
    return at;
  }
  const std::vector<tst_node>& nodes() const { return nodes_; }
  const void* values() const { return values_; }
  std::size_t value_bytes() const { return value_bytes_; }

 private:
  std::uint16_t root_ = 0;
  std::vector<tst_node> nodes_;
  unsigned char* values_ = nullptr;
  std::size_t value_bytes_ = 0;
  std::size_t value_room_ = 0;
};

// tst_node::find's walk from the root (nodes[1]): the data index of the
// longest key that starts [first, last), first moved past it; 0 if none.
// Out of line in the WebAssembly engine: one copy for every table and parser
// context (inlined, the copies cost 150 B of its size budget).
#ifdef __EMSCRIPTEN__
[[gnu::noinline]]
#endif
inline std::uint16_t tst_find(const tst_node* nodes, const char*& first, const char* last) {
  const char* i = first;
  const char* latest = first;
  std::uint16_t p = 1;
  std::uint16_t found = 0;
  while (p && i != last) {
    const tst_node& node = nodes[p];
    if (*i == node.id) {
      if (node.data) {
        found = node.data;
        latest = i;
      }
      p = node.eq;
      ++i;
    } else {
      p = *i < node.id ? node.lt : node.gt;
    }
  }
  if (found) first = latest + 1;  // one past the last matching char
  return found;
}

template <typename Char, typename T>
class packed_tst {
 public:
  using char_type = Char;
  using value_type = T;
  using Node = tst_node;
  struct Value {  // a value in an array (not std::vector<bool>'s bits)
    T value;
  };

  // x3's case_compare only (lc - rc: the grammar reads a lower-cased copy,
  // no no_case), so that one walk serves every table and parser context.
  template <typename Iterator, typename CaseCompare>
  T* find(Iterator& first, Iterator last, CaseCompare) const {
    static_assert(std::is_same_v<CaseCompare, x3::case_compare<boost::spirit::char_encoding::standard>>,
                  "packed_tst compares characters as x3::case_compare does");
    if (first == last || !nodes_) return nullptr;
    const std::uint16_t data = tst_find(nodes_, first, last);
    return data ? const_cast<T*>(std::addressof(values_[data].value)) : nullptr;  // never written
  }

  // As tst_node::add: the first value given for a key stays. The keys here
  // are never empty.
  T* add(const Char* first, const Char* last, typename boost::call_traits<T>::param_type value) {
    static_assert(std::is_trivially_copyable_v<Value>, "tst_builder moves the values as bytes");
    std::uint16_t& data = builder_.insert(first, last);
    if (data == 0) {
      if (builder_.value_bytes() == 0) new (builder_.value_room(sizeof(Value))) Value{};  // index 0: none
      data = static_cast<std::uint16_t>(builder_.value_bytes() / sizeof(Value));
      new (builder_.value_room(sizeof(Value))) Value{value};
    }
    nodes_ = builder_.nodes().data();
    values_ = static_cast<const Value*>(builder_.values());
    return const_cast<T*>(std::addressof(values_[data].value));
  }

  // The finished arrays (generated): the root is nodes[1].
  void use(const Node* nodes, const Value* values) {
    nodes_ = nodes;
    values_ = values;
  }
  // What the generator writes: node 0 and value 0 are none.
  const std::vector<Node>& nodes() const { return builder_.nodes(); }
  const Value* values() const { return values_; }
  std::size_t value_count() const { return builder_.value_bytes() / sizeof(Value); }

 private:
  const Node* nodes_ = nullptr;
  const Value* values_ = nullptr;
  tst_builder builder_;
};

template <typename T = x3::unused_type>
using symbols = x3::symbols_parser<boost::spirit::char_encoding::standard, T, packed_tst<char, T>>;

// ---------------------------------------------------------------------------
// Word tables (lower case; multi-word keys have single ASCII spaces)
// ---------------------------------------------------------------------------

// The keys of a listed table (string literals), in the order added.
struct Keys {
  const char* const* items = nullptr;
  std::size_t count = 0;
  const char* const* begin() const { return items; }
  const char* const* end() const { return items + count; }
};

// A table that also lists its keys (string literals) in the order added: the
// scan's first-word test (quantity.cpp) reads the tables a phrase can start
// with, which x3::symbols::for_each would rebuild as strings, node by node.
template <typename T>
struct listed_symbols : symbols<T> {
  Keys keys;
  std::vector<const char*> added;  // keys' storage where the table is built at the start
  WHOSAYS_COLD void add_key(const char* key, const T& value) {
    this->add(key, value);
    added.push_back(key);
    keys = {added.data(), added.size()};
  }
};

// A table's tree and keys as generated for the native build
// (quantity_tables.inc): nodes, values and keys, static constexpr arrays.
template <typename Table>
struct prebuilt;

// Fills a table: from its generated arrays in the native build, else by its
// build() (the adds), which the generator runs to write those arrays.
template <typename Table>
void fill(Table& table) {
#ifdef WHOSAYS_PREBUILT_TABLES
  table.lookup->use(prebuilt<Table>::nodes, prebuilt<Table>::values);
  if constexpr (std::is_base_of_v<listed_symbols<typename Table::value_type>, Table>)
    table.keys = {prebuilt<Table>::keys, prebuilt<Table>::key_count};
#else
  table.build();
#endif
}

struct number_words_table;
struct scale_words_table;
struct plural_scales_table;
struct vague_words_table;
struct modifiers_table;
struct open_words_table;
struct lead_words_table;
struct currency_signs_table;
struct units_table;
struct glued_units_table;
struct next_words_table;
struct street_words_table;

#ifdef WHOSAYS_PREBUILT_TABLES
#include "quantity_tables.inc"  // generated: prebuilt<Table> for each table below
#endif

// Number words. "a" and "half a" are read by the grammar, not here.
struct number_words_table : listed_symbols<ast::Token> {
  number_words_table() { fill(*this); }
  WHOSAYS_COLD void build() {
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
  scale_words_table() { fill(*this); }
  WHOSAYS_COLD void build() {
    add("dozen", 12)("hundred", 100)("thousand", 1e3)("million", 1e6)("billion", 1e9)("trillion", 1e12);
  }
};
inline const scale_words_table scale_words;

// Plural scales after "of": "hundreds of thousands".
struct plural_scales_table : symbols<double> {
  plural_scales_table() { fill(*this); }
  WHOSAYS_COLD void build() { add("thousands", 1e3)("millions", 1e6)("billions", 1e9); }
};
inline const plural_scales_table plural_scales;

// Vague amounts and the interval each stands for (see quantity.cpp's header
// comment for why these bounds).
struct vague_words_table : listed_symbols<ast::Interval> {
  vague_words_table() { fill(*this); }
  WHOSAYS_COLD void build() {
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
  modifiers_table() { fill(*this); }
  WHOSAYS_COLD void build() {
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
  open_words_table() { fill(*this); }
  WHOSAYS_COLD void build() { add("or more")("or so")("or over")("or above")("and more")("and above")("plus"); }
};
inline const open_words_table open_words;

// Context words before an amount, each followed by a space.
struct lead_words_table : listed_symbols<ast::Cue> {
  lead_words_table() { fill(*this); }
  WHOSAYS_COLD void build() {
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
  currency_signs_table() { fill(*this); }
  WHOSAYS_COLD void build() {
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
  units_table() { fill(*this); }
  WHOSAYS_COLD void build() {
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
  glued_units_table() { fill(*this); }
  WHOSAYS_COLD void build() {
    add("st", ast::Cue::ordinal)("nd", ast::Cue::ordinal)("rd", ast::Cue::ordinal)("th", ast::Cue::ordinal);
    add("s", ast::Cue::decade)("'s", ast::Cue::decade);
  }
};
inline const glued_units_table glued_units;

// Words after an amount that tell its kind without being part of it.
struct next_words_table : symbols<ast::Cue> {
  next_words_table() { fill(*this); }
  WHOSAYS_COLD void build() {
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
  street_words_table() { fill(*this); }
  WHOSAYS_COLD void build() {
    for (const char* w : {"avenue", "ave", "street", "st", "road", "rd", "boulevard", "blvd", "lane", "drive",
                          "highway", "alley", "terrace"})
      add(w);
  }
};
inline const street_words_table street_words;

}  // namespace parser

}  // namespace whosays::quantity
