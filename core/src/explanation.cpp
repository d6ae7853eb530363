#include "explanation.h"

namespace whosays {
namespace {

// The claim's words, cut at a word boundary after about 60 bytes.
std::string excerpt(const Claim& claim, std::string_view block_text) {
  std::string text(block_text.substr(claim.span.begin, claim.span.size()));
  if (text.size() <= 70) return text;
  std::size_t cut = 60;
  while (cut < text.size() && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) ++cut;
  const std::size_t space = text.rfind(' ', cut);
  return text.substr(0, space != std::string::npos && space > 30 ? space : cut) + "…";
}

std::string explain_attributed(const Claim& claim) {
  if (claim.cue == ":") return "Attributed to " + claim.source + ": the headline names its source before a colon.";
  switch (claim.route) {
    case Route::quotation:
      return "Attributed to " + claim.source + ": the words are quoted from them (" + claim.cue + ").";
    case Route::carried_over:
      return "Attributed to " + claim.source + " (" + claim.cue + "), named earlier and referred back to here.";
    case Route::postposed:
      return "Attributed to " + claim.source + " (" + claim.cue + ", after the claim).";
    default:
      return "Attributed to " + claim.source + " (" + claim.cue + ").";
  }
}

std::string explain_vague(const Claim& claim, const std::string& what, const std::string& quoted) {
  switch (claim.route) {
    case Route::generic:
      return "'" + claim.source + "' names nobody in particular, so no identifiable source stands behind " + what + " " +
             quoted + ".";
    case Route::passive:
      return "Reported without saying by whom ('" + claim.cue + "'): no source is named for " + what + " " + quoted + ".";
    default:
      return "Hedged with '" + claim.cue + "'" +
             (claim.source.empty() ? std::string() : " although it names " + claim.source) + ": nobody vouches for " +
             what + " " + quoted + ".";
  }
}

}  // namespace

std::string explain(const Claim& claim, std::string_view block_text) {
  const std::string what = claim.casualty && claim.quantities.size() ? "the figure" : "the claim";
  const std::string quoted = "'" + excerpt(claim, block_text) + "'";
  switch (claim.status) {
    case Status::attributed:
      return explain_attributed(claim);
    case Status::vague:
      return explain_vague(claim, what, quoted);
    case Status::unattributed:
      break;
  }
  return "No source is named for " + what + " " + quoted + ": the article states it as fact.";
}

}  // namespace whosays
