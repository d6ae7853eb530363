// One JSON line in, one JSON record out (record.h).
#include "record.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <system_error>
#include <thread>
#include <utility>

#include "whosays/analyze.h"
#include "whosays/output.h"

namespace whosays::cli {

namespace {

using nlohmann::json;

// Reads the top level of an article object without building it: the "id"
// value, whether there is a "blocks" key, and the "text" string. Stops as soon
// as it has what it was asked for, so finding a leading "id" costs next to
// nothing. nlohmann's SAX parser is iterative: deep nesting cannot overflow
// the stack here.
class TopLevel : public nlohmann::json_sax<json> {
 public:
  explicit TopLevel(bool want_all) : want_all_(want_all) {}

  json id;
  bool complete = false;  // read to the end without an error (want_all only)
  bool is_object = false;
  bool has_blocks = false;
  bool has_text = false;
  std::string text;

  bool null() override { return value(json()); }
  bool boolean(bool) override { return value(json()); }
  bool number_integer(number_integer_t v) override { return value(json(v)); }
  bool number_unsigned(number_unsigned_t v) override { return value(json(v)); }
  bool number_float(number_float_t v, const string_t&) override { return value(json(v)); }
  bool string(string_t& v) override {
    if (depth_ == 1 && key_ == Key::text) {
      has_text = true;
      text = std::move(v);
      key_ = Key::other;
      return want_all_;
    }
    return value(json(std::move(v)));
  }
  bool binary(binary_t&) override { return value(json()); }
  bool start_object(std::size_t) override {
    if (depth_ == 0) is_object = true;
    return open();
  }
  bool end_object() override { return close(); }
  bool start_array(std::size_t) override { return open(); }
  bool end_array() override { return close(); }
  bool key(string_t& name) override {
    if (depth_ != 1) return true;
    key_ = name == "id" ? Key::id : name == "text" ? Key::text : Key::other;
    if (name == "blocks") has_blocks = true;
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }

 private:
  enum class Key { other, id, text };

  // A scalar at depth 1 is the value of the last key.
  bool value(json v) {
    if (depth_ != 1) return true;
    if (key_ == Key::id) {
      if (v.is_string() || v.is_number()) id = std::move(v);
      key_ = Key::other;
      return want_all_;
    }
    key_ = Key::other;
    return true;
  }
  bool open() {
    ++depth_;
    if (depth_ == 2) key_ = Key::other;  // "id": {...} is no id; "text": [...] no text
    return true;
  }
  bool close() {
    --depth_;
    return true;
  }

  bool want_all_;
  int depth_ = 0;
  Key key_ = Key::other;
};

TopLevel scan(std::string_view line, bool want_all) {
  TopLevel top(want_all);
  top.complete =
      json::sax_parse(line.begin(), line.end(), &top, nlohmann::detail::input_format_t::json, /*strict=*/true);
  return top;
}

std::string dump(const json& value) { return value.dump(-1, ' ', false, json::error_handler_t::replace); }

}  // namespace

json article_id(std::string_view line) { return scan(line, /*want_all=*/false).id; }

Article parse_article_line(std::string_view line) {
  try {
    Document document = parse_article_json(line);
    return Article{article_id(line), std::move(document)};
  } catch (const Error& error) {
    // Not the corpus format: a plain {"id", "text"} object is welcome too. The
    // core has checked the JSON (depth, UTF-8, size) before looking for blocks.
    TopLevel top = scan(line, /*want_all=*/true);
    if (!top.complete || !top.is_object || top.has_blocks) throw;
    if (!top.has_text) throw Error("article has neither a \"blocks\" array nor a \"text\" string");
    Document document = parse_plain_text(top.text);
    return Article{std::move(top.id), std::move(document)};
  }
}

std::string error_record(const json& id, std::size_t line_number, std::string_view message) {
  return "{\"id\":" + dump(id) + ",\"line\":" + std::to_string(line_number) +
         ",\"error\":" + dump(json(std::string(message))) + "}";
}

std::string oversized_message(std::size_t length) {
  return "article JSON is " + std::to_string(length) + " bytes; the limit is " + std::to_string(kMaxLineBytes);
}

bool blank_line(std::string_view line) { return line.find_first_not_of(" \t\r") == std::string_view::npos; }

Record analyze_line(std::string_view line, std::size_t line_number) {
  Record record;
  if (line.size() > kMaxLineBytes) {
    record.json = error_record(nullptr, line_number, oversized_message(line.size()));
    return record;
  }
  try {
    const Article article = parse_article_line(line);
    const Analysis analysis = analyze(article.document);
    // "{"claims":...}" becomes "{"id":...,"claims":...}" in place: to_json's
    // string has room to spare, so no second copy of the body is made.
    record.json = to_json(article.document, analysis);
    record.json.replace(0, 1, "{\"id\":" + dump(article.id) + ",");
    record.ok = true;
    record.summary = analysis.summary;
  } catch (const Error& error) {
    record.json = error_record(article_id(line), line_number, error.what());
  } catch (const std::bad_alloc&) {
    throw;  // out of memory is no property of the line: the caller must stop
  } catch (const std::exception& error) {
    record.json = error_record(article_id(line), line_number, std::string("internal error: ") + error.what());
  }
  return record;
}

unsigned hardware_jobs() { return std::max(1u, std::thread::hardware_concurrency()); }

void for_each_index(std::size_t count, unsigned jobs, const std::function<void(std::size_t)>& work) {
  jobs = static_cast<unsigned>(std::max<std::size_t>(1, std::min<std::size_t>(jobs, count)));
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::vector<std::exception_ptr> failures(jobs);
  auto run = [&](unsigned slot) {
    try {
      for (std::size_t i; !failed && (i = next.fetch_add(1)) < count;) work(i);
    } catch (...) {
      failures[slot] = std::current_exception();
      failed = true;
    }
  };
  std::vector<std::thread> threads;
  try {
    for (unsigned t = 1; t < jobs; ++t) threads.emplace_back(run, t);
  } catch (const std::system_error&) {
    // No more threads to be had: the ones there are take every index.
  }
  run(0);
  for (std::thread& thread : threads) thread.join();
  for (const std::exception_ptr& failure : failures) {
    if (failure) std::rethrow_exception(failure);
  }
}

std::vector<Record> analyze_lines(const std::vector<std::string>& lines, unsigned jobs, std::size_t first_line) {
  std::vector<std::size_t> kept;  // indices of the non-blank lines
  std::vector<std::string_view> views(lines.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = lines[i];
    if (!line.empty() && line.back() == '\n') line.remove_suffix(1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    views[i] = line;
    if (!blank_line(line)) kept.push_back(i);
  }
  std::vector<Record> records(kept.size());
  for_each_index(kept.size(), jobs, [&](std::size_t k) {
    records[k] = analyze_line(views[kept[k]], first_line + kept[k]);
  });
  return records;
}

}  // namespace whosays::cli
