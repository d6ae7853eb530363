// The party look-up's first test by a word's first three bytes (parties.cpp).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "knowledge/parties_data.h"
#ifdef WHOSAYS_TABLE_GENERATOR
#include "table_writer.h"
#endif
#include "knowledge/written_words.h"

namespace whosays::knowledge {

// A first test for match_at: can a name start at this word? Set from the first three
// bytes (case folded, as a hash) of each party name's first word: a name matches its word,
// or the word without trailing marks (strip_trailing: they start with '.', '\'' or the
// first byte of '’') or the part before a hyphen (hyphen_prefix), so the word's own first
// three bytes are those of the name's word unless that is shorter, where the byte after it
// is one of those four or none. A name of two words or more, each of three bytes or more,
// is set by its first two words' three bytes (its second word matches the text's next word,
// or that word without trailing marks): "The" passes for "The Extraditables" only before
// "Ext...", "United" only before the second word of a "United ..." name. Most words fail
// it: no hash of the whole word, no bucket.
// The same for the names of not_parties.txt (by the first word only), for the not-party
// check, and for the armed groups' names alone (armed_group).
//
// Built from the index on first use in the WebAssembly engine; the native build's is
// constant data generated with the index (party_index.inc: write, below).
class StartGates {
  using Bits = std::array<std::uint64_t, (1u << 14) / 64>;

 public:
  // The names of some kinds.
  struct Gate {
    Bits words{};   // names of one word, or with a first or second word of one or two bytes
    Bits firsts{};  // the others': their first words
    Bits pairs{};   // and by pair_bit, their first two words

    template <typename Name>
    void add(const Name& name) {
      const std::string_view word = name.tokens[0];
      if (name.count >= 2 && word.size() >= 3 && name.tokens[1].size() >= 3) {
        set(firsts, bit(word));
        set(pairs, pair_bit(bit(word), bit(name.tokens[1])));
      } else {
        set_word(words, word);
      }
    }
    // A name of the gate can start at `word`, followed by `next` (the next word, or empty).
    bool test(std::string_view word, std::string_view next) const {
      const std::uint32_t b = bit(word);
      if (has(words, b)) return true;
      return has(firsts, b) && has(pairs, pair_bit(b, bit(next)));
    }
  };

  // One pass over the names: not_parties.txt's (for inside_not_party) and the others.
  template <typename Names>
  [[gnu::noinline]] explicit StartGates(const Names& names) {
    for (const auto& name : names) {
      if (name.row->kind == PartyKind::NotParty) {
        set_word(not_parties_, name.tokens[0]);
        continue;
      }
      parties_.add(name);
      if (name.row->kind == PartyKind::ArmedGroup) armed_groups_.add(name);
    }
  }
  constexpr StartGates(const Gate& parties, const Gate& armed_groups, const Bits& not_parties)
      : parties_(parties), armed_groups_(armed_groups), not_parties_(not_parties) {}

  bool party(std::string_view word, std::string_view next) const { return parties_.test(word, next); }
  bool not_party(std::string_view word) const { return has(not_parties_, bit(word)); }
  // An armed group's name can start at `word`, followed by `next`.
  bool armed_group(std::string_view word, std::string_view next) const { return armed_groups_.test(word, next); }

#ifdef WHOSAYS_TABLE_GENERATOR
  // The gates as the arguments of the constexpr constructor, in C++.
  void write(std::ostream& out) const {
    const auto bits = [&out](const Bits& b) {
      out << "{{";
      table_writer::hex_words(out, b.data(), b.size(), 8);
      out << "}}";
    };
    const auto gate = [&](const Gate& g) {
      out << "StartGates::Gate{";
      bits(g.words);
      out << ", ";
      bits(g.firsts);
      out << ", ";
      bits(g.pairs);
      out << "}";
    };
    gate(parties_);
    out << ",\n";
    gate(armed_groups_);
    out << ",\n";
    bits(not_parties_);
  }
#endif

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
  static void set(Bits& bits, std::uint32_t b) { bits[b / 64] |= std::uint64_t{1} << (b % 64); }
  // A name's first word, and for a shorter one the bytes that may follow it.
  static void set_word(Bits& bits, std::string_view word) {
    set(bits, bit(word));
    if (word.size() >= 3) return;
    for (const char mark : {'.', '\'', '\xE2', '-'}) {  // a shorter word and what may follow it
      const char key[3] = {word[0], word.size() == 2 ? word[1] : mark, mark};
      set(bits, bit(std::string_view(key, 3)));
      for (int third = 0; third < 256 && word.size() == 1; ++third) {  // after one byte: any or none
        const char any[3] = {key[0], mark, static_cast<char>(third)};
        set(bits, bit(std::string_view(any, third == 0 ? 2 : 3)));
        set(bits, bit(std::string_view(any, 3)));
      }
    }
  }

  Gate parties_;
  Gate armed_groups_;
  Bits not_parties_{};
};

// The gates of the party tables (parties.cpp).
const StartGates& start_gates();

// False when no armed group's name can start at `word` (as party_at reads it; its match
// there is of another kind or none), before `next` (empty after the last word): a first
// test by the word's first bytes and the next word's, which most words fail.
inline bool may_start_armed_group(const StartGates& gates, std::string_view word, std::string_view next) {
  return gates.armed_group(strip_leading_quotes(word), next);
}

}  // namespace whosays::knowledge
