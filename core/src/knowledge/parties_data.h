// The named-party table, generated at build time by cmake/parties.cmake from Debian's
// iso-codes (ISO 3166-1) and core/data/parties/*.txt. Read it through parties.h.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace whosays::knowledge {

// What a known name stands for. CapitalsStop and NotParty are no parties: names that
// all-capitals text cannot tell from an English word (capitals_stoplist.txt), and names
// that hold a party's name without being one (not_parties.txt: "New Jersey").
enum class PartyKind : std::uint8_t {
  Country,
  Demonym,
  ArmedGroup,
  Force,
  GovernmentBody,
  InternationalBody,
  NewsAgency,
  CapitalsStop,
  NotParty,
};

namespace data {

// Eight bytes a row in the WebAssembly engine (a pointer, not a string_view,
// for the name; the code in place): the table is data within its size budget.
struct PartyRow {
  const char* name_text;  // as written in the data, UTF-8, NUL-terminated
  PartyKind kind;
  char code[3];           // ISO 3166-1 alpha-2, or empty
  std::string_view name() const { return name_text; }
  std::string_view country() const { return code; }
};

extern const PartyRow kPartyRows[];
extern const std::size_t kPartyRowCount;

}  // namespace data
}  // namespace whosays::knowledge
