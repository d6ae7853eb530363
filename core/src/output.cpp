// The output layer: verdict names and the JSON form of
// an analysis (docs/output.md). Byte offsets become UTF-16 code units here,
// and nowhere else.

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "json_text.h"
#include "json_writer.h"
#include "whosays/analyze.h"
#include "whosays/output.h"

namespace whosays {
namespace {

using json_writer::JsonWriter;
using json_writer::Key;

// UTF-16 code units taken by the character whose UTF-8 encoding starts with
// `byte`; continuation bytes take none, four-byte sequences (above U+FFFF) a
// surrogate pair.
inline std::size_t utf16_units(unsigned char byte) {
  if ((byte & 0xC0) == 0x80) return 0;
  return byte >= 0xF0 ? 2 : 1;
}

// Converts the byte offsets of a run of claims in one block (their spans and
// their quantities') into UTF-16 code units, in a single pass over the
// block's text: the offsets are sorted once, the text walked once (runs
// of plain ASCII skipped many bytes at a time: json_text.h), and each lookup is a binary search. Claims
// come block by block (Analysis: reading order), so the table is rebuilt
// per block in the same two vectors; its cost is linear in the text plus
// k log k in the number of spans.
class Utf16Table {
 public:
  // Checks every span of claims [first, last) (all in one block) against
  // the document, then tables their offsets.
  void build(const Document& document, const Claim* first, const Claim* last) {
    bytes_.clear();
    bytes_.reserve(64);  // a block's claims seldom have more offsets: no regrowth from one
    for (const Claim* claim = first; claim != last; ++claim) {
      check_span(document, claim->block, claim->span, "claim");
      bytes_.push_back(claim->span.begin);
      bytes_.push_back(claim->span.end);
      for (const Quantity& quantity : claim->quantities) {
        check_span(document, claim->block, quantity.span, "quantity");
        bytes_.push_back(quantity.span.begin);
        bytes_.push_back(quantity.span.end);
      }
    }
    std::sort(bytes_.begin(), bytes_.end());
    bytes_.erase(std::unique(bytes_.begin(), bytes_.end()), bytes_.end());
    units_.resize(bytes_.size());
    const std::string_view text = document.blocks[first->block].text;
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    std::size_t position = 0, units = 0;
    for (std::size_t k = 0; k < bytes_.size(); ++k) {
      const std::size_t stop = std::min(bytes_[k], text.size());
      while (position < stop) {
        const std::size_t plain = static_cast<std::size_t>(json_text::ascii_end(bytes + position, bytes + stop) - bytes);
        units += plain - position;
        position = plain;
        if (position < stop) units += utf16_units(bytes[position++]);
      }
      units_[k] = units;
    }
  }

  std::size_t operator()(std::size_t byte_offset) const {
    const auto found = std::lower_bound(bytes_.begin(), bytes_.end(), byte_offset);
    return units_[static_cast<std::size_t>(found - bytes_.begin())];
  }

 private:
  static void check_span(const Document& document, std::size_t block, Span span, const char* what) {
    if (block >= document.blocks.size() || span.begin > span.end ||
        span.end > document.blocks[block].text.size()) {
      throw Error(std::string("internal error: a ") + what + " span [" + std::to_string(span.begin) + ", " +
                  std::to_string(span.end) + ") lies outside block " + std::to_string(block));
    }
  }

  std::vector<std::size_t> bytes_;  // sorted, unique
  std::vector<std::size_t> units_;  // units_[i] = UTF-16 units before bytes_[i]
};

// The keys of docs/output.md, made at compile time.
namespace keys {
constexpr Key agent{"agent"};
constexpr Key approximate{"approximate"};
constexpr Key attributed{"attributed"};
constexpr Key block{"block"};
constexpr Key casualty{"casualty"};
constexpr Key claims{"claims"};
constexpr Key cue{"cue"};
constexpr Key end{"end"};
constexpr Key error{"error"};
constexpr Key explanation{"explanation"};
constexpr Key flags{"flags"};
constexpr Key kind{"kind"};
constexpr Key kinds{"kinds"};
constexpr Key max{"max"};
constexpr Key min{"min"};
constexpr Key quantities{"quantities"};
constexpr Key responsibility{"responsibility"};
constexpr Key route{"route"};
constexpr Key source{"source"};
constexpr Key start{"start"};
constexpr Key status{"status"};
constexpr Key summary{"summary"};
constexpr Key target{"target"};
constexpr Key text{"text"};
constexpr Key unattributed{"unattributed"};
constexpr Key vague{"vague"};
}  // namespace keys

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

namespace {

// One claim's object, keys in the order docs/output.md lists them. Block
// texts are valid UTF-8, but a source or cue cut by a faulty rule might not
// be: such bytes become U+FFFD rather than fail the output.
void write_claim(JsonWriter& json, const Document& document, const Claim& claim, const Utf16Table& units) {
  const std::string_view text = document.blocks[claim.block].text;
  json.begin_object();
  json.key(keys::block), json.value(claim.block);
  json.key(keys::start), json.value(units(claim.span.begin));
  json.key(keys::end), json.value(units(claim.span.end));
  json.key(keys::kinds);
  json.begin_array();
  if (claim.casualty) json.name("casualty");
  if (claim.responsibility) json.name("responsibility");
  json.end_array();
  json.key(keys::status), json.name(to_string(claim.status));
  json.key(keys::source), json.string_or_null(claim.source);
  json.key(keys::cue), json.string_or_null(claim.cue);
  json.key(keys::route), json.name(to_string(claim.route));
  json.key(keys::text), json.value(text.substr(claim.span.begin, claim.span.size()));
  json.key(keys::quantities);
  json.begin_array();
  for (const Quantity& quantity : claim.quantities) {
    json.begin_object();
    json.key(keys::start), json.value(units(quantity.span.begin));
    json.key(keys::end), json.value(units(quantity.span.end));
    json.key(keys::text), json.value(text.substr(quantity.span.begin, quantity.span.size()));
    json.key(keys::min), json.number(quantity.min);
    json.key(keys::max), json.number(quantity.max);
    json.key(keys::approximate), json.value(quantity.approximate);
    json.key(keys::kind), json.name(to_string(quantity.kind));
    json.end_object();
  }
  json.end_array();
  json.key(keys::agent), json.string_or_null(claim.agent);
  json.key(keys::target), json.string_or_null(claim.target);
  json.key(keys::explanation), json.value(std::string_view(claim.explanation));
  json.end_object();
}

}  // namespace

std::string to_json(const Document& document, const Analysis& analysis, int indent) {
  JsonWriter json(indent, 256 + 1024 * analysis.claims.size());  // a claim takes 600 to 900 bytes on one line
  json.begin_object();
  json.key(keys::claims);
  json.begin_array();
  Utf16Table units;
  const Claim* const claims = analysis.claims.data();
  const std::size_t count = analysis.claims.size();
  for (std::size_t first = 0, last = 0; first < count; first = last) {
    for (last = first + 1; last < count && claims[last].block == claims[first].block;) ++last;
    units.build(document, claims + first, claims + last);
    for (std::size_t k = first; k < last; ++k) write_claim(json, document, claims[k], units);
  }
  json.end_array();
  const Summary& summary = analysis.summary;
  json.key(keys::summary);
  json.begin_object();
  json.key(keys::claims), json.value(summary.claims);
  json.key(keys::attributed), json.value(summary.attributed);
  json.key(keys::vague), json.value(summary.vague);
  json.key(keys::unattributed), json.value(summary.unattributed);
  json.key(keys::casualty), json.value(summary.casualty);
  json.key(keys::responsibility), json.value(summary.responsibility);
  json.key(keys::flags), json.value(summary.flags);
  json.end_object();
  json.end_object();
  return json.take();
}

std::string error_json(std::string_view message) {
  JsonWriter json(-1, message.size() + 16);
  json.begin_object();
  json.key(keys::error);
  json.value(message);
  json.end_object();
  return json.take();
}

std::string analyze_article_json(std::string_view article_json, int indent) {
  const Document document = parse_article_json(article_json);
  return to_json(document, analyze(document), indent);
}

}  // namespace whosays
