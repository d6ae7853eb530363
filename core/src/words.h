// Phrase tables built once from the word lists, matched against tokens.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon.h"
#include "swar.h"
#include "text.h"

namespace whosays {

// Every token of every word list, numbered from 1 (text::Token::id; 0 is a
// word no list holds), with the lists each one is a whole phrase of, and the
// lists it starts a longer phrase of. Immutable: a view of arrays that the
// native build generates at build time (the same builder run on the host,
// scripts/generate_tables.cpp, written as constant data the binary maps), and
// the WebAssembly engine builds once at its start (words.cpp: its size budget
// has no room for the finished tables).
struct Vocabulary {
  // A bit per word list, in 64-bit words that a PhraseSet indexes directly
  // (its word and bit are worked out once, not at every test).
  struct Lists {
    static constexpr std::size_t kWords = (lexicon::kListCount + 63) / 64;
    std::uint64_t words[kWords] = {};
    void set(std::size_t list) { words[list / 64] |= std::uint64_t{1} << (list % 64); }
    bool test(std::size_t list) const { return (words[list / 64] >> (list % 64)) & 1; }
    bool intersects(const Lists& other) const {
      for (std::size_t w = 0; w < kWords; ++w) {
        if (words[w] & other.words[w]) return true;
      }
      return false;
    }
  };
  struct Entry {
    Lists single;  // a one-word phrase of these lists
    Lists starts;  // the first word of a longer phrase of these lists
  };
  // A word's whole swar::hash and size: for a word of up to eight bytes the
  // two say exactly which word it is (the hash's steps after the length and
  // the last eight bytes are mixed in are invertible, and those bytes are
  // the whole word), so a look-up compares the spelling only for a longer one.
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t id = 0;  // 0: empty
    std::uint32_t size = 0;
  };
  // A phrase of two words or more: its words' ids are phrase_ids[begin, begin + size).
  struct Phrase {
    std::uint32_t first;  // phrase_ids[begin]
    std::uint32_t begin;
    std::uint32_t size;
  };
  struct Phrases {
    const Phrase* from;
    const Phrase* to;
    const Phrase* begin() const { return from; }
    const Phrase* end() const { return to; }
  };

  const Entry* entries;                // by id; entries[0] is empty
  std::size_t count;                   // ids, 0 included
  const std::string_view* spellings;   // by id; [0] is no word
  // An open-addressing table of mask + 1 slots of 16 bytes (the hash, the id
  // and the size; the spelling is compared only for a word of nine bytes or
  // more whose hash and size match), at most half full.
  const Slot* slots;
  std::size_t mask;
  // Every list's phrases of 2+ words, list after list, each list's sorted by
  // their first word's id: list l's are phrases[list_phrases[l], list_phrases[l + 1]).
  const Phrase* phrases;
  const std::uint32_t* list_phrases;   // lexicon::kListCount + 1 of them
  const std::uint32_t* phrase_ids;
  // A bit per filter_bit() of a hash, set for every word's: a word whose bit
  // is clear is in no list. 2 KiB, which stay in the first-level cache where
  // the slots (64 KiB) do not: most tokens no list holds (names, rare words)
  // are told apart without a slot's load.
  static constexpr std::size_t kFilterWords = 256;
  const std::uint64_t* filter;
  static std::size_t filter_bit(std::uint64_t hash) { return hash >> 50; }  // the slots index by the low bits

  // The id of a folded token, 0 if no list holds it. Asked once per token of
  // every block; no allocation. A word longer than any spelling needs no test
  // of its own: no slot's size matches it, and the probe ends at an empty slot.
  std::uint32_t id(std::string_view folded) const { return id(folded, swar::hash(folded)); }
  // The same, with h = swar::hash(folded).
  std::uint32_t id(std::string_view folded, std::uint64_t h) const {
    const std::size_t bit = filter_bit(h);
    if (!(filter[bit / 64] >> (bit % 64) & 1)) return 0;
    for (std::size_t slot = h & mask;; slot = (slot + 1) & mask) {
      const Slot& here = slots[slot];
      if (here.id == 0) return 0;
      if (here.hash == h && here.size == folded.size() && (folded.size() <= 8 || same(spellings[here.id], folded)))
        return here.id;
    }
  }
  // Sets the token's id, hash_top and verb_form from its lower
  // (the tokenizer calls it as it makes each token: text::tokenize).
#if !defined(__EMSCRIPTEN__)
  [[gnu::always_inline]]
#endif
  void identify(text::Token& token) const {
    constexpr auto auxiliaries = static_cast<std::size_t>(lexicon::List::auxiliaries);
    constexpr auto irregular_verbs = static_cast<std::size_t>(lexicon::List::irregular_verbs);
    // Both lists' bits in one word of Lists: one test for either.
    static_assert(auxiliaries / 64 == irregular_verbs / 64);
    constexpr std::uint64_t verb_lists = std::uint64_t{1} << (auxiliaries % 64) | std::uint64_t{1} << (irregular_verbs % 64);
    const std::string_view lower = token.lower;
    const std::uint64_t hash = swar::hash(lower);
    token.id = id(lower, hash);
    token.hash_top = static_cast<std::uint16_t>(hash >> 48);
    // "died", "used", "killed"; not "need", "seed". Without a branch: a
    // token's length and last letters are even odds, mispredicted. The last
    // three bytes are read only inside the word (a conditional move each);
    // they count only for four bytes or more.
    const std::size_t n = lower.size();
    const auto back = [&](std::size_t k) { return n >= k ? lower[n - k] : '\0'; };
    const bool past = (n >= 4) & (back(1) == 'd') & (back(2) == 'e') & (back(3) != 'e');
    token.verb_form = ((entries[token.id].single.words[auxiliaries / 64] & verb_lists) != 0) | past;
  }
  Phrases longer(std::size_t list) const { return {phrases + list_phrases[list], phrases + list_phrases[list + 1]}; }

 private:
  // a == b, compared by the same loads as swar::hash reads (no call to memcmp,
  // whose spills cost more than a short word's compare).
  static bool same(std::string_view a, std::string_view b) {
    const std::size_t n = a.size();
    if (n != b.size()) return false;
    const char* p = a.data();
    const char* q = b.data();
    if (n >= 8) {
      for (std::size_t i = 0; i + 8 < n; i += 8)
        if (load<std::uint64_t>(p + i) != load<std::uint64_t>(q + i)) return false;
      return load<std::uint64_t>(p + n - 8) == load<std::uint64_t>(q + n - 8);
    }
    if (n >= 4) return load<std::uint32_t>(p) == load<std::uint32_t>(q) && load<std::uint32_t>(p + n - 4) == load<std::uint32_t>(q + n - 4);
    for (std::size_t i = 0; i < n; ++i)
      if (p[i] != q[i]) return false;
    return true;
  }
  template <typename Unsigned>
  static Unsigned load(const char* p) {
    Unsigned value;
    std::memcpy(&value, p, sizeof value);
    return value;
  }
};

const Vocabulary& vocabulary();

// A set of one- or multi-word phrases, matched case-insensitively at a token.
class PhraseSet {
 public:
  explicit PhraseSet(lexicon::List list);
  // The number of tokens of the longest phrase that starts at tokens[at]
  // (and ends before `end`), or 0.
  // Inline: the rules ask it at nearly every token, and nearly always the
  // first token's id says no, or that only a one-word phrase can match.
  std::size_t match(const text::Tokens& tokens, std::size_t at, std::size_t end) const {
    if (at >= end) return 0;
    const Vocabulary::Entry& entry = entries_[tokens[at].id];
    if (!(entry.starts.words[word_] & bit_)) return (entry.single.words[word_] & bit_) ? 1 : 0;
    return match_longer(tokens, at, end);
  }
  // A one-word phrase: by the token's id, no hashing.
  bool contains(const text::Token& token) const { return entries_[token.id].single.words[word_] & bit_; }
  bool contains(std::string_view word) const;  // the same for a folded word

 private:
  std::size_t match_longer(const text::Tokens& tokens, std::size_t at, std::size_t end) const;

  std::size_t list_;
  std::size_t word_;                  // list_'s word in Vocabulary::Lists
  std::uint64_t bit_;                 // and its bit there
  const Vocabulary::Entry* entries_;  // vocabulary().entries
  // Phrases of two words or more, sorted by their first word's id, and their
  // words' ids (vocabulary().longer(list_): shared, nothing copied per set).
  Vocabulary::Phrases longer_;
  const std::uint32_t* phrase_ids_;
};

// Every table the analyzer uses, built on first use and immutable after.
struct Words {
  PhraseSet reporting_cues{lexicon::List::reporting_cues};
  PhraseSet participial_cues{lexicon::List::participial_cues};
  PhraseSet passive_cues{lexicon::List::passive_cues};
  PhraseSet hedges{lexicon::List::hedges};
  PhraseSet generic_sources{lexicon::List::generic_sources};
  PhraseSet generic_qualifiers{lexicon::List::generic_qualifiers};
  PhraseSet institutions{lexicon::List::institutions};
  PhraseSet casualty_words{lexicon::List::casualty_words};
  PhraseSet casualty_needs_count{lexicon::List::casualty_needs_count};
  PhraseSet people_words{lexicon::List::people_words};
  PhraseSet equipment{lexicon::List::equipment};
  PhraseSet equipment_loss{lexicon::List::equipment_loss};
  PhraseSet attack_nouns{lexicon::List::attack_nouns};
  PhraseSet attack_verbs{lexicon::List::attack_verbs};
  PhraseSet attack_with_against{lexicon::List::attack_with_against};
  PhraseSet speech_act_blame{lexicon::List::speech_act_blame};
  PhraseSet toll_verbs{lexicon::List::toll_verbs};
  PhraseSet identified_agents{lexicon::List::identified_agents};
  PhraseSet unidentified_agents{lexicon::List::unidentified_agents};
  PhraseSet suspect_nouns{lexicon::List::suspect_nouns};
  PhraseSet linking_blame{lexicon::List::linking_blame};
  PhraseSet organisation_nouns{lexicon::List::organisation_nouns};
  PhraseSet innocence{lexicon::List::innocence};
  PhraseSet legal_nouns{lexicon::List::legal_nouns};
  PhraseSet agent_markers{lexicon::List::agent_markers};
  PhraseSet animals{lexicon::List::animals};
  PhraseSet hypothetical{lexicon::List::hypothetical};
  PhraseSet person_titles{lexicon::List::person_titles};
  PhraseSet org_words{lexicon::List::org_words};
  PhraseSet auxiliaries{lexicon::List::auxiliaries};
  PhraseSet irregular_verbs{lexicon::List::irregular_verbs};
  PhraseSet number_words{lexicon::List::number_words};
  PhraseSet adverbs{lexicon::List::adverbs};
  PhraseSet days{lexicon::List::days};
  PhraseSet infinitive_realis{lexicon::List::infinitive_realis};
  PhraseSet prepositions{lexicon::List::prepositions};
  PhraseSet charges{lexicon::List::charges};
  PhraseSet crimes{lexicon::List::crimes};
  PhraseSet document_nouns{lexicon::List::document_nouns};
  PhraseSet document_cues{lexicon::List::document_cues};
  PhraseSet abbreviations{lexicon::List::abbreviations};
  PhraseSet natural_death{lexicon::List::natural_death};
  PhraseSet weapons{lexicon::List::weapons};
  PhraseSet object_attack_verbs{lexicon::List::object_attack_verbs};
  PhraseSet published_participles{lexicon::List::published_participles};
  PhraseSet denials{lexicon::List::denials};
  PhraseSet involvement{lexicon::List::involvement};
  PhraseSet not_casualty{lexicon::List::not_casualty};
  PhraseSet determiners{lexicon::List::determiners};
  PhraseSet forecasts{lexicon::List::forecasts};
  PhraseSet toll_nouns{lexicon::List::toll_nouns};
  PhraseSet report_nouns{lexicon::List::report_nouns};
  PhraseSet report_noun_modifiers{lexicon::List::report_noun_modifiers};
  PhraseSet blame_verbs{lexicon::List::blame_verbs};
  PhraseSet condemnations{lexicon::List::condemnations};
  PhraseSet attribution_verbs{lexicon::List::attribution_verbs};
  PhraseSet admissions{lexicon::List::admissions};
  PhraseSet member_nouns{lexicon::List::member_nouns};
  PhraseSet group_nouns{lexicon::List::group_nouns};
  PhraseSet intent_nouns{lexicon::List::intent_nouns};
  PhraseSet legal_verbs{lexicon::List::legal_verbs};
  PhraseSet legal_accusations{lexicon::List::legal_accusations};
  PhraseSet responsibility_nouns{lexicon::List::responsibility_nouns};
  PhraseSet treatment_verbs{lexicon::List::treatment_verbs};
  PhraseSet treatment_objects{lexicon::List::treatment_objects};
  PhraseSet patient_conditions{lexicon::List::patient_conditions};
  PhraseSet life_taking{lexicon::List::life_taking};
  PhraseSet fatal_modifiers{lexicon::List::fatal_modifiers};
  PhraseSet accident_nouns{lexicon::List::accident_nouns};
  PhraseSet failed_attempts{lexicon::List::failed_attempts};
  PhraseSet casualty_idioms{lexicon::List::casualty_idioms};
  PhraseSet routine_care{lexicon::List::routine_care};
  PhraseSet care_verbs{lexicon::List::care_verbs};
  PhraseSet body_parts{lexicon::List::body_parts};
  PhraseSet relations{lexicon::List::relations};
  PhraseSet impact_verbs{lexicon::List::impact_verbs};
  PhraseSet additive_leads{lexicon::List::additive_leads};
  PhraseSet kind_modifiers{lexicon::List::kind_modifiers};
  PhraseSet vehicles{lexicon::List::vehicles};
  PhraseSet evidence_nouns{lexicon::List::evidence_nouns};

  // Out of line (words.cpp) and cold: it runs once per process.
  Words();
};

// The tables, built before main (words.cpp): nothing that runs at static
// initialisation asks for them, and the word lists they are built from are
// constant data. So words() is one load, not a guarded static's test and
// load: the rules call it half a million times on the 49 dev articles.
// Never destroyed: freeing it would only slow down the end of a process.
extern const Words& built_words;
inline const Words& words() { return built_words; }

}  // namespace whosays
