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


// "presumed dead", ", suspected to be X", ", believed to have": agentless
// frames, with or without their "be" (reduced after a comma).
TEST(AttributionScope, AgentlessParticiples) {
  run({
      {{"Two miners are presumed dead after the collapse."},
       {R"(claim{casualty vague cue="are presumed" route=passive text="Two miners are presumed dead after the collapse"})"}},
      {{"The fishermen were presumed drowned after the storm."},
       {R"(claim{casualty vague cue="were presumed" route=passive text="The fishermen were presumed drowned after the storm"})"}},
      {{"He is suspected of killing four people."},
       {R"(claim{casualty,responsibility vague cue="is suspected" route=passive text="He is suspected of killing four people"})"}},
  });
}

// A cue whose complement is a noun phrase ("claimed the attack") does not
// reach a description of that object after a comma; a clause complement
// keeps its relative clauses and "with" continuations.
TEST(AttributionScope, ObjectDescriptionIsTheWriters) {
  run({
      {{"The Taliban claimed the attack, which left 22 dead."},
       {R"(claim{casualty unattributed route=none text="which left 22 dead"})"}},
      {{"The militia claimed the ambush, believed to have killed 30 soldiers."},
       {R"(claim{casualty vague cue="believed" route=passive text="believed to have killed 30 soldiers"})"}},
      {{"The Taliban said the bomber struck the compound, in which 30 were killed."},
       {R"(claim{casualty attributed source="The Taliban" cue="said" route=in_clause text="in which 30 were killed"})"}},
      {{"Police said two died at the scene, with four more taken to hospital."},
       {R"(claim{casualty attributed source="Police" cue="said" route=in_clause text="two died at the scene"})",
        R"(claim{casualty attributed source="Police" cue="said" route=in_clause text="with four more taken to hospital"})"}},
  });
}

// A temporal clause right after the cue dates the speech; a relative clause
// on a postposed cue's setting describes the place: both are the writer's.
TEST(AttributionScope, SettingIsTheWriters) {
  run({
      {{"Smith told reporters after the shooting that four people were hurt."},
       {R"(claim{casualty attributed source="Smith" cue="told" route=in_clause text="four people were hurt"})"}},
      {{"The activist said before he was killed in 2019 that the camp was safe."},
       {R"(claim{casualty unattributed route=none text="before he was killed in 2019 that the camp was safe"})"}},
      {{"“Nobody moved,” Garcia said at the county hospital, where his brother died on Sunday."},
       {R"(claim{casualty unattributed route=none text="where his brother died on Sunday"})"}},
      // A cue before a colon introduces what follows; what precedes is setting.
      {{"Speaking at the clinic where she is treated for burns, the nurse said: \"We could not stop it.\""},
       {R"(claim{casualty unattributed route=none text="Speaking at the clinic where she is treated for burns"})"}},
      {{"After the crash that killed two riders, the organiser said: \"The race goes on.\""},
       {R"(claim{casualty unattributed route=none text="After the crash that killed two riders"})"}},
  });
}


// Reports are nobody in particular, however qualified ("early", "initial");
// "according to a report citing X" is the report's word; "a Reuters report"
// is Reuters's.
TEST(AttributionScope, ReportsQualifiedAndCiting) {
  run({
      {{"Early reports suggested 40 people had died."},
       {R"(claim{casualty vague source="Early reports" cue="suggested" route=generic text="40 people had died"})"}},
      {{"Initial reports said nine soldiers were wounded."},
       {R"(claim{casualty vague source="Initial reports" cue="said" route=generic text="nine soldiers were wounded"})"}},
      {{"According to a report citing the mayor's office, two police officers were injured."},
       {R"(claim{casualty vague source="a report" cue="according to" route=generic text="two police officers were injured"})"}},
      {{"According to a bulletin quoting hospital staff, six children died."},
       {R"(claim{casualty attributed source="a bulletin" cue="according to" route=in_clause text="six children died"})"}},
      {{"Two people died, according to a Reuters report."},
       {R"(claim{casualty attributed source="Reuters" cue="according to" route=in_clause text="Two people died"})"}},
  });
}


// A source is a whole noun phrase: no leading conjunction ("Although the
// government"), no leading date ("On September 3 he"); a date alone is no
// source and no person for a later "he".
TEST(AttributionScope, SourceBoundaries) {
  run({
      {{"Although the government claimed the rebels killed 12 civilians, no evidence was shown."},
       {R"(claim{casualty,responsibility attributed source="the government" cue="claimed" route=in_clause text="the rebels killed 12 civilians"})"}},
      {{"Though the army said four soldiers died, families counted more."},
       {R"(claim{casualty attributed source="the army" cue="said" route=in_clause text="four soldiers died"})"}},
      {{"On Monday the ministry said 12 people were killed."},
       {R"(claim{casualty attributed source="the ministry" cue="said" route=in_clause text="12 people were killed"})"}},
      {{"Maria Lopez spoke to the press. On September 3 she said two soldiers died."},
       {R"(claim{casualty attributed source="Maria Lopez" cue="said" route=carried_over text="two soldiers died"})"}},
  });
}

// A clause that only identifies a participant (", who died last year") or
// dates the speech ("said before he died") is the writer's, inside any frame;
// it decides only a claim that lies within it.
TEST(AttributionScope, IdentifyingClausesAreTheWriters) {
  run({
      {{"“We can win,” the mayor said, praising Jan Novak, who died in a crash last year."},
       {R"(claim{casualty unattributed route=none text="who died in a crash last year"})"}},
      {{"The senator, police said, had met Ana Ruiz, whose son was killed in 2015."},
       {R"(claim{casualty unattributed route=none text="whose son was killed in 2015"})"}},
      {{"The slogan was the last thing a young man, beaten by guards, said before he died."},
       {R"(claim{casualty unattributed route=none text="said before he died"})"}},
  });
}


// Speech verbs the guide accepts as cues ("pointed out", "stressed").
TEST(AttributionScope, MoreSpeechVerbs) {
  run({
      {{"The coroner pointed out that two of the victims had been shot in the back."},
       {R"(claim{casualty attributed source="The coroner" cue="pointed out" route=in_clause text="two of the victims had been shot in the back"})"}},
      {{"Governor Ana Ruiz stressed that 14 firefighters were injured."},
       {R"(claim{casualty attributed source="Governor Ana Ruiz" cue="stressed" route=in_clause text="14 firefighters were injured"})"}},
  });
}


// "NOUN presumed/believed to be" is a reduced agentless passive even without
// a comma: an active "believe" needs its object first.
TEST(AttributionScope, ReducedPassiveAfterNoun) {
  run({
      {{"Gunmen believed to be members of the cartel killed two guards."},
       {R"(claim{casualty,responsibility vague cue="believed" route=passive text="Gunmen believed to be members of the cartel killed two guards"})"}},
      {{"Police believe the gunman killed four."},
       {R"(claim{casualty attributed source="Police" cue="believe" route=in_clause text="the gunman killed four"})"}},
  });
}

// Headlines are judged by their own words: "Police: 12 killed" names its
// source; "Update:" is a label; nothing is carried in from the body.
TEST(AttributionScope, Headlines) {
  const auto claims = [](std::vector<Block> blocks) {
    Document document;
    document.blocks = std::move(blocks);
    std::vector<std::string> out;
    for (const Claim& claim : analyze(document).claims) out.push_back(testing::dump(claim, document));
    return out;
  };
  EXPECT_EQ(claims({{BlockKind::title, "Police: 12 killed in raid on village"}}),
            (std::vector<std::string>{R"(claim{casualty attributed source="Police" cue=":" route=in_clause text="12 killed in raid on village"})"}));
  EXPECT_EQ(claims({{BlockKind::title, "Witnesses: dozens dead after market blast"}}),
            (std::vector<std::string>{R"(claim{casualty vague source="Witnesses" cue=":" route=generic text="dozens dead after market blast"})"}));
  EXPECT_EQ(claims({{BlockKind::title, "Update: 12 killed in raid on village"}}),
            (std::vector<std::string>{R"(claim{casualty unattributed route=none text="Update: 12 killed in raid on village"})"}));
  EXPECT_EQ(claims({{BlockKind::title, "Army kills rebel commander"},
                    {BlockKind::paragraph, "The army said its troops killed the rebel commander. A spokesman released a statement:"},
                    {BlockKind::caption, "“Two civilians were killed in the crossfire.”"}}),
            (std::vector<std::string>{
                R"(claim{casualty,responsibility unattributed route=none text="Army kills rebel commander"})",
                R"(claim{casualty,responsibility attributed source="The army" cue="said" route=in_clause text="its troops killed the rebel commander"})",
                R"(claim{casualty unattributed route=none text="Two civilians were killed in the crossfire"})"}));
}


// A gerund cue after a preposition ("by saying", "after saying") is a verb:
// its speaker is the sentence's subject. "was announced to have" is
// agentless; a confession is the confessor's word (guide: "Courts and
// confessions").
TEST(AttributionScope, GerundsAnnouncementsConfessions) {
  run({
      {{"The parents tried to win his release by saying they forgave him for the killing."},
       {R"(claim{casualty attributed source="The parents" cue="saying" route=in_clause text="they forgave him for the killing"})"}},
      {{"The minister angered families after saying 12 soldiers had died."},
       {R"(claim{casualty attributed source="The minister" cue="saying" route=in_clause text="12 soldiers had died"})"}},
      {{"The mayor was later announced to have died."},
       {R"(claim{casualty vague cue="was later announced" route=passive text="The mayor was later announced to have died"})"}},
      {{"Two more deaths were announced on Monday."},
       {R"(claim{casualty vague cue="were announced" route=passive text="Two more deaths were announced on Monday"})"}},
      {{"Omar Khan confessed that he shot two guards at the depot."},
       {R"(claim{casualty,responsibility attributed source="Omar Khan" cue="confessed" route=in_clause text="he shot two guards at the depot"})"}},
      {{"Maria Lopez confessed that her brother had stabbed the two men."},
       {R"(claim{casualty attributed source="Maria Lopez" cue="confessed" route=in_clause text="her brother had stabbed the two men"})"}},
  });
}


// "The militant group, the Islamic State, claimed responsibility": the
// definite name in apposition right before the verb is the subject, so the
// claim of responsibility is the claimant's.
TEST(AttributionScope, AppositiveNameAsSubject) {
  run({
      {{"The militant group, the Islamic State, claimed responsibility for the attack."},
       {R"(claim{responsibility attributed source="the Islamic State" cue="claimed responsibility" route=in_clause text="The militant group, the Islamic State, claimed responsibility for the attack"})"}},
      {{"The rebel alliance, the Free Army, claimed responsibility for the two bombings."},
       {R"(claim{responsibility attributed source="the Free Army" cue="claimed responsibility" route=in_clause text="The rebel alliance, the Free Army, claimed responsibility for the two bombings"})"}},
  });
}


// "the suspect, who police say shot ...": a relative pronoun with its own
// subject before the cue; that subject is the source, and the suspicion
// keeps its frame (no writer's clause around a cue).
TEST(AttributionScope, SuspicionKeepsItsFrame) {
  run({
      // The relative clause with its own toll is its own claim; the cue inside it is the police's.
      {{"The suspect, who police say shot three officers, was arrested on Friday."},
       {R"(claim{casualty attributed source="police" cue="say" route=in_clause text="shot three officers"})"}},
      {{"Prosecutors charged Juan Perez, whom investigators say killed two guards."},
       {R"(claim{casualty vague source="investigators" cue="say" route=generic text="killed two guards"})"}},
      {{"The committee, which is aligned with the movement, said 40 people were wounded."},
       {R"(claim{casualty attributed source="The committee" cue="said" route=in_clause text="40 people were wounded"})"}},
  });
}


// A paragraph that opens with a quotation naming no speaker, right after a
// paragraph that ends with a named person's speech: that person goes on
// speaking. A generic or hedged speaker is not carried.
TEST(AttributionScope, QuotationContinuesLastSpeaker) {
  run({
      {{"Councillor Maria Lopez said her cousin was on the bus.", "“She's been injured, she's in hospital. We are all shaken."},
       {R"(claim{casualty attributed source="Councillor Maria Lopez" cue="said" route=quotation text="She's been injured, she's in hospital"})"}},
      {{"Witnesses said the crowd ran.", "“Two men were shot right in front of me. It was chaos."},
       {R"(claim{casualty unattributed route=none text="Two men were shot right in front of me"})"}},
  });
}


// The explanation never contradicts the verdict: "as fact" only for
// unattributed claims, "Attributed to" only for attributed ones, and a vague
// claim under "reports" names what makes it vague.
TEST(AttributionScope, ExplanationsFollowTheVerdict) {
  const std::vector<std::string> paragraphs = {
      "Reports said two people died in the blast.",
      "Eleven people were injured, according to reports.",
      "According to a report citing the mayor's office, two police officers were injured.",
      "Two miners are presumed dead after the collapse.",
      "The Taliban claimed the attack, which left 22 dead.",
      "Police said two died at the scene, with four more taken to hospital.",
      "A gunman killed four people on Sunday."};
  Document document;
  document.blocks.push_back({BlockKind::title, "Police: 12 killed in raid on village"});
  for (const std::string& p : paragraphs) document.blocks.push_back({BlockKind::paragraph, p});
  const Analysis analysis = analyze(document);
  ASSERT_GE(analysis.claims.size(), paragraphs.size());
  for (const Claim& claim : analysis.claims) {
    const std::string& why = claim.explanation;
    const bool as_fact = why.find("as fact") != std::string::npos;
    const bool attributed = why.rfind("Attributed to", 0) == 0;
    EXPECT_EQ(as_fact, claim.status == Status::unattributed) << why;
    EXPECT_EQ(attributed, claim.status == Status::attributed) << why;
    if (claim.status == Status::vague) EXPECT_NE(why.find("eport"), std::string::npos) << why;
  }
}


// "have been blamed for" with no one named is agentless; "disputes" is a
// denial, the guide's kind of cue.
TEST(AttributionScope, AgentlessBlameAndDisputes) {
  run({
      {{"Peacekeepers have been blamed for bringing the disease, killing more than 900 people."},
       {R"(claim{casualty vague cue="have been blamed" route=passive text="Peacekeepers have been blamed for bringing the disease, killing more than 900 people"})"}},
      {{"The family disputes that he was shot while fleeing."},
       {R"(claim{casualty attributed source="The family" cue="disputes" route=in_clause text="he was shot while fleeing"})"}},
      {{"Governor Ana Ruiz disputed that 40 people had died."},
       {R"(claim{casualty attributed source="Governor Ana Ruiz" cue="disputed" route=in_clause text="40 people had died"})"}},
  });
}


// "X said the following:" then unquoted paragraphs: the paragraph right after
// the colon and any numbered points after it are X's statement; the next
// ordinary paragraph is not.
// A quotation that opens in lower case continues the clause a cue reports;
// one that closes its sentence takes no cue from a next sentence that reports
// something else, but does from one that is the cue alone.
TEST(AttributionScope, QuotationAndNeighbouringCues) {
  run({
      {{"The governor told reporters that the driver's heart was restarted \"and we hope, but his condition is grave.\" Police said the road was closed."},
       {R"(claim{casualty attributed source="The governor" cue="told" route=in_clause text="the driver's heart was restarted"})",
        R"(claim{casualty attributed source="The governor" cue="told" route=quotation text="his condition is grave"})"}},
      {{"\"Four of our men died in the flood.\" The commander said."},
       {R"(claim{casualty attributed source="The commander" cue="said" route=quotation text="Four of our men died in the flood"})"}},
  });
}

// An identification or a suspicion set off by commas hedges who a
// participant is, not the toll of the clause it sits in.
TEST(AttributionScope, HedgedParticipantKeepsTheTollPlain) {
  run({
      {{"The attacker, identified as Tomas Berg, a local man, was found dead in the cab."},
       {R"(claim{responsibility vague cue="identified as" route=passive text="The attacker, identified as Tomas Berg"})",
        R"(claim{casualty unattributed route=none text="was found dead in the cab"})"}},
      {{"A guard was stabbed in the yard by an inmate, believed to be a gang member."},
       {R"(claim{casualty unattributed route=none text="A guard was stabbed in the yard by an inmate"})"}},
      {{"Two nurses were injured on Sunday by a patient, said to be a former soldier."},
       {R"(claim{casualty unattributed route=none text="Two nurses were injured on Sunday by a patient"})"}},
  });
}

// Guide, Settled questions: footage and photos are evidence, not a source.
TEST(AttributionScope, EvidenceIsNoSource) {
  run({
      {{"Three protesters were shot, according to video footage."},
       {R"(claim{casualty unattributed route=none text="Three protesters were shot"})"}},
      {{"According to photos from the scene, two men were killed."},
       {R"(claim{casualty unattributed route=none text="two men were killed"})"}},
  });
}

// A predicate after "and" shares its subject and the agentless frame of the
// clause before ("estimated to have ... and claimed 3000 lives").
TEST(AttributionScope, CoordinatedPredicateSharesTheFrame) {
  run({
      {{"The town never recovered from the cyclone, estimated to have cost $2 billion and claimed 80 lives."},
       {R"(claim{casualty vague cue="estimated" route=passive text="claimed 80 lives"})"}},
      {{"The outbreak is thought to have started in May and claimed 12 lives."},
       {R"(claim{casualty vague cue="is thought" route=passive text="claimed 12 lives"})"}},
  });
}

// A clause of time or cause after a hedged clause continues what the hedge governs.
TEST(AttributionScope, HedgeReachesItsTimeClause) {
  run({
      {{"The guard was reportedly in a stable condition, after a shard struck him in the chest."},
       {R"(claim{casualty vague cue="reportedly" route=hedge text="The guard was reportedly in a stable condition"})",
        R"(claim{casualty vague cue="reportedly" route=hedge text="after a shard struck him in the chest"})"}},
      {{"Rescue crews were reportedly on site, when a second blast killed two of them."},
       {R"(claim{casualty vague cue="reportedly" route=hedge text="when a second blast killed two of them"})"}},
  });
}

// A straight mark in closing position closes a curly one left open by a
// source that mixes marks.
TEST(AttributionScope, MixedQuotationMarks) {
  run({
      {{"\u201cAbout 40 people were taken to hospitals,\" the fire service said. Roads stayed shut."},
       {R"(claim{casualty attributed source="the fire service" cue="said" route=quotation text="About 40 people were taken to hospitals"})"}},
      {{"\u201cWe lost two of our crew tonight.\" the captain told reporters on the quay."},
       {R"(claim{casualty attributed source="the captain" cue="told" route=quotation text="We lost two of our crew tonight"})"}},
  });
}

TEST(AttributionScope, StatementAfterColon) {
  run({
      {{"The Rebel Front said the following:", "1. The army killed four peasants in the village.",
        "2. Soldiers burned the market, killing two traders.", "Later, two people died in a crash."},
       {R"(claim{casualty,responsibility attributed source="The Rebel Front" cue="said" route=in_clause text="The army killed four peasants in the village"})",
        R"(claim{casualty attributed source="The Rebel Front" cue="said" route=in_clause text="Soldiers burned the market, killing two traders"})",
        R"(claim{casualty unattributed route=none text="Later, two people died in a crash"})"}},
      {{"The interior ministry said in a statement on Sunday:", "Three officers were wounded by gunfire at the checkpoint.",
        "The ministry gave no further details. Two guards were hurt."},
       {R"(claim{casualty attributed source="The interior ministry" cue="said in a statement" route=in_clause text="Three officers were wounded by gunfire at the checkpoint"})",
        R"(claim{casualty unattributed route=none text="Two guards were hurt"})"}},
  });
}

}  // namespace
}  // namespace whosays
