#include "words.h"


namespace whosays {

PhraseSet::PhraseSet(lexicon::List list) {
  for (std::string_view entry : lexicon::words(list)) {
    std::vector<std::string> phrase;
    for (const text::Token& token : text::tokenize(entry, {0, entry.size()})) phrase.push_back(token.lower);
    if (phrase.empty()) continue;
    by_first_[phrase.front()].push_back(std::move(phrase));
  }
}

std::size_t PhraseSet::match(const std::vector<text::Token>& tokens, std::size_t at, std::size_t end) const {
  if (at >= end) return 0;
  const auto found = by_first_.find(tokens[at].lower);
  if (found == by_first_.end()) return 0;
  std::size_t best = 0;
  for (const std::vector<std::string>& phrase : found->second) {
    if (phrase.size() <= best || at + phrase.size() > end) continue;
    bool same = true;
    for (std::size_t i = 1; i < phrase.size() && same; ++i) same = tokens[at + i].lower == phrase[i];
    if (same) best = phrase.size();
  }
  return best;
}

bool PhraseSet::contains(std::string_view word) const {
  const auto found = by_first_.find(std::string(word));
  if (found == by_first_.end()) return false;
  for (const std::vector<std::string>& phrase : found->second) {
    if (phrase.size() == 1) return true;
  }
  return false;
}

const Words& words() {
  static const Words instance;
  return instance;
}

}  // namespace whosays
