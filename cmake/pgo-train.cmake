# Runs the instrumented CLI on the project's own articles, one process per
# article (start-up, parsing, analysis and output all count), to record the
# profile of a -DWHOSAYS_PGO=ON build (cmake/pgo.cmake).
#   cmake -DWHOSAYS=path -DSOURCE_DIR=path -DPROFILE_DIR=path -P cmake/pgo-train.cmake
file(REMOVE_RECURSE ${PROFILE_DIR})
file(GLOB articles ${SOURCE_DIR}/tests/corpus/own*/articles/*.json)
list(LENGTH articles count)
if(count EQUAL 0)
  message(FATAL_ERROR "pgo-train: no articles under ${SOURCE_DIR}/tests/corpus/own*/articles")
endif()
foreach(article IN LISTS articles)
  execute_process(COMMAND ${WHOSAYS} analyze ${article} OUTPUT_QUIET RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "pgo-train: ${WHOSAYS} analyze ${article} failed (${status})")
  endif()
endforeach()
message(STATUS "pgo-train: profile of ${count} articles in ${PROFILE_DIR}")
