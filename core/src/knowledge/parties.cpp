#include "knowledge/parties.h"

#include "cold.h"
#include "knowledge/start_gate.h"
#ifdef WHOSAYS_TABLE_GENERATOR
#include "table_writer.h"
#endif
#include "knowledge/written_words.h"
#include "swar.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <vector>

namespace whosays::knowledge {
namespace {

// ---------------------------------------------------------------------------
// Case (ASCII letters fold; other UTF-8 bytes compare exactly)
// ---------------------------------------------------------------------------

// a == b (folded: fold(a) == fold(b)), eight bytes at a time where it can (no call to
// memcmp, whose spills cost more than a name's word): a word of four to eight bytes is
// read as two loads that may overlap, as swar::hash reads it.
bool same(std::string_view a, std::string_view b, bool folded) {
  const std::size_t n = a.size();
  if (n != b.size()) return false;
  const char* p = a.data();
  const char* q = b.data();
  const auto differ = [folded](std::uint64_t x, std::uint64_t y) { return folded ? fold8(x) != fold8(y) : x != y; };
  if (n >= 8) {
    for (std::size_t i = 0; i + 8 < n; i += 8)
      if (differ(swar::load(p + i), swar::load(q + i))) return false;
    return !differ(swar::load(p + n - 8), swar::load(q + n - 8));
  }
  const auto four = [](const char* at) {
    std::uint32_t v;
    std::memcpy(&v, at, 4);
    return std::uint64_t{v};
  };
  if (n >= 4) return !differ(four(p) | four(p + n - 4) << 32, four(q) | four(q + n - 4) << 32);
  for (std::size_t i = 0; i < n; ++i)
    if (folded ? fold(p[i]) != fold(q[i]) : p[i] != q[i]) return false;
  return true;
}

bool equal_folded(std::string_view a, std::string_view b) { return same(a, b, true); }

// A word written all in capitals: at least one capital, no lower-case letter.
bool all_capitals(std::string_view word) {
  bool upper = false;
  for (char c : word) {
    if (is_lower(c)) return false;
    upper = upper || is_upper(c);
  }
  return upper;
}

bool has_upper(std::string_view word) {
  for (char c : word)
    if (is_upper(c)) return true;
  return false;
}

// A hash of the word in which its ASCII case variants hash alike (a filter: names are
// confirmed with equal_folded).
std::uint64_t folded_hash(std::string_view s) { return swar::hash(s, 0x2020202020202020ull); }

// ---------------------------------------------------------------------------
// The index, built once
// ---------------------------------------------------------------------------

constexpr std::size_t kMaxNameTokens = 12;

// A read-only array: a vector's storage (the index built at the start, in the
// WebAssembly engine) or constant data generated at build time (the native
// build: generated/party_index.inc, written by scripts/generate_tables.cpp
// from the index built below).
template <typename T>
struct Array {
  const T* items;
  std::size_t count;
  const T& operator[](std::size_t i) const { return items[i]; }
  const T* begin() const { return items; }
  const T* end() const { return items + count; }
  std::size_t size() const { return count; }
};

struct Name {
  const data::PartyRow* row;
  const std::string_view* tokens;  // into Index::words
  std::size_t count;
};

// First token (case folded) -> names that start with it (indices into Index::names), as
// one array of (hash of the folded token, name) grouped into buckets by the hash's top
// bits, at least twice as many buckets as entries: no node or vector per token, a token's
// names in the table's order, and a look-up reads one bucket (most words that start no
// name find theirs empty).
class FirstTokenIndex {
 public:
  struct Entry {
    std::uint64_t hash;
    std::uint32_t name;
  };
  // entries: grouped by bucket, each bucket's in the table's order; bucket b
  // holds entries[starts[b], starts[b + 1]).
  constexpr FirstTokenIndex(Array<Entry> entries, Array<std::uint32_t> starts, unsigned shift)
      : entries_(entries), starts_(starts), shift_(shift) {}
  // Calls f(name index) for each name whose first token's folded_hash is `hash`, in the
  // table's order, until f returns true; returns whether it did. f compares the words
  // (name_matches, word_matches): a hash alone may join words that differ in a byte
  // other than a letter's case.
  template <typename F>
  bool find(std::uint64_t hash, F f) const {
    const std::size_t b = bucket(hash);
    for (std::uint32_t i = starts_[b]; i < starts_[b + 1]; ++i) {
      const Entry& at = entries_[i];
      if (at.hash == hash && f(at.name)) return true;
    }
    return false;
  }
  Array<Entry> entries() const { return entries_; }
  Array<std::uint32_t> starts() const { return starts_; }
  unsigned shift() const { return shift_; }

 private:
  std::size_t bucket(std::uint64_t hash) const { return static_cast<std::size_t>(hash >> shift_); }
  Array<Entry> entries_;
  Array<std::uint32_t> starts_;
  unsigned shift_;
};

struct Index {
  Array<std::string_view> words;  // every name's words, name after name
  Array<Name> names;
  FirstTokenIndex by_first;     // parties
  FirstTokenIndex not_parties;  // names that hold a party's name without being one
  std::size_t longest_not_party;
  Array<std::string_view> capitals_stop;  // a handful: scanned, no hash table
};

template <typename T>
Array<T> array(const std::vector<T>& items) {
  return {items.data(), items.size()};
}

#ifdef WHOSAYS_PREBUILT_TABLES

}  // namespace
#include "party_index.inc"  // kPrebuiltIndex and kPrebuiltGates, in this namespace's anonymous one
namespace {

const Index& index() { return kPrebuiltIndex; }

#else

// A FirstTokenIndex's arrays, built once.
struct FirstTokenTable {
  std::vector<FirstTokenIndex::Entry> entries;
  std::vector<std::uint32_t> starts;  // bucket b holds entries[starts[b], starts[b + 1])
  unsigned shift = 60;

  void add(std::string_view first, std::uint32_t name) { entries.push_back({folded_hash(first), name}); }
  // Groups the entries by bucket, each bucket's in the order added (the table's).
  void seal() {
    std::size_t buckets = 16;
    for (shift = 60; buckets < 2 * entries.size(); buckets *= 2) --shift;
    starts.assign(buckets + 1, 0);
    for (const FirstTokenIndex::Entry& entry : entries) ++starts[bucket(entry.hash) + 1];
    for (std::size_t b = 0; b < buckets; ++b) starts[b + 1] += starts[b];
    std::vector<std::uint32_t> next(starts.begin(), starts.end() - 1);
    std::vector<FirstTokenIndex::Entry> grouped(entries.size());
    for (const FirstTokenIndex::Entry& entry : entries) grouped[next[bucket(entry.hash)]++] = entry;
    entries.swap(grouped);
  }
  std::size_t bucket(std::uint64_t hash) const { return static_cast<std::size_t>(hash >> shift); }
  FirstTokenIndex view() const { return {array(entries), array(starts), shift}; }
};

// The arrays an Index views.
struct IndexTables {
  std::vector<std::string_view> words;
  std::vector<Name> names;
  FirstTokenTable by_first;
  FirstTokenTable not_parties;
  std::size_t longest_not_party = 0;
  std::vector<std::string_view> capitals_stop;
};

WHOSAYS_COLD IndexTables* build_tables() {
  IndexTables& ix = *new IndexTables;
  ix.names.reserve(data::kPartyRowCount);
  // The names are 1.9 words each (2,286 words in 1,216 rows); their tokens
  // point into `words` once it is complete (below), so a reallocation on the
  // way does no harm, and the rows' lengths need not be read twice.
  ix.words.reserve(2 * data::kPartyRowCount);
  for (std::size_t r = 0; r < data::kPartyRowCount; ++r) {
    const data::PartyRow& row = data::kPartyRows[r];
    if (row.kind == PartyKind::CapitalsStop) {
      ix.capitals_stop.push_back(row.name());
      continue;
    }
    const std::size_t first = ix.words.size();
    for_each_word(row.name(), [&](std::string_view w) {
      ix.words.push_back(w);
      return true;
    });
    Name name{&row, nullptr, ix.words.size() - first};  // tokens: set below
    // The generator keeps names short; a longer one is skipped rather than cut.
    if (name.count == 0 || name.count > kMaxNameTokens) {
      ix.words.resize(first);
      continue;
    }
    FirstTokenTable& by_first = row.kind == PartyKind::NotParty ? ix.not_parties : ix.by_first;
    if (row.kind == PartyKind::NotParty && name.count > ix.longest_not_party)
      ix.longest_not_party = name.count;
    by_first.add(ix.words[first], static_cast<std::uint32_t>(ix.names.size()));
    ix.names.push_back(name);
  }
  // Each name's words follow the previous name's in `words`.
  const std::string_view* tokens = ix.words.data();
  for (Name& name : ix.names) {
    name.tokens = tokens;
    tokens += name.count;
  }
  ix.by_first.seal();
  ix.not_parties.seal();
  return &ix;
}

const Index& index() {
  // Never destroyed: freeing it would only slow down the end of a process.
  static const IndexTables& tables = *build_tables();
  static const Index built{array(tables.words), array(tables.names), tables.by_first.view(),
                           tables.not_parties.view(), tables.longest_not_party, array(tables.capitals_stop)};
  return built;
}

#endif

bool in_capitals_stop(const Index& ix, std::string_view word) {
  return std::any_of(ix.capitals_stop.begin(), ix.capitals_stop.end(),
                     [&](std::string_view stop) { return equal_folded(stop, word); });
}

#ifdef WHOSAYS_PREBUILT_TABLES
const StartGates& party_gates() { return kPrebuiltGates; }
#else
const StartGates& party_gates() {
  static const StartGates gates(index().names);
  return gates;
}
#endif

// Does the text word match the name's word? See party_at for the case rules. Inlined:
// most calls end at the length test, which a call would cost more than.
[[gnu::always_inline]] inline bool word_matches(std::string_view name, std::string_view word) {
  if (name.size() != word.size()) return false;  // each way below keeps the length
  if (same(name, word, false)) return true;
  if (all_capitals(word) && equal_folded(name, word)) return true;
  if (!has_upper(name) && !word.empty() && is_upper(word[0]) && !name.empty() &&
      fold(word[0]) == name[0] && same(name.substr(1), word.substr(1), false))
    return true;
  return false;
}

// The name's words against words[position...]; the last may carry trailing marks. The
// last word is compared first and the first last: the names a word was looked up by
// share that word, and most of them differ after it.
bool name_matches(const Name& name, const WrittenWords& words, std::size_t position) {
  if (position + name.count > words.size) return false;
  const std::size_t last = name.count - 1;
  for (std::size_t i = 0; i <= last; ++i) {
    const std::size_t j = i == 0 ? last : i == last ? 0 : i;
    std::string_view w = words[position + j];
    if (j == 0) w = strip_leading_quotes(w);
    if (word_matches(name.tokens[j], w)) continue;
    // Only a longer word can match without its trailing marks (word_matches keeps the length).
    if (j == last && w.size() > name.tokens[j].size() && word_matches(name.tokens[j], strip_trailing(w))) continue;
    return false;
  }
  return true;
}

// Is the word written in a stretch of capitals (wire copy), judged by its neighbours?
bool in_capitals_text(const WrittenWords& words, std::size_t position, std::size_t count) {
  auto capitals_word = [&](std::size_t i) {
    return i < words.size && all_capitals(words[i]);
  };
  return (position > 0 && capitals_word(position - 1)) || capitals_word(position + count);
}

// Does a name of not_parties.txt cover words[position] ("Jersey" in "New Jersey")?
bool inside_not_party(const Index& ix, const WrittenWords& words, std::size_t position) {
  for (std::size_t back = 0; back < ix.longest_not_party && back <= position; ++back) {
    const std::size_t start = position - back;
    const std::string_view first = strip_leading_quotes(words[start]);
    if (party_gates().not_party(first) && ix.not_parties.find(folded_hash(first), [&](std::uint32_t n) {
          const Name& name = ix.names[n];
          return start + name.count > position && name_matches(name, words, start);
        }))
      return true;
  }
  return false;
}

// The longest name at words[position], as party_at without the not-party and
// capitals checks: null if none.
const Name* longest_name(const Index& ix, const WrittenWords& words, std::size_t position) {
  const std::string_view raw = strip_leading_quotes(words[position]);
  const std::string_view keys[2] = {raw, strip_trailing(raw)};
  const Name* best = nullptr;
  for (std::size_t k = 0; k < 2; ++k) {
    if (k == 1 && keys[1].size() == keys[0].size()) break;  // a prefix of keys[0]: the same
    ix.by_first.find(folded_hash(keys[k]), [&](std::uint32_t n) {
      const Name& name = ix.names[n];
      if ((!best || name.count > best->count) && name_matches(name, words, position)) best = &name;
      return false;
    });
  }
  return best;
}

// "Saudi-led", "Iranian-backed", "US-based": a one-word name as the part of the word
// before its first hyphen; null if none.
const Name* hyphen_prefix(const Index& ix, std::string_view raw) {
  const std::size_t hyphen = raw.find('-');
  if (hyphen == std::string_view::npos || hyphen == 0) return nullptr;
  const std::string_view prefix = raw.substr(0, hyphen);
  const Name* single = nullptr;
  ix.by_first.find(folded_hash(prefix), [&](std::uint32_t n) {
    const Name& name = ix.names[n];
    if (name.count == 1 && word_matches(name.tokens[0], prefix)) single = &name;
    return single != nullptr;
  });
  return single;
}

std::optional<PartyMatch> match_at(const WrittenWords& words, std::size_t position) {
  if (position >= words.size) return std::nullopt;
  const std::string_view raw = strip_leading_quotes(words[position]);
  if (!party_gates().party(raw, position + 1 < words.size ? words[position + 1] : std::string_view()))
    return std::nullopt;
  const Index& ix = index();
  // Most words start no name: the not-party check only where one does.
  if (const Name* best = longest_name(ix, words, position)) {
    const std::string_view word = strip_trailing(raw);
    if (best->count == 1 && all_capitals(word) && in_capitals_stop(ix, word) && in_capitals_text(words, position, 1))
      return std::nullopt;
    if (inside_not_party(ix, words, position)) return std::nullopt;
    return PartyMatch{best->row->kind, best->count, best->row->name(), best->row->country(), false};
  }
  const Name* single = hyphen_prefix(ix, raw);
  if (!single || inside_not_party(ix, words, position)) return std::nullopt;
  return PartyMatch{single->row->kind, 1, single->row->name(), single->row->country(), true};
}

}  // namespace

// ---------------------------------------------------------------------------
// Lookup
// ---------------------------------------------------------------------------

// Out of line in the WebAssembly engine: inlined at its dozen call sites (with the
// words' view each builds) it cost the engine bytes of its size budget.
#if defined(__EMSCRIPTEN__)
[[gnu::noinline]]
#endif
std::optional<PartyMatch> party_at(std::string_view text, const text::Tokens& tokens, std::size_t position) {
  return match_at(WrittenWords{nullptr, text.data(), tokens.begin(), tokens.size()}, position);
}

std::optional<PartyMatch> party_at(const std::vector<std::string_view>& words, std::size_t position) {
  return match_at(WrittenWords{words.data(), nullptr, nullptr, words.size()}, position);
}

const StartGates& start_gates() { return party_gates(); }

std::optional<PartyMatch> lookup_party(std::string_view phrase) {
  std::array<std::string_view, kMaxNameTokens + 1> buffer;
  std::size_t count = 0;
  bool too_long = false;
  for_each_word(phrase, [&](std::string_view w) {
    if (count == buffer.size()) {
      too_long = true;
      return false;
    }
    buffer[count++] = w;
    return true;
  });
  if (too_long || count == 0) return std::nullopt;
  std::size_t first = 0;
  if (count > 1 && equal_folded(buffer[0], "the")) first = 1;
  auto match = match_at(WrittenWords{buffer.data(), nullptr, nullptr, count}, first);
  if (!match || match->hyphen_prefix || first + match->tokens != count) return std::nullopt;
  return match;
}

bool is_party(std::string_view phrase) { return lookup_party(phrase).has_value(); }

std::string_view kind_name(PartyKind kind) {
  switch (kind) {
    case PartyKind::Country: return "country";
    case PartyKind::Demonym: return "demonym";
    case PartyKind::ArmedGroup: return "armed_group";
    case PartyKind::Force: return "force";
    case PartyKind::GovernmentBody: return "government_body";
    case PartyKind::InternationalBody: return "international_body";
    case PartyKind::NewsAgency: return "news_agency";
    case PartyKind::CapitalsStop: return "capitals_stop";
    case PartyKind::NotParty: return "not_party";
  }
  return "unknown";
}

std::vector<std::string_view> split_words(std::string_view text) {
  std::vector<std::string_view> words;
  for_each_word(text, [&](std::string_view w) {
    words.push_back(w);
    return true;
  });
  return words;
}

#ifdef WHOSAYS_TABLE_GENERATOR

// ---------------------------------------------------------------------------
// The index as C++ constant data (scripts/generate_tables.cpp)
// ---------------------------------------------------------------------------

namespace {

// The word as a string_view's braced initialiser.
void write_literal(std::ostream& out, std::string_view word) {
  out << "{";
  table_writer::literal(out, word);
  out << ", " << word.size() << "}";
}

void write_first_tokens(std::ostream& out, const char* name, const FirstTokenIndex& index) {
  out << "constexpr FirstTokenIndex::Entry " << name << "Entries[" << index.entries().size() + 1 << "] = {\n";
  for (const FirstTokenIndex::Entry& entry : index.entries()) out << "    {" << entry.hash << "u, " << entry.name << "u},\n";
  out << "    {0u, 0u}};\nconstexpr std::uint32_t " << name << "Starts[" << index.starts().size() << "] = {";
  for (std::size_t b = 0; b < index.starts().size(); ++b) out << (b % 16 ? " " : "\n    ") << index.starts()[b] << "u,";
  out << "\n};\n\n";
}

}  // namespace

void write_party_index(std::ostream& out) {
  const Index& ix = index();
  out << "// Generated by scripts/generate_tables.cpp from the party table. Do not edit.\n"
         "// Included by core/src/knowledge/parties.cpp in namespace whosays::knowledge.\n\n"
         "namespace data {\nextern const PartyRow kPartyRows["
      << data::kPartyRowCount << "];\n}  // namespace data\n\nnamespace {\n\n";
  out << "constexpr std::string_view kIndexWords[" << ix.words.size() << "] = {\n";
  for (std::string_view word : ix.words) {
    out << "    ";
    write_literal(out, word);
    out << ",\n";
  }
  out << "};\n\nconstexpr Name kIndexNames[" << ix.names.size() << "] = {\n";
  for (const Name& name : ix.names)
    out << "    {data::kPartyRows + " << name.row - data::kPartyRows << ", kIndexWords + " << name.tokens - ix.words.begin()
        << ", " << name.count << "},\n";
  out << "};\n\nconstexpr std::string_view kCapitalsStop[" << ix.capitals_stop.size() + 1 << "] = {\n";
  for (std::string_view word : ix.capitals_stop) {
    out << "    ";
    write_literal(out, word);
    out << ",\n";
  }
  out << "    {}};\n\n";
  write_first_tokens(out, "kByFirst", ix.by_first);
  write_first_tokens(out, "kNotParties", ix.not_parties);
  out << "constexpr Index kPrebuiltIndex{{kIndexWords, " << ix.words.size() << "}, {kIndexNames, " << ix.names.size()
      << "},\n    FirstTokenIndex({kByFirstEntries, " << ix.by_first.entries().size() << "}, {kByFirstStarts, "
      << ix.by_first.starts().size() << "}, " << ix.by_first.shift() << "),\n    FirstTokenIndex({kNotPartiesEntries, "
      << ix.not_parties.entries().size() << "}, {kNotPartiesStarts, " << ix.not_parties.starts().size() << "}, "
      << ix.not_parties.shift() << "),\n    " << ix.longest_not_party << ", {kCapitalsStop, " << ix.capitals_stop.size()
      << "}};\n\n";
  out << "constexpr StartGates kPrebuiltGates(\n";
  party_gates().write(out);
  out << ");\n\n}  // namespace\n";
}

#endif

}  // namespace whosays::knowledge
