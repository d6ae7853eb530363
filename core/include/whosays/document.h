// whosays: the document model. An article is a list of blocks of UTF-8 text.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace whosays {

// ---------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------

// Every failure of the core on bad input is an Error whose what() is a
// one-line message a reader can act on ("invalid UTF-8 at byte 17").
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The largest article the core accepts, in bytes of UTF-8 text (all blocks).
inline constexpr std::size_t kMaxArticleBytes = 2 * 1024 * 1024;
// The largest number of blocks in one article.
inline constexpr std::size_t kMaxBlocks = 20000;

// ---------------------------------------------------------------------------
// Spans
// ---------------------------------------------------------------------------

// A half-open range [begin, end) of byte offsets into one block's UTF-8 text.
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::size_t size() const { return end - begin; }
  bool empty() const { return end <= begin; }
  bool contains(std::size_t offset) const { return offset >= begin && offset < end; }
  bool contains(Span other) const { return other.begin >= begin && other.end <= end; }
  friend bool operator==(Span a, Span b) { return a.begin == b.begin && a.end == b.end; }
};

// ---------------------------------------------------------------------------
// Blocks and documents
// ---------------------------------------------------------------------------

enum class BlockKind { title, dateline, caption, heading, paragraph, quote, list_item };

// "title", "dateline", ..., "list-item" (the corpus spelling).
std::string_view to_string(BlockKind kind);
// The inverse of to_string; throws Error naming the unknown kind.
BlockKind block_kind_from_string(std::string_view name);

struct Block {
  BlockKind kind = BlockKind::paragraph;
  std::string text;  // UTF-8, validated
};

struct Document {
  std::vector<Block> blocks;
};

// Parses the corpus article format (shared/spec/corpus.md): an object with a
// "blocks" array of {kind, text}; other fields are ignored. Validates UTF-8
// and the size limits. Throws Error on malformed JSON, a missing or mistyped
// "blocks" array, an unknown block kind, invalid UTF-8 or an article over
// kMaxArticleBytes / kMaxBlocks.
Document parse_article_json(std::string_view json);

// Parses plain text: blank lines separate paragraphs, the first paragraph is
// the title; line breaks inside a paragraph become spaces. Same checks and
// errors as parse_article_json.
Document parse_plain_text(std::string_view text);

// Throws Error("invalid UTF-8 at byte N ...") unless text is well-formed UTF-8
// (no overlongs, no surrogates, nothing above U+10FFFF).
void check_utf8(std::string_view text, std::string_view where = "text");

}  // namespace whosays
