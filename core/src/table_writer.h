// Writing the native build's generated tables as C++ (scripts/generate_tables.cpp
// and the write() members compiled with WHOSAYS_TABLE_GENERATOR). Never part of
// the analysis or the engine.
#pragma once

#include <cstddef>
#include <cstdio>
#include <ostream>
#include <string_view>

namespace whosays::table_writer {

// A C++ string literal of the bytes: printable ASCII as is, other bytes in
// octal (three digits, so a following digit cannot extend the escape).
inline void literal(std::ostream& out, std::string_view text) {
  out << '"';
  for (unsigned char c : text) {
    if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '?') {
      out << c;
    } else {
      char escaped[5];
      std::snprintf(escaped, sizeof escaped, "\\%03o", c);
      out << escaped;
    }
  }
  out << '"';
}

// `count` unsigned words as hexadecimal literals, each followed by a comma,
// `per_line` of them on each line (a line break and four spaces before each
// line).
template <typename Word>
void hex_words(std::ostream& out, const Word* words, std::size_t count, std::size_t per_line) {
  for (std::size_t i = 0; i < count; ++i) out << (i % per_line ? " " : "\n    ") << "0x" << std::hex << words[i] << std::dec << "u,";
}

}  // namespace whosays::table_writer
