#include "verdict.h"

#include <algorithm>

#include "explanation.h"
#include "noun_phrases.h"

namespace whosays {
namespace {

void apply_source(Claim& claim, const Source& source, bool hedged, Route route) {
  if (source.kind == SourceKind::generic) {
    claim.status = Status::vague;
    claim.route = Route::generic;
    claim.source = source.phrase;
    return;
  }
  claim.source = source.text;
  if (hedged) {
    claim.status = Status::vague;
    claim.route = Route::hedge;
    return;
  }
  claim.status = Status::attributed;
  claim.route = route;
}

bool named_frame_governs(const std::vector<Frame>& frames, std::size_t trigger) {
  return std::any_of(frames.begin(), frames.end(), [&](const Frame& frame) {
    return (frame.kind == FrameKind::cue || frame.kind == FrameKind::according) &&
           frame.source.kind == SourceKind::named && !frame.hedged && frame.scope.begin <= trigger &&
           trigger < frame.scope.end;
  });
}

bool governs(const Frame& frame, std::size_t trigger) {
  return frame.scope.begin <= trigger && trigger < frame.scope.end;
}

bool is_hedge_kind(const Frame& frame) { return frame.kind == FrameKind::hedge || frame.kind == FrameKind::passive; }

// The frames that decide a claim outside a quotation: the nearest governing
// frame with a source, and a hedge or agentless passive on it.
struct Governing {
  const Frame* chosen = nullptr;
  const Frame* hedge = nullptr;
};

Governing governing_frames(const Range sentence, const Group& group, const std::vector<Frame>& frames) {
  const std::size_t trigger = group.trigger;
  Governing found;
  const auto distance = [&](const Frame& frame) { return frame.at > trigger ? frame.at - trigger : trigger - frame.at; };
  for (const Frame& frame : frames) {
    if (!governs(frame, trigger)) continue;
    // The writer's own clause decides only a claim that lies within it: "The
    // shooter, who killed 59, did so for IS, according to X" is still X's.
    if (frame.kind == FrameKind::writer && group.tokens.begin < frame.at) continue;
    if (is_hedge_kind(frame)) {
      const bool inside_group = frame.at >= group.tokens.begin && frame.at < group.tokens.end;
      const bool sentence_wide = frame.scope.begin == sentence.begin && frame.scope.end == sentence.end;
      // "33 were reported hospitalised with five seriously injured", "three are
      // said to be critical and one serious": the agentless frame reaches the
      // toll that continues its clause.
      if ((inside_group || sentence_wide || frame.kind == FrameKind::hedge || group.continues) && !found.hedge)
        found.hedge = &frame;
      continue;
    }
    if (!found.chosen || distance(frame) < distance(*found.chosen)) found.chosen = &frame;  // the nearest wins
  }
  // Hedges inside the group but outside the frame scopes: "reportedly conducted".
  for (const Frame& frame : frames) {
    if (is_hedge_kind(frame) && frame.at >= group.tokens.begin && frame.at < group.tokens.end && !found.hedge)
      found.hedge = &frame;
  }
  if (group.own) {
    const Frame& own = *group.own;
    if (own.kind == FrameKind::passive) {
      found.hedge = found.hedge ? found.hedge : &own;
    } else if (!found.chosen || own.source.kind == SourceKind::named) {
      found.chosen = &own;
    }
  }
  // "No casualties were reported ..., the governor told reporters": the
  // passive is what the named source says, not how the article hedges it.
  const Frame* chosen = found.chosen;
  const Frame* hedge = found.hedge;
  if (hedge && chosen && chosen->source.kind == SourceKind::named && !chosen->hedged &&
      (chosen->kind == FrameKind::cue || chosen->kind == FrameKind::according) && chosen->scope.begin <= hedge->at &&
      hedge->at < chosen->scope.end && !(hedge->scope.begin == sentence.begin && hedge->scope.end == sentence.end))
    found.hedge = nullptr;
  return found;
}

// Status, route, source and cue of the claim.
void attribute(Claim& claim, const BlockContext& context, const Sentence& sentence, const Group& group,
               const std::vector<Frame>& frames, const std::vector<QuoteSpeaker>& speakers) {
  // Inside a speech quotation with a speaker: the speaker's.
  const auto quote = context.quote_of(group.trigger);
  if (quote && speakers[*quote].speaker) {
    const QuoteSpeaker& speaker = speakers[*quote];
    claim.cue = speaker.cue;
    apply_source(claim, *speaker.speaker, speaker.hedged,
                 speaker.speaker->resolved && !speaker.carried ? Route::carried_over : Route::quotation);
    return;
  }
  if (group.identified_vague && !named_frame_governs(frames, group.trigger)) {
    claim.status = Status::vague;
    claim.route = Route::passive;
    claim.cue = "identified as";
    return;
  }
  const Governing found = governing_frames(sentence.tokens, group, frames);
  if (found.chosen && found.chosen->source.kind != SourceKind::none) {
    const Frame& chosen = *found.chosen;
    claim.cue = chosen.cue;
    const Route route = chosen.source.resolved ? Route::carried_over
                        : chosen.postposed     ? Route::postposed
                                               : Route::in_clause;
    apply_source(claim, chosen.source, chosen.hedged || found.hedge != nullptr, route);
    if (found.hedge && !chosen.hedged) claim.cue = found.hedge->cue;
  } else if (found.hedge) {
    claim.status = Status::vague;
    claim.cue = found.hedge->cue;
    claim.route = found.hedge->kind == FrameKind::passive ? Route::passive : Route::hedge;
  } else {
    claim.status = Status::unattributed;
    claim.route = Route::none;
  }
}

// Where the claim's words start: after a leading frame ("X said that", "told
// reporters that"), after "According to Dr. X, director of the hospital,",
// and after a population figure ("a city of around 55,000 people").
std::size_t claim_start(const BlockContext& context, const Group& group, const std::vector<Frame>& frames) {
  const Tokens& tokens = context.tokens;
  const std::size_t trigger = group.trigger;
  Range range = group.tokens;
  for (const Frame& frame : frames) {
    if (frame.kind == FrameKind::cue && !frame.postposed && frame.at >= range.begin && frame.cue_end <= trigger &&
        frame.cue_end < range.end) {
      std::size_t start = frame.cue_end;
      for (std::size_t j = start; j < std::min(trigger, start + 5); ++j) {
        if (is(tokens[j], "that")) {
          start = j;
          break;
        }
      }
      if (start < range.end && is(tokens[start], "that")) ++start;
      if (start <= trigger) range.begin = start;
    }
    if (frame.kind == FrameKind::according && frame.at == range.begin && frame.scope.begin <= trigger) {
      std::size_t start = frame.cue_end;
      while (start < trigger && !is(tokens[start], ",")) ++start;
      while (start < trigger) {
        std::size_t next = start + 1;
        while (next < trigger && !is(tokens[next], ",")) ++next;
        if (next >= trigger || !is_description(tokens, {start + 1, next})) break;
        start = next;
      }
      if (start < trigger) range.begin = start + 1;
    }
  }
  const std::size_t trigger_offset = tokens[std::min(trigger, tokens.size() - 1)].span.begin;
  const std::vector<Quantity>& quantities = context.quantities;
  for (std::size_t i = context.quantity_at[range.begin]; i < quantities.size() && quantities[i].span.begin < trigger_offset;
       ++i) {
    const Quantity& quantity = quantities[i];
    if (quantity.kind != QuantityKind::population || quantity.span.end > trigger_offset) continue;
    std::size_t after = first_token_at_or_after(tokens, quantity.span.end);
    if (after < trigger && (is(tokens[after], "people") || is(tokens[after], "residents") || is(tokens[after], "inhabitants")))
      ++after;
    if (after <= trigger) range.begin = after;
  }
  return range.begin;
}

// The claim's text: from claim_start to the end of the group, without edge
// punctuation and conjunctions, keeping a closing quotation mark of an inline
// quote; and the counts inside it.
void extent(Claim& claim, const BlockContext& context, const Group& group, const std::vector<Frame>& frames) {
  const Tokens& tokens = context.tokens;
  Range range{claim_start(context, group, frames), group.tokens.end};
  while (range.begin < range.end &&
         (is_punct(tokens[range.begin]) || is(tokens[range.begin], "and") || is(tokens[range.begin], "but")))
    ++range.begin;
  while (range.end > range.begin && (is_punct(tokens[range.end - 1]) || is(tokens[range.end - 1], "and")) &&
         !(tokens[range.end - 1].possessive))
    --range.end;
  if (range.empty()) range = group.tokens;
  claim.span = span_of(tokens, range);
  const auto first_inline = std::lower_bound(context.quotes.begin(), context.quotes.end(), claim.span.begin,
                                             [](const QuoteInfo& quote, std::size_t at) { return quote.quotation.outer.begin < at; });
  for (auto it = first_inline; it != context.quotes.end() && it->quotation.outer.begin < claim.span.end; ++it) {
    const Span outer = it->quotation.outer;
    if (!it->speech && outer.begin >= claim.span.begin && outer.begin < claim.span.end && outer.end > claim.span.end &&
        outer.end <= claim.span.end + 4)
      claim.span.end = outer.end;
  }
  const std::vector<Quantity>& quantities = context.quantities;
  for (std::size_t i = context.quantity_at[range.begin]; i < quantities.size() && quantities[i].span.begin < claim.span.end;
       ++i) {
    if (quantities[i].kind == QuantityKind::count && claim.span.contains(quantities[i].span) && claim.casualty)
      claim.quantities.push_back(quantities[i]);
  }
}

}  // namespace

Claim judge(const BlockContext& context, const Sentence& sentence, const Group& group,
            const std::vector<Frame>& frames, const std::vector<QuoteSpeaker>& speakers) {
  Claim claim;
  claim.block = context.block;
  claim.casualty = group.casualty;
  claim.responsibility = group.responsibility;
  claim.agent = group.agent;
  claim.target = group.target;
  attribute(claim, context, sentence, group, frames, speakers);
  extent(claim, context, group, frames);
  claim.explanation = explain(claim, context.text);
  return claim;
}

}  // namespace whosays
