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

struct PartyRow {
  std::string_view name;     // as written in the data, UTF-8
  PartyKind kind;
  std::string_view country;  // ISO 3166-1 alpha-2, or empty
};

extern const PartyRow kPartyRows[];
extern const std::size_t kPartyRowCount;

}  // namespace data
}  // namespace whosays::knowledge
