#include "knowledge/parties.h"

#include "cold.h"
#include "text.h"

#include <algorithm>
#include <array>
#include <cstdint>

namespace whosays::knowledge {
namespace {

// ---------------------------------------------------------------------------
// Bytes and case (ASCII letters fold; other UTF-8 bytes compare exactly)
// ---------------------------------------------------------------------------

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
char fold(char c) { return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

bool equal_folded(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (fold(a[i]) != fold(b[i])) return false;
  return true;
}

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

struct FoldedHash {
  std::size_t operator()(std::string_view s) const {
    std::uint64_t h = 1469598103934665603ull;  // FNV-1a
    for (char c : s) {
      h ^= static_cast<unsigned char>(fold(c));
      h *= 1099511628211ull;
    }
    return static_cast<std::size_t>(h);
  }
};

// ---------------------------------------------------------------------------
// Words
// ---------------------------------------------------------------------------

// The one-byte breaks of is_break, as a table: one load per byte, not a switch.
constexpr std::array<bool, 256> kBreakBytes = [] {
  std::array<bool, 256> breaks{};
  for (const unsigned char c : std::string_view(" \t\n\r\f\v,;:!?()[]{}\"")) breaks[c] = true;
  return breaks;
}();

// Bytes that end a word: white space, , ; : ! ? brackets and double quotes.
bool is_break(std::string_view text, std::size_t i, std::size_t* width) {
  *width = 1;
  const unsigned char c = static_cast<unsigned char>(text[i]);
  if (kBreakBytes[c]) return true;
  if (c < 0xC2) return false;  // ASCII and most of Latin-1: no more breaks
  // U+201C and U+201D (curly double quotes), U+00A0 (no-break space).
  if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
      (static_cast<unsigned char>(text[i + 2]) == 0x9C || static_cast<unsigned char>(text[i + 2]) == 0x9D)) {
    *width = 3;
    return true;
  }
  if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) {
    *width = 2;
    return true;
  }
  return false;
}

// Calls f(word) for each word of text; stops early when f returns false.
template <typename F>
void for_each_word(std::string_view text, F f) {
  std::size_t i = 0, start = std::string_view::npos, width = 1;
  while (i < text.size()) {
    if (is_break(text, i, &width)) {
      if (start != std::string_view::npos && !f(text.substr(start, i - start))) return;
      start = std::string_view::npos;
      i += width;
    } else {
      if (start == std::string_view::npos) start = i;
      ++i;
    }
  }
  if (start != std::string_view::npos) f(text.substr(start));
}

using text::ends_with;
using text::starts_with;

// Leading single quotes ('Hamas' or ‘Hamas’) are no part of a name.
std::string_view strip_leading_quotes(std::string_view w) {
  for (;;) {
    if (starts_with(w, "'")) w.remove_prefix(1);
    else if (starts_with(w, "\xE2\x80\x98") || starts_with(w, "\xE2\x80\x99")) w.remove_prefix(3);
    else return w;
  }
}

// The word without what may follow a name at its end: a closing single quote, a
// possessive ('s, ’s, or a bare ' after s) and a full stop. At most one of each.
std::string_view strip_trailing(std::string_view w) {
  if (ends_with(w, "\xE2\x80\x99") && !ends_with(w, "s\xE2\x80\x99")) w.remove_suffix(3);
  if (ends_with(w, ".")) w.remove_suffix(1);
  if (ends_with(w, "'s")) w.remove_suffix(2);
  else if (ends_with(w, "\xE2\x80\x99s")) w.remove_suffix(4);
  else if (ends_with(w, "s'")) w.remove_suffix(1);
  else if (ends_with(w, "s\xE2\x80\x99")) w.remove_suffix(3);
  else if (ends_with(w, "'")) w.remove_suffix(1);
  return w;
}

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
// one array of (hash of the folded token, name) sorted by both: no node or vector per token,
// and a token's names in the table's order.
class FirstTokenIndex {
 public:
  void add(std::string_view first, std::uint32_t name) { entries_.push_back({FoldedHash{}(first), name}); }
  void seal() { std::sort(entries_.begin(), entries_.end()); }
  // Calls f(name index) for each name whose first token folds as word does, in the
  // table's order, until f returns true; returns whether it did.
  template <typename F>
  bool find(std::string_view word, const std::vector<Name>& names, F f) const {
    const std::size_t hash = FoldedHash{}(word);
    auto at = std::lower_bound(entries_.begin(), entries_.end(), Entry{hash, 0});
    for (; at != entries_.end() && at->hash == hash; ++at) {
      if (equal_folded(names[at->name].tokens[0], word) && f(at->name)) return true;
    }
    return false;
  }

 private:
  struct Entry {
    std::size_t hash;
    std::uint32_t name;
    bool operator<(const Entry& other) const { return hash != other.hash ? hash < other.hash : name < other.name; }
  };
  std::vector<Entry> entries_;
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
  // A name of n bytes has at most n / 2 + 1 words: reserved once, so that the
  // names' views into `words` stay valid.
  std::size_t most_words = 0;
  for (std::size_t r = 0; r < data::kPartyRowCount; ++r) most_words += data::kPartyRows[r].name().size() / 2 + 1;
  ix.words.reserve(most_words);
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
    Name name{&row, ix.words.data() + first, ix.words.size() - first};
    // The generator keeps names short; a longer one is skipped rather than cut.
    if (name.count == 0 || name.count > kMaxNameTokens) {
      ix.words.resize(first);
      continue;
    }
    FirstTokenIndex& by_first = row.kind == PartyKind::NotParty ? ix.not_parties : ix.by_first;
    if (row.kind == PartyKind::NotParty && name.count > ix.longest_not_party)
      ix.longest_not_party = name.count;
    by_first.add(name.tokens[0], static_cast<std::uint32_t>(ix.names.size()));
    ix.names.push_back(name);
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

// Does the text word match the name's word? See party_at for the case rules.
bool word_matches(std::string_view name, std::string_view word) {
  if (name == word) return true;
  if (all_capitals(word) && equal_folded(name, word)) return true;
  if (!has_upper(name) && !word.empty() && is_upper(word[0]) && !name.empty() &&
      fold(word[0]) == name[0] && name.substr(1) == word.substr(1))
    return true;
  return false;
}

// Words as a view over a caller's array or vector, so lookups share one matcher.
struct Words {
  const std::string_view* data;
  std::size_t size;
};

// The name's words against words[position...]; the last may carry trailing marks.
bool name_matches(const Name& name, Words words, std::size_t position) {
  if (position + name.count > words.size) return false;
  for (std::size_t j = 0; j < name.count; ++j) {
    std::string_view w = words.data[position + j];
    if (j == 0) w = strip_leading_quotes(w);
    if (word_matches(name.tokens[j], w)) continue;
    if (j + 1 == name.count && word_matches(name.tokens[j], strip_trailing(w))) continue;
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
    if (ix.not_parties.find(first, ix.names, [&](std::uint32_t n) {
          const Name& name = ix.names[n];
          return start + name.count > position && name_matches(name, words, start);
        }))
      return true;
  }
  return false;
}

std::optional<PartyMatch> match_at(Words words, std::size_t position) {
  if (position >= words.size) return std::nullopt;
  const Index& ix = index();
  if (inside_not_party(ix, words, position)) return std::nullopt;
  const std::string_view raw = strip_leading_quotes(words.data[position]);
  const std::string_view keys[2] = {raw, strip_trailing(raw)};

  const Name* best = nullptr;
  for (std::size_t k = 0; k < 2; ++k) {
    if (k == 1 && keys[1] == keys[0]) break;
    ix.by_first.find(keys[k], ix.names, [&](std::uint32_t n) {
      const Name& name = ix.names[n];
      if ((!best || name.count > best->count) && name_matches(name, words, position)) best = &name;
      return false;
    });
  }
  if (best) {
    if (best->count == 1 && all_capitals(keys[1]) && in_capitals_stop(ix, keys[1]) &&
        in_capitals_text(words, position, 1))
      return std::nullopt;
    return PartyMatch{best->row->kind, best->count, best->row->name(), best->row->country(), false};
  }

  // "Saudi-led", "Iranian-backed", "US-based": the part before the first hyphen.
  const std::size_t hyphen = raw.find('-');
  if (hyphen == std::string_view::npos || hyphen == 0) return std::nullopt;
  const std::string_view prefix = raw.substr(0, hyphen);
  const Name* single = nullptr;
  ix.by_first.find(prefix, ix.names, [&](std::uint32_t n) {
    const Name& name = ix.names[n];
    if (name.count == 1 && word_matches(name.tokens[0], prefix)) single = &name;
    return single != nullptr;
  });
  if (!single) return std::nullopt;
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

// ---------------------------------------------------------------------------
// Evidence from the document
// ---------------------------------------------------------------------------

namespace {

// A line is no evidence when it has no lower-case letter (capitals) or when every word of
// four or more letters is capitalised (a title-case headline).
bool has_lower(std::string_view line) {
  bool lower = false;
  for (char c : line) lower |= is_lower(c);  // no early exit: the loop vectorises
  return lower;
}

// Counts a word of the line for the title-case test: four letters or more, capitalised.
void count_for_title_case(std::string_view w, std::size_t& long_words, std::size_t& capitalised) {
  w = strip_leading_quotes(w);
  if (w.size() >= 4) {
    ++long_words;
    if (is_upper(w[0])) ++capitalised;
  }
}

bool is_title_case(std::size_t long_words, std::size_t capitalised) { return long_words >= 3 && capitalised == long_words; }

// Opening quotes and brackets after which a capital starts a sentence or a quotation.
bool opens(std::string_view before) {
  if (before.empty()) return true;
  const char last = before.back();
  if (last == '.' || last == '!' || last == '?' || last == ':' || last == '"' || last == '\'' ||
      last == '(' || last == '[' || last == '{')
    return true;
  return ends_with(before, "\xE2\x80\x9C") || ends_with(before, "\xE2\x80\x98") ||
         ends_with(before, "\xE2\x80\x94") || ends_with(before, "\xE2\x80\x93");
}

// Everything before position i in the line, without trailing white space.
std::string_view before_word(std::string_view line, std::size_t i) {
  std::string_view b = line.substr(0, i);
  while (!b.empty() && (b.back() == ' ' || b.back() == '\t')) b.remove_suffix(1);
  if (ends_with(b, "\xC2\xA0")) b.remove_suffix(2);
  return b;
}

std::size_t evidence_hash(std::string_view word) {
  std::uint64_t h = 1469598103934665603ull;  // FNV-1a
  for (const char c : word) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  return static_cast<std::size_t>(h ^ (h >> 29));
}

std::string_view evidence_form(std::string_view w) {
  w = strip_trailing(strip_leading_quotes(w));
  while (!w.empty() && (w.back() == '.' || w.back() == '\'')) w.remove_suffix(1);
  return w;
}

}  // namespace

NameEvidence::NameEvidence(std::string_view text) { read(text); }

NameEvidence::NameEvidence(const std::vector<std::string_view>& texts) {
  for (const std::string_view text : texts) read(text);
}

void NameEvidence::read(std::string_view text) {
  std::vector<std::string_view> candidates;  // a line's mid-sentence capitals, kept if the line is evidence
  std::size_t line_start = 0;
  while (line_start <= text.size()) {
    std::size_t line_end = text.find('\n', line_start);
    if (line_end == std::string_view::npos) line_end = text.size();
    const std::string_view line = text.substr(line_start, line_end - line_start);
    line_start = line_end + 1;
    if (!has_lower(line)) continue;
    // One pass over the words: the title-case test and the candidates together.
    std::size_t long_words = 0, capitalised = 0;
    candidates.clear();
    for_each_word(line, [&](std::string_view w) {
      count_for_title_case(w, long_words, capitalised);
      const std::size_t at = static_cast<std::size_t>(w.data() - line.data());
      const std::string_view word = evidence_form(w);
      if (word.size() < 2 || !is_upper(word[0])) return true;
      // The word's own opening quote or bracket counts as what comes before it.
      const std::size_t lead = static_cast<std::size_t>(word.data() - w.data());
      if (lead == 0 && !opens(before_word(line, at))) candidates.push_back(word);
      return true;
    });
    if (is_title_case(long_words, capitalised)) continue;
    for (const std::string_view word : candidates) {
      insert(word);
      const std::size_t hyphen = word.find('-');
      if (hyphen != std::string_view::npos && hyphen > 1) insert(word.substr(0, hyphen));
    }
  }
}

void NameEvidence::insert(std::string_view word) {
  std::size_t mask = slots_.size() - 1;
  std::size_t slot = evidence_hash(word) & mask;
  for (; !slots_[slot].empty(); slot = (slot + 1) & mask)
    if (slots_[slot] == word) return;
  slots_[slot] = word;
  if (2 * ++count_ <= slots_.size()) return;
  std::vector<std::string_view> old(2 * slots_.size());
  old.swap(slots_);
  mask = slots_.size() - 1;
  for (const std::string_view kept : old) {
    if (kept.empty()) continue;
    for (slot = evidence_hash(kept) & mask; !slots_[slot].empty(); slot = (slot + 1) & mask) {}
    slots_[slot] = kept;
  }
}

bool NameEvidence::contains(std::string_view word) const {
  const std::string_view form = evidence_form(word);
  if (form.empty()) return false;
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t slot = evidence_hash(form) & mask; !slots_[slot].empty(); slot = (slot + 1) & mask)
    if (slots_[slot] == form) return true;
  return false;
}

bool is_name(std::string_view word, const NameEvidence& evidence) {
  return is_party(word) || evidence.contains(word);
}

}  // namespace whosays::knowledge
