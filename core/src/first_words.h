// The words a set of rules can start at: a cheap first test at each token,
// by its lexicon id, before the rules' own tests (which ask one word list
// after another, and look ahead). Private to the trigger stages.
#pragma once

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
    const Vocabulary& vocabulary = whosays::vocabulary();
    Vocabulary::Lists mask;
    for (lexicon::List list : lists) mask.set(static_cast<std::size_t>(list));
    marked_.resize(vocabulary.entries.size());
    for (std::size_t id = 1; id < marked_.size(); ++id) {
      const Vocabulary::Entry& entry = vocabulary.entries[id];
      marked_[id] = ((entry.single | entry.starts) & mask).any();
    }
    for (std::string_view spelling : spellings) {
      if (const std::uint32_t id = vocabulary.id(spelling)) {
        marked_[id] = true;
      } else {
        unlisted_.push_back(spelling);  // in no word list: its tokens have id 0
      }
    }
  }

  // False: no rule of the set can match at this token.
  bool may_start(const Token& token) const {
    if (token.id != 0) return marked_[token.id] != 0;
    for (std::string_view spelling : unlisted_) {
      if (is(token, spelling)) return true;
    }
    return false;
  }

 private:
  std::vector<std::uint8_t> marked_;       // by lexicon id
  std::vector<std::string_view> unlisted_;
};

}  // namespace whosays
