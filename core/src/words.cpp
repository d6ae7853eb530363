#include "words.h"

namespace whosays {
namespace {

std::vector<std::string> phrase_words(std::string_view entry) {
  std::vector<std::string> phrase;
  for (text::Token& token : text::split_tokens(entry, {0, entry.size()})) phrase.push_back(std::move(token.lower));
  return phrase;
}

Vocabulary make_vocabulary() {
  Vocabulary vocabulary;
  vocabulary.entries.emplace_back();  // id 0: in no list
  vocabulary.ids.reserve(4096);
  vocabulary.longer.resize(lexicon::kWordListCount);
  for (std::size_t list = 0; list < lexicon::kWordListCount; ++list) {
    for (std::string_view entry : lexicon::kWordLists[list]) {
      const std::vector<std::string> phrase = phrase_words(entry);
      std::vector<std::uint32_t> ids;
      for (std::size_t i = 0; i < phrase.size(); ++i) {
        std::uint32_t id = vocabulary.id(phrase[i]);
        if (id == 0) {
          id = static_cast<std::uint32_t>(vocabulary.entries.size());
          vocabulary.spellings.push_back(phrase[i]);
          vocabulary.ids.emplace(vocabulary.spellings.back(), id);
          vocabulary.entries.emplace_back();
        }
        Vocabulary::Entry& word = vocabulary.entries[id];
        if (i == 0 && phrase.size() == 1) word.single.set(list);
        if (i == 0 && phrase.size() > 1) word.starts.set(list);
        ids.push_back(id);
      }
      if (ids.size() > 1) vocabulary.longer[list].push_back(std::move(ids));
    }
  }
  return vocabulary;
}

}  // namespace

std::uint32_t Vocabulary::id(std::string_view folded) const {
  const auto found = ids.find(folded);
  return found == ids.end() ? 0 : found->second;
}

const Vocabulary& vocabulary() {
  // Never destroyed: freeing it would only slow down the end of a process.
  static const Vocabulary& instance = *new Vocabulary(make_vocabulary());
  return instance;
}

std::uint32_t text::lexicon_id(std::string_view folded) { return vocabulary().id(folded); }

PhraseSet::PhraseSet(lexicon::List list)
    : list_(static_cast<std::size_t>(list)), entries_(vocabulary().entries.data()) {
  for (const std::vector<std::uint32_t>& phrase : vocabulary().longer[list_]) longer_[phrase.front()].push_back(phrase);
}

std::size_t PhraseSet::match_longer(const std::vector<text::Token>& tokens, std::size_t at, std::size_t end) const {
  const std::uint32_t first = tokens[at].id;
  std::size_t best = entries_[first].single.test(list_) ? 1 : 0;
  for (const std::vector<std::uint32_t>& phrase : longer_.find(first)->second) {
    if (phrase.size() <= best || at + phrase.size() > end) continue;
    bool same = true;
    for (std::size_t i = 1; i < phrase.size() && same; ++i) same = tokens[at + i].id == phrase[i];
    if (same) best = phrase.size();
  }
  return best;
}

bool PhraseSet::contains(std::string_view word) const { return entries_[vocabulary().id(word)].single.test(list_); }

}  // namespace whosays
