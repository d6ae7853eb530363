// whosays: the native command line. A thin client of the core: it reads
// files, calls parse_* / analyze / to_json, and prints (docs/cli.md).
#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "batch.h"
#include "command.h"
#include "whosays/analyze.h"
#include "whosays/output.h"
#include "whosays/claim.h"
#include "whosays/document.h"

#ifndef WHOSAYS_VERSION
#define WHOSAYS_VERSION "unknown"
#endif

extern char** environ;
#if defined(__GNUC__) && !defined(__clang__)
extern "C" void __gcov_dump() __attribute__((weak));
#endif

namespace {

namespace fs = std::filesystem;
using namespace whosays;
using whosays::cli::Failure;
using whosays::cli::input_error;
using whosays::cli::kExitUsage;
using whosays::cli::option_value;
using whosays::cli::usage_error;

// The largest input file read at all. The core's own limits (kMaxArticleBytes
// of text) are checked after parsing; this one stops a huge file from being
// read into memory first. JSON may carry metadata and escapes beyond its text.
constexpr std::size_t kMaxInputBytes = 4 * kMaxArticleBytes;

constexpr std::string_view kUsageAnalyze =
    "usage: whosays analyze [--format json|text] [--pretty] [--color=auto|always|never] FILE\n";
constexpr std::string_view kUsageEval =
    "       whosays eval --articles DIR --gold DIR [--pred-out DIR] [--scorer PATH] [--json] [-v]\n";
constexpr std::string_view kUsageInfo = "       whosays --help | --version\n";

void write_usage(std::FILE* stream) {
  for (std::string_view part : {kUsageAnalyze, cli::kBatchUsage, kUsageEval, kUsageInfo}) {
    std::fwrite(part.data(), 1, part.size(), stream);
  }
}

constexpr std::string_view kHelp =
    "whosays - who says so? Finds casualty and responsibility claims in a news\n"
    "article and tells, for each, whether it is attributed, vague or unattributed.\n"
    "\n"
    "whosays analyze FILE\n"
    "  FILE is an article JSON (.json, the corpus format), plain text (.txt: blank\n"
    "  lines separate paragraphs, the first is the title) or '-' for standard\n"
    "  input (JSON when it starts with '{', plain text otherwise).\n"
    "  --format json   the claims and summary as JSON (default; docs/output.md)\n"
    "  --format text   a readable report, flags first\n"
    "  --pretty        indent the JSON by two spaces (default: one line)\n"
    "  --color=WHEN    colour the text report: auto (default: when standard\n"
    "                  output is a terminal and NO_COLOR is unset), always, never\n"
    "\n"
    "whosays eval --articles DIR --gold DIR\n"
    "  Analyzes every DIR/*.json article, writes the predictions to a temporary\n"
    "  folder (or --pred-out DIR) and prints the scorer's figures.\n"
    "  --scorer PATH   the scorer (default: ../shared/tools/score.py)\n"
    "  --json          ask the scorer for its totals as JSON\n"
    "  -v, --verbose   list every miss, extra claim and wrong verdict\n"
    "\n";

constexpr std::string_view kHelpStatus =
    "\n"
    "Exit status: 0 on success, 1 on bad input or a failed evaluation, 2 on a\n"
    "usage error.\n";

// ---------------------------------------------------------------------------
// Input
// ---------------------------------------------------------------------------

// Reads at most kMaxInputBytes + 1 bytes of an open file, so an endless
// pipe costs a bounded amount of memory and is then refused. The bytes go
// straight into the string by read(2) (no stdio buffer, no copy through one):
// a regular file's size, when known, sizes it for one read (one byte more, to
// see the end); otherwise it doubles from 64 KiB.
std::string read_bounded(int fd, const std::string& name, std::size_t expected = 0) {
  std::string data;
  std::size_t size = 0;
  std::size_t chunk = expected > 0 ? expected + 1 : std::size_t{1} << 16;
  while (size <= kMaxInputBytes) {
    const std::size_t want = std::min(chunk, kMaxInputBytes + 1 - size);
    data.resize(size + want);
    std::size_t got = 0;
    while (got < want) {
      const ssize_t n = ::read(fd, data.data() + size + got, want - got);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) input_error("cannot read " + name + ": " + std::strerror(errno));
      if (n == 0) break;
      got += static_cast<std::size_t>(n);
    }
    size += got;
    if (got < want) break;
    chunk = size;
  }
  data.resize(size);
  if (data.size() > kMaxInputBytes) {
    input_error(name + " is larger than " + std::to_string(kMaxInputBytes) + " bytes, the input limit");
  }
  return data;
}

// A file by stat(2) and open(2), as std::filesystem and fopen asked before
// (the same messages), without their path objects and FILE.
std::string read_file(const std::string& path) {
  struct stat status;
  if (::stat(path.c_str(), &status) != 0) input_error("cannot open " + path + ": no such file");
  if (S_ISDIR(status.st_mode)) input_error(path + " is a directory, not an article");
  // A regular file's size is known: refuse a big one before reading it.
  std::size_t expected = 0;
  if (S_ISREG(status.st_mode)) {
    const auto size = static_cast<std::uintmax_t>(status.st_size);
    expected = static_cast<std::size_t>(std::min<std::uintmax_t>(size, kMaxInputBytes));
    if (size > kMaxInputBytes) {
      input_error(path + " is " + std::to_string(size) + " bytes; the input limit is " +
                  std::to_string(kMaxInputBytes));
    }
  }
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) input_error("cannot open " + path + ": " + std::strerror(errno));
  try {
    std::string data = read_bounded(fd, path, expected);
    ::close(fd);
    return data;
  } catch (...) {
    ::close(fd);
    throw;
  }
}

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// JSON when the first character after white space (and a byte-order mark) is '{'.
bool looks_like_json(std::string_view data) {
  if (data.substr(0, 3) == "\xEF\xBB\xBF") data.remove_prefix(3);
  const std::size_t first = data.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && data[first] == '{';
}

Document load_document(const std::string& path) {
  const bool from_stdin = path == "-";
  const std::string data = from_stdin ? read_bounded(STDIN_FILENO, "standard input") : read_file(path);
  const std::string name = lower(path);
  bool json = false;
  if (ends_with(name, ".json")) {
    json = true;
  } else if (ends_with(name, ".txt") || ends_with(name, ".text")) {
    json = false;
  } else {
    json = looks_like_json(data);
  }
  try {
    return json ? parse_article_json(data) : parse_plain_text(data);
  } catch (const Error& error) {
    input_error((from_stdin ? std::string("standard input") : path) + ": " + error.what());
  }
}

// ---------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------

void write(std::string_view text) {
  if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size()) {
    input_error(std::string("cannot write the output: ") + std::strerror(errno));
  }
}

struct Colors {
  bool on = false;
  std::string_view paint(std::string_view code) const { return on ? code : std::string_view(); }
  std::string_view bold() const { return paint("\x1b[1m"); }
  std::string_view dim() const { return paint("\x1b[2m"); }
  std::string_view reset() const { return paint("\x1b[0m"); }
  std::string_view status(Status status) const {
    switch (status) {
      case Status::attributed: return paint("\x1b[32m");    // green
      case Status::vague: return paint("\x1b[33m");         // yellow
      case Status::unattributed: return paint("\x1b[31m");  // red
    }
    return {};
  }
};

std::string upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string kinds_of(const Claim& claim) {
  if (claim.casualty && claim.responsibility) return "casualty, responsibility";
  if (claim.casualty) return "casualty";
  if (claim.responsibility) return "responsibility";
  return "-";
}

std::string text_report(const std::string& name, const Document& document, const Analysis& analysis,
                        const Colors& colors) {
  const Summary& summary = analysis.summary;
  std::string out;
  out += colors.bold();
  out += name + ": " + std::to_string(summary.claims) + (summary.claims == 1 ? " claim" : " claims");
  out += colors.reset();
  out += " - " + std::to_string(summary.attributed) + " attributed, " + std::to_string(summary.vague) +
         " vague, " + std::to_string(summary.unattributed) + " unattributed (" +
         std::to_string(summary.vague + summary.unattributed) + " flagged)\n";

  // Flags first: they are what a reader should look at.
  std::vector<const Claim*> order;
  for (const Claim& claim : analysis.claims) order.push_back(&claim);
  std::stable_sort(order.begin(), order.end(), [](const Claim* a, const Claim* b) {
    return (a->status != Status::attributed) > (b->status != Status::attributed);
  });
  for (const Claim* claim : order) {
    out += '\n';
    out += colors.status(claim->status);
    out += colors.bold();
    out += upper(to_string(claim->status));
    out += colors.reset();
    out += "  " + kinds_of(*claim);
    out += colors.dim();
    out += "  (block " + std::to_string(claim->block) + ")";
    out += colors.reset();
    out += '\n';
    std::string text;
    if (claim->block < document.blocks.size()) {
      const std::string& block = document.blocks[claim->block].text;
      if (claim->span.end <= block.size() && claim->span.begin <= claim->span.end) {
        text = block.substr(claim->span.begin, claim->span.size());
      }
    }
    out += "  \"" + text + "\"\n";
    out += "  source: " + (claim->source.empty() ? std::string("-") : claim->source);
    out += "   cue: " + (claim->cue.empty() ? std::string("-") : "\"" + claim->cue + "\"");
    out += "\n";
    if (!claim->explanation.empty()) {
      out += "  ";
      out += colors.dim();
      out += claim->explanation;
      out += colors.reset();
      out += '\n';
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Commands
// ---------------------------------------------------------------------------

[[noreturn]] void finish(int status);

int run_analyze(const std::vector<std::string>& args) {
  std::string format = "json", color = "auto";
  bool pretty = false;
  std::optional<std::string> path;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (auto value = option_value(args, i, "--format")) {
      format = *value;
    } else if (auto value = option_value(args, i, "--color")) {
      color = *value;
    } else if (arg == "--pretty") {
      pretty = true;
    } else if (arg == "-" || arg.empty() || arg[0] != '-') {
      if (path) usage_error("analyze takes one FILE, got '" + *path + "' and '" + arg + "'");
      path = arg;
    } else {
      usage_error("analyze: unknown option '" + arg + "'");
    }
  }
  if (format != "json" && format != "text") usage_error("--format must be json or text, not '" + format + "'");
  if (color != "auto" && color != "always" && color != "never") {
    usage_error("--color must be auto, always or never, not '" + color + "'");
  }
  if (!path) usage_error("analyze needs a FILE (or '-' for standard input)");

  const Document document = load_document(*path);
  const Analysis analysis = analyze(document);
  std::string output;
  if (format == "json") {
    output = to_json(document, analysis, pretty ? 2 : -1);
    output += '\n';
  } else {
    Colors colors;
    const char* no_color = std::getenv("NO_COLOR");
    colors.on = color == "always" ||
                (color == "auto" && isatty(STDOUT_FILENO) && (no_color == nullptr || *no_color == '\0'));
    output = text_report(*path == "-" ? "standard input" : *path, document, analysis, colors);
  }
  write(output);
  // The process ends here: the document, the analysis and the output are
  // left to the exit, not freed string by string (on a 1 MiB article some
  // 12,000 frees, 0.6 % of the process).
  finish(0);
}

// Runs argv and waits; returns its exit status (or 128 + signal).
int run_process(const std::vector<std::string>& argv) {
  std::vector<char*> pointers;
  for (const std::string& arg : argv) pointers.push_back(const_cast<char*>(arg.c_str()));
  pointers.push_back(nullptr);
  std::fflush(stdout);
  pid_t pid = 0;
  const int spawned = posix_spawnp(&pid, pointers[0], nullptr, nullptr, pointers.data(), environ);
  if (spawned != 0) input_error("cannot run " + argv[0] + ": " + std::strerror(spawned));
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) input_error(std::string("waiting for the scorer: ") + std::strerror(errno));
  }
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return 1;
}

// A temporary folder removed when this goes out of scope.
class TemporaryFolder {
 public:
  TemporaryFolder() {
    const char* base = std::getenv("TMPDIR");
    std::string pattern = std::string(base && *base ? base : "/tmp") + "/whosays-eval-XXXXXX";
    std::vector<char> buffer(pattern.begin(), pattern.end());
    buffer.push_back('\0');
    if (!mkdtemp(buffer.data())) input_error(std::string("cannot make a temporary folder: ") + std::strerror(errno));
    path_ = buffer.data();
  }
  ~TemporaryFolder() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  TemporaryFolder(const TemporaryFolder&) = delete;
  TemporaryFolder& operator=(const TemporaryFolder&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

int run_eval(const std::vector<std::string>& args) {
  std::optional<std::string> articles, gold, pred_out;
  std::string scorer = "../shared/tools/score.py";
  bool verbose = false, json = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (auto value = option_value(args, i, "--articles")) {
      articles = *value;
    } else if (auto value = option_value(args, i, "--gold")) {
      gold = *value;
    } else if (auto value = option_value(args, i, "--pred-out")) {
      pred_out = *value;
    } else if (auto value = option_value(args, i, "--scorer")) {
      scorer = *value;
    } else if (arg == "-v" || arg == "--verbose") {
      verbose = true;
    } else if (arg == "--json") {
      json = true;
    } else {
      usage_error("eval: unknown argument '" + arg + "'");
    }
  }
  if (!articles || !gold) usage_error("eval needs --articles DIR and --gold DIR");
  for (const std::string* dir : {&*articles, &*gold}) {
    if (!fs::is_directory(*dir)) input_error(*dir + " is not a folder");
  }
  if (!fs::is_regular_file(scorer)) input_error("no scorer at " + scorer + " (give one with --scorer PATH)");

  std::optional<TemporaryFolder> temporary;
  std::string out_dir;
  if (pred_out) {
    std::error_code error;
    fs::create_directories(*pred_out, error);
    if (error) input_error("cannot make " + *pred_out + ": " + error.message());
    out_dir = *pred_out;
  } else {
    temporary.emplace();
    out_dir = temporary->path();
  }

  std::vector<fs::path> files;
  for (const fs::directory_entry& entry : fs::directory_iterator(*articles)) {
    if (entry.is_regular_file() && entry.path().extension() == ".json") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());

  int failed = 0;
  for (const fs::path& file : files) {
    try {
      const Document document = load_document(file.string());
      const std::string output = to_json(document, analyze(document), 1) + "\n";
      const fs::path target = fs::path(out_dir) / file.filename();
      std::FILE* stream = std::fopen(target.c_str(), "wb");
      if (!stream) input_error("cannot write " + target.string() + ": " + std::strerror(errno));
      const bool written = std::fwrite(output.data(), 1, output.size(), stream) == output.size();
      if (std::fclose(stream) != 0 || !written) input_error("cannot write " + target.string());
    } catch (const Failure& failure) {
      // One bad article is reported and scored as empty; the others still count.
      std::fprintf(stderr, "whosays: %s\n", failure.message.c_str());
      ++failed;
    } catch (const std::exception& error) {
      std::fprintf(stderr, "whosays: %s: internal error: %s\n", file.c_str(), error.what());
      ++failed;
    }
  }
  if (files.empty()) input_error("no *.json articles in " + *articles);

  std::vector<std::string> command = {"python3", scorer, "--articles", *articles, "--gold", *gold, "--pred", out_dir};
  if (verbose) command.push_back("--verbose");
  if (json) command.push_back("--json");
  const int status = run_process(command);
  if (status != 0) input_error("the scorer failed (exit status " + std::to_string(status) + ")");
  if (failed > 0) input_error(std::to_string(failed) + " article(s) could not be analyzed");
  return 0;
}

int run(const std::vector<std::string>& args) {
  if (args.empty()) usage_error("no command given");
  const std::string& command = args[0];
  const std::vector<std::string> rest(args.begin() + 1, args.end());
  if (command == "--help" || command == "-h" || command == "help") {
    write_usage(stdout);
    write("\n");
    write(kHelp);
    write(cli::kBatchHelp);
    write(kHelpStatus);
    return 0;
  }
  if (command == "--version") {
    write("whosays " WHOSAYS_VERSION "\n");
    return 0;
  }
  if (command == "analyze") return run_analyze(rest);
  if (command == "eval") return run_eval(rest);
  if (command == "batch") return cli::run_batch(rest);
  usage_error("unknown command '" + command + "'");
}

// Ends the process without running the static destructors: the word tables
// and the lexicon would be freed piece by piece, which costs a one-article
// process more CPU than writing its output (docs/performance.md). Standard
// output is flushed here, and its failure reported, since _Exit does not.
[[noreturn]] void finish(int status) {
  if (std::fflush(stdout) != 0) {
    std::fprintf(stderr, "whosays: cannot write the output: %s\n", std::strerror(errno));
    if (status == 0) status = cli::kExitBadInput;
  }
  std::fflush(stderr);
#if defined(__GNUC__) && !defined(__clang__)
  // A build that records a profile (-DWHOSAYS_PGO=ON, cmake/pgo.cmake) writes
  // it at exit, which _Exit skips; elsewhere the weak symbol is null. The
  // same code in both builds, so that the profile matches the optimised one.
  if (__gcov_dump) __gcov_dump();
#endif
  std::_Exit(status);
}

}  // namespace

int main(int argc, char** argv) {
  int status = cli::kExitBadInput;
  try {
    status = run(std::vector<std::string>(argv + 1, argv + argc));
  } catch (const Failure& failure) {
    std::fprintf(stderr, "whosays: %s\n", failure.message.c_str());
    if (failure.status == kExitUsage) write_usage(stderr);
    status = failure.status;
  } catch (const std::exception& error) {
    std::fprintf(stderr, "whosays: internal error: %s\n", error.what());
  } catch (...) {
    std::fprintf(stderr, "whosays: internal error\n");
  }
  finish(status);
}
