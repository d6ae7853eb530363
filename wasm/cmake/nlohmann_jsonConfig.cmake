# nlohmann/json for the Emscripten build. Debian's own config points at
# /usr/include, which must never reach Emscripten's compiler (its headers
# would shadow the sysroot's libc). wasm/build.mjs points nlohmann_json_DIR
# here and WHOSAYS_EM_INCLUDE at build/em-include (boost/ and nlohmann/ only).
if(NOT WHOSAYS_EM_INCLUDE OR NOT EXISTS "${WHOSAYS_EM_INCLUDE}/nlohmann/json.hpp")
  set(nlohmann_json_FOUND FALSE)
  set(nlohmann_json_NOT_FOUND_MESSAGE
      "WHOSAYS_EM_INCLUDE must name a folder holding nlohmann/json.hpp (run scripts/setup.sh)")
  return()
endif()
if(NOT TARGET nlohmann_json::nlohmann_json)
  add_library(nlohmann_json::nlohmann_json INTERFACE IMPORTED)
  set_target_properties(nlohmann_json::nlohmann_json PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES "${WHOSAYS_EM_INCLUDE}")
endif()
