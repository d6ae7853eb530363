// whosays: the WebAssembly edge. Values in, values out; no handles, no logic.
// JavaScript passes the article as JSON text and gets the analysis as JSON
// text (offsets already in UTF-16 code units, converted by the core).
#include <emscripten/bind.h>

#include <exception>
#include <string>

#include "whosays/analyze.h"
#include "whosays/document.h"

namespace {

// A throw must not cross into JavaScript: it would arrive as an opaque
// exception pointer. Errors come back as a value, and web/engine/index.js
// turns them into a JavaScript Error carrying the core's message.
struct Outcome {
  bool ok = false;
  std::string value;  // the analysis as JSON text when ok
  std::string error;  // the core's one-line message when not ok
};

Outcome analyze(const std::string& article_json) {
  Outcome outcome;
  try {
    outcome.value = whosays::analyze_article_json(article_json);
    outcome.ok = true;
  } catch (const whosays::Error& error) {
    outcome.error = error.what();
  } catch (const std::bad_alloc&) {
    outcome.error = "out of memory while analysing the article";
  } catch (const std::exception& error) {
    outcome.error = std::string("internal error: ") + error.what();
  } catch (...) {
    outcome.error = "internal error: an exception that is not a std::exception";
  }
  return outcome;
}

std::string version() { return WHOSAYS_VERSION; }

}  // namespace

EMSCRIPTEN_BINDINGS(whosays) {
  emscripten::value_object<Outcome>("Outcome")
      .field("ok", &Outcome::ok)
      .field("value", &Outcome::value)
      .field("error", &Outcome::error);
  emscripten::function("analyze", &analyze);
  emscripten::function("version", &version);
}
