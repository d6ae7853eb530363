// Claims and their attribution: table-driven against dump(Claim). The
// sentences are the project's own, written to exercise one rule each; the
// seed test reads tests/fixtures/seed-armenia-azerbaijan.json (the project's
// seed article).
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "whosays/analyze.h"

namespace whosays {
namespace {

std::vector<std::string> dumps(const std::vector<std::string>& paragraphs) {
  Document document;
  document.blocks.push_back({BlockKind::title, "Report"});
  for (const std::string& p : paragraphs) document.blocks.push_back({BlockKind::paragraph, p});
  std::vector<std::string> out;
  for (const Claim& claim : analyze(document).claims) out.push_back(dump(claim, document));
  return out;
}

struct Case {
  std::vector<std::string> paragraphs;
  std::vector<std::string> expected;
};

void run(const std::vector<Case>& cases) {
  for (const Case& c : cases) EXPECT_EQ(dumps(c.paragraphs), c.expected) << c.paragraphs.front();
}

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
      {{"There were no casualties."}, {R"(claim{casualty unattributed route=none text="There were no casualties"})"}},
      {{"Eleven people were killed and 40 injured in the crash."},
       {R"(claim{casualty unattributed route=none text="Eleven people were killed and 40 injured in the crash"})"}},
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

TEST(Attribution, NamedSources) {
  run({
      {{"At least 20 people were killed in the blast, police said."},
       {R"(claim{casualty attributed source="police" cue="said" route=postposed text="At least 20 people were killed in the blast"})"}},
      {{"According to the health ministry, 42 people were wounded."},
       {R"(claim{casualty attributed source="the health ministry" cue="according to" route=in_clause text="42 people were wounded"})"}},
      {{"Hospital officials said three children were among the dead."},
       {R"(claim{casualty attributed source="Hospital officials" cue="said" route=in_clause text="three children were among the dead"})"}},
      {{"The Islamic State group claimed responsibility for the bombing."},
       {R"(claim{responsibility attributed source="The Islamic State group" cue="claimed responsibility" route=in_clause text="The Islamic State group claimed responsibility for the bombing"})"}},
      {{"Security forces killed two militants in a raid, a police spokesman said."},
       {R"(claim{casualty,responsibility attributed source="a police spokesman" cue="said" route=postposed text="Security forces killed two militants in a raid"})"}},
      {{"Hikmet Hajiyev, an aide to the president, said 30 soldiers were wounded."},
       {R"(claim{casualty attributed source="Hikmet Hajiyev" cue="said" route=in_clause text="30 soldiers were wounded"})"}},
      {{"Three guards were shot dead overnight, said the mayor, Jiří Novák."},
       {R"(claim{casualty attributed source="Jiří Novák" cue="said" route=postposed text="Three guards were shot dead overnight"})"}},
      {{"Sources told Reuters that 40 fighters were killed."},
       {R"(claim{casualty vague source="Sources" cue="told" route=generic text="40 fighters were killed"})"}},
  });
}

TEST(Attribution, Vague) {
  run({
      {{"Five people were reportedly injured."},
       {R"(claim{casualty vague cue="reportedly" route=hedge text="Five people were reportedly injured"})"}},
      {{"Casualties were reported on both sides."},
       {R"(claim{casualty vague cue="were reported" route=passive text="Casualties were reported on both sides"})"}},
      {{"Local officials said at least 30 people had died."},
       {R"(claim{casualty vague source="Local officials" cue="said" route=generic text="at least 30 people had died"})"}},
      {{"Witnesses said the soldiers fired on the crowd."},
       {R"(claim{responsibility vague source="Witnesses" cue="said" route=generic text="the soldiers fired on the crowd"})"}},
      {{"A source in the Interior Ministry reportedly said 12 guards died."},
       {R"(claim{casualty vague source="A source in the Interior Ministry" cue="said" route=hedge text="12 guards died"})"}},
      {{"Nine died in the market bombing, which was blamed on the rebels."},
       {R"(claim{casualty unattributed route=none text="Nine died in the market bombing"})",
        R"(claim{responsibility vague cue="was blamed" route=passive text="which was blamed on the rebels"})"}},
      {{"Houthi rebels have been blamed for the attack."},
       {R"(claim{responsibility vague cue="have been blamed" route=passive text="Houthi rebels have been blamed for the attack"})"}},
  });
}

TEST(Attribution, CarriedOverAndQuoted) {
  run({
      {{"Mayor Jane Doe told reporters that six people were injured. She added that two were in critical condition."},
       {R"(claim{casualty attributed source="Mayor Jane Doe" cue="told" route=in_clause text="six people were injured"})",
        R"(claim{casualty attributed source="Mayor Jane Doe" cue="added" route=carried_over text="two were in critical condition"})"}},
      {{"The minister released a statement on Sunday,", "‘The shelling by the rebel army killed nine civilians.’"},
       {R"(claim{casualty,responsibility attributed source="The minister" cue="released a statement" route=quotation text="The shelling by the rebel army killed nine civilians"})"}},
      {{"“We lost our homes and twelve of our neighbours were killed,” said Colonel Ahmed Rashid."},
       {R"(claim{casualty attributed source="Colonel Ahmed Rashid" cue="said" route=quotation text="twelve of our neighbours were killed"})"}},
      {{"Dozens died. Police recovered more bodies."},
       {R"(claim{casualty unattributed route=none text="Dozens died"})",
        R"(claim{casualty unattributed route=none text="Police recovered more bodies"})"}},
  });
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
