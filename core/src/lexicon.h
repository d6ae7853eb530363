// Word lists, generated at build time from core/data/lexicon/*.txt.
#pragma once

#include <cstddef>
#include <string_view>

#include "lexicon_lists.h"  // generated: enum class List, one name per file

namespace whosays::lexicon {

// The entries are NUL-terminated strings: a pointer each, half the size of a
// string_view in the WebAssembly engine's data (its size budget).
struct WordList {
  struct Iterator {
    const char* const* at;
    std::string_view operator*() const { return *at; }
    Iterator& operator++() { return ++at, *this; }
    bool operator!=(const Iterator& other) const { return at != other.at; }
  };
  std::string_view name;  // the file's name without .txt
  const char* const* words;
  std::size_t count;
  Iterator begin() const { return {words}; }
  Iterator end() const { return {words + count}; }
};

extern const WordList kWordLists[];
extern const std::size_t kWordListCount;

// The list generated from core/data/lexicon/<name>.txt. Every List names a
// file that exists, so this cannot fail.
inline const WordList& words(List list) { return kWordLists[static_cast<std::size_t>(list)]; }

}  // namespace whosays::lexicon
