// whosays: the output format (docs/output.md), and the one conversion of
// byte offsets to UTF-16 code units, for the JavaScript edge.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "whosays/claim.h"
#include "whosays/document.h"

namespace whosays {

// ---------------------------------------------------------------------------
// JSON
// ---------------------------------------------------------------------------

// {"claims": [...], "summary": {...}} for an analysis of `document`, on one
// line (indent -1) or indented by `indent` spaces. Offsets are UTF-16 code
// units into each block's text. Returns a new string the caller owns.
// Fails: throws Error if a claim's block or span lies outside the document
// (an analysis of another document); bytes that are not UTF-8 in a source or
// cue are written as U+FFFD, never an error.
std::string to_json(const Document& document, const Analysis& analysis, int indent = -1);

// {"error":"<message>"} on one line, the message escaped as to_json escapes
// text (bytes that are not UTF-8 become U+FFFD): what the WebAssembly engine
// answers instead of an analysis when it fails. Fails only as allocation does.
std::string error_json(std::string_view message);

// parse_article_json + analyze + to_json.
// Fails: throws Error with parse_article_json's message on bad input (malformed
// JSON, invalid UTF-8, an unknown block kind, an article over the limits).
std::string analyze_article_json(std::string_view article_json, int indent = -1);

// ---------------------------------------------------------------------------
// Offsets
// ---------------------------------------------------------------------------

// UTF-16 code units in text[0, byte_offset). An offset past the end counts the
// whole text; an offset inside a character counts that character. Never fails.
std::size_t utf16_offset(std::string_view text, std::size_t byte_offset);

}  // namespace whosays
