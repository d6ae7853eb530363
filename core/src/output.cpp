// The output layer: verdict names and the JSON form of
// an analysis (docs/output.md). Byte offsets become UTF-16 code units here,
// and nowhere else.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "whosays/analyze.h"
#include "whosays/output.h"

namespace whosays {
namespace {

// Keys in the order docs/output.md lists them, so the output reads top-down.
using ordered_json = nlohmann::ordered_json;

// UTF-16 code units taken by the character whose UTF-8 encoding starts with
// `byte`; continuation bytes take none, four-byte sequences (above U+FFFF) a
// surrogate pair.
inline std::size_t utf16_units(unsigned char byte) {
  if ((byte & 0xC0) == 0x80) return 0;
  return byte >= 0xF0 ? 2 : 1;
}

// Converts many byte offsets into one text in a single pass over it: the
// offsets are sorted once, the text walked once, and each lookup is a binary
// search. An analysis converts every span this way, so its cost is linear in
// the text plus k log k in the number of spans.
class Utf16Table {
 public:
  Utf16Table(std::string_view text, std::vector<std::size_t> offsets) : bytes_(std::move(offsets)) {
    std::sort(bytes_.begin(), bytes_.end());
    bytes_.erase(std::unique(bytes_.begin(), bytes_.end()), bytes_.end());
    units_.reserve(bytes_.size());
    std::size_t position = 0, units = 0;
    for (std::size_t offset : bytes_) {
      const std::size_t stop = std::min(offset, text.size());
      for (; position < stop; ++position) units += utf16_units(static_cast<unsigned char>(text[position]));
      units_.push_back(units);
    }
  }

  std::size_t operator()(std::size_t byte_offset) const {
    const auto found = std::lower_bound(bytes_.begin(), bytes_.end(), byte_offset);
    return units_[static_cast<std::size_t>(found - bytes_.begin())];
  }

 private:
  std::vector<std::size_t> bytes_;  // sorted, unique
  std::vector<std::size_t> units_;  // units_[i] = UTF-16 units before bytes_[i]
};

// A whole number prints as an integer (12, not 12.0), so that native output
// and JavaScript's JSON.stringify agree; other values print as doubles.
ordered_json number(double value) {
  constexpr double kExact = 9007199254740992.0;  // 2^53
  if (std::isfinite(value) && std::trunc(value) == value && std::fabs(value) <= kExact) {
    return static_cast<std::int64_t>(value);
  }
  if (!std::isfinite(value)) return nullptr;
  return value;
}

ordered_json string_or_null(const std::string& text) {
  if (text.empty()) return nullptr;
  return text;
}

void check_span(const Document& document, std::size_t block, Span span, const char* what) {
  if (block >= document.blocks.size() || span.begin > span.end ||
      span.end > document.blocks[block].text.size()) {
    throw Error(std::string("internal error: a ") + what + " span [" + std::to_string(span.begin) + ", " +
                std::to_string(span.end) + ") lies outside block " + std::to_string(block));
  }
}

}  // namespace

// ---------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------

std::string_view to_string(Status status) {
  switch (status) {
    case Status::attributed: return "attributed";
    case Status::vague: return "vague";
    case Status::unattributed: return "unattributed";
  }
  return "unknown";
}

std::string_view to_string(Route route) {
  switch (route) {
    case Route::none: return "none";
    case Route::in_clause: return "in_clause";
    case Route::postposed: return "postposed";
    case Route::quotation: return "quotation";
    case Route::carried_over: return "carried_over";
    case Route::hedge: return "hedge";
    case Route::passive: return "passive";
    case Route::generic: return "generic";
  }
  return "unknown";
}

// ---------------------------------------------------------------------------
// UTF-16 offsets
// ---------------------------------------------------------------------------

std::size_t utf16_offset(std::string_view text, std::size_t byte_offset) {
  const std::size_t stop = std::min(byte_offset, text.size());
  std::size_t units = 0;
  for (std::size_t i = 0; i < stop; ++i) units += utf16_units(static_cast<unsigned char>(text[i]));
  return units;
}

// ---------------------------------------------------------------------------
// JSON
// ---------------------------------------------------------------------------

std::string to_json(const Document& document, const Analysis& analysis, int indent) {
  // Gather every offset per block first, so each block's text is walked once.
  std::vector<std::vector<std::size_t>> offsets(document.blocks.size());
  for (const Claim& claim : analysis.claims) {
    check_span(document, claim.block, claim.span, "claim");
    offsets[claim.block].push_back(claim.span.begin);
    offsets[claim.block].push_back(claim.span.end);
    for (const Quantity& quantity : claim.quantities) {
      check_span(document, claim.block, quantity.span, "quantity");
      offsets[claim.block].push_back(quantity.span.begin);
      offsets[claim.block].push_back(quantity.span.end);
    }
  }
  std::vector<std::optional<Utf16Table>> tables(document.blocks.size());
  for (std::size_t block = 0; block < offsets.size(); ++block) {
    if (!offsets[block].empty()) tables[block].emplace(document.blocks[block].text, std::move(offsets[block]));
  }

  ordered_json claims = ordered_json::array();
  for (const Claim& claim : analysis.claims) {
    const std::string& text = document.blocks[claim.block].text;
    const Utf16Table& units = *tables[claim.block];
    ordered_json kinds = ordered_json::array();
    if (claim.casualty) kinds.push_back("casualty");
    if (claim.responsibility) kinds.push_back("responsibility");
    ordered_json quantities = ordered_json::array();
    for (const Quantity& quantity : claim.quantities) {
      quantities.push_back({
          {"start", units(quantity.span.begin)},
          {"end", units(quantity.span.end)},
          {"text", text.substr(quantity.span.begin, quantity.span.size())},
          {"min", number(quantity.min)},
          {"max", number(quantity.max)},
          {"approximate", quantity.approximate},
          {"kind", std::string(to_string(quantity.kind))},
      });
    }
    claims.push_back({
        {"block", claim.block},
        {"start", units(claim.span.begin)},
        {"end", units(claim.span.end)},
        {"kinds", std::move(kinds)},
        {"status", std::string(to_string(claim.status))},
        {"source", string_or_null(claim.source)},
        {"cue", string_or_null(claim.cue)},
        {"route", std::string(to_string(claim.route))},
        {"text", text.substr(claim.span.begin, claim.span.size())},
        {"quantities", std::move(quantities)},
        {"agent", string_or_null(claim.agent)},
        {"target", string_or_null(claim.target)},
        {"explanation", claim.explanation},
    });
  }

  const Summary& summary = analysis.summary;
  ordered_json out = {
      {"claims", std::move(claims)},
      {"summary",
       {
           {"claims", summary.claims},
           {"attributed", summary.attributed},
           {"vague", summary.vague},
           {"unattributed", summary.unattributed},
           {"casualty", summary.casualty},
           {"responsibility", summary.responsibility},
           {"flags", summary.flags},
       }},
  };
  // Block texts are valid UTF-8, but a source or cue cut by a faulty rule
  // might not be: replace such bytes (U+FFFD) rather than fail the output.
  return out.dump(indent, ' ', /*ensure_ascii=*/false, ordered_json::error_handler_t::replace);
}

std::string analyze_article_json(std::string_view article_json, int indent) {
  const Document document = parse_article_json(article_json);
  return to_json(document, analyze(document), indent);
}

}  // namespace whosays
