// The read-only context of one block: its text, tokens, quantities and
// quotations with the indexes every stage looks things up in, and its
// sentences. Built per block (build_block_context); no stage changes it.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "knowledge/parties.h"
#include "quantity/find.h"
#include "tokens.h"
#include "whosays/document.h"
#include "whosays/quantity.h"
#include "whosays/segment.h"

namespace whosays {

struct Registry;

struct QuoteInfo {
  Quotation quotation;
  Range tokens;         // the words inside the marks
  bool speech = false;  // four words or more: someone's words, not a term in quotes
};

struct Sentence {
  Span span;                // bytes in the block's text
  Range tokens;
  std::size_t first_clause = 0;  // its clauses: BlockContext::clauses[first_clause, end_clause)
  std::size_t end_clause = 0;
  bool has_animal = false;  // a jackal's death is not a casualty
};

// build_block_context's working vectors, kept with the context so that
// they keep their room from block to block too. No stage reads them.
struct BlockRoom {
  std::vector<std::size_t> words_before;  // per token: word tokens before it
  std::vector<std::size_t> quote_edges;   // the speech quotations' outer edges, sorted
  std::vector<Span> split;                // split_sentences
  std::vector<Span> clauses;              // one sentence's clause spans
  QuantityRoom quantities;                // find_quantities' lower-cased copy of the block
};

struct BlockContext {
  std::size_t block = 0;  // index in the document
  BlockKind kind = BlockKind::paragraph;
  std::string_view text;
  Tokens tokens;
  std::vector<Quantity> quantities;       // by start
  std::vector<QuoteInfo> quotes;          // by start, outer before inner
  std::vector<Quotation> speech_quotes;   // the speech ones, for split_clauses
  std::vector<Sentence> sentences;
  std::vector<Range> clauses;           // split_clauses, as token ranges, sentence after sentence
  bool capitals_filtered = false;       // wire copy, a shouted or title-case headline: only names keep their capitals
  const knowledge::NameEvidence* evidence = nullptr;  // the document's mid-sentence capitals
  const Registry* registry = nullptr;  // what the article named before (memory.h), for "the rebels"

  static constexpr std::size_t kNoQuote = static_cast<std::size_t>(-1);
  std::vector<std::size_t> token_quote;   // per token: the outermost speech quote holding it, or kNoQuote
  std::vector<std::size_t> count_prefix;  // per token: count quantities starting before it
  std::vector<std::size_t> quantity_at;   // per token: first quantity starting at or after it
  BlockRoom room;

  // Token k as written, text[span): a word as the party tables read it.
  std::string_view written(std::size_t k) const {
    const Span span = tokens[k].span;
    return std::string_view(text.data() + span.begin, span.size());
  }
  std::string text_of(Range range) const {
    const Span span = span_of(tokens, range);
    return std::string(text.substr(span.begin, span.size()));
  }
  // The outermost speech quotation (four words or more) holding token k.
  std::optional<std::size_t> quote_of(std::size_t k) const {
    if (k >= token_quote.size() || token_quote[k] == kNoQuote) return std::nullopt;
    return token_quote[k];
  }
};

// Tokens, quantities, quotations, sentences and indexes of one block, into
// `context`: whatever it held is cleared, not freed, so that one context,
// reused block after block, allocates only for a block larger than those
// before. A dateline gets tokens and quantities only: it holds no claims.
// `evidence` (which must outlive the context) is the whole document's.
void build_block_context(const Document& document, std::size_t block, const knowledge::NameEvidence& evidence,
                         BlockContext& context);

// A capitalised token that is a name even where a capital proves nothing (at
// the start of a sentence): a party the tables know ("Hezbollah fired ...")
// or, with `evidence`, a word the document writes capitalised mid-sentence
// elsewhere. Evidence is for a name standing alone: as a modifier a
// capitalised word of a longer name ("Hotel fire" beside "Hotel Arpit
// Palace") is still a common noun.
bool known_name(const BlockContext& context, std::size_t k, bool evidence);

// The name the party tables know at token k, or nullopt (knowledge::party_at).
inline std::optional<knowledge::PartyMatch> party_at(const BlockContext& context, std::size_t k) {
  return knowledge::party_at(context.text, context.tokens, k);
}

}  // namespace whosays
