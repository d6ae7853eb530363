// The output layer: verdict names and the JSON form of
// an analysis (docs/output.md). Byte offsets become UTF-16 code units here,
// and nowhere else.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "json_text.h"
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

// A key as written on one line, quoted and with its colon ("block":), in a
// fixed 24 bytes: the writer copies it with a memcpy of a constant size (a
// few moves, no library call; a key was some 90 instructions with one).
struct Key {
  char text[24] = {};
  std::size_t size = 0;
  constexpr explicit Key(std::string_view name) {
    text[size++] = '"';
    for (char c : name) text[size++] = c;
    text[size++] = '"';
    text[size++] = ':';
  }
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

// Writes JSON text straight into one string, byte for byte as nlohmann's
// dump(indent, ' ', /*ensure_ascii=*/false, error_handler_t::replace) writes
// the same values: building an ordered_json tree first cost more than the
// analysis of a long article (docs/performance.md). Keys and values are
// written in the order of the calls; indent < 0 gives one line.
//
// The string is grown by resize in steps and written through a pointer
// (room/commit), not appended to piece by piece: std::string's append
// checks and moves its length at every call, about 30 instructions, and a
// claim's object is some 50 pieces.
class JsonWriter {
 public:
  JsonWriter(int indent, std::size_t expected) : indent_(indent) { out_.reserve(expected); }

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }

  void key(const Key& name) {
    element();
    char* p = room(sizeof name.text + 1);
    std::memcpy(p, name.text, sizeof name.text);
    p += name.size;
    if (indent_ >= 0) *p++ = ' ';
    commit(p);
    after_key_ = true;
  }

  void value(std::string_view text) { element(), string(text); }
  // A name of docs/output.md (a status, a route, a kind): plain ASCII,
  // written without the escaping scan.
  void name(std::string_view text) {
    element();
    char* p = room(text.size() + 2);
    *p++ = '"';
    std::memcpy(p, text.data(), text.size());
    p += text.size();
    *p++ = '"';
    commit(p);
  }
  void value(bool flag) { element(), flag ? literal("true", 4) : literal("false", 5); }
  void value(std::size_t count) {
    element();
    char* p = room(20);
    commit(std::to_chars(p, p + 20, count).ptr);
  }
  void null() { element(), literal("null", 4); }

  // A whole number prints as an integer (12, not 12.0), so that native
  // output and JavaScript's JSON.stringify agree; other values print as
  // doubles, formatted by nlohmann as before.
  void number(double value) {
    constexpr double kExact = 9007199254740992.0;  // 2^53
    element();
    if (std::isfinite(value) && std::trunc(value) == value && std::fabs(value) <= kExact) {
      char* p = room(24);
      commit(std::to_chars(p, p + 24, static_cast<std::int64_t>(value)).ptr);
    } else if (!std::isfinite(value)) {
      literal("null", 4);
    } else {
      const std::string text = json(value).dump();
      literal(text.data(), text.size());
    }
  }

  void string_or_null(const std::string& text) {
    if (text.empty()) {
      null();
    } else {
      value(std::string_view(text));
    }
  }

  std::string take() {
    out_.resize(used_);
    return std::move(out_);
  }

 private:
  // At least n writable bytes at the end of what is written; commit(end)
  // then says where the writing stopped. The string's size runs ahead of
  // what is written by at most a step, so that resizing (which zeroes) does
  // not touch the whole reservation at once.
  char* room(std::size_t n) {
    if (out_.size() - used_ < n) grow(n);
    return out_.data() + used_;
  }
  // Out of line, so that the writes around room() keep their registers.
  [[gnu::noinline]] void grow(std::size_t n) {
    constexpr std::size_t kStep = 4096;
    out_.resize(std::max(used_ + n, std::min(out_.capacity(), used_ + kStep)));
  }
  void commit(const char* end) { used_ = static_cast<std::size_t>(end - out_.data()); }

  void literal(const char* text, std::size_t size) {
    char* p = room(size);
    std::memcpy(p, text, size);
    commit(p + size);
  }

  // A line break and the indentation of the current depth.
  void line_break() {
    const std::size_t spaces = depth_ * static_cast<std::size_t>(indent_);
    char* p = room(1 + spaces);
    *p = '\n';
    std::memset(p + 1, ' ', spaces);
    commit(p + 1 + spaces);
  }

  // Before a key or a value: the comma and, when indented, the line break
  // and indentation of an element; nothing for the value after a key.
  void element() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (depth_ == 0) return;
    bool& first = first_[depth_ - 1];
    if (!first) {
      char* p = room(1);
      *p = ',';
      commit(p + 1);
    }
    first = false;
    if (indent_ >= 0) line_break();
  }

  void open(char bracket) {
    element();
    char* p = room(1);
    *p = bracket;
    commit(p + 1);
    if (depth_ == kDepth) throw Error("internal error: JSON output nested too deep");
    first_[depth_++] = true;
  }

  void close(char bracket) {
    const bool empty = first_[--depth_];
    if (indent_ >= 0 && !empty) line_break();
    char* p = room(1);
    *p = bracket;
    commit(p + 1);
  }

  // A quoted string, escaped as nlohmann escapes it without ensure_ascii.
  // Text that is not well-formed UTF-8 goes through nlohmann itself, whose
  // replacement of bad sequences by U+FFFD has its own rules.
  void string(std::string_view text) {
    const std::size_t start = used_;
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    // Room for the text unescaped and its quotes; an escape asks for more.
    char* p = room(text.size() + 2);
    *p++ = '"';
    std::size_t run = 0;  // start of the bytes not yet written
    for (std::size_t i = 0; i < text.size(); ++i) {
      i = plain_run(bytes, i, text.size());
      if (i == text.size()) break;
      const unsigned char byte = bytes[i];
      if (byte >= 0x80) {
        const std::size_t length = character_length(bytes + i, text.size() - i);
        if (length == 0) {
          used_ = start;
          const std::string replaced = json(std::string(text)).dump(-1, ' ', false, json::error_handler_t::replace);
          literal(replaced.data(), replaced.size());
          return;
        }
        i += length - 1;
        continue;
      }
      if (byte >= 0x20 && byte != '"' && byte != '\\') continue;
      std::memcpy(p, text.data() + run, i - run);
      p += i - run;
      run = i + 1;
      commit(p);
      p = escape(byte, text.size() - run + 1);
    }
    std::memcpy(p, text.data() + run, text.size() - run);
    p += text.size() - run;
    *p++ = '"';
    commit(p);
  }

  // The first index from i on of a byte that is not printable ASCII other
  // than '"' and '\\' (or size): most text is plain (json_text.h).
  static std::size_t plain_run(const unsigned char* bytes, std::size_t i, std::size_t size) {
    return static_cast<std::size_t>(json_text::plain_end(bytes + i, bytes + size, true) - bytes);
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

  // Writes the escape of byte, and returns where to go on writing, with
  // room for `rest` more bytes (the rest of the string and its quote).
  char* escape(unsigned char byte, std::size_t rest) {
    char* p = room(6 + rest);
    switch (byte) {
      case '"': *p++ = '\\', *p++ = '"'; break;
      case '\\': *p++ = '\\', *p++ = '\\'; break;
      case '\b': *p++ = '\\', *p++ = 'b'; break;
      case '\t': *p++ = '\\', *p++ = 't'; break;
      case '\n': *p++ = '\\', *p++ = 'n'; break;
      case '\f': *p++ = '\\', *p++ = 'f'; break;
      case '\r': *p++ = '\\', *p++ = 'r'; break;
      default: {
        static constexpr char kHex[] = "0123456789abcdef";
        const char code[] = {'\\', 'u', '0', '0', kHex[byte >> 4], kHex[byte & 0xF]};
        std::memcpy(p, code, sizeof code);
        p += sizeof code;
      }
    }
    return p;
  }

  // The output's deepest nesting is four (summary object, claims array,
  // claim, quantities array, quantity).
  static constexpr std::size_t kDepth = 8;

  int indent_;
  std::string out_;        // out_[0, used_) written; the rest is room
  std::size_t used_ = 0;
  bool first_[kDepth] = {};  // per open container: no element written yet
  std::size_t depth_ = 0;
  bool after_key_ = false;
};

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

std::string analyze_article_json(std::string_view article_json, int indent) {
  const Document document = parse_article_json(article_json);
  return to_json(document, analyze(document), indent);
}

}  // namespace whosays
