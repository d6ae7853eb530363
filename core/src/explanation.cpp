#include "explanation.h"

#include <algorithm>
#include <initializer_list>

namespace whosays {
namespace {

// The parts one after another, built in one allocation.
std::string join(std::initializer_list<std::string_view> parts) {
  std::size_t size = 0;
  for (std::string_view part : parts) size += part.size();
  std::string out(size, '\0');
  char* at = out.data();
  for (std::string_view part : parts) at = std::copy(part.begin(), part.end(), at);
  return out;
}

// The claim's words, cut at a word boundary after about 60 bytes, where
// they end in an ellipsis.
struct Excerpt {
  std::string_view words;
  std::string_view ellipsis;
};

Excerpt excerpt(const Claim& claim, std::string_view block_text) {
  const std::string_view text = block_text.substr(claim.span.begin, claim.span.size());
  if (text.size() <= 70) return {text, {}};
  std::size_t cut = 60;
  while (cut < text.size() && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) ++cut;
  const std::size_t space = text.rfind(' ', cut);
  return {text.substr(0, space != std::string_view::npos && space > 30 ? space : cut), "…"};
}

std::string explain_attributed(const Claim& claim) {
  if (claim.cue == ":") return join({"Attributed to ", claim.source, ": the headline names its source before a colon."});
  switch (claim.route) {
    case Route::quotation:
      return join({"Attributed to ", claim.source, ": the words are quoted from them (", claim.cue, ")."});
    case Route::carried_over:
      return join({"Attributed to ", claim.source, " (", claim.cue, "), named earlier and referred back to here."});
    case Route::postposed:
      return join({"Attributed to ", claim.source, " (", claim.cue, ", after the claim)."});
    default:
      return join({"Attributed to ", claim.source, " (", claim.cue, ")."});
  }
}

std::string explain_vague(const Claim& claim, std::string_view what, const Excerpt& quoted) {
  switch (claim.route) {
    case Route::generic:
      return join({"'", claim.source, "' names nobody in particular, so no identifiable source stands behind ", what,
                   " '", quoted.words, quoted.ellipsis, "'."});
    case Route::passive:
      return join({"Reported without saying by whom ('", claim.cue, "'): no source is named for ", what, " '",
                   quoted.words, quoted.ellipsis, "'."});
    default:
      return join({"Hedged with '", claim.cue, "'", claim.source.empty() ? "" : " although it names ", claim.source,
                   ": nobody vouches for ", what, " '", quoted.words, quoted.ellipsis, "'."});
  }
}

}  // namespace

std::string explain(const Claim& claim, std::string_view block_text) {
  const std::string_view what = claim.casualty && claim.quantities.size() ? "the figure" : "the claim";
  switch (claim.status) {
    case Status::attributed:
      return explain_attributed(claim);
    case Status::vague:
      return explain_vague(claim, what, excerpt(claim, block_text));
    case Status::unattributed:
      break;
  }
  const Excerpt quoted = excerpt(claim, block_text);
  return join({"No source is named for ", what, " '", quoted.words, quoted.ellipsis, "': the article states it as fact."});
}

}  // namespace whosays
