# Turns the named-party knowledge into a C++ table: ISO 3166-1 country names from Debian's
# iso-codes (name, common_name, official_name) and the lists in core/data/parties/*.txt.
# Run as: cmake -DISO3166_JSON=... -DPARTIES_DIR=... -DOUTPUT=... -P parties.cmake
# Any fault in the data (missing iso-codes, an unknown file, a bad country code) stops the
# build here, so the core never meets a broken table at run time.
cmake_minimum_required(VERSION 3.20)  # string(JSON)

if(NOT EXISTS "${ISO3166_JSON}")
  message(FATAL_ERROR "parties: ${ISO3166_JSON} not found. The country table is built from "
                      "Debian's iso-codes: run scripts/setup.sh or 'apt-get install iso-codes'.")
endif()

# Each list's file name and the PartyKind it fills (core/src/knowledge/parties.h).
set(kind_country_short_forms Country)
set(kind_demonyms Demonym)
set(kind_armed_groups ArmedGroup)
set(kind_state_forces Force)
set(kind_government_bodies GovernmentBody)
set(kind_international_bodies InternationalBody)
set(kind_news_agencies NewsAgency)
set(kind_capitals_stoplist CapitalsStop)
set(kind_not_parties NotParty)

set(rows "")
set(row_count 0)
set(seen "")  # "kind|name" already emitted, so a name listed twice is one row

# add_row(kind name code): escapes and appends one row, once per kind and name.
macro(add_row kind name code)
  set(_key "${kind}|${name}")
  list(FIND seen "${_key}" _at)
  if(_at EQUAL -1)
    list(APPEND seen "${_key}")
    set(_text "${name}")
    string(REPLACE "\\" "\\\\" _text "${_text}")
    string(REPLACE "\"" "\\\"" _text "${_text}")
    string(APPEND rows "    {\"${_text}\", PartyKind::${kind}, \"${code}\"},\n")
    math(EXPR row_count "${row_count} + 1")
  endif()
endmacro()

# --- ISO 3166-1 ------------------------------------------------------------
file(READ "${ISO3166_JSON}" iso_json)
string(JSON iso_count ERROR_VARIABLE iso_error LENGTH "${iso_json}" "3166-1")
if(iso_error OR iso_count LESS 200)
  message(FATAL_ERROR "parties: ${ISO3166_JSON} has no usable \"3166-1\" array (${iso_error})")
endif()
set(iso_codes "")
math(EXPR iso_last "${iso_count} - 1")
foreach(i RANGE ${iso_last})
  string(JSON entry GET "${iso_json}" "3166-1" ${i})
  string(JSON code GET "${entry}" alpha_2)
  list(APPEND iso_codes "${code}")
  foreach(field name common_name official_name)
    string(JSON value ERROR_VARIABLE missing GET "${entry}" ${field})
    if(missing OR value STREQUAL "")
      continue()
    endif()
    # Inverted forms ("Korea, Republic of") never stand in running text; the short-form
    # list gives the name news uses instead.
    if(value MATCHES "[,(]")
      continue()
    endif()
    string(REGEX REPLACE "^the " "" value "${value}")
    add_row(Country "${value}" "${code}")
  endforeach()
endforeach()

# --- core/data/parties/*.txt -----------------------------------------------
file(GLOB lists "${PARTIES_DIR}/*.txt")
list(SORT lists)
foreach(path IN LISTS lists)
  get_filename_component(stem "${path}" NAME_WE)
  if(NOT DEFINED kind_${stem})
    message(FATAL_ERROR "parties: ${path} is no known list; give its kind in cmake/parties.cmake")
  endif()
  set(kind "${kind_${stem}}")
  file(STRINGS "${path}" lines ENCODING UTF-8)
  set(line_number 0)
  foreach(line IN LISTS lines)
    math(EXPR line_number "${line_number} + 1")
    string(REGEX REPLACE "#.*$" "" line "${line}")
    string(STRIP "${line}" line)
    if(line STREQUAL "")
      continue()
    endif()
    set(code "")
    if(line MATCHES "^([^|]+)\\|(.*)$")
      string(STRIP "${CMAKE_MATCH_1}" line)
      string(STRIP "${CMAKE_MATCH_2}" code)
      list(FIND iso_codes "${code}" known)
      if(known EQUAL -1)
        message(FATAL_ERROR "parties: ${path}:${line_number}: '${code}' is no ISO 3166-1 alpha-2 code")
      endif()
    endif()
    add_row(${kind} "${line}" "${code}")
  endforeach()
endforeach()

file(WRITE "${OUTPUT}.tmp" "// Generated from ${ISO3166_JSON} and core/data/parties/*.txt by cmake/parties.cmake. Do not edit.
#include \"knowledge/parties_data.h\"

namespace whosays::knowledge::data {

// constexpr: static data, not a constructor run at every process start.
constexpr PartyRow kPartyRows[] = {
${rows}};
const std::size_t kPartyRowCount = ${row_count};

}  // namespace whosays::knowledge::data
")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different "${OUTPUT}.tmp" "${OUTPUT}")
file(REMOVE "${OUTPUT}.tmp")
