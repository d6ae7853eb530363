// How far attribution reaches (issue 9: scope, headlines, source boundaries):
// table-driven against dump(Claim), on the project's own sentences, at least
// two per rule, written in the manner of different outlets.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "claim_table.h"
#include "dump.h"
#include "whosays/analyze.h"
#include "whosays/output.h"

namespace whosays {
namespace {

using testing::Case;
using testing::run;

// A capitalised reporting word after another capitalised word ends a name
// ("United States", "Port Said"): no cue, so no source made of half a name.
TEST(AttributionScope, CueInsideName) {
  run({
      {{"In 2001, agents of the group attacked the United States embassy, killing 12 guards."},
       {R"(claim{casualty unattributed route=none text="In 2001, agents of the group attacked the United States embassy, killing 12 guards"})"}},
      {{"A ferry fire near Port Said left nine passengers dead."},
       {R"(claim{casualty unattributed route=none text="A ferry fire near Port Said left nine passengers dead"})"}},
      {{"The raid in the United States killed four people, the ministry said."},
       {R"(claim{casualty attributed source="the ministry" cue="said" route=postposed text="The raid in the United States killed four people"})"}},
  });
}

// "Reports said", "Media reports say": reports are nobody in particular.
TEST(AttributionScope, ReportsAsSubject) {
  run({
      {{"Reports said two people died in the blast."},
       {R"(claim{casualty vague source="Reports" cue="said" route=generic text="two people died in the blast"})"}},
      {{"Local media reports say 14 villagers were wounded."},
       {R"(claim{casualty vague source="Local media reports" cue="say" route=generic text="14 villagers were wounded"})"}},
      {{"Eleven people were injured, according to reports."},
       {R"(claim{casualty vague cue="according to reports" route=hedge text="Eleven people were injured"})"}},
  });
}

}  // namespace
}  // namespace whosays
