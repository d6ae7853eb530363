#include "start_words.h"

#include "cold.h"

namespace whosays {

WHOSAYS_COLD StartWords::StartWords(std::initializer_list<lexicon::List> lists, std::string_view spellings) {
  const Vocabulary& vocabulary = whosays::vocabulary();
  const std::size_t ids = vocabulary.count;
  marks_.reset(new std::uint8_t[ids]());
  Vocabulary::Lists mask;
  for (lexicon::List list : lists) {
    mask.set(static_cast<std::size_t>(list));
    for (const Vocabulary::Phrase& phrase : vocabulary.longer(static_cast<std::size_t>(list)))
      pairs_[pair(phrase.first, vocabulary.phrase_ids[phrase.begin + 1])] = true;
  }
  for (std::size_t id = 1; id < ids; ++id) {
    const Vocabulary::Entry& entry = vocabulary.entries[id];
    if (entry.single.intersects(mask)) marks_[id] |= kWord;
    if (entry.starts.intersects(mask)) marks_[id] |= kStarts;
  }
  for (const Token& token : text::tokenize(spellings, {0, spellings.size()})) {
    if (token.id != 0) {
      marks_[token.id] |= kWord;
    } else if (unlisted_count_++ < kUnlisted) {
      unlisted_[unlisted_count_ - 1] = spellings.substr(token.span.begin, token.span.size());
    }
  }
}

}  // namespace whosays
