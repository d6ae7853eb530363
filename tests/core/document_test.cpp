// Parsing articles: the corpus JSON, plain text, and the UTF-8 check.
#include "whosays/document.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace whosays {
namespace {

// A compact form of a document: "title:Text|paragraph:More text".
std::string dump(const Document& document) {
  std::string out;
  for (const Block& block : document.blocks) {
    if (!out.empty()) out += '|';
    out += std::string(to_string(block.kind)) + ":" + block.text;
  }
  return out;
}

struct Case {
  const char* input;
  const char* expected;
};

TEST(DocumentPlainText, Paragraphs) {
  const std::vector<Case> cases = {
      {"", ""},
      {"\n\n  \n", ""},
      {"Title", "title:Title"},
      {"Title\n\nFirst para.\n\nSecond para.", "title:Title|paragraph:First para.|paragraph:Second para."},
      // Line breaks inside a paragraph become single spaces; lines are trimmed.
      {"Title\n\nOne line\nand the next\n  and indented.\n", "title:Title|paragraph:One line and the next and indented."},
      // CRLF and lone CR line ends.
      {"Title\r\n\r\nBody one\r\nbody two\r\n", "title:Title|paragraph:Body one body two"},
      {"Title\r\rBody", "title:Title|paragraph:Body"},
      // Lines holding only white space (tabs, no-break spaces) separate paragraphs.
      {"Title\n \t \nBody", "title:Title|paragraph:Body"},
      {"Title\n\xC2\xA0\nBody", "title:Title|paragraph:Body"},
      {"Title\n\xE2\x80\xAF \nBody", "title:Title|paragraph:Body"},
      // Several blank lines are one separator; leading blank lines are skipped.
      {"\n\n\nTitle\n\n\n\nBody", "title:Title|paragraph:Body"},
      // A byte-order mark is not text.
      {"\xEF\xBB\xBFTitle\n\nBody", "title:Title|paragraph:Body"},
      // No-break spaces inside a line stay.
      {"Title\n\n10\xC2\xA0people", "title:Title|paragraph:10\xC2\xA0people"},
      // A trailing no-break space is trimmed whole, not cut in half.
      {"Title \xC2\xA0\n\nBody\xE2\x80\xAF", "title:Title|paragraph:Body"},
      {"Caf\xC3\xA9\n\nna\xC3\xAFve", "title:Caf\xC3\xA9|paragraph:na\xC3\xAFve"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(dump(parse_plain_text(c.input)), c.expected) << "input: " << c.input;
  }
}

TEST(DocumentPlainText, RejectsInvalidUtf8) {
  try {
    parse_plain_text("Title\n\nBad \xC3( byte");
    FAIL() << "no error";
  } catch (const Error& error) {
    EXPECT_EQ(std::string(error.what()), "invalid UTF-8 in the text at byte 11: truncated sequence");
  }
}

TEST(DocumentPlainText, RejectsOverLimit) {
  const std::string big(kMaxArticleBytes + 1, 'a');
  EXPECT_THROW(parse_plain_text(big), Error);
  // Exactly at the limit is fine.
  EXPECT_EQ(parse_plain_text(std::string(kMaxArticleBytes, 'a')).blocks.size(), 1u);
}

TEST(DocumentPlainText, RejectsTooManyParagraphs) {
  std::string text;
  for (std::size_t i = 0; i <= kMaxBlocks; ++i) text += "p\n\n";
  EXPECT_THROW(parse_plain_text(text), Error);
}

TEST(DocumentJson, Blocks) {
  const std::vector<Case> cases = {
      {R"({"blocks": []})", ""},
      {R"({"blocks": [{"kind": "title", "text": "T"}, {"kind": "paragraph", "text": "P"}]})", "title:T|paragraph:P"},
      // Every corpus kind, with its spelling.
      {R"({"blocks": [{"kind": "dateline", "text": "a"}, {"kind": "caption", "text": "b"},
                      {"kind": "heading", "text": "c"}, {"kind": "quote", "text": "d"},
                      {"kind": "list-item", "text": "e"}]})",
       "dateline:a|caption:b|heading:c|quote:d|list-item:e"},
      // Metadata, here and in blocks, is accepted and ignored.
      {R"({"id": "x", "title": "T", "url": null, "date": "2019-01-24", "license": "CC BY 2.5",
           "extra": {"nested": [1, 2, {"deep": true}]},
           "blocks": [{"kind": "title", "text": "T", "note": 3}]})",
       "title:T"},
      // A block without a kind is a paragraph.
      {R"({"blocks": [{"text": "plain"}]})", "paragraph:plain"},
      // Escapes decode to UTF-8, including a surrogate pair.
      {R"({"blocks": [{"kind": "paragraph", "text": "\u201cQ\u201d caf\u00e9 \ud83d\ude00"}]})",
       "paragraph:\xE2\x80\x9CQ\xE2\x80\x9D caf\xC3\xA9 \xF0\x9F\x98\x80"},
      // Raw UTF-8 and empty texts.
      {"{\"blocks\": [{\"kind\": \"paragraph\", \"text\": \"\xC4\x9F\xC2\xA0\"}, {\"text\": \"\"}]}",
       "paragraph:\xC4\x9F\xC2\xA0|paragraph:"},
      // A leading byte-order mark is allowed by the parser.
      {"\xEF\xBB\xBF{\"blocks\": []}", ""},
      // As nlohmann's tree reads them (native builds read well-formed
      // articles without it): the last of duplicate keys wins, escaped keys
      // are keys, every simple escape decodes, numbers of every
      // form are skipped, an unknown kind overridden later is no error.
      {R"({"blocks": [{"text": "old"}], "blocks": [{"kind": "quote", "text": "a", "text": "b"}]})", "quote:b"},
      {R"({"bl\u006fcks": [{"kind": "title", "kind": "heading", "t\u0065xt": "x"}]})", "heading:x"},
      {R"({"blocks": [{"text": "\"\\\/\b\f\n\r\t\u0041\u00e9\u20ac"}]})",
       "paragraph:\"\\/\b\f\n\r\tA\xC3\xA9\xE2\x82\xAC"},
      {R"({"n": [0, -0, 12, -3.25, 1e5, 2E-3, 1.5e+300], "t": [true, false, null, {}, []], "blocks": []})", ""},
      {R"({"blocks": [{"kind": "nope", "kind": "caption", "text": "c"}]})", "caption:c"},
      {" \n\t{ \"blocks\" : [ { \"text\" : \"s\" } ] } \r\n", "paragraph:s"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(dump(parse_article_json(c.input)), c.expected) << "input: " << c.input;
  }
  // \u0000 is a character like any other.
  EXPECT_EQ(parse_article_json(R"({"blocks": [{"text": "a\u0000b"}]})").blocks.at(0).text, std::string("a\0b", 3));
}

TEST(DocumentBlockKind, RoundTrip) {
  for (BlockKind kind : {BlockKind::title, BlockKind::dateline, BlockKind::caption, BlockKind::heading,
                         BlockKind::paragraph, BlockKind::quote, BlockKind::list_item}) {
    EXPECT_EQ(block_kind_from_string(to_string(kind)), kind);
  }
  EXPECT_EQ(to_string(BlockKind::list_item), "list-item");
  try {
    block_kind_from_string("sidebar");
    FAIL() << "no error";
  } catch (const Error& error) {
    EXPECT_NE(std::string(error.what()).find("unknown block kind \"sidebar\""), std::string::npos) << error.what();
  }
  EXPECT_THROW(block_kind_from_string("list_item"), Error);
  EXPECT_THROW(block_kind_from_string(""), Error);
}

struct Utf8Case {
  const char* name;
  std::string text;
  const char* expected;  // the message, or "" for valid text
};

TEST(DocumentUtf8, Check) {
  const std::vector<Utf8Case> cases = {
      {"ascii", "plain", ""},
      {"empty", "", ""},
      {"two bytes", "caf\xC3\xA9 \xC4\x9F", ""},
      {"three bytes", "\xE2\x80\x9C\xE2\x82\xAC", ""},
      {"four bytes", "\xF0\x9F\x98\x80", ""},
      {"last before surrogates", "\xED\x9F\xBF", ""},
      {"first after surrogates", "\xEE\x80\x80", ""},
      {"U+10FFFF", "\xF4\x8F\xBF\xBF", ""},
      {"NUL is valid", std::string("a\0b", 3), ""},
      {"lone continuation", "ab\x80", "invalid UTF-8 in text at byte 2: unexpected continuation byte"},
      {"overlong C0", "\xC0\xAF", "invalid UTF-8 in text at byte 0: overlong encoding"},
      {"overlong C1", "x\xC1\xBF", "invalid UTF-8 in text at byte 1: overlong encoding"},
      {"overlong E0", "\xE0\x80\xAF", "invalid UTF-8 in text at byte 0: overlong encoding"},
      {"overlong F0", "\xF0\x8F\xBF\xBF", "invalid UTF-8 in text at byte 0: overlong encoding"},
      {"surrogate", "a\xED\xA0\x80", "invalid UTF-8 in text at byte 1: encoded surrogate"},
      {"low surrogate", "\xED\xBF\xBF", "invalid UTF-8 in text at byte 0: encoded surrogate"},
      {"above U+10FFFF", "\xF4\x90\x80\x80", "invalid UTF-8 in text at byte 0: code point above U+10FFFF"},
      {"F5 lead", "\xF5\x80\x80\x80", "invalid UTF-8 in text at byte 0: byte never valid in UTF-8 (above U+10FFFF)"},
      {"FF", "\xFF", "invalid UTF-8 in text at byte 0: byte never valid in UTF-8 (above U+10FFFF)"},
      {"truncated at end", "ab\xE2\x80", "invalid UTF-8 in text at byte 2: truncated sequence"},
      {"truncated by ascii", "\xE2(\xAC", "invalid UTF-8 in text at byte 0: truncated sequence"},
      {"truncated four", "\xF0\x9F\x98", "invalid UTF-8 in text at byte 0: truncated sequence"},
      {"lead alone", "\xC3", "invalid UTF-8 in text at byte 0: truncated sequence"},
  };
  for (const Utf8Case& c : cases) {
    std::string message;
    try {
      check_utf8(c.text);
    } catch (const Error& error) {
      message = error.what();
    }
    EXPECT_EQ(message, c.expected) << c.name;
  }
}

TEST(DocumentUtf8, NamesWhere) {
  try {
    check_utf8("\xFF", "block 4");
    FAIL() << "no error";
  } catch (const Error& error) {
    EXPECT_EQ(std::string(error.what()).rfind("invalid UTF-8 in block 4 at byte 0", 0), 0u) << error.what();
  }
}

}  // namespace
}  // namespace whosays
