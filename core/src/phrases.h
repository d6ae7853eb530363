// Private phrase helpers of the analysis: token tests, noun phrases before
// and after a word, and sources (who says so) with their resolution. Token
// indices are into one block's tokens; nothing here owns text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "text.h"
#include "whosays/document.h"

namespace whosays::phrases {

using text::Token;
using Tokens = std::vector<Token>;

struct Range {  // token indices [begin, end)
  std::size_t begin = 0;
  std::size_t end = 0;
  bool empty() const { return end <= begin; }
};

enum class SourceKind { none, named, generic, pronoun };

struct Source {
  SourceKind kind = SourceKind::none;
  std::string text;      // resolved name (or the phrase itself)
  std::string phrase;    // as written ("He", "its source", "officials")
  bool resolved = false; // text came from an earlier sentence
  bool person = false;
};

struct Registry {
  struct Entry {
    std::string text;
    std::string last_word;  // folded
    bool person = false;
    bool generic = false;  // "a teacher who survived": a later "he" is still nobody in particular
  };
  std::vector<Entry> entries;

  const Entry* last(bool person) const {
    for (auto it = entries.rbegin(); it != entries.rend(); ++it) {
      if (it->person == person) return &*it;
    }
    return nullptr;
  }
  // "the ministry" -> the last institution whose name ends in "Ministry".
  const Entry* institution_named(std::string_view folded_head) const {
    for (auto it = entries.rbegin(); it != entries.rend(); ++it) {
      if (!it->person && it->last_word == folded_head) return &*it;
    }
    return nullptr;
  }
  const Entry* by_last_word(std::string_view folded_word) const {
    for (auto it = entries.rbegin(); it != entries.rend(); ++it) {
      if (it->last_word == folded_word) return &*it;
    }
    return nullptr;
  }
};

// ---------------------------------------------------------------------------
// Token tests
// ---------------------------------------------------------------------------

bool is_punct(const Token& t);
bool is(const Token& t, std::string_view word);  // t's folded text equals word
bool is_comma_like(const Token& t);              // , ; :
bool ends_with(std::string_view s, std::string_view suffix);
bool is_determiner(const Token& t);
bool is_quote_mark(const Token& t);

// A form of "be": the auxiliary of a passive ("were reported", "was killed").
bool is_be(const Token& t);

bool is_dash_token(const Token& t);  // – — ‒ ―

// A word that makes a clause a predicate: "were", "reached", "shot".
bool is_verb_like(const Token& t);

// Bytes of tokens[r) in the block's text.
Span span_of(const Tokens& tokens, Range r);
// The first token starting at or after a byte offset (tokens.size() if none).
std::size_t first_token_at_or_after(const Tokens& tokens, std::size_t offset);

// ---------------------------------------------------------------------------
// Sources and noun phrases
// ---------------------------------------------------------------------------

// A title ("minister", "spokesperson") or two capitalised words without an
// institution word: who "he" or "she" can mean.
bool looks_like_person(const Tokens& tokens, Range r);

// Judges a source phrase: a pronoun to resolve, a generic noun ("officials",
// "local media"), or a name.
Source classify_source(std::string_view block, const Tokens& tokens, Range r, const Registry& registry);

// An appositive description: "an aide to ...", "the head of ...",
// "spokesperson for ...", "of the provincial council".
bool is_description(const Tokens& tokens, Range r);

// "Hikmet Hajiyev", "Dr Ali bin Tamim", "Turkey": capitalised words (with
// lower-case particles), short.
bool is_pure_name(const Tokens& tokens, Range r);

// "US", "NATO", "FSB": every letter a capital.
bool is_acronym(std::string_view block, const Token& t);

// "Israeli", "Russian", "Houthi", "Taliban": a party named by its adjective.
bool is_demonym(const Token& t);

// The subject of a verb at `at`: the words before it back to a boundary,
// walking over appositives ("Hikmet Hajiyev, an aide to ..., released").
Range subject_before(const Tokens& tokens, std::size_t floor, std::size_t at);

// The noun phrase after `at` up to punctuation, a clause word or `limit`.
Range phrase_after(const Tokens& tokens, std::size_t at, std::size_t limit, std::size_t max_words = 12);

}  // namespace whosays::phrases
