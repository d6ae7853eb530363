// whosays: the WebAssembly edge. Values in, values out; no handles, no logic.
// JavaScript passes the article as JSON text and gets the analysis as JSON
// text (offsets already in UTF-16 code units, converted by the core).
#include <emscripten/bind.h>

#include <exception>
#include <string>

#include <nlohmann/json.hpp>

#include "whosays/analyze.h"
#include "whosays/output.h"
#include "whosays/document.h"

namespace {

// A throw must not cross into JavaScript: it would arrive as an opaque
// exception pointer. Errors come back as {"error": "<the core's message>"},
// which web/engine/index.js turns into a JavaScript Error. A plain string is
// returned rather than an embind value_object, whose reader walks fields with
// for...in and breaks on pages that add properties to Object.prototype.
std::string failure(const std::string& message) { return nlohmann::json{{"error", message}}.dump(); }

std::string analyze(const std::string& article_json) {
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

std::string version() { return WHOSAYS_VERSION; }

}  // namespace

EMSCRIPTEN_BINDINGS(whosays) {
  emscripten::function("analyze", &analyze);
  emscripten::function("version", &version);
}
