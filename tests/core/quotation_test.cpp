// Quotations: straight and curly marks, apostrophes, nesting, guillemets,
// quotations across sentences; table-driven.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "whosays/segment.h"

namespace whosays {
namespace {

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

}  // namespace
}  // namespace whosays
