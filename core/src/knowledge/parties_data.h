// The named-party table, generated at build time by cmake/parties.cmake from Debian's
// iso-codes (ISO 3166-1) and core/data/parties/*.txt. Read it through parties.h.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace whosays::knowledge {

// What a known name stands for. CapitalsStop is no party: it marks names that all-capitals
// text cannot tell from an English word (core/data/parties/capitals_stoplist.txt).
enum class PartyKind : std::uint8_t {
  Country,
  Demonym,
  ArmedGroup,
  Force,
  GovernmentBody,
  InternationalBody,
  NewsAgency,
  CapitalsStop,
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
