// The party look-up's first test by a word's first three bytes (parties.cpp).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "knowledge/parties_data.h"

namespace whosays::knowledge {

// A first test for match_at: can a name start at this word? Set from the first three
// bytes (case folded, as a hash) of each party name's first word: a name matches its word,
// or the word without trailing marks (strip_trailing: they start with '.', '\'' or the
// first byte of '’') or the part before a hyphen (hyphen_prefix), so the word's own first
// three bytes are those of the name's word unless that is shorter, where the byte after it
// is one of those four or none. Most words fail it: no hash of the whole word, no bucket.
// The same for the names of not_parties.txt, for the not-party check.
class StartGates {
 public:
  using Bits = std::array<std::uint64_t, (1u << 14) / 64>;
  // The native build's gates as constant data (party_index.inc, written by
  // write_party_index from the gates built below).
  constexpr StartGates(const Bits& parties, const Bits& not_parties) : parties_(parties), not_parties_(not_parties) {}
  // One pass over the names: not_parties.txt's (for inside_not_party) and the others.
  template <typename Names>
  [[gnu::noinline]] explicit StartGates(const Names& names) {
    for (const auto& name : names) {
      Bits& bits = name.row->kind == PartyKind::NotParty ? not_parties_ : parties_;
      const std::string_view word = name.tokens[0];
      set(bits, word);
      if (word.size() >= 3) continue;
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
  }
  bool party(std::string_view word) const { return test(parties_, word); }
  bool not_party(std::string_view word) const { return test(not_parties_, word); }
  const Bits& party_bits() const { return parties_; }
  const Bits& not_party_bits() const { return not_parties_; }

 private:
  static std::uint32_t bit(std::string_view word) {
    std::uint32_t key = 0;
    for (std::size_t i = 0; i < 3; ++i)
      key = key << 8 | (i < word.size() ? (static_cast<unsigned char>(word[i]) | 0x20u) : 0u);
    return (key * 0x9E3779B1u) >> (32 - 14);
  }
  static bool test(const Bits& bits, std::string_view word) {
    const std::uint32_t b = bit(word);
    return (bits[b / 64] >> (b % 64)) & 1;
  }
  static void set(Bits& bits, std::string_view word) {
    const std::uint32_t b = bit(word);
    bits[b / 64] |= std::uint64_t{1} << (b % 64);
  }
  Bits parties_{};
  Bits not_parties_{};
};

}  // namespace whosays::knowledge
