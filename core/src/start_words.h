// The words a set of rules can start at: a cheap first test at each token,
// by its lexicon id, before the rules' own tests (which ask one word list
// after another, and look ahead). Private to the trigger and frame stages.
#pragma once

#include <bitset>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <string_view>

#include "tokens.h"
#include "words.h"

namespace whosays {

class StartWords {
 public:
  // `lists`: a token that is a one-word phrase of one of them, or the first
  // word of a longer one; `spellings`: the words the rules compare by
  // spelling, separated by spaces (static storage: it is kept). Built once
  // per process, a static in each stage (start_words.cpp).
  StartWords(std::initializer_list<lexicon::List> lists, std::string_view spellings);

  // False: no rule of the set can match at tokens[k] (a phrase ends before `end`).
  bool may_start(const Tokens& tokens, std::size_t k, std::size_t end) const {
    const Token& token = tokens[k];
    if (token.id == 0) {
      for (std::size_t i = 0; i < unlisted_count_ && i < kUnlisted; ++i) {
        if (is(token, unlisted_[i])) return true;
      }
      return unlisted_count_ > kUnlisted;
    }
    const std::uint8_t marks = marks_[token.id];
    if (marks & kWord) return true;
    // "the" starts "the body of", "in" starts "in hospital": a word that only
    // starts longer phrases counts before the second word of one of them.
    return (marks & kStarts) && k + 1 < end && pairs_[pair(token.id, tokens[k + 1].id)];
  }

 private:
  enum : std::uint8_t { kWord = 1, kStarts = 2 };
  static constexpr std::size_t kUnlisted = 4;
  // A phrase's first two ids, hashed: a collision only lets a word through.
  static std::size_t pair(std::uint32_t first, std::uint32_t second) {
    return ((first * 2654435761u) ^ (second * 40503u)) >> 20;
  }

  std::unique_ptr<std::uint8_t[]> marks_;  // by lexicon id
  std::bitset<4096> pairs_;                // by pair(): the first two words of the lists' longer phrases
  // Spellings in no word list (their tokens have id 0); more than kUnlisted
  // of them: every such token passes.
  std::string_view unlisted_[kUnlisted];
  std::size_t unlisted_count_ = 0;
};

}  // namespace whosays
