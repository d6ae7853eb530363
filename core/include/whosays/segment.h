// whosays: segmentation of block text into sentences, quotations and clauses.
#pragma once

#include <string_view>
#include <vector>

#include "whosays/document.h"

namespace whosays {

// Sentence spans of text (bytes, trimmed of surrounding white space), in order.
// Survives abbreviations (Mr., Gen., U.S., a.m., initials), decimals and
// thousands separators, quotation marks inside a sentence and no-break spaces.
std::vector<Span> split_sentences(std::string_view text);

// A quotation: `outer` includes the marks, `inner` does not. A quotation that
// is still open at the end of a block has outer.end == inner.end == size.
struct Quotation {
  Span outer;
  Span inner;
};

// Quotations in text: straight and curly, double and single marks, guillemets.
// A ’ between letters ("Turkey’s") is an apostrophe, not a closing mark.
std::vector<Quotation> find_quotations(std::string_view text);

// Clause spans of one sentence (bytes into text, inside `sentence`): the
// sentence is cut at coordinating and relative boundaries (", but", "; ",
// ", which", ", while" ...) outside quotations.
std::vector<Span> split_clauses(std::string_view text, Span sentence,
                                const std::vector<Quotation>& quotations);

}  // namespace whosays
