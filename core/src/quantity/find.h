// whosays: the quantity scan over a block's tokens, for the block context
// (context.cpp). Private to the core; whosays/quantity.h is the public form.
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

#include "../text.h"
#include "whosays/quantity.h"

namespace whosays {

// find_quantities(text) into `out` (replaced; its room is kept), with the
// word starts taken from `tokens`, text's identified tokens over the whole of
// it (text::tokenize, span {0, text.size()}: the first-word gate reads their
// ids and hash_top, set by Vocabulary::identify; not text::split_tokens): no phrase
// starts in the white space between tokens, and inside a token of a-z alone
// none starts after its first byte, so those bytes are not read again.
// `room`: the scan's lower-cased copy of the text, kept from text to text
// (allocated only for a longer one).
struct QuantityRoom {
  std::unique_ptr<char[]> lowered;
  std::size_t size = 0;
};
void find_quantities(std::string_view text, const text::Tokens& tokens, std::vector<Quantity>& out,
                     QuantityRoom& room);

}  // namespace whosays
