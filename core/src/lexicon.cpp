#include "lexicon.h"

#include <cstdio>
#include <cstdlib>

namespace whosays::lexicon {

const WordList& words(std::string_view name) {
  for (std::size_t i = 0; i < kWordListCount; ++i) {
    if (kWordLists[i].name == name) return kWordLists[i];
  }
  std::fprintf(stderr, "whosays: no word list named '%.*s'\n", static_cast<int>(name.size()), name.data());
  std::abort();
}

}  // namespace whosays::lexicon
