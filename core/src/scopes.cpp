#include "scopes.h"

#include "words.h"

namespace whosays {

Range chunk_around(const Tokens& tokens, Range sentence, std::size_t k) {
  Range range{k, k};
  // A word ends the chunk only if it is "but", punctuation only if comma-like.
  const auto stop = [&](std::size_t j, bool but) {
    const Token& token = tokens[j];
    return token.word ? but && is(token, "but") : is_comma_like(token);
  };
  while (range.begin > sentence.begin && !stop(range.begin - 1, true)) --range.begin;
  while (range.end < sentence.end && !stop(range.end, range.end > k)) ++range.end;
  return range;
}

namespace {

bool hard_boundary(const Token& token) { return is(token, ";") || is(token, "but") || is(token, "whereas"); }

}  // namespace

Range segment_around(const Tokens& tokens, Range sentence, std::size_t k) {
  Range range{k, segment_end(tokens, sentence, k)};
  while (range.begin > sentence.begin && !hard_boundary(tokens[range.begin - 1])) --range.begin;
  return range;
}

std::size_t segment_end(const Tokens& tokens, Range sentence, std::size_t k) {
  std::size_t end = k;
  while (end < sentence.end && !hard_boundary(tokens[end])) ++end;
  return end;
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
  // "was reportedly in critical condition, after a bullet hit him": a clause
  // of time or cause after the comma continues what the hedge governs.
  const std::size_t comma = chunk.end;
  if (comma + 1 < sentence.end && is(tokens[comma], ",") &&
      (is(tokens[comma + 1], "after") || is(tokens[comma + 1], "when") || is(tokens[comma + 1], "because")))
    return {at, chunk_around(tokens, sentence, comma + 1).end};
  return {at, chunk.end};
}

bool describes_before(const Tokens& tokens, Range sentence, std::size_t comma) {
  if (comma >= sentence.end || !is(tokens[comma], ",") || comma + 1 >= sentence.end) return false;
  const Token& next = tokens[comma + 1];
  if (is(next, "which") || is(next, "who") || is(next, "whom") || is(next, "whose") || is(next, "where")) return true;
  const std::size_t n = words().passive_cues.match(tokens, comma + 1, sentence.end);
  return n > 0 && comma + 1 + n < sentence.end && is(tokens[comma + 1 + n], "to");
}

Range dating_clause(const Tokens& tokens, Range sentence, std::size_t cue_end) {
  if (cue_end >= sentence.end) return {cue_end, cue_end};
  const Token& first = tokens[cue_end];
  if (!(is(first, "before") || is(first, "after") || is(first, "when") || is(first, "until")))
    return {cue_end, cue_end};
  const std::size_t end = segment_end(tokens, sentence, cue_end);
  std::size_t j = cue_end + 1;
  while (j < end && !is(tokens[j], "that") && !is_comma_like(tokens[j]) && !is_quote_mark(tokens[j])) ++j;
  return {cue_end, j};
}

Range identifying_clause(const Tokens& tokens, Range sentence, std::size_t k) {
  if (!(k > sentence.begin && is(tokens[k - 1], ",") && (is(tokens[k], "who") || is(tokens[k], "whose"))))
    return {k, k};
  const Range chunk = chunk_around(tokens, sentence, k);
  // "the suspect, who police say shot ...": a suspicion keeps its frame.
  for (std::size_t j = k; j < chunk.end; ++j) {
    if (words().reporting_cues.match(tokens, j, chunk.end) > 0) return {k, k};
  }
  return {k, chunk.end};
}

Range complement_scope(const Tokens& tokens, Range sentence, std::size_t cue_end) {
  Range scope{cue_end, segment_end(tokens, sentence, cue_end < sentence.end ? cue_end : cue_end - 1)};
  if (cue_end >= sentence.end) return scope;
  const Range dating = dating_clause(tokens, sentence, cue_end);
  if (!dating.empty()) {
    scope.begin = dating.end;
    return scope;
  }
  const Range chunk = chunk_around(tokens, sentence, cue_end);
  for (std::size_t j = cue_end; j < chunk.end; ++j) {
    if (is(tokens[j], "that") || is_verb_like(tokens[j]) || is_quote_mark(tokens[j])) return scope;
  }
  if (chunk.end < scope.end && describes_before(tokens, sentence, chunk.end)) scope.end = chunk.end;
  return scope;
}

}  // namespace whosays
