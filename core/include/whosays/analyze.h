// whosays: the whole analysis.
#pragma once

#include "whosays/claim.h"
#include "whosays/document.h"

namespace whosays {

// Finds every casualty and responsibility claim in the document and judges
// its attribution; the summary is summarize(claims). Pure; linear in the
// document's length. Never throws for a document whose text is valid UTF-8
// (parse_article_json and parse_plain_text guarantee that); spans in the
// result are bytes into the document's block texts, which it does not own.
Analysis analyze(const Document& document);

}  // namespace whosays
