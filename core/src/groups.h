// Clauses and groups: a sentence's clauses (split_clauses) are refined and
// grouped back into claim-sized pieces. A predicate without its subject
// ("were hospitalized") joins the clause before it; a list ("150 security
// forces, 95 civilians, and hundreds ... killed") joins the clause it leads
// into. Each group is then marked with its casualty and responsibility
// triggers; the groups with one are the claims.
#pragma once

#include <vector>

#include "context.h"
#include "frame.h"
#include "group.h"
#include "memory.h"

namespace whosays {

// The vectors group_sentence works in, kept from sentence to sentence:
// cleared, not freed.
struct Piece {  // a clause, or part of one, that may become a group
  Range tokens;
  bool hard_start = false;  // after ";", "but", ", while", or a split "and"
};
struct GroupRoom {
  std::vector<Piece> pieces;  // the sentence's clauses, cut again
  std::vector<Group> made;    // one per piece, merged backward and detected
  std::vector<Group> groups;  // the sentence's groups (made, swapped, when no toll was split off)
};

// The sentence's groups (room.groups), in order, with triggers, agents and
// own frames set; none for a sentence without a word that any trigger can
// start at (its groups would all be without a trigger: no claims).
const std::vector<Group>& group_sentence(const BlockContext& context, const Sentence& sentence,
                                         const std::vector<Frame>& frames, Memory& memory, GroupRoom& room);

}  // namespace whosays
