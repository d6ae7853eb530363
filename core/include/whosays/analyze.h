// whosays: the whole analysis, and its JSON form.
#pragma once

#include <string>
#include <string_view>

#include "whosays/claim.h"
#include "whosays/document.h"

namespace whosays {

// Finds every casualty and responsibility claim in the document and judges
// its attribution. Pure; linear in the document's length; never throws for a
// document whose text is valid UTF-8 (parse_* guarantee that).
Analysis analyze(const Document& document);

// The output format (docs/output.md): {"claims": [...], "summary": {...}}.
// Offsets are converted from bytes to UTF-16 code units here, once.
std::string to_json(const Document& document, const Analysis& analysis, int indent = -1);

// parse_article_json + analyze + to_json. Throws Error on bad input.
std::string analyze_article_json(std::string_view article_json, int indent = -1);

// Byte offset in UTF-8 text -> UTF-16 code units (for the JavaScript edge).
std::size_t utf16_offset(std::string_view text, std::size_t byte_offset);

}  // namespace whosays
