#include "groups.h"

#include <algorithm>

#include "casualty.h"
#include "knowledge/parties.h"
#include "noun_phrases.h"
#include "responsibility.h"
#include "words.h"

namespace whosays {
namespace {

// "He was airlifted to a hospital ... and a hospital spokesman said Swanson
// was in fair condition": after a clause with its own verb, "and" + a short
// noun phrase + a reporting cue starts a new report ("and police said ...").
// A subject list ("The army and the police said") has no verb on the left.
bool reporter_after_and(const Tokens& tokens, Range clause, std::size_t start, std::size_t k) {
  const Words& lists = words();
  if (!has_verb(tokens, {start, k})) return false;
  for (std::size_t j = k + 2; j < std::min(clause.end, k + 6); ++j) {
    if (is_verb_like(tokens[j]) && !lists.reporting_cues.contains(tokens[j])) return false;
    if (lists.reporting_cues.contains(tokens[j])) return true;
  }
  return false;
}

// "and scores more were injured", "and is reported to be ...", "and that
// police had not ...", "and accused X of ...": a new predicate with its own
// subject; "fourteen people were killed and more than thirty wounded": a
// second toll with its own subject, the verb left out.
bool and_starts_clause(const BlockContext& context, const Sentence& sentence, Range clause, std::size_t start,
                       std::size_t k) {
  const Words& lists = words();
  const Tokens& tokens = context.tokens;
  if (!(is(tokens[k], "and") && k + 1 < clause.end)) return false;
  const Token& next = tokens[k + 1];
  if ((is_be(next) && !is(next, "be") && !is(next, "been") && !is(next, "being")) || is(next, "that") ||
      lists.reporting_cues.contains(next) || lists.speech_act_blame.match(tokens, k + 1, clause.end))
    return true;
  if (reporter_after_and(tokens, clause, start, k)) return true;
  if (!(next.number || lists.number_words.match(tokens, k + 1, clause.end) || is(next, "the"))) return false;
  for (std::size_t j = k + 2; j < clause.end; ++j) {
    if (lists.auxiliaries.contains(tokens[j])) return true;
  }
  bool left_aux = false;
  for (std::size_t j = start; j < k; ++j) left_aux = left_aux || lists.auxiliaries.contains(tokens[j]);
  // "Seven dead and 50 injured": a verbless toll before "and" + a count.
  const bool left_toll = left_aux || (!has_verb(tokens, {start, k}) &&
                                      casualty_trigger(context, sentence, {start, k}) != kNoTrigger);
  return left_toll && casualty_trigger(context, sentence, {k + 1, clause.end}) != kNoTrigger;
}

// "33 were hospitalised with five seriously injured": "with" + a count and a
// casualty of its own after a clause with its own toll is a second toll.
bool toll_after_with(const BlockContext& context, const Sentence& sentence, Range clause, std::size_t start,
                     std::size_t k) {
  if (!is(context.tokens[k], "with") || k + 2 >= clause.end || context.count_prefix[k + 2] == context.count_prefix[k + 1])
    return false;
  return casualty_trigger(context, sentence, {k + 1, clause.end}) != kNoTrigger &&
         casualty_trigger(context, sentence, {start, k}) != kNoTrigger;
}

// "seizing and gunning down tourists before security forces raided the
// building": a time clause with a subject of its own after a clause with its
// own toll tells of another act.
bool time_clause_after_toll(const BlockContext& context, const Sentence& sentence, Range clause, std::size_t start,
                            std::size_t k) {
  const Tokens& tokens = context.tokens;
  if (!(is(tokens[k], "before") || is(tokens[k], "after") || is(tokens[k], "until")) || k + 2 >= clause.end)
    return false;
  const Token& next = tokens[k + 1];
  if (is_verb_like(next) || is_ing_form(next) || next.number || words().prepositions.contains(next)) return false;
  std::size_t verb = k + 2;
  while (verb < clause.end && verb < k + 6 && !is_verb_like(tokens[verb])) ++verb;
  if (verb >= clause.end || verb >= k + 6) return false;
  return casualty_trigger(context, sentence, {start, k}) != kNoTrigger &&
         casualty_trigger(context, sentence, {k + 1, clause.end}) == kNoTrigger;
}

// Whether refine cuts the clause `range` before tokens[k] (the piece so far
// starts at `start`). Out of line, behind refine's first test: most tokens
// are no "and", "with", "before", "after", "until", capital or hedge.
[[gnu::noinline]] bool cuts_before(const BlockContext& context, const Sentence& sentence, Range range,
                                   std::size_t start, std::size_t k) {
  const Tokens& tokens = context.tokens;
  if (and_starts_clause(context, sentence, range, start, k) || toll_after_with(context, sentence, range, start, k) ||
      time_clause_after_toll(context, sentence, range, start, k) ||
      (tokens[k].capitalized && perpetrator_title_before(tokens, start, k)))  // a name at k
    return true;
  const auto beside_verb = [&] {
    return is_be(tokens[k - 1]) || words().auxiliaries.contains(tokens[k - 1]) ||
           (k + 1 < range.end && (is_be(tokens[k + 1]) || words().auxiliaries.contains(tokens[k + 1])));
  };
  return words().hedges.contains(tokens[k]) && !context.quote_of(k) && !beside_verb() &&
         casualty_trigger(context, sentence, {start, k}) != kNoTrigger;
}

// Clauses as token ranges, into `out` (cleared first), cut again before an
// "and" that starts a clause and before a hedge that follows a casualty ("had
// minor injuries reportedly from glass": the hedge governs what follows). A
// hedge next to the clause's verb ("the cause of death reportedly was", "the
// dead were reportedly workers") hedges the whole clause: no cut.
void refine(const BlockContext& context, const Sentence& sentence, std::vector<Piece>& out) {
  const Tokens& tokens = context.tokens;
  const PhraseSet hedges = words().hedges;  // a copy: its fields stay in registers in the walk
  out.clear();
  out.reserve(sentence.end_clause - sentence.first_clause + 2);
  for (std::size_t c = sentence.first_clause; c < sentence.end_clause; ++c) {
    const Range range = context.clauses[c];
    const bool starts_hard = range.begin < range.end &&
                             (is(tokens[range.begin], "but") || is(tokens[range.begin], "whereas") ||
                              (range.begin > 0 && is(tokens[range.begin - 1], ";")) ||
                              (is(tokens[range.begin], "while") && range.begin > 0 && is(tokens[range.begin - 1], ",")));
    std::size_t start = range.begin;
    bool first_piece = true;
    for (std::size_t k = range.begin + 1; k < range.end; ++k) {
      const Token& token = tokens[k];
      const bool may_cut = is(token, "and") || is(token, "with") || is(token, "before") || is(token, "after") ||
                           is(token, "until") || token.capitalized || hedges.contains(token);
      if (may_cut && cuts_before(context, sentence, range, start, k)) {
        out.push_back({{start, k}, first_piece ? starts_hard : true});
        first_piece = false;
        start = k;
      }
    }
    out.push_back({{start, range.end}, first_piece ? starts_hard : true});
  }
}

bool has_trigger_words(const Tokens& tokens, Range range) {
  const Words& lists = words();
  for (std::size_t k = range.begin; k < range.end; ++k) {
    if (lists.casualty_words.match(tokens, k, range.end) || lists.attack_nouns.match(tokens, k, range.end) ||
        lists.casualty_needs_count.match(tokens, k, range.end))
      return true;
  }
  return false;
}

// A piece as a group: quotation marks and punctuation left outside, and what
// kind of piece it is (a predicate, a verbless list item, a frame alone).
// Into `group`, a new one (built in place in the sentence's groups); false
// for a piece of punctuation alone.
bool make_group(const BlockContext& context, const Piece& piece, Group& group) {
  const Words& lists = words();
  const Tokens& tokens = context.tokens;
  Range range = piece.tokens;
  while (!range.empty() && (is_quote_mark(tokens[range.begin]) || is_punct(tokens[range.begin]))) ++range.begin;
  while (!range.empty() && (is_punct(tokens[range.end - 1]))) --range.end;
  if (range.empty()) return false;
  group.tokens = range;
  group.hard_start = piece.hard_start;
  const auto quote = context.quote_of(range.begin);
  group.in_quote = quote.has_value();
  group.quote = quote.value_or(0);
  const Token& first = tokens[range.begin];
  const Token& lead = is(first, "and") && range.end > range.begin + 1 ? tokens[range.begin + 1] : first;
  group.hedge_start = lists.hedges.match(tokens, range.begin, range.end) > 0;
  // "with five injured", "and one serious": a toll with its verb left out;
  // "(estimated to have done ...) and claimed 3000 lives": a predicate that
  // shares its subject and its frame with the clause before.
  const auto auxiliary = [&] {
    for (std::size_t k = range.begin; k < range.end; ++k) {
      if (lists.auxiliaries.contains(tokens[k])) return true;
    }
    return false;
  };
  const bool and_then = is(first, "and") && range.end > range.begin + 1;
  group.continues = is(first, "with") ||
                    (and_then && context.count_prefix[range.begin + 2] > context.count_prefix[range.begin + 1] && !auxiliary()) ||
                    (and_then && is_verb_like(tokens[range.begin + 1]) && !is_be(tokens[range.begin + 1]));
  group.verb_start = !group.hard_start && !lists.reporting_cues.contains(lead) &&
                     (is_verb_like(lead) || (is_ing_form(lead) && !lead.capitalized &&
                                             !lists.participial_cues.contains(lead) && lead.lower.size() > 4));
  bool verbish = false;
  for (std::size_t k = range.begin; k < range.end && !verbish; ++k) {
    verbish = is_verb_like(tokens[k]) || lists.reporting_cues.match(tokens, k, range.end) ||
              lists.hedges.match(tokens, k, range.end) || is(tokens[k], "according");
  }
  group.nominal = !verbish && !group.hard_start;
  const std::size_t hedge = lists.hedges.match(tokens, range.begin, range.end);
  group.frame_only = (hedge > 0 && hedge == range.end - range.begin) ||
                     (is(first, "according") && !has_trigger_words(tokens, range));
  return true;
}

// A relative clause with a toll of its own: ", who killed 59 people,".
bool relative_toll(const BlockContext& context, const Sentence& sentence, const Group& group) {
  const Token& first = context.tokens[group.tokens.begin];
  return (is(first, "who") || is(first, "which")) && !group.in_quote &&
         casualty_trigger(context, sentence, group.tokens) != kNoTrigger;
}

bool is_country_at(const BlockContext& context, std::size_t k) {
  const auto party = party_at(context, k);
  return party && party->kind == knowledge::PartyKind::Country && !party->hyphen_prefix;
}

// "the mayor of Gdańsk, Poland stabbed": a country right after a place name
// and a comma completes the place ("Paris, France"); it starts no clause.
// Not a list of places ("Chile, Peru and Bolivia", "the Middle East, China
// and elsewhere") nor a possessive source ("..., Ecuador's prison service said").
bool country_of_place(const BlockContext& context, const Group& previous, const Group& group) {
  const Tokens& tokens = context.tokens;
  const std::size_t comma = previous.tokens.end;
  if (comma + 1 != group.tokens.begin || !is(tokens[comma], ",") || !tokens[comma - 1].capitalized ||
      tokens[comma - 1].number || is_country_at(context, comma - 1) || !is_country_at(context, group.tokens.begin))
    return false;
  const std::size_t after = group.tokens.begin + party_at(context, group.tokens.begin)->tokens;
  return after >= group.tokens.end ||
         !(tokens[after].possessive || is(tokens[after], "and") || is(tokens[after], "or") || is_punct(tokens[after]));
}

// ", suspected to be Y", ", believed to be Y" after a clause with a toll
// of its own, the appositive itself telling of no loss.
bool suspicion_appositive(const BlockContext& context, const Sentence& sentence, const Group& previous,
                          const Group& group) {
  const Tokens& tokens = context.tokens;
  const std::size_t k = group.tokens.begin;
  const std::size_t n = words().passive_cues.match(tokens, k, group.tokens.end);
  if (n == 0 || k == 0 || !is(tokens[k - 1], ",") || k + n + 1 >= group.tokens.end || !is(tokens[k + n], "to") ||
      !is(tokens[k + n + 1], "be"))
    return false;
  return casualty_trigger(context, sentence, previous.tokens) != kNoTrigger &&
         casualty_trigger(context, sentence, group.tokens) == kNoTrigger;
}

// Backward merges: a predicate without its subject, a list's tail ("three
// tanks and three drones") or a short modifier ("both alive and dead") joins
// the group before it; "with some casualties ..." and "..., losing two
// soldiers" after a clause with its own toll start claims of their own.
// In place: the groups kept move forward over those merged.
void merge_backward(const BlockContext& context, const Sentence& sentence, std::vector<Group>& groups) {
  const Tokens& tokens = context.tokens;
  std::size_t kept = 0;
  for (std::size_t i = 0; i < groups.size(); ++i) {
    Group& group = groups[i];
    if (kept > 0) {
      Group& previous = groups[kept - 1];
      const bool same_quote = previous.in_quote == group.in_quote && previous.quote == group.quote;
      const auto own_trigger = [&] { return has_trigger_words(tokens, group.tokens); };
      const bool new_subject = is(tokens[group.tokens.begin], "and") && group.tokens.end > group.tokens.begin + 1 &&
                               tokens[group.tokens.begin + 1].capitalized;
      const bool tail = group.nominal && !group.hedge_start && !group.frame_only && !new_subject &&
                        (!own_trigger() || (group.tokens.end - group.tokens.begin <= 4 && !has_count(context, group.tokens) &&
                                            !words().prepositions.contains(tokens[group.tokens.begin])));
      // "..., killing two" after a clause with its own toll is a second toll;
      // "..., leading to condemnation" a consequence that is no part of it.
      const bool second_participle = group.verb_start && is_ing_form(tokens[group.tokens.begin]) &&
                                     (!is(tokens[group.tokens.begin], "including") || own_trigger()) &&
                                     casualty_trigger(context, sentence, previous.tokens) != kNoTrigger;
      // "The shooter, who killed 59 people, did so on behalf of IS": the main
      // predicate belongs to the subject, not to the relative clause, whose
      // toll is a claim of its own (the writer's description, per the guide).
      const bool after_relative_toll = group.verb_start && relative_toll(context, sentence, previous);
      // "X was shot by a prisoner, suspected to be Y": a reduced agentless
      // passive that describes a participant hedges who it is, not the toll.
      const bool hedged_participant = suspicion_appositive(context, sentence, previous, group);
      if (same_quote && !group.hard_start && !group.hedge_start && !group.frame_only && !previous.frame_only &&
          !second_participle && !after_relative_toll && !hedged_participant &&
          (group.verb_start || tail || country_of_place(context, previous, group))) {
        previous.tokens.end = group.tokens.end;
        continue;
      }
    }
    if (kept != i) groups[kept] = std::move(group);
    ++kept;
  }
  groups.erase(groups.begin() + static_cast<std::ptrdiff_t>(kept), groups.end());
}

// A clause that leads into the next one: a list item, a subject cut off by a
// parenthesis ("One child was, according to ..., among the dead").
bool absorbable(const Tokens& tokens, const Group& group) {
  if (group.nominal) return true;
  const Words& lists = words();
  bool verb = false;
  bool participle = false;
  for (std::size_t k = group.tokens.begin; k < group.tokens.end; ++k) {
    verb = verb || is_verb_like(tokens[k]) || lists.reporting_cues.match(tokens, k, group.tokens.end);
    participle = participle || lists.participial_cues.contains(tokens[k]);
  }
  return !verb || participle || lists.auxiliaries.contains(tokens[group.tokens.end - 1]);
}

bool has_reporting_cue(const Tokens& tokens, Range range) {
  for (std::size_t k = range.begin; k < range.end; ++k) {
    if (words().reporting_cues.contains(tokens[k]) || words().hedges.contains(tokens[k])) return true;
  }
  return false;
}

bool is_relative(const Token& token) {
  return is(token, "who") || is(token, "which") || is(token, "whose") || is(token, "whom") || is(token, "that") ||
         is(token, "where") || is(token, "when");
}

// A verbless claim that leads into the clause after it: "In addition to the
// deaths, 33 were hospitalised" (a loss already told, before a casualty that
// adds to it) and "Bodies, debris from the plane pulled from sea" (a short
// list item before the predicate it is a subject of). Either is one claim
// with that clause, not a claim of its own.
bool leads_into(const Tokens& tokens, const Group& previous, const Group& group) {
  if (!previous.casualty || !previous.nominal || previous.frame_only || group.hard_start || group.frame_only ||
      previous.in_quote != group.in_quote || previous.quote != group.quote || previous.tokens.end >= tokens.size() ||
      !is(tokens[previous.tokens.end], ","))
    return false;
  if (words().additive_leads.match(tokens, previous.tokens.begin, previous.tokens.end)) return group.casualty;
  return previous.tokens.end - previous.tokens.begin <= 3 && !group.nominal && !group.casualty &&
         !group.responsibility && !is_relative(tokens[group.tokens.begin]) && !has_reporting_cue(tokens, group.tokens);
}

// Forward absorption: "150 security forces, 95 civilians, and hundreds ...
// killed" is one claim, from the first list item to the trigger.
void absorb_forward(const Tokens& tokens, std::vector<Group>& groups) {
  // In place, as merge_backward: groups[0, kept) is what is kept so far.
  std::size_t kept = 0;
  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::size_t pending = kNone;  // first absorbable group index among those kept
  for (std::size_t i = 0; i < groups.size(); ++i) {
    Group& group = groups[i];
    if (kept > 0 && leads_into(tokens, groups[kept - 1], group)) {
      Group& previous = groups[kept - 1];
      if (group.casualty || group.responsibility) {
        group.tokens.begin = previous.tokens.begin;
        previous = std::move(group);
      } else {
        previous.tokens.end = group.tokens.end;
      }
      continue;
    }
    const bool claim = group.casualty || group.responsibility;
    if (claim && pending != kNone && !group.hard_start && group.in_quote == groups[pending].in_quote &&
        (!group.in_quote || group.quote == groups[pending].quote) && !groups[pending].frame_only) {
      group.tokens.begin = groups[pending].tokens.begin;
      kept = pending;
    }
    // "According to X, director of Y,": the description belongs to the frame.
    const bool describes_frame_source = kept > 0 && groups[kept - 1].frame_only && is_description(tokens, group.tokens);
    if (claim) {
      pending = kNone;
    } else if ((!group.frame_only && !absorbable(tokens, group)) || describes_frame_source) {
      pending = kNone;
    } else if (group.hard_start || pending == kNone) {
      pending = group.frame_only ? kNone : kept;
    }
    if (kept != i) groups[kept] = std::move(group);
    ++kept;
  }
  groups.erase(groups.begin() + static_cast<std::ptrdiff_t>(kept), groups.end());
}

// "The attacker, identified as Sudesh Amman": a suspect named without a source.
// Returns where the name ends (0 when there is none).
std::size_t identified_suspect(const BlockContext& context, Group& group) {
  const Tokens& tokens = context.tokens;
  const Token* const token = tokens.begin();  // in locals: the writes to group below could alias them
  std::size_t name_end = 0;
  std::size_t end = group.tokens.end;
  for (std::size_t k = group.tokens.begin; k + 2 < end; ++k) {
    if (!(is(token[k], "identified") && is(token[k + 1], "as") && token[k + 2].capitalized)) continue;
    bool suspect = false;
    for (std::size_t j = group.tokens.begin; j < k; ++j) suspect = suspect || words().suspect_nouns.contains(tokens[j]);
    if (!suspect) continue;
    const Range name = phrase_after(tokens, k + 2, group.tokens.end, 4);
    group.responsibility = true;
    group.identified_vague = true;
    group.agent = context.text_of(name);
    group.trigger = std::min(group.trigger, k);
    group.tokens.end = std::max(group.tokens.end, name.end);
    end = group.tokens.end;
    name_end = name.end;
  }
  return name_end;
}

// "The gunman, identified as X, a local man, was found dead": the
// identification (a responsibility claim, vague) and the predicate's toll
// (the writer's) are two claims. Returns the toll's group, if any.
std::optional<Group> split_identified(const BlockContext& context, const Sentence& sentence, Group& group,
                                      std::size_t name_end) {
  const Tokens& tokens = context.tokens;
  std::size_t k = name_end;
  while (k < group.tokens.end && !(is_be(tokens[k]) || is_verb_like(tokens[k]))) ++k;
  if (k >= group.tokens.end || k == name_end) return std::nullopt;
  const Range rest{k, group.tokens.end};
  const std::size_t trigger = casualty_trigger(context, sentence, rest);
  if (trigger == kNoTrigger) return std::nullopt;
  Group toll = group;
  toll.tokens = rest;
  toll.casualty = true;
  toll.responsibility = false;
  toll.identified_vague = false;
  toll.agent.clear();
  toll.trigger = trigger;
  toll.verb_start = true;
  group.tokens.end = name_end;
  group.casualty = false;
  return toll;
}

std::optional<Group> detect(const BlockContext& context, const Sentence& sentence, const std::vector<Frame>& frames,
                            Memory& memory, Group& group) {
  const Tokens& tokens = context.tokens;
  const std::size_t casualty = casualty_trigger(context, sentence, group.tokens);
  const std::size_t responsibility = responsibility_trigger(context, sentence, frames, memory, group);
  group.casualty = casualty != kNoTrigger;
  // "responsibility" with no party named: not a claim of who did it.
  group.responsibility = responsibility != kNoTrigger && (!group.agent.empty() || group.own.has_value());
  group.trigger = std::min(casualty, responsibility);
  const std::size_t name_end = identified_suspect(context, group);
  // Questions and conditionals are not claims.
  const Range range = sentence.tokens;
  if ((group.casualty || group.responsibility) &&
      (is(tokens[range.begin], "if") || (range.end > range.begin && is(tokens[range.end - 1], "?")))) {
    group.casualty = group.responsibility = false;
    return std::nullopt;
  }
  return name_end > 0 && group.casualty ? split_identified(context, sentence, group, name_end) : std::nullopt;
}

// A word of the sentence that a casualty or responsibility trigger can start
// at ("identified as" needs a suspect noun, one of the latter).
bool may_hold_claim(const BlockContext& context, const Sentence& sentence) {
  const StartWords& casualty = casualty_start_words();
  const StartWords& responsibility = responsibility_start_words();
  for (std::size_t k = sentence.tokens.begin; k < sentence.tokens.end; ++k) {
    const Token& token = context.tokens[k];
    if (token.word && (casualty.may_start(context.tokens, k, sentence.tokens.end) ||
                       responsibility.may_start(context.tokens, k, sentence.tokens.end)))
      return true;
  }
  return false;
}

}  // namespace

const std::vector<Group>& group_sentence(const BlockContext& context, const Sentence& sentence,
                                         const std::vector<Frame>& frames, Memory& memory, GroupRoom& room) {
  std::vector<Group>& groups = room.made;
  std::vector<Group>& detected = room.groups;
  groups.clear();
  detected.clear();
  if (!may_hold_claim(context, sentence)) return detected;
  std::vector<Piece>& pieces = room.pieces;
  refine(context, sentence, pieces);
  groups.reserve(pieces.size());
  for (const Piece& piece : pieces) {
    if (!make_group(context, piece, groups.emplace_back())) groups.pop_back();
  }
  merge_backward(context, sentence, groups);
  // Detected in place. A toll split from an identification (rare) goes right
  // after its group: from the first one on, the groups move to `detected`.
  bool moving = false;
  for (std::size_t i = 0; i < groups.size(); ++i) {
    std::optional<Group> toll = detect(context, sentence, frames, memory, groups[i]);
    if (toll && !moving) {
      moving = true;
      for (std::size_t j = 0; j < i; ++j) detected.push_back(std::move(groups[j]));
    }
    if (!moving) continue;
    detected.push_back(std::move(groups[i]));
    if (toll) detected.push_back(std::move(*toll));
  }
  if (!moving) std::swap(groups, detected);  // room.groups takes the vector
  absorb_forward(context.tokens, detected);
  return detected;
}

}  // namespace whosays
