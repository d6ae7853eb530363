// Discourse memory: what the article has named so far, carried from sentence
// to sentence and block to block, so that "he", "the ministry" and "Hotak"
// can be resolved and a paragraph that is wholly a quotation finds its
// speaker. The only state of the analysis that outlives a block.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "context.h"
#include "frame.h"
#include "source.h"

namespace whosays {

struct Registry {
  struct Entry {
    std::string text;
    std::string last_word;  // folded
    bool person = false;
    bool generic = false;   // "a teacher who survived": a later "he" is still nobody in particular
    bool party = false;     // a party the writer names ("the FMLN rebels"): "they", never "we"
    std::size_t block = 0;  // where it was named: a sentence read later in the same
    std::size_t sentence = 0;  // block is no antecedent yet when claims are judged
  };
  std::vector<Entry> entries;  // oldest first; only the recent ones are kept
  std::vector<Entry> groups;   // the armed groups named anywhere, oldest first
  // The sentence being read: look-ups see only what was named up to it.
  std::size_t block = 0;
  std::size_t sentence = 0;

  void read_at(std::size_t at_block, std::size_t at_sentence) {
    block = at_block;
    sentence = at_sentence;
  }
  void add(Entry entry, std::vector<Entry>& to);

  const Entry* last(bool person, bool parties = true) const;
  // "the ministry" -> the last institution whose name ends in "Ministry"
  // (sources only, as by_last_word: a party named as a subject is for
  // agents).
  const Entry* institution_named(std::string_view folded_head) const;
  // "Hotak" -> "Sharif Hotak".
  const Entry* by_last_word(std::string_view folded_word) const;
  // Who a pronoun means: "he" the last person named; "it", "they" the last
  // institution or party named as a subject, with none the armed group named
  // just before, else the last person; "we" never a party the writer names.
  // Null when nobody was named.
  const Entry* referent(std::string_view folded_pronoun) const;
  // "the rebels" after "the FMLN rebels", "the guerrillas" after "Shining
  // Path guerrillas": a definite description by the head noun of a party
  // named before as a subject (and naming no party itself); else, by a
  // group noun ("the rebels", "the group"), the armed group named last.
  // Null when none was named.
  const Entry* party_described(std::string_view description) const;
};

struct Memory {
  Registry registry;
  // The reporting frame a block ended on ("X released a statement:"), for a
  // following paragraph that is wholly a quotation.
  std::optional<Source> last_block_speaker;
  std::string last_block_cue;
  bool last_block_hedged = false;
  // "X states the following:" then unquoted paragraphs: the statement's
  // speaker, the block it was introduced in, and its cue.
  std::optional<Source> statement_speaker;
  std::size_t statement_block = 0;
  std::string statement_cue;
  // Room for tokenizing a source's name (remember_source), kept from one to the next.
  text::Tokens tokens;
};

// Whether this block carries on the statement a block before introduced with
// a colon: the block right after it, or one that continues its numbered points.
bool continues_statement(const Memory& memory, const BlockContext& context);

// Registers a named or generic source for later pronouns and short names.
void remember_source(Memory& memory, const Source& source);

// A party named as a sentence's subject ("The FMLN rebels burned the
// offices.") is who a later "they" or "it" means, as a named source is.
void remember_party(Memory& memory, const BlockContext& context, Range sentence);

// Every armed group the sentence names, for a later "the rebels".
void remember_groups(Memory& memory, const BlockContext& context, Range sentence);

// A person named as a sentence's subject ("Emmanuel Tshilumba, who led ...,
// died") is who a later "he" means, even if never quoted.
void remember_subject(Memory& memory, const BlockContext& context, Range sentence);

// Remembers the frame the block ends on, if the block ends with "," or ":".
void remember_block_end(Memory& memory, const BlockContext& context, const std::vector<Frame>& last_frames);

}  // namespace whosays
