// whosays._whosays: the pybind11 glue under the Python package (python/whosays/).
// Bytes in, JSON text out, the GIL released while the core works: the package's
// Python side turns dicts into JSON and JSON back into dicts (docs/batch.md).
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <string>
#include <utility>
#include <vector>

#include "record.h"
#include "whosays/analyze.h"
#include "whosays/output.h"
#include "whosays/document.h"

#ifndef WHOSAYS_VERSION
#define WHOSAYS_VERSION "unknown"
#endif

namespace py = pybind11;

namespace {

// `whosays analyze` of one article line: {"claims": [...], "summary": {...}}.
std::string analyze_one(const std::string& article) {
  if (article.size() > whosays::cli::kMaxLineBytes) {
    throw whosays::Error(whosays::cli::oversized_message(article.size()));
  }
  const whosays::cli::Article parsed = whosays::cli::parse_article_line(article);
  return whosays::to_json(parsed.document, whosays::analyze(parsed.document));
}

// analyze_one of each, on `jobs` threads: (true, output) or (false, message).
std::vector<std::pair<bool, std::string>> analyze_many(const std::vector<std::string>& articles, unsigned jobs) {
  std::vector<std::pair<bool, std::string>> results(articles.size());
  whosays::cli::for_each_index(articles.size(), jobs, [&](std::size_t i) {
    try {
      results[i] = {true, analyze_one(articles[i])};
    } catch (const whosays::Error& error) {
      results[i] = {false, error.what()};
    }
  });
  return results;
}

// `whosays batch` of these lines: one record per non-blank line.
std::vector<std::string> batch(const std::vector<std::string>& lines, unsigned jobs, std::size_t first_line) {
  std::vector<whosays::cli::Record> records = whosays::cli::analyze_lines(lines, jobs, first_line);
  std::vector<std::string> out;
  out.reserve(records.size());
  for (whosays::cli::Record& record : records) out.push_back(std::move(record.json));
  return out;
}

}  // namespace

PYBIND11_MODULE(_whosays, m) {
  m.doc() = "whosays core: casualty and responsibility claims and who stands behind them";
  py::register_exception<whosays::Error>(m, "Error", PyExc_ValueError);
  m.def("analyze_json", &analyze_one, py::arg("article"), py::call_guard<py::gil_scoped_release>(),
        "One article (UTF-8 JSON bytes) -> `whosays analyze`'s JSON text. Raises Error on bad input.");
  m.def("analyze_many_json", &analyze_many, py::arg("articles"), py::arg("jobs") = 1,
        py::call_guard<py::gil_scoped_release>(),
        "Articles (UTF-8 JSON bytes) -> [(True, JSON text) or (False, error message)], on `jobs` threads.");
  m.def("batch_json", &batch, py::arg("lines"), py::arg("jobs") = 1, py::arg("first_line") = 1,
        py::call_guard<py::gil_scoped_release>(),
        "JSON lines (UTF-8 bytes) -> `whosays batch`'s records (JSON text), one per non-blank line.");
  m.attr("max_article_json_bytes") = whosays::cli::kMaxLineBytes;
  m.attr("__version__") = WHOSAYS_VERSION;
}
