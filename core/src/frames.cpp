#include "frames.h"

#include <algorithm>
#include <optional>
#include <utility>

#include "noun_phrases.h"
#include "scopes.h"
#include "sources.h"
#include "speakers.h"
#include "start_words.h"
#include "words.h"

namespace whosays {

bool after_be(const Tokens& tokens, std::size_t k, std::size_t floor) {
  if (k < tokens.size() && text::ends_with(tokens[k].lower, "ing")) return false;  // is_ing_form, inline
  for (std::size_t back = 1; back <= 4 && k >= floor + back; ++back) {
    const Token& token = tokens[k - back];
    if (!token.word) return false;  // punctuation is no form of "be"
    if (is_be(token)) return true;
    if (is_verb_like(token) && !words().adverbs.contains(token)) return false;
  }
  return false;
}

std::size_t be_before(const Tokens& tokens, std::size_t k, std::size_t floor) {
  for (std::size_t back = 1; back <= 4 && k >= floor + back; ++back) {
    const Token& token = tokens[k - back];
    if (is_be(token) && !is(token, "being")) {
      std::size_t start = k - back;
      if (start > floor && (is(tokens[start - 1], "have") || is(tokens[start - 1], "has"))) --start;
      return start;
    }
  }
  return k;
}

bool object_of_cue(const Tokens& tokens, Range sentence, Range phrase) {
  return !phrase.empty() && phrase.begin > sentence.begin &&
         words().reporting_cues.match(tokens, phrase.begin - 1, phrase.begin) > 0;
}

namespace {

// The sentence at hand, with what the frame finders read and remember.
struct Scan {
  const BlockContext& context;
  Range sentence;
  Memory& memory;
  const Tokens& tokens() const { return context.tokens; }
  Source source(Range phrase) const {
    return classify_source(context.text, context.tokens, phrase, memory.registry);
  }
};

Frame frame_at(FrameKind kind, std::size_t at, std::size_t cue_end, std::string cue) {
  Frame frame;
  frame.kind = kind;
  frame.at = at;
  frame.cue_end = cue_end;
  frame.cue = std::move(cue);
  return frame;
}

// "NDRRMC report", "WHO figures" name NDRRMC and WHO; "reports" alone stays generic.
Range strip_trailing_report(const Tokens& tokens, Range range) {
  if (range.end - range.begin >= 2 && words().document_nouns.contains(tokens[range.end - 1]) &&
      tokens[range.end - 2].capitalized) {
    --range.end;
    // "a Reuters report" is Reuters's.
    if (is(tokens[range.begin], "a") || is(tokens[range.begin], "an")) ++range.begin;
  }
  return range;
}

// "the total reported casualties": a hedge on the figure itself.
std::optional<Frame> reported_figure(const Scan& scan, std::size_t k) {
  const Tokens& tokens = scan.tokens();
  const Range sentence = scan.sentence;
  if (!(is(tokens[k], "reported") && k + 1 < sentence.end &&
        words().casualty_words.match(tokens, k + 1, sentence.end) && k > sentence.begin &&
        is_determiner(tokens[k - 1]) == false && !is_verb_like(tokens[k - 1])))
    return std::nullopt;
  Frame frame = frame_at(FrameKind::hedge, k, k + 1, "reported");
  frame.scope = chunk_around(tokens, sentence, k);
  return frame;
}

// "according to X"; "according to a tally kept by the Association" is the
// document's author's word. Sets `end` to the token after the source.
std::optional<Frame> according_frame(const Scan& scan, std::size_t k, std::size_t& end) {
  const Tokens& tokens = scan.tokens();
  const Range sentence = scan.sentence;
  if (!(is(tokens[k], "according") && k + 1 < sentence.end && is(tokens[k + 1], "to"))) return std::nullopt;
  Frame frame = frame_at(FrameKind::according, k, k + 2, "according to");
  Range phrase = phrase_after(tokens, k + 2, sentence.end);
  // "according to traffic camera footage", "according to photos from the
  // scene": evidence, not a source (guide). The head comes before any preposition.
  for (std::size_t j = phrase.begin; j < phrase.end && !words().prepositions.contains(tokens[j]); ++j) {
    if (words().evidence_nouns.contains(tokens[j])) return std::nullopt;
  }
  if (!phrase.empty() && words().document_nouns.contains(tokens[phrase.end - 1])) {
    std::size_t by = phrase.end;
    if (by < sentence.end && is_verb_like(tokens[by])) ++by;  // "kept", "compiled"
    if (by + 1 < sentence.end && (is(tokens[by], "by") || is(tokens[by], "from")))
      phrase = phrase_after(tokens, by + 1, sentence.end);
  }
  frame.source = scan.source(strip_trailing_report(tokens, phrase));
  frame.scope = segment_around(tokens, sentence, k);
  end = phrase.end;
  // "according to a report citing the mayor's office": the report stays the
  // source; what it cites is part of the same frame, not a second cue.
  if (end + 1 < sentence.end && (words().participial_cues.contains(tokens[end]) || is(tokens[end], "quoting")))
    end = phrase_after(tokens, end + 1, sentence.end).end;
  return frame;
}

// "The ministry raised the death toll to 12", "put their own losses at six
// dead": a toll update by a named body.
std::optional<Frame> toll_frame(const Scan& scan, std::size_t k) {
  const Words& lists = words();
  const Tokens& tokens = scan.tokens();
  const Range sentence = scan.sentence;
  const std::size_t n = lists.toll_verbs.match(tokens, k, sentence.end);
  if (n == 0) return std::nullopt;
  bool toll = false;
  for (std::size_t j = k + n; j < std::min(sentence.end, k + n + 4); ++j) toll = toll || lists.toll_nouns.contains(tokens[j]);
  if (!toll) return std::nullopt;
  const Range subject = subject_before(tokens, sentence.begin, k);
  bool institutional = false;
  bool generic_word = false;  // "Tajik officials put their own losses at six"
  std::size_t capitals = 0;
  for (std::size_t j = subject.begin; j < subject.end; ++j) {
    institutional = institutional || lists.org_words.contains(tokens[j]) || lists.person_titles.contains(tokens[j]);
    generic_word = generic_word || lists.generic_sources.contains(tokens[j]);
    capitals += tokens[j].capitalized;
  }
  std::size_t head = subject.begin;
  while (head < subject.end && is_determiner(tokens[head])) ++head;
  const bool proper = head < subject.end && tokens[head].capitalized;
  if (!(proper && (institutional || capitals >= 2 || generic_word))) return std::nullopt;
  Frame frame = frame_at(FrameKind::toll, k, k + n, scan.context.text_of({k, k + n}));
  frame.source = scan.source(subject);
  frame.scope = chunk_around(tokens, sentence, k);
  return frame;
}

// "a prisoner, suspected to be X", "the deadliest attack, believed to have
// killed 40": the same agentless frame without its "be", set off by a comma
// and followed by an infinitive of "be" or "have".
bool reduced_passive(const Tokens& tokens, Range sentence, std::size_t k, std::size_t n) {
  if (!(k > sentence.begin && k + n + 1 < sentence.end && is(tokens[k + n], "to") &&
        (is(tokens[k + n + 1], "be") || is(tokens[k + n + 1], "have"))))
    return false;
  // "guerrillas presumed to be members of X": right after a noun, too; an
  // active "believe" needs an object before its "to" ("police believe him to be").
  const Token& before = tokens[k - 1];
  return is(before, ",") || (before.word && !before.number && !is_pronoun(before) && !is_verb_like(before) &&
                             !words().auxiliaries.contains(before) && !words().adverbs.contains(before));
}

// "were reported", "is believed": reported without saying by whom.
std::optional<Frame> passive_frame(const Scan& scan, std::size_t k) {
  const Tokens& tokens = scan.tokens();
  const Range sentence = scan.sentence;
  const std::size_t n = words().passive_cues.match(tokens, k, sentence.end);
  // "was reported missing" states a status (a missing person's report), no frame.
  if (n == 0 || !(after_be(tokens, k, sentence.begin) || reduced_passive(tokens, sentence, k, n)) ||
      (k + n < sentence.end && (is(tokens[k + n], "by") || is(tokens[k + n], "missing"))))
    return std::nullopt;
  Frame frame = frame_at(FrameKind::passive, k, k + n, scan.context.text_of({be_before(tokens, k, sentence.begin), k + n}));
  frame.scope = chunk_around(tokens, sentence, k);
  if (k + n < sentence.end && is(tokens[k + n], "that")) frame.scope.end = sentence.end;
  return frame;
}

// "Figures from the ministry show": a document cue with a document for subject.
// Returns true when the cue is a document's, whether or not it names a source.
bool document_frame(const Scan& scan, std::size_t k, std::vector<Frame>& frames) {
  const Words& lists = words();
  const Tokens& tokens = scan.tokens();
  const Range sentence = scan.sentence;
  if (!lists.document_cues.contains(tokens[k])) return false;
  const Range subject = subject_before(tokens, sentence.begin, k);
  bool document = false;
  for (std::size_t j = subject.begin; j + 1 < subject.end; ++j) {
    document = document || (lists.document_nouns.contains(tokens[j]) &&
                            (is(tokens[j + 1], "from") || is(tokens[j + 1], "by") || is(tokens[j + 1], "of")));
  }
  if (!document) return false;
  Frame frame = frame_at(FrameKind::cue, k, k + 1, std::string(tokens[k].lower));
  frame.source = scan.source(subject);
  frame.scope = {k + 1, segment_end(tokens, sentence, k)};
  if (frame.source.kind != SourceKind::none) {
    remember_source(scan.memory, frame.source);
    frames.push_back(std::move(frame));
  }
  return true;
}

// A reporting word used as a noun ("claims of", "the reports", "multiple
// reports", "its estimates") or a publication ("videos posted on social
// media"): no frame.
bool reporting_noun(const Tokens& tokens, Range sentence, std::size_t k, std::size_t n) {
  const Words& lists = words();
  const Token& token = tokens[k];
  if (k + n < sentence.end && is(tokens[k + n], "of")) return true;
  if (n == 1 && lists.published_participles.contains(token) && k + n < sentence.end &&
      (is(tokens[k + n], "on") || is(tokens[k + n], "in") || is(tokens[k + n], "by") || is(tokens[k + n], "online")))
    return true;
  if (k == sentence.begin) return false;
  const Token& before = tokens[k - 1];
  // "by saying they forgave him", "after stating that": a gerund after a
  // preposition is still the verb, its speaker the sentence's subject.
  if (lists.participial_cues.contains(token) && lists.prepositions.contains(before)) return false;
  const bool noun_form = lists.report_nouns.contains(token);
  return is_determiner(before) || is(before, "to") || lists.prepositions.contains(before) ||
         (noun_form && (lists.report_noun_modifiers.contains(before) || before.possessive ||
                        is_possessive_pronoun(before)));
}

// Inverted: ", said Khan", ", stated Minister X", ", said the mayor, Jiri Novak".
std::optional<Frame> inverted_cue(const Scan& scan, Frame frame, std::size_t k, std::size_t n) {
  const Words& lists = words();
  const Tokens& tokens = scan.tokens();
  const Range sentence = scan.sentence;
  Range phrase = phrase_after(tokens, k + n, sentence.end, 8);
  const bool ends_there = phrase.end >= sentence.end || is_punct(tokens[phrase.end]);
  bool named = false;
  for (std::size_t j = phrase.begin; j < phrase.end; ++j) {
    named = named || tokens[j].capitalized || lists.person_titles.contains(tokens[j]) ||
            lists.institutions.contains(tokens[j]);
  }
  if (!ends_there || !named) return std::nullopt;
  if (phrase.end + 1 < sentence.end && is(tokens[phrase.end], ",")) {
    const Range name = phrase_after(tokens, phrase.end + 1, sentence.end, 6);
    if (is_pure_name(tokens, name) && is_description(tokens, phrase)) phrase = name;
  }
  frame.source = scan.source(phrase);
  frame.postposed = true;
  frame.scope = {segment_around(tokens, sentence, k).begin, k};
  return frame;
}

// "..., X said." or "..., officials told state media, adding ...": a cue late
// in its clause, after the claim, with a few words of setting and no content.
std::optional<Frame> postposed_cue(const Scan& scan, Frame frame, Range subject, std::size_t k, std::size_t n) {
  const Words& lists = words();
  const Tokens& tokens = scan.tokens();
  const Range sentence = scan.sentence;
  // "Speaking outside the hospital, where he is treated, Bamford said: ...":
  // a cue before a colon introduces what follows; what precedes is setting.
  if (k + n < sentence.end && is(tokens[k + n], ":")) {
    frame.scope = {k + n + 1, sentence.end};
    return frame;
  }
  const Range chunk = chunk_around(tokens, sentence, k);
  bool complement = false;
  std::size_t words_after = 0;
  for (std::size_t j = k + n; j < chunk.end; ++j) {
    if (is(tokens[j], "that") || is_verb_like(tokens[j]) || (!tokens[j].word && is_quote_mark(tokens[j])) ||
        lists.casualty_words.match(tokens, j, chunk.end))
      complement = true;
    words_after += tokens[j].word;
  }
  // "..., X told a news conference in Guadalajara.": setting, not content.
  const bool late_in_chunk = words_after <= 7;
  if (!(subject.begin > sentence.begin && chunk.begin > sentence.begin && late_in_chunk && !complement &&
        chunk.end <= sentence.end)) {
    frame.scope = complement_scope(tokens, sentence, k + n);
    return frame;
  }
  // "..., charges the government denies": a denial is no source for what it denies.
  if (lists.denials.contains(tokens[k])) return std::nullopt;
  frame.postposed = true;
  const Range segment = segment_around(tokens, sentence, k);
  std::size_t last = segment.end;
  while (last > chunk.end && is_punct(tokens[last - 1])) --last;
  // ", the ministry said, a coalition raid killed ...": a parenthesis governs both sides.
  // "..., X said outside the hospital, where he was treated": a relative clause
  // on the setting is the writer's description.
  const bool parenthesis = last > chunk.end && !describes_before(tokens, sentence, chunk.end);
  frame.scope = {segment.begin, parenthesis ? segment.end : subject.begin};
  return frame;
}

// A reporting verb at k: its source and the stretch it governs.
std::optional<Frame> cue_frame(const Scan& scan, std::size_t k, std::size_t n, const std::vector<Frame>& earlier) {
  const Words& lists = words();
  const Tokens& tokens = scan.tokens();
  const Range sentence = scan.sentence;
  const Token& token = tokens[k];
  if (reporting_noun(tokens, sentence, k, n)) return std::nullopt;
  Frame frame = frame_at(FrameKind::cue, k, k + n, scan.context.text_of({k, k + n}));
  // Passive with an agent: "he was told by Emergencies Minister X".
  if (after_be(tokens, k, sentence.begin)) {
    if (!(k + n < sentence.end && is(tokens[k + n], "by"))) return std::nullopt;
    frame.source = scan.source(phrase_after(tokens, k + n + 1, sentence.end));
    frame.scope = {k + n, sentence.end};
    return frame;
  }
  // A hedge right before the verb: "reportedly said".
  for (std::size_t j = k; j > sentence.begin && j + 3 > k; --j) {
    if (lists.hedges.contains(tokens[j - 1])) frame.hedged = true;
  }
  Range subject = subject_before(tokens, sentence.begin, k);
  const bool participial = lists.participial_cues.contains(token);
  if (participial && object_of_cue(tokens, sentence, subject)) subject = {};
  if (participial && k > sentence.begin && lists.prepositions.contains(tokens[k - 1])) subject = {};  // "by saying"
  if (subject.empty() && participial) {
    // "..., saying ...": the sentence's speaker.
    frame.source = speaker_before(scan.context, sentence, k, earlier, scan.memory.registry);
    frame.scope = {k + n, segment_end(tokens, sentence, k)};
    return frame;
  }
  if (k > sentence.begin && (is(tokens[k - 1], "but") || is(tokens[k - 1], "and"))) {
    // "Russia's defence ministry did not comment but said ...": the sentence's subject.
    frame.source = speaker_before(scan.context, sentence, k, earlier, scan.memory.registry);
    if (frame.source.kind == SourceKind::none) return std::nullopt;
    frame.scope = {k + n, segment_end(tokens, sentence, k + n < sentence.end ? k + n : k)};
    return frame;
  }
  if (subject.empty() && k > sentence.begin && (is(tokens[k - 1], ",") || is_quote_mark(tokens[k - 1])))
    return inverted_cue(scan, std::move(frame), k, n);
  if (subject.empty()) return std::nullopt;
  if (object_of_cue(tokens, sentence, subject)) return std::nullopt;  // "claimed ... in a statement posted on Telegram"
  frame.source = scan.source(subject);
  if (frame.source.kind == SourceKind::none) return std::nullopt;
  return postposed_cue(scan, std::move(frame), subject, k, n);
}

// "the United States", "Port Said": a reporting word written with a capital
// right after another capitalised word, in a sentence of ordinary prose, is
// the end of a name, not a verb. Title-case headlines and all-capitals text
// capitalise every word, so there a capital says nothing.
bool cue_inside_name(const Tokens& tokens, Range sentence, std::size_t k) {
  if (k <= sentence.begin || !tokens[k].capitalized || !tokens[k - 1].capitalized || !tokens[k - 1].word) return false;
  std::size_t words_seen = 0;
  std::size_t capitals = 0;
  for (std::size_t j = sentence.begin; j < sentence.end; ++j) {
    words_seen += tokens[j].word;
    capitals += tokens[j].word && tokens[j].capitalized;
  }
  return capitals * 2 < words_seen;
}

// "Police: 12 killed in raid", "Poll: Clinton and Trump in dead heat": in a
// title, heading or caption a short source phrase and a colon is the
// headline's way of writing "X says". The phrase must be able to speak (an
// institution, a generic source, a document, a person's name): "Update:" and
// "Watch:" are labels.
std::optional<Frame> headline_colon(const Scan& scan) {
  const BlockContext& context = scan.context;
  const Tokens& tokens = scan.tokens();
  const Range sentence = scan.sentence;
  if (!(context.kind == BlockKind::title || context.kind == BlockKind::heading || context.kind == BlockKind::caption))
    return std::nullopt;
  std::size_t colon = sentence.begin;
  while (colon < sentence.end && colon < sentence.begin + 5 && tokens[colon].word) ++colon;
  if (colon == sentence.begin || colon + 1 >= sentence.end || !is(tokens[colon], ":")) return std::nullopt;
  const Words& lists = words();
  const Range phrase{sentence.begin, colon};
  bool speaks = looks_like_person(tokens, phrase) && phrase.end - phrase.begin >= 2;
  for (std::size_t j = phrase.begin; j < phrase.end; ++j) {
    speaks = speaks || lists.institutions.contains(tokens[j]) || lists.generic_sources.contains(tokens[j]) ||
             lists.document_nouns.contains(tokens[j]) || lists.person_titles.contains(tokens[j]);
  }
  if (!speaks) return std::nullopt;
  Frame frame = frame_at(FrameKind::cue, colon, colon + 1, ":");
  frame.source = scan.source(phrase);
  if (frame.source.kind == SourceKind::none) return std::nullopt;
  frame.scope = {colon + 1, sentence.end};
  return frame;
}

// The writer's own stretch inside any other frame: nobody is its source. `at`
// is where it attaches (the comma before "who", the cue a dating clause follows).
Frame writer_frame(Range clause, std::size_t at) {
  Frame frame = frame_at(FrameKind::writer, at, at, std::string());
  frame.scope = clause;
  return frame;
}

}  // namespace

void find_frames(const BlockContext& context, Range sentence, Memory& memory, std::vector<Frame>& frames) {
  const Words& lists = words();
  const Tokens& tokens = context.tokens;
  const Scan scan{context, sentence, memory};
  frames.clear();
  if (auto frame = headline_colon(scan)) frames.push_back(std::move(*frame));
  if (continues_statement(memory, context)) {
    // The paragraphs of a statement introduced with a colon are its speaker's.
    Frame frame = frame_at(FrameKind::cue, sentence.begin, sentence.begin, memory.statement_cue);
    frame.source = *memory.statement_speaker;
    frame.scope = sentence;
    frames.push_back(std::move(frame));
  }
  const StartWords& starts = frame_start_words();  // each finder's first test (start_words.cpp)
  for (std::size_t k = sentence.begin; k < sentence.end; ++k) {
    if (!tokens[k].word || !starts.may_start(tokens, k, sentence.end) || context.quote_of(k)) continue;
    if (std::size_t n = lists.hedges.match(tokens, k, sentence.end)) {
      Frame frame = frame_at(FrameKind::hedge, k, k + n, context.text_of({k, k + n}));
      frame.scope = hedge_scope(tokens, sentence, k, k + n);
      frames.push_back(std::move(frame));
      k += n - 1;
      continue;
    }
    if (auto frame = reported_figure(scan, k)) {
      frames.push_back(std::move(*frame));
      continue;
    }
    std::size_t source_end = 0;
    if (auto frame = is(tokens[k], "according") ? according_frame(scan, k, source_end) : std::nullopt) {
      remember_source(memory, frame->source);
      frames.push_back(std::move(*frame));
      k = std::max(k, source_end == 0 ? k : source_end - 1);
      continue;
    }
    if (auto frame = toll_frame(scan, k)) frames.push_back(std::move(*frame));
    if (auto frame = passive_frame(scan, k)) {
      frames.push_back(std::move(*frame));
      continue;
    }
    if (document_frame(scan, k, frames)) continue;
    if (lists.speech_act_blame.match(tokens, k, sentence.end) > 0 && !after_be(tokens, k, sentence.begin)) {
      // "X rejected the accusations. It said ...": X is who "it" means next.
      remember_source(memory, scan.source(subject_before(tokens, sentence.begin, k)));
    }
    if (is(tokens[k], "who") || is(tokens[k], "whose")) {  // identifying_clause's first test, before its call
      if (const Range clause = identifying_clause(tokens, sentence, k); !clause.empty())
        frames.push_back(writer_frame(clause, k - 1));
    }
    if (std::size_t n = lists.reporting_cues.match(tokens, k, sentence.end)) {
      if (cue_inside_name(tokens, sentence, k)) continue;
      if (auto frame = cue_frame(scan, k, n, frames)) {
        remember_source(memory, frame->source);
        frames.push_back(std::move(*frame));
      }
      const Range clause = dating_clause(tokens, sentence, k + n);
      if (!clause.empty() && !reporting_noun(tokens, sentence, k, n)) frames.push_back(writer_frame(clause, k));
      k += n - 1;
    }
  }
}

}  // namespace whosays
