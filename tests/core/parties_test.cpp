// The named-party tables (core/data/parties/*.txt and iso-codes' ISO 3166-1) and their
// lookup: table-driven, against a compact dump "kind:name@country/tokens".
#include "knowledge/parties.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using whosays::knowledge::is_name;
using whosays::knowledge::is_party;
using whosays::knowledge::kind_name;
using whosays::knowledge::lookup_party;
using whosays::knowledge::NameEvidence;
using whosays::knowledge::party_at;
using whosays::knowledge::PartyMatch;
using whosays::knowledge::split_words;

// "armed_group:Hezbollah/1", "country:Syria@SY/1", "demonym:Saudi@SA/1-"; "none" for no match.
std::string dump(const std::optional<PartyMatch>& m) {
  if (!m) return "none";
  std::string s = std::string(kind_name(m->kind)) + ":" + std::string(m->name);
  if (!m->country.empty()) s += "@" + std::string(m->country);
  s += "/" + std::to_string(m->tokens);
  if (m->hyphen_prefix) s += "-";
  return s;
}

struct AtCase {
  const char* sentence;
  std::size_t position;
  const char* expected;
};

TEST(PartyAt, IssueExamplesAndLongestMatch) {
  const AtCase cases[] = {
      // The issue's sentences: a one-word name at the start of a sentence.
      {"Hezbollah fired rockets at the base", 0, "armed_group:Hezbollah/1"},
      {"Ukraine shot down two drones", 0, "country:Ukraine@UA/1"},
      {"Syria launched an offensive", 0, "country:Syria@SY/1"},
      // ISO names, official names and the short forms news uses.
      {"The Syrian Arab Republic said", 1, "country:Syrian Arab Republic@SY/3"},
      {"Russia denied it", 0, "country:Russia@RU/1"},
      {"the Russian Federation said", 1, "country:Russian Federation@RU/2"},
      {"South Korea and the US", 0, "country:South Korea@KR/2"},
      {"South Korea and the US", 4, "country:US@US/1"},
      {"strikes by the U.S. on Sunday", 3, "country:U.S.@US/1"},
      {"a ceasefire with Ukraine.", 3, "country:Ukraine@UA/1"},
      {"Iran's Revolutionary Guards", 0, "country:Iran@IR/1"},
      // Longest match wins.
      {"the Islamic State of Iraq and the Levant claimed", 1,
       "armed_group:Islamic State of Iraq and the Levant/7"},
      {"Islamic State claimed it", 0, "armed_group:Islamic State/2"},
      {"Islamic Jihad fired", 0, "armed_group:Islamic Jihad/2"},
      {"the Farabundo Marti National Liberation Front attacked", 1,
       "armed_group:Farabundo Marti National Liberation Front/5"},
      // Demonyms, forces, bodies and agencies.
      {"Ukrainian forces shelled", 0, "demonym:Ukrainian@UA/1"},
      {"Ukrainian forces shelled", 1, "force:forces/1"},
      {"Israeli jets struck", 0, "demonym:Israeli@IL/1"},
      {"Army troops fired", 0, "force:army/1"},
      {"the air force said", 1, "force:air force/2"},
      {"Amnesty International said", 0, "international_body:Amnesty International/2"},
      {"according to Reuters.", 2, "news_agency:Reuters/1"},
      {"the Pentagon said", 1, "government_body:Pentagon/1"},
      {"al-Shabaab militants attacked", 0, "armed_group:al-Shabaab/1"},
      {"the Houthis' drones", 1, "armed_group:Houthis/1"},
      {"Hamas’s armed wing", 0, "armed_group:Hamas/1"},
      // Before a hyphen.
      {"Saudi-led strikes killed", 0, "demonym:Saudi@SA/1-"},
      {"Iranian-backed militias", 0, "demonym:Iranian@IR/1-"},
      // Case as written.
      {"a chad of paper", 1, "none"},
      {"we ate turkey", 2, "none"},
      {"Turkey's army", 0, "country:Turkey@TR/1"},
      {"it is raining", 1, "none"},
      // Wire copy in capitals.
      {"THE SHINING PATH MURDERED TWO OFFICIALS", 1, "armed_group:Shining Path/2"},
      {"GUATEMALAN ARMY TROOPS KILLED NINE PEASANTS", 0, "demonym:Guatemalan@GT/1"},
      {"GUATEMALAN ARMY TROOPS KILLED NINE PEASANTS", 1, "force:army/1"},
      {"THE EXTRADITABLES DENIED IT", 1, "armed_group:Extraditables/1"},
      {"THE PRESIDENT IS IN LIMA", 2, "none"},
      {"LET US SEE", 1, "none"},
      {"THOSE WHO FLED", 1, "none"},
      {"the WHO said", 1, "international_body:WHO/1"},  // mixed case: the name
      {"killed in IS attacks", 2, "armed_group:IS/1"},
      // Inside a name that is no party.
      {"Trenton, New Jersey, police said", 2, "none"},
      {"Trenton, New Jersey, police said", 1, "none"},
      {"in Mexico City on Sunday", 1, "none"},
      {"a Native American tribe", 2, "none"},
      {"the Mexican army", 1, "demonym:Mexican@MX/1"},
      // Out of range and nothing known.
      {"Hezbollah", 3, "none"},
      {"The storm killed four", 0, "none"},
  };
  for (const AtCase& c : cases) {
    const std::vector<std::string_view> tokens = split_words(c.sentence);
    EXPECT_EQ(dump(party_at(tokens, c.position)), c.expected) << c.sentence << " @" << c.position;
  }
}

// A block's tokens (text::tokenize) read as written, text[token.span), as the block
// context asks: the tokenizer splits a possessive and punctuation off a word.
TEST(PartyAt, ReadsATextsTokens) {
  const std::string_view text = "Iran's Revolutionary Guards and Saudi-led forces met the Taliban.";
  const whosays::text::Tokens tokens = whosays::text::tokenize(text, {0, text.size()});
  const std::vector<std::pair<std::size_t, const char*>> cases = {
      {0, "country:Iran@IR/1"}, {1, "none"},  // "'s"
      {2, "force:revolutionary guards/2"}, {5, "demonym:Saudi@SA/1-"}, {9, "armed_group:Taliban/1"},
      {10, "none"}, {11, "none"},  // the full stop; out of range
  };
  for (const auto& [position, expected] : cases) {
    EXPECT_EQ(dump(party_at(text, tokens, position)), expected) << position;
  }
}

TEST(LookupParty, WholePhrases) {
  const std::pair<const char*, const char*> cases[] = {
      {"Hezbollah", "armed_group:Hezbollah/1"},
      {"the Taliban", "armed_group:Taliban/1"},
      {"Boko Haram", "armed_group:Boko Haram/2"},
      {"Shining Path", "armed_group:Shining Path/2"},
      {"FMLN", "armed_group:FMLN/1"},
      {"Wagner Group", "armed_group:Wagner Group/2"},
      {"Ukrainian", "demonym:Ukrainian@UA/1"},
      {"Syrian Arab Republic", "country:Syrian Arab Republic@SY/3"},
      {"Côte d'Ivoire", "country:Côte d'Ivoire@CI/2"},
      {"Ivory Coast", "country:Ivory Coast@CI/2"},
      {"Britain", "country:Britain@GB/1"},
      {"NATO", "international_body:NATO/1"},
      {"Human Rights Watch", "international_body:Human Rights Watch/3"},
      {"Xinhua", "news_agency:Xinhua/1"},
      {"Hezbollah fighters", "none"},  // more than one name's worth
      {"Saudi-led", "none"},           // only the part before the hyphen is a name
      {"", "none"},
      {"Although", "none"},
  };
  for (const auto& [phrase, expected] : cases)
    EXPECT_EQ(dump(lookup_party(phrase)), expected) << phrase;
  EXPECT_TRUE(is_party("Reuters"));
  EXPECT_FALSE(is_party("reuters"));
}

TEST(PartyTable, EveryIsoCountryIsKnownByItsName) {
  // A few from each continent, in iso-codes' own spelling.
  for (const char* name : {"Afghanistan", "Argentina", "Australia", "Ethiopia", "France",
                           "Iraq", "Israel", "Mali", "Peru", "Ukraine", "United Kingdom",
                           "United States", "Viet Nam", "Yemen"})
    EXPECT_TRUE(is_party(name)) << name;
}

TEST(SplitWords, KeepsNamePunctuation) {
  const std::vector<std::string_view> words =
      split_words("“Hay'at Tahrir al-Sham,” the U.S. (AFP) said: no");
  const std::vector<std::string_view> expected = {"Hay'at", "Tahrir", "al-Sham", "the",
                                                  "U.S.", "AFP", "said", "no"};
  EXPECT_EQ(words, expected);
}

struct EvidenceCase {
  const char* word;
  bool expected;
};

TEST(NameEvidence, CapitalisedMidSentenceOnly) {
  const char* text =
      "Fighters loyal to Haftar shelled the town, the Observatory said.\n"
      "Haftar denied it. Officials in Tripoli said \"Nobody was hurt.\"\n"
      "Court Convicts Friend Of Bomber In Boston\n"
      "THE ARMY SAID TODAY\n"
      "The (Guardian) reported on Zintan’s council and Saudi-led raids. I saw it.";
  const NameEvidence evidence(text);
  const EvidenceCase cases[] = {
      {"Haftar", true},      // mid-sentence in line 1
      {"Haftar's", true},    // possessive ignored
      {"Observatory", true},
      {"Tripoli", true},
      {"Zintan", true},      // ’s stripped
      {"Saudi", true},       // before a hyphen
      {"Saudi-led", true},
      {"Fighters", false},   // only at a line's start
      {"Officials", false},  // only after a full stop
      {"Nobody", false},     // only after an opening quote
      {"Guardian", false},   // only after an opening bracket
      {"Convicts", false},   // title-case headline is no evidence
      {"Boston", false},
      {"ARMY", false},       // capitals are no evidence
      {"The", false},
      {"I", false},          // one letter
  };
  for (const EvidenceCase& c : cases) EXPECT_EQ(evidence.contains(c.word), c.expected) << c.word;
  // Read when first asked, block by block: the same answers.
  const std::vector<std::string_view> blocks = {"Fighters loyal to Haftar shelled the town.",
                                                "The (Guardian) reported on Zintan’s council and Saudi-led raids."};
  const NameEvidence deferred(blocks, NameEvidence::Deferred{});
  EXPECT_TRUE(deferred.contains("Haftar"));
  EXPECT_TRUE(deferred.contains("Saudi"));
  EXPECT_FALSE(deferred.contains("Guardian"));
  EXPECT_EQ(deferred.size(), NameEvidence(blocks).size());
  EXPECT_FALSE(NameEvidence(std::vector<std::string_view>{}, NameEvidence::Deferred{}).contains("Haftar"));
  EXPECT_TRUE(is_name("Haftar", evidence));
  EXPECT_TRUE(is_name("Hezbollah", evidence));  // from the tables
  EXPECT_FALSE(is_name("Fighters", evidence));
}

}  // namespace
