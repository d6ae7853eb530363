// Sentences, quotations and clauses: table-driven against a compact dump.
#include <gtest/gtest.h>

#include <string>
#include <vector>

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

std::vector<std::string> quotations_of(const std::string& text) {
  std::vector<std::string> out;
  for (const Quotation& q : find_quotations(text)) out.push_back(text.substr(q.inner.begin, q.inner.size()));
  return out;
}

struct QuoteCase {
  std::string text;
  std::vector<std::string> expected;  // inner texts, outer quotations first
};

TEST(Quotations, Table) {
  const std::vector<QuoteCase> cases = {
      {"He said \"we are safe\" today.", {"we are safe"}},
      {"He said “we are safe” today.", {"we are safe"}},
      {"Kalin tweeted ‘We condemn Armenia’s attacks.’ Turkey’s view.", {"We condemn Armenia’s attacks."}},
      {"‘Say ‘no’ to this provocation. Turkey’s backing.’", {"Say ‘no’ to this provocation. Turkey’s backing.", "no"}},
      {"It was 'terrorist-related' they said, and can't be.", {"terrorist-related"}},
      {"«Nous sommes» dit-il.", {"Nous sommes"}},
      {"„Wir sind“ sagte er.", {"Wir sind"}},
      {"The Houthis' leader said so.", {}},
      {"“A paragraph that runs on", {"A paragraph that runs on"}},
      {"No quotes at all.", {}},
  };
  for (const QuoteCase& c : cases) EXPECT_EQ(quotations_of(c.text), c.expected) << c.text;
}

TEST(Quotations, AcrossSentences) {
  const std::string text = "He said: “It began at dawn. Many died.” Then he left.";
  const std::vector<Quotation> quotes = find_quotations(text);
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(text.substr(quotes[0].inner.begin, quotes[0].inner.size()), "It began at dawn. Many died.");
  EXPECT_EQ(split_sentences(text).size(), 3u);
}

TEST(Quotations, HostileNestingStaysBounded) {
  // 100,000 opening marks and no closing one: one quotation, not 100,000.
  std::string text;
  for (int i = 0; i < 100000; ++i) text += "“";
  EXPECT_EQ(find_quotations(text).size(), 1u);
}

std::vector<std::string> clauses_of(const std::string& text) {
  std::vector<std::string> out;
  const std::vector<Quotation> quotes = find_quotations(text);
  for (const Span& sentence : split_sentences(text)) {
    for (const Span& c : split_clauses(text, sentence, quotes)) out.push_back(text.substr(c.begin, c.size()));
  }
  return out;
}

TEST(ClauseSplit, Table) {
  const std::vector<QuoteCase> cases = {
      {"Casualties were reported but Azerbaijan said it destroyed 12 systems.",
       {"Casualties were reported", "but Azerbaijan said it destroyed 12 systems."}},
      {"Five died; twenty were injured.", {"Five died", "twenty were injured."}},
      {"Dozens died in the attack, reportedly conducted by the Taliban.",
       {"Dozens died in the attack", "reportedly conducted by the Taliban."}},
      {"It killed 55,000 people — a record.", {"It killed 55,000 people", "a record."}},
      {"He said “we will win” and left.", {"He said", "“we will win”", "and left."}},
  };
  for (const QuoteCase& c : cases) EXPECT_EQ(clauses_of(c.text), c.expected) << c.text;
}

}  // namespace
}  // namespace whosays
