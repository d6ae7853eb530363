// The JSON writer of the output (output.cpp): text written straight into one
// string, byte for byte as nlohmann's dump writes the same values.
#pragma once

#include <nlohmann/detail/conversions/to_chars.hpp>  // nlohmann::detail::to_chars: the form of a double

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "json_text.h"
#include "whosays/document.h"  // Error

namespace whosays::json_writer {

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
    } else {  // nlohmann's own shortest round-trip form (Grisu2), as its dump() writes a double
      char* p = room(64);
      commit(nlohmann::detail::to_chars(p, p + 64, value));
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

  // A quoted string, escaped as nlohmann escapes it without ensure_ascii;
  // bytes that are not well-formed UTF-8 are replaced as its
  // error_handler_t::replace replaces them (utf8_sequence).
  void string(std::string_view text) {
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
        const Utf8Sequence sequence = utf8_sequence(bytes + i, text.size() - i);
        if (!sequence.well_formed) {
          std::memcpy(p, text.data() + run, i - run);
          p += i - run;
          run = i + sequence.length;
          commit(p);
          p = room(3 + text.size() - run + 1);
          *p++ = '\xEF', *p++ = '\xBF', *p++ = '\xBD';  // U+FFFD
        }
        i += sequence.length - 1;
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

  // The UTF-8 sequence that starts at bytes[0] (a byte from 0x80 up): a
  // well-formed character (Unicode's table 3-7, what nlohmann's decoder
  // accepts: C2-DF, E0 A0-BF, E1-EC, ED 80-9F, EE-EF, F0 90-BF, F1-F3,
  // F4 80-8F, each then followed by 80-BF), or else the bytes one U+FFFD
  // replaces: the lead byte and the continuation bytes that still fit it, at
  // least one. nlohmann's decoder does the same: at the byte that breaks a
  // sequence it writes U+FFFD for what it had read and reads that byte again
  // as a new start; a sequence cut off by the end of the text is one U+FFFD.
  struct Utf8Sequence {
    std::size_t length;
    bool well_formed;
  };
  static Utf8Sequence utf8_sequence(const unsigned char* bytes, std::size_t available) {
    const unsigned char lead = bytes[0];
    const std::size_t length = lead >= 0xF5 ? 0 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0;
    std::size_t k = 1;
    for (; k < length && k < available; ++k) {
      unsigned char low = 0x80, high = 0xBF;
      if (k == 1) {
        if (lead == 0xE0) low = 0xA0;
        if (lead == 0xED) high = 0x9F;
        if (lead == 0xF0) low = 0x90;
        if (lead == 0xF4) high = 0x8F;
      }
      if (bytes[k] < low || bytes[k] > high) break;
    }
    return {k, k == length};
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

}  // namespace whosays::json_writer
