// Named parties: is a name a country, a demonym, an armed group, a state force, a
// government body, an international body or a news agency? And which capitalised words
// does a document itself show to be names?
//
// The knowledge is data (core/data/parties/*.txt and iso-codes' ISO 3166-1), built into a
// table at compile time; the lookup tables are built once, on first use, and never change.
// Lookups allocate nothing. Text is UTF-8; case is taken as written (see party_at).
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "knowledge/parties_data.h"
#include "text.h"

namespace whosays::knowledge {

// ---------------------------------------------------------------------------
// Lookup
// ---------------------------------------------------------------------------

struct PartyMatch {
  PartyKind kind;
  std::size_t tokens;        // how many tokens the name spans, >= 1
  std::string_view name;     // the name as the table writes it (static storage)
  std::string_view country;  // ISO 3166-1 alpha-2 for countries and demonyms, else empty
  bool hyphen_prefix;        // matched the part before a hyphen: "Saudi" in "Saudi-led"
};

// The longest known name that starts at token `position` of text's tokens (a block's, from
// text::tokenize: each read as written, text[token.span)), or nullopt (also when position
// is out of range). A word may carry a trailing '.', a possessive "'s"/"’s" or a closing
// quote, which the match ignores (words from split_words can);
// a country or demonym also matches as the part before a hyphen ("Saudi-led",
// "Iranian-backed") as a one-token name. Case: names match as written ("Chad" not
// "chad"); names the table writes in lower case (force words: "army", "air force") also
// match with a capital first letter; in a token written all in capitals (wire copy) every
// name matches whatever its case, except one-token names that are English words there
// ("IS", "US", "WHO": capitals_stoplist.txt).
std::optional<PartyMatch> party_at(std::string_view text, const text::Tokens& tokens, std::size_t position);
// The same for words as written, as split_words gives them (a text not tokenized).
std::optional<PartyMatch> party_at(const std::vector<std::string_view>& words, std::size_t position);

// The match for a whole phrase ("the" in front is skipped), or nullopt when the phrase is
// not exactly one known name. "Hezbollah", "the Taliban", "Ukrainian", "Reuters".
std::optional<PartyMatch> lookup_party(std::string_view phrase);

// True when the phrase is exactly one known name (lookup_party has a value).
bool is_party(std::string_view phrase);

// The kind's name in lower case ("country", "armed_group", ...), for dumps and tests.
std::string_view kind_name(PartyKind kind);

// The words of text as party_at expects them: split at white space and at , ; : ! ? ( ) [ ]
// { } and double quotes (straight and curly); '.', apostrophes and hyphens stay inside a
// word ("U.S.", "Hay'at", "al-Shabaab"). The views point into text.
std::vector<std::string_view> split_words(std::string_view text);

// ---------------------------------------------------------------------------
// Evidence from the document
// ---------------------------------------------------------------------------

// The capitalised words that a document writes mid-sentence: not first in a line, not after
// . ! ? : or an opening quote or bracket. A capitalised word at the start of a sentence that
// the same document writes capitalised mid-sentence elsewhere is a name, not just a
// sentence's first word ("Hezbollah fired rockets" after "... backed by Hezbollah.").
// Lines with no lower-case letter (wire copy in capitals) and title-case lines (headlines)
// are no evidence. Words are kept without a possessive "'s"/"’s" or trailing '.'.
// The views point into the text given to the constructor, which must outlive this object.
class NameEvidence {
 public:
  explicit NameEvidence(std::string_view text);
  // The same for several texts, each read as if it ended a line (a document's blocks),
  // without joining them into one copy; the views point into them.
  explicit NameEvidence(const std::vector<std::string_view>& texts);
  // The same, read when first asked (contains or size), not before: an analysis asks
  // seldom (7 of the 49 dev and dev2 articles, 20 questions in all) and most never, and
  // then none of the text is read for it. The texts must outlive this object.
  struct Deferred {};
  NameEvidence(std::vector<std::string_view> texts, Deferred);

  // True when word (as written; a possessive or trailing '.' is ignored) was seen
  // capitalised mid-sentence.
  bool contains(std::string_view word) const;
  std::size_t size() const {
    settle();
    return set_.count;
  }

 private:
  // An open-addressing set (linear probing, at most half full; an empty view is a
  // free slot): one probe per look-up, no node per word. No slot until a text is read.
  struct Set {
    void read_all(const std::vector<std::string_view>& texts);
    // candidates: room for a line's mid-sentence capitals, kept from text to text.
    void read(std::string_view text, std::vector<std::string_view>& candidates);
    void insert(std::string_view word);
    bool contains(std::string_view form) const;
    std::vector<std::string_view> slots;
    std::size_t count = 0;
  };
  void settle() const {
    if (!unread_.empty()) read_unread();
  }
  void read_unread() const;
  // The set is filled on first use from the texts not read yet: a reading of texts that
  // do not change, so the object stays the same to its user.
  mutable Set set_;
  mutable std::vector<std::string_view> unread_;
};

// A word at the start of a sentence is a name when the party tables know it or the
// document shows it capitalised mid-sentence.
bool is_name(std::string_view word, const NameEvidence& evidence);

}  // namespace whosays::knowledge
