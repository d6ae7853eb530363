#include "knowledge/parties.h"

#include "cold.h"
#include "knowledge/written_words.h"
#include "swar.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

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
  void add(std::string_view first, std::uint32_t name) { entries_.push_back({folded_hash(first), name}); }
  // Groups the entries by bucket, each bucket's in the order added (the table's).
  void seal() {
    std::size_t buckets = 16;
    for (shift_ = 60; buckets < 2 * entries_.size(); buckets *= 2) --shift_;
    starts_.assign(buckets + 1, 0);
    for (const Entry& entry : entries_) ++starts_[bucket(entry.hash) + 1];
    for (std::size_t b = 0; b < buckets; ++b) starts_[b + 1] += starts_[b];
    std::vector<std::uint32_t> next(starts_.begin(), starts_.end() - 1);
    std::vector<Entry> grouped(entries_.size());
    for (const Entry& entry : entries_) grouped[next[bucket(entry.hash)]++] = entry;
    entries_.swap(grouped);
  }
  // Calls f(name index) for each name whose first token folds as word does (hash: its
  // folded_hash), in the table's order, until f returns true; returns whether it did.
  template <typename F>
  bool find(std::string_view word, std::uint64_t hash, const std::vector<Name>& names, F f) const {
    const std::size_t b = bucket(hash);
    for (std::uint32_t i = starts_[b]; i < starts_[b + 1]; ++i) {
      const Entry& at = entries_[i];
      if (at.hash == hash && equal_folded(names[at.name].tokens[0], word) && f(at.name)) return true;
    }
    return false;
  }

 private:
  struct Entry {
    std::uint64_t hash;
    std::uint32_t name;
  };
  std::size_t bucket(std::uint64_t hash) const { return static_cast<std::size_t>(hash >> shift_); }
  std::vector<Entry> entries_;
  std::vector<std::uint32_t> starts_;  // bucket b holds entries_[starts_[b], starts_[b + 1])
  unsigned shift_ = 60;
};

struct Index {
  std::vector<std::string_view> words;  // every name's words, name after name
  std::vector<Name> names;
  FirstTokenIndex by_first;     // parties
  FirstTokenIndex not_parties;  // names that hold a party's name without being one
  std::size_t longest_not_party = 0;
  std::vector<std::string_view> capitals_stop;  // a handful: scanned, no hash table
};

WHOSAYS_COLD Index build_index() {
  Index ix;
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
    FirstTokenIndex& by_first = row.kind == PartyKind::NotParty ? ix.not_parties : ix.by_first;
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
  return ix;
}

bool in_capitals_stop(const Index& ix, std::string_view word) {
  return std::any_of(ix.capitals_stop.begin(), ix.capitals_stop.end(),
                     [&](std::string_view stop) { return equal_folded(stop, word); });
}

const Index& index() {
  static const Index built = build_index();
  return built;
}

// A first test for match_at: can a name start at this word? Set from the first three
// bytes (case folded, as a hash) of each party name's first word: a name matches its word,
// or the word without trailing marks (strip_trailing: they start with '.', '\'' or the
// first byte of '’') or the part before a hyphen (hyphen_prefix), so the word's own first
// three bytes are those of the name's word unless that is shorter, where the byte after it
// is one of those four or none. Most words fail it: no hash of the whole word, no bucket.
// The same for the names of not_parties.txt, for the not-party check.
class StartGates {
 public:
  // One pass over the names: not_parties.txt's (for inside_not_party) and the others.
  [[gnu::noinline]] explicit StartGates(const Index& ix) {
    for (const Name& name : ix.names) {
      Bits& bits = name.row->kind == PartyKind::NotParty ? not_parties_ : parties_;
      const std::string_view word = name.tokens[0];
      set(bits, word);
      if (word.size() >= 3) continue;
      for (const char mark : {'.', '\'', '\xE2', '-'}) {  // a shorter word and what may follow it
        const char key[3] = {word[0], word.size() == 2 ? word[1] : mark, mark};
        set(bits, std::string_view(key, 3));
        for (int third = 0; third < 256 && word.size() == 1; ++third) {  // after one byte: any or none
          const char any[3] = {key[0], mark, static_cast<char>(third)};
          set(bits, std::string_view(any, third == 0 ? 2 : 3));
          set(bits, std::string_view(any, 3));
        }
      }
    }
  }
  bool party(std::string_view word) const { return test(parties_, word); }
  bool not_party(std::string_view word) const { return test(not_parties_, word); }

 private:
  using Bits = std::array<std::uint64_t, (1u << 14) / 64>;
  static std::uint32_t bit(std::string_view word) {
    std::uint32_t key = 0;
    for (std::size_t i = 0; i < 3; ++i)
      key = key << 8 | (i < word.size() ? (static_cast<unsigned char>(word[i]) | 0x20u) : 0u);
    return (key * 0x9E3779B1u) >> (32 - 14);
  }
  static bool test(const Bits& bits, std::string_view word) {
    const std::uint32_t b = bit(word);
    return (bits[b / 64] >> (b % 64)) & 1;
  }
  static void set(Bits& bits, std::string_view word) {
    const std::uint32_t b = bit(word);
    bits[b / 64] |= std::uint64_t{1} << (b % 64);
  }
  Bits parties_{};
  Bits not_parties_{};
};

const StartGates& start_gates() {
  static const StartGates gates(index());
  return gates;
}

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

// Words as a view over a caller's array or vector, so lookups share one matcher.
struct Words {
  const std::string_view* data;
  std::size_t size;
};

// The name's words against words[position...]; the last may carry trailing marks. The
// last word is compared first and the first last: the names a word was looked up by
// share that word, and most of them differ after it.
bool name_matches(const Name& name, Words words, std::size_t position) {
  if (position + name.count > words.size) return false;
  const std::size_t last = name.count - 1;
  for (std::size_t i = 0; i <= last; ++i) {
    const std::size_t j = i == 0 ? last : i == last ? 0 : i;
    std::string_view w = words.data[position + j];
    if (j == 0) w = strip_leading_quotes(w);
    if (word_matches(name.tokens[j], w)) continue;
    if (j == last && word_matches(name.tokens[j], strip_trailing(w))) continue;
    return false;
  }
  return true;
}

// Is the word written in a stretch of capitals (wire copy), judged by its neighbours?
bool in_capitals_text(Words words, std::size_t position, std::size_t count) {
  auto capitals_word = [&](std::size_t i) {
    return i < words.size && all_capitals(words.data[i]);
  };
  return (position > 0 && capitals_word(position - 1)) || capitals_word(position + count);
}

// Does a name of not_parties.txt cover words[position] ("Jersey" in "New Jersey")?
bool inside_not_party(const Index& ix, Words words, std::size_t position) {
  for (std::size_t back = 0; back < ix.longest_not_party && back <= position; ++back) {
    const std::size_t start = position - back;
    const std::string_view first = strip_leading_quotes(words.data[start]);
    if (start_gates().not_party(first) && ix.not_parties.find(first, folded_hash(first), ix.names, [&](std::uint32_t n) {
          const Name& name = ix.names[n];
          return start + name.count > position && name_matches(name, words, start);
        }))
      return true;
  }
  return false;
}

// The longest name at words[position], as party_at without the not-party and
// capitals checks: null if none.
const Name* longest_name(const Index& ix, Words words, std::size_t position) {
  const std::string_view raw = strip_leading_quotes(words.data[position]);
  const std::string_view keys[2] = {raw, strip_trailing(raw)};
  const Name* best = nullptr;
  for (std::size_t k = 0; k < 2; ++k) {
    if (k == 1 && keys[1].size() == keys[0].size()) break;  // a prefix of keys[0]: the same
    ix.by_first.find(keys[k], folded_hash(keys[k]), ix.names, [&](std::uint32_t n) {
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
  ix.by_first.find(prefix, folded_hash(prefix), ix.names, [&](std::uint32_t n) {
    const Name& name = ix.names[n];
    if (name.count == 1 && word_matches(name.tokens[0], prefix)) single = &name;
    return single != nullptr;
  });
  return single;
}

std::optional<PartyMatch> match_at(Words words, std::size_t position) {
  if (position >= words.size) return std::nullopt;
  const std::string_view raw = strip_leading_quotes(words.data[position]);
  if (!start_gates().party(raw)) return std::nullopt;
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

std::optional<PartyMatch> party_at(const std::vector<std::string_view>& tokens,
                                   std::size_t position) {
  return match_at(Words{tokens.data(), tokens.size()}, position);
}

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
  auto match = match_at(Words{buffer.data(), count}, first);
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

}  // namespace whosays::knowledge
