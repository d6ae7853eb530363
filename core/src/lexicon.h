// Word lists, generated at build time from core/data/lexicon/*.txt.
#pragma once

#include <cstddef>
#include <string_view>

#include "lexicon_lists.h"  // generated: enum class List, one name per file

namespace whosays::lexicon {

struct WordList {
  std::string_view name;  // the file's name without .txt
  const std::string_view* words;
  std::size_t count;
  const std::string_view* begin() const { return words; }
  const std::string_view* end() const { return words + count; }
};

extern const WordList kWordLists[];
extern const std::size_t kWordListCount;

// The list generated from core/data/lexicon/<name>.txt. Every List names a
// file that exists, so this cannot fail.
inline const WordList& words(List list) { return kWordLists[static_cast<std::size_t>(list)]; }

}  // namespace whosays::lexicon
