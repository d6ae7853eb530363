#include "casualty.h"

#include <algorithm>

#include "start_words.h"
#include "words.h"

namespace whosays {

bool hypothetical_before(const Tokens& tokens, Range chunk, std::size_t k) {
  for (std::size_t j = k; j > chunk.begin && j + 4 > k; --j) {
    if (words().hypothetical.contains(tokens[j - 1])) return true;
  }
  return false;
}

bool has_verb(const Tokens& tokens, Range range) {
  for (std::size_t k = range.begin; k < range.end; ++k) {
    if (is_verb_like(tokens[k])) return true;
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

// "attempted murder of", "a foiled assassination": no one died.
bool failed_attempt_before(const Tokens& tokens, Range chunk, std::size_t k) {
  for (std::size_t j = k; j > chunk.begin && j + 2 > k; --j) {
    if (words().failed_attempts.contains(tokens[j - 1])) return true;
  }
  return false;
}

// A word of `first` at k and one of `second` within `window` words after it,
// in the same clause; `between` words rule it out ("underwent elective
// surgery"), and so does a weapon right after ("deadly assault weapons").
bool followed_within(const Tokens& tokens, Range chunk, std::size_t k, const PhraseSet& first,
                     const PhraseSet& second, std::size_t window) {
  const std::size_t n = first.match(tokens, k, chunk.end);
  if (n == 0) return false;
  for (std::size_t j = k + n; j < std::min(chunk.end, k + n + window); ++j) {
    if (words().routine_care.contains(tokens[j])) return false;
    const std::size_t m = second.match(tokens, j, chunk.end);
    if (m == 0) continue;
    const bool weapon = j + m < chunk.end && (words().weapons.contains(tokens[j + m]) ||
                                              is(tokens[j + m], "weapon") || is(tokens[j + m], "weapons"));
    return !weapon;
  }
  return false;
}

// Casualties told without a casualty word: by treatment ("were transported
// to area hospitals", "underwent surgery", "suffered a cut"), by a blow to a
// body part ("a bullet hit him in the neck"), by a patient's
// condition ("in fair condition", in a "serious" condition), by lives taken
// ("claimed about 3000 lives") or by a fatal event ("a fatal collision",
// "the most deadly terrorist attack"). Treatment, condition and lives are
// what reports of violence and accidents say of their victims; the verb must
// be followed by its object in the clause, so "taken" or "claims" alone are nothing.
bool told_without_casualty_word(const Tokens& tokens, Range chunk, std::size_t k) {
  const Words& lists = words();
  if (followed_within(tokens, chunk, k, lists.treatment_verbs, lists.treatment_objects, 5)) return true;
  if (k + 2 < chunk.end && !lists.body_parts.contains(tokens[k + 1]) &&
      followed_within(tokens, chunk, k, lists.impact_verbs, lists.body_parts, 5))
    return true;
  // The body part as subject of the passive: "no arteries were hit", "a lung was pierced".
  if (lists.impact_verbs.contains(tokens[k]) && k >= chunk.begin + 2 && is_be(tokens[k - 1]) &&
      lists.body_parts.contains(tokens[k - 2]))
    return true;
  // A verbless "a deadly boat fire ...," before a comma is the subject of
  // the toll that follows ("..., resulted in the death of 33"), not a claim
  // of its own.
  // (Asked only after a fatal event is found: has_verb walks the whole chunk.)
  const auto leads_on = [&] { return !has_verb(tokens, chunk) && chunk.end < tokens.size() && is(tokens[chunk.end], ","); };
  if ((followed_within(tokens, chunk, k, lists.fatal_modifiers, lists.attack_nouns, 2) ||
       followed_within(tokens, chunk, k, lists.fatal_modifiers, lists.accident_nouns, 2)) && !leads_on())
    return true;
  const bool condition = lists.patient_conditions.contains(tokens[k]) && k + 1 < chunk.end &&
                         (is(tokens[k + 1], "condition") || (k + 2 < chunk.end && is_quote_mark(tokens[k + 1]) &&
                                                             is(tokens[k + 2], "condition")));
  if (condition) return true;
  if (!lists.life_taking.contains(tokens[k])) return false;
  for (std::size_t j = k + 1; j < std::min(chunk.end, k + 7); ++j) {  // "cost tens of thousands of lives"
    if (is(tokens[j], "lives")) return true;
  }
  return false;
}

bool is_negation(const Token& token) {
  const std::string_view word = token.lower;
  return word == "not" || word == "never" || (word.size() > 3 && word.substr(word.size() - 3) == "n't");
}

// "she didn't make it", "I don't think he made it at all": a person who did
// not survive. A negation and a person (a pronoun or a word for people) stand
// within three words before the verb, and "it" ends the clause or is followed
// by "at all", so "they didn't make it to the final" is nothing.
bool did_not_survive(const Tokens& tokens, Range chunk, std::size_t k) {
  if (!(is(tokens[k], "make") || is(tokens[k], "made")) || k + 1 >= chunk.end || !is(tokens[k + 1], "it")) return false;
  const std::size_t after = k + 2;
  if (after < chunk.end && !is_punct(tokens[after]) && !is(tokens[after], "at")) return false;
  bool negated = false;
  bool person = false;
  for (std::size_t j = k; j > chunk.begin && j + 4 > k; --j) {
    negated = negated || is_negation(tokens[j - 1]);
    person = person || is_person_pronoun(tokens[j - 1].lower) || is(tokens[j - 1], "they") ||
             words().people_words.contains(tokens[j - 1]);
  }
  return negated && person;
}

// "his condition is very difficult", "her condition remained critical": a
// patient's condition told by a predicate. The condition is someone's (a
// possessive before it), so "the condition of the road was poor" is nothing.
bool condition_predicate(const Tokens& tokens, Range chunk, std::size_t k) {
  if (!is(tokens[k], "condition") || k == chunk.begin || k + 2 >= chunk.end) return false;
  const Token& owner = tokens[k - 1];
  if (!(is_possessive_pronoun(owner) || owner.possessive)) return false;
  std::size_t j = k + 1;
  if (!(is_be(tokens[j]) || is(tokens[j], "remains") || is(tokens[j], "remained"))) return false;
  for (++j; j < chunk.end && j < k + 5; ++j) {
    if (words().patient_conditions.contains(tokens[j])) return true;
  }
  return false;
}

// "laws about honor killings", "the perpetrators of honour killings": a bare
// plural after a word for a kind of killing, with no article, possessive or
// count before it, speaks of the kind. "Two honour killings" and "the
// honour killing of a singer" are losses.
bool kind_of_killing(const BlockContext& context, Range chunk, std::size_t k) {
  const Tokens& tokens = context.tokens;
  if (k == chunk.begin || !words().kind_modifiers.contains(tokens[k - 1]) || tokens[k].lower.back() != 's') return false;
  const std::size_t before = k - 1;
  const std::size_t from = before >= chunk.begin + 3 ? before - 3 : chunk.begin;
  if (context.count_prefix[k] > context.count_prefix[from]) return false;  // "about 40 honour killings"
  return before == chunk.begin || !(is_determiner(tokens[before - 1]) || tokens[before - 1].possessive ||
                                    is_possessive_pronoun(tokens[before - 1]));
}

// A word that counts only with a count or a word for people in its clause
// ("68 people were missing", "the victims included 3 children"). A number
// right after a capitalised word in mixed case is part of a name ("Highway
// 74", "Route 2"), not a head count. Victims named as where things came from
// ("items kept from victims", "a notebook from one victim") are no toll.
bool counted(const BlockContext& context, Range chunk, std::size_t k) {
  const Tokens& tokens = context.tokens;
  std::size_t j = k;
  while (j > chunk.begin && (is_determiner(tokens[j - 1]) || tokens[j - 1].number ||
                             words().number_words.contains(tokens[j - 1])))
    --j;
  if (j > chunk.begin && is(tokens[j - 1], "from")) return false;
  for (std::size_t i = chunk.begin; i < chunk.end; ++i) {
    if (words().people_words.contains(tokens[i])) return true;
    if (context.count_prefix[i + 1] == context.count_prefix[i]) continue;
    const Token& before = tokens[i - (i > chunk.begin ? 1 : 0)];
    const bool title_word = i > chunk.begin && before.capitalized && !before.number && before.lower.size() > 1 &&
                            context.text_of({i - 1, i}).substr(1) == before.lower.substr(1);
    if (!title_word) return true;
  }
  return false;
}

// "he was to be beaten up, not shot": a verbless "not" + casualty word
// after a comma denies the harm by contrast; it states no loss.
bool contrast_denied(const Tokens& tokens, Range chunk, std::size_t k) {
  return k == chunk.begin + 1 && is(tokens[chunk.begin], "not") && !has_verb(tokens, {chunk.begin, k});
}

// "three in critical condition and one serious", "two were stable, one
// critical": a count and a patient's condition that end the clause, the
// word "condition" left out.
bool elliptic_condition(const BlockContext& context, Range chunk, std::size_t k) {
  return k > chunk.begin && (k + 1 == chunk.end || is_punct(context.tokens[k + 1])) &&
         words().patient_conditions.contains(context.tokens[k]) &&
         context.count_prefix[k] > context.count_prefix[k - 1];
}

// "a cyclist was struck by a car", "she was hit by a Volvo": a person hit
// by a vehicle (a vehicle word within three words after "by"). Not a
// vehicle hit by another ("the bus was hit by a train"): a collision.
bool struck_by_vehicle(const Tokens& tokens, Range chunk, std::size_t k) {
  const Words& lists = words();
  if (!lists.impact_verbs.contains(tokens[k]) || k < chunk.begin + 2 || !is_be(tokens[k - 1]) ||
      lists.vehicles.contains(tokens[k - 2]) || k + 2 >= chunk.end || !is(tokens[k + 1], "by"))
    return false;
  for (std::size_t j = k + 2; j < std::min(chunk.end, k + 6); ++j) {
    if (lists.vehicles.contains(tokens[j])) return true;
  }
  return false;
}

// "31 patients were brought in by ambulance, while seven others arrived on
// foot": more of the casualties the sentence has counted, told as "others"
// or "more" who arrived or walked in.
bool others_arrived(const BlockContext& context, const Sentence& sentence, Range chunk, std::size_t k) {
  const Tokens& tokens = context.tokens;
  if (!(is(tokens[k], "arrived") || is(tokens[k], "walked")) || k < chunk.begin + 2 ||
      !(is(tokens[k - 1], "others") || is(tokens[k - 1], "more")) || context.count_prefix[k] == context.count_prefix[chunk.begin] ||
      chunk.begin <= sentence.tokens.begin)
    return false;
  return casualty_trigger(context, sentence, {sentence.tokens.begin, chunk.begin}) != kNoTrigger;
}

// "it was treating 20 people", "admitted 31 patients": a head count right
// after a verb of care (a count starting at one of the next two words).
bool care_with_count(const BlockContext& context, Range chunk, std::size_t k) {
  if (!words().care_verbs.contains(context.tokens[k]) || k + 2 >= chunk.end) return false;
  return context.count_prefix[k + 3] > context.count_prefix[k + 1];
}

// The head of the object after tokens[k]: determiners and possessives
// skipped ("lost their sight", "lost a father").
std::size_t object_head(const Tokens& tokens, Range chunk, std::size_t k) {
  std::size_t j = k + 1;
  while (j + 1 < chunk.end && (words().determiners.contains(tokens[j]) || is(tokens[j], "their") ||
                               is(tokens[j], "his") || is(tokens[j], "her") || is(tokens[j], "its") || is(tokens[j], "our") ||
                               is(tokens[j], "my") || is(tokens[j], "your")))
    ++j;
  return j;
}

bool is_lost(const Token& token) { return is(token, "lost") || is(token, "losing"); }

// "lost a leg", "lost their sight", "I lost my brother": a loss of a body
// part or of a relative is harm, with or without a count.
bool lost_person_or_limb(const Tokens& tokens, Range chunk, std::size_t k) {
  if (!is_lost(tokens[k]) || k + 1 >= chunk.end) return false;
  const std::size_t j = object_head(tokens, chunk, k);
  return words().body_parts.contains(tokens[j]) || words().relations.match(tokens, j, chunk.end);
}

// A count, a number word, a word for people, a pronoun or a body part at
// tokens[j]: what a real "hurt" or "lost" has for an object ("hurt 12
// people", "lost two soldiers", "a badly hurt back").
bool people_at(const BlockContext& context, Range chunk, std::size_t j) {
  const Words& lists = words();
  const Token& token = context.tokens[j];
  return context.count_prefix[j + 1] > context.count_prefix[j] || token.number ||
         lists.number_words.match(context.tokens, j, chunk.end) || lists.people_words.contains(token) ||
         is(token, "lives") || is_pronoun(token) || lists.body_parts.contains(token);
}

// "hurt his chances", "hurt manufacturing jobs", "lost the election", "lost
// Ohio", "losing their jobs": "hurt" and "lost" used actively with an object
// that is neither people nor a count are figurative or about things. A hurt
// or a loss of people is passive ("were hurt", "were lost at sea"), ends the
// clause ("no one was hurt"), or names people or a count as its object.
bool figurative_object(const BlockContext& context, Range chunk, std::size_t k) {
  const Tokens& tokens = context.tokens;
  const Token& word = tokens[k];
  const bool hurt = is(word, "hurt") || is(word, "hurts") || is(word, "hurting");
  if (!(hurt || is_lost(word)) || k + 1 >= chunk.end) return false;
  if (k > chunk.begin && (is_be(tokens[k - 1]) || is(tokens[k - 1], "not") || is(tokens[k - 1], "got"))) return false;
  if (is_punct(tokens[k + 1]) || words().prepositions.contains(tokens[k + 1])) return false;
  if (hurt && is_pronoun(tokens[k + 1])) return true;  // "that hurt him": a person harmed by words or votes
  if (lost_person_or_limb(tokens, chunk, k)) return false;
  return !people_at(context, chunk, object_head(tokens, chunk, k));
}

}  // namespace

bool in_idiom(const Tokens& tokens, Range chunk, std::size_t k) {
  for (std::size_t s = k; s + 4 > k && s >= chunk.begin; --s) {
    if (s + words().casualty_idioms.match(tokens, s, chunk.end) > k) return true;
    if (s == chunk.begin) break;
  }
  return false;
}

std::size_t casualty_trigger(const BlockContext& context, const Sentence& sentence, Range chunk) {
  const Words& lists = words();
  const Tokens& tokens = context.tokens;
  if (sentence.has_animal) return kNoTrigger;
  const auto equipment = [&] {
    for (std::size_t k = chunk.begin; k < chunk.end; ++k) {
      if (lists.equipment.match(tokens, k, chunk.end)) return true;
    }
    return false;
  };
  const StartWords& starts = casualty_start_words();  // each test's first test (start_words.cpp)
  for (std::size_t k = chunk.begin; k < chunk.end; ++k) {
    if (!tokens[k].word || !starts.may_start(tokens, k, chunk.end)) continue;
    if (lists.equipment_loss.match(tokens, k, chunk.end) && equipment() && !hypothetical_before(tokens, chunk, k)) return k;
    std::size_t n = lists.casualty_words.match(tokens, k, chunk.end);
    if (n == 0 && lists.casualty_needs_count.match(tokens, k, chunk.end) && counted(context, chunk, k)) n = 1;
    if (n == 0 && (told_without_casualty_word(tokens, chunk, k) || care_with_count(context, chunk, k) ||
                   lost_person_or_limb(tokens, chunk, k) || did_not_survive(tokens, chunk, k) ||
                   condition_predicate(tokens, chunk, k) || elliptic_condition(context, chunk, k) ||
                   struck_by_vehicle(tokens, chunk, k) || others_arrived(context, sentence, chunk, k)))
      n = 1;
    if (n == 0) continue;
    // Each test below rules the word out on its own; the order does not matter.
    if (shooting_not_hit(tokens, chunk, k) || unrealised_infinitive(tokens, chunk, k) ||
        (k + n < chunk.end && lists.not_casualty.contains(tokens[k + n])) ||  // "death threats"
        natural_death(tokens, chunk, k) || hypothetical_before(tokens, chunk, k) || forecast_after(tokens, chunk, k + n) ||
        in_idiom(tokens, chunk, k) || failed_attempt_before(tokens, chunk, k) || figurative_object(context, chunk, k) ||
        kind_of_killing(context, chunk, k) || contrast_denied(tokens, chunk, k))
      continue;
    return k;
  }
  return kNoTrigger;
}

}  // namespace whosays
