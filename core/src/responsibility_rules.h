// Private to the responsibility stage: what a rule sees and returns, and the
// rules of responsibility.cpp (attacks, blame) and involvement.cpp (taking
// part: pleas, charges, convictions, denials, "behind", links).
#pragma once

#include <cstddef>
#include <vector>

#include "context.h"
#include "frame.h"
#include "group.h"
#include "memory.h"
#include "sources.h"

namespace whosays::responsibility_rules {

// What a rule made of the token: not its kind of word (try the next rule),
// its kind of word but no claim (go on to the next token), or the trigger.
enum class Outcome { no_match, skip, trigger };

// The group at hand, with what the rules read and write.
struct Clause {
  const BlockContext& context;
  Range sentence;
  const std::vector<Frame>& frames;
  Memory& memory;
  Group& group;
  const Tokens& tokens() const { return context.tokens; }
  Range chunk() const { return group.tokens; }
  Source source(Range phrase) const { return classify_source(context.text, context.tokens, phrase, memory.registry); }
};

// A speech-act frame for the cue tokens[k, k + n).
Frame speech_frame(const Clause& clause, std::size_t k, std::size_t n);

// A crime ("murder") or an attack noun ("the bombing") at tokens[k].
bool crime_or_attack_at(const Tokens& tokens, std::size_t k, std::size_t end);

// A crime or attack noun within the next few words of the clause.
bool crime_after(const Tokens& tokens, Range chunk, std::size_t from);

Outcome legal_object_rule(Clause& clause, std::size_t k);
Outcome charge_rule(Clause& clause, std::size_t k);
Outcome admission_rule(Clause& clause, std::size_t k);
Outcome denial_rule(Clause& clause, std::size_t k);
Outcome involved_rule(Clause& clause, std::size_t k);
Outcome behind_rule(Clause& clause, std::size_t k);
Outcome linking_rule(Clause& clause, std::size_t k);
Outcome perpetrator_title_rule(Clause& clause, std::size_t k);
Outcome crime_noun_rule(Clause& clause, std::size_t k);
Outcome innocence_rule(Clause& clause, std::size_t k);
Outcome legal_noun_rule(Clause& clause, std::size_t k);

// The trigger with the agent a rule found, or no match without one.
Outcome with_agent(Clause& clause, Range agent);

// A crime, an attack or a casualty word anywhere in the range.
bool crime_in(const Tokens& tokens, Range range);

}  // namespace whosays::responsibility_rules
