// The words a set of rules can start at: a cheap first test at each token,
// by its lexicon id, before the rules' own tests (which ask one word list
// after another, and look ahead). Private to the trigger stages.
#pragma once

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <vector>

#include "tokens.h"
#include "words.h"

namespace whosays {

class FirstWords {
 public:
  // `lists`: a token that is a one-word phrase of one of them, or the first
  // word of a longer one; `spellings`: words the rules compare by spelling.
  // Built once per process (a static in each stage).
  FirstWords(std::initializer_list<lexicon::List> lists, std::initializer_list<std::string_view> spellings) {
    const std::vector<Vocabulary::Entry>& entries = vocabulary().entries;
    Vocabulary::Lists mask;
    for (lexicon::List list : lists) {
      mask.set(static_cast<std::size_t>(list));
      for (const std::vector<std::uint32_t>& phrase : vocabulary().longer[static_cast<std::size_t>(list)])
        pairs_.push_back(pair(phrase[0], phrase[1]));
    }
    std::sort(pairs_.begin(), pairs_.end());
    marked_.resize(entries.size());
    for (std::size_t id = 1; id < marked_.size(); ++id) {
      const Vocabulary::Entry& entry = entries[id];
      marked_[id] = (entry.single & mask).any() ? kWord : (entry.starts & mask).any() ? kPhrase : kNone;
    }
    for (std::string_view spelling : spellings) {
      if (const std::uint32_t id = vocabulary().id(spelling)) {
        marked_[id] = kWord;
      } else {
        unlisted_.push_back(spelling);  // in no word list: its tokens have id 0
      }
    }
  }

  // False: no rule of the set can match at tokens[k] (a phrase ends before `end`).
  bool may_start(const Tokens& tokens, std::size_t k, std::size_t end) const {
    const Token& token = tokens[k];
    if (token.id == 0) {
      for (std::string_view spelling : unlisted_) {
        if (is(token, spelling)) return true;
      }
      return false;
    }
    if (marked_[token.id] != kPhrase) return marked_[token.id] == kWord;
    // "the" starts "the body of", "in" starts "in hospital": a word that only
    // starts longer phrases counts before the second word of one of them.
    return k + 1 < end && std::binary_search(pairs_.begin(), pairs_.end(), pair(token.id, tokens[k + 1].id));
  }

 private:
  enum : std::uint8_t { kNone, kWord, kPhrase };
  static std::uint64_t pair(std::uint64_t first, std::uint32_t second) { return first << 32 | second; }
  std::vector<std::uint64_t> pairs_;       // the first two words of the lists' longer phrases, as ids
  std::vector<std::uint8_t> marked_;       // by lexicon id
  std::vector<std::string_view> unlisted_;
};

}  // namespace whosays
