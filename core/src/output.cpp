// The output layer: verdict names and the JSON form of
// an analysis (docs/output.md). Byte offsets become UTF-16 code units here,
// and nowhere else.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "swar.h"
#include "whosays/analyze.h"
#include "whosays/output.h"

namespace whosays {
namespace {

// Keys in the order docs/output.md lists them, so the output reads top-down.
// The same json type the article parser uses (document.cpp), so the engine
// carries one instantiation of nlohmann's serializer, not two.
using json = nlohmann::json;

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

// Writes JSON text straight into one string, byte for byte as nlohmann's
// dump(indent, ' ', /*ensure_ascii=*/false, error_handler_t::replace) writes
// the same values: building an ordered_json tree first cost more than the
// analysis of a long article (docs/performance.md). Keys and values are
// written in the order of the calls; indent < 0 gives one line.
class JsonWriter {
 public:
  explicit JsonWriter(int indent) : indent_(indent) {}

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }

  // Keys are the literals of docs/output.md: plain ASCII, nothing to escape.
  void key(std::string_view name) {
    element();
    out_ += '"';
    out_ += name;
    out_.append(indent_ >= 0 ? "\": " : "\":", indent_ >= 0 ? 3 : 2);
    after_key_ = true;
  }

  void reserve(std::size_t bytes) { out_.reserve(bytes); }

  void value(std::string_view text) { element(), string(text); }
  void value(const char* text) { value(std::string_view(text)); }
  void value(bool flag) { element(), out_ += flag ? "true" : "false"; }
  void value(std::size_t count) { element(), out_ += std::to_string(count); }
  void null() { element(), out_ += "null"; }

  // A whole number prints as an integer (12, not 12.0), so that native
  // output and JavaScript's JSON.stringify agree; other values print as
  // doubles, formatted by nlohmann as before.
  void number(double value) {
    constexpr double kExact = 9007199254740992.0;  // 2^53
    element();
    if (std::isfinite(value) && std::trunc(value) == value && std::fabs(value) <= kExact) {
      out_ += std::to_string(static_cast<std::int64_t>(value));
    } else if (!std::isfinite(value)) {
      out_ += "null";
    } else {
      out_ += json(value).dump();
    }
  }

  void string_or_null(const std::string& text) {
    if (text.empty()) {
      null();
    } else {
      value(std::string_view(text));
    }
  }

  std::string take() { return std::move(out_); }

 private:
  // Before a key or a value: the comma and, when indented, the line break
  // and indentation of an element; nothing for the value after a key.
  void element() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (first_.empty()) return;
    if (!first_.back()) out_ += ',';
    first_.back() = false;
    if (indent_ >= 0) {
      out_ += '\n';
      out_.append(first_.size() * static_cast<std::size_t>(indent_), ' ');
    }
  }

  void open(char bracket) {
    element();
    out_ += bracket;
    first_.push_back(true);
  }

  void close(char bracket) {
    const bool empty = first_.back();
    first_.pop_back();
    if (indent_ >= 0 && !empty) {
      out_ += '\n';
      out_.append(first_.size() * static_cast<std::size_t>(indent_), ' ');
    }
    out_ += bracket;
  }

  // A quoted string, escaped as nlohmann escapes it without ensure_ascii.
  // Text that is not well-formed UTF-8 goes through nlohmann itself, whose
  // replacement of bad sequences by U+FFFD has its own rules.
  void string(std::string_view text) {
    const std::size_t start = out_.size();
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    out_ += '"';
    std::size_t run = 0;  // start of the bytes not yet written
    for (std::size_t i = 0; i < text.size(); ++i) {
      i = plain_run(bytes, i, text.size());
      if (i == text.size()) break;
      const unsigned char byte = bytes[i];
      if (byte >= 0x80) {
        const std::size_t length = character_length(bytes + i, text.size() - i);
        if (length == 0) {
          out_.resize(start);
          out_ += json(std::string(text)).dump(-1, ' ', false, json::error_handler_t::replace);
          return;
        }
        i += length - 1;
        continue;
      }
      if (byte >= 0x20 && byte != '"' && byte != '\\') continue;
      out_.append(text.data() + run, i - run);
      run = i + 1;
      escape(byte);
    }
    out_.append(text.data() + run, text.size() - run);
    out_ += '"';
  }

  // The first index from i on of a byte that is not printable ASCII other
  // than '"' and '\\' (or size), eight bytes at a time: most text is plain.
  static std::size_t plain_run(const unsigned char* bytes, std::size_t i, std::size_t size) {
    for (; i + 8 <= size; i += 8) {
      const std::uint64_t v = swar::load(bytes + i);
      if (swar::non_ascii(v) | swar::below(v, 0x20) | swar::equal(v, '"') | swar::equal(v, '\\')) break;
    }
    while (i < size && bytes[i] >= 0x20 && bytes[i] < 0x80 && bytes[i] != '"' && bytes[i] != '\\') ++i;
    return i;
  }

  // The length of the well-formed UTF-8 character (Unicode's table 3-7, what
  // nlohmann's decoder accepts) that starts at bytes[0], or 0 when it is ill
  // formed: decoded, then checked for overlongs, surrogates and the range.
  static std::size_t character_length(const unsigned char* bytes, std::size_t available) {
    static constexpr char32_t kLeast[] = {0, 0, 0x80, 0x800, 0x10000};
    const unsigned char lead = bytes[0];
    const std::size_t length = lead >= 0xF8 ? 0 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
    if (length == 0 || available < length) return 0;
    char32_t code = lead & (0x7F >> length);
    for (std::size_t k = 1; k < length; ++k) {
      if ((bytes[k] & 0xC0) != 0x80) return 0;
      code = (code << 6) | (bytes[k] & 0x3F);
    }
    if (code < kLeast[length] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return 0;
    return length;
  }

  void escape(unsigned char byte) {
    switch (byte) {
      case '"': out_ += "\\\""; return;
      case '\\': out_ += "\\\\"; return;
      case '\b': out_ += "\\b"; return;
      case '\t': out_ += "\\t"; return;
      case '\n': out_ += "\\n"; return;
      case '\f': out_ += "\\f"; return;
      case '\r': out_ += "\\r"; return;
      default: {
        static constexpr char kHex[] = "0123456789abcdef";
        const char code[] = {'\\', 'u', '0', '0', kHex[byte >> 4], kHex[byte & 0xF]};
        out_.append(code, sizeof code);
      }
    }
  }

  int indent_;
  std::string out_;
  std::vector<bool> first_;  // per open container: no element written yet
  bool after_key_ = false;
};

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

namespace {

// One claim's object, keys in the order docs/output.md lists them. Block
// texts are valid UTF-8, but a source or cue cut by a faulty rule might not
// be: such bytes become U+FFFD rather than fail the output.
void write_claim(JsonWriter& json, const Document& document, const Claim& claim, const Utf16Table& units) {
  const std::string_view text = document.blocks[claim.block].text;
  json.begin_object();
  json.key("block"), json.value(claim.block);
  json.key("start"), json.value(units(claim.span.begin));
  json.key("end"), json.value(units(claim.span.end));
  json.key("kinds");
  json.begin_array();
  if (claim.casualty) json.value("casualty");
  if (claim.responsibility) json.value("responsibility");
  json.end_array();
  json.key("status"), json.value(to_string(claim.status));
  json.key("source"), json.string_or_null(claim.source);
  json.key("cue"), json.string_or_null(claim.cue);
  json.key("route"), json.value(to_string(claim.route));
  json.key("text"), json.value(text.substr(claim.span.begin, claim.span.size()));
  json.key("quantities");
  json.begin_array();
  for (const Quantity& quantity : claim.quantities) {
    json.begin_object();
    json.key("start"), json.value(units(quantity.span.begin));
    json.key("end"), json.value(units(quantity.span.end));
    json.key("text"), json.value(text.substr(quantity.span.begin, quantity.span.size()));
    json.key("min"), json.number(quantity.min);
    json.key("max"), json.number(quantity.max);
    json.key("approximate"), json.value(quantity.approximate);
    json.key("kind"), json.value(to_string(quantity.kind));
    json.end_object();
  }
  json.end_array();
  json.key("agent"), json.string_or_null(claim.agent);
  json.key("target"), json.string_or_null(claim.target);
  json.key("explanation"), json.value(std::string_view(claim.explanation));
  json.end_object();
}

}  // namespace

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

  JsonWriter json(indent);
  json.reserve(256 + 1024 * analysis.claims.size());  // a claim takes 600 to 900 bytes on one line
  json.begin_object();
  json.key("claims");
  json.begin_array();
  for (const Claim& claim : analysis.claims) write_claim(json, document, claim, *tables[claim.block]);
  json.end_array();
  const Summary& summary = analysis.summary;
  json.key("summary");
  json.begin_object();
  json.key("claims"), json.value(summary.claims);
  json.key("attributed"), json.value(summary.attributed);
  json.key("vague"), json.value(summary.vague);
  json.key("unattributed"), json.value(summary.unattributed);
  json.key("casualty"), json.value(summary.casualty);
  json.key("responsibility"), json.value(summary.responsibility);
  json.key("flags"), json.value(summary.flags);
  json.end_object();
  json.end_object();
  return json.take();
}

std::string analyze_article_json(std::string_view article_json, int indent) {
  const Document document = parse_article_json(article_json);
  return to_json(document, analyze(document), indent);
}

}  // namespace whosays
