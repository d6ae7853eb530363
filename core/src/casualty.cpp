#include "casualty.h"

#include <algorithm>

#include "words.h"

namespace whosays {

bool hypothetical_before(const Tokens& tokens, Range chunk, std::size_t k) {
  for (std::size_t j = k; j > chunk.begin && j + 4 > k; --j) {
    if (words().hypothetical.contains(tokens[j - 1])) return true;
  }
  return false;
}

bool has_count(const BlockContext& context, Range chunk) {
  if (context.count_prefix[chunk.end] > context.count_prefix[chunk.begin]) return true;
  for (std::size_t k = chunk.begin; k < chunk.end; ++k) {
    if (words().people_words.contains(context.tokens[k])) return true;
  }
  return false;
}

bool unrealised_infinitive(const Tokens& tokens, Range chunk, std::size_t k) {
  if (k == chunk.begin || !is(tokens[k - 1], "to")) return false;
  if (k - 1 == chunk.begin) return true;
  const Words& lists = words();
  return !lists.infinitive_realis.contains(tokens[k - 2]) &&
         !(k >= chunk.begin + 3 && lists.infinitive_realis.match(tokens, k - 3, k - 1) == 2);
}

namespace {

bool is_shoot(const Token& token) { return is(token, "shot") || is(token, "shoot"); }

// "shot down" is a downing (responsibility), not a wound; "he ... shot at one
// person" fired at someone, while "Four teenagers shot at a party" were hit;
// "a shot", "live shot" are nouns.
bool shooting_not_hit(const Tokens& tokens, Range chunk, std::size_t k) {
  const Words& lists = words();
  const Token& token = tokens[k];
  if (is_shoot(token) && k + 1 < chunk.end && is(tokens[k + 1], "down")) return true;
  if (is_shoot(token) && k + 1 < chunk.end && is(tokens[k + 1], "at") && k > chunk.begin) {
    std::size_t j = k - 1;
    while (j > chunk.begin && (lists.adverbs.contains(tokens[j]) || is(tokens[j], "and") || is_punct(tokens[j]))) --j;
    if (is(tokens[k - 1], "and") || is_pronoun(tokens[j]) || lists.identified_agents.contains(tokens[j])) return true;
  }
  return is(token, "shot") && k > chunk.begin && (is(tokens[k - 1], "a") || is(tokens[k - 1], "live"));
}

// "dies aged 78", "died of cancer": a natural death.
bool natural_death(const Tokens& tokens, Range chunk, std::size_t k) {
  if (!(is(tokens[k], "died") || is(tokens[k], "dies"))) return false;
  for (std::size_t j = k + 1; j < std::min(chunk.end, k + 4); ++j) {
    if (words().natural_death.contains(tokens[j])) return true;
  }
  return false;
}

// "the toll could rise", "deaths are expected": a forecast right after the word.
bool forecast_after(const Tokens& tokens, Range chunk, std::size_t after) {
  for (std::size_t j = after; j < std::min(chunk.end, after + 2); ++j) {
    if (words().forecasts.contains(tokens[j])) return true;
  }
  return false;
}

}  // namespace

std::size_t casualty_trigger(const BlockContext& context, const Sentence& sentence, Range chunk) {
  const Words& lists = words();
  const Tokens& tokens = context.tokens;
  if (sentence.has_animal) return kNoTrigger;
  bool equipment = false;
  for (std::size_t k = chunk.begin; k < chunk.end; ++k) equipment = equipment || lists.equipment.match(tokens, k, chunk.end);
  for (std::size_t k = chunk.begin; k < chunk.end; ++k) {
    if (!tokens[k].word) continue;
    if (equipment && lists.equipment_loss.match(tokens, k, chunk.end) && !hypothetical_before(tokens, chunk, k)) return k;
    std::size_t n = lists.casualty_words.match(tokens, k, chunk.end);
    if (n == 0 && lists.casualty_needs_count.match(tokens, k, chunk.end) && has_count(context, chunk)) n = 1;
    if (n == 0) continue;
    // Each test below rules the word out on its own; the order does not matter.
    if (shooting_not_hit(tokens, chunk, k) || unrealised_infinitive(tokens, chunk, k) ||
        (k + n < chunk.end && lists.not_casualty.contains(tokens[k + n])) ||  // "death threats"
        natural_death(tokens, chunk, k) || hypothetical_before(tokens, chunk, k) || forecast_after(tokens, chunk, k + n))
      continue;
    return k;
  }
  return kNoTrigger;
}

}  // namespace whosays
