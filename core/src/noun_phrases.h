// Noun phrases around a word: the subject before a verb, the phrase after a
// preposition, and what kind of phrase a stretch of tokens is (a name, a
// description set off by commas, an acronym, a demonym).
#pragma once

#include <cstddef>
#include <string_view>

#include "tokens.h"

namespace whosays {

// A title ("minister", "spokesperson") or two capitalised words without an
// institution word: who "he" or "she" can mean.
bool looks_like_person(const Tokens& tokens, Range range);

// An appositive description: "an aide to ...", "the head of ...",
// "spokesperson for ...", "of the provincial council".
bool is_description(const Tokens& tokens, Range range);

// "Hikmet Hajiyev", "Dr Ali bin Tamim", "Turkey": capitalised words (with
// lower-case particles), short.
bool is_pure_name(const Tokens& tokens, Range range);

// "US", "NATO", "FSB": every letter a capital (read from the block's text,
// since tokens are folded).
bool is_acronym(std::string_view block_text, const Token& token);

// "Israeli", "Russian", "Houthi", "Taliban": a party named by its adjective.
bool is_demonym(const Token& token);

// The subject of a verb at `at`: the words before it back to a boundary,
// walking over appositives ("Hikmet Hajiyev, an aide to ..., released").
Range subject_before(const Tokens& tokens, std::size_t floor, std::size_t at);

// The noun phrase after `at` up to punctuation, a clause word or `limit`.
Range phrase_after(const Tokens& tokens, std::size_t at, std::size_t limit, std::size_t max_words = 12);

}  // namespace whosays
