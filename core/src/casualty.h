// Casualty triggers: the word in a clause that reports people killed,
// wounded or missing, or equipment destroyed ("killed", "12 dead", "three
// tanks were destroyed"), and the words that make such a word no claim
// (a forecast, an intention, a natural death, an animal).
#pragma once

#include <cstddef>
#include <string>

#include "context.h"
#include "start_words.h"

namespace whosays {

constexpr std::size_t kNoTrigger = std::string::npos;

// The first casualty trigger token in tokens[chunk) of a sentence, or kNoTrigger.
std::size_t casualty_trigger(const BlockContext& context, const Sentence& sentence, Range chunk);

// A head count or a word for people in the clause ("68 people", "Three of the victims").
bool has_count(const BlockContext& context, Range chunk);

// A verb-like token in tokens[range) ("was", "killed"): the range is a clause.
bool has_verb(const Tokens& tokens, Range range);

// Inside a set phrase that tells of no harm ("photo shoot", "dead heat", "hit
// the nail on the head"): the phrase may start up to three words before k.
bool in_idiom(const Tokens& tokens, Range chunk, std::size_t k);

// A hypothetical word ("could", "if", "threatened to") within three words before k.
bool hypothetical_before(const Tokens& tokens, Range chunk, std::size_t k);

// "to kill" is an intention unless it follows "managed", "began" ...
bool unrealised_infinitive(const Tokens& tokens, Range chunk, std::size_t k);

}  // namespace whosays
