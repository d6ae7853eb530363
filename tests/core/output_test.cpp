// The output layer: UTF-16 offsets, the JSON form of an analysis, the dump.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "dump.h"
#include "whosays/analyze.h"
#include "whosays/output.h"
#include "whosays/claim.h"
#include "whosays/document.h"

namespace whosays {
namespace {

using nlohmann::json;

// UTF-16 code units of text, counted independently of the code under test:
// decode to code points, then count the pairs above U+FFFF.
std::size_t reference_units(std::string_view text) {
  std::size_t units = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    units += length == 4 ? 2 : 1;
    i += length;
  }
  return units;
}

struct OffsetCase {
  const char* name;
  const char* text;
  const char* before;         // the text's prefix before the offset, in bytes
  std::size_t expected_units;
};

TEST(OutputUtf16, Offsets) {
  const std::vector<OffsetCase> cases = {
      {"ascii", "35 killed", "35 ", 3},
      {"curly quotes", "\xE2\x80\x9C" "Ten died,\xE2\x80\x9D she said", "\xE2\x80\x9C" "Ten died,\xE2\x80\x9D", 11},
      {"accented name", "Jos\xC3\xA9 Garc\xC3\xAD" "a said", "Jos\xC3\xA9 Garc\xC3\xAD" "a", 11},
      {"turkish g", "Erdo\xC4\x9F" "an said", "Erdo\xC4\x9F" "an", 7},
      {"emoji is a surrogate pair", "\xF0\x9F\x98\x80 2 dead", "\xF0\x9F\x98\x80 ", 3},
      {"two emoji", "\xF0\x9F\x94\xA5\xF0\x9F\x94\xA5x", "\xF0\x9F\x94\xA5\xF0\x9F\x94\xA5", 4},
      {"no-break space", "10\xC2\xA0people", "10\xC2\xA0", 3},
      {"narrow no-break space", "\xC2\xAB\xE2\x80\xAFIls\xE2\x80\xAF\xC2\xBB", "\xC2\xAB\xE2\x80\xAFIls", 5},
      {"start", "\xC3\xA9t\xC3\xA9", "", 0},
      {"end", "\xC3\xA9t\xC3\xA9", "\xC3\xA9t\xC3\xA9", 3},
  };
  for (const OffsetCase& c : cases) {
    const std::string_view before = c.before;
    ASSERT_EQ(std::string_view(c.text).substr(0, before.size()), before) << c.name;
    EXPECT_EQ(utf16_offset(c.text, before.size()), c.expected_units) << c.name;
    EXPECT_EQ(reference_units(before), c.expected_units) << c.name << " (the table itself)";
  }
  // Past the end clamps to the end.
  EXPECT_EQ(utf16_offset("\xC3\xA9", 99), 1u);
}

// A claim over `quote` (its first occurrence) in `text`.
Claim claim_over(const Document& document, std::size_t block, std::string_view quote) {
  const std::string& text = document.blocks[block].text;
  const std::size_t at = text.find(quote);
  EXPECT_NE(at, std::string::npos) << quote;
  Claim claim;
  claim.block = block;
  claim.span = {at, at + quote.size()};
  return claim;
}

Document two_blocks() {
  Document document;
  document.blocks.push_back({BlockKind::title, "Clashes \xE2\x80\x94 a report"});
  document.blocks.push_back(
      {BlockKind::paragraph,
       "\xF0\x9F\x93\xB0 \xE2\x80\x9C" "At least\xC2\xA0" "35 people were killed,\xE2\x80\x9D said Recep Tayyip Erdo\xC4\x9F" "an. "
       "Dozens were reportedly wounded\xE2\x80\xAF!"});
  return document;
}

TEST(OutputJson, ClaimsWithUtf16Spans) {
  const Document document = two_blocks();
  const std::string& text = document.blocks[1].text;
  Analysis analysis;
  Claim first = claim_over(document, 1, "At least\xC2\xA0" "35 people were killed");
  first.casualty = true;
  first.status = Status::attributed;
  first.source = "Recep Tayyip Erdo\xC4\x9F" "an";
  first.cue = "said";
  first.route = Route::postposed;
  Quantity quantity;
  const std::size_t q = text.find("At least");
  quantity.span = {q, q + std::string_view("At least\xC2\xA0" "35").size()};
  quantity.min = 35;
  quantity.max = 35;
  quantity.approximate = true;
  first.quantities.push_back(quantity);
  first.explanation = "The figure is given by a named source.";
  Claim second = claim_over(document, 1, "Dozens were reportedly wounded\xE2\x80\xAF!");
  second.casualty = true;
  second.responsibility = true;
  second.status = Status::vague;
  second.cue = "reportedly";
  second.route = Route::hedge;
  second.agent = "the army";
  analysis.claims = {first, second};
  analysis.summary = summarize(analysis.claims);

  const json out = json::parse(to_json(document, analysis));
  ASSERT_EQ(out["claims"].size(), 2u);
  const json& a = out["claims"][0];
  // Newspaper emoji (2 units), space, left quote: "At" starts at unit 4.
  EXPECT_EQ(a["block"], 1);
  EXPECT_EQ(a["start"], 4);
  EXPECT_EQ(a["end"], 4 + 30);
  EXPECT_EQ(a["kinds"], json::array({"casualty"}));
  EXPECT_EQ(a["status"], "attributed");
  EXPECT_EQ(a["source"], "Recep Tayyip Erdo\xC4\x9F" "an");
  EXPECT_EQ(a["cue"], "said");
  EXPECT_EQ(a["route"], "postposed");
  EXPECT_EQ(a["text"], "At least\xC2\xA0" "35 people were killed");
  EXPECT_TRUE(a["agent"].is_null());
  EXPECT_TRUE(a["target"].is_null());
  EXPECT_EQ(a["explanation"], "The figure is given by a named source.");
  ASSERT_EQ(a["quantities"].size(), 1u);
  EXPECT_EQ(a["quantities"][0]["start"], 4);
  EXPECT_EQ(a["quantities"][0]["end"], 15);
  EXPECT_EQ(a["quantities"][0]["text"], "At least\xC2\xA0" "35");
  EXPECT_EQ(a["quantities"][0]["approximate"], true);
  EXPECT_EQ(a["quantities"][0]["kind"], "count");

  const json& b = out["claims"][1];
  EXPECT_EQ(b["kinds"], json::array({"casualty", "responsibility"}));
  EXPECT_EQ(b["status"], "vague");
  EXPECT_TRUE(b["source"].is_null());  // empty source is null, not ""
  EXPECT_EQ(b["agent"], "the army");
  // The span ends after the narrow no-break space and '!': one unit each.
  const std::size_t start = reference_units(std::string_view(text).substr(0, second.span.begin));
  EXPECT_EQ(b["start"], start);
  EXPECT_EQ(b["end"], start + 32);
  EXPECT_EQ(b["quantities"], json::array());

  EXPECT_EQ(out["summary"], json::parse(R"({"claims":2,"attributed":1,"vague":1,"unattributed":0,)"
                                        R"("casualty":2,"responsibility":1,"flags":1})"));
}

TEST(OutputJson, SpansMatchJavaScriptSlices) {
  // For every claim, text.slice(start, end) in UTF-16 must equal "text": check
  // with an independent UTF-8 -> UTF-16 count over many cut points.
  const Document document = two_blocks();
  const std::string& text = document.blocks[1].text;
  Analysis analysis;
  for (std::size_t begin = 0; begin < text.size(); ++begin) {
    if ((static_cast<unsigned char>(text[begin]) & 0xC0) == 0x80) continue;  // inside a character
    Claim claim;
    claim.block = 1;
    claim.span = {begin, text.size()};
    analysis.claims.push_back(claim);
  }
  const json out = json::parse(to_json(document, analysis));
  for (std::size_t i = 0; i < analysis.claims.size(); ++i) {
    const Span span = analysis.claims[i].span;
    EXPECT_EQ(out["claims"][i]["start"], reference_units(std::string_view(text).substr(0, span.begin)));
    EXPECT_EQ(out["claims"][i]["end"], reference_units(text));
  }
}

// One block of `text` and an analysis holding one claim over `span` of it.
struct OneClaim {
  Document document;
  Analysis analysis;
  Claim& claim() { return analysis.claims.front(); }
};

OneClaim one_claim(std::string text, Span span, BlockKind kind = BlockKind::paragraph) {
  OneClaim out;
  out.document.blocks.push_back({kind, std::move(text)});
  Claim claim;
  claim.span = span;
  out.analysis.claims.push_back(claim);
  return out;
}

TEST(OutputJson, NumbersPrintLikeJavaScript) {
  OneClaim c = one_claim("5.7 million fled, 2.5 percent", {0, 5});
  Quantity whole, big, fraction;
  whole.min = 12;
  whole.max = 15;
  big.min = big.max = 5.7e6;
  fraction.min = fraction.max = 2.5;
  fraction.kind = QuantityKind::percent;
  c.claim().quantities = {whole, big, fraction};
  const std::string out = to_json(c.document, c.analysis);
  EXPECT_NE(out.find(R"("min":12,"max":15,)"), std::string::npos) << out;
  EXPECT_NE(out.find(R"("min":5700000,"max":5700000,)"), std::string::npos) << out;
  EXPECT_NE(out.find(R"("min":2.5,"max":2.5,"approximate":false,"kind":"percent")"), std::string::npos) << out;
}

TEST(OutputJson, KeyOrderAndIndent) {
  OneClaim c = one_claim("Two died.", {0, 9});
  c.claim().casualty = true;
  c.analysis.summary = summarize(c.analysis.claims);
  EXPECT_EQ(to_json(c.document, c.analysis),
            R"({"claims":[{"block":0,"start":0,"end":9,"kinds":["casualty"],"status":"unattributed",)"
            R"("source":null,"cue":null,"route":"none","text":"Two died.","quantities":[],"agent":null,)"
            R"("target":null,"explanation":""}],"summary":{"claims":1,"attributed":0,"vague":0,)"
            R"("unattributed":1,"casualty":1,"responsibility":0,"flags":1}})");
  const std::string pretty = to_json(c.document, c.analysis, 2);
  EXPECT_NE(pretty.find("\n  \"claims\": [\n    {\n      \"block\": 0,"), std::string::npos) << pretty;
  EXPECT_EQ(json::parse(pretty), json::parse(to_json(c.document, c.analysis)));
}

TEST(OutputJson, RoundTrip) {
  // Text with quotes, backslashes and controls survives dump and parse.
  const std::string text = "He said \"no\" \\ \t then\x01 \xE2\x80\x9Cyes\xE2\x80\x9D";
  OneClaim c = one_claim(text, {0, text.size()}, BlockKind::quote);
  c.claim().source = "O'Brien \"the elder\"";
  c.claim().explanation = "Line one\nline two";
  const json out = json::parse(to_json(c.document, c.analysis, 1));
  EXPECT_EQ(out["claims"][0]["text"], text);
  EXPECT_EQ(out["claims"][0]["source"], c.claim().source);
  EXPECT_EQ(out["claims"][0]["explanation"], c.claim().explanation);
  EXPECT_EQ(out["claims"][0]["end"], reference_units(text));
}

TEST(OutputJson, EmptyAnalysis) {
  EXPECT_EQ(to_json(Document{}, Analysis{}),
            R"({"claims":[],"summary":{"claims":0,"attributed":0,"vague":0,"unattributed":0,)"
            R"("casualty":0,"responsibility":0,"flags":0}})");
}

TEST(OutputJson, RefusesSpansOutsideTheText) {
  OneClaim c = one_claim("short", {2, 99});
  EXPECT_THROW(to_json(c.document, c.analysis), Error);
  c.claim().span = {0, 1};
  c.claim().block = 3;
  EXPECT_THROW(to_json(c.document, c.analysis), Error);
  c.claim().block = 0;
  Quantity outside;
  outside.span = {4, 6};
  c.claim().quantities.push_back(outside);
  EXPECT_THROW(to_json(c.document, c.analysis), Error);
}

TEST(OutputJson, InvalidUtf8InAFieldIsReplaced) {
  // A source cut inside a character must not make the output fail.
  OneClaim c = one_claim("Erdo\xC4\x9F" "an said", {0, 4});
  c.claim().source = "Erdo\xC4";
  const json out = json::parse(to_json(c.document, c.analysis));
  EXPECT_EQ(out["claims"][0]["source"], "Erdo\xEF\xBF\xBD");
}

TEST(OutputJson, StringsEscapeAsNlohmannDumps) {
  // to_json writes its JSON text itself; every string must come out as
  // nlohmann's dump(ensure_ascii=false, error_handler replace) writes it.
  const std::vector<std::string> cases = {
      "plain",
      "",
      std::string("nul\0byte", 8),
      "\x01\x02\x08\x09\x0A\x0B\x0C\x0D\x1F\x7F \"quoted\" back\\slash /",
      "\xE2\x80\x9C" "curly" "\xE2\x80\x9D \xC3\xA9 \xF0\x9F\x98\x80",
      "cut \xC4",                  // a truncated two-byte character at the end
      "cut \xE2\x80 inside",       // a truncated three-byte one in the middle
      "\xC0\xAF overlong",         // an overlong encoding
      "\xED\xA0\x80 surrogate",    // an encoded surrogate
      "\xF4\x90\x80\x80 too high",  // above U+10FFFF
      "\xFF\xFE stray",
      "\x80 lone continuation",
      "\xE0\xA0\x80 \xF0\x90\x80\x80 \xF4\x8F\xBF\xBF lowest and highest",
  };
  for (const std::string& text : cases) {
    OneClaim c = one_claim("Two died.", {0, 9});
    c.claim().explanation = text;
    c.claim().cue = text;
    const std::string expected = json(text).dump(-1, ' ', false, json::error_handler_t::replace);
    const std::string out = to_json(c.document, c.analysis);
    EXPECT_NE(out.find("\"explanation\":" + expected + "}"), std::string::npos) << expected << "\n" << out;
    if (!text.empty()) {
      EXPECT_NE(out.find("\"cue\":" + expected + ","), std::string::npos) << out;
    }
  }
}

TEST(OutputJson, IllFormedUtf8ReplacedAsNlohmannReplaces) {
  // The writer replaces ill-formed UTF-8 itself (the engine carries no
  // nlohmann serializer): random byte strings, most of them near UTF-8 (lead
  // bytes, continuation bytes, the edges of table 3-7), must come out as
  // nlohmann's dump(error_handler_t::replace) writes them.
  std::mt19937 random(20261126);
  const unsigned char near_utf8[] = {0x00, 0x22, 0x41, 0x5C, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF,
                                     0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0,
                                     0xF1, 0xF3, 0xF4, 0xF5, 0xF8, 0xFF};
  for (int round = 0; round < 20000; ++round) {
    std::string text(random() % 12, '\0');
    for (char& c : text) {
      c = static_cast<char>(random() % 4 == 0 ? random() % 256 : near_utf8[random() % sizeof near_utf8]);
    }
    const std::string expected =
        "{\"error\":" + json(text).dump(-1, ' ', false, json::error_handler_t::replace) + "}";
    ASSERT_EQ(error_json(text), expected) << json(text).dump(-1, ' ', true, json::error_handler_t::replace);
  }
}

TEST(OutputJson, FractionsPrintAsNlohmannDumps) {
  std::mt19937_64 random(7);
  OneClaim c = one_claim("Two died.", {0, 9});
  Quantity quantity;
  for (int round = 0; round < 2000; ++round) {
    const double value = std::ldexp(static_cast<double>(random() >> 11), static_cast<int>(random() % 120) - 90);
    quantity.min = quantity.max = value;
    c.claim().quantities = {quantity};
    const std::string out = to_json(c.document, c.analysis);
    const std::string expected = "\"min\":" + json(value).dump() + ",";
    if (std::trunc(value) != value) ASSERT_NE(out.find(expected), std::string::npos) << expected << "\n" << out;
  }
}

TEST(OutputJson, IndentedAsNlohmannDumps) {
  OneClaim c = one_claim("About 2.5 million fled.", {0, 23});
  c.claim().casualty = c.claim().responsibility = true;
  c.claim().source = "officials";
  Quantity quantity;
  quantity.span = {6, 17};
  quantity.min = 2.5e6;
  quantity.max = 2.75;
  quantity.approximate = true;
  c.claim().quantities = {quantity, quantity};
  c.analysis.summary = summarize(c.analysis.claims);
  for (int indent : {-1, 0, 1, 2, 4}) {
    const std::string out = to_json(c.document, c.analysis, indent);
    const auto tree = nlohmann::ordered_json::parse(out);
    EXPECT_EQ(out, tree.dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace)) << indent;
  }
}

TEST(OutputNames, StatusAndRoute) {
  EXPECT_EQ(to_string(Status::attributed), "attributed");
  EXPECT_EQ(to_string(Status::vague), "vague");
  EXPECT_EQ(to_string(Status::unattributed), "unattributed");
  const std::vector<std::pair<Route, const char*>> routes = {
      {Route::none, "none"},           {Route::in_clause, "in_clause"}, {Route::postposed, "postposed"},
      {Route::quotation, "quotation"}, {Route::carried_over, "carried_over"}, {Route::hedge, "hedge"},
      {Route::passive, "passive"},     {Route::generic, "generic"},
  };
  for (const auto& [route, name] : routes) EXPECT_EQ(to_string(route), name);
}

TEST(OutputDump, Claim) {
  Document document;
  document.blocks.push_back({BlockKind::paragraph, "Ten were reported killed, police said."});
  struct DumpCase {
    Claim claim;
    const char* expected;
  };
  Claim attributed;
  attributed.span = {0, 24};
  attributed.casualty = true;
  attributed.status = Status::attributed;
  attributed.source = "police";
  attributed.cue = "said";
  attributed.route = Route::postposed;
  Claim vague = attributed;
  vague.responsibility = true;
  vague.status = Status::vague;
  vague.source.clear();
  vague.cue = "were reported";
  vague.route = Route::passive;
  Claim neither;
  neither.span = {0, 3};
  const std::vector<DumpCase> cases = {
      {attributed,
       R"(claim{casualty attributed source="police" cue="said" route=postposed text="Ten were reported killed"})"},
      {vague,
       R"(claim{casualty,responsibility vague cue="were reported" route=passive text="Ten were reported killed"})"},
      {neither, R"(claim{none unattributed route=none text="Ten"})"},
  };
  for (const DumpCase& c : cases) EXPECT_EQ(testing::dump(c.claim, document), c.expected);
}

}  // namespace
}  // namespace whosays
