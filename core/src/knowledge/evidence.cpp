// The document's own evidence of names (NameEvidence, parties.h): the capitalised words it
// writes mid-sentence.
#include "knowledge/parties.h"

#include <cstdint>
#include <utility>

#include "knowledge/written_words.h"
#include "swar.h"

namespace whosays::knowledge {

using text::ends_with;

// ---------------------------------------------------------------------------
// Evidence from the document
// ---------------------------------------------------------------------------

namespace {

// A line is no evidence when it has no lower-case letter (capitals) or when every word of
// four or more letters is capitalised (a title-case headline: NameEvidence::read).
bool has_lower(std::string_view line) {
  unsigned char lower = 0;
  for (const char c : line) lower |= static_cast<unsigned char>(c - 'a') < 26;  // no early exit: the loop vectorises
  return lower != 0;
}

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

std::size_t evidence_hash(std::string_view word) { return static_cast<std::size_t>(swar::hash(word)); }

std::string_view evidence_form(std::string_view w) {
  w = strip_trailing(strip_leading_quotes(w));
  while (!w.empty() && (w.back() == '.' || w.back() == '\'')) w.remove_suffix(1);
  return w;
}

// A candidate starts with its capital: a word's own opening quote counts as what comes
// before it, and opens a sentence or a quotation. w: a word of line (for_each_word's).
void add_candidate(std::string_view line, std::string_view w, std::vector<std::string_view>& candidates) {
  if (w.size() < 2 || !is_upper(w[0])) return;
  const std::string_view word = evidence_form(w);
  const std::size_t at = static_cast<std::size_t>(w.data() - line.data());
  if (word.size() >= 2 && !opens(before_word(line, at))) candidates.push_back(word);
}

// Does a word of for_each_word start at line[i]: the line's start or right after a break?
bool starts_word(std::string_view line, std::size_t i) {
  if (i == 0 || kBreakBytes[static_cast<unsigned char>(line[i - 1])]) return true;
  if (i >= 2 && line[i - 2] == '\xC2' && line[i - 1] == '\xA0') return true;  // no-break space
  return i >= 3 && line[i - 3] == '\xE2' && line[i - 2] == '\x80' && (line[i - 1] == '\x9C' || line[i - 1] == '\x9D');
}

// The candidates among the words of line from i on (i: where a word ended), as
// add_candidate finds them word by word: the capitals are found eight bytes at a time,
// and only a word that starts with one is read.
void capitalised_words(std::string_view line, std::size_t i, std::vector<std::string_view>& candidates) {
  const std::size_t size = line.size();
  while (i < size) {
    if (i + 8 <= size) {
      const std::uint64_t capitals = capital_lanes(swar::load(line.data() + i));
      if (capitals == 0) {
        i += 8;
        continue;
      }
      i += static_cast<std::size_t>(__builtin_ctzll(capitals)) / 8;
    } else if (!is_upper(line[i])) {
      ++i;
      continue;
    }
    if (!starts_word(line, i)) {
      ++i;
      continue;
    }
    const std::size_t start = i;
    std::size_t width = 1;
    while (++i < size) {  // to the word's end, as for_each_word reads it
      const unsigned char d = static_cast<unsigned char>(line[i]);
      if (!kWordBytes[d] && (kBreakBytes[d] || is_break(line, i, &width))) break;
    }
    add_candidate(line, line.substr(start, i - start), candidates);
  }
}

}  // namespace

NameEvidence::NameEvidence(std::string_view text) { set_.read_all({text}); }

NameEvidence::NameEvidence(const std::vector<std::string_view>& texts) { set_.read_all(texts); }

NameEvidence::NameEvidence(std::vector<std::string_view> texts, Deferred) : unread_(std::move(texts)) {}

void NameEvidence::read_unread() const {
  set_.read_all(unread_);
  unread_ = {};
}

void NameEvidence::Set::read_all(const std::vector<std::string_view>& texts) {
  slots.assign(64, std::string_view());
  count = 0;
  std::vector<std::string_view> candidates;
  for (const std::string_view text : texts) read(text, candidates);
}

// candidates: a line's mid-sentence capitals, kept if the line is evidence.
void NameEvidence::Set::read(std::string_view text, std::vector<std::string_view>& candidates) {
  std::size_t line_start = 0;
  while (line_start <= text.size()) {
    std::size_t line_end = text.find('\n', line_start);
    if (line_end == std::string_view::npos) line_end = text.size();
    const std::string_view line = text.substr(line_start, line_end - line_start);
    line_start = line_end + 1;
    if (!has_lower(line)) continue;
    // Word by word until the title-case test is settled: a long word without
    // its capital (nearly every line, within its first words) says no title
    // case, and only the capitalised words of the rest matter.
    std::size_t long_words = 0;
    std::size_t rest = line.size() + 1;  // where a long lower-case word ended, if one did
    candidates.clear();
    for_each_word(line, [&](std::string_view w) {
      add_candidate(line, w, candidates);
      if (w.size() < 4) return true;  // no shorter without its quotes
      w = strip_leading_quotes(w);
      if (w.size() < 4) return true;
      ++long_words;
      if (is_upper(w[0])) return true;
      rest = static_cast<std::size_t>(w.data() - line.data()) + w.size();
      return false;
    });
    if (rest > line.size() && long_words >= 3) continue;  // title case
    if (rest <= line.size()) capitalised_words(line, rest, candidates);
    for (const std::string_view word : candidates) {
      insert(word);
      const std::size_t hyphen = word.find('-');
      if (hyphen != std::string_view::npos && hyphen > 1) insert(word.substr(0, hyphen));
    }
  }
}

void NameEvidence::Set::insert(std::string_view word) {
  std::size_t mask = slots.size() - 1;
  std::size_t slot = evidence_hash(word) & mask;
  for (; !slots[slot].empty(); slot = (slot + 1) & mask)
    if (slots[slot] == word) return;
  slots[slot] = word;
  if (2 * ++count <= slots.size()) return;
  std::vector<std::string_view> old(2 * slots.size());
  old.swap(slots);
  mask = slots.size() - 1;
  for (const std::string_view kept : old) {
    if (kept.empty()) continue;
    for (slot = evidence_hash(kept) & mask; !slots[slot].empty(); slot = (slot + 1) & mask) {}
    slots[slot] = kept;
  }
}

bool NameEvidence::Set::contains(std::string_view form) const {
  if (slots.empty()) return false;
  const std::size_t mask = slots.size() - 1;
  for (std::size_t slot = evidence_hash(form) & mask; !slots[slot].empty(); slot = (slot + 1) & mask)
    if (slots[slot] == form) return true;
  return false;
}

bool NameEvidence::contains(std::string_view word) const {
  const std::string_view form = evidence_form(word);
  if (form.empty()) return false;
  settle();
  return set_.contains(form);
}

bool is_name(std::string_view word, const NameEvidence& evidence) {
  return is_party(word) || evidence.contains(word);
}

}  // namespace whosays::knowledge
