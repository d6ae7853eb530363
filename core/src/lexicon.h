// Word lists, generated at build time from core/data/lexicon/*.txt.
#pragma once

#include <cstddef>
#include <string_view>

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

// The list named `name`; an unknown name is a programming error and aborts
// (the lists are fixed at build time, and a test loads each one).
const WordList& words(std::string_view name);

}  // namespace whosays::lexicon
