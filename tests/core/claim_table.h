// Shared by the claim and attribution suites: a table of paragraphs and the
// dump(Claim) lines their analysis must give.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "dump.h"
#include "whosays/analyze.h"
#include "whosays/output.h"

namespace whosays::testing {

// dump() of every claim in a document made of a title and these paragraphs.
inline std::vector<std::string> dumps(const std::vector<std::string>& paragraphs) {
  Document document;
  document.blocks.push_back({BlockKind::title, "Report"});
  for (const std::string& p : paragraphs) document.blocks.push_back({BlockKind::paragraph, p});
  std::vector<std::string> out;
  for (const Claim& claim : analyze(document).claims) out.push_back(testing::dump(claim, document));
  return out;
}

struct Case {
  std::vector<std::string> paragraphs;
  std::vector<std::string> expected;
};

inline void run(const std::vector<Case>& cases) {
  for (const Case& c : cases) EXPECT_EQ(dumps(c.paragraphs), c.expected) << c.paragraphs.front();
}

}  // namespace whosays::testing
