// The analysis as a pipeline, block by block (docs/architecture.md):
//
//   context      tokens, quantities, quotations and sentences  context.h
//   per sentence, in reading order (so "he added" finds who came before):
//     memory     a person named as subject, for a later "he"  memory.h
//     frames     who each stretch is attributed to           frames.h
//     speakers   who says each speech quotation              speakers.h
//   per sentence again:
//     groups     clauses grouped into claim-sized pieces,    groups.h
//                with casualty and responsibility triggers    casualty.h, responsibility.h
//     verdict    status, source, text and explanation        verdict.h
//   memory       how the block ends, for an all-quotation paragraph after it
//
// The read-only BlockContext is rebuilt per block (in place); Memory is the only state
// carried across blocks.
#include "whosays/analyze.h"

#include <utility>

#include "context.h"
#include "frames.h"
#include "groups.h"
#include "memory.h"
#include "speakers.h"
#include "verdict.h"

namespace whosays {
namespace {

// Room analyze_block needs, kept from block to block: cleared and refilled,
// not freed, so that a block allocates only where it is larger than those
// before it.
struct BlockScratch {
  BlockContext context;
  std::vector<std::vector<Frame>> frames;  // per sentence
  std::vector<QuoteSpeaker> speakers;      // per quotation
  GroupRoom groups;
};

void analyze_block(const Document& document, std::size_t block, const knowledge::NameEvidence& evidence, Memory& memory,
                   BlockScratch& scratch, std::vector<Claim>& claims) {
  BlockContext& context = scratch.context;
  build_block_context(document, block, evidence, context);
  context.registry = &memory.registry;
  if (context.kind == BlockKind::dateline) return;
  const std::vector<Sentence>& sentences = context.sentences;

  std::vector<std::vector<Frame>>& frames = scratch.frames;  // frames[s] for s < sentences.size()
  if (frames.size() < sentences.size()) frames.resize(sentences.size());
  std::vector<QuoteSpeaker>& speakers = scratch.speakers;
  speakers.assign(context.quotes.size(), QuoteSpeaker{});
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    memory.registry.read_at(block, s);
    remember_subject(memory, context, sentences[s].tokens);
    remember_party(memory, context, sentences[s].tokens);
    remember_groups(memory, context, sentences[s].tokens);
    find_frames(context, sentences[s].tokens, memory, frames[s]);
    find_speakers(context, sentences[s].tokens, frames[s], memory, speakers);
  }
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    memory.registry.read_at(block, s);
    for (const Group& group : group_sentence(context, sentences[s], frames[s], memory, scratch.groups)) {
      if (group.casualty || group.responsibility) claims.push_back(judge(context, sentences[s], group, frames[s], speakers));
    }
  }
  // Both sides lvalues: with a prvalue on one side, the conditional copied
  // the last sentence's frames (and their strings) at every block.
  const std::vector<Frame> no_frames;
  remember_block_end(memory, context, sentences.empty() ? no_frames : frames[sentences.size() - 1]);
}

}  // namespace

Summary summarize(const std::vector<Claim>& claims) {
  Summary summary;
  for (const Claim& claim : claims) {
    ++summary.claims;
    summary.attributed += claim.status == Status::attributed;
    summary.vague += claim.status == Status::vague;
    summary.unattributed += claim.status == Status::unattributed;
    summary.casualty += claim.casualty;
    summary.responsibility += claim.responsibility;
  }
  summary.flags = summary.vague + summary.unattributed;
  return summary;
}

Analysis analyze(const Document& document) {
  Analysis analysis;
  Memory memory;
  // The document's own evidence of which capitalised words are names, one
  // line per block (read in place: no joined copy), read if a stage asks.
  std::vector<std::string_view> texts;
  texts.reserve(document.blocks.size());
  for (const Block& block : document.blocks) texts.emplace_back(block.text);
  const knowledge::NameEvidence evidence(std::move(texts), knowledge::NameEvidence::Deferred{});
  BlockScratch scratch;
  // Under a claim per block in news text (0.7 in the dev and dev2 corpora,
  // 1.3 on the 1 MiB benchmark article of dev paragraphs): reserved
  // once, the claims (five strings each) are seldom moved to a larger vector.
  analysis.claims.reserve(document.blocks.size());
  for (std::size_t block = 0; block < document.blocks.size(); ++block)
    analyze_block(document, block, evidence, memory, scratch, analysis.claims);
  analysis.summary = summarize(analysis.claims);
  return analysis;
}

}  // namespace whosays
