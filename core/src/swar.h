// Eight bytes at a time: tests on a 64-bit word loaded from text, each byte
// a lane ("SIMD within a register"). Most news text runs for dozens of
// plain ASCII bytes between two that matter, so the scans that look for
// those (quotation marks, sentence stops, JSON's specials, non-ASCII) test a
// word at a time and find the byte itself in the word that holds one.
// Each test is exact as a yes or no for the whole word; which lane it flags
// past the first may be wrong (a borrow runs on), so callers take only the
// lowest flag (bytes are read little-endian: x86, wasm) or re-read the word.
#pragma once

#include <cstdint>
#include <cstring>

namespace whosays::swar {

constexpr std::uint64_t kOnes = 0x0101010101010101ull;
constexpr std::uint64_t kHigh = 0x8080808080808080ull;

// The eight bytes at p (no alignment needed).
inline std::uint64_t load(const void* p) {
  std::uint64_t word;
  std::memcpy(&word, p, sizeof word);
  return word;
}

// The high bit of a lane set where a byte of word equals `byte`.
constexpr std::uint64_t equal(std::uint64_t word, unsigned char byte) {
  const std::uint64_t x = word ^ (kOnes * byte);
  return (x - kOnes) & ~x & kHigh;
}

// The high bit of a lane set where a byte of word is below `bound` (at most 0x80).
constexpr std::uint64_t below(std::uint64_t word, unsigned char bound) { return (word - kOnes * bound) & ~word & kHigh; }

// The high bit of a lane set where a byte of word is not ASCII.
constexpr std::uint64_t non_ascii(std::uint64_t word) { return word & kHigh; }

}  // namespace whosays::swar
