// Bad and pathological input: every case is a clear Error, never a crash.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "whosays/analyze.h"
#include "whosays/output.h"
#include "whosays/document.h"

namespace whosays {
namespace {

struct Case {
  const char* name;
  std::string input;
  const char* message;  // expected Error::what(), exactly
};

std::string error_of(std::string_view input) {
  try {
    parse_article_json(input);
  } catch (const Error& error) {
    return error.what();
  }
  return "(no error)";
}

TEST(Errors, ArticleJson) {
  const std::vector<Case> cases = {
      // Invalid UTF-8, in block text (named with the block) and elsewhere.
      {"bad byte in a block", "{\"blocks\": [{\"text\": \"ok\"}, {\"text\": \"ab\xFF\"}]}",
       "invalid UTF-8 in block 1 at byte 2 of its text (byte 40 of the input): "
       "byte never valid in UTF-8 (above U+10FFFF)"},
      {"overlong in a block", "{\"blocks\": [{\"text\": \"\xC0\xAF\"}]}",
       "invalid UTF-8 in block 0 at byte 0 of its text (byte 22 of the input): overlong encoding"},
      {"surrogate in a block", "{\"blocks\": [{\"kind\": \"title\", \"text\": \"x\xED\xA0\x80y\"}]}",
       "invalid UTF-8 in block 0 at byte 1 of its text (byte 40 of the input): encoded surrogate"},
      {"truncated in a block, twice", "{\"blocks\": [{\"text\": \"a\xE2\x80 and \xC3\"}]}",
       "invalid UTF-8 in block 0 at byte 1 of its text (byte 23 of the input): truncated sequence"},
      {"bad byte in metadata", "{\"id\": \"\xFE\", \"blocks\": []}",
       "invalid UTF-8 in JSON input at byte 8: byte never valid in UTF-8 (above U+10FFFF)"},
      {"bad byte outside strings", "{\"blocks\": []}\xC3",
       "invalid UTF-8 in JSON input at byte 14: truncated sequence"},
      // Escaped lone surrogates are the parser's to refuse.
      {"escaped lone surrogate", R"({"blocks": [{"text": "\ud800"}]})",
       "malformed JSON at line 1, column 29 (byte 29): syntax error while parsing value - invalid string: "
       "surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF; last read: '\"\\ud800\"'"},
      // Malformed JSON names the position.
      {"empty input", "", "malformed JSON at line 1, column 1 (byte 1): syntax error while parsing value - "
                          "unexpected end of input; expected '[', '{', or a literal"},
      {"trailing comma", R"({"blocks": [],})",
       "malformed JSON at line 1, column 15 (byte 15): syntax error while parsing object key - "
       "unexpected '}'; expected string literal"},
      {"second line", "{\"blocks\":\n [{\"text\": x}]}",
       "malformed JSON at line 2, column 12 (byte 23): syntax error while parsing value - invalid literal; "
       "last read: '\"text\": x'"},
      {"unterminated", R"({"blocks": [{"text": "abc)",
       "malformed JSON at line 1, column 26 (byte 26): syntax error while parsing value - invalid string: "
       "missing closing quote; last read: '\"abc'"},
      {"trailing garbage", R"({"blocks": []} x)",
       "malformed JSON at line 1, column 16 (byte 16): syntax error while parsing value - invalid literal; "
       "last read: '\"blocks\": []} x'; expected end of input"},
      // The shape of the article.
      {"not an object", R"([1, 2])", "article must be a JSON object with a \"blocks\" array, not array"},
      {"a string", R"("text")", "article must be a JSON object with a \"blocks\" array, not string"},
      {"missing blocks", R"({"title": "x"})", "article has no \"blocks\" array"},
      {"blocks an object", R"({"blocks": {"text": "x"}})", "article's \"blocks\" must be an array, not object"},
      {"blocks null", R"({"blocks": null})", "article's \"blocks\" must be an array, not null"},
      {"block a string", R"({"blocks": ["text"]})", "block 0 must be an object, not string"},
      {"no text", R"({"blocks": [{"kind": "title", "text": "t"}, {"kind": "paragraph"}]})", "block 1 has no \"text\""},
      {"text a number", R"({"blocks": [{"text": 5}]})", "block 0: \"text\" must be a string, not number"},
      {"text null", R"({"blocks": [{"text": null}]})", "block 0: \"text\" must be a string, not null"},
      {"kind a number", R"({"blocks": [{"kind": 1, "text": "x"}]})", "block 0: \"kind\" must be a string, not number"},
      {"unknown kind", R"({"blocks": [{"text": "t"}, {"kind": "aside", "text": "x"}]})",
       "block 1: unknown block kind \"aside\" (known: title, dateline, caption, heading, paragraph, quote, list-item)"},
  };
  for (const Case& c : cases) EXPECT_EQ(error_of(c.input), c.message) << c.name;
}

TEST(Errors, MessagesStayShort) {
  // An unterminated string makes the parser quote the rest of the input.
  const std::string message = error_of(R"({"blocks": [{"text": ")" + std::string(100000, 'a'));
  EXPECT_EQ(message.rfind("malformed JSON at line 1, column 100023 (byte 100023): ", 0), 0u) << message;
  EXPECT_LT(message.size(), 300u);
  EXPECT_EQ(message.substr(message.size() - 3), "...");
}

TEST(Errors, EmptyArticleIsValid) {
  EXPECT_TRUE(parse_article_json(R"({"blocks": []})").blocks.empty());
  EXPECT_EQ(analyze_article_json(R"({"blocks": []})"),
            R"({"claims":[],"summary":{"claims":0,"attributed":0,"vague":0,"unattributed":0,)"
            R"("casualty":0,"responsibility":0,"flags":0}})");
}

TEST(Errors, ArticleOverTheLimit) {
  // Text over kMaxArticleBytes, split across blocks so no one block is big.
  const std::string chunk(64 * 1024, 'a');
  std::string json = R"({"blocks": [)";
  for (std::size_t bytes = 0; bytes <= kMaxArticleBytes; bytes += chunk.size()) {
    json += R"({"text": ")" + chunk + R"("},)";
  }
  json += R"({"text": ""}]})";
  EXPECT_EQ(error_of(json).rfind("article text is ", 0), 0u) << error_of(json);
  EXPECT_NE(error_of(json).find("the limit is 2097152"), std::string::npos);

  // Input bytes over the JSON limit are refused before parsing.
  const std::string huge(4 * kMaxArticleBytes + 1, ' ');
  EXPECT_EQ(error_of(huge), "article JSON is 8388609 bytes; the limit is 8388608");
}

TEST(Errors, TooManyBlocks) {
  std::string json = R"({"blocks": [)";
  for (std::size_t i = 0; i <= kMaxBlocks; ++i) json += R"({"text": ""},)";
  json.back() = ']';
  json += '}';
  EXPECT_EQ(error_of(json), "article has 20001 blocks; the limit is 20000");
}

TEST(Errors, DeepNesting) {
  // nlohmann builds a tree; a deep one is refused at the 65th level, quickly,
  // whether or not the brackets ever close.
  const std::vector<Case> cases = {
      {"open arrays", std::string(100000, '['), "JSON nested deeper than 64 levels"},
      {"closed arrays", R"({"blocks": [], "x": )" + std::string(100000, '[') + std::string(100000, ']') + "}",
       "JSON nested deeper than 64 levels"},
      {"objects", [] {
         std::string s;
         for (int i = 0; i < 50000; ++i) s += "{\"a\":";
         return s;
       }(),
       "JSON nested deeper than 64 levels"},
      {"in a block", R"({"blocks": [{"text": "x", "meta": )" + std::string(70, '[') + std::string(70, ']') + "}]}",
       "JSON nested deeper than 64 levels"},
  };
  for (const Case& c : cases) EXPECT_EQ(error_of(c.input), c.message) << c.name;

  // 64 levels in all are fine: the root object is level 1.
  const std::string ok = R"({"blocks": [], "x": )" + std::string(63, '[') + std::string(63, ']') + "}";
  EXPECT_NO_THROW(parse_article_json(ok));
}

TEST(Errors, AnalyzeArticleJsonPassesErrorsOn) {
  EXPECT_THROW(analyze_article_json("{"), Error);
  EXPECT_THROW(analyze_article_json(R"({"blocks": [{"text": 1}]})"), Error);
}

}  // namespace
}  // namespace whosays
