# Profile-guided optimisation of the native core and CLI (GCC), off by
# default: -DWHOSAYS_PGO=ON. The build first builds an instrumented `whosays`
# in <build>/pgo/build (the same sources, -fprofile-generate), runs it on the
# project's own articles (cmake/pgo-train.cmake; never ../shared, which a
# user's machine may not have), then compiles the core, the CLI and the
# record library with -fprofile-use. An edit to any source rebuilds the
# instrumented CLI, trains it again and recompiles everything with the new
# profile, so the profile always matches the sources. Measured in
# docs/performance.md ("Compiler options").
option(WHOSAYS_PGO "Profile-guided optimisation (GCC): train an instrumented CLI on tests/corpus/own*, then build with the profile" OFF)
# Both builds compile the core as position-independent code, as the Python
# module needs it: -fPIC changes GCC's inlining, and a function whose control
# flow differs from the profiled one gets no profile (-Wcoverage-mismatch).
if(WHOSAYS_PGO OR WHOSAYS_PGO_INSTRUMENTED)
  set_target_properties(whosays_core PROPERTIES POSITION_INDEPENDENT_CODE ON)
endif()
if(NOT WHOSAYS_PGO)
  return()
endif()
if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "GNU" OR WHOSAYS_SANITIZE OR WHOSAYS_FUZZ OR EMSCRIPTEN)
  message(FATAL_ERROR "WHOSAYS_PGO needs GCC and a plain native build (no sanitizers, no fuzzing, no Emscripten)")
endif()

include(ExternalProject)
set(WHOSAYS_PGO_DIR ${CMAKE_BINARY_DIR}/pgo)
set(WHOSAYS_PGO_PROFILE ${WHOSAYS_PGO_DIR}/profile)
set(WHOSAYS_PGO_CLI ${WHOSAYS_PGO_DIR}/build/whosays)
# -fprofile-prefix-path: the profile's file names are the objects' paths
# below each build directory, the same in both builds.
ExternalProject_Add(whosays_pgo_instrumented
  SOURCE_DIR ${PROJECT_SOURCE_DIR}
  BINARY_DIR ${WHOSAYS_PGO_DIR}/build
  CMAKE_ARGS -DCMAKE_BUILD_TYPE=${CMAKE_BUILD_TYPE} -DCMAKE_CXX_COMPILER=${CMAKE_CXX_COMPILER}
             -DWHOSAYS_TESTS=OFF -DWHOSAYS_BENCH=OFF -DWHOSAYS_PYTHON=OFF -DWHOSAYS_PGO=OFF -DWHOSAYS_PGO_INSTRUMENTED=ON
             -DWHOSAYS_ISO3166_JSON=${WHOSAYS_ISO3166_JSON}
             "-DCMAKE_CXX_FLAGS=${CMAKE_CXX_FLAGS} -fprofile-generate=${WHOSAYS_PGO_PROFILE} -fprofile-prefix-path=${WHOSAYS_PGO_DIR}/build -fprofile-update=single"
             "-DCMAKE_EXE_LINKER_FLAGS=${CMAKE_EXE_LINKER_FLAGS} -Wl,--undefined=__gcov_dump"
  BUILD_BYPRODUCTS ${WHOSAYS_PGO_CLI}
  INSTALL_COMMAND ""
  BUILD_ALWAYS ON)
set(WHOSAYS_PGO_STAMP ${WHOSAYS_PGO_DIR}/trained.stamp)
add_custom_command(
  OUTPUT ${WHOSAYS_PGO_STAMP}
  COMMAND ${CMAKE_COMMAND} -DWHOSAYS=${WHOSAYS_PGO_CLI} -DSOURCE_DIR=${PROJECT_SOURCE_DIR}
          -DPROFILE_DIR=${WHOSAYS_PGO_PROFILE} -P ${PROJECT_SOURCE_DIR}/cmake/pgo-train.cmake
  COMMAND ${CMAKE_COMMAND} -E touch ${WHOSAYS_PGO_STAMP}
  DEPENDS whosays_pgo_instrumented ${WHOSAYS_PGO_CLI} ${PROJECT_SOURCE_DIR}/cmake/pgo-train.cmake
  COMMENT "Training the instrumented whosays on tests/corpus/own*/articles")
add_custom_target(whosays_pgo_profile DEPENDS ${WHOSAYS_PGO_STAMP})

# The targets built from the profile: every object waits for it and is
# compiled again when it changes. Functions the training never ran keep the
# ordinary -O3 (-fprofile-partial-training); files without a profile (the
# benchmark's) are no error. GCC 12 warns of a maybe-uninitialized
# boost::optional inside the quantity grammar once the profile changes its
# inlining: a false positive, silenced here only.
function(whosays_use_profile target)
  add_dependencies(${target} whosays_pgo_profile)
  target_compile_options(${target} PRIVATE -fprofile-use=${WHOSAYS_PGO_PROFILE} -fprofile-prefix-path=${CMAKE_BINARY_DIR}
                         -fprofile-partial-training -Wno-missing-profile -Wno-error=coverage-mismatch
                         -Wno-maybe-uninitialized)
  get_target_property(sources ${target} SOURCES)
  set_property(SOURCE ${sources} TARGET_DIRECTORY ${target} APPEND PROPERTY OBJECT_DEPENDS ${WHOSAYS_PGO_STAMP})
endfunction()
