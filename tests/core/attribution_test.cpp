// Attribution verdicts, sources, cues and routes: table-driven against
// dump(Claim), on the project's own sentences (one rule each).
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
      {{"The Syrian Observatory for Human Rights, a UK-based monitoring group, said 35 civilians were killed."},
       {R"(claim{casualty attributed source="The Syrian Observatory for Human Rights" cue="said" route=in_clause text="35 civilians were killed"})"}},
      {{"The government denied targeting civilians."},
       {R"(claim{responsibility attributed source="The government" cue="denied targeting" route=in_clause text="The government denied targeting civilians"})"}},
      {{"Airstrikes hit a wedding party, killing dozens, medical sources said."},
       {R"(claim{casualty vague source="medical sources" cue="said" route=generic text="Airstrikes hit a wedding party, killing dozens"})"}},
      {{"According to a statement from the Red Cross, 45 people were treated for injuries."},
       {R"(claim{casualty attributed source="the Red Cross" cue="according to" route=in_clause text="45 people were treated for injuries"})"}},
      {{"Figures from the health ministry show 120 deaths in the region."},
       {R"(claim{casualty attributed source="the health ministry" cue="show" route=in_clause text="120 deaths in the region"})"}},
      {{"The video showed a crowd. Police fired on the crowd."},
       {R"(claim{responsibility unattributed route=none text="Police fired on the crowd"})"}},
      {{"According to Dr. José Núñez, director of the hospital, 12 patients died."},
       {R"(claim{casualty attributed source="Dr. José Núñez" cue="according to" route=in_clause text="12 patients died"})"}},
      {{"The committee, which is aligned with the movement, said 40 people were wounded."},
       {R"(claim{casualty attributed source="The committee" cue="said" route=in_clause text="40 people were wounded"})"}},
      {{"In a separate strike, the ministry said, a coalition raid killed three children."},
       {R"(claim{casualty,responsibility attributed source="the ministry" cue="said" route=postposed text="a coalition raid killed three children"})"}},
      {{"The ministry did not comment on the drones but said its forces destroyed two tanks."},
       {R"(claim{casualty,responsibility attributed source="The ministry" cue="said" route=in_clause text="its forces destroyed two tanks"})"}},
      {{"No casualties were reported in the two hospitals, provincial governor Pio Matos told reporters."},
       {R"(claim{casualty attributed source="provincial governor Pio Matos" cue="told" route=postposed text="No casualties were reported in the two hospitals"})"}},
      {{"At least 5,000 civilians have died, according to a tally kept by the Association for Political Prisoners."},
       {R"(claim{casualty attributed source="the Association for Political Prisoners" cue="according to" route=in_clause text="At least 5,000 civilians have died"})"}},
      {{"The committee rejected the accusations. It said enemy troops had attacked a checkpoint first."},
       {R"(claim{responsibility attributed source="The committee" cue="rejected the accusations" route=in_clause text="The committee rejected the accusations"})",
        R"(claim{responsibility attributed source="The committee" cue="said" route=carried_over text="enemy troops had attacked a checkpoint first"})"}},
      {{"Tajik officials put their own losses at six dead."},
       {R"(claim{casualty attributed source="Tajik officials" cue="put" route=in_clause text="Tajik officials put their own losses at six dead"})"}},
      {{"Rights groups have accused the army of killing civilians, charges the government denies."},
       {R"(claim{casualty,responsibility vague source="Rights groups" cue="accused" route=generic text="Rights groups have accused the army of killing civilians"})"}},
      {{"Six passengers were killed outside Bamenda, the capital of the region, the regional governor said."},
       {R"(claim{casualty attributed source="the regional governor" cue="said" route=postposed text="Six passengers were killed outside Bamenda, the capital of the region"})"}},
      {{"A spokesman for the Defence Forces, one of the main armed groups, denied any involvement."},
       {R"(claim{responsibility attributed source="A spokesman for the Defence Forces" cue="denied any involvement" route=in_clause text="denied any involvement"})"}},
      {{"“We will find them,” said Colonel Emmanuel Atangana, adding that soldiers had killed two suspects."},
       {R"(claim{casualty,responsibility attributed source="Colonel Emmanuel Atangana" cue="adding" route=in_clause text="soldiers had killed two suspects"})"}},
      {{"Sources told Reuters that 40 fighters were killed."},
       {R"(claim{casualty vague source="Sources" cue="told" route=generic text="40 fighters were killed"})"}},
  });
}

TEST(Attribution, Vague) {
  run({
      {{"A teacher who survived spoke to reporters by telephone. He said at least 50 people had been wounded."},
       {R"(claim{casualty vague source="A teacher" cue="said" route=generic text="at least 50 people had been wounded"})"}},
      {{"Residents disputed the police account. Several told a news website that two of the dead were teenagers."},
       {R"(claim{casualty vague source="Several" cue="told" route=generic text="two of the dead were teenagers"})"}},
      {{"Five people were reportedly injured."},
       {R"(claim{casualty vague cue="reportedly" route=hedge text="Five people were reportedly injured"})"}},
      {{"Casualties were reported on both sides."},
       {R"(claim{casualty vague cue="were reported" route=passive text="Casualties were reported on both sides"})"}},
      {{"Local officials said at least 30 people had died."},
       {R"(claim{casualty vague source="Local officials" cue="said" route=generic text="at least 30 people had died"})"}},
      {{"Witnesses said soldiers chased the crowd into side streets and fired at them."},
       {R"(claim{responsibility vague source="Witnesses" cue="said" route=generic text="soldiers chased the crowd into side streets and fired at them"})"}},
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
      {{"Emmanuel Tshilumba led the group for a decade. He always denied ordering the killings."},
       {R"(claim{casualty,responsibility attributed source="Emmanuel Tshilumba" cue="denied ordering" route=carried_over text="He always denied ordering the killings"})"}},
      {{"Dozens died. Police recovered more bodies."},
       {R"(claim{casualty unattributed route=none text="Dozens died"})",
        R"(claim{casualty unattributed route=none text="Police recovered more bodies"})"}},
  });
}

TEST(Attribution, BlockQuoteWithoutMarks) {
  Document document;
  document.blocks.push_back({BlockKind::title, "Report"});
  document.blocks.push_back({BlockKind::paragraph, "The border service released a statement:"});
  document.blocks.push_back({BlockKind::quote, "Enemy formations opened fire on our posts. Two of our servicemen were killed."});
  std::vector<std::string> out;
  for (const Claim& claim : analyze(document).claims) out.push_back(testing::dump(claim, document));
  EXPECT_EQ(out, (std::vector<std::string>{
                     R"(claim{responsibility attributed source="The border service" cue="released a statement" route=quotation text="Enemy formations opened fire on our posts"})",
                     R"(claim{casualty attributed source="The border service" cue="released a statement" route=quotation text="Two of our servicemen were killed"})"}));
}

}  // namespace
}  // namespace whosays
