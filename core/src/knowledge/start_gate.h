// The party look-up's first test by a word's first three bytes (parties.cpp).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "knowledge/parties_data.h"
#include "knowledge/written_words.h"

namespace whosays::knowledge {

// A first test for match_at: can a name start at this word? Set from the first three
// bytes (case folded, as a hash) of each party name's first word: a name matches its word,
// or the word without trailing marks (strip_trailing: they start with '.', '\'' or the
// first byte of '’') or the part before a hyphen (hyphen_prefix), so the word's own first
// three bytes are those of the name's word unless that is shorter, where the byte after it
// is one of those four or none. Most words fail it: no hash of the whole word, no bucket.
// The same for the names of not_parties.txt, for the not-party check, and for the armed
// groups' names alone (armed_group: most words fail it, "The" for "The Extraditables"
// among them unless "Ext..." follows).
class StartGates {
 public:
  using Bits = std::array<std::uint64_t, (1u << 14) / 64>;
  // The native build's gates as constant data (party_index.inc, written by
  // write_party_index from the gates built below).
  // Its five tables in the order of the members below.
  using Tables = std::array<Bits, 5>;
  constexpr explicit StartGates(const Tables& t)
      : parties_(t[0]), not_parties_(t[1]), armed_words_(t[2]), armed_firsts_(t[3]), armed_pairs_(t[4]) {}
  Tables tables() const { return {parties_, not_parties_, armed_words_, armed_firsts_, armed_pairs_}; }
  // One pass over the names: not_parties.txt's (for inside_not_party) and the others.
  template <typename Names>
  [[gnu::noinline]] explicit StartGates(const Names& names) {
    for (const auto& name : names) {
      const std::string_view word = name.tokens[0];
      if (name.row->kind == PartyKind::NotParty) {
        set_word(not_parties_, word);
        continue;
      }
      set_word(parties_, word);
      if (name.row->kind != PartyKind::ArmedGroup) continue;
      // A name of two words or more of three bytes each by its first two.
      if (name.count >= 2 && word.size() >= 3 && name.tokens[1].size() >= 3) {
        set(armed_firsts_, word);
        const std::uint32_t b = pair_bit(bit(word), bit(name.tokens[1]));
        armed_pairs_[b / 64] |= std::uint64_t{1} << (b % 64);
      } else {
        set_word(armed_words_, word);
      }
    }
  }
  bool party(std::string_view word) const { return test(parties_, word); }
  bool not_party(std::string_view word) const { return test(not_parties_, word); }
  // An armed group's name can start at `word`, followed by `next` (the next word, or
  // empty): its first word's bytes, or with a second word of three bytes or more, the
  // first three bytes of both (a name's words match only words that start with them).
  bool armed_group(std::string_view word, std::string_view next) const {
    const std::uint32_t b = bit(word);
    if (has(armed_words_, b)) return true;
    return has(armed_firsts_, b) && has(armed_pairs_, pair_bit(b, bit(next)));
  }

 private:
  static std::uint32_t bit(std::string_view word) {
    const auto byte = [word](std::size_t i) { return static_cast<unsigned char>(word[i]) | 0x20u; };
    std::uint32_t key = 0;
    if (word.size() >= 3) {  // nearly every word: no test per byte
      key = byte(0) << 16 | byte(1) << 8 | byte(2);
    } else {
      for (std::size_t i = 0; i < 3; ++i) key = key << 8 | (i < word.size() ? byte(i) : 0u);
    }
    return (key * 0x9E3779B1u) >> (32 - 14);
  }
  // The bit of a pair of words, from each one's bit.
  static std::uint32_t pair_bit(std::uint32_t first, std::uint32_t second) {
    return (first * 0x85EBCA77u + second) & ((1u << 14) - 1);
  }
  static bool has(const Bits& bits, std::uint32_t b) { return (bits[b / 64] >> (b % 64)) & 1; }
  static bool test(const Bits& bits, std::string_view word) { return has(bits, bit(word)); }
  static void set(Bits& bits, std::string_view word) {
    const std::uint32_t b = bit(word);
    bits[b / 64] |= std::uint64_t{1} << (b % 64);
  }
  // A name's first word, and for a shorter one the bytes that may follow it.
  static void set_word(Bits& bits, std::string_view word) {
    set(bits, word);
    if (word.size() >= 3) return;
    for (const char mark : {'.', '\'', '\xE2', '-'}) {  // a shorter word and what may follow it
      const char key[3] = {word[0], word.size() == 2 ? word[1] : mark, mark};
      set(bits, std::string_view(key, 3));
      for (int third = 0; third < 256 && word.size() == 1; ++third) {  // after one byte: any or none
        const char any[3] = {key[0], mark, static_cast<char>(third)};
        set(bits, std::string_view(any, third == 0 ? 2 : 3));
        set(bits, std::string_view(any, 3));
      }
    }
  }
  Bits parties_{};
  Bits not_parties_{};
  Bits armed_words_{};  // armed groups' names of one word, or with a word of one or two bytes
  Bits armed_firsts_{};  // the others': their first words
  Bits armed_pairs_{};   // and by pair_bit, their first two words
};

// The gates of the party tables (parties.cpp), built on first use.
const StartGates& start_gates();

// False when no armed group's name can start at words[position] (party_at's words; its
// match there is of another kind or none): a first test by the word's first bytes and
// the next word's, which most words fail.
inline bool may_start_armed_group(const StartGates& gates, const std::vector<std::string_view>& words,
                                  std::size_t position) {
  const std::string_view next = position + 1 < words.size() ? words[position + 1] : std::string_view();
  return gates.armed_group(strip_leading_quotes(words[position]), next);
}

}  // namespace whosays::knowledge
