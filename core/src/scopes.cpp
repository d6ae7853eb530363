#include "scopes.h"

namespace whosays {

Range chunk_around(const Tokens& tokens, Range sentence, std::size_t k) {
  Range range{k, k};
  while (range.begin > sentence.begin && !is_comma_like(tokens[range.begin - 1]) && !is(tokens[range.begin - 1], "but"))
    --range.begin;
  while (range.end < sentence.end && !is_comma_like(tokens[range.end]) && !(range.end > k && is(tokens[range.end], "but")))
    ++range.end;
  return range;
}

Range segment_around(const Tokens& tokens, Range sentence, std::size_t k) {
  Range range{k, k};
  const auto hard = [&](std::size_t j) {
    return is(tokens[j], ";") || is(tokens[j], "but") || is(tokens[j], "whereas");
  };
  while (range.begin > sentence.begin && !hard(range.begin - 1)) --range.begin;
  while (range.end < sentence.end && !hard(range.end)) ++range.end;
  return range;
}

Range hedge_scope(const Tokens& tokens, Range sentence, std::size_t at, std::size_t end) {
  std::size_t first = sentence.begin;
  while (first < sentence.end && is_quote_mark(tokens[first])) ++first;
  if (at == first) return sentence;
  const Range chunk = chunk_around(tokens, sentence, at);
  std::size_t last = sentence.end;
  while (last > sentence.begin && is_punct(tokens[last - 1])) --last;
  if (chunk.begin == at && chunk.end >= end && end >= last && chunk.begin > sentence.begin + 1) {
    const Range previous = chunk_around(tokens, sentence, chunk.begin - 2);
    return {previous.begin, end};
  }
  if (chunk.begin == at && chunk.end == end && chunk.end < sentence.end) {
    const Range next = chunk_around(tokens, sentence, chunk.end + 1 < sentence.end ? chunk.end + 1 : chunk.end);
    return {at, next.end};
  }
  return {at, chunk.end};
}

}  // namespace whosays
