// The verdict on one claim group: its status, route, source and cue (from
// the quotation it is in, the frames that govern its trigger or its own
// speech act), its text and its figures.
#pragma once

#include <vector>

#include "context.h"
#include "frame.h"
#include "group.h"
#include "speakers.h"
#include "whosays/claim.h"

namespace whosays {

// The claim a group with a trigger makes; its explanation is set too.
Claim judge(const BlockContext& context, const Sentence& sentence, const Group& group,
            const std::vector<Frame>& frames, const std::vector<QuoteSpeaker>& speakers);

}  // namespace whosays
