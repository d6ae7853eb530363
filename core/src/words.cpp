#include "words.h"

#include "cold.h"

#include <algorithm>
#include <deque>
#include <string>

namespace whosays {

#ifdef WHOSAYS_PREBUILT_TABLES

// The native build: the tables as constant data (generated/vocabulary_data.inc,
// written by scripts/generate_tables.cpp from the builder below), mapped with
// the binary: no work and no heap pages at a process's start.
namespace {
#include "vocabulary_data.inc"
}  // namespace

const Vocabulary& vocabulary() { return kPrebuiltVocabulary; }

#else

namespace {

// The folded words of a word-list entry, as text::tokenize would read them.
// Nearly every entry is lower-case a-z words with single spaces between
// them ("at least"): those words are views into the entry itself (static
// storage), read in one pass over its characters, no strlen, no tokenizer
// and no copy; any other entry ("a.m", "CPR", "toll-free") goes through the
// tokenizer into `folded`, which owns them.
void phrase_words(const char* entry, std::vector<std::string_view>& phrase, std::deque<std::string>& folded) {
  phrase.clear();
  for (const char *start = entry, *p = entry;; ++p) {
    const char c = *p;
    if (c >= 'a' && c <= 'z') continue;
    // An empty word (a leading, trailing or double space) or another character.
    if (p == start || (c != ' ' && c != '\0')) break;
    phrase.emplace_back(start, static_cast<std::size_t>(p - start));
    if (c == '\0') return;
    start = p + 1;
  }
  phrase.clear();
  const std::string_view whole(entry);
  for (const text::Token& token : text::split_tokens(whole, {0, whole.size()})) {
    std::string_view lower = token.lower;  // not const: emplace_back<const string_view&> cost the engine 91 B
    folded.emplace_back(lower);
    phrase.push_back(folded.back());
  }
}

// The arrays a Vocabulary views, built from the word lists.
class VocabularyBuilder {
 public:
  WHOSAYS_COLD VocabularyBuilder();
  Vocabulary view() const {
    return {entries_.data(), entries_.size(), spellings_.data(), slots_.data(), mask_,
            phrases_.data(), list_phrases_.data(), phrase_ids_.data(), filter_.data()};
  }

 private:
  // Its id, new or not; `stable`: folded outlives the vocabulary (static
  // storage), so it is not copied.
  std::uint32_t add(std::string_view folded, bool stable);
  void reserve(std::size_t words);  // room for this many words without rehashing
  void rehash(std::size_t size);    // size: a power of two, above twice the words
  void add_phrase(const std::vector<std::uint32_t>& ids);
  void sort_phrases(std::size_t from);

  std::vector<Vocabulary::Entry> entries_;
  std::deque<std::string> storage_;  // stable: spellings_ views it
  std::vector<std::string_view> spellings_ = std::vector<std::string_view>(1);
  std::vector<Vocabulary::Slot> slots_ = std::vector<Vocabulary::Slot>(16);
  std::size_t mask_ = 15;
  std::vector<Vocabulary::Phrase> phrases_;
  std::vector<std::uint32_t> list_phrases_;
  std::vector<std::uint32_t> phrase_ids_;
  std::vector<std::uint64_t> filter_ = std::vector<std::uint64_t>(Vocabulary::kFilterWords);
};

VocabularyBuilder::VocabularyBuilder() {
  // An estimate of the distinct words (the lists hold about 1.3 words an
  // entry, 0.8 of them distinct: about one an entry) without reading the
  // entries' characters: the table is sized once instead of doubling its way
  // up from 16, which showed in the profile of a one-article process; add()
  // still grows it past half full. Not two an entry: that doubled the table
  // (8,192 slots for 1,288 words, more than L1 holds).
  std::size_t words = 0;
  for (std::size_t list = 0; list < lexicon::kWordListCount; ++list) words += lexicon::kWordLists[list].count;
  reserve(words);
  entries_.emplace_back();  // id 0: in no list
  list_phrases_.push_back(0);
  std::vector<std::string_view> phrase;
  std::deque<std::string> folded;  // words of the entries that are not plain; add() copies them
  std::vector<std::uint32_t> ids;  // of the entry's words
  for (std::size_t list = 0; list < lexicon::kWordListCount; ++list) {
    const lexicon::WordList& entries = lexicon::kWordLists[list];
    for (const char* const* entry = entries.words; entry != entries.words + entries.count; ++entry) {
      phrase_words(*entry, phrase, folded);
      const bool stable = folded.empty();  // views into the static word lists
      ids.clear();
      for (std::size_t i = 0; i < phrase.size(); ++i) {
        const std::uint32_t id = add(phrase[i], stable);
        Vocabulary::Entry& word = entries_[id];
        if (i == 0 && phrase.size() == 1) word.single.set(list);
        if (i == 0 && phrase.size() > 1) word.starts.set(list);
        ids.push_back(id);
      }
      if (ids.size() > 1) add_phrase(ids);
      folded.clear();
    }
    sort_phrases(list_phrases_.back());
    list_phrases_.push_back(static_cast<std::uint32_t>(phrases_.size()));
  }
}

void VocabularyBuilder::add_phrase(const std::vector<std::uint32_t>& ids) {
  const auto begin = static_cast<std::uint32_t>(phrase_ids_.size());
  phrase_ids_.insert(phrase_ids_.end(), ids.begin(), ids.end());
  phrases_.push_back({ids.front(), begin, static_cast<std::uint32_t>(ids.size())});
}

// The list's longer phrases (from phrases_[from]) by their first word
// (PhraseSet::match_longer finds a word's phrases by binary search); the order
// within a word does not matter: the longest match wins, and matches of one
// length are alike. An insertion sort (stable, as std::stable_sort was): a
// list holds 107 longer phrases at most, and std::stable_sort's code was
// 1.5 KB of the WebAssembly engine's gzip size.
void VocabularyBuilder::sort_phrases(std::size_t from) {
  for (std::size_t i = from + 1; i < phrases_.size(); ++i) {
    for (std::size_t j = i; j > from && phrases_[j - 1].first > phrases_[j].first; --j)
      std::swap(phrases_[j], phrases_[j - 1]);
  }
}

std::uint32_t VocabularyBuilder::add(std::string_view folded, bool stable) {
  // At most half full, a new word counted: probes stay short. (reserve()
  // sized the table: this grows it only for words added after.)
  if (2 * (entries_.size() + 1) > slots_.size()) rehash(2 * slots_.size());
  // Hashed once: the probe that finds the word known ends at the empty slot
  // a new word takes.
  const std::uint64_t h = swar::hash(folded);
  std::size_t slot = h & mask_;
  for (; slots_[slot].id != 0; slot = (slot + 1) & mask_) {
    if (slots_[slot].hash == h && spellings_[slots_[slot].id] == folded) return slots_[slot].id;
  }
  const auto added = static_cast<std::uint32_t>(entries_.size());
  entries_.emplace_back();
  if (!stable) folded = storage_.emplace_back(folded);
  spellings_.push_back(folded);
  slots_[slot] = {h, added, static_cast<std::uint32_t>(folded.size())};
  const std::size_t bit = Vocabulary::filter_bit(h);
  filter_[bit / 64] |= std::uint64_t{1} << (bit % 64);
  return added;
}

void VocabularyBuilder::reserve(std::size_t words) {
  entries_.reserve(words + 1);
  spellings_.reserve(words + 1);
  std::size_t size = slots_.size();
  while (2 * (words + 2) > size) size *= 2;  // as add() counts: id 0 and the next word
  if (size > slots_.size()) rehash(size);
}

void VocabularyBuilder::rehash(std::size_t size) {
  std::vector<Vocabulary::Slot> old = std::move(slots_);
  slots_.assign(size, Vocabulary::Slot{});
  mask_ = slots_.size() - 1;
  for (const Vocabulary::Slot& entry : old) {
    if (entry.id == 0) continue;
    std::size_t slot = entry.hash & mask_;
    while (slots_[slot].id != 0) slot = (slot + 1) & mask_;
    slots_[slot] = entry;
  }
}

}  // namespace

const Vocabulary& vocabulary() {
  // Never destroyed: freeing it would only slow down the end of a process.
  static const VocabularyBuilder& built = *new VocabularyBuilder;
  static const Vocabulary instance = built.view();
  return instance;
}

#endif

WHOSAYS_COLD Words::Words() = default;

const Words& built_words = *new Words;

std::uint32_t text::lexicon_id(std::string_view folded) { return vocabulary().id(folded); }

PhraseSet::PhraseSet(lexicon::List list)
    : list_(static_cast<std::size_t>(list)),
      word_(list_ / 64),
      bit_(std::uint64_t{1} << (list_ % 64)),
      entries_(vocabulary().entries),
      longer_(vocabulary().longer(list_)),
      phrase_ids_(vocabulary().phrase_ids) {}

std::size_t PhraseSet::match_longer(const text::Tokens& tokens, std::size_t at, std::size_t end) const {
  const std::uint32_t first = tokens[at].id;
  std::size_t best = entries_[first].single.test(list_) ? 1 : 0;
  const Vocabulary::Phrase* phrase = std::lower_bound(
      longer_.begin(), longer_.end(), first, [](const Vocabulary::Phrase& p, std::uint32_t id) { return p.first < id; });
  for (; phrase != longer_.end() && phrase->first == first; ++phrase) {
    if (phrase->size <= best || at + phrase->size > end) continue;
    const std::uint32_t* ids = phrase_ids_ + phrase->begin;
    bool same = true;
    for (std::size_t i = 1; i < phrase->size && same; ++i) same = tokens[at + i].id == ids[i];
    if (same) best = phrase->size;
  }
  return best;
}

bool PhraseSet::contains(std::string_view word) const { return entries_[vocabulary().id(word)].single.test(list_); }

}  // namespace whosays
