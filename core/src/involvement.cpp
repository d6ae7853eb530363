// Taking part in an attack or a killing, told other than by an attack verb:
// pleas and confessions, charges, convictions and sentences, denials,
// "involved in", "behind", links to a network (rules for responsibility.cpp).
#include <algorithm>
#include <utility>

#include "agents.h"
#include "frames.h"
#include "noun_phrases.h"
#include "responsibility.h"
#include "responsibility_rules.h"
#include "speakers.h"
#include "words.h"

namespace whosays::responsibility_rules {

// A crime or attack noun within the next few words of the clause ("charged
// with murder", "pleaded guilty to 29 of 30 federal hate crime charges"),
// before any punctuation.
bool crime_after(const Tokens& tokens, Range chunk, std::size_t from) {
  for (std::size_t j = from; j < chunk.end && j < from + 8 && !is_punct(tokens[j]); ++j) {
    if (crime_or_attack_at(tokens, j, chunk.end)) return true;
  }
  return false;
}

bool crime_in(const Tokens& tokens, Range range) {
  for (std::size_t j = range.begin; j < range.end; ++j) {
    if (crime_or_attack_at(tokens, j, range.end) || words().casualty_words.contains(tokens[j])) return true;
  }
  return false;
}

// The trigger with the agent a rule found, or no match without one.
Outcome with_agent(Clause& clause, Range agent) {
  if (agent.empty()) return Outcome::no_match;
  clause.group.agent = clause.context.text_of(agent);
  return Outcome::trigger;
}

bool crime_or_attack_at(const Tokens& tokens, std::size_t k, std::size_t end) {
  return words().crimes.contains(tokens[k]) || words().attack_nouns.match(tokens, k, end) > 0;
}

// "A court convicted a friend of the bombing suspect", "prosecutors charged
// Ana Ruiz with murder": in the active voice the one convicted or charged is
// the object, for a crime or attack the clause names. A conviction is the
// writer's statement; a charge is the accuser's, attributed to the subject.
Outcome legal_object_rule(Clause& clause, std::size_t k) {
  const Words& lists = words();
  const Tokens& tokens = clause.tokens();
  const Range chunk = clause.chunk();
  const bool accusation = lists.legal_accusations.contains(tokens[k]);
  if (!(accusation || lists.legal_verbs.contains(tokens[k])) || after_be(tokens, k, chunk.begin) || k + 1 >= chunk.end)
    return Outcome::no_match;
  const Range subject = subject_before(tokens, clause.sentence.begin, k);
  Range object = phrase_after(tokens, k + 1, chunk.end, 8);
  if (subject.empty() || object.empty() || lists.prepositions.contains(tokens[object.begin])) return Outcome::no_match;
  if (object.end < chunk.end && is(tokens[object.end], "of"))
    object.end = phrase_after(tokens, object.end + 1, chunk.end, 8).end;  // "a friend of ..."
  for (std::size_t j = object.begin + 1; j < object.end; ++j) {
    if (lists.prepositions.contains(tokens[j]) && !is(tokens[j], "of")) object.end = j;  // "X with murder"
  }
  if (!crime_after(tokens, chunk, k + 1)) return Outcome::no_match;
  clause.group.agent = clause.context.text_of(object);
  if (accusation) {
    Frame frame = speech_frame(clause, k, 1);
    frame.source = clause.source(subject);
    if (frame.source.kind != SourceKind::none) clause.group.own = std::move(frame);
  }
  return Outcome::trigger;
}

// "was charged with murder", "was sentenced for her murder": the charge names
// who is held responsible; the writer states it (unattributed unless a cue
// says who reports it).
Outcome charge_rule(Clause& clause, std::size_t k) {
  const Words& lists = words();
  const Tokens& tokens = clause.tokens();
  const Range chunk = clause.chunk();
  const std::size_t m = lists.charges.match(tokens, k, chunk.end);
  if (m == 0) return Outcome::no_match;
  std::size_t verb = after_be(tokens, k, chunk.begin) ? be_before(tokens, k, chunk.begin) : k;
  while (verb > chunk.begin && lists.auxiliaries.contains(tokens[verb - 1])) --verb;  // "is serving"
  const Range accused = actor_before(clause.context, clause.sentence.begin, verb);
  if (accused.empty()) return Outcome::no_match;
  // The crime is named after the charge, or the one charged is named by it
  // ("the killer was sentenced to life", "the gunman was charged").
  bool suspect = false;
  for (std::size_t j = accused.begin; j < accused.end; ++j) suspect = suspect || lists.suspect_nouns.contains(tokens[j]);
  // A named person arrested or sentenced in a sentence that tells of a killing
  // or a crime ("was arrested at the hospital ... the day after the shooting",
  // "Brother of murdered star sentenced to life"): the crime needs no
  // preposition of its own. A bare "arrested" is passive only ("Police
  // arrested"), and of a named person ("two suspects were arrested" is optional).
  const bool bare = m == 1;
  if (bare && !after_be(tokens, k, chunk.begin)) return Outcome::no_match;
  const bool stated = !bare && (suspect || crime_after(tokens, chunk, k + m));
  if (!stated &&
      !(identified(clause.context, accused, accused.begin == clause.sentence.begin) && crime_in(tokens, clause.sentence)))
    return Outcome::no_match;
  clause.group.agent = clause.context.text_of(accused);
  return Outcome::trigger;
}

// A plea, confession or acceptance of responsibility: "pleaded guilty to
// eight murders", "accepted responsibility for the murder". The person says
// it, so it is attributed to them (annotation guide: "Courts and
// confessions").
Outcome admission_rule(Clause& clause, std::size_t k) {
  const Tokens& tokens = clause.tokens();
  const Range chunk = clause.chunk();
  const std::size_t m = words().admissions.match(tokens, k, chunk.end);
  if (m == 0) return Outcome::no_match;
  if (m == 1 && !is_verb_like(tokens[k])) {
    // "his own confession to the crime", "his initial confession was forced":
    // a confession is of a crime, its owner the one who confessed.
    return with_agent(clause, noun_agent(clause.context, chunk, k, m));
  }
  // "confessed to acting alone", "admitted to firing the shots": the act
  // itself, told by its verb.
  const bool act = k + m < chunk.end && is_ing_form(tokens[k + m]) && !is(tokens[k + m], "being") &&
                   !is(tokens[k + m], "having");
  if (!act && !crime_after(tokens, chunk, k + m)) return Outcome::no_match;
  // The one who pleads is a person or a party named or referred to: a name at
  // the start of a sentence counts here ("McArthur admitted ...").
  const Range person = actor_before(clause.context, clause.sentence.begin, k);
  Frame frame = speech_frame(clause, k, m);
  frame.source = clause.source(person);
  if (frame.source.kind != SourceKind::named) return Outcome::no_match;
  clause.group.agent = clause.context.text_of(person);
  remember_source(clause.memory, frame.source);
  clause.group.own = std::move(frame);
  return Outcome::trigger;
}

// "Qawi was accused of inciting the murder, which he denied": a denial that
// refers back to an accusation of a crime earlier in the sentence is the
// denier's claim about it; "X believed he was innocent" after a conviction or
// a crime says the same of him.
Outcome denial_of_accusation(Clause& clause, std::size_t k) {
  const Tokens& tokens = clause.tokens();
  const Range sentence = clause.sentence;
  std::size_t which = k;
  while (which > sentence.begin && !is(tokens[which - 1], "which") && k - which < 4) --which;
  if (which == sentence.begin || !is(tokens[which - 1], "which") || which == k ||
      !crime_in(tokens, {sentence.begin, which - 1}))
    return Outcome::no_match;
  Range party{which, which + 1};
  while (party.end < k && tokens[party.end].capitalized) ++party.end;
  if (!identified(clause.context, party, false)) return Outcome::no_match;
  Frame frame = speech_frame(clause, k, 1);
  frame.source = clause.source(party);
  // "he" is the one accused, the sentence's subject.
  if (is_pronoun(tokens[party.begin])) {
    const Source accused = sentence_subject(clause.context, sentence, clause.memory.registry);
    if (accused.kind == SourceKind::named) frame.source = accused;
  }
  clause.group.agent = frame.source.text.empty() ? clause.context.text_of(party) : frame.source.text;
  clause.group.own = std::move(frame);
  return Outcome::trigger;
}

Outcome innocence_rule(Clause& clause, std::size_t k) {
  const Words& lists = words();
  const Tokens& tokens = clause.tokens();
  if (!lists.innocence.contains(tokens[k]) || !after_be(tokens, k, clause.chunk().begin)) return Outcome::no_match;
  bool legal = crime_in(tokens, clause.sentence);
  for (std::size_t j = clause.sentence.begin; j < clause.sentence.end && !legal; ++j)
    legal = lists.legal_verbs.contains(tokens[j]) || lists.legal_accusations.contains(tokens[j]);
  const Range person = actor_before(clause.context, clause.chunk().begin, be_before(tokens, k, clause.chunk().begin));
  if (!legal || !identified(clause.context, person, person.begin == clause.sentence.begin)) return Outcome::no_match;
  clause.group.agent = clause.context.text_of(person);
  return Outcome::trigger;
}

// A denial of taking part: "She denied having anything to do with the
// shooting", "denies any involvement in the attack". A denial is a
// responsibility claim about its speaker (annotation guide: "the military
// denied responsibility"), attributed to them.
Outcome denial_rule(Clause& clause, std::size_t k) {
  const Words& lists = words();
  const Tokens& tokens = clause.tokens();
  const Range chunk = clause.chunk();
  if (!lists.denials.contains(tokens[k])) return Outcome::no_match;
  if (const Outcome back = denial_of_accusation(clause, k); back != Outcome::no_match) return back;
  bool involvement = false;
  bool responsibility = false;  // "denying their responsibility" needs no crime beside it
  for (std::size_t j = k + 1; j < chunk.end && j < k + 6 && !is_punct(tokens[j]); ++j) {
    involvement = involvement || lists.involvement.match(tokens, j, chunk.end) > 0;
    responsibility = responsibility || lists.responsibility_nouns.contains(tokens[j]);
  }
  // "denied that civilians had been targeted": the act itself, denied, with
  // no party of its own ("denied that the army is bombing" is the army's, by
  // the attack verb's rule).
  bool act = false;
  for (std::size_t j = k + 2; k + 1 < chunk.end && is(tokens[k + 1], "that") && j < chunk.end; ++j)
    act = act || (lists.attack_verbs.contains(tokens[j]) && after_be(tokens, j, k + 2));
  if (!act && (!involvement || !(responsibility || crime_after(tokens, chunk, k + 1)))) return Outcome::no_match;
  Frame frame = speech_frame(clause, k, 1);
  if (is_ing_form(tokens[k])) {
    // "ETA issued a statement denying ...": the sentence's subject denies.
    frame.source = sentence_subject(clause.context, clause.sentence, clause.memory.registry);
    if (frame.source.kind != SourceKind::named) return Outcome::no_match;
    clause.group.agent = frame.source.text;
  } else {
    const Range party = actor_before(clause.context, clause.sentence.begin, k);
    if (!identified(clause.context, party, party.begin == clause.sentence.begin)) return Outcome::no_match;
    frame.source = clause.source(party);
    clause.group.agent = clause.context.text_of(party);
  }
  clause.group.own = std::move(frame);
  return Outcome::trigger;
}

// "X was involved in the attack", "the FMLN is responsible for these
// attacks", "he is not involved in this crime": taking
// part in an attack or crime, stated or denied, of a named party (mere
// involvement in an accident is no claim: the crime or attack must be named).
Outcome involved_rule(Clause& clause, std::size_t k) {
  const Tokens& tokens = clause.tokens();
  const Range chunk = clause.chunk();
  const bool involved = is(tokens[k], "involved") && k + 1 < chunk.end && is(tokens[k + 1], "in");
  const bool responsible = is(tokens[k], "responsible") && k + 1 < chunk.end && is(tokens[k + 1], "for");
  if (!(involved || responsible) || !crime_after(tokens, chunk, k + 2)) return Outcome::no_match;
  std::size_t verb = k;
  while (verb > chunk.begin && (is_be(tokens[verb - 1]) || is(tokens[verb - 1], "not") ||
                                words().auxiliaries.contains(tokens[verb - 1])))
    --verb;
  const Range party = actor_before(clause.context, clause.sentence.begin, verb);
  if (!identified(clause.context, party, party.begin == clause.sentence.begin)) return Outcome::no_match;
  clause.group.agent = clause.context.text_of(party);
  return Outcome::trigger;
}

// "X was behind the bombing", "the group behind the attack": taking part,
// stated of a party.
Outcome behind_rule(Clause& clause, std::size_t k) {
  const Tokens& tokens = clause.tokens();
  const Range chunk = clause.chunk();
  if (!is(tokens[k], "behind") || !crime_after(tokens, {k, std::min(chunk.end, k + 4)}, k + 1)) return Outcome::no_match;
  // "X was behind", "X is believed to be behind", "X are suspected to be
  // behind": the party is the subject before the whole verb group.
  std::size_t verb = k;
  while (verb > chunk.begin && (is_be(tokens[verb - 1]) || is(tokens[verb - 1], "to") ||
                                words().auxiliaries.contains(tokens[verb - 1]) ||
                                words().passive_cues.contains(tokens[verb - 1])))
    --verb;
  const Range party = subject_before(tokens, clause.sentence.begin, verb);
  if (!identified(clause.context, party, party.begin == clause.sentence.begin)) return Outcome::no_match;
  clause.group.agent = clause.context.text_of(party);
  return Outcome::trigger;
}

// "the suspects were linked to the X network", "the gunman had 'no
// connection' to any terrorist group", "a connection between the shooter and
// any militant group", "the shooter did so on behalf of Islamic State": a
// perpetrator tied to a group, or the tie denied, says who is behind the act.
// A group by its common noun counts: whether "a terrorist group" is behind it
// is the claim.
Outcome linking_rule(Clause& clause, std::size_t k) {
  const Words& lists = words();
  const Tokens& tokens = clause.tokens();
  const Range chunk = clause.chunk();
  const std::size_t m = lists.linking_blame.match(tokens, k, chunk.end);
  if (m == 0) return Outcome::no_match;
  std::size_t after = k + m;
  while (after < chunk.end && is_quote_mark(tokens[after])) ++after;
  if (after < chunk.end && (is(tokens[after], "to") || is(tokens[after], "with"))) ++after;
  bool suspect = false;
  for (std::size_t j = clause.sentence.begin; j < k; ++j) suspect = suspect || lists.suspect_nouns.contains(tokens[j]);
  if (after < chunk.end && is(tokens[after], "between")) {
    for (std::size_t j = after + 1; j < chunk.end; ++j) {
      suspect = suspect || lists.suspect_nouns.contains(tokens[j]);
      if (is(tokens[j], "and")) {
        after = j + 1;
        break;
      }
    }
  }
  const Range party = phrase_after(tokens, after, chunk.end);
  if (!suspect || party.empty()) return Outcome::no_match;
  const bool group = identified(clause.context, party, false) || lists.organisation_nouns.contains(tokens[party.end - 1]);
  return with_agent(clause, group ? party : Range{});
}

// "the United States' killing of Qasem Soleimani", "his murder inside the
// consulate by Saudi agents": a crime noun with its victim after "of" names
// its owner as the one who did it, or the party after "by"; without "of"
// the owner is the victim ("Khashoggi's killing", "her murder").
Outcome crime_noun_rule(Clause& clause, std::size_t k) {
  const Tokens& tokens = clause.tokens();
  const Range chunk = clause.chunk();
  if (!words().crimes.contains(tokens[k]) || (k > chunk.begin && is_punct(tokens[k - 1]))) return Outcome::no_match;
  Range agent;
  for (std::size_t j = k + 1; j < std::min(chunk.end, k + 8) && agent.empty(); ++j) {
    if (is(tokens[j], "by")) agent = agent_phrase_after(clause.context, j + 1, chunk.end);
  }
  if (!identified(clause.context, agent, false)) agent = {};
  if (agent.empty() && k + 1 < chunk.end && is(tokens[k + 1], "of")) agent = noun_agent(clause.context, chunk, k, 1);
  return with_agent(clause, agent);
}

// The name a perpetrator noun gives, after it or before it: "several alleged
// accomplices, including Mufti Abdul Qawi", "the suspect, Jan Novak,",
// "questioned Anne Sacoolas as a suspect", "named Ali Reza as the gunman".
Range perpetrator_named_after(const Tokens& tokens, Range chunk, std::size_t k) {
  const Words& lists = words();
  if (!lists.suspect_nouns.contains(tokens[k])) return {};
  // "The alleged killer, Chérif Chekatt, shot dead by police": an act told
  // later in the clause is the claim.
  for (std::size_t j = k + 1; j < chunk.end; ++j) {
    if (lists.attack_verbs.contains(tokens[j]) || lists.casualty_words.contains(tokens[j])) return {};
  }
  std::size_t name = k + 1;
  if (name < chunk.end && is(tokens[name], ",")) ++name;
  if (name > k + 1 && name < chunk.end && is(tokens[name], "including")) ++name;
  std::size_t end = name;
  while (name > k + 1 && end < chunk.end && tokens[end].capitalized && tokens[end].word) ++end;
  if (end > name) return {name, end};
  // "X as a suspect": the name before "as".
  if (k < chunk.begin + 3 || !is_determiner(tokens[k - 1]) || !is(tokens[k - 2], "as")) return {};
  std::size_t begin = k - 2;
  while (begin > chunk.begin && tokens[begin - 1].capitalized && tokens[begin - 1].word) --begin;
  return {begin, k - 2};
}

// "after his 2016 arrest", "Ruiz's conviction was upheld": an arrest or a
// conviction of its owner, in a sentence that tells of a crime or a killing,
// holds the owner responsible ("the police's arrest of X": then the owner is
// the one who arrested, no claim here).
Outcome legal_noun_rule(Clause& clause, std::size_t k) {
  const Tokens& tokens = clause.tokens();
  const Range chunk = clause.chunk();
  if (!words().legal_nouns.contains(tokens[k]) || (k + 1 < chunk.end && is(tokens[k + 1], "of")) ||
      !crime_in(tokens, clause.sentence))
    return Outcome::no_match;
  const Range owner = noun_agent(clause.context, chunk, k, 1);
  return with_agent(clause, owner.end <= k ? owner : Range{});  // "arrest by police": not the owner
}

// "Toronto serial killer Bruce McArthur pleads guilty": the title says the
// named person killed (a perpetrator named is identified; annotation guide:
// "a named suspect does"). The group holds the title alone, cut before the
// name (perpetrator_title_before); the agent is the name after it.
Outcome perpetrator_title_rule(Clause& clause, std::size_t k) {
  const Tokens& tokens = clause.tokens();
  const Range chunk = clause.chunk();
  if (const Range named = perpetrator_named_after(tokens, chunk, k); !named.empty()) return with_agent(clause, named);
  if (k + 1 != chunk.end || chunk.end >= clause.sentence.end || !perpetrator_title_before(tokens, chunk.begin, chunk.end))
    return Outcome::no_match;
  std::size_t name = chunk.end;
  while (name < clause.sentence.end && tokens[name].capitalized) ++name;
  clause.group.agent = clause.context.text_of({chunk.end, name});
  return Outcome::trigger;
}

}  // namespace whosays::responsibility_rules

namespace whosays {

bool perpetrator_title_before(const Tokens& tokens, std::size_t start, std::size_t k) {
  const Words& lists = words();
  if (k <= start || k - start > 4 || !tokens[k].capitalized || !tokens[k].word || !lists.suspect_nouns.contains(tokens[k - 1]))
    return false;
  for (std::size_t j = start; j < k; ++j) {
    if (!tokens[j].word || is_verb_like(tokens[j]) || lists.prepositions.contains(tokens[j])) return false;
  }
  // "Police suspect Hezbollah": "suspect" is a noun after an article or a
  // crime ("the suspect", "murder suspect"), else it may be the verb.
  const Token& noun = tokens[k - 1];
  if (!(is(noun, "suspect") || is(noun, "suspects"))) return true;
  return k - 1 > start && (is_determiner(tokens[k - 2]) || words().crimes.contains(tokens[k - 2]));
}

}  // namespace whosays
