#include "agents.h"

#include <optional>
#include <vector>

#include "memory.h"
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
                                  is_demonym(tokens[k]) || is_acronym(context.text, tokens[k]) || known_name(context, k, false) ||
                                  tokens[k].lower.find('-') != std::string::npos))
      return true;
  }
  return false;
}

// "a soldier of the Islamic State", "members of the FMLN", "rogue operatives
// within the Saudi government": people who act for a party the phrase names.
bool member_of_party(const BlockContext& context, Range phrase) {
  const Words& lists = words();
  const Tokens& tokens = context.tokens;
  for (std::size_t k = phrase.begin; k + 2 < phrase.end; ++k) {
    if (!lists.member_nouns.contains(tokens[k])) continue;
    const Token& link = tokens[k + 1];
    if (!(is(link, "of") || is(link, "from") || is(link, "within") || is(link, "in"))) continue;
    std::size_t name = k + 2;
    while (name < phrase.end && (is_determiner(tokens[name]) || (!tokens[name].capitalized && name + 1 < phrase.end &&
                                                                  tokens[name + 1].capitalized)))
      ++name;
    // "in" also places a post ("a column in the Asahi newspaper"): there only a known party.
    if (name < phrase.end && tokens[name].capitalized && !words().days.contains(tokens[name]) &&
        (!is(link, "in") || party_at(context, name)))
      return true;
  }
  return false;
}

// "an unknown number of FMLN terrorists", "a column of Shining Path members",
// "two Salvadoran army patrols": counted or indefinite, yet they act for a
// party the phrase names: an armed group or government body by its name, or
// a state by its name or demonym right before one of its forces.
bool counted_party(const BlockContext& context, Range phrase) {
  using knowledge::PartyKind;
  for (std::size_t k = phrase.begin + 1; k < phrase.end; ++k) {
    const Token& token = context.tokens[k];
    // Only the phrase's own words: "a car bomb near the Interior Ministry" names no agent.
    if (words().prepositions.contains(token) && !is(token, "of") && !is(token, "from")) return false;
    if (!token.capitalized) continue;
    const auto party = party_at(context, k);
    // "hundreds of Taliban killed": a party that is the head is counted as people, victims as often as not.
    if (!party || k + party->tokens >= phrase.end) continue;
    if (party->kind == PartyKind::ArmedGroup || party->kind == PartyKind::GovernmentBody) return true;
    if (party->kind != PartyKind::Country && party->kind != PartyKind::Demonym) continue;
    const auto force = party_at(context, k + party->tokens);
    if (force && force->kind == PartyKind::Force && k + party->tokens + force->tokens <= phrase.end) return true;
  }
  return false;
}

// "New Hampshire crash kills seven", "a Kabul car bombing", "Mokha, Yemen
// bomb kills", "Explosion at Haiphong warehouse": an event or weapon named
// after its place. Only a known party,
// a demonym or an acronym makes it a party's ("Israeli fire", "a Russian
// missile", "US drone"); a country after "Town," is a place.
bool place_named_event(const BlockContext& context, Range phrase) {
  const Words& lists = words();
  const Tokens& tokens = context.tokens;
  const auto event = [&](const Token& token) {
    return lists.attack_nouns.contains(token) || lists.weapons.contains(token) || lists.accident_nouns.contains(token);
  };
  // "Explosion at Haiphong warehouse", "Airstrike on Yemeni detention centre":
  // what follows the event's preposition is its place or target ("by" names the party).
  std::size_t first = phrase.begin;
  while (first < phrase.end && is_determiner(tokens[first])) ++first;
  if (first + 1 < phrase.end && event(tokens[first]) && lists.prepositions.contains(tokens[first + 1]) &&
      !is(tokens[first + 1], "by"))
    return true;
  if (!event(tokens[phrase.end - 1])) return false;
  const bool after_town = phrase.begin >= 2 && is(tokens[phrase.begin - 1], ",") && tokens[phrase.begin - 2].capitalized;
  bool place = false;
  for (std::size_t k = phrase.begin; k + 1 < phrase.end; ++k) {
    const Token& token = tokens[k];
    if (!token.capitalized) continue;
    const auto party = party_at(context, k);
    if (party && after_town && party->kind == knowledge::PartyKind::Country) {
      place = true;
      continue;
    }
    if (party || is_demonym(token) || is_acronym(context.text, token) || token.lower.find('-') != std::string::npos)
      return false;
    place = true;
  }
  return place;
}

}  // namespace

bool identified(const BlockContext& context, Range phrase, bool sentence_initial) {
  const Words& lists = words();
  const Tokens& tokens = context.tokens;
  if (phrase.empty() || place_named_event(context, phrase)) return false;
  const Token& first = tokens[phrase.begin];
  // "a Russian missile", "an Israeli airstrike": indefinite, but the party is named.
  if ((is(first, "a") || is(first, "an")) && phrase.end - phrase.begin >= 3 && tokens[phrase.begin + 1].capitalized &&
      (lists.weapons.contains(tokens[phrase.end - 1]) || lists.attack_nouns.contains(tokens[phrase.end - 1])))
    return true;
  if (member_of_party(context, phrase) || (!is(first, "the") && counted_party(context, phrase))) return true;
  if (is(first, "a") || is(first, "an") || first.number || lists.number_words.contains(first)) return false;
  // Only the noun phrase's own words: "Methane blast at Colombian mine" names no party.
  for (std::size_t k = phrase.begin + 1; k < phrase.end; ++k) {
    if (lists.prepositions.contains(tokens[k]) && !tokens[k - 1].capitalized) {
      phrase.end = k;
      break;
    }
  }
  // "the FMLN today attacked": a time after the name is no part of it.
  while (phrase.end - phrase.begin > 1 && lists.days.contains(tokens[phrase.end - 1])) --phrase.end;
  const Token& head = tokens[phrase.end - 1];
  const bool named_modifier = has_named_modifier(context, phrase, sentence_initial);
  // "the gunmen" after "Red Brigades gunmen stormed ...": named by context (the guide).
  const std::size_t words_in = phrase.end - phrase.begin;
  const bool described = words_in >= 2 && words_in <= 4 && (is(first, "the") || is(tokens[phrase.begin + 1], "the")) &&
                         (lists.group_nouns.contains(head) || lists.member_nouns.contains(head) || lists.identified_agents.contains(head));
  if (described && context.registry && context.registry->party_described(context.text_of(phrase))) return true;
  if ((lists.unidentified_agents.contains(head) && !named_modifier) || lists.days.contains(head)) return false;
  if (named_modifier) return true;
  // "the president", "the crown prince": a definite title stands for the one
  // person who holds it (a role such as "the driver" does not).
  if (is(first, "the") && lists.person_titles.contains(head)) return true;
  for (std::size_t k = phrase.begin; k < phrase.end; ++k) {
    const Token& token = tokens[k];
    if (lists.identified_agents.contains(token)) return true;
    if (token.capitalized && is_demonym(token) && k + 1 < phrase.end && lists.attack_nouns.contains(tokens[k + 1]))
      return true;
    if (is_pronoun(token) && k + 1 == phrase.end) return true;
    const bool first_capital_only = sentence_initial && k == phrase.begin && !is_name_continuation(tokens, phrase, k) &&
                                    !known_name(context, k, phrase.end - phrase.begin == 1);
    if (token.capitalized && !first_capital_only && !lists.days.contains(token))
      return true;
  }
  return false;
}

namespace {

// "the Boston Marathon bombing", "a Kabul car bombing": after an article, a
// capitalised modifier that is no known party, demonym or acronym names the
// event by its place, not who carried it out ("the Taliban attack", "the
// Russian strikes" still name parties).
bool names_event(const BlockContext& context, Range modifier) {
  const auto article = [](const Token& token) { return is(token, "the") || is(token, "a") || is(token, "an"); };
  if (!modifier.empty() && article(context.tokens[modifier.begin])) {
    ++modifier.begin;  // "The Boston Marathon bombing" at the start of a sentence
  } else if (modifier.begin == 0 || !article(context.tokens[modifier.begin - 1])) {
    return false;
  }
  for (std::size_t k = modifier.begin; k < modifier.end; ++k) {
    const Token& token = context.tokens[k];
    if (party_at(context, k) || is_demonym(token) || is_acronym(context.text, token)) return false;
  }
  return true;
}

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
      if (names_event(context, {begin, j})) return std::nullopt;
      return Range{begin, j};
    }
    if (!token.word || is_determiner(token) || lists.prepositions.contains(token) || is_verb_like(token)) break;
    --j;
  }
  return std::nullopt;
}

}  // namespace

Range agent_phrase_after(const BlockContext& context, std::size_t at, std::size_t limit) {
  const Tokens& tokens = context.tokens;
  Range phrase = phrase_after(tokens, at, limit);
  const std::size_t link = phrase.end;
  if (phrase.empty() || link + 1 >= limit || !words().member_nouns.contains(tokens[link - 1])) return phrase;
  if (!(is(tokens[link], "of") || is(tokens[link], "from") || is(tokens[link], "within"))) return phrase;
  const Range party = phrase_after(tokens, link + 1, limit);
  return member_of_party(context, {phrase.begin, party.end}) ? Range{phrase.begin, party.end} : phrase;
}

Range actor_before(const BlockContext& context, std::size_t floor, std::size_t at) {
  const Tokens& tokens = context.tokens;
  const Range subject = subject_before(tokens, floor, at);
  // A segment that is no subject of its own: empty, a time or place ("on
  // Tuesday", "from Toronto"), an age ("34"), or a relation ("brother of the
  // victim").
  const auto set_off = [&](Range segment) {
    if (segment.empty() || words().prepositions.contains(tokens[segment.begin]) || tokens[segment.begin].number) return true;
    if (tokens[segment.begin].capitalized || is_determiner(tokens[segment.begin]) || is_pronoun(tokens[segment.begin]))
      return false;
    for (std::size_t k = segment.begin + 1; k < segment.end; ++k) {
      if (is(tokens[k], "of") || is(tokens[k], "to") || is(tokens[k], "for")) return true;
    }
    return false;
  };
  if (!set_off(subject)) return subject;
  // The comma-separated segments before the verb, nearest first.
  std::vector<Range> segments;
  for (std::size_t end = subject.begin; segments.size() < 4 && end > floor && is(tokens[end - 1], ",");) {
    std::size_t begin = end - 1;
    while (begin > floor && !is_punct(tokens[begin - 1]) && !is_verb_like(tokens[begin - 1])) --begin;
    segments.push_back({begin, end - 1});
    end = begin;
  }
  for (std::size_t i = 0; i < segments.size(); ++i) {
    // "from Toronto, Canada": a name right after a place phrase is part of it.
    const bool place = i + 1 < segments.size() && words().prepositions.contains(tokens[segments[i + 1].begin]);
    if (is_pure_name(tokens, segments[i]) && !place) return segments[i];
    if (!set_off(segments[i]) && !is_pure_name(tokens, segments[i])) break;
  }
  return subject;
}

// "the FMLN launched its offensive", "Russia began its own bombing": a
// possessive pronoun before the attack noun is the subject of the verb that
// governs it, when that subject names a party; else the pronoun stays.
Range owner_of_possessive(const BlockContext& context, Range chunk, Range pronoun) {
  const Tokens& tokens = context.tokens;
  if (is(tokens[pronoun.begin], "our")) return pronoun;
  std::size_t verb = pronoun.begin;
  while (verb > chunk.begin && !is_verb_like(tokens[verb - 1]) && !is_punct(tokens[verb - 1])) --verb;
  if (verb == chunk.begin || !is_verb_like(tokens[verb - 1])) return pronoun;
  Range subject = subject_before(tokens, chunk.begin, verb - 1);
  // "just as Russia began", "since the FMLN launched": the conjunction is no part of it.
  const auto conjunction = [&](std::size_t j) {
    const bool sentence_initial = j == 0 || is_punct(tokens[j - 1]);
    return !is_determiner(tokens[j]) && (!tokens[j].capitalized || (sentence_initial && !known_name(context, j, true)));
  };
  while (subject.end - subject.begin > 1 && conjunction(subject.begin)) ++subject.begin;
  // Only a plain noun phrase: "this year it will step up its attacks" leaves
  // "it" to the pronoun resolution, "the army found tunnels used by their
  // fighters" has no subject of "used" before it.
  for (std::size_t j = subject.begin; j < subject.end; ++j) {
    if (is_pronoun(tokens[j]) || is_verb_like(tokens[j])) return pronoun;
  }
  if (subject.empty() ||
      !identified(context, subject, subject.begin == 0 || is_punct(tokens[subject.begin - 1])))
    return pronoun;
  return subject;
}

Range noun_agent(const BlockContext& context, Range chunk, std::size_t k, std::size_t n) {
  const Words& lists = words();
  const Tokens& tokens = context.tokens;
  if (const std::optional<Range> before = premodifier_agent(context, chunk, k)) {
    if (before->end - before->begin == 1 && is_possessive_pronoun(tokens[before->begin]))
      return owner_of_possessive(context, chunk, *before);
    return *before;
  }
  // "by X", "on the part of X", "came from X" after the noun.
  for (std::size_t m = k + n; m < chunk.end; ++m) {
    if (std::size_t marker = lists.agent_markers.match(tokens, m, chunk.end)) {
      const Range phrase = agent_phrase_after(context, m + marker, chunk.end);
      // "negligence on the part of the owner": a definite party is named.
      if (identified(context, phrase, false) || (marker > 1 && !phrase.empty() && is(tokens[phrase.begin], "the")))
        return phrase;
      // "an attack by urban guerrillas on a neighbourhood inhabited by officers":
      // the first "by" is the attack's; a later one belongs to another verb.
      return {};
    }
    if ((is(tokens[m], "came") || is(tokens[m], "launched")) && m + 2 < chunk.end && is(tokens[m + 1], "from")) {
      const Range phrase = phrase_after(tokens, m + 2, chunk.end);
      if (identified(context, phrase, false)) return phrase;
    }
  }
  return {};
}

}  // namespace whosays
