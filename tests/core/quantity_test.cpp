// Tests of find_quantities: tables of {input, expected rendering}, where the
// rendering lists each quantity as "<its text>" qty{...}, joined by "; ".
// Phrasings marked (dev) are from the dev corpus (Wikinews, CC BY 2.5) or the
// project's seed article.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "dump.h"
#include "quantity/find.h"
#include "text.h"
#include "whosays/quantity.h"

namespace whosays {
namespace {

struct Case {
  std::string_view input;
  std::string_view expected;
};

std::string render(std::string_view text, const std::vector<Quantity>& quantities) {
  std::string out;
  for (const Quantity& quantity : quantities) {
    if (!out.empty()) out += "; ";
    out += '"';
    out += text.substr(quantity.span.begin, quantity.span.size());
    out += "\" ";
    out += testing::dump(quantity);
  }
  return out;
}

std::string render(std::string_view text) { return render(text, find_quantities(text)); }

// Every case also through the block context's form: the tokens with their
// lexicon ids (text::tokenize), which the scan's gate reads by id, and one
// room for the lower-cased copy kept from case to case.
void check(const std::vector<Case>& cases) {
  QuantityRoom room;
  for (const Case& c : cases) {
    EXPECT_EQ(render(c.input), c.expected) << "input: " << c.input;
    std::vector<Quantity> quantities;
    find_quantities(c.input, text::tokenize(c.input, {0, c.input.size()}), quantities, room);
    EXPECT_EQ(render(c.input, quantities), c.expected) << "input (identified tokens): " << c.input;
  }
}

// Every result is inside the text, in order, non-overlapping, finite, min <= max.
void check_invariants(std::string_view text, const std::vector<Quantity>& quantities) {
  std::size_t previous_end = 0;
  for (const Quantity& q : quantities) {
    ASSERT_LE(q.span.end, text.size());
    ASSERT_LT(q.span.begin, q.span.end);
    ASSERT_GE(q.span.begin, previous_end);
    ASSERT_TRUE(std::isfinite(q.min));
    ASSERT_TRUE(std::isfinite(q.max));
    ASSERT_LE(q.min, q.max);
    previous_end = q.span.end;
  }
}

TEST(QuantityParse, Digits) {
  check({
      {"35", "\"35\" qty{min=35 count}"},
      {"55,000", "\"55,000\" qty{min=55000 count}"},
      {"1,000", "\"1,000\" qty{min=1000 count}"},
      {"1,234,567 votes", "\"1,234,567\" qty{min=1234567 count}"},
      {"with 48 apartments", "\"48\" qty{min=48 count}"},
      {"0 deaths", "\"0\" qty{min=0 count}"},
      // A comma not followed by exactly three digits is punctuation.
      {"1,2", "\"1\" qty{min=1 count}; \"2\" qty{min=2 count}"},
      {"1,0000", "\"1\" qty{min=1 count}; \"0000\" qty{min=0 count}"},
      {"killed 12, 30 injured", "\"12\" qty{min=12 count}; \"30\" qty{min=30 count}"},
      // A sentence-final full stop is not a decimal point.
      {"exceeded 100.", "\"100\" qty{min=100 count}"},
  });
}

TEST(QuantityParse, ScaleWords) {
  check({
      {"5.7 million", "\"5.7 million\" qty{min=5700000 count}"},
      {"one million", "\"one million\" qty{min=1000000 count}"},
      {"a million", "\"a million\" qty{min=1000000 count}"},
      {"More than a million people attended (dev)", "\"More than a million\" qty{min=1000000 approx count}"},
      {"2 thousand", "\"2 thousand\" qty{min=2000 count}"},
      {"1.5 billion", "\"1.5 billion\" qty{min=1500000000 count}"},
      {"FIVE MILLION", "\"FIVE MILLION\" qty{min=5000000 count}"},
  });
}

TEST(QuantityParse, WordNumbers) {
  check({
      {"twelve", "\"twelve\" qty{min=12 count}"},
      {"seventeen", "\"seventeen\" qty{min=17 count}"},
      {"two hundred", "\"two hundred\" qty{min=200 count}"},
      {"sixty-six", "\"sixty-six\" qty{min=66 count}"},
      {"Sixty-six", "\"Sixty-six\" qty{min=66 count}"},
      {"sixty six", "\"sixty six\" qty{min=66 count}"},
      {"a dozen", "\"a dozen\" qty{min=12 count}"},
      {"half a dozen", "\"half a dozen\" qty{min=6 count}"},
      {"two dozen", "\"two dozen\" qty{min=24 count}"},
      {"a hundred", "\"a hundred\" qty{min=100 count}"},
      {"two hundred and fifty", "\"two hundred and fifty\" qty{min=250 count}"},
      {"three thousand five hundred", "\"three thousand five hundred\" qty{min=3500 count}"},
      {"one hundred twenty-five thousand", "\"one hundred twenty-five thousand\" qty{min=125000 count}"},
      {"zero", "\"zero\" qty{min=0 count}"},
      {"Four teenagers shot (dev)", "\"Four\" qty{min=4 count}"},
      // Two numbers side by side stay two numbers.
      {"five six", "\"five\" qty{min=5 count}; \"six\" qty{min=6 count}"},
      {"two hundred five hundred", "\"two hundred five\" qty{min=205 count}"},
      {"killed five and injured twelve", "\"five\" qty{min=5 count}; \"twelve\" qty{min=12 count}"},
      // "and" joins only after "hundred" or a scale.
      {"between five and six", "\"between five and six\" qty{min=5 max=6 count}"},
      {"killed twelve and injured twelve more (dev)", "\"twelve\" qty{min=12 count}; \"twelve\" qty{min=12 count}"},
      // Number words inside other words are not numbers.
      {"tenant often someone eleventh", ""},
      // "a" alone is not a number.
      {"a man", ""},
  });
}

TEST(QuantityParse, VagueAmounts) {
  check({
      {"dozens dead (dev)", "\"dozens\" qty{min=24 max=99 approx count}"},
      {"Dozens died", "\"Dozens\" qty{min=24 max=99 approx count}"},
      {"scores more were injured (dev)", "\"scores\" qty{min=40 max=199 approx count}"},
      {"hundreds of Taliban killed (dev)", "\"hundreds\" qty{min=200 max=999 approx count}"},
      {"thousands fled", "\"thousands\" qty{min=2000 max=9999 approx count}"},
      {"hundreds of thousands", "\"hundreds of thousands\" qty{min=200000 max=999000 approx count}"},
      {"tens of thousands", "\"tens of thousands\" qty{min=20000 max=99000 approx count}"},
      {"tens or hundreds of thousands (dev)",
       "\"tens or hundreds of thousands\" qty{min=20000 max=999000 approx count}"},
      {"tens", "\"tens\" qty{min=20 max=99 approx count}"},
      {"several police lost their lives (dev)", "\"several\" qty{min=3 max=9 approx count}"},
      {"several hundred", "\"several hundred\" qty{min=300 max=900 approx count}"},
      {"a few", "\"a few\" qty{min=2 max=5 approx count}"},
      {"a few dozen", "\"a few dozen\" qty{min=24 max=60 approx count}"},
      {"a handful of", "\"a handful\" qty{min=3 max=5 approx count}"},
      {"a couple of", "\"a couple\" qty{min=2 max=3 approx count}"},
      {"millions", "\"millions\" qty{min=2000000 max=9999999 approx count}"},
      // Not quantities.
      {"many occupants, some casualties, numerous reports", ""},
  });
}

TEST(QuantityParse, Modifiers) {
  check({
      {"at least 35", "\"at least 35\" qty{min=35 approx count}"},
      {"At least seventeen people died (dev)", "\"At least seventeen\" qty{min=17 approx count}"},
      {"more than 35", "\"more than 35\" qty{min=35 approx count}"},
      {"over 1,000", "\"over 1,000\" qty{min=1000 approx count}"},
      {"up to 10", "\"up to 10\" qty{min=10 approx count}"},
      {"nearly 40", "\"nearly 40\" qty{min=40 approx count}"},
      {"almost 40", "\"almost 40\" qty{min=40 approx count}"},
      {"around twenty more (dev)", "\"around twenty\" qty{min=20 approx count}"},
      {"about 50", "\"about 50\" qty{min=50 approx count}"},
      {"some 30 people", "\"some 30\" qty{min=30 approx count}"},
      {"roughly 30", "\"roughly 30\" qty{min=30 approx count}"},
      {"an estimated 5,000", "\"an estimated 5,000\" qty{min=5000 approx count}"},
      {"no fewer than 8", "\"no fewer than 8\" qty{min=8 approx count}"},
      {"at least a dozen people lost their lives (dev)", "\"at least a dozen\" qty{min=12 approx count}"},
      {"Sixty-six people or more were injured (dev)", "\"Sixty-six\" qty{min=66 approx count}"},
      {"66 or more", "\"66 or more\" qty{min=66 approx count}"},
      {"100-plus", "\"100-plus\" qty{min=100 approx count}"},
      {"100+ dead", "\"100+\" qty{min=100 approx count}"},
      {"20 or so", "\"20 or so\" qty{min=20 approx count}"},
      // Exact modifiers keep the figure exact.
      {"A total of 39 are confirmed dead (dev)", "\"A total of 39\" qty{min=39 count}"},
      {"exactly 12", "\"exactly 12\" qty{min=12 count}"},
      // A modifier with no figure is nothing.
      {"over the weekend, about time", ""},
  });
}

TEST(QuantityParse, Ranges) {
  check({
      {"10 to 15", "\"10 to 15\" qty{min=10 max=15 count}"},
      {"10-15", "\"10-15\" qty{min=10 max=15 count}"},
      {"10\xE2\x80\x93" "15", "\"10\xE2\x80\x93" "15\" qty{min=10 max=15 count}"},
      {"between 36 and 40 people (dev)", "\"between 36 and 40\" qty{min=36 max=40 count}"},
      {"two or three", "\"two or three\" qty{min=2 max=3 count}"},
      {"five to six", "\"five to six\" qty{min=5 max=6 count}"},
      {"at least 10 to 15", "\"at least 10 to 15\" qty{min=10 max=15 approx count}"},
      {"20 to 30 km", "\"20 to 30 km\" qty{min=20 max=30 measure}"},
      // Backwards is not a range (a score): two figures.
      {"won 3-2", "\"3\" qty{min=3 count}; \"2\" qty{min=2 count}"},
      {"a 5 to 3 vote", "\"5\" qty{min=5 count}; \"3\" qty{min=3 count}"},
  });
}

TEST(QuantityParse, Changes) {
  check({
      // "from A to B" is a figure that changed: two quantities.
      {"raised the confirmed death toll from fourteen to 31. (dev)",
       "\"fourteen\" qty{min=14 count}; \"31\" qty{min=31 count}"},
      {"from five people to six (dev)", "\"five\" qty{min=5 count}; \"six\" qty{min=6 count}"},
      {"casualties increased to 167 from a previous 93 injured people. (dev)",
       "\"167\" qty{min=167 count}; \"93\" qty{min=93 count}"},
      // ... except between two years, or after an age lead.
      {"from 2013 to 2019. (dev)", "\"2013 to 2019\" qty{min=2013 max=2019 year}"},
      {"range in age from 21 to 78 (dev)", "\"21 to 78\" qty{min=21 max=78 age}"},
      {"ranging in age from eleven to 75. (dev)", "\"eleven to 75\" qty{min=11 max=75 age}"},
  });
}

TEST(QuantityParse, Years) {
  check({
      {"In 1994 a ceasefire (dev)", "\"1994\" qty{min=1994 year}"},
      {"in 2015", "\"2015\" qty{min=2015 year}"},
      {"The 1973 building (dev)", "\"1973\" qty{min=1973 year}"},
      {"in August 2018 (dev)", "\"2018\" qty{min=2018 year}"},
      {"2013-2019", "\"2013-2019\" qty{min=2013 max=2019 year}"},
      {"the 1990s", "\"1990s\" qty{min=1990 year}"},
      {"Friday, January 4, 2019", "\"4\" qty{min=4 time}; \"2019\" qty{min=2019 year}"},
      {"January 2019", "\"2019\" qty{min=2019 year}"},
      {"4 January", "\"4\" qty{min=4 time}"},
      // A count noun after it, separators, a modifier or a value out of
      // range make it a count.
      {"2000 people", "\"2000\" qty{min=2000 count}"},
      {"2,000 residents", "\"2,000\" qty{min=2000 count}"},
      {"over 1900 were killed", "\"over 1900\" qty{min=1900 approx count}"},
      {"1500 troops", "\"1500\" qty{min=1500 count}"},
      {"3000", "\"3000\" qty{min=3000 count}"},
  });
}

TEST(QuantityParse, Times) {
  check({
      {"at 4:00 A.M. local time (dev)", "\"4:00 A.M.\" qty{min=400 time}"},
      {"(0100 UTC) (dev)", "\"0100 UTC\" qty{min=100 time}"},
      {"at 6am as (dev)", "\"6am\" qty{min=600 time}"},
      {"6 pm", "\"6 pm\" qty{min=1800 time}"},
      {"12 a.m.", "\"12 a.m.\" qty{min=0 time}"},
      {"at 7:37 p.m. local time (dev)", "\"7:37 p.m.\" qty{min=1937 time}"},
      {"around 14:00 local time (dev)", "\"around 14:00 local time\" qty{min=1400 approx time}"},
      {"by 8:00am local time (dev)", "\"8:00am\" qty{min=800 time}"},
      {"at 4:53 a.m Thursday (dev)", "\"4:53 a.m\" qty{min=453 time}"},
      {"around 7:38 pm IST (1408 UTC) (dev)", "\"around 7:38 pm\" qty{min=1938 approx time}; \"1408 UTC\" qty{min=1408 time}"},
      // Not a clock: "25:99", a score "3:2".
      {"25:99", "\"25\" qty{min=25 count}"},
  });
}

TEST(QuantityParse, Ages) {
  check({
      {"the man was 45 years old (dev)", "\"45 years old\" qty{min=45 age}"},
      {"The victim, eighteen-years-old and (dev)", "\"eighteen-years-old\" qty{min=18 age}"},
      {"an eleven-month-old boy (dev)", "\"eleven-month-old\" qty{min=11 age}"},
      {"the 25-year-old building (dev)", "\"25-year-old\" qty{min=25 age}"},
      {"aged 20", "\"20\" qty{min=20 age}"},
      {"Aged between 20 and 30", "\"between 20 and 30\" qty{min=20 max=30 age}"},
      {"between the ages of 14 and 18, were (dev)", "\"14 and 18\" qty{min=14 max=18 age}"},
      {"at the age of 7", "\"7\" qty{min=7 age}"},
      {"Sudesh Amman, 20, was placed (dev)", "\"20\" qty{min=20 age}"},
      {"18-year-olds", "\"18-year-olds\" qty{min=18 age}"},
      {"in their 20s", "\"20s\" qty{min=20 age}"},
      // "Name, 20," needs the capital and both commas.
      {"in Davao del Sur, 36 in North Cotabato (dev)", "\"36\" qty{min=36 count}"},
  });
}

TEST(QuantityParse, Money) {
  check({
      {"a payout of one million rubles. (dev)", "\"one million rubles\" qty{min=1000000 money}"},
      {"$5", "\"$5\" qty{min=5 money}"},
      {"$5 million", "\"$5 million\" qty{min=5000000 money}"},
      {"US$ 20", "\"US$ 20\" qty{min=20 money}"},
      {"5 dollars", "\"5 dollars\" qty{min=5 money}"},
      {"\xE2\x82\xAC" "10", "\"\xE2\x82\xAC" "10\" qty{min=10 money}"},
      {"\xC2\xA3" "3.50", "\"\xC2\xA3" "3.50\" qty{min=3.5 money}"},
      {"about $2 billion", "\"about $2 billion\" qty{min=2000000000 approx money}"},
      {"USD 400", "\"400\" qty{min=400 money}"},
  });
}

TEST(QuantityParse, Percent) {
  check({
      {"around five percent on a global basis (dev)", "\"around five percent\" qty{min=5 approx percent}"},
      {"5%", "\"5%\" qty{min=5 percent}"},
      {"5 per cent", "\"5 per cent\" qty{min=5 percent}"},
      {"10-15%", "\"10-15%\" qty{min=10 max=15 percent}"},
  });
}

TEST(QuantityParse, Measures) {
  check({
      {"about 160 km (100 miles) east (dev)",
       "\"about 160 km\" qty{min=160 approx measure}; \"100 miles\" qty{min=100 measure}"},
      {"160km", "\"160km\" qty{min=160 measure}"},
      {"magnitude 6.3 earthquake (dev)", "\"6.3\" qty{min=6.3 measure}"},
      {"6.3 magnitude", "\"6.3 magnitude\" qty{min=6.3 measure}"},
      {"a 5.0 magnitude aftershock (dev)", "\"5.0 magnitude\" qty{min=5 measure}"},
      {"A 5.3-magnitude quake (dev)", "\"5.3-magnitude\" qty{min=5.3 measure}"},
      {"a magnitude of 4.0 (dev)", "\"4.0\" qty{min=4 measure}"},
      {"5.7 million barrels (dev)", "\"5.7 million barrels\" qty{min=5700000 measure}"},
      {"5.7\xC2\xA0million barrels", "\"5.7\xC2\xA0million barrels\" qty{min=5700000 measure}"},
      {"within two miles (dev)", "\"two miles\" qty{min=2 measure}"},
      {"would take 24 hours (dev)", "\"24 hours\" qty{min=24 measure}"},
      {"for over 30 hours (dev)", "\"over 30 hours\" qty{min=30 approx measure}"},
      {"ongoing for seventeen years (dev)", "\"seventeen years\" qty{min=17 measure}"},
      {"the ten-storey building (dev)", "\"ten-storey\" qty{min=10 measure}"},
      {"a two-day ceasefire", "\"two-day\" qty{min=2 measure}"},
      // A figure written with decimals is never a count.
      {"at 6.3, was the strongest (dev)", "\"6.3\" qty{min=6.3 measure}"},
      {"caused by the 5.0 earthquake (dev)", "\"5.0\" qty{min=5 measure}"},
      // "reportedly" is a hedge for the attribution rules, not a modifier.
      {"reportedly one Vijayaragavan (dev)", "\"one\" qty{min=1 count}"},
  });
}

TEST(QuantityParse, Population) {
  check({
      {"a city of around 55,000 people (dev)", "\"around 55,000\" qty{min=55000 approx population}"},
      {"was home to over 1,000 people (dev)", "\"over 1,000\" qty{min=1000 approx population}"},
      {"a population of 55,000", "\"55,000\" qty{min=55000 population}"},
      // Without the lead, people are a count.
      {"Over 2,000 residents near (dev)", "\"Over 2,000\" qty{min=2000 approx count}"},
  });
}

TEST(QuantityParse, NotQuantities) {
  check({
      {"A fifth person was shot (dev)", ""},
      {"the 70th anniversary (dev)", ""},
      {"the twenty-first victim", ""},
      {"two-thirds of the victims", ""},
      {"flight 1344 (AXB1344/IX1344) (dev)", ""},
      {"the COVID-19 pandemic (dev)", ""},
      {"a Boeing 737. (dev)", ""},
      {"Region 11 and Region 12. (dev)", ""},
      {"at 619 Waddell Avenue, near (dev)", ""},
      {"an AK-47 rifle", ""},
      {"no one was hurt", ""},
      {"12345678901234567890", ""},
      {"G7 summit, MH17, 3rd", ""},
  });
}

TEST(QuantityParse, DevSentences) {
  check({
      {"Stepanakert, a city of around 55,000 people has been targeted by Azerbaijani forces. (seed)",
       "\"around 55,000\" qty{min=55000 approx population}"},
      {"the result of destroying two helicopters, three tanks and three drones. (seed)",
       "\"two\" qty{min=2 count}; \"three\" qty{min=3 count}; \"three\" qty{min=3 count}"},
      {"Zabiullah Mujahid claimed 190 were dead. (dev)", "\"190\" qty{min=190 count}"},
      {"There were 190 people on board, six of them crew members. (dev)",
       "\"190\" qty{min=190 count}; \"six\" qty{min=6 count}"},
      {"the strong tremor left five dead and, by early reports, at least 30 injured. (dev)",
       "\"five\" qty{min=5 count}; \"at least 30\" qty{min=30 approx count}"},
  });
}

TEST(QuantityParse, Spans) {
  const std::string text = "Officials said at least 35 people died.";
  const auto quantities = find_quantities(text);
  ASSERT_EQ(quantities.size(), 1u);
  EXPECT_EQ(quantities[0].span.begin, text.find("at least"));
  EXPECT_EQ(quantities[0].span.end, text.find(" people"));
  // Spans are bytes, and survive multi-byte characters before them.
  const std::string accented = "\xC3\x89milie said \xE2\x80\x9C" "twelve\xE2\x80\x9D died";
  const auto words = find_quantities(accented);
  ASSERT_EQ(words.size(), 1u);
  EXPECT_EQ(accented.substr(words[0].span.begin, words[0].span.size()), "twelve");
}

// The scan tries the grammar only at the word starts the tokens give and the
// first-word gate lets through (quantity/find.h, first_words.hpp): starts
// inside a token (after an apostrophe, a comma between digits, a non-ASCII
// hyphen), signs, keys that read on ("from", "not", "may") before a figure
// or not. The expected renderings are the byte-by-byte scan's before the
// token scan replaced it (2026-11-26).
TEST(QuantityScan, WordStartsAndTheFirstWordGate) {
  check({
      {"from 5 to 10", "\"5\" qty{min=5 count}; \"10\" qty{min=10 count}"},
      {"from the start, 5 died", "\"5\" qty{min=5 count}"},
      {"from\xC2\xA0" "5 to\xE2\x80\x89" "6", "\"5\" qty{min=5 count}; \"6\" qty{min=6 count}"},
      {"not more than 40", "\"not more than 40\" qty{min=40 approx count}"},
      {"not the 40", "\"40\" qty{min=40 count}"},
      {"no. 5 was hit", ""},
      {"no one died", ""},
      {"may 5", "\"5\" qty{min=5 time}"},
      {"may be 5", "\"5\" qty{min=5 count}"},
      {"about a dozen", "\"about a dozen\" qty{min=12 approx count}"},
      {"about the 12 men", "\"12\" qty{min=12 count}"},
      {"all 39 passengers", "\"all 39\" qty{min=39 count}"},
      {"all the 39", "\"39\" qty{min=39 count}"},
      {"flight 1344", ""},
      {"approx. 30", "\"approx. 30\" qty{min=30 approx count}"},
      {"c. 2000 people", "\"c. 2000\" qty{min=2000 approx count}"},
      {"US$5 million", "\"US$5 million\" qty{min=5000000 money}"},
      {"us$ 5", "\"us$ 5\" qty{min=5 money}"},
      {"a$20", "\"a$20\" qty{min=20 money}"},
      {"HK$ 3", "\"HK$ 3\" qty{min=3 money}"},
      {"the ages of 14 and 18", "\"14 and 18\" qty{min=14 max=18 age}"},
      {"the ages 14", "\"14\" qty{min=14 age}"},
      {"between the ages of 20 and 30", "\"20 and 30\" qty{min=20 max=30 age}"},
      {"in excess of 100", "\"in excess of 100\" qty{min=100 approx count}"},
      {"in 2019", "\"2019\" qty{min=2019 year}"},
      {"a few", "\"a few\" qty{min=2 max=5 approx count}"},
      {"a fewer", ""},
      {"a dozen", "\"a dozen\" qty{min=12 count}"},
      {"a dozens", "\"dozens\" qty{min=24 max=99 approx count}"},
      {"half a million", "\"half a million\" qty{min=500000 count}"},
      {"a total of 39", "\"a total of 39\" qty{min=39 count}"},
      {"COVID-19 killed 5", "\"5\" qty{min=5 count}"},
      {"Armenia's 5 soldiers", "\"5\" qty{min=5 count}"},
      {"Armenia\xE2\x80\x99s 5", "\"5\" qty{min=5 count}"},
      {"rock'n'roll 5", "\"5\" qty{min=5 count}"},
      {"5,12 people", "\"5\" qty{min=5 count}; \"12\" qty{min=12 count}"},
      {"3-2", "\"3\" qty{min=3 count}; \"2\" qty{min=2 count}"},
      {"10\xE2\x80\x93" "15", "\"10\xE2\x80\x93" "15\" qty{min=10 max=15 count}"},
      {"twenty\xE2\x80\x91" "five people", "\"twenty\xE2\x80\x91" "five\" qty{min=25 count}"},
      {"caf\xC3\xA9" "5", ""},
      {"\xF0\x9F\x98\x80" "5 people", ""},
      {"\xE2\x82\xAC" "5", "\"\xE2\x82\xAC" "5\" qty{min=5 money}"},
      {"\xC2\xA3" "5bn", ""},
      {"The Ten men", "\"Ten\" qty{min=10 count}"},
      {"FROM 5 TO 6", "\"5\" qty{min=5 count}; \"6\" qty{min=6 count}"},
      {"about\xE2\x80\x88" "5", "\"about\xE2\x80\x88" "5\" qty{min=5 approx count}"},
      {"dozens of people", "\"dozens\" qty{min=24 max=99 approx count}"},
      {"several hundred", "\"several hundred\" qty{min=300 max=900 approx count}"},
      {"no fewer than 30", "\"no fewer than 30\" qty{min=30 approx count}"},
  });
}

TEST(QuantityDump, Format) {
  Quantity exact;
  exact.min = exact.max = 12;
  EXPECT_EQ(testing::dump(exact), "qty{min=12 count}");
  Quantity range;
  range.min = 12;
  range.max = 15;
  range.approximate = true;
  range.kind = QuantityKind::age;
  EXPECT_EQ(testing::dump(range), "qty{min=12 max=15 approx age}");
  Quantity fraction;
  fraction.min = fraction.max = 0.25;
  fraction.kind = QuantityKind::percent;
  EXPECT_EQ(testing::dump(fraction), "qty{min=0.25 percent}");
}

TEST(QuantityDump, KindNames) {
  EXPECT_EQ(to_string(QuantityKind::count), "count");
  EXPECT_EQ(to_string(QuantityKind::age), "age");
  EXPECT_EQ(to_string(QuantityKind::year), "year");
  EXPECT_EQ(to_string(QuantityKind::time), "time");
  EXPECT_EQ(to_string(QuantityKind::money), "money");
  EXPECT_EQ(to_string(QuantityKind::population), "population");
  EXPECT_EQ(to_string(QuantityKind::percent), "percent");
  EXPECT_EQ(to_string(QuantityKind::measure), "measure");
}

// ---------------------------------------------------------------------------
// Pathological inputs
// ---------------------------------------------------------------------------

TEST(QuantityPathological, Empty) {
  EXPECT_TRUE(find_quantities("").empty());
  EXPECT_TRUE(find_quantities(" \n\t").empty());
  EXPECT_TRUE(find_quantities("at least").empty());
  EXPECT_TRUE(find_quantities("between 5 and").size() == 1);
}

TEST(QuantityPathological, LongDigitStrings) {
  // Far past what a double holds exactly (and past its range as an
  // integer): read whole, dropped, no overflow, and the next figure found.
  const std::string digits(5000, '9');
  EXPECT_EQ(render(digits + " and 7"), "\"7\" qty{min=7 count}");
  // A long fraction is read whole; it rounds (to 1 here).
  EXPECT_EQ(render("0." + digits), "\"0." + digits + "\" qty{min=1 measure}");
  EXPECT_EQ(render("5." + std::string(5000, '0')), "\"5." + std::string(5000, '0') + "\" qty{min=5 measure}");
  std::string grouped = "1";
  for (int i = 0; i < 1000; ++i) grouped += ",000";
  EXPECT_EQ(render(grouped), "");
  // Fifteen digits are still a figure.
  EXPECT_EQ(render("123456789012345"), "\"123456789012345\" qty{min=123456789012345 count}");
}

TEST(QuantityPathological, MegabyteOfOnes) {
  std::string text;
  while (text.size() < (1u << 20)) text += "1,1,1,";
  const auto quantities = find_quantities(text);
  check_invariants(text, quantities);
  // "1,1" is a 1, punctuation and a 1: every "1" counts.
  EXPECT_EQ(quantities.size(), text.size() / 2);
}

TEST(QuantityPathological, LongRunsOfOneThing) {
  const std::size_t size = 1u << 20;
  for (const std::string& piece : {std::string(" "), std::string("a "), std::string("one "), std::string("-"),
                                   std::string("1-"), std::string("thousand "), std::string("a thousand "),
                                   std::string("hundreds of "), std::string("at least "), std::string("9"),
                                   std::string("from 1 to "), std::string("\xE2\x80\x93"), std::string(".5")}) {
    std::string text;
    while (text.size() < size) text += piece;
    const auto quantities = find_quantities(text);
    check_invariants(text, quantities);
  }
}

TEST(QuantityPathological, InvalidUtf8) {
  const std::vector<std::string> inputs = {
      "\xFF\xFE 12 \xC3",
      "12\xC3",
      "\xE2\x80",
      "\xE2\x82",
      "$\xE2\x82\xAC\xE2\x82",
      "\x80\x80\x80 35 \xBF",
      std::string("5\0 people", 9),
      "\xC2",
      "twelve\xC2\xA0",
      "12\xF0\x9F\x98\x80",
      "14:00\x9Ert*i",  // found by quantity_fuzzer: a high byte after a clock
  };
  for (const auto& input : inputs) {
    const auto quantities = find_quantities(input);
    check_invariants(input, quantities);
  }
  // A figure glued to a malformed byte is not read; one set off by spaces is.
  EXPECT_EQ(render("\xFF\xFE 12 \xC3"), "\"12\" qty{min=12 count}");
  EXPECT_EQ(render("12\xC3"), "");
  EXPECT_EQ(render("twelve\xC2\xA0people"), "\"twelve\" qty{min=12 count}");
}

TEST(QuantityPathological, RandomBytes) {
  // Deterministic pseudo-random text from quantity-ish pieces and raw bytes.
  const char* pieces[] = {"at least ", "1", ",", "000", ".", "5", " to ", "-", "between ", " and ", "dozen",
                          "s", "a ", "hundred", "of ", "thousands", " ", "\xE2\x80\x93", "\xC2\xA0", "\xFF",
                          "$", "%", "years old", "from ", "am", ":", "30", "or more", "+", "twenty", "one",
                          "\xE2\x82\xAC", "aged ", "city of "};
  std::uint32_t state = 12345;
  auto next = [&] {
    state = state * 1664525u + 1013904223u;
    return state >> 8;
  };
  for (int round = 0; round < 300; ++round) {
    std::string text;
    const int length = static_cast<int>(next() % 60);
    for (int i = 0; i < length; ++i) {
      if (next() % 5 == 0) {
        text += static_cast<char>(next() & 0xFF);
      } else {
        text += pieces[next() % (sizeof pieces / sizeof pieces[0])];
      }
    }
    check_invariants(text, find_quantities(text));
  }
}

}  // namespace
}  // namespace whosays
