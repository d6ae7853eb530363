// whosays quantity scan: the first-word gate, which says at which word
// starts the grammar (quantity_def.hpp) can succeed. Included by quantity.cpp.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <iterator>
#include <memory>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "../cold.h"
#include "../swar.h"
#include "../words.h"

#include "quantity/primitives.hpp"
#include "quantity/tables.hpp"

namespace whosays::quantity {

// Internal to quantity.cpp, its one includer.
namespace {

// NULs after the text find_quantities scans: letters_in_padded reads 8 bytes at once.
constexpr std::size_t kPadding = 8;

// letters_before_nul in text followed by kPadding NULs, 8 bytes at a time:
// a byte is a-z when its low 7 bits are 0x61..0x7A and its high bit clear.
// Bytes are read little-endian (x86, wasm), so the first byte is the lowest.
std::size_t letters_in_padded(const char* p) {
  using swar::kHigh, swar::kOnes;
  for (const char* q = p;; q += 8) {
    const std::uint64_t w = swar::load(q);
    const std::uint64_t low = w & ~kHigh;
    const std::uint64_t letter = (low + kOnes * 0x1F) & ~(low + kOnes * 0x05) & ~w & kHigh;
    const std::uint64_t stop = ~letter & kHigh;
    if (stop) return static_cast<std::size_t>(q - p) + static_cast<std::size_t>(__builtin_ctzll(stop) >> 3);
  }
}

// The gate's entries (FirstWords, below): its words, and what follows each
// in the keys. At namespace scope, so that the generated tables can be
// constant data of these types.
namespace gate {

constexpr std::size_t kLongest = 32;
constexpr std::uint16_t kNone = 0xFFFF;  // the end of a list of words or tails

// What follows a word in a key ("ages of" after a space, "$"); views of the
// tables' keys, which are string literals.
struct Tail {
  std::string_view text;
  bool spaced;
  std::uint64_t head = 0;  // first_eight(text)
  std::uint64_t mask = 0;  // mask_of(text.size())
  std::uint16_t next = kNone;  // the word's next tail of the same kind (index into tails_)
  // Spaced tails are listed by their first byte (sort_spaced); skip: the
  // first of the list's next first byte, kNone after the last.
  std::uint16_t skip = kNone;
  unsigned char first() const { return static_cast<unsigned char>(head); }  // 0: an empty tail, before any text
};
struct Word {
  std::string_view letters;
  std::uint64_t head = 0;  // first_eight(letters)
  bool whole = false;     // a key is the word alone and complete: anything may follow
  bool reads_on = false;  // a key is the word alone, and the grammar reads on after it
  std::uint16_t next = kNone;  // the next word of its first letter and length (index into words_)
  // What follows it in its keys, glued to it or after a space: the first
  // of each list (index into tails_). Lists, not vectors: the tables are two
  // arrays (two allocations where the gate is built).
  std::uint16_t glued = kNone;
  std::uint16_t spaced = kNone;
  std::uint32_t spaced_letters = 0;  // bit c - 'a' set: a spaced tail starts with c
  bool spaced_other = false;         // a spaced tail starts with no a-z
};

#ifdef WHOSAYS_PREBUILT_TABLES
// The native build: the gate as FirstWords's builder makes it, written by
// scripts/generate_tables.cpp as constant data (kWords, kTails, kById,
// kUnlisted, kHeads, kLengths), which FirstWords reads where it is.
#include "first_words.inc"
#endif

}  // namespace gate

// The words a phrase can start with: the first a-z run of every key the
// grammar can read first (quantity_def.hpp: the literals of `phrase`, `body`,
// `amount_core` and `word_number`, and the lead, modifier, currency, vague
// and number tables), each with what follows it in those keys. A phrase
// starts at a word only if the word's whole a-z run is one of these, and,
// unless one key is that word alone ("ten", "several"), if one of its tails
// follows: "the" only before " ages of", "in" before " excess of", "a"
// before " few", "$", " dozen" ... A key that is a context word or a
// modifier alone ("from", "not", "about", "may") is no phrase by itself: the
// grammar reads on after a space, and what it reads there (a figure, a sign,
// another key) starts with a non-letter or a word that passes this test too
// ("from 5", "about a dozen"; not "from the", "may be"). At any other word
// the parser would fail, and is not run.
class FirstWords {
 public:
#ifdef WHOSAYS_PREBUILT_TABLES
  constexpr FirstWords() = default;  // its tables are gate's constants
#else
  // Builds the tables (the WebAssembly engine at its first analysis, and the
  // generator, which writes them out for the native build).
  WHOSAYS_COLD FirstWords() {
    words_.reserve(256);  // 196 words and 98 tails: one allocation each
    tails_.reserve(128);
    for (auto& lengths : heads_) {
      for (std::uint16_t& head : lengths) head = kNone;
    }
    for (const char* literal : {"between the ages of", "the ages of", "ages of", "age of", "from", "between"})
      add(literal, kReadsOn);
    add("half a", kComplete);
    // word_number's "a" before a number word: "a hundred", "a dozen".
    for (const char* key : parser::number_words.keys) add_tail("a", Tail{key, true}, kComplete);
    for (const auto* table : {&parser::lead_words.keys, &parser::modifiers.keys}) {
      for (const char* key : *table) add(key, kReadsOn);
    }
    for (const auto* table : {&parser::currency_signs.keys, &parser::vague_words.keys, &parser::number_words.keys}) {
      for (const char* key : *table) add(key, kComplete);
    }
    for (Word& word : words_) sort_spaced(word);
    // By lexicon id: a token's id (Vocabulary::identify) names its spelling, so
    // a word of the vocabulary is found without reading its letters.
    const Vocabulary& vocabulary = whosays::vocabulary();
    by_id_.reset(new std::uint16_t[vocabulary.count]);
    std::fill_n(by_id_.get(), vocabulary.count, kNone);
    for (std::size_t at = 0; at < words_.size(); ++at) {
      const std::uint64_t hash = swar::hash(words_[at].letters);
      if (const std::uint32_t id = vocabulary.id(words_[at].letters, hash)) {
        by_id_[id] = static_cast<std::uint16_t>(at);
      } else {
        const std::size_t bit = unlisted_bit(hash >> 48);
        unlisted_[bit / 64] |= std::uint64_t{1} << (bit % 64);
      }
    }
  }
#endif

#ifdef WHOSAYS_TABLE_GENERATOR
  void write(std::ostream& out) const;  // the gate as first_words.inc (scripts/generate_tables.cpp)
#endif

  // may_start for a whole token of `letters` ASCII letters at p (lower-cased
  // in the padded text) with lexicon id `id` and hash_top (Vocabulary::identify):
  // by id, or with id 0, by its letters if its hash_top may be a word of
  // the gate that no list holds.
  bool may_start(const char* p, const char* end, std::size_t letters, std::uint32_t id, std::uint16_t hash_top) const {
    if (letters >= kLongest) return true;
    if (id == 0) {
      const std::size_t bit = unlisted_bit(hash_top);
      if (!(unlisted_[bit / 64] >> (bit % 64) & 1)) return false;
      return may_start(find(p, letters), p + letters, end);
    }
    const std::uint16_t at = by_id_[id];
    return at != kNone && may_start(&words_[at], p + letters, end);
  }

  // May a phrase start at p, a word start whose run of a-z is `letters` bytes long (> 0)?
  // Inline: most words are rejected by find.
  bool may_start(const char* p, const char* end, std::size_t letters) const {
    if (letters >= kLongest) return true;  // not kept below: let the grammar decide
    return may_start(find(p, letters), p + letters, end);
  }

 private:
  static constexpr std::size_t kLongest = gate::kLongest;
  static constexpr std::uint16_t kNone = gate::kNone;
  using Word = gate::Word;
  using Tail = gate::Tail;

  // The rest of may_start, for the word found (nullptr: none) and what
  // follows it (at `after`; the padding's NUL at end is no space).
  bool may_start(const Word* word, const char* after, const char* end) const {
    if (!word) return false;
    if (word->whole) return true;
    // The commonest case of follows, inline: "the" or "a" with its tails
    // alone, then one space and a letter that starts none of them.
    const unsigned c = static_cast<unsigned char>(after[1]) - unsigned{'a'};
    if (*after == ' ' && c < 26 && word->glued == kNone && !word->reads_on && !word->spaced_other &&
        !(word->spaced_letters >> c & 1u))
      return false;
    return follows(*word, after, end, true);
  }

  // The tail at index t, nullptr at kNone (a list's end).
  const Tail* tail_at(std::uint16_t t) const { return t == kNone ? nullptr : &tails_[t]; }

  // Does what follows the word (at `after`) let a phrase start at it: one of
  // its tails, or, after a key that reads on, a non-letter or a word that
  // passes may_start? `look_on`: test what follows such a key (not for the
  // word after it: one word of look-ahead, never a chain).
  bool follows(const Word& word, const char* after, const char* end, bool look_on) const {
    // A tail after a space: after the grammar's `sp` or one of its key's
    // spaces, here one space or more, of any kind.
    const char* spaced = after;
    while (const std::size_t n = parser::space_parser::space_at(spaced, end)) spaced += n;
    for (const Tail* tail = tail_at(word.glued); tail; tail = tail_at(tail->next)) {
      if (starts(after, end, *tail)) return true;
    }
    if (spaced == after) return false;  // `sp` follows every key that reads on
    // One look at the spaced tails' first letters, for most words after "a" or "the".
    const unsigned c = spaced < end ? static_cast<unsigned char>(*spaced) - unsigned{'a'} : 26u;
    if (word.spaced_other || (c < 26 && (word.spaced_letters >> c & 1u))) {
      // Only the tails that start with the text's byte (and empty ones): a
      // hop over each other first byte ("a" has 45 tails).
      const unsigned char byte = static_cast<unsigned char>(*spaced);  // the padding's NUL at end
      for (const Tail* tail = tail_at(word.spaced); tail;) {
        if (tail->first() > byte) break;
        if (tail->first() != byte && tail->first() != 0) {
          tail = tail_at(tail->skip);
          continue;
        }
        if (starts(spaced, end, *tail)) return true;
        tail = tail_at(tail->next);
      }
    }
    if (!word.reads_on || !look_on) return word.reads_on;
    // The key alone, then what the grammar reads on to: a figure, a sign, or a key.
    if (spaced >= end) return false;
    if (c >= 26) return true;
    const std::size_t letters = letters_in_padded(spaced);
    if (letters >= kLongest) return true;
    const Word* next = find(spaced, letters);
    return next && (next->whole || follows(*next, spaced + letters, end, false));
  }

  // Words and tails are compared by their first eight bytes as one number
  // (the text's side read in one load: the scanned text has kPadding NULs
  // after its end), then byte by byte past the eighth.
  static constexpr std::uint64_t mask_of(std::size_t n) {  // the first n bytes of a load
    return n >= 8 ? ~std::uint64_t{0} : (std::uint64_t{1} << (8 * n)) - 1;
  }
  static std::uint64_t first_eight(const char* p, std::size_t n) {  // p: in the padded text
    return swar::load(p) & mask_of(n);
  }
  static bool same_after_eight(const char* p, std::string_view kept) {
    for (std::size_t i = 8; i < kept.size(); ++i) {
      if (p[i] != kept[i]) return false;
    }
    return true;
  }

  // Does the text at p (before end) start with the tail?
  static bool starts(const char* p, const char* end, const Tail& tail) {
    return static_cast<std::size_t>(end - p) >= tail.text.size() && (swar::load(p) & tail.mask) == tail.head &&
           same_after_eight(p, tail.text);
  }

  // The word of `letters` a-z at p, in the padded text; nullptr if none.
  const Word* find(const char* p, std::size_t letters) const {
    const std::size_t at = index_of(std::string_view(p, letters), [p, letters] { return first_eight(p, letters); });
    return at < std::size(words_) ? &words_[at] : nullptr;
  }

  // The word's index in words_, or its size; head() gives first_eight
  // of letters (asked only when some word has their first letter and length).
  template <typename Head>
  std::size_t index_of(std::string_view letters, Head head) const {
    const std::size_t first = static_cast<std::size_t>(letters[0] - 'a');
    if (!(lengths_[first] >> letters.size() & 1u)) return std::size(words_);  // no word of this start and length
    const std::uint64_t eight = head();
    for (std::size_t at = heads_[first][letters.size()]; at != kNone; at = words_[at].next) {
      if (words_[at].head == eight && same_after_eight(letters.data(), words_[at].letters)) return at;  // the same length
    }
    return std::size(words_);
  }

  // A bit per unlisted_bit() of a word's hash >> 48, set in unlisted_ for the
  // words with no lexicon id ("million", "approximately"): a token of id 0
  // whose bit is clear is none of them.
  static std::size_t unlisted_bit(std::uint16_t hash_top) { return hash_top & 4095u; }

#ifdef WHOSAYS_PREBUILT_TABLES
  // The tables (their meaning below), as constant data.
  static constexpr const auto& words_ = gate::kWords;
  static constexpr const auto& tails_ = gate::kTails;
  static constexpr const auto& by_id_ = gate::kById;
  static constexpr const auto& unlisted_ = gate::kUnlisted;
  static constexpr const auto& heads_ = gate::kHeads;
  static constexpr const auto& lengths_ = gate::kLengths;
#else
  // A key alone is a whole amount ("ten", "several"), or the grammar reads
  // on after it ("from", "about"; lead and modifier keys).
  enum Reading : bool { kComplete, kReadsOn };

  WHOSAYS_COLD static std::uint64_t first_eight(std::string_view kept) {  // kept: a string literal's bytes
    std::uint64_t head = 0;
    std::memcpy(&head, kept.data(), kept.size() < 8 ? kept.size() : 8);
    return head;
  }

  // The length of the run of a-z at p, in text ending in a NUL (string
  // literal): the NUL stops the run; no bound to test per letter.
  static std::size_t letters_before_nul(const char* p) {
    const char* q = p;
    while (*q >= 'a' && *q <= 'z') ++q;
    return static_cast<std::size_t>(q - p);
  }

  // key: a whole string literal (NUL-terminated).
  WHOSAYS_COLD void add(std::string_view key, Reading reading) {
    const std::string_view letters = key.substr(0, letters_before_nul(key.data()));
    if (letters.size() == key.size()) return add_tail(letters, std::nullopt, reading);
    const std::string_view rest = key.substr(letters.size());
    add_tail(letters, rest[0] == ' ' ? Tail{rest.substr(1), true} : Tail{rest, false}, reading);
  }

  // The word with one more tail, or a key alone (no tail).
  WHOSAYS_COLD void add_tail(std::string_view letters, std::optional<Tail> tail, Reading reading) {
    if (letters.empty() || letters.size() >= kLongest) return;
    const std::uint64_t head = first_eight(letters);
    const std::size_t at = index_of(letters, [head] { return head; });
    if (at == words_.size()) {
      const std::size_t first = static_cast<std::size_t>(letters[0] - 'a');
      lengths_[first] |= std::uint32_t{1} << letters.size();
      words_.push_back(Word{letters, head});
      words_.back().next = heads_[first][letters.size()];
      heads_[first][letters.size()] = static_cast<std::uint16_t>(at);
    }
    Word& word = words_[at];
    if (!tail) {
      (reading == kComplete ? word.whole : word.reads_on) = true;
      return;
    }
    std::uint16_t& first_tail = tail->spaced ? word.spaced : word.glued;
    tails_.push_back(Tail{tail->text, tail->spaced, first_eight(tail->text), mask_of(tail->text.size()), first_tail});
    first_tail = static_cast<std::uint16_t>(tails_.size() - 1);
    const char c = tail->text.empty() ? '\0' : tail->text[0];
    if (tail->spaced && c >= 'a' && c <= 'z') word.spaced_letters |= std::uint32_t{1} << (c - 'a');
    if (tail->spaced && !(c >= 'a' && c <= 'z')) word.spaced_other = true;
  }

  // Relinks the word's spaced tails in the order of their first bytes (an
  // insertion sort on the stack: a few dozen at most), each with its skip.
  WHOSAYS_COLD void sort_spaced(Word& word) {
    if (word.spaced == kNone || tails_[word.spaced].next == kNone) return;  // none or one: nothing to sort
    std::uint16_t order[256];
    std::size_t count = 0;
    for (std::uint16_t t = word.spaced; t != kNone; t = tails_[t].next) {
      if (count == sizeof order / sizeof order[0]) std::abort();  // far beyond any word's keys here
      std::size_t j = count++;
      for (; j > 0 && tails_[order[j - 1]].first() > tails_[t].first(); --j) order[j] = order[j - 1];
      order[j] = t;
    }
    std::uint16_t next = kNone;
    std::uint16_t skip = kNone;
    for (std::size_t i = count; i-- > 0;) {
      Tail& tail = tails_[order[i]];
      if (next != kNone && tails_[next].first() != tail.first()) skip = next;
      tail.next = next;
      tail.skip = skip;
      next = order[i];
    }
    word.spaced = next;
  }

  std::vector<Word> words_;
  std::vector<Tail> tails_;
  std::unique_ptr<std::uint16_t[]> by_id_;  // by lexicon id: the word's index in words_, or kNone
  std::uint64_t unlisted_[64] = {};         // unlisted_bit() of each word with no lexicon id
  // By first letter and length: the first of its words (index into words_), most kNone.
  std::uint16_t heads_[26][kLongest];
  std::uint32_t lengths_[26] = {};  // by first letter: bit n set when a word of n letters is kept
#endif
};

// The gate (natively constant data, else built on first use). May the parser succeed at p, a word start
// whose run of a-z is `letters` bytes long? Not at a word no phrase starts
// with: letters == 0 || first_words().may_start(p, end, letters).
const FirstWords& first_words() {
  static const FirstWords words;
  return words;
}

}  // namespace

}  // namespace whosays::quantity
