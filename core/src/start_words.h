// The words a set of rules can start at: a cheap first test at each token,
// by its lexicon id, before the rules' own tests (which ask one word list
// after another, and look ahead). Private to the trigger and frame stages.
#pragma once

#include <array>
#include <cstdint>
#include <initializer_list>
#ifdef WHOSAYS_TABLE_GENERATOR
#include <ostream>
#endif
#include <string_view>

#include "tokens.h"
#include "words.h"

namespace whosays {

class StartWords {
  static constexpr std::size_t kUnlisted = 4;

 public:
  using Pairs = std::array<std::uint64_t, 4096 / 64>;
  using Unlisted = std::array<std::string_view, kUnlisted>;

  // `lists`: a token that is a one-word phrase of one of them, or the first
  // word of a longer one; `spellings`: the words the rules compare by
  // spelling, separated by spaces (static storage: it is kept). Built once
  // per process in the WebAssembly engine (start_words.cpp; the marks are
  // kept for the process's life).
  StartWords(std::initializer_list<lexicon::List> lists, std::string_view spellings);
  // The native build's: constant data written by scripts/generate_tables.cpp
  // (generated/start_words.inc, from the constructor above).
  constexpr StartWords(const std::uint8_t* marks, const Pairs& pairs, const Unlisted& unlisted,
                       std::size_t unlisted_count)
      : marks_(marks), pairs_(pairs), unlisted_(unlisted), unlisted_count_(unlisted_count) {}

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
    return (marks & kStarts) && k + 1 < end && has_pair(pair(token.id, tokens[k + 1].id));
  }

#ifdef WHOSAYS_TABLE_GENERATOR
  // The set as constant data named `name` (its marks `name`Marks), in C++.
  void write(std::ostream& out, const char* name) const;
#endif

 private:
  enum : std::uint8_t { kWord = 1, kStarts = 2 };
  // A phrase's first two ids, hashed: a collision only lets a word through.
  static std::size_t pair(std::uint32_t first, std::uint32_t second) {
    return ((first * 2654435761u) ^ (second * 40503u)) >> 20;
  }
  bool has_pair(std::size_t p) const { return (pairs_[p / 64] >> (p % 64)) & 1; }

  const std::uint8_t* marks_;  // by lexicon id
  Pairs pairs_{};              // by pair(): the first two words of the lists' longer phrases
  // Spellings in no word list (their tokens have id 0); more than kUnlisted
  // of them: every such token passes.
  Unlisted unlisted_{};
  std::size_t unlisted_count_ = 0;
};

// The three sets, each the first tests of one stage's rules (start_words.cpp).
// The words a casualty trigger's test can start at: at any other word
// casualty_trigger tests nothing.
const StartWords& casualty_start_words();
// The words a responsibility rule can start at ("identified as"'s suspect
// noun among them): at any other word every rule says no.
const StartWords& responsibility_start_words();
// Every word a frame finder can start at (find_frames asks it first at every token).
const StartWords& frame_start_words();

}  // namespace whosays
