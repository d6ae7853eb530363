// A fast reader of well-formed article JSON (document.cpp falls back to
// nlohmann/json for everything else).
#pragma once

#include <string_view>

#include "whosays/document.h"

namespace whosays {

// JSON nesting deeper than this is refused before a parser builds it: an
// article needs three levels (object, blocks array, block object), metadata a
// few more, and a document of 100000 '[' must not cost 100000 stack frames
// anywhere (the tree's destructor, a later recursive walk).
inline constexpr int kMaxJsonDepth = 64;

// Reads an article whose JSON is well formed and whose "blocks" are an array
// of {kind, text} objects with known kinds into document, as nlohmann's DOM
// reads it: the last of duplicate keys wins, other fields are skipped.
// Returns false at anything else (a syntax error, a \u escape of a
// surrogate, a number with an exponent or of 300 characters or more, a
// mistyped or unknown field of a block, nesting deeper than kMaxJsonDepth, a
// byte-order mark); document is then unspecified and the caller parses the
// text the slow way, whose rules and messages decide. text must be
// well-formed UTF-8. Throws nothing but std::bad_alloc.
bool read_article(std::string_view text, Document& document);

}  // namespace whosays
