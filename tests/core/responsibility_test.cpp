// Responsibility rules: who did it, by which pattern, and who says so. Each
// rule is tested on two sentences of different shape (the project's own
// sentences), and checked for its agent, not only its kind.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "whosays/analyze.h"

namespace whosays {
namespace {

// "kinds status source=... agent=... text=..." of every responsibility claim
// in a document of one title and these paragraphs.
std::vector<std::string> responsibility(const std::vector<std::string>& paragraphs, BlockKind kind = BlockKind::paragraph) {
  Document document;
  document.blocks.push_back({BlockKind::title, "Report"});
  for (const std::string& text : paragraphs) document.blocks.push_back({kind, text});
  std::vector<std::string> out;
  for (const Claim& claim : analyze(document).claims) {
    if (!claim.responsibility) continue;
    const std::string& text = document.blocks[claim.block].text;
    out.push_back(std::string(to_string(claim.status)) + " source=" + claim.source + " agent=" + claim.agent +
                  " text=" + text.substr(claim.span.begin, claim.span.size()));
  }
  return out;
}

struct Case {
  std::vector<std::string> paragraphs;
  std::vector<std::string> expected;
};

void run(const std::vector<Case>& cases) {
  for (const Case& c : cases) EXPECT_EQ(responsibility(c.paragraphs), c.expected) << c.paragraphs.front();
}

TEST(Responsibility, NamedPartyAtTheStartOfASentence) {
  // The party tables know these one-word names; a capital alone would not say so.
  run({
      {{"Hezbollah fired rockets at the base."},
       {"unattributed source= agent=Hezbollah text=Hezbollah fired rockets at the base"}},
      {{"Ukraine shot down two drones over Kyiv."},
       {"unattributed source= agent=Ukraine text=Ukraine shot down two drones over Kyiv"}},
      {{"Nobody expected it. Rain fell on the town, and the roads flooded."}, {}},
  });
}

TEST(Responsibility, NameSeenMidSentenceElsewhere) {
  // "Kessler" is no party the tables know, but the article writes it
  // capitalised mid-sentence, so at the start of a sentence it is a name too.
  run({
      {{"The convoy was stopped by Kessler near the border.", "Kessler shelled the village at dawn."},
       {"unattributed source= agent=Kessler text=Kessler shelled the village at dawn"}},
  });
}

TEST(Responsibility, WireCopyInCapitals) {
  // In a block without lower-case letters capitals mark no names: only the
  // party tables do, and the verbs are verbs again.
  run({
      {{"THE SHINING PATH MURDERED TWO MAYORS IN AYACUCHO."},
       {"unattributed source= agent=THE SHINING PATH text=THE SHINING PATH MURDERED TWO MAYORS IN AYACUCHO"}},
      {{"FMLN GUERRILLAS ATTACKED A POWER STATION YESTERDAY."},
       {"unattributed source= agent=FMLN GUERRILLAS text=FMLN GUERRILLAS ATTACKED A POWER STATION YESTERDAY"}},
  });
}

TEST(Responsibility, MembersOfANamedParty) {
  run({
      {{"The ambush was carried out by fighters of the Tamil Tigers."},
       {"unattributed source= agent=fighters of the Tamil Tigers text=The ambush was carried out by fighters of the Tamil Tigers"}},
      {{"Two farmers were shot dead by members of the Red Brigades."},
       {"unattributed source= agent=members of the Red Brigades text=Two farmers were shot dead by members of the Red Brigades"}},
  });
}

TEST(Responsibility, CountedPeopleOfANamedParty) {
  // Indefinite or counted, but acting for a party the phrase names: an armed
  // group by name, a state's force by its demonym. A counted party that is
  // itself the head ("hundreds of Hamas") is people, victims as often as not.
  run({
      {{"A column of Tamil Tigers fighters raided the village."},
       {"unattributed source= agent=column of Tamil Tigers fighters text=A column of Tamil Tigers fighters raided the village"}},
      {{"TWO PERUVIAN ARMY PATROLS ATTACKED THE CAMP AT DAWN."},
       {"unattributed source= agent=TWO PERUVIAN ARMY PATROLS text=TWO PERUVIAN ARMY PATROLS ATTACKED THE CAMP AT DAWN"}},
      {{"Three farmers were murdered by a squad of Red Brigades members."},
       {"unattributed source= agent=a squad of Red Brigades members text=Three farmers were murdered by a squad of Red Brigades members"}},
      {{"A car bomb near the Interior Ministry killed three people."}, {}},
      {{"Officials reported 40 soldiers, 12 civilians and hundreds of Hamas killed."}, {}},
  });
}

TEST(Responsibility, ATimeAfterTheNameIsNoPartOfIt) {
  run({
      {{"THE ARMED FORCES TODAY ATTACKED THE REBEL CAMP."},
       {"unattributed source= agent=THE ARMED FORCES TODAY text=THE ARMED FORCES TODAY ATTACKED THE REBEL CAMP"}},
      {{"The National Guard yesterday shelled the market."},
       {"unattributed source= agent=The National Guard yesterday text=The National Guard yesterday shelled the market"}},
  });
}

TEST(Responsibility, OnlyTheFirstByOfAnAttackNoun) {
  // The later "by" belongs to another verb: no agent of the attack.
  run({
      {{"Two guards were hurt in an attack by gunmen on a post guarded by Colombian soldiers."}, {}},
  });
}

TEST(Responsibility, ArsonAndFireFromTheAir) {
  run({
      {{"Red Brigades fighters set fire to the town hall on Sunday."},
       {"unattributed source= agent=Red Brigades fighters text=Red Brigades fighters set fire to the town hall on Sunday"}},
      {{"TWO PERUVIAN AIR FORCE HELICOPTERS MACHINEGUNNED THE CAMP."},
       {"unattributed source= agent=TWO PERUVIAN AIR FORCE HELICOPTERS text=TWO PERUVIAN AIR FORCE HELICOPTERS MACHINEGUNNED THE CAMP"}},
  });
}

TEST(Responsibility, CommittedAndPerpetrated) {
  run({
      {{"Agents of the secret police committed the massacre."},
       {"unattributed source= agent=Agents of the secret police text=Agents of the secret police committed the massacre"}},
      {{"Government troops perpetrated atrocities in the north."},
       {"unattributed source= agent=Government troops text=Government troops perpetrated atrocities in the north"}},
  });
}

TEST(Responsibility, PleasAndConfessionsAreThePersonsWord) {
  run({
      {{"Daniel Ortiz pleaded guilty to two murders on Monday."},
       {"attributed source=Daniel Ortiz agent=Daniel Ortiz text=Daniel Ortiz pleaded guilty to two murders on Monday"}},
      {{"Keller confessed to the bombing of the depot."},
       {"attributed source=Keller agent=Keller text=Keller confessed to the bombing of the depot"}},
  });
}

TEST(Responsibility, ConvictionsAndSentencesAreTheWritersWord) {
  run({
      {{"Maria Lenz was sentenced for the killing of her neighbour."},
       {"unattributed source= agent=Maria Lenz text=Maria Lenz was sentenced for the killing of her neighbour"}},
      {{"Tom Baker is serving a life sentence for the 1998 assassination of a judge."},
       {"unattributed source= agent=Tom Baker text=Tom Baker is serving a life sentence for the 1998 assassination of a judge"}},
  });
}

TEST(Responsibility, DenialsOfTakingPart) {
  run({
      {{"Anna Weber denied having anything to do with the shooting."},
       {"attributed source=Anna Weber agent=Anna Weber text=Anna Weber denied having anything to do with the shooting"}},
      {{"The Kurdish party denies any involvement in the bombing."},
       {"attributed source=The Kurdish party agent=The Kurdish party text=The Kurdish party denies any involvement in the bombing"}},
      // A denial of something else is no claim of responsibility.
      {{"The mayor denied the budget cuts."}, {}},
  });
}

TEST(Responsibility, BehindTheAttack) {
  run({
      // "Investigators" are nobody in particular: vague.
      {{"Investigators believe the Haqqani network was behind the bombing."},
       {"vague source=Investigators agent=the Haqqani network text=the Haqqani network was behind the bombing"}},
      {{"The militia behind the attack on the convoy disbanded in May."},
       {"unattributed source= agent=The militia text=The militia behind the attack on the convoy disbanded in May"}},
  });
}

TEST(Responsibility, AttackNounWhenTheVerbReadingFails) {
  // "attacks" after a capital reads as a verb first; when that fails it is
  // still a noun with a named party.
  run({
      {{"Nine soldiers were killed in Taliban attacks on Sunday."},
       {"unattributed source= agent=Taliban text=Nine soldiers were killed in Taliban attacks on Sunday"}},
      {{"Three guards died in Houthi strikes near the port."},
       {"unattributed source= agent=Houthi text=Three guards died in Houthi strikes near the port"}},
  });
}

TEST(Responsibility, EventNamedByItsPlace) {
  // After "the", a capitalised modifier that is no party names the event.
  run({
      {{"The Manchester Arena bombing was carried out by a member of Islamic State."},
       {"unattributed source= agent=a member of Islamic State text=The Manchester Arena bombing was carried out by a member of Islamic State"}},
      {{"Police reopened the Oklahoma City bombing file."}, {}},
      {{"The Taliban attack killed four guards."},
       {"unattributed source= agent=The Taliban text=The Taliban attack killed four guards"}},
  });
}

TEST(Responsibility, TitleCaseHeadlines) {
  // In a title-case headline every long word is capitalised: only the party
  // tables and the body's own capitals mark names.
  Document document;
  document.blocks.push_back({BlockKind::title, "Court Convicts Driver Over Deadly Crash"});
  document.blocks.push_back({BlockKind::paragraph, "A court convicted the driver, Tom Reyes, on Friday."});
  for (const Claim& claim : analyze(document).claims) EXPECT_NE(claim.agent, "Court") << claim.agent;
  // A force word is a party whatever the case.
  document.blocks = {{BlockKind::title, "Army Kills Five Rebels Near Border Town"}};
  const Analysis analysis = analyze(document);
  ASSERT_EQ(analysis.claims.size(), 1u);
  EXPECT_EQ(analysis.claims[0].agent, "Army");
}

TEST(Responsibility, ByThatNamesNoAgent) {
  // "by mistake", "by car" name no agent: an active verb keeps its subject.
  run({
      {{"Army troops killed nine farmers by mistake."},
       {"unattributed source= agent=Army troops text=Army troops killed nine farmers by mistake"}},
      {{"Police shot two men by accident near the market."},
       {"unattributed source= agent=Police text=Police shot two men by accident near the market"}},
  });
}

TEST(Responsibility, LightVerbsNeedAnAttack) {
  // "conducted" and "carried out" make an attack only with one: as their
  // object, or before them in the passive.
  run({
      {{"Researchers conducted polls by phone."}, {}},
      {{"It was a raid reportedly conducted by the Taliban."},
       {"vague source= agent=the Taliban text=It was a raid reportedly conducted by the Taliban"}},
  });
}

TEST(Responsibility, ActorBehindCommas) {
  // A time, a place or a relation set off by commas stands between the name
  // and its verb.
  run({
      {{"Paul Dorn, from Leeds, England, on Monday pleaded guilty to three murders."},
       {"attributed source=Paul Dorn agent=Paul Dorn text=Paul Dorn, from Leeds, England, on Monday pleaded guilty to three murders"}},
      {{"Sara Kim, sister of the victim, was sentenced for the killing."},
       {"unattributed source= agent=Sara Kim text=Sara Kim, sister of the victim, was sentenced for the killing"}},
  });
}

TEST(Responsibility, InvolvedInACrime) {
  run({
      {{"Police say the Lopez cartel was involved in the massacre."},
       {"attributed source=Police agent=the Lopez cartel text=the Lopez cartel was involved in the massacre"}},
      {{"Omar Haddad is not involved in this crime."},
       {"unattributed source= agent=Omar Haddad text=Omar Haddad is not involved in this crime"}},
      {{"The government says the ELN is responsible for the pipeline bombings."},
       {"attributed source=The government agent=the ELN text=the ELN is responsible for the pipeline bombings"}},
      // Involvement in an accident names no crime.
      {{"Jon Berg was involved in a collision on the motorway."}, {}},
  });
}

TEST(Responsibility, ChargedSuspectsAndNouns) {
  run({
      // The one sentenced is named as the killer: no crime needs naming.
      {{"The Harbour Street killer was sentenced to life in prison."},
       {"unattributed source= agent=The Harbour Street killer text=The Harbour Street killer was sentenced to life in prison"}},
      // "the accused" is a person, not an accusation.
      {{"The accused can still appeal the verdict."}, {}},
  });
}

TEST(Responsibility, CourtsAndAccusersInTheActiveVoice) {
  run({
      // A conviction is the writer's statement; the one convicted is the agent.
      {{"A court convicted a cousin of the bombing suspect on Friday."},
       {"unattributed source= agent=a cousin of the bombing suspect text=A court convicted a cousin of the bombing suspect on Friday"}},
      // A charge is the accuser's word.
      {{"Prosecutors charged Lena Vogt with murder."},
       {"attributed source=Prosecutors agent=Lena Vogt text=Prosecutors charged Lena Vogt with murder"}},
      // No crime or attack named: no claim.
      {{"Prosecutors charged two developers with fraud."}, {}},
  });
}

TEST(Responsibility, ClaimsOfCredit) {
  // Taking credit is claiming responsibility, in any tense, and a document
  // "claiming responsibility" speaks for its author.
  run({
      {{"The Pakistani Taliban took credit for the ambush."},
       {"attributed source=The Pakistani Taliban agent=The Pakistani Taliban text=The Pakistani Taliban took credit for the ambush"}},
      {{"A Boko Haram video claiming responsibility for the raid appeared online."},
       {"attributed source=A Boko Haram video agent=A Boko Haram video text=A Boko Haram video claiming responsibility for the raid appeared online"}},
  });
}

TEST(Responsibility, ActsReportedOrAchievedByTheirSubject) {
  // "claimed to have hit", "managed to destroy": the subject of the verb
  // that reports or achieves the act is its agent.
  run({
      {{"The rebels claimed to have shelled the airport."},
       {"attributed source=The rebels agent=The rebels text=to have shelled the airport"}},
  });
}

TEST(Responsibility, DenialsOfResponsibilityNeedNoCrime) {
  run({
      // A participle: the sentence's subject denies.
      {{"The Shabaab leadership issued a statement on Monday, denying their responsibility."},
       {"attributed source=The Shabaab leadership agent=The Shabaab leadership text=on Monday, denying their responsibility"}},
  });
}

TEST(Responsibility, PronounAgentsResolve) {
  // A pronoun agent is the party named last, as a pronoun source is.
  run({
      {{"The Tamil Tigers issued a statement on Monday.", "It said they shelled the camp at night."},
       {"attributed source=The Tamil Tigers agent=The Tamil Tigers text=they shelled the camp at night"}},
  });
}

TEST(Responsibility, PronounAgentsMeanAPartyNamedAsSubject) {
  // A party named as a sentence's subject is who a later "they" or "it"
  // means; one named only in a later sentence of the block is not yet.
  run({
      {{"The Red Brigades seized the depot. They also torched two buses."},
       {"unattributed source= agent=The Red Brigades text=They also torched two buses"}},
      {{"THE SHINING PATH REBELS RAIDED THE TOWN HALL. THEY ALSO TORCHED TWO BUSES."},
       {"unattributed source= agent=THE SHINING PATH REBELS text=THE SHINING PATH REBELS RAIDED THE TOWN HALL",
        "unattributed source= agent=THE SHINING PATH REBELS text=THEY ALSO TORCHED TWO BUSES"}},
      // "we" is the speaker's side, never a party the writer named.
      {{"The Tamil Tigers held the town. \"We shelled the camp at night,\" a villager said."},
       {"attributed source=a villager agent=a villager text=We shelled the camp at night"}},
  });
}

TEST(Responsibility, DefiniteDescriptionsOfANamedGroup) {
  // "the rebels" after the article named an armed group: that group; "the
  // fighters" after "Red Brigades fighters": the party named with that head noun.
  run({
      {{"A radio station of the Tamil Tigers said the rebels attacked two police posts."},
       {"attributed source=A radio station of the Tamil Tigers agent=Tamil Tigers text=the rebels attacked two police posts"}},
      {{"THE RED BRIGADES FIGHTERS STORMED THE COURT. THE ARMY CLOSED THE ROADS. LATER THE FIGHTERS SHOT A JUDGE."},
       {"unattributed source= agent=THE RED BRIGADES FIGHTERS text=THE RED BRIGADES FIGHTERS STORMED THE COURT",
        "unattributed source= agent=THE RED BRIGADES FIGHTERS text=LATER THE FIGHTERS SHOT A JUDGE"}},
      // "they" with no party named as a subject: the armed group named just before.
      {{"Talks with the Tamil Tigers failed in May. They shelled the market last week."},
       {"unattributed source= agent=Tamil Tigers text=They shelled the market last week"}},
      // Named by context, "the gunmen" is no longer an unidentified perpetrator (the guide).
      {{"Red Brigades gunmen stormed the court on Monday. The gunmen shot a judge."},
       {"unattributed source= agent=Red Brigades gunmen text=Red Brigades gunmen stormed the court on Monday",
        "unattributed source= agent=Red Brigades gunmen text=The gunmen shot a judge"}},
      {{"The ceasefire with the Tamil Tigers ended in May. Later the terrorists shelled the port."},
       {"unattributed source= agent=Tamil Tigers text=Later the terrorists shelled the port"}},
      // No group named: the words stay.
      {{"The rebels attacked two police posts."}, {"unattributed source= agent=The rebels text=The rebels attacked two police posts"}},
  });
}

TEST(Responsibility, PossessiveOwnedByTheSubject) {
  // "X launched its offensive": the possessive is the subject of its verb.
  run({
      {{"Since the Tamil Tigers began their offensive, the roads have been closed."},
       {"unattributed source= agent=the Tamil Tigers text=Since the Tamil Tigers began their offensive"}},
      {{"IN MAY THE ARMY STEPPED UP ITS BOMBARDMENT OF THE VALLEY."},
       {"unattributed source= agent=THE ARMY text=IN MAY THE ARMY STEPPED UP ITS BOMBARDMENT OF THE VALLEY"}},
  });
}

TEST(Responsibility, QuotedNameBeforeAnAppositive) {
  // 'The "Red Hand Commando," a splinter group, ...': the quoted name is the subject.
  run({
      {{"The \"Red Hand Commando,\" a splinter group, has claimed responsibility for the attack."},
       {"attributed source=Red Hand Commando agent=Red Hand Commando text=The \"Red Hand Commando,\" a splinter group, has claimed responsibility for the attack"}},
  });
}

TEST(Responsibility, HeadlinePassiveNamesTheVictim) {
  // A headline drops the "was" of a passive: the name before the participle is
  // the victim; a participle with an object keeps its subject as the attacker.
  const std::vector<std::string> none;
  EXPECT_EQ(responsibility({"Deputy mayor Lena Hart stabbed"}, BlockKind::title), none);
  EXPECT_EQ(responsibility({"Senator Oduya shot dead in Nairobi hotel"}, BlockKind::caption), none);
  EXPECT_EQ(responsibility({"Army says it 'destroyed' six rebel trucks"}, BlockKind::title),
            std::vector<std::string>{"attributed source=Army agent=Army text=it 'destroyed' six rebel trucks"});
  EXPECT_EQ(responsibility({"Police fired on marchers in Lagos"}, BlockKind::heading),
            std::vector<std::string>{"unattributed source= agent=Police text=Police fired on marchers in Lagos"});
}

TEST(Responsibility, IndefiniteEventNamedByItsPlace) {
  // A place before a crash, a bombing or a bomb says where, not who; a
  // demonym, an acronym or a known group says who.
  run({
      {{"A Quetta car bombing killed nine on Monday."}, {}},
      {{"Aden, Yemen bomb kills three soldiers"}, {}},
      {{"Vermont bus crash kills four."}, {}},
      {{"In Gaza, Israeli strikes killed 12 people."},
       {"unattributed source= agent=Israeli text=In Gaza, Israeli strikes killed 12 people"}},
      {{"A Hamas rocket attack killed two."},
       {"unattributed source= agent=A Hamas text=A Hamas rocket attack killed two"}},
  });
}

TEST(Responsibility, PerpetratorTitleBeforeAName) {
  // A perpetrator noun used as a title names the person's deed: a claim of
  // its own, before what the clause says of the person.
  EXPECT_EQ(responsibility({"Mall gunman Ivo Brandt dies in custody"}, BlockKind::title),
            std::vector<std::string>{"unattributed source= agent=Ivo Brandt text=Mall gunman"});
  run({
      {{"Convicted killer Rosa Lind escaped from the jail on Monday."},
       {"unattributed source= agent=Rosa Lind text=Convicted killer"}},
      {{"Police suspect Hezbollah of the attack on the consulate."}, {}},
  });
}

TEST(Responsibility, ArrestOrAcquittalOfANamedPersonForAKilling) {
  // Arrested or acquitted in a sentence that tells of a crime: the named
  // person is held responsible; unnamed people or no crime make no claim.
  run({
      {{"Dana Cole was arrested at her home two days after the stabbing."},
       {"unattributed source= agent=Dana Cole text=Dana Cole was arrested at her home two days after the stabbing"}},
      {{"Tomas Reed was acquitted on Monday, a year after the shooting."},
       {"unattributed source= agent=Tomas Reed text=Tomas Reed was acquitted on Monday, a year after the shooting"}},
      {{"Two men were arrested after the stabbing."}, {}},
      {{"Marek Holt was arrested at the airport on Friday."}, {}},
  });
}

TEST(Responsibility, PerpetratorTiedToAGroupOrTieDenied) {
  // Whether a group is behind the act is the claim, stated or denied; a
  // group named only by its common noun counts. No perpetrator, no claim.
  run({
      {{"Police said the bomber had no connection to any extremist group."},
       {"attributed source=Police agent=any extremist group text=the bomber had no connection to any extremist group"}},
      {{"Prosecutors found no connection between the gunman and any militant group."},
       {"unattributed source= agent=any militant group text=Prosecutors found no connection between the gunman and any militant group"}},
      {{"The attacker acted on behalf of Hamas, the army said."},
       {"attributed source=the army agent=Hamas text=The attacker acted on behalf of Hamas"}},
      {{"The company had no connection to the charity group."}, {}},
  });
}

TEST(Responsibility, ConfessionsByVerbOrNoun) {
  // A confession to an act told by its verb, or a confession its owner made:
  // the one who confessed is held responsible. Being nervous is no act.
  run({
      {{"Luca Brandt confessed to setting the fire."},
       {"attributed source=Luca Brandt agent=Luca Brandt text=Luca Brandt confessed to setting the fire"}},
      {{"Anna Weiss was questioned for hours. Her confession to the stabbing was read in court."},
       {"unattributed source= agent=Anna Weiss text=Her confession to the stabbing was read in court"}},
      {{"Omar Haddad confessed to being nervous before the match."}, {}},
  });
}

TEST(Responsibility, DefiniteTitleIsAPerson) {
  // A definite title stands for the one person who holds it; a role does not.
  run({
      {{"The CIA believes the crown prince ordered the killing of the journalist."},
       {"attributed source=The CIA agent=the crown prince text=the crown prince ordered the killing of the journalist"}},
      {{"The president ordered the strikes on the town."},
       {"unattributed source= agent=The president text=The president ordered the strikes on the town"}},
      {{"The driver hit three pedestrians."}, {}},
  });
}

TEST(Responsibility, CrimeNounWithItsVictimOrAgent) {
  // "X's killing of Y": X did it; "Y's killing": Y is the victim; "murder
  // ... by Z": Z did it.
  run({
      {{"The strike followed Israel's killing of the commander."},
       {"unattributed source= agent=Israel text=The strike followed Israel's killing of the commander"}},
      {{"Khashoggi's killing shocked the world."}, {}},
      {{"The inquiry concluded that soldiers of the Fourth Brigade shot the three farmers."},
       {"attributed source=The inquiry agent=soldiers of the Fourth Brigade text=soldiers of the Fourth Brigade shot the three farmers"}},
      {{"The inquiry documented her murder inside the compound by Hezbollah fighters."},
       {"attributed source=The inquiry agent=Hezbollah fighters text=her murder inside the compound by Hezbollah fighters"}},
  });
}

TEST(Responsibility, PerpetratorNamedBesideItsNoun) {
  // A perpetrator noun with the name it gives: after "including" or a comma,
  // or before "as a suspect". An act told later in the clause is the claim.
  run({
      {{"Police questioned Lena Ortiz as a suspect in the stabbing."},
       {"unattributed source= agent=Lena Ortiz text=Police questioned Lena Ortiz as a suspect in the stabbing"}},
      {{"Three alleged accomplices, including Omar Bakri, were tried in Lahore."},
       {"vague source=Three agent=Omar Bakri text=accomplices, including Omar Bakri, were tried in Lahore"}},
      {{"The suspect, Jan Novak, was shot dead by police."},
       {"unattributed source= agent=police text=The suspect, Jan Novak, was shot dead by police"}},
  });
}

TEST(Responsibility, DisputedClaimOfResponsibility) {
  // Disputing a claim of responsibility is a claim about who did it, the
  // disputer's own.
  run({
      {{"The Red Army claimed responsibility for the bombing, but the Interior Ministry disputed the claim."},
       {"attributed source=The Red Army agent=The Red Army text=The Red Army claimed responsibility for the bombing",
        "attributed source=the Interior Ministry agent=the Interior Ministry text=the Interior Ministry disputed the claim"}},
  });
}

TEST(Responsibility, DenialReferringBackAndInnocence) {
  // "which he denied" after an accusation of a crime is the accused's own
  // claim; "innocent" beside a crime or conviction says who did not do it.
  run({
      {{"Rafael Ortiz was accused of ordering the bombing, which he denied."},
       {"vague source= agent=Rafael Ortiz text=Rafael Ortiz was accused of ordering the bombing",
        "attributed source=Rafael Ortiz agent=Rafael Ortiz text=which he denied"}},
      {{"His mother said she believed Tom Baker was innocent of the murder."},
       {"attributed source=His mother agent=Tom Baker text=she believed Tom Baker was innocent of the murder"}},
      {{"The minister proposed a tax, which he denied."}, {}},
      {{"The mayor said the plan was innocent."}, {}},
  });
}

TEST(Responsibility, UsedAWeaponInTheAttack) {
  // "used" is an attack with "against" or with an attack or weapon as its
  // object; using money is none.
  run({
      {{"Investigators said Omar Ali used a stolen missile in the attack."},
       {"vague source=Investigators agent=Omar Ali text=Omar Ali used a stolen missile in the attack"}},
      {{"The troops used tear gas against the marchers."},
       {"unattributed source= agent=The troops text=The troops used tear gas against the marchers"}},
      {{"She used the money to rebuild the school."}, {}},
      {{"In those years the army used to store missiles at the depot."}, {}},
  });
}

TEST(Responsibility, NameBeforeAnAppositiveActs) {
  // The clause may hold only the appositive: the name it describes acts. A
  // place before a perpetrator noun is no name.
  run({
      {{"The guards worked for Okafor.", "In that event, Okafor, a self-described anarchist, shot two guards."},
       {"unattributed source= agent=Okafor text=In that event, Okafor, a self-described anarchist, shot two guards"}},
      {{"The guards worked for Okafor.", "Okafor, a former soldier, shot two guards."},
       {"unattributed source= agent=Okafor text=Okafor, a former soldier, shot two guards"}},
      {{"The Lagos gunman, who shot two guards, fled."}, {}},
  });
}

TEST(Responsibility, ArrestOfItsOwnerBesideACrime) {
  // "his arrest" beside a crime or a killing holds its owner responsible;
  // with no crime told, or the arrested after "of", it does not.
  run({
      {{"Waseem spoke to reporters after his arrest, expressing no regret for the killing."},
       {"attributed source=Waseem agent=Waseem text=to reporters after his arrest, expressing no regret for the killing"}},
      {{"Navalny was jailed after his arrest at the airport."}, {}},
  });
}

TEST(Responsibility, EventAtAPlaceAndHeadlineDeadAtAPlace) {
  // What follows an event's preposition is its place or target, "by" its
  // party; "shot dead at" has no object after it.
  const std::vector<std::string> none;
  EXPECT_EQ(responsibility({"Explosion at Dorsk depot kills nine"}, BlockKind::title), none);
  EXPECT_EQ(responsibility({"Airstrike on Syrian field hospital kills 14"}, BlockKind::title), none);
  EXPECT_EQ(responsibility({"An airstrike by Hezbollah killed 14 people."}),
            std::vector<std::string>{"unattributed source= agent=Hezbollah text=An airstrike by Hezbollah killed 14 people"});
  EXPECT_EQ(responsibility({"Peruvian mayor shot dead at market"}, BlockKind::title), none);
}

TEST(Responsibility, DeniedActWithNoPartyOfItsOwn) {
  // "denied that civilians had been targeted": the denier's claim; an act
  // with its own subject stays that subject's.
  run({
      {{"The army denied that civilians had been targeted in the raid."},
       {"attributed source=The army agent=The army text=The army denied that civilians had been targeted in the raid"}},
      {{"The ministry denied that the militia is shelling the town."},
       {"attributed source=The ministry agent=the militia text=the militia is shelling the town"}},
  });
}

}  // namespace
}  // namespace whosays
