// Casualty rules beyond the casualty words (casualty.cpp): injuries told by
// treatment, hospital or a patient's condition; killings told by a noun or a
// euphemism; idioms that hold a casualty word but tell of no harm; clause
// extent around casualty predicates. Each rule has two sentences of
// different shape, written for these tests.
#include <gtest/gtest.h>

#include "claim_table.h"

namespace whosays {
namespace {

using testing::run;

TEST(CasualtyRules, Treatment) {
  run({
      {{"Paramedics said 14 had been taken to three hospitals after the pile-up."},
       {R"(claim{casualty vague source="Paramedics" cue="said" route=generic text="14 had been taken to three hospitals after the pile-up"})"}},
      {{"About 80 fans were transported to nearby hospitals."},
       {R"(claim{casualty unattributed route=none text="About 80 fans were transported to nearby hospitals"})"}},
      {{"The driver was airlifted to hospital from the motorway."},
       {R"(claim{casualty unattributed route=none text="The driver was airlifted to hospital from the motorway"})"}},
      {{"Two miners remain in hospital."},
       {R"(claim{casualty unattributed route=none text="Two miners remain in hospital"})"}},
      {{"The officer underwent emergency surgery overnight."},
       {R"(claim{casualty unattributed route=none text="The officer underwent emergency surgery overnight"})"}},
      {{"The boy required resuscitation at the scene."},
       {R"(claim{casualty unattributed route=none text="The boy required resuscitation at the scene"})"}},
      {{"A cyclist suffered deep cuts to his face and arms."},
       {R"(claim{casualty unattributed route=none text="A cyclist suffered deep cuts to his face and arms"})"}},
      // A head count right after a verb of care.
      {{"A spokeswoman said the clinic was treating 17 people."},
       {R"(claim{casualty attributed source="A spokeswoman" cue="said" route=in_clause text="the clinic was treating 17 people"})"}},
      {{"The field hospital admitted 40 patients on Sunday."},
       {R"(claim{casualty unattributed route=none text="The field hospital admitted 40 patients on Sunday"})"}},
      {{"He was treated 3 times for asthma."}, {}},
      {{"The pilot was flown to the Medical University hospital in Lublin."},
       {R"(claim{casualty unattributed route=none text="The pilot was flown to the Medical University hospital in Lublin"})"}},
      {{"Three fans received medical attention in the stands."},
       {R"(claim{casualty unattributed route=none text="Three fans received medical attention in the stands"})"}},
      {{"The convoy brought medical supplies to the town."}, {}},
      {{"The guard sustained a concussion in the scuffle."},
       {R"(claim{casualty unattributed route=none text="The guard sustained a concussion in the scuffle"})"}},
  });
}

// A person hit by a vehicle is a casualty; a vehicle hit by another is a collision.
TEST(CasualtyRules, StruckByAVehicle) {
  run({
      {{"A cyclist was struck by a delivery van on the bridge."},
       {R"(claim{casualty unattributed route=none text="A cyclist was struck by a delivery van on the bridge"})"}},
      {{"The pensioner was hit by a Toyota outside her home."},
       {R"(claim{casualty unattributed route=none text="The pensioner was hit by a Toyota outside her home"})"}},
      {{"The bus was hit by a train at the crossing."}, {}},
      {{"The region was hit by a storm."}, {}},
  });
}

// More of the casualties a sentence has counted, told as "others" who arrived.
TEST(CasualtyRules, OthersArrived) {
  run({
      {{"Nineteen were taken to hospital by ambulance, while six others arrived on foot."},
       {R"(claim{casualty unattributed route=none text="Nineteen were taken to hospital by ambulance"})",
        R"(claim{casualty unattributed route=none text="while six others arrived on foot"})"}},
      {{"Eight were hurt in the crush and five more walked in later."},
       {R"(claim{casualty unattributed route=none text="Eight were hurt in the crush"})",
        R"(claim{casualty unattributed route=none text="five more walked in later"})"}},
      {{"Ten guests left early, while six others arrived on foot."}, {}},
  });
}

TEST(CasualtyRules, BlowToABodyPart) {
  run({
      {{"A stray round struck the boy in the shoulder."},
       {R"(claim{casualty unattributed route=none text="A stray round struck the boy in the shoulder"})"}},
      {{"Shrapnel pierced both legs of the driver."},
       {R"(claim{casualty unattributed route=none text="Shrapnel pierced both legs of the driver"})"}},
      {{"The senator hit back at her critics."}, {}},
      // The body part as subject of the passive; "no arteries were hit" is a claim of no harm.
      {{"Doctors determined that no arteries were hit."},
       {R"(claim{casualty vague source="Doctors" cue="determined that" route=generic text="no arteries were hit"})"}},
      {{"His left lung was pierced by the blade."},
       {R"(claim{casualty unattributed route=none text="His left lung was pierced by the blade"})"}},
      {{"The mayor hit the nail on the head."}, {}},
  });
}

TEST(CasualtyRules, PatientCondition) {
  run({
      {{"The teenager was in fair condition on Monday."},
       {R"(claim{casualty unattributed route=none text="The teenager was in fair condition on Monday"})"}},
      {{"Doctors said the mayor was in a \"grave\" condition."},
       {R"(claim{casualty vague source="Doctors" cue="said" route=generic text="the mayor was in a "grave" condition"})"}},
      // A condition told by a predicate: someone's condition "is very difficult".
      {{"A surgeon said her condition remained critical."},
       {R"(claim{casualty attributed source="A surgeon" cue="said" route=in_clause text="her condition remained critical"})"}},
      {{"The cyclist's condition is very difficult, the hospital said."},
       {R"(claim{casualty attributed source="the hospital" cue="said" route=postposed text="The cyclist's condition is very difficult"})"}},
      {{"The condition of the bridge was poor."}, {}},
  });
}

TEST(CasualtyRules, RoutineCareIsNoInjury) {
  run({
      {{"The senator underwent elective knee surgery last spring."}, {}},
      {{"She had planned surgery on her hip in March."}, {}},
  });
}

TEST(CasualtyRules, LivesTaken) {
  run({
      {{"The floods have claimed more than 200 lives this month."},
       {R"(claim{casualty unattributed route=none text="The floods have claimed more than 200 lives this month"})"}},
      {{"The feud cost at least 40 lives over a decade."},
       {R"(claim{casualty unattributed route=none text="The feud cost at least 40 lives over a decade"})"}},
      {{"The governor defended his life story against the claims."}, {}},
  });
}

TEST(CasualtyRules, KillingsByNoun) {
  run({
      {{"The assassination of two judges shocked the capital."},
       {R"(claim{casualty unattributed route=none text="The assassination of two judges shocked the capital"})"}},
      {{"Protesters marched after the slaying of four students."},
       {R"(claim{casualty unattributed route=none text="Protesters marched after the slaying of four students"})"}},
      {{"Investigators linked him to six of the murders."},
       {R"(claim{casualty unattributed route=none text="Investigators linked him to six of the murders"})"}},
      {{"The attempted murder of a witness is being investigated."}, {}},
  });
}

TEST(CasualtyRules, Euphemisms) {
  run({
      {{"Three attackers blew themselves up at the checkpoint."},
       {R"(claim{casualty unattributed route=none text="Three attackers blew themselves up at the checkpoint"})"}},
      {{"The prisoner committed suicide in his cell."},
       {R"(claim{casualty unattributed route=none text="The prisoner committed suicide in his cell"})"}},
      {{"Rescuers said one body had been pulled from the river."},
       {R"(claim{casualty vague source="Rescuers" cue="said" route=generic text="one body had been pulled from the river"})"}},
      {{"The gunmen were gunning down passers-by."},
       {R"(claim{casualty unattributed route=none text="The gunmen were gunning down passers-by"})"}},
      {{"The refugee was found slain near the border."},
       {R"(claim{casualty unattributed route=none text="The refugee was found slain near the border"})"}},
  });
}

// A death told without a death word: a person who "didn't make it", a
// patient who "stopped breathing", a heart restarted.
TEST(CasualtyRules, SurvivalDenied) {
  run({
      {{"\"We tried, but I don't think he made it,\" the lifeguard said."},
       {R"(claim{casualty attributed source="the lifeguard" cue="said" route=quotation text="I don't think he made it"})"}},
      {{"Two of the passengers didn't make it at all."},
       {R"(claim{casualty unattributed route=none text="Two of the passengers didn't make it at all"})"}},
      {{"The infant had stopped breathing before the ambulance came."},
       {R"(claim{casualty unattributed route=none text="The infant had stopped breathing"})"}},
      {{"The goalkeeper's heart was restarted on the pitch."},
       {R"(claim{casualty unattributed route=none text="The goalkeeper's heart was restarted on the pitch"})"}},
      // Not a person, or not the whole of "make it": nothing.
      {{"The amendment did not make it."}, {}},
      {{"They didn't make it to the final this year."}, {}},
  });
}

TEST(CasualtyRules, FatalEvents) {
  run({
      {{"Police closed the road after a fatal crash."},
       {R"(claim{casualty unattributed route=none text="Police closed the road after a fatal crash"})"}},
      {{"It was the most deadly bombing in the city's history."},
       {R"(claim{casualty unattributed route=none text="It was the most deadly bombing in the city's history"})"}},
      {{"The lobby says lethal assault weapons should stay legal."}, {}},
  });
}

TEST(CasualtyRules, HurtAndLostWithAnObject) {
  // Active "hurt" and "lost" with a thing for object are figurative; with
  // people, a count, a relative or a body part they are harm.
  run({
      {{"Higher tariffs hurt small farms across the state."}, {}},
      {{"The mayor lost the runoff by 300 votes."}, {}},
      {{"Thousands of workers lost their jobs."}, {}},
      {{"The explosion hurt 14 workers."},
       {R"(claim{casualty unattributed route=none text="The explosion hurt 14 workers"})"}},
      {{"The regiment lost three soldiers in the ambush."},
       {R"(claim{casualty unattributed route=none text="The regiment lost three soldiers in the ambush"})"}},
      {{"A shepherd lost a leg to the mine."},
       {R"(claim{casualty unattributed route=none text="A shepherd lost a leg to the mine"})"}},
      {{"\"I lost my brother in the flood,\" she said."},
       {R"(claim{casualty attributed source="she" cue="said" route=quotation text="I lost my brother in the flood"})"}},
      {{"He lost his temper at the hearing."}, {}},
      {{"Nobody was hurt."},
       {R"(claim{casualty unattributed route=none text="Nobody was hurt"})"}},
  });
}

TEST(CasualtyRules, TrappedIsNoCasualty) {
  // Guide, Settled questions: people trapped are not casualties unless the
  // text says they are missing or feared dead.
  run({
      {{"Dozens of people were trapped in the lift for an hour."}, {}},
      {{"Firefighters freed six workers trapped in the basement."}, {}},
  });
}

// "Reported missing" is a missing person's status, a casualty the writer states.
TEST(CasualtyRules, ReportedMissing) {
  run({
      {{"The youngest climber, a student from Graz, was reported missing on Monday."},
       {R"(claim{casualty unattributed route=none text="The youngest climber, a student from Graz, was reported missing on Monday"})"}},
      {{"Eleven fishermen have been reported missing since the storm."},
       {R"(claim{casualty unattributed route=none text="Eleven fishermen have been reported missing since the storm"})"}},
  });
}

// Casualty words that state no loss: a harm denied by contrast, a kind of
// killing spoken of in general, victims named as where things came from, a
// number that belongs to a name.
TEST(CasualtyRules, NoLossStated) {
  run({
      {{"She expected him to be questioned, not shot, her lawyer said."}, {}},
      {{"The crowd was to be dispersed, not killed."}, {}},
      {{"Campaigners want tougher laws on honour killings."}, {}},
      {{"The perpetrators of dowry deaths often go free."}, {}},
      {{"Two honour killings were reported in the province."},
       {R"(claim{casualty vague cue="were reported" route=passive text="Two honour killings were reported in the province"})"}},
      {{"Letters taken from victims were shown to the jury."}, {}},
      {{"Blood from one victim was found on the coat."}, {}},
      {{"The hikers were lost near Highway 74."}, {}},
      {{"Police said 12 were missing near Route 9."},
       {R"(claim{casualty attributed source="Police" cue="said" route=in_clause text="12 were missing near Route 9"})"}},
  });
}

TEST(CasualtyRules, IdiomsAreNoCasualty) {
  run({
      {{"The band's photo shoot ran late."}, {}},
      {{"The two candidates are in a dead heat."}, {}},
      {{"The talks have reached a dead end."}, {}},
      {{"The singer shot to fame in 2009."}, {}},
      {{"Analysts say the scandal hurt him in the suburbs."}, {}},
      {{"The currency is caught in a death spiral."}, {}},
      {{"The long campaign has taken a toll on the governor."}, {}},
      {{"The party moved to stop the bleeding after the primary."}, {}},
      {{"The investor made a killing on the deal."}, {}},
  });
}

TEST(CasualtyRules, ClauseExtent) {
  run({
      // "and" + a reporter after a clause with its own verb starts a new report.
      // TODO(2026-11-26): the source should stop at "and" ("a park ranger",
      // "the prison service"); sources are found by frames.cpp, reported there.
      {{"The climber was flown to hospital and a park ranger said she was in stable condition."},
       {R"(claim{casualty unattributed route=none text="The climber was flown to hospital"})",
       R"(claim{casualty attributed source="The climber was flown to hospital and a park ranger" cue="said" route=in_clause text="she was in stable condition"})"}},
      {{"Two guards were wounded and the prison service said three inmates were missing."},
       {R"(claim{casualty unattributed route=none text="Two guards were wounded"})",
       R"(claim{casualty attributed source="Two guards were wounded and the prison service" cue="said" route=in_clause text="three inmates were missing"})"}},
      // A subject list before the cue is one subject.
      {{"The army and the police said 12 people died."},
       {R"(claim{casualty attributed source="The army and the police" cue="said" route=in_clause text="12 people died"})"}},
      // Two verbless tolls joined by "and" + a count are two claims.
      {{"Ferry fire: Four dead and 30 injured off the coast"},
       {R"(claim{casualty unattributed route=none text="Ferry fire: Four dead"})",
       R"(claim{casualty unattributed route=none text="30 injured off the coast"})"}},
      {{"Nine missing and two dead after flash flood"},
       {R"(claim{casualty unattributed route=none text="Nine missing"})",
       R"(claim{casualty unattributed route=none text="two dead after flash flood"})"}},
      {{"The stampede resulted in 12 deaths and over 50 people injured."},
       {R"(claim{casualty unattributed route=none text="The stampede resulted in 12 deaths and over 50 people injured"})"}},
      // A relative clause with its own toll is its own claim; the main
      // predicate does not join it.
      {{"The sniper, who killed four people and wounded a dozen, was a former soldier."},
       {R"(claim{casualty unattributed route=none text="The sniper, who killed four people and wounded a dozen"})"}},
      {{"The senator, who had been shot in 1981, spoke at the rally."},
       {R"(claim{casualty unattributed route=none text="The senator, who had been shot in 1981"})"}},
      // A hedge next to the clause's verb hedges the whole clause.
      {{"The two dead were reportedly farm workers from the valley."},
       {R"(claim{casualty vague cue="reportedly" route=hedge text="The two dead were reportedly farm workers from the valley"})"}},
      {{"The cause of death allegedly was a single blow."},
       {R"(claim{casualty vague cue="allegedly" route=hedge text="The cause of death allegedly was a single blow"})"}},
      // A loss already told, led in by "in addition to", "besides" ..., is part
      // of the claim that adds to it; a short list item before its predicate too.
      {{"In addition to the dead, 40 were taken to hospital."},
       {R"(claim{casualty unattributed route=none text="In addition to the dead, 40 were taken to hospital"})"}},
      {{"Besides the casualties, six soldiers are missing after the storm."},
       {R"(claim{casualty unattributed route=none text="Besides the casualties, six soldiers are missing after the storm"})"}},
      {{"Bodies, wreckage of ferry washed ashore near port"},
       {R"(claim{casualty unattributed route=none text="Bodies, wreckage of ferry washed ashore near port"})"}},
      {{"The dead man, who was not named, had been fishing."},
       {R"(claim{casualty unattributed route=none text="The dead man"})"}},
      // A toll with its verb left out, after "with" or "and" + a count, is a
      // claim of its own, and the agentless frame of its clause reaches it.
      {{"Nine were reported killed with 14 badly hurt."},
       {R"(claim{casualty vague cue="were reported" route=passive text="Nine were reported killed"})",
        R"(claim{casualty vague cue="were reported" route=passive text="with 14 badly hurt"})"}},
      {{"Two riders are said to be in critical condition and one serious."},
       {R"(claim{casualty vague cue="are said" route=passive text="Two riders are said to be in critical condition"})",
        R"(claim{casualty vague cue="are said" route=passive text="one serious"})"}},
      {{"The ferry capsized with 40 missing."},
       {R"(claim{casualty unattributed route=none text="The ferry capsized with 40 missing"})"}},
      // A consequence after a clause with its own toll is no part of the claim.
      {{"Four hikers died in the avalanche, leading to calls for new rules."},
       {R"(claim{casualty unattributed route=none text="Four hikers died in the avalanche"})"}},
      {{"The flood left 30 dead, prompting an outcry over the dam."},
       {R"(claim{casualty unattributed route=none text="The flood left 30 dead"})"}},
      // A time clause with a subject of its own after a toll tells of another act.
      {{"Two miners died after a gas pocket ignited underground."},
       {R"(claim{casualty unattributed route=none text="Two miners died"})"}},
      {{"Five people were hurt before the fire crews arrived."},
       {R"(claim{casualty unattributed route=none text="Five people were hurt"})"}},
      {{"Three workers died after inhaling fumes."},
       {R"(claim{casualty unattributed route=none text="Three workers died after inhaling fumes"})"}},
      // A country after a place name and a comma completes the place.
      {{"A teacher in Lyon, France was stabbed outside the school."},
       {R"(claim{casualty unattributed route=none text="A teacher in Lyon, France was stabbed outside the school"})"}},
      {{"A tourist from Leeds, England was shot dead at the resort."},
       {R"(claim{casualty unattributed route=none text="A tourist from Leeds, England was shot dead at the resort"})"}},
      // A verbless fatal noun phrase before a comma is the subject of what follows.
      {{"A fatal bus crash on the coast road, near the border, left nine dead."},
       {R"(claim{casualty unattributed route=none text="A fatal bus crash on the coast road, near the border, left nine dead"})"}},
  });
}

}  // namespace
}  // namespace whosays
