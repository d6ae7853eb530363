// Claim detection: kinds, spans, what is not a claim; table-driven against
// dump(Claim) on the project's own sentences (one rule each). The seed test reads tests/fixtures/seed-armenia-azerbaijan.json (the project's
// seed article).
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "claim_table.h"
#include "lexicon.h"
#include "words.h"
#include "whosays/analyze.h"
#include "whosays/output.h"

namespace whosays {
namespace {

using testing::Case;
using testing::run;

TEST(ClaimDetect, CasualtyAndResponsibility) {
  run({
      {{"Dozens of civilians were killed in the airstrike."},
       {R"(claim{casualty unattributed route=none text="Dozens of civilians were killed in the airstrike"})"}},
      {{"Government forces killed 12 militants."},
       {R"(claim{casualty,responsibility unattributed route=none text="Government forces killed 12 militants"})"}},
      {{"The attack killed 7 people."}, {R"(claim{casualty unattributed route=none text="The attack killed 7 people"})"}},
      {{"Hamas fighters attacked the base."},
       {R"(claim{responsibility unattributed route=none text="Hamas fighters attacked the base"})"}},
      {{"John Smith, 34, was charged with murder on Tuesday."},
       {R"(claim{responsibility unattributed route=none text="John Smith, 34, was charged with murder on Tuesday"})"}},
      {{"The army said it destroyed two armoured personnel carriers."},
       {R"(claim{casualty,responsibility attributed source="The army" cue="said" route=in_clause text="it destroyed two armoured personnel carriers"})"}},
      {{"US drone strike kills al-Qaeda leader in Yemen."},
       {R"(claim{casualty,responsibility unattributed route=none text="US drone strike kills al-Qaeda leader in Yemen"})"}},
      {{"Russian airstrikes hit a hospital."},
       {R"(claim{responsibility unattributed route=none text="Russian airstrikes hit a hospital"})"}},
      {{"The army killed 11 of them in a gunfight, losing two soldiers."},
       {R"(claim{casualty,responsibility unattributed route=none text="The army killed 11 of them in a gunfight"})",
        R"(claim{casualty unattributed route=none text="losing two soldiers"})"}},
      {{"Former rebel commander Emmanuel Tshilumba dies aged 78."}, {}},
      {{"Al-Shabaab gunmen storm a hotel in Mogadishu."},
       {R"(claim{responsibility unattributed route=none text="Al-Shabaab gunmen storm a hotel in Mogadishu"})"}},
      {{"The army said its fighters had \"neutralised\" 14 militants."},
       {R"(claim{casualty,responsibility attributed source="The army" cue="said" route=in_clause text="its fighters had "neutralised" 14 militants"})"}},
      {{"A Myanmar military jet dropped two bombs on the village."},
       {R"(claim{responsibility unattributed route=none text="A Myanmar military jet dropped two bombs on the village"})"}},
      {{"The army is bombing civilians."},
       {R"(claim{responsibility unattributed route=none text="The army is bombing civilians"})"}},
      {{"The hostages were freed unharmed."},
       {R"(claim{casualty unattributed route=none text="The hostages were freed unharmed"})"}},
      {{"There were no casualties."}, {R"(claim{casualty unattributed route=none text="There were no casualties"})"}},
      // Two tolls with their own subjects are two claims; one subject's two verbs one.
      {{"Eleven people were killed and 40 injured in the crash."},
       {R"(claim{casualty unattributed route=none text="Eleven people were killed"})",
        R"(claim{casualty unattributed route=none text="40 injured in the crash"})"}},
      {{"The blast killed twelve and injured twelve more."},
       {R"(claim{casualty unattributed route=none text="The blast killed twelve and injured twelve more"})"}},
      {{"The stampede resulted in at least 56 deaths and over 200 people injured."},
       {R"(claim{casualty unattributed route=none text="The stampede resulted in at least 56 deaths and over 200 people injured"})"}},
  });
}

TEST(ClaimDetect, NotClaims) {
  run({
      {{"The city of around 55,000 people was quiet."}, {}},
      {{"The storm could kill thousands."}, {}},
      {{"Officials fear the toll could rise."}, {}},
      {{"Were any soldiers killed?"}, {}},
      {{"If the dam breaks, many would die."}, {}},
      {{"A jackal died after eating the bait."}, {}},
      {{"He advised her to kill her parents."}, {}},
      {{"A gunman opened fire on the crowd."}, {}},  // no one hurt, nobody identified
      {{"The buildings were damaged by the quake."}, {}},
      {{"The United Nations condemned the attack."}, {}},  // blames nobody
      {{"The judge had been receiving death threats."}, {}},
  });
}

TEST(ClaimDetect, BothKindsInOneSentence) {
  run({
      {{"Civilian casualties were also reported but Azerbaijan said that they managed to destroy 12 Armenian air "
        "defense systems."},
       {R"(claim{casualty vague cue="were also reported" route=passive text="Civilian casualties were also reported"})",
        R"(claim{casualty,responsibility attributed source="Azerbaijan" cue="said" route=in_clause text="they managed to destroy 12 Armenian air defense systems"})"}},
      {{"Dozens died in the attack, reportedly conducted by the Taliban."},
       {R"(claim{casualty unattributed route=none text="Dozens died in the attack"})",
        R"(claim{responsibility vague cue="reportedly" route=hedge text="reportedly conducted by the Taliban"})"}},
  });
}

TEST(WordLists, EveryListHasWordsAndLoads) {
  ASSERT_GT(lexicon::kWordListCount, 20u);
  for (std::size_t i = 0; i < lexicon::kWordListCount; ++i) {
    EXPECT_GT(lexicon::kWordLists[i].count, 0u) << lexicon::kWordLists[i].name;
  }
  // Building the tables looks every list up by name; a missing one aborts.
  EXPECT_TRUE(words().reporting_cues.contains("said"));
  EXPECT_TRUE(words().casualty_words.contains("killed"));
}

TEST(Analysis, SeedArticle) {
  std::ifstream file(WHOSAYS_FIXTURES "/seed-armenia-azerbaijan.json");
  ASSERT_TRUE(file) << "missing fixture";
  std::stringstream json;
  json << file.rdbuf();
  const Document document = parse_article_json(json.str());
  const Analysis analysis = analyze(document);
  std::vector<std::string> flagged;
  bool helicopter = false, kalin = false, hajiyev = false;
  for (const Claim& claim : analysis.claims) {
    const std::string text = document.blocks[claim.block].text.substr(claim.span.begin, claim.span.size());
    if (claim.status != Status::attributed) flagged.push_back(text);
    if (text.find("Armenia downed an Azerbaijani military helicopter") != std::string::npos)
      helicopter = claim.source == "The Azerbaijani military" && claim.casualty && claim.responsibility;
    if (text.find("Armenia has violated the ceasefire") != std::string::npos)
      kalin = claim.source == "Ibrahim Kalin" && claim.cue == "added";
    if (text.find("The bombardment") != std::string::npos) hajiyev = claim.source == "Hikmet Hajiyev";
    EXPECT_EQ(text.find("55,000"), std::string::npos) << "a claim of the city's population: " << text;
  }
  EXPECT_EQ(flagged, (std::vector<std::string>{"Casualties were reported on both sides",
                                               "Civilian casualties were also reported"}));
  EXPECT_TRUE(helicopter);
  EXPECT_TRUE(kalin);
  EXPECT_TRUE(hajiyev);
  EXPECT_EQ(analysis.summary.claims, analysis.claims.size());
  EXPECT_EQ(analysis.summary.vague, 2u);
}

}  // namespace
}  // namespace whosays
