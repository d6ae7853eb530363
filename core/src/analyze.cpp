// The analysis: claims found clause by clause, then judged for attribution.
//
// A block is cut into sentences, a sentence into clauses (split_clauses),
// and clauses are grouped back into claim-sized pieces: a predicate without
// its subject ("were hospitalized") joins the clause before it, a list
// ("150 security forces, 95 civilians, and hundreds ... killed") joins the
// clause it leads into. Each group with a casualty or responsibility trigger
// is a claim. Reporting frames ("X said", "according to X", "reportedly",
// "were reported", a quotation's speaker) are found per sentence and decide
// each claim's status and source.
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "phrases.h"
#include "text.h"
#include "whosays/analyze.h"
#include "whosays/segment.h"
#include "words.h"

namespace whosays {
namespace {

using namespace phrases;

// ---------------------------------------------------------------------------
// Frames: who a stretch of a sentence is attributed to
// ---------------------------------------------------------------------------

enum class FrameKind { cue, according, passive, hedge, speech_act, toll };

struct Frame {
  FrameKind kind = FrameKind::cue;
  std::size_t at = 0;        // token index of the cue
  std::size_t cue_end = 0;   // token index after the cue
  Source source;
  bool hedged = false;       // "reportedly said"
  bool postposed = false;    // "..., X said."
  std::string cue;
  Range scope;               // tokens it governs
};

// ---------------------------------------------------------------------------
// The analyzer of one document
// ---------------------------------------------------------------------------

struct Group {
  Range tokens;
  bool casualty = false;
  bool responsibility = false;
  std::size_t trigger = 0;       // first trigger token
  std::string agent;
  std::string target;
  std::optional<Frame> own;      // a speech act that is itself the frame ("Turkey condemned")
  bool identified_vague = false; // "The attacker, identified as X"
  bool frame_only = false;
  bool hedge_start = false;
  bool hard_start = false;       // after ";", "but", a split "and"
  bool in_quote = false;
  std::size_t quote = 0;
  bool verb_start = false;
  bool nominal = false;
};

struct QuoteInfo {
  Quotation quotation;
  Range tokens;
  bool speech = false;
  std::optional<Source> speaker;
  std::string cue;
  bool hedged = false;
  bool carried = false;
};

class Analyzer {
 public:
  explicit Analyzer(const Document& document) : document_(document) {}

  Analysis run() {
    Analysis analysis;
    for (std::size_t b = 0; b < document_.blocks.size(); ++b) analyze_block(b, analysis);
    for (const Claim& claim : analysis.claims) {
      Summary& s = analysis.summary;
      ++s.claims;
      if (claim.status == Status::attributed) ++s.attributed;
      if (claim.status == Status::vague) ++s.vague;
      if (claim.status == Status::unattributed) ++s.unattributed;
      if (claim.casualty) ++s.casualty;
      if (claim.responsibility) ++s.responsibility;
    }
    return analysis;
  }

 private:
  const Document& document_;
  Registry registry_;
  std::optional<Source> last_block_speaker_;  // for a paragraph that is wholly a quotation
  std::string last_block_cue_;
  bool last_block_hedged_ = false;

  std::string_view block_;
  Tokens tokens_;
  std::vector<QuoteInfo> quotes_;
  std::vector<Quantity> quantities_;
  bool sentence_has_animal_ = false;  // a jackal's death is not a casualty
  const std::vector<Frame>* sentence_frames_ = nullptr;  // pass 2: the frames of the sentence at hand

  std::string text_of(Range r) const {
    const Span s = span_of(tokens_, r);
    return std::string(block_.substr(s.begin, s.size()));
  }

  // The outermost speech quotation (four words or more) holding token k.
  std::optional<std::size_t> quote_of(std::size_t k) const {
    if (k >= token_quote_.size() || token_quote_[k] == kNoQuote) return std::nullopt;
    return token_quote_[k];
  }

  static constexpr std::size_t kNoQuote = static_cast<std::size_t>(-1);
  std::vector<std::size_t> token_quote_;     // per token: index into quotes_, or kNoQuote
  std::vector<std::size_t> count_prefix_;    // per token: count quantities starting before it
  std::vector<std::size_t> quantity_at_;     // per token: first quantity starting at or after it

  void index_block() {
    // Quotations are sorted by start, outer before inner: the first one that
    // claims a token is its outermost.
    token_quote_.assign(tokens_.size(), kNoQuote);
    for (std::size_t q = 0; q < quotes_.size(); ++q) {
      if (!quotes_[q].speech) continue;
      const std::size_t first = quotes_[q].tokens.begin;
      if (first < tokens_.size() && token_quote_[first] != kNoQuote) continue;  // nested: the outer one holds it
      for (std::size_t k = quotes_[q].tokens.begin; k < quotes_[q].tokens.end && k < tokens_.size(); ++k) {
        if (token_quote_[k] == kNoQuote) token_quote_[k] = q;
      }
    }
    // quantity_at_[k]: the first quantity that starts at or after token k;
    // count_prefix_[k]: how many count quantities start before token k.
    quantity_at_.assign(tokens_.size() + 1, quantities_.size());
    count_prefix_.assign(tokens_.size() + 1, 0);
    std::size_t q = 0;
    for (std::size_t k = 0; k < tokens_.size(); ++k) {
      while (q < quantities_.size() && quantities_[q].span.begin < tokens_[k].span.begin) {
        count_prefix_[k] += quantities_[q].kind == QuantityKind::count;
        ++q;
      }
      quantity_at_[k] = q;
      count_prefix_[k + 1] = count_prefix_[k];
    }
    while (q < quantities_.size()) count_prefix_[tokens_.size()] += quantities_[q++].kind == QuantityKind::count;
  }

  void analyze_block(std::size_t b, Analysis& analysis) {
    const Block& block = document_.blocks[b];
    block_ = block.text;
    tokens_ = text::tokenize(block_, {0, block_.size()});
    quantities_ = find_quantities(block_);
    if (block.kind == BlockKind::dateline) return;

    quotes_.clear();
    std::vector<std::size_t> words_before(tokens_.size() + 1, 0);
    for (std::size_t k = 0; k < tokens_.size(); ++k) words_before[k + 1] = words_before[k] + tokens_[k].word;
    std::vector<Quotation> quotations = find_quotations(block_);
    const Span body = text::trim(block_, {0, block_.size()});
    if (block.kind == BlockKind::quote && !body.empty() &&
        (quotations.empty() || quotations.front().outer.begin != body.begin)) {
      // A block quote without marks: the whole block is the quotation.
      quotations.insert(quotations.begin(), Quotation{{0, block_.size()}, {0, block_.size()}});
    }
    for (const Quotation& q : quotations) {
      QuoteInfo info;
      info.quotation = q;
      info.tokens = {first_token_at_or_after(tokens_, q.inner.begin), first_token_at_or_after(tokens_, q.inner.end)};
      info.speech = words_before[info.tokens.end] - words_before[info.tokens.begin] >= 4;
      quotes_.push_back(info);
    }
    index_block();
    std::vector<Quotation> speech_quotes;
    for (const QuoteInfo& q : quotes_) {
      if (q.speech) speech_quotes.push_back(q.quotation);
    }

    const std::vector<Span> sentences = cap_sentences(split_sentences(block_));
    std::vector<std::vector<Frame>> frames(sentences.size());
    std::vector<Range> sentence_tokens(sentences.size());
    for (std::size_t s = 0; s < sentences.size(); ++s) {
      sentence_tokens[s] = {first_token_at_or_after(tokens_, sentences[s].begin),
                            first_token_at_or_after(tokens_, sentences[s].end)};
    }
    // Pass 1: frames and quotation speakers in reading order, so that "He
    // added" finds the name registered by the sentence before.
    for (std::size_t s = 0; s < sentences.size(); ++s) {
      register_subject(sentence_tokens[s]);
      frames[s] = find_frames(sentence_tokens[s]);
      find_speakers(sentence_tokens[s], frames[s], b);
    }
    // Pass 2: claims.
    for (std::size_t s = 0; s < sentences.size(); ++s) {
      sentence_frames_ = &frames[s];
      sentence_has_animal_ = false;
      for (std::size_t k = sentence_tokens[s].begin; k < sentence_tokens[s].end; ++k) {
        sentence_has_animal_ = sentence_has_animal_ || words().animals.contains(tokens_[k].lower);
      }
      const std::vector<Span> clauses = split_clauses(block_, sentences[s], speech_quotes);
      std::vector<Group> groups = group_clauses(clauses, sentence_tokens[s]);
      for (Group& g : groups) {
        if (!(g.casualty || g.responsibility)) continue;
        analysis.claims.push_back(judge(b, g, frames[s], sentence_tokens[s]));
      }
    }
    // Remember how this block ends, for a following all-quotation paragraph.
    last_block_speaker_.reset();
    last_block_cue_.clear();
    last_block_hedged_ = false;
    if (!sentences.empty() && !frames.back().empty()) {
      const Frame& f = frames.back().back();
      if (f.kind == FrameKind::cue && f.source.kind != SourceKind::none) {
        last_block_speaker_ = f.source;
        last_block_cue_ = f.cue;
        last_block_hedged_ = f.hedged;
      }
    }
    const Span tail = text::trim(block_, {0, block_.size()});
    if (tail.empty() || (block_[tail.end - 1] != ',' && block_[tail.end - 1] != ':')) last_block_speaker_.reset();
  }

  // Splits run-on sentences so that every per-sentence step is bounded and
  // the whole analysis stays linear in the article's length.
  std::vector<Span> cap_sentences(const std::vector<Span>& sentences) const {
    constexpr std::size_t kMaxTokens = 300;
    std::vector<Span> out;
    for (const Span& sentence : sentences) {
      std::size_t begin = first_token_at_or_after(tokens_, sentence.begin);
      const std::size_t end = first_token_at_or_after(tokens_, sentence.end);
      std::size_t start_offset = sentence.begin;
      while (end - begin > kMaxTokens) {
        std::size_t cut = begin + kMaxTokens;
        for (std::size_t k = begin + kMaxTokens; k > begin + kMaxTokens / 4; --k) {
          if (is_comma_like(tokens_[k])) {
            cut = k + 1;
            break;
          }
        }
        out.push_back({start_offset, tokens_[cut - 1].span.end});
        start_offset = tokens_[cut].span.begin;
        begin = cut;
      }
      out.push_back({start_offset, sentence.end});
    }
    return out;
  }

  // A person named as a sentence's subject ("Emmanuel Tshilumba, who led ...,
  // died") is who a later "he" means, even if never quoted.
  void register_subject(Range sentence) {
    std::size_t end = sentence.begin;
    while (end < sentence.end && tokens_[end].capitalized && end - sentence.begin < 4) ++end;
    const Range name{sentence.begin, end};
    if (end - sentence.begin < 2 || is_determiner(tokens_[sentence.begin]) || !is_pure_name(tokens_, name) ||
        !looks_like_person(tokens_, name))
      return;
    if (end < sentence.end && (tokens_[end].possessive || words().reporting_cues.contains(tokens_[end].lower))) return;
    Source subject;
    subject.kind = SourceKind::named;
    subject.text = text_of(name);
    subject.phrase = subject.text;
    subject.person = true;
    register_source(subject);
  }

  void register_source(const Source& source) {
    if (source.resolved || (source.kind != SourceKind::named && source.kind != SourceKind::generic)) return;
    Registry::Entry entry;
    entry.text = source.text;
    entry.generic = source.kind == SourceKind::generic;
    const Tokens t = text::tokenize(source.text, {0, source.text.size()});
    for (auto it = t.rbegin(); it != t.rend(); ++it) {
      if (it->word && !it->possessive) {
        entry.last_word = it->lower;
        break;
      }
    }
    entry.person = source.person;
    if (entry.generic) {
      // "a teacher", "an eyewitness" are one person; "officials" are "they".
      const std::string folded = text::fold(source.text);
      entry.person = folded.rfind("a ", 0) == 0 || folded.rfind("an ", 0) == 0 || folded.rfind("one ", 0) == 0;
    }
    registry_.entries.push_back(entry);
    // Only recent sources are referred back to; keep look-ups bounded.
    constexpr std::size_t kKeep = 64;
    if (registry_.entries.size() > 2 * kKeep) {
      registry_.entries.erase(registry_.entries.begin(), registry_.entries.end() - kKeep);
    }
  }

  // A passive participle after a form of "be" ("was killed", "were reported");
  // "are bombing" is a progressive, not a passive.
  bool after_be(std::size_t k, std::size_t floor) const {
    if (k < tokens_.size() && ends_with(tokens_[k].lower, "ing")) return false;
    for (std::size_t back = 1; back <= 4 && k >= floor + back; ++back) {
      const Token& t = tokens_[k - back];
      if (is_be(t)) return true;
      if (!t.word || (is_verb_like(t) && !words().adverbs.contains(t.lower))) return false;
    }
    return false;
  }

  // Every reporting frame of one sentence, outside speech quotations.
  std::vector<Frame> find_frames(Range sentence) {
    const Words& w = words();
    std::vector<Frame> frames;
    const auto in_speech = [&](std::size_t k) { return quote_of(k).has_value(); };
    // Sentence-initial hedge: "Reportedly, ..."
    for (std::size_t k = sentence.begin; k < sentence.end; ++k) {
      if (in_speech(k)) continue;
      const Token& t = tokens_[k];
      if (!t.word) continue;
      if (std::size_t n = w.hedges.match(tokens_, k, sentence.end)) {
        Frame f;
        f.kind = FrameKind::hedge;
        f.at = k;
        f.cue_end = k + n;
        f.cue = text_of({k, k + n});
        f.scope = hedge_scope(sentence, k, k + n);
        frames.push_back(f);
        k += n - 1;
        continue;
      }
      // "the total reported casualties": a hedge on the figure itself.
      if (is(t, "reported") && k + 1 < sentence.end && w.casualty_words.match(tokens_, k + 1, sentence.end) &&
          k > sentence.begin && is_determiner(tokens_[k - 1]) == false && !is_verb_like(tokens_[k - 1])) {
        Frame f;
        f.kind = FrameKind::hedge;
        f.at = k;
        f.cue_end = k + 1;
        f.cue = "reported";
        f.scope = chunk_around(sentence, k);
        frames.push_back(f);
        continue;
      }
      if (is(t, "according") && k + 1 < sentence.end && is(tokens_[k + 1], "to")) {
        Frame f;
        f.kind = FrameKind::according;
        f.at = k;
        f.cue_end = k + 2;
        f.cue = "according to";
        Range np = phrase_after(tokens_, k + 2, sentence.end);
        // "according to a tally kept by the Association": the document's author.
        if (!np.empty() && w.document_nouns.contains(tokens_[np.end - 1].lower)) {
          std::size_t by = np.end;
          if (by < sentence.end && is_verb_like(tokens_[by])) ++by;  // "kept", "compiled"
          if (by + 1 < sentence.end && (is(tokens_[by], "by") || is(tokens_[by], "from")))
            np = phrase_after(tokens_, by + 1, sentence.end);
        }
        f.source = classify_source(block_, tokens_, strip_trailing_report(np), registry_);
        f.scope = segment_around(sentence, k);
        frames.push_back(f);
        register_source(f.source);
        k = std::max(k, np.end == 0 ? k : np.end - 1);
        continue;
      }
      if (std::size_t n = w.toll_verbs.match(tokens_, k, sentence.end)) {
        bool toll = false;
        // "increased the death toll", "put their own losses at six dead"
        for (std::size_t j = k + n; j < std::min(sentence.end, k + n + 4); ++j) {
          toll = toll || is(tokens_[j], "toll") || is(tokens_[j], "losses") || is(tokens_[j], "casualties");
        }
        if (toll) {
          const Range subject = subject_before(tokens_, sentence.begin, k);
          bool institutional = false;
          std::size_t capitals = 0;
          for (std::size_t j = subject.begin; j < subject.end; ++j) {
            institutional = institutional || w.org_words.contains(tokens_[j].lower) ||
                            w.person_titles.contains(tokens_[j].lower);
            capitals += tokens_[j].capitalized;
          }
          std::size_t head = subject.begin;
          while (head < subject.end && is_determiner(tokens_[head])) ++head;
          const bool proper = head < subject.end && tokens_[head].capitalized;
          bool generic_word = false;  // "Tajik officials put their own losses at six"
          for (std::size_t j = subject.begin; j < subject.end; ++j) generic_word = generic_word || w.generic_sources.contains(tokens_[j].lower);
          if (proper && (institutional || capitals >= 2 || generic_word)) {
            Frame f;
            f.kind = FrameKind::toll;
            f.at = k;
            f.cue_end = k + n;
            f.cue = text_of({k, k + n});
            f.source = classify_source(block_, tokens_, subject, registry_);
            f.scope = chunk_around(sentence, k);
            frames.push_back(f);
          }
        }
      }
      if (std::size_t n = w.passive_cues.match(tokens_, k, sentence.end)) {
        if (after_be(k, sentence.begin) && !(k + n < sentence.end && is(tokens_[k + n], "by"))) {
          Frame f;
          f.kind = FrameKind::passive;
          f.at = k;
          f.cue_end = k + n;
          f.cue = text_of({be_before(k, sentence.begin), k + n});
          f.scope = chunk_around(sentence, k);
          if (k + n < sentence.end && is(tokens_[k + n], "that")) f.scope.end = sentence.end;
          frames.push_back(f);
          continue;
        }
      }
      if (w.document_cues.contains(t.lower)) {
        // Only with a document for subject: "Figures from the ministry show".
        const Range subject = subject_before(tokens_, sentence.begin, k);
        bool document = false;
        for (std::size_t j = subject.begin; j + 1 < subject.end; ++j) {
          document = document || (w.document_nouns.contains(tokens_[j].lower) &&
                                  (is(tokens_[j + 1], "from") || is(tokens_[j + 1], "by") || is(tokens_[j + 1], "of")));
        }
        if (document) {
          Frame f;
          f.kind = FrameKind::cue;
          f.at = k;
          f.cue_end = k + 1;
          f.cue = t.lower;
          f.source = classify_source(block_, tokens_, subject, registry_);
          f.scope = {k + 1, segment_around(sentence, k).end};
          if (f.source.kind != SourceKind::none) {
            frames.push_back(f);
            register_source(f.source);
          }
          continue;
        }
      }
      if (w.speech_act_blame.match(tokens_, k, sentence.end) > 0 && !after_be(k, sentence.begin)) {
        // "X rejected the accusations. It said ...": X is who "it" means next.
        register_source(classify_source(block_, tokens_, subject_before(tokens_, sentence.begin, k), registry_));
      }
      if (std::size_t n = w.reporting_cues.match(tokens_, k, sentence.end)) {
        if (auto f = cue_frame(sentence, k, n, frames)) {
          frames.push_back(*f);
          register_source(f->source);
        }
        k += n - 1;
        continue;
      }
    }
    return frames;
  }

  std::size_t be_before(std::size_t k, std::size_t floor) const {
    for (std::size_t back = 1; back <= 4 && k >= floor + back; ++back) {
      const Token& t = tokens_[k - back];
      if (is_be(t) && !is(t, "being")) {
        std::size_t start = k - back;
        if (start > floor && (is(tokens_[start - 1], "have") || is(tokens_[start - 1], "has"))) --start;
        return start;
      }
    }
    return k;
  }

  // "NDRRMC report" names NDRRMC; "reports" alone stays generic.
  Range strip_trailing_report(Range r) const {
    if (r.end - r.begin >= 2 && words().document_nouns.contains(tokens_[r.end - 1].lower) && tokens_[r.end - 2].capitalized)
      --r.end;  // "NDRRMC report", "WHO figures"
    return r;
  }

  // The clause (between separators) around token k.
  Range chunk_around(Range sentence, std::size_t k) const {
    Range r{k, k};
    while (r.begin > sentence.begin && !is_comma_like(tokens_[r.begin - 1]) && !is(tokens_[r.begin - 1], "but"))
      --r.begin;
    while (r.end < sentence.end && !is_comma_like(tokens_[r.end]) && !(r.end > k && is(tokens_[r.end], "but")))
      ++r.end;
    return r;
  }

  // The part of the sentence between hard boundaries (";", "but", ", while").
  Range segment_around(Range sentence, std::size_t k) const {
    Range r{k, k};
    // ", while" is no boundary here: "X said 61 were rescued, while 23 were missing"
    // is one report; a second source after it has a nearer frame anyway.
    const auto hard = [&](std::size_t j) {
      return is(tokens_[j], ";") || is(tokens_[j], "but") || is(tokens_[j], "whereas");
    };
    while (r.begin > sentence.begin && !hard(r.begin - 1)) --r.begin;
    while (r.end < sentence.end && !hard(r.end)) ++r.end;
    return r;
  }

  Range hedge_scope(Range sentence, std::size_t at, std::size_t end) const {
    // Sentence-initial: the whole sentence.
    std::size_t first = sentence.begin;
    while (first < sentence.end && is_quote_mark(tokens_[first])) ++first;
    if (at == first) return sentence;
    Range chunk = chunk_around(sentence, at);
    // A parenthetical hedge (", by early reports,") governs the clause after it.
    std::size_t last = sentence.end;
    while (last > sentence.begin && is_punct(tokens_[last - 1])) --last;
    if (chunk.begin == at && chunk.end >= end && end >= last && chunk.begin > sentence.begin + 1) {
      // At the end ("..., according to the reports."): the clause before it.
      const Range previous = chunk_around(sentence, chunk.begin - 2);
      return {previous.begin, end};
    }
    if (chunk.begin == at && chunk.end == end && chunk.end < sentence.end) {
      Range next = chunk_around(sentence, chunk.end + 1 < sentence.end ? chunk.end + 1 : chunk.end);
      return {at, next.end};
    }
    // Inside a clause it governs what follows it there ("reportedly from glass").
    return {at, chunk.end};
  }

  // A reporting verb at k: its source and the stretch it governs.
  std::optional<Frame> cue_frame(Range sentence, std::size_t k, std::size_t n, const std::vector<Frame>& earlier) {
    const Words& w = words();
    const Token& t = tokens_[k];
    // Nouns, not verbs: "claims of", "the reports", "multiple reports".
    if (k + n < sentence.end && is(tokens_[k + n], "of")) return std::nullopt;
    // "videos posted on social media", "a statement posted on Telegram": a document, not a report.
    if (n == 1 && w.published_participles.contains(t.lower) && k + n < sentence.end &&
        (is(tokens_[k + n], "on") || is(tokens_[k + n], "in") || is(tokens_[k + n], "by") || is(tokens_[k + n], "online")))
      return std::nullopt;
    if (k > sentence.begin) {
      const Token& before = tokens_[k - 1];
      const bool noun_form = is(t, "reports") || is(t, "report") || is(t, "claims") || is(t, "claim") ||
                             is(t, "estimates") || is(t, "says");
      if (is_determiner(before) || is(before, "to") || words().prepositions.contains(before.lower) ||
          (noun_form && (is(before, "multiple") || is(before, "early") || is(before, "media") || before.possessive ||
                         is(before, "its") || is(before, "their") || is(before, "his"))))
        return std::nullopt;
    }
    Frame f;
    f.kind = FrameKind::cue;
    f.at = k;
    f.cue_end = k + n;
    f.cue = text_of({k, k + n});
    // Passive with an agent: "he was told by Emergencies Minister X".
    if (after_be(k, sentence.begin)) {
      if (k + n < sentence.end && is(tokens_[k + n], "by")) {
        const Range np = phrase_after(tokens_, k + n + 1, sentence.end);
        f.source = classify_source(block_, tokens_, np, registry_);
        f.scope = {k + n, sentence.end};
        return f;
      }
      return std::nullopt;
    }
    // A hedge right before the verb: "reportedly said".
    for (std::size_t j = k; j > sentence.begin && j + 3 > k; --j) {
      if (w.hedges.contains(tokens_[j - 1].lower)) f.hedged = true;
    }
    Range subject = subject_before(tokens_, sentence.begin, k);
    const bool participial = w.participial_cues.contains(t.lower);
    if (participial && is_object_of_cue(sentence, subject)) subject = {};
    if (subject.empty() && participial) {
      // "..., saying ...": the sentence's speaker.
      f.source = speaker_before(sentence, k, earlier);
      f.scope = {k + n, segment_around(sentence, k).end};
      return f;
    }
    if (k > sentence.begin && (is(tokens_[k - 1], "but") || is(tokens_[k - 1], "and"))) {
      // "Russia's defence ministry did not comment but said ...": the sentence's subject.
      f.source = speaker_before(sentence, k, earlier);
      if (f.source.kind == SourceKind::none) return std::nullopt;
      f.scope = {k + n, segment_around(sentence, k + n < sentence.end ? k + n : k).end};
      return f;
    }
    if (subject.empty() && k > sentence.begin && (is(tokens_[k - 1], ",") || is_quote_mark(tokens_[k - 1]))) {
      // Inverted: ", said Khan", ", stated Minister X", ", said the mayor, Jiri Novak".
      Range np = phrase_after(tokens_, k + n, sentence.end, 8);
      const bool ends_there = np.end >= sentence.end || is_punct(tokens_[np.end]);
      bool named = false;
      for (std::size_t j = np.begin; j < np.end; ++j) {
        named = named || tokens_[j].capitalized || w.person_titles.contains(tokens_[j].lower) ||
                w.institutions.contains(tokens_[j].lower);
      }
      if (!ends_there || !named) return std::nullopt;
      if (np.end + 1 < sentence.end && is(tokens_[np.end], ",")) {
        const Range name = phrase_after(tokens_, np.end + 1, sentence.end, 6);
        if (is_pure_name(tokens_, name) && is_description(tokens_, np)) np = name;
      }
      f.source = classify_source(block_, tokens_, np, registry_);
      f.postposed = true;
      f.scope = {segment_around(sentence, k).begin, k};
      return f;
    }
    if (subject.empty()) return std::nullopt;
    if (is_object_of_cue(sentence, subject)) return std::nullopt;  // "claimed ... in a statement posted on Telegram"
    f.source = classify_source(block_, tokens_, subject, registry_);
    if (f.source.kind == SourceKind::none) return std::nullopt;
    // Postposed: "..., officials told state media, adding ..." or "..., X said."
    const Range chunk = chunk_around(sentence, k);
    bool complement = false;
    for (std::size_t j = k + n; j < chunk.end; ++j) {
      if (is(tokens_[j], "that") || is_verb_like(tokens_[j]) || is_quote_mark(tokens_[j]) ||
          w.casualty_words.match(tokens_, j, chunk.end))
        complement = true;
    }
    // "..., X told a news conference in Guadalajara.": a few words of setting, no content.
    std::size_t words_after = 0;
    for (std::size_t j = k + n; j < chunk.end; ++j) words_after += tokens_[j].word;
    const bool late_in_chunk = words_after <= 7;
    if (subject.begin > sentence.begin && chunk.begin > sentence.begin && late_in_chunk && !complement &&
        chunk.end <= sentence.end) {
      // "..., charges the government denies": a denial is no source for what it denies.
      if (w.denials.contains(t.lower)) return std::nullopt;
      f.postposed = true;
      const Range segment = segment_around(sentence, k);
      std::size_t last = segment.end;
      while (last > chunk.end && is_punct(tokens_[last - 1])) --last;
      // ", the ministry said, a coalition raid killed ...": a parenthesis governs both sides.
      f.scope = {segment.begin, last > chunk.end ? segment.end : subject.begin};
      return f;
    }
    f.scope = {k + n, segment_around(sentence, k).end};
    return f;
  }

  // "posted a message blaming": the phrase before a participle is the object
  // of an earlier reporting verb, not the participle's subject.
  bool is_object_of_cue(Range sentence, Range phrase) const {
    return !phrase.empty() && phrase.begin > sentence.begin &&
           words().reporting_cues.match(tokens_, phrase.begin - 1, phrase.begin) > 0;
  }

  // Who speaks in the sentence before token k: the source of the last
  // reporting frame there, else the sentence's subject. For participles
  // ("..., saying") and coordinated verbs ("... but said").
  Source speaker_before(Range sentence, std::size_t k, const std::vector<Frame>& frames) {
    for (auto it = frames.rbegin(); it != frames.rend(); ++it) {
      if (it->at < k && it->kind == FrameKind::cue && it->source.kind != SourceKind::none) return it->source;
    }
    return sentence_subject(sentence);
  }

  // The first name-like phrase of the sentence, for participial cues.
  Source sentence_subject(Range sentence) {
    std::size_t k = sentence.begin;
    // Skip a leading adverbial clause ("In 2015,").
    for (std::size_t j = sentence.begin; j < sentence.end && j < sentence.begin + 6; ++j) {
      if (is(tokens_[j], ",")) {
        k = j + 1;
        break;
      }
    }
    std::size_t end = k;
    while (end < sentence.end && !is_verb_like(tokens_[end]) && !is_punct(tokens_[end]) &&
           !words().reporting_cues.contains(tokens_[end].lower))
      ++end;
    return classify_source(block_, tokens_, {k, end}, registry_);
  }

  // Speakers of the speech quotations that open in this sentence.
  void find_speakers(Range sentence, const std::vector<Frame>& frames, std::size_t b) {
    const Words& w = words();
    const std::size_t sentence_begin = tokens_[std::min(sentence.begin, tokens_.size() - 1)].span.begin;
    const auto first_quote = std::lower_bound(quotes_.begin(), quotes_.end(), sentence_begin,
                                              [](const QuoteInfo& q, std::size_t o) { return q.quotation.outer.begin < o; });
    for (std::size_t q = static_cast<std::size_t>(first_quote - quotes_.begin()); q < quotes_.size(); ++q) {
      QuoteInfo& info = quotes_[q];
      const std::size_t open = first_token_at_or_after(tokens_, info.quotation.outer.begin);
      if (open >= sentence.end) break;
      if (!info.speech || info.speaker || open < sentence.begin) continue;
      // Before the quotation: the last cue within eight words of its mark.
      for (auto it = frames.rbegin(); it != frames.rend(); ++it) {
        if (it->kind != FrameKind::cue || it->at >= open) continue;
        if (open - it->cue_end > 8) break;
        bool crosses = false;
        for (std::size_t j = it->cue_end; j < open; ++j) crosses = crosses || quote_of(j).has_value();
        if (crosses) break;
        info.speaker = it->source;
        info.cue = it->cue;
        info.hedged = it->hedged;
        break;
      }
      // After it: '," he said', '", Saree said', '," said Khan'.
      if (!info.speaker) {
        const std::size_t close = first_token_at_or_after(tokens_, info.quotation.outer.end);
        std::size_t j = close;
        if (j < tokens_.size() && is(tokens_[j], ",")) ++j;
        const std::size_t limit = std::min(tokens_.size(), j + 16);
        for (std::size_t k = j; k < limit; ++k) {
          if (is_punct(tokens_[k]) && !is(tokens_[k], ",") && !tokens_[k].possessive) break;
          if (std::size_t n = w.reporting_cues.match(tokens_, k, limit)) {
            Range np{j, k};
            // '," Ahmed Mahat, MSF's head of mission, said': the name before the description.
            for (std::size_t c = j; c < k; ++c) {
              if (is(tokens_[c], ",") && is_pure_name(tokens_, {j, c})) {
                np.end = c;
                break;
              }
            }
            if (np.empty()) np = phrase_after(tokens_, k + n, std::min(tokens_.size(), k + n + 8), 8);
            Source source = classify_source(block_, tokens_, np, registry_);
            if (source.kind != SourceKind::none) {
              info.speaker = source;
              info.cue = text_of({k, k + n});
              register_source(source);
            }
            break;
          }
          if (is(tokens_[k], "according") && k + 1 < limit && is(tokens_[k + 1], "to")) {
            Source source = classify_source(block_, tokens_, phrase_after(tokens_, k + 2, limit), registry_);
            if (source.kind != SourceKind::none) {
              info.speaker = source;
              info.cue = "according to";
            }
            break;
          }
        }
      }
      // A paragraph that is wholly a quotation, after "X released a statement,".
      if (!info.speaker && open == 0 && last_block_speaker_ && b > 0) {
        info.speaker = last_block_speaker_;
        info.cue = last_block_cue_;
        info.hedged = last_block_hedged_;
        info.carried = true;
      }
      // A second quotation with no cue of its own continues the one before.
      if (!info.speaker) {
        std::size_t p = q;
        while (p > 0 && !quotes_[p - 1].speech) --p;  // skip the short inline ones
        if (p > 0 && quotes_[p - 1].speaker && quotes_[p - 1].quotation.outer.end <= info.quotation.outer.begin) {
          info.speaker = quotes_[p - 1].speaker;
          info.cue = quotes_[p - 1].cue;
          info.hedged = quotes_[p - 1].hedged;
        }
      }
    }
  }

  // -------------------------------------------------------------------------
  // Triggers
  // -------------------------------------------------------------------------

  bool hypothetical_before(Range chunk, std::size_t k) const {
    const Words& w = words();
    for (std::size_t j = k; j > chunk.begin && j + 4 > k; --j) {
      if (w.hypothetical.contains(tokens_[j - 1].lower)) return true;
    }
    return false;
  }

  // A head count or a word for people in the clause ("68 people", "Three of the victims").
  bool has_count(Range chunk) const {
    const Words& w = words();
    if (count_prefix_[chunk.end] > count_prefix_[chunk.begin]) return true;
    for (std::size_t k = chunk.begin; k < chunk.end; ++k) {
      if (w.people_words.contains(tokens_[k].lower)) return true;
    }
    return false;
  }

  // "to kill" is an intention unless it follows "managed", "began" ...
  bool unrealised_infinitive(Range chunk, std::size_t k) const {
    if (k == chunk.begin || !is(tokens_[k - 1], "to")) return false;
    if (k - 1 == chunk.begin) return true;
    const Words& w = words();
    return !w.infinitive_realis.contains(tokens_[k - 2].lower) &&
           !(k >= chunk.begin + 3 && w.infinitive_realis.match(tokens_, k - 3, k - 1) == 2);
  }

  // Casualty trigger token in the chunk, or npos.
  std::size_t casualty_trigger(Range chunk) const {
    const Words& w = words();
    if (sentence_has_animal_) return std::string::npos;
    bool equipment = false;
    for (std::size_t k = chunk.begin; k < chunk.end; ++k) equipment = equipment || w.equipment.match(tokens_, k, chunk.end);
    for (std::size_t k = chunk.begin; k < chunk.end; ++k) {
      const Token& t = tokens_[k];
      if (!t.word) continue;
      if (equipment && w.equipment_loss.match(tokens_, k, chunk.end) && !hypothetical_before(chunk, k)) return k;
      std::size_t n = w.casualty_words.match(tokens_, k, chunk.end);
      if (n == 0 && w.casualty_needs_count.match(tokens_, k, chunk.end) && has_count(chunk)) n = 1;
      if (n == 0) continue;
      if ((is(t, "shot") || is(t, "shoot")) && k + 1 < chunk.end && is(tokens_[k + 1], "down")) continue;
      if ((is(t, "shot") || is(t, "shoot")) && k + 1 < chunk.end && is(tokens_[k + 1], "at") && k > chunk.begin) {
        // "he ... shot at one person" fired at someone; "Four teenagers shot at a party" were hit.
        std::size_t j = k - 1;
        while (j > chunk.begin && (w.adverbs.contains(tokens_[j].lower) || is(tokens_[j], "and") || is_punct(tokens_[j]))) --j;
        if (is(tokens_[k - 1], "and") || w.pronouns.contains(tokens_[j].lower) ||
            w.identified_agents.contains(tokens_[j].lower))
          continue;
      }
      if (unrealised_infinitive(chunk, k)) continue;
      if (k + n < chunk.end && w.not_casualty.contains(tokens_[k + n].lower)) continue;  // "death threats"
      if (is(t, "died") || is(t, "dies")) {
        // "dies aged 78", "died of cancer": a natural death.
        bool natural = false;
        for (std::size_t j = k + 1; j < std::min(chunk.end, k + 4); ++j) natural = natural || w.natural_death.contains(tokens_[j].lower);
        if (natural) continue;
      }
      if (is(t, "shot") && k > chunk.begin && (is(tokens_[k - 1], "a") || is(tokens_[k - 1], "live"))) continue;
      if (hypothetical_before(chunk, k)) continue;
      // "the toll could rise", "deaths are expected": a forecast.
      bool forecast = false;
      for (std::size_t j = k + n; j < std::min(chunk.end, k + n + 2); ++j) {
        forecast = forecast || is(tokens_[j], "could") || is(tokens_[j], "may") || is(tokens_[j], "might") ||
                   is(tokens_[j], "would") || is(tokens_[j], "will") || is(tokens_[j], "expected");
      }
      if (forecast) continue;
      return k;
    }
    return std::string::npos;
  }

  // An identified party: a name, an institution, a pronoun.
  bool identified(Range np, bool sentence_initial) const {
    const Words& w = words();
    if (np.empty()) return false;
    const Token& first = tokens_[np.begin];
    // "a Russian missile", "an Israeli airstrike": indefinite, but the party is named.
    if ((is(first, "a") || is(first, "an")) && np.end - np.begin >= 3 && tokens_[np.begin + 1].capitalized &&
        (w.weapons.contains(tokens_[np.end - 1].lower) || w.attack_nouns.contains(tokens_[np.end - 1].lower)))
      return true;
    if (is(first, "a") || is(first, "an") || first.number || w.number_words.contains(first.lower)) return false;
    // Only the noun phrase's own words: "Methane blast at Colombian mine" names no party.
    for (std::size_t k = np.begin + 1; k < np.end; ++k) {
      if (w.prepositions.contains(tokens_[k].lower) && !tokens_[k - 1].capitalized) {
        np.end = k;
        break;
      }
    }
    const Token& head = tokens_[np.end - 1];
    bool named_modifier = false;  // "Al-Shabaab gunmen"
    for (std::size_t k = np.begin; k + 1 < np.end; ++k) {
      named_modifier = named_modifier || (tokens_[k].capitalized && (k > np.begin || !sentence_initial ||
                                                                      is_name_continuation(np, k) || is_demonym(tokens_[k]) ||
                                                                      is_acronym(block_, tokens_[k]) ||
                                                                      tokens_[k].lower.find('-') != std::string::npos));
    }
    if ((w.unidentified_agents.contains(head.lower) && !named_modifier) || w.days.contains(head.lower)) return false;
    if (named_modifier) return true;
    for (std::size_t k = np.begin; k < np.end; ++k) {
      const Token& t = tokens_[k];
      if (w.identified_agents.contains(t.lower)) return true;
      if (t.capitalized && is_demonym(t) && k + 1 < np.end && w.attack_nouns.contains(tokens_[k + 1].lower)) return true;
      if (w.pronouns.contains(t.lower) && k + 1 == np.end) return true;
      if (t.capitalized && !(sentence_initial && k == np.begin && !is_name_continuation(np, k)) &&
          !w.days.contains(t.lower))
        return true;
    }
    return false;
  }

  bool is_name_continuation(Range np, std::size_t k) const {
    return k + 1 < np.end && tokens_[k + 1].capitalized;
  }

  // The agent of an attack noun at k: "Armenia's attacks", "its earlier
  // attacks", "an Al-Qaeda suicide attack", "... by Armenia's armed forces".
  Range noun_agent(Range chunk, std::size_t k, std::size_t n) const {
    const Words& w = words();
    // Possessive or capitalised pre-modifiers, over adjectives.
    std::size_t j = k;
    while (j > chunk.begin && j + 4 > k) {
      const Token& t = tokens_[j - 1];
      if (t.possessive) {
        std::size_t owner = j - 1;
        while (owner > chunk.begin && tokens_[owner - 1].capitalized) --owner;
        if (owner < j - 1 && !w.days.contains(tokens_[j - 2].lower)) return {owner, j - 1};
        if (j >= 2 + chunk.begin && w.identified_agents.contains(tokens_[j - 2].lower)) return {j - 2, j - 1};  // "the military's bombing"
        return {};
      }
      if (is(t, "its") || is(t, "their") || is(t, "our") || is(t, "his") || is(t, "her")) return {j - 1, j};
      // A capital at the start of a clause may just start the sentence; a
      // demonym ("Russian airstrikes") or an acronym ("US drone strike") names a party anyway.
      const bool clause_initial = j - 1 == chunk.begin;
      if (t.capitalized && !w.days.contains(t.lower) && (!clause_initial || is_demonym(t) || is_acronym(block_, t))) {
        std::size_t begin = j - 1;
        while (begin > chunk.begin && tokens_[begin - 1].capitalized) --begin;
        return {begin, j};
      }
      if (!t.word || is_determiner(t) || w.prepositions.contains(t.lower) || is_verb_like(t)) break;
      --j;
    }
    // "by X", "on the part of X", "came from X" after the noun.
    for (std::size_t m = k + n; m < chunk.end; ++m) {
      if (std::size_t marker = w.agent_markers.match(tokens_, m, chunk.end)) {
        const Range np = phrase_after(tokens_, m + marker, chunk.end);
        // "negligence on the part of the owner": a definite party is named.
        if (identified(np, false) || (marker > 1 && !np.empty() && is(tokens_[np.begin], "the"))) return np;
      }
      if ((is(tokens_[m], "came") || is(tokens_[m], "launched")) && m + 2 < chunk.end && is(tokens_[m + 1], "from")) {
        const Range np = phrase_after(tokens_, m + 2, chunk.end);
        if (identified(np, false)) return np;
      }
    }
    return {};
  }

  // Responsibility in a clause group: sets agent and, for speech acts, the
  // group's own frame. Returns the trigger token or npos.
  std::size_t responsibility_trigger(Group& g, Range sentence, bool in_quote) {
    const Words& w = words();
    const Range chunk = g.tokens;
    const bool sentence_initial_group = chunk.begin == sentence.begin;
    for (std::size_t k = chunk.begin; k < chunk.end; ++k) {
      const Token& t = tokens_[k];
      if (!t.word) continue;
      // Speech acts of blame: "Turkey condemned the attacks".
      if (std::size_t n = w.speech_act_blame.match(tokens_, k, chunk.end)) {
        const bool passive = after_be(k, chunk.begin) || k == chunk.begin || is_determiner(tokens_[k - 1]) ||
                             tokens_[k - 1].lower == "attack" || tokens_[k - 1].lower == "bombing";
        bool object = n > 1;  // "claimed responsibility"
        const bool blames = is(t, "blamed") || is(t, "blames") || is(t, "blaming") || is(t, "accused") ||
                            is(t, "accuses") || is(t, "accusing");
        if (blames && k + n < chunk.end) object = identified(phrase_after(tokens_, k + n, chunk.end, 6), false);
        for (std::size_t j = k + n; j < chunk.end && !object; ++j) {
          object = w.attack_nouns.match(tokens_, j, chunk.end) || is(tokens_[j], "to") || is(tokens_[j], "for") ||
                   is(tokens_[j], "of");
        }
        if (!object && !passive) continue;
        // "people accused of crimes" describes people; "X accused Y of" accuses.
        if (n == 1 && !after_be(k, chunk.begin) && k + 1 < chunk.end && (is(tokens_[k + 1], "of") || is(tokens_[k + 1], "for"))) continue;
        Frame f;
        f.kind = FrameKind::speech_act;
        f.at = k;
        f.cue_end = k + n;
        f.cue = text_of({k, k + n});
        if (passive && after_be(k, chunk.begin) && !(is(t, "attributed") || is(t, "ascribed")) && n == 1) {
          // "Houthi rebels have been blamed for the attack": blamed by nobody named;
          // "which was blamed on the rebels": the rebels are.
          Range blamed = subject_before(tokens_, sentence.begin, be_before(k, chunk.begin));
          if (k + n < chunk.end && is(tokens_[k + n], "on")) blamed = phrase_after(tokens_, k + n + 1, chunk.end);
          if (!identified(blamed, blamed.begin == sentence.begin)) continue;
          g.agent = text_of(blamed);
          f.cue = text_of({be_before(k, chunk.begin), k + n});
          if (k + n + 1 < chunk.end && is(tokens_[k + n], "by")) {
            // "were accused by Human Rights Watch of killing": the accuser is named.
            f.kind = FrameKind::speech_act;
            f.source = classify_source(block_, tokens_, phrase_after(tokens_, k + n + 1, chunk.end), registry_);
          } else {
            f.kind = FrameKind::passive;
          }
          g.own = f;
          return k;
        }
        if (passive && (is(t, "attributed") || is(t, "ascribed"))) {
          // "another attack ascribed to the Taliban": nobody stands behind it.
          for (std::size_t j = k + n; j + 1 < chunk.end; ++j) {
            if (is(tokens_[j], "to")) {
              g.agent = text_of(phrase_after(tokens_, j + 1, chunk.end));
              break;
            }
          }
          f.kind = FrameKind::passive;
          g.own = f;
          return k;
        }
        Range subject = subject_before(tokens_, sentence.begin, k);
        const bool coordinated = k > sentence.begin && (is(tokens_[k - 1], "and") || is(tokens_[k - 1], "but"));
        if (coordinated || (w.participial_cues.contains(t.lower) && (subject.empty() || is_object_of_cue(sentence, subject)))) {
          // "Pompeo posted a message blaming Iran": the poster blames.
          f.source = speaker_before(sentence, k, *sentence_frames_);
        } else {
          f.source = classify_source(block_, tokens_, subject, registry_);
        }
        if (n > 1) g.agent = f.source.text;
        for (std::size_t j = k + n; j < chunk.end && g.agent.empty(); ++j) {
          if (std::size_t m = w.attack_nouns.match(tokens_, j, chunk.end)) {
            const Range agent = noun_agent(chunk, j, m);
            if (!agent.empty()) g.agent = text_of(agent);
          }
          if (is(tokens_[j], "to") && (is(t, "attributed") || is(t, "ascribed"))) {
            g.agent = text_of(phrase_after(tokens_, j + 1, chunk.end));
          }
        }
        if ((is(t, "blamed") || is(t, "blaming") || is(t, "accused") || is(t, "accusing")) && k + n < chunk.end) {
          Range agent = phrase_after(tokens_, k + n, chunk.end, 6);
          for (std::size_t j = agent.begin; j < agent.end; ++j) {
            if (is(tokens_[j], "of") || is(tokens_[j], "for")) agent.end = j;  // "accused Russia of ..."
          }
          if (agent.end - agent.begin == 1 && is(tokens_[agent.begin], "it") && agent.end + 1 < chunk.end &&
              is(tokens_[agent.end], "on"))
            agent = phrase_after(tokens_, agent.end + 1, chunk.end, 6);  // "blamed it on his men"
          if (!agent.empty()) g.agent = text_of(agent);
        }
        // "The UN condemned the attack" blames nobody; "condemned the Armenian attacks" does.
        if (g.agent.empty() && (is(t, "condemned") || is(t, "condemns"))) continue;
        if (f.source.kind != SourceKind::none) register_source(f.source);
        g.own = f;
        return k;
      }
      // "responsibility" as a noun: "attributions of responsibility were made by X".
      if (is(t, "responsibility")) {
        for (std::size_t j = k + 1; j + 1 < chunk.end; ++j) {
          if (is(tokens_[j], "by") && after_be(j - 1, chunk.begin)) {
            Frame f;
            f.kind = FrameKind::cue;
            f.at = j;
            f.cue_end = j + 1;
            f.cue = text_of({be_before(j - 1, chunk.begin), j});
            f.source = classify_source(block_, tokens_, phrase_after(tokens_, j + 1, chunk.end), registry_);
            g.own = f;
            return k;
          }
        }
        return k;
      }
      // Attack verbs with an identified subject or "by" agent.
      std::size_t n = w.attack_verbs.match(tokens_, k, chunk.end);
      if (n == 0 && w.attack_with_against.contains(t.lower)) {
        for (std::size_t j = k + 1; j < std::min(chunk.end, k + 9); ++j) {
          if (is(tokens_[j], "against")) n = 1;
        }
      }
      if (n > 0 && w.attack_nouns.match(tokens_, k, chunk.end) > 0) {
        // "attacks" is a verb only after its subject: "Houthis attack", "they attack".
        const bool subject_before_it = k > chunk.begin && (tokens_[k - 1].capitalized || w.pronouns.contains(tokens_[k - 1].lower) ||
                                                            w.identified_agents.contains(tokens_[k - 1].lower) ||
                                                            w.auxiliaries.contains(tokens_[k - 1].lower));
        if (!subject_before_it) n = 0;
      }
      if (n > 0 && !t.capitalized && !(k > chunk.begin && is_determiner(tokens_[k - 1]))) {
        if (hypothetical_before(chunk, k) || unrealised_infinitive(chunk, k)) continue;
        if (w.object_attack_verbs.contains(t.lower)) {
          // "launched an offensive", "dropped two bombs"
          bool object = false;
          for (std::size_t j = k + n; j < chunk.end; ++j) {
            object = object || w.attack_nouns.match(tokens_, j, chunk.end) || w.weapons.contains(tokens_[j].lower);
          }
          if (!object) continue;
        }
        // Passive: "was shot dead by police", "conducted by the Taliban".
        std::optional<Range> by;
        for (std::size_t j = k + n; j < std::min(chunk.end, k + n + 8); ++j) {
          if (is(tokens_[j], "by")) {
            by = phrase_after(tokens_, j + 1, chunk.end);
            break;
          }
          if (is_comma_like(tokens_[j])) break;
        }
        if (by) {
          if (identified(*by, false)) {
            g.agent = text_of(*by);
            return k;
          }
          continue;
        }
        if (after_be(k, chunk.begin)) continue;
        Range subject = subject_before(tokens_, g.tokens.begin, k);
        if (subject.empty() || is(tokens_[subject.begin], "which")) subject = subject_before(tokens_, sentence.begin, k);
        if (k > g.tokens.begin && (is(tokens_[k - 1], "and") || is(tokens_[k - 1], ","))) {
          // "he drew his pistol, pointed it, and shot": the group's subject, or
          // the reported clause's ("Witnesses said soldiers chased ... and fired").
          std::size_t from = g.tokens.begin;
          for (std::size_t j = g.tokens.begin; j < k; ++j) {
            if (std::size_t m = w.reporting_cues.match(tokens_, j, k)) from = j + m;
          }
          if (from < k && is(tokens_[from], "that")) ++from;
          subject = {from, from};
          while (subject.end < k && !is_verb_like(tokens_[subject.end]) && !is_punct(tokens_[subject.end]) &&
                 !w.adverbs.contains(tokens_[subject.end].lower))
            ++subject.end;
        }
        // "they managed to destroy": the subject ends before its verbs.
        for (std::size_t j = subject.begin; j < subject.end; ++j) {
          if (j > subject.begin && (is_verb_like(tokens_[j]) || is(tokens_[j], "to"))) {
            subject.end = j;
            break;
          }
        }
        while (!subject.empty() && (is(tokens_[subject.begin], "and") ||
                                    (is_determiner(tokens_[subject.begin]) && subject.end - subject.begin > 1 &&
                                     !is(tokens_[subject.begin], "the"))))
          ++subject.begin;
        if (identified(subject, subject.begin == sentence.begin)) {
          g.agent = text_of(subject);
          const Range target = phrase_after(tokens_, k + n, chunk.end, 6);
          if (!target.empty()) g.target = text_of(target);
          return k;
        }
        continue;
      }
      // Attack nouns with a named party ("a new offensive could displace ..." is a forecast).
      std::size_t m = w.attack_nouns.match(tokens_, k, chunk.end);
      for (std::size_t j = k + m; m > 0 && j < std::min(chunk.end, k + m + 2); ++j) {
        if (w.hypothetical.contains(tokens_[j].lower)) m = 0;
      }
      if (m > 0) {
        Range agent = noun_agent(chunk, k, m);
        if (agent.empty() && in_quote) {
          for (std::size_t j = chunk.begin; j < chunk.end; ++j) {
            if (is(tokens_[j], "we") || is(tokens_[j], "our")) agent = {j, j + 1};
          }
        }
        std::size_t verb = k;
        while (verb > chunk.begin && tokens_[verb - 1].word && !is_verb_like(tokens_[verb - 1]) &&
               !ends_with(tokens_[verb - 1].lower, "ing"))
          --verb;
        const bool after_participle = verb > chunk.begin && ends_with(tokens_[verb - 1].lower, "ing") &&
                                      (verb - 1 == chunk.begin || is_punct(tokens_[verb - 2]));
        if (agent.empty() && !sentence_initial_group && after_participle &&
            !words().participial_cues.contains(tokens_[verb - 1].lower)) {
          // "..., providing airstrikes": the sentence's subject acts.
          const Source subject = sentence_subject(sentence);
          if (subject.kind == SourceKind::named) g.agent = subject.text;
        }
        if (!agent.empty()) g.agent = text_of(agent);
        if (!g.agent.empty()) {
          for (std::size_t j = k + m; j + 1 < chunk.end; ++j) {
            if (is(tokens_[j], "against") || is(tokens_[j], "on")) {
              g.target = text_of(phrase_after(tokens_, j + 1, chunk.end, 6));
              break;
            }
          }
          return k;
        }
      }
      // "was charged with murder": the charge names who is held responsible.
      if (std::size_t m = w.charges.match(tokens_, k, chunk.end)) {
        std::size_t crime = k + m;
        while (crime < chunk.end && crime < k + m + 3 && !w.crimes.contains(tokens_[crime].lower)) ++crime;
        if (crime < chunk.end && w.crimes.contains(tokens_[crime].lower)) {
          const Range accused = subject_before(tokens_, sentence.begin, after_be(k, chunk.begin) ? be_before(k, chunk.begin) : k);
          if (!accused.empty()) {
            g.agent = text_of(accused);
            return k;
          }
        }
      }
      // "the suspects were linked to the X network".
      if (std::size_t m = w.linking_blame.match(tokens_, k, chunk.end)) {
        bool suspect = false;
        for (std::size_t j = chunk.begin; j < k; ++j) suspect = suspect || w.suspect_nouns.contains(tokens_[j].lower);
        const Range np = phrase_after(tokens_, k + m, chunk.end);
        if (suspect && identified(np, false)) {
          g.agent = text_of(np);
          return k;
        }
      }
    }
    return std::string::npos;
  }

  // -------------------------------------------------------------------------
  // Grouping clauses into claims
  // -------------------------------------------------------------------------

  std::vector<Range> refine(const std::vector<Span>& clauses, std::vector<bool>& hard) {
    const Words& w = words();
    std::vector<Range> out;
    for (const Span& clause : clauses) {
      Range r{first_token_at_or_after(tokens_, clause.begin), first_token_at_or_after(tokens_, clause.end)};
      const bool starts_hard = r.begin < r.end && (is(tokens_[r.begin], "but") || is(tokens_[r.begin], "whereas") ||
                                                   (r.begin > 0 && is(tokens_[r.begin - 1], ";")) ||
                                                   (is(tokens_[r.begin], "while") && r.begin > 0 &&
                                                    is(tokens_[r.begin - 1], ",")));
      std::size_t start = r.begin;
      bool first_piece = true;
      for (std::size_t k = r.begin + 1; k < r.end; ++k) {
        bool cut = false;
        // "and scores more were injured", "and is reported to be ...".
        if (is(tokens_[k], "and") && k + 1 < r.end) {
          const Token& next = tokens_[k + 1];
          if ((is_be(next) && !is(next, "be") && !is(next, "been") && !is(next, "being")) || is(next, "that") ||
              w.reporting_cues.contains(next.lower) || w.speech_act_blame.match(tokens_, k + 1, r.end)) {
            cut = true;  // "and is reported to be ...", "and that police had not ...", "and accused X of ..."
          } else if (next.number || w.number_words.match(tokens_, k + 1, r.end) || is(next, "the")) {
            for (std::size_t j = k + 2; j < r.end; ++j) {
              if (w.auxiliaries.contains(tokens_[j].lower)) {
                cut = true;
                break;
              }
            }
            // "fourteen people were killed and more than thirty wounded": a second
            // toll with its own subject, the verb left out.
            bool left_aux = false;
            for (std::size_t j = start; j < k; ++j) left_aux = left_aux || w.auxiliaries.contains(tokens_[j].lower);
            if (left_aux && casualty_trigger({k + 1, r.end}) != std::string::npos) cut = true;
          }
        }
        // "had minor injuries reportedly from glass": the hedge governs what follows.
        if (!cut && w.hedges.contains(tokens_[k].lower) && !quote_of(k)) {
          cut = casualty_trigger({start, k}) != std::string::npos;
        }
        if (cut) {
          out.push_back({start, k});
          hard.push_back(first_piece ? starts_hard : true);
          first_piece = false;
          start = k;
        }
      }
      out.push_back({start, r.end});
      hard.push_back(first_piece ? starts_hard : true);
    }
    return out;
  }

  std::vector<Group> group_clauses(const std::vector<Span>& clauses, Range sentence) {
    const Words& w = words();
    std::vector<bool> hard;
    const std::vector<Range> pieces = refine(clauses, hard);
    std::vector<Group> groups;
    for (std::size_t i = 0; i < pieces.size(); ++i) {
      Range r = pieces[i];
      // Leave quotation marks outside the claim text.
      while (!r.empty() && (is_quote_mark(tokens_[r.begin]) || is_punct(tokens_[r.begin]))) ++r.begin;
      while (!r.empty() && (is_punct(tokens_[r.end - 1]))) --r.end;
      if (r.empty()) continue;
      Group g;
      g.tokens = r;
      g.hard_start = hard[i];
      const auto quote = quote_of(r.begin);
      g.in_quote = quote.has_value();
      g.quote = quote.value_or(0);
      const Token& first = tokens_[r.begin];
      const Token& lead = is(first, "and") && r.end > r.begin + 1 ? tokens_[r.begin + 1] : first;
      g.hedge_start = w.hedges.match(tokens_, r.begin, r.end) > 0;
      g.verb_start = !g.hard_start && !w.reporting_cues.contains(lead.lower) && (is_verb_like(lead) || (ends_with(lead.lower, "ing") && !lead.capitalized &&
                                                              !w.participial_cues.contains(lead.lower) &&
                                                              lead.lower.size() > 4));
      bool verbish = false;
      for (std::size_t k = r.begin; k < r.end; ++k) {
        verbish = verbish || is_verb_like(tokens_[k]) ||
                  w.reporting_cues.match(tokens_, k, r.end) || w.hedges.match(tokens_, k, r.end) ||
                  is(tokens_[k], "according");
      }
      g.nominal = !verbish && !g.hard_start;
      // A clause that is only a frame: "according to the fire service", "by early reports".
      const std::size_t hedge = w.hedges.match(tokens_, r.begin, r.end);
      g.frame_only = (hedge > 0 && hedge == r.end - r.begin) ||
                     (is(first, "according") && !has_trigger_words(r));
      groups.push_back(g);
    }
    // Backward merges: a predicate without its subject, a list's tail.
    std::vector<Group> merged;
    for (Group& g : groups) {
      if (!merged.empty()) {
        Group& previous = merged.back();
        const bool same_quote = previous.in_quote == g.in_quote && previous.quote == g.quote;
        // A list's tail ("three tanks and three drones") or a short modifier
        // ("both alive and dead"); "with some casualties ..." starts a claim.
        const bool own_trigger = has_trigger_words(g.tokens);
        const bool new_subject = is(tokens_[g.tokens.begin], "and") && g.tokens.end > g.tokens.begin + 1 &&
                                 tokens_[g.tokens.begin + 1].capitalized;
        const bool tail = g.nominal && !g.hedge_start && !g.frame_only && !new_subject &&
                          (!own_trigger || (g.tokens.end - g.tokens.begin <= 4 && !has_count(g.tokens) &&
                                            !words().prepositions.contains(tokens_[g.tokens.begin].lower)));
        // "..., losing two soldiers" after a clause with its own toll is a second claim.
        const bool second_participle = g.verb_start && ends_with(tokens_[g.tokens.begin].lower, "ing") && own_trigger &&
                                       casualty_trigger(previous.tokens) != std::string::npos;
        if (same_quote && !g.hard_start && !g.hedge_start && !g.frame_only && !previous.frame_only &&
            !second_participle && (g.verb_start || tail)) {
          previous.tokens.end = g.tokens.end;
          continue;
        }
      }
      merged.push_back(g);
    }
    // Triggers per group.
    for (Group& g : merged) detect(g, sentence);
    // Forward absorption: "150 security forces, 95 civilians, and hundreds ... killed".
    std::vector<Group> out;
    std::size_t pending = std::string::npos;  // first absorbable group index in out
    for (Group& g : merged) {
      const bool claim = g.casualty || g.responsibility;
      if (claim && pending != std::string::npos && !g.hard_start && g.in_quote == out[pending].in_quote &&
          (!g.in_quote || g.quote == out[pending].quote)) {
        const bool leading_frame_only = out[pending].frame_only;
        if (!leading_frame_only) {
          g.tokens.begin = out[pending].tokens.begin;
          out.resize(pending);
        }
      }
      const bool describes_frame_source =
          !out.empty() && out.back().frame_only && is_description(tokens_, g.tokens);  // "According to X, director of Y,"
      if (claim) {
        pending = std::string::npos;
      } else if ((!g.frame_only && !absorbable(g)) || describes_frame_source) {
        pending = std::string::npos;
      } else if (g.hard_start || pending == std::string::npos) {
        pending = g.frame_only ? std::string::npos : out.size();
      }
      out.push_back(g);
    }
    return out;
  }

  // A clause that leads into the next one: a list item, a subject cut off
  // by a parenthesis ("One child was, according to ..., among the dead").
  bool absorbable(const Group& g) const {
    if (g.nominal) return true;
    const Words& w = words();
    bool verb = false;
    for (std::size_t k = g.tokens.begin; k < g.tokens.end; ++k) {
      verb = verb || is_verb_like(tokens_[k]) || w.reporting_cues.match(tokens_, k, g.tokens.end);
    }
    bool participle = false;
    for (std::size_t k = g.tokens.begin; k < g.tokens.end; ++k) {
      participle = participle || w.participial_cues.contains(tokens_[k].lower);
    }
    return !verb || participle || w.auxiliaries.contains(tokens_[g.tokens.end - 1].lower);
  }

  bool has_trigger_words(Range r) const {
    const Words& w = words();
    for (std::size_t k = r.begin; k < r.end; ++k) {
      if (w.casualty_words.match(tokens_, k, r.end) || w.attack_nouns.match(tokens_, k, r.end) ||
          w.casualty_needs_count.match(tokens_, k, r.end))
        return true;
    }
    return false;
  }

  void detect(Group& g, Range sentence) {
    const std::size_t casualty = casualty_trigger(g.tokens);
    const std::size_t responsibility = responsibility_trigger(g, sentence, g.in_quote);
    g.casualty = casualty != std::string::npos;
    g.responsibility = responsibility != std::string::npos;
    if (g.responsibility && g.agent.empty() && !g.own) {
      // "responsibility" with no party named: not a claim of who did it.
      g.responsibility = g.own.has_value();
    }
    g.trigger = std::min(casualty, responsibility);
    // "The attacker, identified as Sudesh Amman".
    const Words& w = words();
    for (std::size_t k = g.tokens.begin; k + 2 < g.tokens.end; ++k) {
      if (is(tokens_[k], "identified") && is(tokens_[k + 1], "as") && tokens_[k + 2].capitalized) {
        bool suspect = false;
        for (std::size_t j = g.tokens.begin; j < k; ++j) suspect = suspect || w.suspect_nouns.contains(tokens_[j].lower);
        if (suspect) {
          g.responsibility = true;
          g.identified_vague = true;
          g.agent = text_of(phrase_after(tokens_, k + 2, g.tokens.end, 4));
          g.trigger = std::min(g.trigger, k);
          g.tokens.end = std::max(g.tokens.end, phrase_after(tokens_, k + 2, g.tokens.end, 4).end);
        }
      }
    }
    // Questions and conditionals are not claims.
    if (g.casualty || g.responsibility) {
      if (is(tokens_[sentence.begin], "if") || (sentence.end > sentence.begin && is(tokens_[sentence.end - 1], "?"))) {
        g.casualty = g.responsibility = false;
      }
    }
  }

  // -------------------------------------------------------------------------
  // Judging a claim
  // -------------------------------------------------------------------------

  Claim judge(std::size_t b, const Group& g, const std::vector<Frame>& frames, Range sentence) {
    Claim claim;
    claim.block = b;
    claim.casualty = g.casualty;
    claim.responsibility = g.responsibility;
    claim.agent = g.agent;
    claim.target = g.target;
    Range r = g.tokens;

    const std::size_t trigger = g.trigger;
    const std::size_t trigger_offset = tokens_[std::min(trigger, tokens_.size() - 1)].span.begin;

    // Inside a speech quotation with a speaker: the speaker's.
    const auto quote = quote_of(trigger);
    bool decided = false;
    if (quote && quotes_[*quote].speaker) {
      const QuoteInfo& info = quotes_[*quote];
      claim.cue = info.cue;
      apply_source(claim, *info.speaker, info.hedged,
                   info.speaker->resolved && !info.carried ? Route::carried_over : Route::quotation);
      decided = true;
    }
    if (!decided && g.identified_vague && !named_frame_governs(frames, trigger)) {
      claim.status = Status::vague;
      claim.route = Route::passive;
      claim.cue = "identified as";
      decided = true;
    }
    if (!decided) {
      // Frames that govern the trigger.
      const Frame* hedge = nullptr;
      const Frame* chosen = nullptr;
      for (const Frame& f : frames) {
        if (!(f.scope.begin <= trigger && trigger < f.scope.end)) continue;
        if (f.kind == FrameKind::hedge || f.kind == FrameKind::passive) {
          const bool inside_group = f.at >= g.tokens.begin && f.at < g.tokens.end;
          const bool sentence_wide = f.scope.begin == sentence.begin && f.scope.end == sentence.end;
          if (inside_group || sentence_wide || f.kind == FrameKind::hedge) hedge = hedge ? hedge : &f;
          continue;
        }
        if (!chosen) {
          chosen = &f;
          continue;
        }
        // The nearest frame wins.
        const auto distance = [&](const Frame& x) { return x.at > trigger ? x.at - trigger : trigger - x.at; };
        if (distance(f) < distance(*chosen)) chosen = &f;
      }
      // Hedges inside the group but outside the frame scopes: "reportedly conducted".
      for (const Frame& f : frames) {
        if ((f.kind == FrameKind::hedge || f.kind == FrameKind::passive) && f.at >= g.tokens.begin &&
            f.at < g.tokens.end && !hedge)
          hedge = &f;
      }
      if (g.own) {
        const Frame& own = *g.own;
        if (own.kind == FrameKind::passive) {
          hedge = hedge ? hedge : &own;
        } else if (!chosen || own.source.kind == SourceKind::named) {
          chosen = &own;
        }
      }
      // "No casualties were reported ..., the governor told reporters": the
      // passive is what the named source says, not how the article hedges it.
      if (hedge && chosen && chosen->source.kind == SourceKind::named && !chosen->hedged &&
          (chosen->kind == FrameKind::cue || chosen->kind == FrameKind::according) && chosen->scope.begin <= hedge->at &&
          hedge->at < chosen->scope.end && !(hedge->scope.begin == sentence.begin && hedge->scope.end == sentence.end))
        hedge = nullptr;
      if (chosen && chosen->source.kind != SourceKind::none) {
        claim.cue = chosen->cue;
        const Route route = chosen->source.resolved ? Route::carried_over
                            : chosen->postposed      ? Route::postposed
                                                     : Route::in_clause;
        apply_source(claim, chosen->source, chosen->hedged || hedge != nullptr, route);
        if (hedge && !chosen->hedged) claim.cue = hedge->cue;
      } else if (hedge) {
        claim.status = Status::vague;
        claim.cue = hedge->cue;
        claim.route = hedge->kind == FrameKind::passive ? Route::passive : Route::hedge;
      } else {
        claim.status = Status::unattributed;
        claim.route = Route::none;
      }
    }

    // The claim's text: from after a leading frame ("X said that") to the end.
    for (const Frame& f : frames) {
      if (f.kind == FrameKind::cue && !f.postposed && f.at >= r.begin && f.cue_end <= trigger && f.cue_end < r.end) {
        std::size_t start = f.cue_end;
        // "told reporters that ...": the claim starts after "that".
        for (std::size_t j = start; j < std::min(trigger, start + 5); ++j) {
          if (is(tokens_[j], "that")) {
            start = j;
            break;
          }
        }
        if (start < r.end && is(tokens_[start], "that")) ++start;
        if (start <= trigger) r.begin = start;
      }
      if (f.kind == FrameKind::according && f.at == r.begin && f.scope.begin <= trigger) {
        // "According to Dr. X, director of the hospital, 12 died": past the source and its description.
        std::size_t start = f.cue_end;
        while (start < trigger && !is(tokens_[start], ",")) ++start;
        while (start < trigger) {
          std::size_t next = start + 1;
          while (next < trigger && !is(tokens_[next], ",")) ++next;
          if (next >= trigger || !is_description(tokens_, {start + 1, next})) break;
          start = next;
        }
        if (start < trigger) r.begin = start + 1;
      }
    }
    // A population figure before the trigger ("a city of around 55,000 people") is not part of the claim.
    for (std::size_t i = quantity_at_[r.begin]; i < quantities_.size() && quantities_[i].span.begin < trigger_offset; ++i) {
      const Quantity& q = quantities_[i];
      if (q.kind != QuantityKind::population) continue;
      if (q.span.end <= trigger_offset) {
        std::size_t after = first_token_at_or_after(tokens_, q.span.end);
        if (after < trigger && (is(tokens_[after], "people") || is(tokens_[after], "residents") ||
                                is(tokens_[after], "inhabitants")))
          ++after;
        if (after <= trigger) r.begin = after;
      }
    }
    while (r.begin < r.end && (is_punct(tokens_[r.begin]) || is(tokens_[r.begin], "and") || is(tokens_[r.begin], "but")))
      ++r.begin;
    while (r.end > r.begin && (is_punct(tokens_[r.end - 1]) || is(tokens_[r.end - 1], "and")) &&
           !(tokens_[r.end - 1].possessive))
      --r.end;
    if (r.empty()) r = g.tokens;
    claim.span = span_of(tokens_, r);
    // Keep a closing quotation mark that belongs to an inline quote.
    const auto first_inline = std::lower_bound(quotes_.begin(), quotes_.end(), claim.span.begin,
                                               [](const QuoteInfo& q, std::size_t o) { return q.quotation.outer.begin < o; });
    for (auto it = first_inline; it != quotes_.end() && it->quotation.outer.begin < claim.span.end; ++it) {
      const QuoteInfo& q = *it;
      if (!q.speech && q.quotation.outer.begin >= claim.span.begin && q.quotation.outer.begin < claim.span.end &&
          q.quotation.outer.end > claim.span.end && q.quotation.outer.end <= claim.span.end + 4)
        claim.span.end = q.quotation.outer.end;
    }
    for (std::size_t i = quantity_at_[r.begin]; i < quantities_.size() && quantities_[i].span.begin < claim.span.end; ++i) {
      const Quantity& q = quantities_[i];
      if (q.kind == QuantityKind::count && claim.span.contains(q.span) && claim.casualty) claim.quantities.push_back(q);
    }
    claim.explanation = explain(claim);
    return claim;
  }

  static bool named_frame_governs(const std::vector<Frame>& frames, std::size_t trigger) {
    return std::any_of(frames.begin(), frames.end(), [&](const Frame& f) {
      return (f.kind == FrameKind::cue || f.kind == FrameKind::according) && f.source.kind == SourceKind::named &&
             !f.hedged && f.scope.begin <= trigger && trigger < f.scope.end;
    });
  }

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

  std::string explain(const Claim& claim) const {
    std::string text(block_.substr(claim.span.begin, claim.span.size()));
    if (text.size() > 70) {
      std::size_t cut = 60;
      while (cut < text.size() && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) ++cut;
      const std::size_t space = text.rfind(' ', cut);
      text = text.substr(0, space != std::string::npos && space > 30 ? space : cut) + "…";
    }
    const std::string what = claim.casualty && claim.quantities.size() ? "the figure" : "the claim";
    const std::string quoted = "'" + text + "'";
    switch (claim.status) {
      case Status::attributed:
        switch (claim.route) {
          case Route::quotation:
            return "Attributed to " + claim.source + ": the words are quoted from them (" + claim.cue + ").";
          case Route::carried_over:
            return "Attributed to " + claim.source + " (" + claim.cue + "), named earlier and referred back to here.";
          case Route::postposed:
            return "Attributed to " + claim.source + " (" + claim.cue + ", after the claim).";
          default:
            return "Attributed to " + claim.source + " (" + claim.cue + ").";
        }
      case Status::vague:
        switch (claim.route) {
          case Route::generic:
            return "'" + claim.source + "' names nobody in particular, so no identifiable source stands behind " + what +
                   " " + quoted + ".";
          case Route::passive:
            return "Reported without saying by whom ('" + claim.cue + "'): no source is named for " + what + " " +
                   quoted + ".";
          default:
            return "Hedged with '" + claim.cue + "'" +
                   (claim.source.empty() ? std::string() : " although it names " + claim.source) +
                   ": nobody vouches for " + what + " " + quoted + ".";
        }
      case Status::unattributed:
        break;
    }
    return "No source is named for " + what + " " + quoted + ": the article states it as fact.";
  }
};

}  // namespace

Analysis analyze(const Document& document) { return Analyzer(document).run(); }

}  // namespace whosays
