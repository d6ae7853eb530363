// whosays: one JSON line in, one JSON record out. The unit of work shared by
// `whosays batch` (batch.cpp) and the Python module (python/module.cpp), so
// both give the same bytes for the same line (docs/batch.md).
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "whosays/claim.h"
#include "whosays/document.h"

namespace whosays::cli {

// The longest line read at all: the core's limit on article JSON, the limit
// `whosays analyze` puts on a file.
inline constexpr std::size_t kMaxLineBytes = 4 * kMaxArticleBytes;

// The message for a line over kMaxLineBytes (the core's own wording).
std::string oversized_message(std::size_t length);

// True for a line of nothing but spaces, tabs and "\r": skipped, no record.
bool blank_line(std::string_view line);

// An input line parsed: its "id" (a string, a number, or null when it has
// none or it could not be read) and its document.
struct Article {
  nlohmann::json id;
  Document document;
};

// Parses one article: the corpus format (an object with a "blocks" array,
// shared/spec/corpus.md) or a plain {"id", "text"} object, whose text is read
// as `whosays analyze FILE.txt` reads a file (blank lines separate paragraphs,
// the first is the title). Throws Error with the core's message on malformed
// JSON, invalid UTF-8, an article over the core's limits, or an object with
// neither "blocks" nor a "text" string.
Article parse_article_line(std::string_view line);

// The "id" of an article line, read without parsing the rest when "id" comes
// first; null when there is none or the line is not readable up to it.
nlohmann::json article_id(std::string_view line);

// One output record.
struct Record {
  std::string json;     // one line of JSON, no newline
  bool ok = false;      // false: an error record
  Summary summary;      // the analysis's counts (zero for an error record)
};

// A good line gives {"id":ID,"claims":[...],"summary":{...}}: the id, then
// exactly the bytes `whosays analyze` prints for that article, from its "{"
// on. A bad one gives {"id":ID,"line":N,"error":"message"}. Never throws on
// bad input; an internal error becomes an error record too. A line over
// kMaxLineBytes is refused before it is parsed.
Record analyze_line(std::string_view line, std::size_t line_number);

// The error record for line N (id may be null).
std::string error_record(const nlohmann::json& id, std::size_t line_number, std::string_view message);

// Calls work(0) ... work(count - 1) on `jobs` threads (1: on the caller's),
// each index once. The first exception work throws stops the others and is
// rethrown here once all have stopped.
void for_each_index(std::size_t count, unsigned jobs, const std::function<void(std::size_t)>& work);

// What `whosays batch` writes for these lines: one record per non-blank line
// (a trailing "\n" or "\r\n" is dropped), in input order, analysed on `jobs`
// threads; the line numbers count every line, from first_line.
std::vector<Record> analyze_lines(const std::vector<std::string>& lines, unsigned jobs,
                                  std::size_t first_line = 1);

// The number of hardware threads, at least 1.
unsigned hardware_jobs();

}  // namespace whosays::cli
