// Sentences and clauses: table-driven against a compact dump.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "clauses.h"
#include "text.h"
#include "whosays/segment.h"

namespace whosays {
namespace {

std::vector<std::string> sentences_of(const std::string& text) {
  std::vector<std::string> out;
  for (const Span& s : split_sentences(text)) out.push_back(text.substr(s.begin, s.size()));
  return out;
}

struct SentenceCase {
  std::string text;
  std::vector<std::string> expected;
};

// Tokens as a compact dump: each token's folded form, then ^ for a capital,
// # for a number, + for a possessive split off its word.
std::string tokens_of(const std::string& text) {
  std::string out;
  for (const text::Token& token : text::split_tokens(text, {0, text.size()})) {
    if (!out.empty()) out += ' ';
    out += token.lower;
    if (token.capitalized) out += '^';
    if (token.number) out += '#';
    if (token.possessive) out += '+';
  }
  return out;
}

TEST(Tokens, Table) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"Armenia’s attacks", "armenia^ 's+ attacks"},
      {"ARMENIA'S army", "armenia^ 's+ army"},
      {"al-Shabaab fighters", "al-shabaab^ fighters"},
      {"U.S. forces", "u.s^ . forces"},
      {"1,000 died at 14:00.", "1,000# died at 14:00# ."},
      {"“We’re here,” he said", "“ we're^ here , ” he said"},
      {"military.The ministry", "military . the^ ministry"},
      {"Zürich’s mayor", "zürich^ 's+ mayor"},
  };
  for (const auto& [text, expected] : cases) EXPECT_EQ(tokens_of(text), expected) << text;
}

// A word written in lower-case ASCII is its own folded form: its token views
// the text; the others view the list's folded copy, which moves with it.
TEST(Tokens, FoldedFormsAreViews) {
  const std::string text = "The rebels said";
  text::Tokens tokens = text::split_tokens(text, {0, text.size()});
  const text::Tokens moved = std::move(tokens);
  ASSERT_EQ(moved.size(), 3u);
  EXPECT_EQ(moved[0].lower, "the");
  EXPECT_NE(moved[0].lower.data(), text.data());
  EXPECT_EQ(moved[1].lower.data(), text.data() + 4);
  EXPECT_EQ(moved[2].lower.data(), text.data() + 11);
}

TEST(SentenceSplit, Table) {
  const std::vector<SentenceCase> cases = {
      {"Two died. Three were hurt.", {"Two died.", "Three were hurt."}},
      {"Mr. Smith and Dr. Jones met Gen. Lee in St. Louis.", {"Mr. Smith and Dr. Jones met Gen. Lee in St. Louis."}},
      {"Lt. Col. Ray said U.S. forces and U.N. staff left at 6 a.m. Thursday.",
       {"Lt. Col. Ray said U.S. forces and U.N. staff left at 6 a.m. Thursday."}},
      {"J. R. Smith spoke. It was 1.5 km away, and 55,000 people live there.",
       {"J. R. Smith spoke.", "It was 1.5 km away, and 55,000 people live there."}},
      {"He said “It is over.” Then he left.", {"He said “It is over.”", "Then he left."}},
      {"‘The enemy has started an attack.’ He added more.", {"‘The enemy has started an attack.’", "He added more."}},
      {"the military.The ministry said so.", {"the military.", "The ministry said so."}},
      {"Znak.com reported it. Nothing else.", {"Znak.com reported it.", "Nothing else."}},
      {"It hit at 7:37 p.m. local time.", {"It hit at 7:37 p.m. local time."}},
      {"Was anyone hurt? No one was.", {"Was anyone hurt?", "No one was."}},
      {"Twelve\u00a0died.\u00a0Nine were hurt.", {"Twelve\u00a0died.", "Nine were hurt."}},
      {"against civilians. turkey stands by it.", {"against civilians.", "turkey stands by it."}},
      {"", {}},
      {"   ", {}},
  };
  for (const SentenceCase& c : cases) EXPECT_EQ(sentences_of(c.text), c.expected) << c.text;
}

// The block context's forms (clauses.h: from the tokens' stops and marks)
// against the scans of the text, on random strings of the pieces where they
// could differ: stops and apostrophes inside words, every quotation mark,
// Unicode spaces, non-ASCII letters, broken UTF-8.
TEST(SentenceSplit, FromTokensAsFromText) {
  const std::vector<std::string> pieces = {
      "U.S", ".", "!", "?", "'", "\"", "\u2019", "\u2018", "\u201c", "\u201d", "\u201e", "\u00ab", "\u00bb",
      "\u2039", "\u203a", " ", " ", " ", "\u00a0", "\u2009", "\u200b", "a", "B", "military", "The", "1", "22",
      ",", ":", "can", "t", "e.g", "(", ")", "[", "]", "\u2014", "-", "\u2011", "\xE2", "\xC2", "\x80", "\xF0",
      "\xE2\x80", "\u00e9", "\u00c9", "\u00b5", "Mr", "St", "...", "\n"};
  std::uint64_t state = 0x9E3779B97F4A7C15ull;
  const auto next = [&state](std::size_t bound) {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<std::size_t>((state >> 33) % bound);
  };
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    for (std::size_t n = 1 + next(14); n > 0; --n) text += pieces[next(pieces.size())];
    const text::Tokens tokens = text::tokenize(text, {0, text.size()});
    std::vector<Span> from_tokens;
    split_sentences(text, tokens, from_tokens);
    const std::vector<Span> from_text = split_sentences(text);
    ASSERT_EQ(from_tokens.size(), from_text.size()) << text;
    for (std::size_t k = 0; k < from_text.size(); ++k) {
      ASSERT_EQ(from_tokens[k].begin, from_text[k].begin) << text;
      ASSERT_EQ(from_tokens[k].end, from_text[k].end) << text;
    }
    const std::vector<Quotation> quotes = find_quotations(text, tokens);
    const std::vector<Quotation> scanned = find_quotations(text);
    ASSERT_EQ(quotes.size(), scanned.size()) << text;
    for (std::size_t k = 0; k < quotes.size(); ++k) {
      ASSERT_EQ(quotes[k].outer.begin, scanned[k].outer.begin) << text;
      ASSERT_EQ(quotes[k].outer.end, scanned[k].outer.end) << text;
      ASSERT_EQ(quotes[k].inner.begin, scanned[k].inner.begin) << text;
      ASSERT_EQ(quotes[k].inner.end, scanned[k].inner.end) << text;
    }
  }
}

std::vector<std::string> clauses_of(const std::string& text) {
  std::vector<std::string> out;
  const std::vector<Quotation> quotes = find_quotations(text);
  for (const Span& sentence : split_sentences(text)) {
    for (const Span& c : split_clauses(text, sentence, quotes)) out.push_back(text.substr(c.begin, c.size()));
  }
  return out;
}

struct ClauseCase {
  std::string text;
  std::vector<std::string> expected;
};

TEST(ClauseSplit, Table) {
  const std::vector<ClauseCase> cases = {
      {"Casualties were reported but Azerbaijan said it destroyed 12 systems.",
       {"Casualties were reported", "but Azerbaijan said it destroyed 12 systems."}},
      {"Five died; twenty were injured.", {"Five died", "twenty were injured."}},
      {"Dozens died in the attack, reportedly conducted by the Taliban.",
       {"Dozens died in the attack", "reportedly conducted by the Taliban."}},
      {"It killed 55,000 people — a record.", {"It killed 55,000 people", "a record."}},
      {"He said “we will win” and left.", {"He said", "“we will win”", "and left."}},
  };
  for (const ClauseCase& c : cases) EXPECT_EQ(clauses_of(c.text), c.expected) << c.text;
}

}  // namespace
}  // namespace whosays
