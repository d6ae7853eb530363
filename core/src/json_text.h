// The scans that JSON text needs on the way in (article_reader.cpp, the
// UTF-8 check in document.cpp) and out (output.cpp): from where to where the
// bytes can be copied as they are, or counted as one UTF-16 unit each.
// Most of an article's text is plain, so the scan tests sixteen bytes at a
// time with SSE2 where the compiler has it (every x86-64), eight at a time
// with swar.h elsewhere (the WebAssembly engine), and the last few one by one.
#pragma once

#include <cstdint>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "swar.h"

namespace whosays::json_text {

// Inline in native code, where the scans are hot (a call per run between two
// non-ASCII characters cost 0.3 % of a 1 MiB article's process); one
// out-of-line copy each in the WebAssembly engine, whose size has a budget
// (a copy per caller was 200 B of its gzip).
#if defined(__EMSCRIPTEN__)
#define WHOSAYS_JSON_SCAN [[gnu::noinline]] inline
#else
#define WHOSAYS_JSON_SCAN inline
#endif

// Whether a byte ends a plain run.
inline bool special(unsigned char byte, bool stop_at_non_ascii) {
  return byte < 0x20 || byte == '"' || byte == '\\' || (stop_at_non_ascii && byte >= 0x80);
}

// The first p in [at, end) that is '"', '\\' or a control character, or
// with stop_at_non_ascii any byte from 0x80 up (a UTF-8 sequence to check);
// end if there is none.
WHOSAYS_JSON_SCAN const unsigned char* plain_end(const unsigned char* at, const unsigned char* end,
                                                 bool stop_at_non_ascii) {
#if defined(__SSE2__)
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i backslash = _mm_set1_epi8('\\');
  const __m128i control = _mm_set1_epi8(0x1F);
  for (; end - at >= 16; at += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(at));
    const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)),
                                     _mm_cmpeq_epi8(_mm_min_epu8(v, control), v));  // v <= 0x1F
    const int mask = _mm_movemask_epi8(hit) | (stop_at_non_ascii ? _mm_movemask_epi8(v) : 0);
    if (mask != 0) return at + __builtin_ctz(static_cast<unsigned>(mask));
  }
#endif
  // Eight at a time; the lowest flagged lane is exact (swar.h).
  for (; end - at >= 8; at += 8) {
    const std::uint64_t v = swar::load(at);
    const std::uint64_t flags = swar::below(v, 0x20) | swar::equal(v, '"') | swar::equal(v, '\\') |
                                (stop_at_non_ascii ? swar::non_ascii(v) : 0);
    if (flags != 0) return at + (__builtin_ctzll(flags) >> 3);
  }
  while (at != end && !special(*at, stop_at_non_ascii)) ++at;
  return at;
}

// The first p in [at, end) that is not ASCII (a byte from 0x80 up), or end.
WHOSAYS_JSON_SCAN const unsigned char* ascii_end(const unsigned char* at, const unsigned char* end) {
#if defined(__SSE2__)
  for (; end - at >= 16; at += 16) {
    const int mask = _mm_movemask_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(at)));
    if (mask != 0) return at + __builtin_ctz(static_cast<unsigned>(mask));
  }
#endif
  for (; end - at >= 8; at += 8) {
    const std::uint64_t flags = swar::non_ascii(swar::load(at));
    if (flags != 0) return at + (__builtin_ctzll(flags) >> 3);
  }
  while (at != end && *at < 0x80) ++at;
  return at;
}

#undef WHOSAYS_JSON_SCAN

}  // namespace whosays::json_text
