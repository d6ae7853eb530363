#include "words.h"

#include "cold.h"

#include <algorithm>

namespace whosays {
namespace {

// The folded words of a word-list entry, as text::tokenize would read them.
// Nearly every entry is lower-case a-z words with single spaces between
// them ("at least"): those words are views into the entry itself (static
// storage), no tokenizer and no copy; any other entry ("a.m", "CPR",
// "toll-free") goes through the tokenizer into `folded`, which owns them.
void phrase_words(std::string_view entry, std::vector<std::string_view>& phrase, std::deque<std::string>& folded) {
  phrase.clear();
  bool plain = !entry.empty() && entry.front() != ' ' && entry.back() != ' ';
  for (std::size_t i = 0; plain && i < entry.size(); ++i)
    plain = (entry[i] >= 'a' && entry[i] <= 'z') || (entry[i] == ' ' && entry[i + 1] != ' ');
  if (plain) {
    for (std::size_t start = 0; start <= entry.size();) {
      const std::size_t space = std::min(entry.find(' ', start), entry.size());
      phrase.push_back(entry.substr(start, space - start));
      start = space + 1;
    }
    return;
  }
  for (text::Token& token : text::split_tokens(entry, {0, entry.size()})) {
    folded.emplace_back(token.lower);
    phrase.push_back(folded.back());
  }
}

WHOSAYS_COLD Vocabulary make_vocabulary() {
  // An upper bound on the distinct words, usually close: the table and the
  // entries are sized once instead of doubling their way up from 16, which
  // showed in the profile of a one-article process.
  std::size_t words = 0;
  for (std::size_t list = 0; list < lexicon::kWordListCount; ++list) {
    for (std::string_view entry : lexicon::kWordLists[list]) words += 1 + std::count(entry.begin(), entry.end(), ' ');
  }
  Vocabulary vocabulary;
  vocabulary.reserve(words);
  vocabulary.entries.emplace_back();  // id 0: in no list
  vocabulary.longer.resize(lexicon::kWordListCount);
  std::vector<std::string_view> phrase;
  std::deque<std::string> folded;  // words of the entries that are not plain; add() copies them
  std::vector<std::uint32_t> ids;  // of the entry's words: one vector for all, copied only for a longer phrase
  for (std::size_t list = 0; list < lexicon::kWordListCount; ++list) {
    for (std::string_view entry : lexicon::kWordLists[list]) {
      phrase_words(entry, phrase, folded);
      const bool stable = folded.empty();  // views into the static word lists
      ids.clear();
      for (std::size_t i = 0; i < phrase.size(); ++i) {
        const std::uint32_t id = vocabulary.add(phrase[i], stable);
        Vocabulary::Entry& word = vocabulary.entries[id];
        if (i == 0 && phrase.size() == 1) word.single.set(list);
        if (i == 0 && phrase.size() > 1) word.starts.set(list);
        ids.push_back(id);
      }
      if (ids.size() > 1) vocabulary.longer[list].push_back(ids);
      folded.clear();
    }
  }
  // Each list's longer phrases by their first word (PhraseSet::match_longer
  // finds a word's phrases by binary search); the order within a word does
  // not matter: the longest match wins, and matches of one length are alike.
  for (auto& phrases : vocabulary.longer) {
    std::stable_sort(phrases.begin(), phrases.end(),
                     [](const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b) { return a.front() < b.front(); });
  }
  return vocabulary;
}

}  // namespace

std::uint32_t Vocabulary::add(std::string_view folded, bool stable) {
  if (const std::uint32_t known = id(folded)) return known;
  if (2 * (entries.size() + 1) > slots_.size()) rehash(2 * slots_.size());  // at most half full: probes stay short
  const auto added = static_cast<std::uint32_t>(entries.size());
  entries.emplace_back();
  if (!stable) folded = storage_.emplace_back(folded);
  spellings_.push_back(folded);
  const std::uint64_t h = hash(folded);
  std::size_t slot = h & mask_;
  while (slots_[slot].id != 0) slot = (slot + 1) & mask_;
  slots_[slot] = {static_cast<std::uint32_t>(h >> 32), added};
  longest_ = std::max(longest_, folded.size());
  return added;
}

void Vocabulary::reserve(std::size_t words) {
  entries.reserve(words + 1);
  spellings_.reserve(words + 1);
  std::size_t size = slots_.size();
  while (2 * (words + 2) > size) size *= 2;  // as add() counts: id 0 and the next word
  if (size > slots_.size()) rehash(size);
}

void Vocabulary::rehash(std::size_t size) {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(size, Slot{});
  mask_ = slots_.size() - 1;
  for (const Slot& entry : old) {
    if (entry.id == 0) continue;
    std::size_t slot = hash(spellings_[entry.id]) & mask_;
    while (slots_[slot].id != 0) slot = (slot + 1) & mask_;
    slots_[slot] = entry;
  }
}

WHOSAYS_COLD Words::Words() = default;

const Words& built_words = *new Words;

const Vocabulary& vocabulary() {
  // Never destroyed: freeing it would only slow down the end of a process.
  static const Vocabulary& instance = *new Vocabulary(make_vocabulary());
  return instance;
}

std::uint32_t text::lexicon_id(std::string_view folded) { return vocabulary().id(folded); }

void text::identify(std::vector<Token>& tokens) {
  const Vocabulary& v = vocabulary();
  constexpr auto auxiliaries = static_cast<std::size_t>(lexicon::List::auxiliaries);
  constexpr auto irregular_verbs = static_cast<std::size_t>(lexicon::List::irregular_verbs);
  for (Token& token : tokens) {
    const std::string_view lower = token.lower;
    token.id = v.id(lower);
    const Vocabulary::Lists& single = v.entries[token.id].single;
    // "died", "used", "killed"; not "need", "seed".
    token.verb_form = single.test(auxiliaries) || single.test(irregular_verbs) ||
                      (lower.size() >= 4 && ends_with(lower, "ed") && !ends_with(lower, "eed"));
  }
}

PhraseSet::PhraseSet(lexicon::List list)
    : list_(static_cast<std::size_t>(list)),
      word_(list_ / 64),
      bit_(std::uint64_t{1} << (list_ % 64)),
      entries_(vocabulary().entries.data()),
      longer_(&vocabulary().longer[list_]) {}

std::size_t PhraseSet::match_longer(const std::vector<text::Token>& tokens, std::size_t at, std::size_t end) const {
  const std::uint32_t first = tokens[at].id;
  std::size_t best = entries_[first].single.test(list_) ? 1 : 0;
  auto phrase = std::lower_bound(longer_->begin(), longer_->end(), first,
                                 [](const std::vector<std::uint32_t>& p, std::uint32_t id) { return p.front() < id; });
  for (; phrase != longer_->end() && phrase->front() == first; ++phrase) {
    if (phrase->size() <= best || at + phrase->size() > end) continue;
    bool same = true;
    for (std::size_t i = 1; i < phrase->size() && same; ++i) same = tokens[at + i].id == (*phrase)[i];
    if (same) best = phrase->size();
  }
  return best;
}

bool PhraseSet::contains(std::string_view word) const { return entries_[vocabulary().id(word)].single.test(list_); }

}  // namespace whosays
