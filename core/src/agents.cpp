#include "agents.h"

#include <optional>

#include "noun_phrases.h"
#include "words.h"

namespace whosays {
namespace {

bool is_name_continuation(const Tokens& tokens, Range phrase, std::size_t k) {
  return k + 1 < phrase.end && tokens[k + 1].capitalized;
}

// "Al-Shabaab gunmen", "US drone": a capitalised modifier that names a party
// even at the start of a sentence (a name of two words, a demonym, an
// acronym, a hyphenated name).
bool has_named_modifier(const BlockContext& context, Range phrase, bool sentence_initial) {
  const Tokens& tokens = context.tokens;
  for (std::size_t k = phrase.begin; k + 1 < phrase.end; ++k) {
    if (tokens[k].capitalized && (k > phrase.begin || !sentence_initial || is_name_continuation(tokens, phrase, k) ||
                                  is_demonym(tokens[k]) || is_acronym(context.text, tokens[k]) ||
                                  tokens[k].lower.find('-') != std::string::npos))
      return true;
  }
  return false;
}

}  // namespace

bool identified(const BlockContext& context, Range phrase, bool sentence_initial) {
  const Words& lists = words();
  const Tokens& tokens = context.tokens;
  if (phrase.empty()) return false;
  const Token& first = tokens[phrase.begin];
  // "a Russian missile", "an Israeli airstrike": indefinite, but the party is named.
  if ((is(first, "a") || is(first, "an")) && phrase.end - phrase.begin >= 3 && tokens[phrase.begin + 1].capitalized &&
      (lists.weapons.contains(tokens[phrase.end - 1]) || lists.attack_nouns.contains(tokens[phrase.end - 1])))
    return true;
  if (is(first, "a") || is(first, "an") || first.number || lists.number_words.contains(first)) return false;
  // Only the noun phrase's own words: "Methane blast at Colombian mine" names no party.
  for (std::size_t k = phrase.begin + 1; k < phrase.end; ++k) {
    if (lists.prepositions.contains(tokens[k]) && !tokens[k - 1].capitalized) {
      phrase.end = k;
      break;
    }
  }
  const Token& head = tokens[phrase.end - 1];
  const bool named_modifier = has_named_modifier(context, phrase, sentence_initial);
  if ((lists.unidentified_agents.contains(head) && !named_modifier) || lists.days.contains(head)) return false;
  if (named_modifier) return true;
  for (std::size_t k = phrase.begin; k < phrase.end; ++k) {
    const Token& token = tokens[k];
    if (lists.identified_agents.contains(token)) return true;
    if (token.capitalized && is_demonym(token) && k + 1 < phrase.end && lists.attack_nouns.contains(tokens[k + 1]))
      return true;
    if (is_pronoun(token) && k + 1 == phrase.end) return true;
    if (token.capitalized && !(sentence_initial && k == phrase.begin && !is_name_continuation(tokens, phrase, k)) &&
        !lists.days.contains(token))
      return true;
  }
  return false;
}

namespace {

// Possessive or capitalised pre-modifiers of the noun, over adjectives:
// "Armenia's attacks", "its earlier attacks", "Russian airstrikes". An empty
// range when a possessive owns the noun without naming anyone ("the day's
// attacks"): then nobody after the noun is its agent either; nullopt when
// there is no pre-modifier at all.
std::optional<Range> premodifier_agent(const BlockContext& context, Range chunk, std::size_t k) {
  const Words& lists = words();
  const Tokens& tokens = context.tokens;
  std::size_t j = k;
  while (j > chunk.begin && j + 4 > k) {
    const Token& token = tokens[j - 1];
    if (token.possessive) {
      std::size_t owner = j - 1;
      while (owner > chunk.begin && tokens[owner - 1].capitalized) --owner;
      if (owner < j - 1 && !lists.days.contains(tokens[j - 2])) return Range{owner, j - 1};
      if (j >= 2 + chunk.begin && lists.identified_agents.contains(tokens[j - 2]))
        return Range{j - 2, j - 1};  // "the military's bombing"
      return Range{};
    }
    if (is_possessive_pronoun(token)) return Range{j - 1, j};
    // A capital at the start of a clause may just start the sentence; a
    // demonym ("Russian airstrikes") or an acronym ("US drone strike") names a party anyway.
    const bool clause_initial = j - 1 == chunk.begin;
    if (token.capitalized && !lists.days.contains(token) &&
        (!clause_initial || is_demonym(token) || is_acronym(context.text, token))) {
      std::size_t begin = j - 1;
      while (begin > chunk.begin && tokens[begin - 1].capitalized) --begin;
      return Range{begin, j};
    }
    if (!token.word || is_determiner(token) || lists.prepositions.contains(token) || is_verb_like(token)) break;
    --j;
  }
  return std::nullopt;
}

}  // namespace

Range noun_agent(const BlockContext& context, Range chunk, std::size_t k, std::size_t n) {
  const Words& lists = words();
  const Tokens& tokens = context.tokens;
  if (const std::optional<Range> before = premodifier_agent(context, chunk, k)) return *before;
  // "by X", "on the part of X", "came from X" after the noun.
  for (std::size_t m = k + n; m < chunk.end; ++m) {
    if (std::size_t marker = lists.agent_markers.match(tokens, m, chunk.end)) {
      const Range phrase = phrase_after(tokens, m + marker, chunk.end);
      // "negligence on the part of the owner": a definite party is named.
      if (identified(context, phrase, false) || (marker > 1 && !phrase.empty() && is(tokens[phrase.begin], "the")))
        return phrase;
    }
    if ((is(tokens[m], "came") || is(tokens[m], "launched")) && m + 2 < chunk.end && is(tokens[m + 1], "from")) {
      const Range phrase = phrase_after(tokens, m + 2, chunk.end);
      if (identified(context, phrase, false)) return phrase;
    }
  }
  return {};
}

}  // namespace whosays
