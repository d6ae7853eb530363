// Responsibility triggers: the word of a clause group that says who did it,
// with the agent it names. Fifteen rules, tried at each token in order:
//   blame       a speech act of blame ("Turkey condemned the Armenian
//               attacks", "claimed responsibility", "was blamed on the rebels")
//   noun        "responsibility" itself ("attributions of responsibility were
//               made by X")
//   admission   a plea or confession ("pleaded guilty to eight murders")
//   denial      a denial of taking part ("denied having anything to do
//               with the shooting", "accused of the murder, which he denied")
//   legal act   "A court convicted X" (the object is held responsible)
//   attack verb an attack verb with an identified subject or "by" agent
//               ("Armenia shelled", "was shot dead by police")
//   attack noun an attack noun with a named party ("Armenia's attacks")
//   charge      "was charged with murder", "sentenced for her murder"
//   behind      "X was behind the bombing"
//   involved    "X was involved in the attack"
//   linking     "the suspects were linked to the X network"
//   title       "Toronto serial killer Bruce McArthur" (the title names the deed)
//   crime noun  "Israel's killing of the commander", "his murder by agents"
//   innocence   "she believed he was innocent" (after a conviction or crime)
//   legal noun  "after his 2016 arrest" (in a sentence that tells of a crime)
#pragma once

#include <cstddef>
#include <vector>

#include "context.h"
#include "start_words.h"
#include "frame.h"
#include "group.h"
#include "memory.h"

namespace whosays {

// "Kennedy assassin | Sirhan Sirhan stabbed in prison": a perpetrator noun
// used as a title before a name, at the start of a clause (tokens[start, k)
// before the name at k), is a claim of its own: the name's deeds, then what
// the clause says of the name.
bool perpetrator_title_before(const Tokens& tokens, std::size_t start, std::size_t k);

// The first responsibility trigger in the group, or kNoTrigger (casualty.h).
// Sets the group's agent and target and, for speech acts, its own frame.
std::size_t responsibility_trigger(const BlockContext& context, const Sentence& sentence,
                                   const std::vector<Frame>& frames, Memory& memory, Group& group);

}  // namespace whosays
