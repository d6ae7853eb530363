#include "context.h"

#include <algorithm>

#include "clauses.h"
#include "quantity/find.h"
#include "words.h"

namespace whosays {
namespace {

// Quotations with their tokens; a block quote without marks is one quotation
// as a whole. Quotations of four words or more are speech.
void find_quotes(BlockContext& context) {
  const Tokens& tokens = context.tokens;
  std::vector<Quotation> quotations = find_quotations(context.text, tokens);
  const Span body = text::trim(context.text, {0, context.text.size()});
  if (context.kind == BlockKind::quote && !body.empty() &&
      (quotations.empty() || quotations.front().outer.begin != body.begin)) {
    quotations.insert(quotations.begin(), Quotation{{0, context.text.size()}, {0, context.text.size()}});
  }
  if (quotations.empty()) return;  // most blocks: no word count needed
  std::vector<std::size_t>& words_before = context.room.words_before;
  words_before.resize(tokens.size() + 1);
  words_before[0] = 0;
  for (std::size_t k = 0; k < tokens.size(); ++k) words_before[k + 1] = words_before[k] + tokens[k].word;
  for (const Quotation& quotation : quotations) {
    QuoteInfo info;
    info.quotation = quotation;
    info.tokens = {first_token_at_or_after(tokens, quotation.inner.begin),
                   first_token_at_or_after(tokens, quotation.inner.end)};
    info.speech = words_before[info.tokens.end] - words_before[info.tokens.begin] >= 4;
    context.quotes.push_back(info);
    if (info.speech) context.speech_quotes.push_back(quotation);
  }
}

void index_block(BlockContext& context) {
  const Tokens& tokens = context.tokens;
  const std::vector<QuoteInfo>& quotes = context.quotes;
  const std::vector<Quantity>& quantities = context.quantities;
  // Quotations are sorted by start, outer before inner: the first one that
  // claims a token is its outermost.
  context.token_quote.assign(tokens.size(), BlockContext::kNoQuote);
  for (std::size_t q = 0; q < quotes.size(); ++q) {
    if (!quotes[q].speech) continue;
    const std::size_t first = quotes[q].tokens.begin;
    if (first < tokens.size() && context.token_quote[first] != BlockContext::kNoQuote) continue;  // nested
    for (std::size_t k = quotes[q].tokens.begin; k < quotes[q].tokens.end && k < tokens.size(); ++k) {
      if (context.token_quote[k] == BlockContext::kNoQuote) context.token_quote[k] = q;
    }
  }
  // Every entry is written below: resize, not assign (the vectors are reused
  // block after block). Quantity by quantity, the tokens up to its start.
  const std::size_t n = tokens.size();
  context.quantity_at.resize(n + 1);
  context.count_prefix.resize(n + 1);
  std::size_t* const at = context.quantity_at.data();
  std::size_t* const prefix = context.count_prefix.data();
  std::size_t k = 0;
  std::size_t counts = 0;
  for (std::size_t q = 0; q < quantities.size(); ++q) {
    for (const std::size_t start = quantities[q].span.begin; k < n && tokens[k].span.begin <= start; ++k) {
      at[k] = q;
      prefix[k] = counts;
    }
    counts += quantities[q].kind == QuantityKind::count;
  }
  for (; k <= n; ++k) {
    at[k] = quantities.size();
    prefix[k] = counts;
  }
}

bool has_animal(const Tokens& tokens, Range range) {
  bool animal = false;
  for (std::size_t k = range.begin; k < range.end; ++k) animal |= words().animals.contains(tokens[k]);
  return animal;
}

// The sentences of room.split with their tokens into context.sentences,
// run-on ones split so that every per-sentence step is bounded and the
// whole analysis stays linear in the article's length. One walk over the
// tokens finds each sentence's and tells whether one is an animal's word.
void cap_sentences(BlockContext& context) {
  constexpr std::size_t kMaxTokens = 300;
  const Tokens& tokens = context.tokens;
  const PhraseSet animals = words().animals;  // a copy: its fields stay in registers in the walk
  std::size_t k = 0;
  for (const Span& split : context.room.split) {
    while (k < tokens.size() && tokens[k].span.begin < split.begin) ++k;
    std::size_t begin = k;
    bool animal = false;
    for (; k < tokens.size() && tokens[k].span.begin < split.end; ++k) animal |= animals.contains(tokens[k]);
    const std::size_t end = k;
    const bool capped = end - begin > kMaxTokens;
    std::size_t start_offset = split.begin;
    while (end - begin > kMaxTokens) {
      std::size_t cut = begin + kMaxTokens;
      for (std::size_t j = begin + kMaxTokens; j > begin + kMaxTokens / 4; --j) {
        if (is_comma_like(tokens[j])) {
          cut = j + 1;
          break;
        }
      }
      context.sentences.push_back(
          {{start_offset, tokens[cut - 1].span.end}, {begin, cut}, 0, 0, has_animal(tokens, {begin, cut})});
      start_offset = tokens[cut].span.begin;
      begin = cut;
    }
    context.sentences.push_back(
        {{start_offset, split.end}, {begin, end}, 0, 0, capped ? has_animal(tokens, {begin, end}) : animal});
  }
}

// The sentence's clauses (split_clauses) as token ranges, from the block's
// tokens (clauses_of finds each clause's tokens as it cuts), added to the
// block's clauses; quote_edges: the sorted outer edges of the block's speech
// quotations.
void find_clauses(BlockContext& context, const std::vector<std::size_t>& quote_edges, Sentence& sentence) {
  const Tokens& tokens = context.tokens;
  const Span span = sentence.span;
  const auto first_edge = std::upper_bound(quote_edges.begin(), quote_edges.end(), span.begin);
  const auto last_edge = std::lower_bound(first_edge, quote_edges.end(), span.end);
  sentence.first_clause = context.clauses.size();
  clauses_of(context.text, span, tokens.begin() + sentence.tokens.begin, tokens.begin() + sentence.tokens.end,
             quote_edges.data() + (first_edge - quote_edges.begin()),
             quote_edges.data() + (last_edge - quote_edges.begin()), context.room.clauses, sentence.tokens.begin,
             context.clauses);
  sentence.end_clause = context.clauses.size();
}

void find_sentences(BlockContext& context) {
  std::vector<std::size_t>& quote_edges = context.room.quote_edges;
  quote_edges.clear();
  for (const Quotation& quotation : context.speech_quotes) {
    quote_edges.push_back(quotation.outer.begin);
    quote_edges.push_back(quotation.outer.end);
  }
  std::sort(quote_edges.begin(), quote_edges.end());
  split_sentences(context.text, context.tokens, context.room.split);
  cap_sentences(context);
  for (Sentence& sentence : context.sentences) find_clauses(context, quote_edges, sentence);
}

// A block whose capitals mark no names: one with capitals and no lower-case
// letters ("THE SHINING PATH MURDERED ...", wire copy, a shouted headline),
// and a title or heading in title case ("Court Convicts Friend of Boston
// Bombing Suspect"), where every longer word is capitalised.
bool capitals_mark_nothing(const BlockContext& context) {
  bool upper = false;
  bool lower = false;
  for (char c : context.text) {
    upper = upper || (c >= 'A' && c <= 'Z');
    lower = lower || (c >= 'a' && c <= 'z');
    if (upper && lower) break;  // nearly every block, within its first words
  }
  if (upper && !lower) return true;
  if (context.kind != BlockKind::title && context.kind != BlockKind::heading) return false;
  std::size_t long_words = 0;
  std::size_t capitalised = 0;
  for (const Token& token : context.tokens) {
    if (!token.word || token.number || token.lower.size() < 4) continue;
    ++long_words;
    capitalised += token.capitalized;
  }
  return long_words >= 3 && capitalised == long_words;
}

// There, a capitalised token is a name only when the party tables know it
// or (in title case) the document writes it capitalised mid-sentence; the
// other words lose their capitals, so verbs read as verbs again.
void read_capitals(BlockContext& context) {
  if (!capitals_mark_nothing(context)) return;
  context.capitals_filtered = true;
  std::vector<bool> name(context.tokens.size(), false);
  for (std::size_t k = 0; k < context.tokens.size(); ++k) {
    const auto party = party_at(context, k);
    const std::size_t length = party ? party->tokens : 1;
    const bool named = party || (context.evidence && context.evidence->contains(context.written(k)));
    for (std::size_t j = k; j < k + length && j < context.tokens.size(); ++j) name[j] = named;
    k += length - 1;
  }
  for (std::size_t k = 0; k < context.tokens.size(); ++k) {
    if (!name[k]) context.tokens.drop_capital(k);
  }
}

}  // namespace

bool known_name(const BlockContext& context, std::size_t k, bool evidence) {
  if (k >= context.tokens.size() || !context.tokens[k].capitalized) return false;
  if (party_at(context, k)) return true;
  if (!evidence) return false;
  // Where capitals were filtered, a capital that is left is a name already.
  return context.capitals_filtered || (context.evidence && context.evidence->contains(context.written(k)));
}

void build_block_context(const Document& document, std::size_t block, const knowledge::NameEvidence& evidence,
                         BlockContext& context) {
  context.block = block;
  context.kind = document.blocks[block].kind;
  context.text = document.blocks[block].text;
  text::tokenize(context.text, {0, context.text.size()}, context.tokens);
  context.evidence = &evidence;
  context.registry = nullptr;
  context.capitals_filtered = false;
  read_capitals(context);
  find_quantities(context.text, context.tokens, context.quantities, context.room.quantities);
  context.quotes.clear();
  context.speech_quotes.clear();
  context.sentences.clear();
  context.clauses.clear();
  context.token_quote.clear();
  context.count_prefix.clear();
  context.quantity_at.clear();
  if (context.kind == BlockKind::dateline) return;
  find_quotes(context);
  index_block(context);
  find_sentences(context);
}

}  // namespace whosays
