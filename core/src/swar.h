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
#include <string_view>

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

// A hash of a word, read eight bytes at a time: a multiply per eight bytes,
// and a word of one to seven bytes (most tokens) read by two loads that may
// overlap, not byte by byte. case_bits is ORed into every word read: 0x20 in
// each byte makes a word and its ASCII case variants hash alike (a filter the
// caller confirms by comparing); 0 hashes the bytes as they are. Shared by
// the vocabulary (words.h) and the knowledge tables (parties, name evidence).
inline std::uint64_t hash(std::string_view word, std::uint64_t case_bits = 0) {
  const char* p = word.data();
  const std::size_t n = word.size();
  std::uint64_t h = n * 0x9E3779B97F4A7C15ull;
  std::uint64_t tail = 0;
  if (n >= 8) {
    for (std::size_t i = 0; i + 8 < n; i += 8) {
      h = (h ^ (load(p + i) | case_bits)) * 0xFF51AFD7ED558CCDull;
      h ^= h >> 29;
    }
    tail = load(p + n - 8);  // the last eight bytes, overlapping the chunk before
  } else if (n >= 4) {
    std::uint32_t first, last;
    std::memcpy(&first, p, 4);
    std::memcpy(&last, p + n - 4, 4);
    tail = first | std::uint64_t{last} << 32;
  } else if (n > 0) {
    const auto byte = [&](std::size_t i) { return std::uint64_t{static_cast<unsigned char>(p[i])}; };
    tail = byte(0) | byte(n / 2) << 8 | byte(n - 1) << 16;
  }
  h = (h ^ (tail | case_bits)) * 0xC4CEB9FE1A85EC53ull;
  return h ^ (h >> 31);
}

}  // namespace whosays::swar
