#include "responsibility.h"

#include <algorithm>
#include <optional>
#include <utility>

#include "agents.h"
#include "casualty.h"
#include "frames.h"
#include "noun_phrases.h"
#include "responsibility_rules.h"
#include "sources.h"
#include "speakers.h"
#include "start_words.h"
#include "words.h"

namespace whosays {
namespace {

using namespace responsibility_rules;

}  // namespace

namespace responsibility_rules {

Frame speech_frame(const Clause& clause, std::size_t k, std::size_t n) {
  Frame frame;
  frame.kind = FrameKind::speech_act;
  frame.at = k;
  frame.cue_end = k + n;
  frame.cue = clause.context.text_of({k, k + n});
  return frame;
}

}  // namespace responsibility_rules

namespace {

// "Houthi rebels have been blamed for the attack": blamed by nobody named;
// "which was blamed on the rebels": the rebels are; "were accused by Human
// Rights Watch of killing": the accuser is named.
Outcome passive_blame(Clause& clause, std::size_t k, std::size_t n) {
  const Tokens& tokens = clause.tokens();
  const Range chunk = clause.chunk();
  Range blamed = subject_before(tokens, clause.sentence.begin, be_before(tokens, k, chunk.begin));
  if (k + n < chunk.end && is(tokens[k + n], "on")) blamed = phrase_after(tokens, k + n + 1, chunk.end);
  if (!identified(clause.context, blamed, blamed.begin == clause.sentence.begin)) return Outcome::skip;
  Frame frame = speech_frame(clause, k, n);
  clause.group.agent = clause.context.text_of(blamed);
  frame.cue = clause.context.text_of({be_before(tokens, k, chunk.begin), k + n});
  if (k + n + 1 < chunk.end && is(tokens[k + n], "by")) {
    frame.source = clause.source(phrase_after(tokens, k + n + 1, chunk.end));
  } else {
    frame.kind = FrameKind::passive;
  }
  clause.group.own = std::move(frame);
  return Outcome::trigger;
}

// "another attack ascribed to the Taliban": the party is named, nobody stands behind it.
Outcome passive_attribution(Clause& clause, std::size_t k, std::size_t n) {
  const Tokens& tokens = clause.tokens();
  const Range chunk = clause.chunk();
  for (std::size_t j = k + n; j + 1 < chunk.end; ++j) {
    if (is(tokens[j], "to")) {
      clause.group.agent = clause.context.text_of(phrase_after(tokens, j + 1, chunk.end));
      break;
    }
  }
  Frame frame = speech_frame(clause, k, n);
  frame.kind = FrameKind::passive;
  clause.group.own = std::move(frame);
  return Outcome::trigger;
}

// Who is blamed by an active speech act: "accused Russia of ...", "blamed it
// on his men", or the party of an attack noun in its object.
void blamed_party(Clause& clause, std::size_t k, std::size_t n) {
  const Words& lists = words();
  const Tokens& tokens = clause.tokens();
  const Range chunk = clause.chunk();
  Group& group = clause.group;
  const Token& token = tokens[k];
  for (std::size_t j = k + n; j < chunk.end && group.agent.empty(); ++j) {
    if (std::size_t m = lists.attack_nouns.match(tokens, j, chunk.end)) {
      const Range agent = noun_agent(clause.context, chunk, j, m);
      if (!agent.empty()) group.agent = clause.context.text_of(agent);
    }
    if (is(tokens[j], "to") && lists.attribution_verbs.contains(token))
      group.agent = clause.context.text_of(phrase_after(tokens, j + 1, chunk.end));
  }
  if (lists.blame_verbs.contains(token) && k + n < chunk.end) {
    Range agent = phrase_after(tokens, k + n, chunk.end, 6);
    for (std::size_t j = agent.begin; j < agent.end; ++j) {
      if (is(tokens[j], "of") || is(tokens[j], "for")) agent.end = j;  // "accused Russia of ..."
    }
    if (agent.end - agent.begin == 1 && is(tokens[agent.begin], "it") && agent.end + 1 < chunk.end &&
        is(tokens[agent.end], "on"))
      agent = phrase_after(tokens, agent.end + 1, chunk.end, 6);  // "blamed it on his men"
    if (!agent.empty()) group.agent = clause.context.text_of(agent);
  }
}

// Speech acts of blame: "Turkey condemned the attacks", "claimed responsibility".
Outcome blame_rule(Clause& clause, std::size_t k) {
  const Words& lists = words();
  const Tokens& tokens = clause.tokens();
  const Range chunk = clause.chunk();
  const Range sentence = clause.sentence;
  const Token& token = tokens[k];
  const std::size_t n = lists.speech_act_blame.match(tokens, k, chunk.end);
  if (n == 0) return Outcome::no_match;
  // "the accused", "the condemned": a noun for a person, no act of speech.
  if (n == 1 && k > chunk.begin && (is(tokens[k - 1], "the") || is(tokens[k - 1], "an") || is(tokens[k - 1], "a")) &&
      !lists.attribution_verbs.contains(token))
    return Outcome::skip;
  const bool passive = after_be(tokens, k, chunk.begin) || k == chunk.begin || is_determiner(tokens[k - 1]) ||
                       tokens[k - 1].lower == "attack" || tokens[k - 1].lower == "bombing";
  bool object = n > 1;  // "claimed responsibility"
  const bool blames = lists.blame_verbs.contains(token);
  if (blames && k + n < chunk.end) object = identified(clause.context, phrase_after(tokens, k + n, chunk.end, 6), false);
  for (std::size_t j = k + n; j < chunk.end && !object; ++j) {
    object = lists.attack_nouns.match(tokens, j, chunk.end) || is(tokens[j], "to") || is(tokens[j], "for") ||
             is(tokens[j], "of");
  }
  if (!object && !passive) return Outcome::skip;
  // "people accused of crimes" describes people; "X accused Y of" accuses.
  if (n == 1 && !after_be(tokens, k, chunk.begin) && k + 1 < chunk.end && (is(tokens[k + 1], "of") || is(tokens[k + 1], "for")))
    return Outcome::skip;
  const bool attribution = lists.attribution_verbs.contains(token);
  if (passive && after_be(tokens, k, chunk.begin) && !attribution && n == 1) return passive_blame(clause, k, n);
  if (passive && attribution) return passive_attribution(clause, k, n);
  Frame frame = speech_frame(clause, k, n);
  const Range subject = subject_before(tokens, sentence.begin, k);
  const bool coordinated = k > sentence.begin && (is(tokens[k - 1], "and") || is(tokens[k - 1], "but"));
  if (coordinated ||
      (lists.participial_cues.contains(token) && (subject.empty() || object_of_cue(tokens, sentence, subject)))) {
    // "Pompeo posted a message blaming Iran": the poster blames.
    frame.source = speaker_before(clause.context, sentence, k, clause.frames, clause.memory.registry);
  } else {
    frame.source = clause.source(subject);
  }
  if (n > 1) clause.group.agent = frame.source.text;
  blamed_party(clause, k, n);
  // "The UN condemned the attack" blames nobody; "condemned the Armenian attacks" does.
  if (clause.group.agent.empty() && lists.condemnations.contains(token)) return Outcome::skip;
  if (frame.source.kind != SourceKind::none) remember_source(clause.memory, frame.source);
  clause.group.own = std::move(frame);
  return Outcome::trigger;
}

// "responsibility" as a noun: "attributions of responsibility were made by X".
Outcome responsibility_noun_rule(Clause& clause, std::size_t k) {
  const Tokens& tokens = clause.tokens();
  const Range chunk = clause.chunk();
  if (!is(tokens[k], "responsibility")) return Outcome::no_match;
  for (std::size_t j = k + 1; j + 1 < chunk.end; ++j) {
    if (is(tokens[j], "by") && after_be(tokens, j - 1, chunk.begin)) {
      Frame frame;
      frame.kind = FrameKind::cue;
      frame.at = j;
      frame.cue_end = j + 1;
      frame.cue = clause.context.text_of({be_before(tokens, j - 1, chunk.begin), j});
      frame.source = clause.source(phrase_after(tokens, j + 1, chunk.end));
      clause.group.own = std::move(frame);
      return Outcome::trigger;
    }
  }
  return Outcome::trigger;
}


// "attacks" is a verb only after its subject: "Houthis attack", "they attack".
bool verb_reading(const Tokens& tokens, Range chunk, std::size_t k) {
  const Words& lists = words();
  if (lists.attack_nouns.match(tokens, k, chunk.end) == 0) return true;
  if (k == chunk.begin) return false;
  const Token& before = tokens[k - 1];
  // "bombing", "shelling" are finite only after an auxiliary ("is shelling");
  // after a name they are nouns ("the Oklahoma City bombing").
  if (is_ing_form(tokens[k])) return lists.auxiliaries.contains(before);
  return before.capitalized || is_pronoun(before) || lists.identified_agents.contains(before) ||
         lists.auxiliaries.contains(before);
}

// The subject of an attack verb at k. After "and" or a comma ("he drew his
// pistol, pointed it, and shot") it is the group's subject, or the reported
// clause's ("Witnesses said soldiers chased ... and fired"); it ends before
// its own verbs ("they managed to destroy").
Range attack_subject(const Clause& clause, std::size_t k) {
  const Words& lists = words();
  const Tokens& tokens = clause.tokens();
  const Range chunk = clause.chunk();
  Range subject = subject_before(tokens, chunk.begin, k);
  if (subject.empty() || is(tokens[subject.begin], "which")) subject = subject_before(tokens, clause.sentence.begin, k);
  if (k > chunk.begin && (is(tokens[k - 1], "and") || is(tokens[k - 1], ","))) {
    std::size_t from = chunk.begin;
    for (std::size_t j = chunk.begin; j < k; ++j) {
      if (std::size_t m = lists.reporting_cues.match(tokens, j, k)) from = j + m;
    }
    if (from < k && is(tokens[from], "that")) ++from;
    subject = {from, from};
    while (subject.end < k && !is_verb_like(tokens[subject.end]) && !is_punct(tokens[subject.end]) &&
           !lists.adverbs.contains(tokens[subject.end]))
      ++subject.end;
  }
  for (std::size_t j = subject.begin; j < subject.end; ++j) {
    if (j > subject.begin && (is_verb_like(tokens[j]) || is(tokens[j], "to"))) {
      subject.end = j;
      break;
    }
  }
  while (!subject.empty() && (is(tokens[subject.begin], "and") ||
                              (is_determiner(tokens[subject.begin]) && subject.end - subject.begin > 1 &&
                               !is(tokens[subject.begin], "the"))))
    ++subject.begin;
  // "The army claimed to have hit three gunmen", "X is said to have shot":
  // the subject of the verb that reports or achieves the act.
  std::size_t lead = k;
  while (lead > clause.sentence.begin &&
         (is(tokens[lead - 1], "to") || is(tokens[lead - 1], "have") || is_be(tokens[lead - 1])))
    --lead;
  if (lead < k && lead > clause.sentence.begin && is(tokens[lead], "to") &&
      (lists.reporting_cues.contains(tokens[lead - 1]) || lists.infinitive_realis.contains(tokens[lead - 1]) ||
       lists.passive_cues.contains(tokens[lead - 1])))
    subject = subject_before(tokens, clause.sentence.begin, lead - 1);
  // "the IRA's decision to carry out": the owner of the intent acts.
  for (std::size_t j = subject.begin; j + 1 < subject.end; ++j) {
    if (tokens[j].possessive && lists.intent_nouns.contains(tokens[j + 1])) return {subject.begin, j};
  }
  return subject;
}

// An attack, a crime or a weapon as the object of a light verb ("launched an
// offensive", "committed the murder", "detonated explosives"); in the passive
// the object is the subject ("The attack was carried out by X").
bool has_attack_object(const Clause& clause, std::size_t k, std::size_t n) {
  const Words& lists = words();
  const Tokens& tokens = clause.tokens();
  const Range chunk = clause.chunk();
  const auto attack_or_crime = [&](std::size_t j, std::size_t end) {
    return crime_or_attack_at(tokens, j, end) || lists.weapons.contains(tokens[j]);
  };
  for (std::size_t j = k + n; j < chunk.end; ++j) {
    if (attack_or_crime(j, chunk.end)) return true;
  }
  // "was carried out by X", "an attack reportedly conducted by X": a passive
  // participle has its object before it.
  const bool passive = after_be(tokens, k, chunk.begin) || (k + n < chunk.end && is(tokens[k + n], "by"));
  if (!passive) return false;
  for (std::size_t j = clause.sentence.begin; j < k; ++j) {
    if (attack_or_crime(j, k)) return true;
  }
  return false;
}

// Headlines and captions drop the "was" of a passive: "Minister stabbed",
// "Officer shot dead in custody centre" name the victim, not who attacked.
// A past form with no object (the clause ends, or a place or time phrase
// follows) is that passive; "Police fired on protesters" keeps its object.
bool headline_passive(const Clause& clause, std::size_t k, std::size_t n) {
  const Words& lists = words();
  const Tokens& tokens = clause.tokens();
  const Range chunk = clause.chunk();
  const BlockKind kind = clause.context.kind;
  if (kind != BlockKind::title && kind != BlockKind::heading && kind != BlockKind::caption) return false;
  const Token& verb = tokens[k];
  const bool past = verb.lower.size() > 3 && verb.lower.compare(verb.lower.size() - 2, 2, "ed") == 0;
  if (n != 1 || !(past || lists.irregular_verbs.contains(verb))) return false;
  std::size_t next = k + 1;
  while (next < chunk.end && is_quote_mark(tokens[next])) ++next;  // "it 'neutralised' 14 militants"
  const bool dead = next < chunk.end && is(tokens[next], "dead");   // "shot dead at rally": no object follows
  next += dead;
  if (next >= chunk.end || is_punct(tokens[next])) return true;
  const Token& after = tokens[next];
  if (dead) return lists.prepositions.contains(after) && !is(after, "by");
  const bool object_marker = is(after, "at") || is(after, "into") || is(after, "with") || is(after, "to") ||
                             is(after, "against") || is(after, "by") || (is(after, "on") && is(verb, "fired"));
  return lists.prepositions.contains(after) && !object_marker;
}

// Attack verbs with an identified subject or "by" agent; "launched an
// offensive", "dropped two bombs" need an attack or weapon object.
Outcome attack_verb_reading(Clause& clause, std::size_t k) {
  const Words& lists = words();
  const Tokens& tokens = clause.tokens();
  const Range chunk = clause.chunk();
  const Token& token = tokens[k];
  std::size_t n = lists.attack_verbs.match(tokens, k, chunk.end);
  if (n == 0 && lists.attack_with_against.contains(token)) {
    // "used water cannon against protesters"; "he used assault weapons in
    // the attack": the weapon or the attack as object.
    bool against = false;
    for (std::size_t j = k + 1; j < std::min(chunk.end, k + 9); ++j) against = against || is(tokens[j], "against");
    n = against ? 1 : 0;
    const bool habitual = k + 1 < chunk.end && is(tokens[k + 1], "to");  // "used to be", not a use
    if (!against && !habitual && has_attack_object(clause, k, 1)) n = 1;
  }
  if (n > 0 && !verb_reading(tokens, chunk, k)) n = 0;
  if (n == 0 || token.capitalized || (k > chunk.begin && is_determiner(tokens[k - 1]))) return Outcome::no_match;
  // A set phrase with an attack verb tells of no attack either ("hit the nail
  // on the head", "shot to fame"): the casualty rules' idioms.
  if (in_idiom(tokens, chunk, k)) return Outcome::skip;
  if (hypothetical_before(tokens, chunk, k) || unrealised_infinitive(tokens, chunk, k)) return Outcome::skip;
  if (lists.object_attack_verbs.contains(token) && !has_attack_object(clause, k, n)) return Outcome::skip;
  // Passive: "was shot dead by police", "conducted by the Taliban".
  for (std::size_t j = k + n; j < std::min(chunk.end, k + n + 8); ++j) {
    if (is(tokens[j], "by")) {
      // "by mistake", "by car": no agent; an active verb then has its subject.
      const Range agent = agent_phrase_after(clause.context, j + 1, chunk.end);
      if (!identified(clause.context, agent, false)) break;
      clause.group.agent = clause.context.text_of(agent);
      return Outcome::trigger;
    }
    if (is_comma_like(tokens[j])) break;
  }
  if (after_be(tokens, k, chunk.begin) || headline_passive(clause, k, n)) return Outcome::skip;
  Range subject = attack_subject(clause, k);
  // "Fields, a self-described neo-Nazi, killed ...": the clause holds only the
  // appositive; the name it describes is before the comma.
  if (!subject.empty() && subject.begin > clause.sentence.begin && is(tokens[subject.begin - 1], ",") &&
      !identified(clause.context, subject, false)) {
    const Range whole = subject_before(tokens, clause.sentence.begin, k);
    if (whole.begin < subject.begin && is_pure_name(tokens, whole)) subject = whole;
  }
  if (!identified(clause.context, subject, subject.begin == clause.sentence.begin)) return Outcome::skip;
  clause.group.agent = clause.context.text_of(subject);
  const Range target = phrase_after(tokens, k + n, chunk.end, 6);
  if (!target.empty()) clause.group.target = clause.context.text_of(target);
  return Outcome::trigger;
}

// A word that is both ("attacks", "strikes") and fails as a verb ("killed in
// IS attacks") may still be an attack noun with a named party.
Outcome attack_verb_rule(Clause& clause, std::size_t k) {
  const Outcome outcome = attack_verb_reading(clause, k);
  if (outcome == Outcome::skip && words().attack_nouns.match(clause.tokens(), k, clause.chunk().end) > 0)
    return Outcome::no_match;
  return outcome;
}

// Attack nouns with a named party: "Armenia's attacks", "attacks by X"; in a
// quotation "our strikes"; after a participle ("..., providing airstrikes")
// the sentence's subject. "a new offensive could displace ..." is a forecast.
Outcome attack_noun_rule(Clause& clause, std::size_t k) {
  const Words& lists = words();
  const Tokens& tokens = clause.tokens();
  const Range chunk = clause.chunk();
  Group& group = clause.group;
  std::size_t m = lists.attack_nouns.match(tokens, k, chunk.end);
  for (std::size_t j = k + m; m > 0 && j < std::min(chunk.end, k + m + 2); ++j) {
    if (lists.hypothetical.contains(tokens[j])) m = 0;
  }
  if (m == 0) return Outcome::no_match;
  Range agent = noun_agent(clause.context, chunk, k, m);
  if (agent.empty() && group.in_quote) {
    for (std::size_t j = chunk.begin; j < chunk.end; ++j) {
      if (is(tokens[j], "we") || is(tokens[j], "our")) agent = {j, j + 1};
    }
  }
  std::size_t verb = k;
  while (verb > chunk.begin && tokens[verb - 1].word && !is_verb_like(tokens[verb - 1]) && !is_ing_form(tokens[verb - 1]))
    --verb;
  const bool after_participle = verb > chunk.begin && is_ing_form(tokens[verb - 1]) &&
                                (verb - 1 == chunk.begin || is_punct(tokens[verb - 2]));
  if (agent.empty() && chunk.begin != clause.sentence.begin && after_participle &&
      !lists.participial_cues.contains(tokens[verb - 1])) {
    const Source subject = sentence_subject(clause.context, clause.sentence, clause.memory.registry);
    if (subject.kind == SourceKind::named) group.agent = subject.text;
  }
  if (!agent.empty()) group.agent = clause.context.text_of(agent);
  if (group.agent.empty()) return Outcome::no_match;
  for (std::size_t j = k + m; j + 1 < chunk.end; ++j) {
    if (is(tokens[j], "against") || is(tokens[j], "on")) {
      group.target = clause.context.text_of(phrase_after(tokens, j + 1, chunk.end, 6));
      break;
    }
  }
  return Outcome::trigger;
}

// "it directed an attack", "they shelled the town": a pronoun agent is the
// party named last, as a pronoun source is (sources.cpp); "the rebels" the
// party named before with that head noun; with nobody named before, the
// words stay.
void resolve_agent(const Registry& registry, Group& group) {
  // A pronoun is one word: an agent of several is not folded to be asked.
  const bool one_word = group.agent.find(' ') == std::string::npos;
  const std::string folded = one_word ? text::fold(group.agent) : std::string();
  const Registry::Entry* entry =
      one_word && is_pronoun(folded) ? registry.referent(folded) : registry.party_described(group.agent);
  if (entry && !entry->generic) group.agent = entry->text;
}

}  // namespace

std::size_t responsibility_trigger(const BlockContext& context, const Sentence& sentence,
                                   const std::vector<Frame>& frames, Memory& memory, Group& group) {
  using Rule = Outcome (*)(Clause&, std::size_t);
  static constexpr Rule kRules[] = {blame_rule,   responsibility_noun_rule, admission_rule, denial_rule,
                                    legal_object_rule, attack_verb_rule, attack_noun_rule, charge_rule,
                                    behind_rule,       involved_rule,    linking_rule,   perpetrator_title_rule,
                                    crime_noun_rule,   innocence_rule,   legal_noun_rule};
  Clause clause{context, sentence.tokens, frames, memory, group};
  const StartWords& starts = responsibility_start_words();  // each rule's first test (start_words.cpp)
  for (std::size_t k = group.tokens.begin; k < group.tokens.end; ++k) {
    if (!context.tokens[k].word || !starts.may_start(context.tokens, k, group.tokens.end)) continue;
    for (Rule rule : kRules) {
      const Outcome outcome = rule(clause, k);
      if (outcome == Outcome::trigger) {
        resolve_agent(memory.registry, group);
        return k;
      }
      if (outcome == Outcome::skip) break;
    }
  }
  return kNoTrigger;
}

}  // namespace whosays
