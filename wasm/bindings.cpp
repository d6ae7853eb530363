// whosays: the WebAssembly edge. Values in, values out; no handles, no logic.
// JavaScript passes the article as JSON text (UTF-8 bytes it wrote into the
// module's memory) and gets the analysis as JSON text (offsets already in
// UTF-16 code units, converted by the core).
//
// Two plain C functions rather than embind: embind's runtime was about a
// third of the JavaScript glue, and its string marshalling (fromWireType,
// lengthBytesUTF8) a tenth of the time of an analysis in node's profiler.
#include <emscripten/emscripten.h>

#include <cstddef>
#include <exception>
#include <new>
#include <string>
#include <string_view>

#include "whosays/output.h"

namespace {

// The last answer: whosays_analyze returns a pointer into it, valid until the
// next call (JavaScript copies it out at once).
std::string answer;

// A throw must not cross into JavaScript: it would arrive as an opaque
// exception pointer. Errors come back as {"error": "<the core's message>"},
// which web/engine/index.js turns into a JavaScript Error.
std::string failure(const std::string& message) { return whosays::error_json(message); }

std::string analyze(std::string_view article_json) {
  try {
    return whosays::analyze_article_json(article_json);
  } catch (const whosays::Error& error) {
    return failure(error.what());
  } catch (const std::bad_alloc&) {
    return failure("out of memory while analysing the article");
  } catch (const std::exception& error) {
    return failure(std::string("internal error: ") + error.what());
  } catch (...) {
    return failure("internal error: an exception that is not a std::exception");
  }
}

}  // namespace

extern "C" {

// Analyses the article JSON in bytes [json, json + size) and returns the
// answer as a NUL-terminated UTF-8 string (JSON text never holds a raw NUL:
// the core escapes control characters).
EMSCRIPTEN_KEEPALIVE const char* whosays_analyze(const char* json, std::size_t size) {
  answer = analyze(std::string_view(json, size));  // a move: nothing to throw
  return answer.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* whosays_version() { return WHOSAYS_VERSION; }

}  // extern "C"
