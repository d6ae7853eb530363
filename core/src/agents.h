// Agents: whether a noun phrase identifies a party (a name, an institution, a
// pronoun, "a Russian missile") and who is the agent of an attack noun
// ("Armenia's attacks", "an Al-Qaeda suicide attack", "attacks by X").
#pragma once

#include <cstddef>

#include "context.h"

namespace whosays {

// An identified party. `sentence_initial`: the phrase opens its sentence, so
// its first capital may only be the sentence's.
bool identified(const BlockContext& context, Range phrase, bool sentence_initial);

// The noun phrase of an agent after `at` ("by ..."), up to `limit`: like
// phrase_after, but "a soldier of the Islamic State", "members of the FMLN"
// run on through of/from/within to the party they name.
Range agent_phrase_after(const BlockContext& context, std::size_t at, std::size_t limit);

// Who acts at `at`: subject_before, stepping back over what commas set off
// between a name and its verb: a time or place ("Bruce McArthur, from
// Toronto, on Tuesday admitted") or a relation ("Mohammed Waseem, brother of
// the victim, was sentenced").
Range actor_before(const BlockContext& context, std::size_t floor, std::size_t at);

// The agent of the attack noun tokens[k, k + n) inside chunk, or an empty range.
Range noun_agent(const BlockContext& context, Range chunk, std::size_t k, std::size_t n);

}  // namespace whosays
