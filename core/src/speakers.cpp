#include "speakers.h"

#include <algorithm>

#include "noun_phrases.h"
#include "sources.h"
#include "words.h"

namespace whosays {

Source speaker_before(const BlockContext& context, Range sentence, std::size_t k, const std::vector<Frame>& frames,
                      const Registry& registry) {
  for (auto it = frames.rbegin(); it != frames.rend(); ++it) {
    if (it->at < k && it->kind == FrameKind::cue && it->source.kind != SourceKind::none) return it->source;
  }
  return sentence_subject(context, sentence, registry);
}

Source sentence_subject(const BlockContext& context, Range sentence, const Registry& registry) {
  const Tokens& tokens = context.tokens;
  std::size_t k = sentence.begin;
  for (std::size_t j = sentence.begin; j < sentence.end && j < sentence.begin + 6; ++j) {
    if (is(tokens[j], ",")) {
      k = j + 1;
      break;
    }
  }
  std::size_t end = k;
  while (end < sentence.end && !is_verb_like(tokens[end]) && !is_punct(tokens[end]) &&
         !words().reporting_cues.contains(tokens[end]))
    ++end;
  return classify_source(context.text, tokens, {k, end}, registry);
}

namespace {

// Before the quotation: the last cue within eight words of its mark, with no
// other quotation between. A quotation that opens in lower case continues
// the reported clause ('Duda told reporters the mayor's heart was restarted
// "and there is hope"'), so the cue may stand further back in its sentence.
void speaker_from_cue_before(const BlockContext& context, std::size_t open, const std::vector<Frame>& frames,
                             QuoteSpeaker& speaker) {
  const Tokens& tokens = context.tokens;
  const bool continues = open + 1 < tokens.size() && tokens[open + 1].word && !tokens[open + 1].capitalized &&
                         !tokens[open + 1].number;
  const std::size_t reach = continues ? 24 : 8;
  for (auto it = frames.rbegin(); it != frames.rend(); ++it) {
    if (it->kind != FrameKind::cue || it->at >= open) continue;
    if (open - it->cue_end > reach) return;
    for (std::size_t j = it->cue_end; j < open; ++j) {
      if (context.quote_of(j)) return;
    }
    speaker.speaker = it->source;
    speaker.cue = it->cue;
    speaker.hedged = it->hedged;
    return;
  }
}

// After it: '," he said', '", Saree said', '," said Khan', '," according to X'.
void speaker_from_cue_after(const BlockContext& context, const QuoteInfo& quote, Memory& memory,
                            QuoteSpeaker& speaker) {
  const Words& lists = words();
  const Tokens& tokens = context.tokens;
  std::size_t first = first_token_at_or_after(tokens, quote.quotation.outer.end);
  if (first < tokens.size() && is(tokens[first], ",")) ++first;
  // A quotation that closes its sentence takes a cue from the next one only
  // when that sentence is the cue alone ('..." Trump said.'); '... is
  // difficult." Police said a badge was used' reports something else.
  // The (last) sentence that starts at `first`, found by binary search: the
  // sentences start in order, and a walk over all of them per quotation made
  // a long one-block article quadratic (6 % of a 1 MiB block).
  const std::vector<Sentence>& sentences = context.sentences;
  const auto after = std::upper_bound(sentences.begin(), sentences.end(), first,
                                      [](std::size_t at, const Sentence& sentence) { return at < sentence.tokens.begin; });
  const std::size_t next_sentence_end =
      after != sentences.begin() && (after - 1)->tokens.begin == first ? (after - 1)->tokens.end : 0;
  const std::size_t limit = std::min(tokens.size(), first + 16);
  for (std::size_t k = first; k < limit; ++k) {
    if (is_punct(tokens[k]) && !is(tokens[k], ",") && !tokens[k].possessive) return;
    if (std::size_t n = lists.reporting_cues.match(tokens, k, limit)) {
      for (std::size_t j = k + n; j < next_sentence_end; ++j) {
        if (is_verb_like(tokens[j]) || is(tokens[j], "that") || is_quote_mark(tokens[j])) return;
      }
      Range phrase{first, k};
      // '," Ahmed Mahat, MSF's head of mission, said': the name before the description.
      for (std::size_t comma = first; comma < k; ++comma) {
        if (is(tokens[comma], ",") && is_pure_name(tokens, {first, comma})) {
          phrase.end = comma;
          break;
        }
      }
      if (phrase.empty()) phrase = phrase_after(tokens, k + n, std::min(tokens.size(), k + n + 8), 8);
      const Source source = classify_source(context.text, tokens, phrase, memory.registry);
      if (source.kind != SourceKind::none) {
        speaker.speaker = source;
        speaker.cue = context.text_of({k, k + n});
        remember_source(memory, source);
      }
      return;
    }
    if (is(tokens[k], "according") && k + 1 < limit && is(tokens[k + 1], "to")) {
      const Source source = classify_source(context.text, tokens, phrase_after(tokens, k + 2, limit), memory.registry);
      if (source.kind != SourceKind::none) {
        speaker.speaker = source;
        speaker.cue = "according to";
      }
      return;
    }
  }
}

// A paragraph that is wholly a quotation, after "X released a statement,";
// else a second quotation with no cue of its own continues the one before.
void speaker_carried(const BlockContext& context, std::size_t q, std::size_t open, const Memory& memory,
                     std::vector<QuoteSpeaker>& speakers) {
  QuoteSpeaker& speaker = speakers[q];
  // Headlines and captions are judged by their own words: no speaker carried into them.
  const bool own_words = context.kind == BlockKind::title || context.kind == BlockKind::heading ||
                         context.kind == BlockKind::caption;
  if (!speaker.speaker && open == 0 && memory.last_block_speaker && context.block > 0 && !own_words) {
    speaker.speaker = memory.last_block_speaker;
    speaker.cue = memory.last_block_cue;
    speaker.hedged = memory.last_block_hedged;
    speaker.carried = true;
  }
  if (speaker.speaker) return;
  std::size_t previous = q;
  while (previous > 0 && !context.quotes[previous - 1].speech) --previous;  // skip the short inline ones
  if (previous > 0 && speakers[previous - 1].speaker &&
      context.quotes[previous - 1].quotation.outer.end <= context.quotes[q].quotation.outer.begin) {
    speaker.speaker = speakers[previous - 1].speaker;
    speaker.cue = speakers[previous - 1].cue;
    speaker.hedged = speakers[previous - 1].hedged;
  }
}

}  // namespace

void find_speakers(const BlockContext& context, Range sentence, const std::vector<Frame>& frames, Memory& memory,
                   std::vector<QuoteSpeaker>& speakers) {
  const Tokens& tokens = context.tokens;
  const std::vector<QuoteInfo>& quotes = context.quotes;
  speakers.resize(quotes.size());
  const std::size_t sentence_begin = tokens[std::min(sentence.begin, tokens.size() - 1)].span.begin;
  const auto first_quote = std::lower_bound(quotes.begin(), quotes.end(), sentence_begin,
                                            [](const QuoteInfo& quote, std::size_t at) { return quote.quotation.outer.begin < at; });
  for (std::size_t q = static_cast<std::size_t>(first_quote - quotes.begin()); q < quotes.size(); ++q) {
    const QuoteInfo& quote = quotes[q];
    const std::size_t open = first_token_at_or_after(tokens, quote.quotation.outer.begin);
    if (open >= sentence.end) break;
    if (!quote.speech || speakers[q].speaker || open < sentence.begin) continue;
    speaker_from_cue_before(context, open, frames, speakers[q]);
    if (!speakers[q].speaker) speaker_from_cue_after(context, quote, memory, speakers[q]);
    speaker_carried(context, q, open, memory, speakers);
  }
}

}  // namespace whosays
