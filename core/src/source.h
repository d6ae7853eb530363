// Who says so: a source phrase as judged by classify_source (sources.h).
#pragma once

#include <string>

namespace whosays {

enum class SourceKind {
  none,     // no source phrase
  named,    // a name, an institution, a titled person, or a pronoun resolved to one
  generic,  // "officials", "local media", "a witness": nobody identifiable
  pronoun,  // "he", "they" with nobody earlier to refer to
};

struct Source {
  SourceKind kind = SourceKind::none;
  std::string text;      // resolved name (or the phrase itself)
  std::string phrase;    // as written ("He", "its source", "officials")
  bool resolved = false; // text came from an earlier sentence
  bool person = false;
};

}  // namespace whosays
