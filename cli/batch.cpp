// whosays batch (batch.h). Workers take turns at one reader, analyse a batch
// of lines each with the reader unlocked, and hand their records to an
// in-order writer; at most `window` batches are between reader and writer, so
// memory stays flat whatever the input size.
#include "batch.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <system_error>
#include <thread>
#include <utility>

#include "command.h"
#include "record.h"
#include "whosays/document.h"

namespace whosays::cli {

const std::string_view kBatchUsage = "       whosays batch [-j N] [-o FILE] [--progress=auto|always|never] [FILE]\n";

const std::string_view kBatchHelp =
    "whosays batch [FILE]\n"
    "  Reads JSON lines (one article a line: the corpus format, or {\"id\", \"text\"})\n"
    "  from FILE or standard input ('-') and writes one JSON line per article, in\n"
    "  input order: {\"id\",\"claims\",\"summary\"}, or {\"id\",\"line\",\"error\"} for a\n"
    "  line that cannot be analysed. Blank lines are skipped. A summary goes to\n"
    "  standard error at the end (docs/batch.md).\n"
    "  -j, --jobs N    analyse on N threads (default: one per core)\n"
    "  -o, --output FILE  write the records to FILE instead of standard output\n"
    "  --progress=WHEN show a progress line on standard error: auto (default:\n"
    "                  when it is a terminal), always, never\n"
    "  Exit status 1 when some lines were answered with error records. Ctrl-C\n"
    "  (SIGINT) or SIGTERM stops reading, writes the records of every line read\n"
    "  and says where to resume (status 130); a second one stops at once.\n";

namespace {

namespace chrono = std::chrono;

// A batch is cut after this many lines or bytes: small enough to keep two
// workers evenly loaded, big enough that taking turns costs nothing.
constexpr std::size_t kBatchLines = 32;
constexpr std::size_t kBatchBytes = 256 * 1024;
// The shell's status for a run stopped by SIGINT.
constexpr int kExitInterrupted = 130;

// ---------------------------------------------------------------------------
// Interruption
// ---------------------------------------------------------------------------

// SIGINT or SIGTERM: stop reading, finish and write every batch already read,
// say where to resume. The handler writes a byte to a pipe that the reader
// polls beside its input, so the reader wakes whichever thread the signal hit.
std::atomic<bool> interrupted{false};
int interrupt_pipe[2] = {-1, -1};

extern "C" void on_interrupt(int) {
  interrupted.store(true);
  if (interrupt_pipe[1] >= 0) {
    const char byte = 1;
    [[maybe_unused]] const ssize_t ignored = ::write(interrupt_pipe[1], &byte, 1);
  }
}

// Installs on_interrupt for SIGINT and SIGTERM (a second signal acts as
// usual: SA_RESETHAND) and puts the old handlers back when it goes.
class InterruptGuard {
 public:
  InterruptGuard() {
    interrupted.store(false);
    if (::pipe2(interrupt_pipe, O_CLOEXEC | O_NONBLOCK) != 0) interrupt_pipe[0] = interrupt_pipe[1] = -1;
    struct sigaction action {};
    action.sa_handler = on_interrupt;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESETHAND;
    sigaction(SIGINT, &action, &old_int_);
    sigaction(SIGTERM, &action, &old_term_);
  }
  ~InterruptGuard() {
    sigaction(SIGINT, &old_int_, nullptr);
    sigaction(SIGTERM, &old_term_, nullptr);
    for (int& fd : interrupt_pipe) {
      if (fd >= 0) ::close(fd);
      fd = -1;
    }
  }
  InterruptGuard(const InterruptGuard&) = delete;
  InterruptGuard& operator=(const InterruptGuard&) = delete;

 private:
  struct sigaction old_int_ {};
  struct sigaction old_term_ {};
};

// ---------------------------------------------------------------------------
// Input
// ---------------------------------------------------------------------------

// Splits a file descriptor into lines through a fixed buffer.
class LineReader {
 public:
  explicit LineReader(int fd, std::string name) : fd_(fd), name_(std::move(name)), buffer_(new char[kBufferBytes]) {}

  enum class Kind { line, oversized, end };

  // Replaces `line` by the next line (without "\n" or "\r\n"). A line over
  // kMaxLineBytes is read to its end and dropped: Kind::oversized, its length
  // in `length`. Throws Failure on a read error.
  Kind next(std::string& line, std::size_t& length) {
    line.clear();
    length = 0;
    bool oversized = false;
    for (;;) {
      if (begin_ == end_ && !fill()) {
        if (length == 0 || interrupted.load()) return Kind::end;  // a cut line is no line
        break;  // a last line without "\n"
      }
      const char* start = buffer_.get() + begin_;
      const void* found = std::memchr(start, '\n', end_ - begin_);
      const std::size_t take = found ? static_cast<const char*>(found) - start : end_ - begin_;
      length += take;
      if (!oversized && length > kMaxLineBytes) {
        oversized = true;
        line.clear();
        line.shrink_to_fit();
      }
      if (!oversized) line.append(start, take);
      begin_ += take;
      if (found) {
        ++begin_;
        ++bytes_;  // the newline
        break;
      }
    }
    bytes_ += length;
    if (oversized) return Kind::oversized;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return Kind::line;
  }

  std::uint64_t bytes() const { return bytes_; }

 private:
  // Reads more input; false at its end or on an interruption.
  bool fill() {
    for (;;) {
      if (interrupted.load()) return false;
      if (interrupt_pipe[0] >= 0) {
        pollfd fds[2] = {{fd_, POLLIN, 0}, {interrupt_pipe[0], POLLIN, 0}};
        if (::poll(fds, 2, -1) < 0) {
          if (errno == EINTR) continue;
          input_error("cannot read " + name_ + ": " + std::strerror(errno));
        }
        if (fds[1].revents != 0) return false;
      }
      const ssize_t got = ::read(fd_, buffer_.get(), kBufferBytes);
      if (got > 0) {
        begin_ = 0;
        end_ = static_cast<std::size_t>(got);
        return true;
      }
      if (got == 0) return false;
      if (errno != EINTR) input_error("cannot read " + name_ + ": " + std::strerror(errno));
    }
  }

  int fd_;
  std::string name_;
  // Not value-initialised: read() fills it (zeroing 1 MiB was the batch's
  // largest memset).
  static constexpr std::size_t kBufferBytes = 1 << 20;
  std::unique_ptr<char[]> buffer_;
  std::size_t begin_ = 0, end_ = 0;
  std::uint64_t bytes_ = 0;
};

// Lines of the input, cut into batches, with their line numbers.
struct Batch {
  std::uint64_t sequence = 0;
  std::vector<std::string> lines;
  std::vector<std::size_t> numbers;
  std::vector<std::size_t> oversized;  // length of a refused line, 0 for a line to analyse
  std::uint64_t bytes = 0;             // input bytes this batch covers, blank lines included
};

// ---------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------

struct Totals {
  std::uint64_t articles = 0, errors = 0, claims = 0, attributed = 0, vague = 0, unattributed = 0;
  std::uint64_t bytes = 0;
};

struct Output {
  std::string text;  // the records, one a line
  Totals totals;
};

std::string thousands(std::uint64_t n) {
  std::string digits = std::to_string(n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string fixed(double value, int decimals) {
  char text[64];
  std::snprintf(text, sizeof text, "%.*f", decimals, value);
  return text;
}

// Articles per second: whole above 10, one decimal below (big articles are slow).
std::string rate(std::uint64_t articles, double seconds) {
  const double per_second = static_cast<double>(articles) / std::max(seconds, 1e-6);
  return per_second >= 10 ? thousands(static_cast<std::uint64_t>(per_second)) : fixed(per_second, 1);
}

std::string duration(double seconds) {
  const auto total = static_cast<std::uint64_t>(seconds + 0.5);
  char text[64];
  if (total >= 3600) {
    std::snprintf(text, sizeof text, "%llu:%02llu:%02llu", static_cast<unsigned long long>(total / 3600),
                  static_cast<unsigned long long>(total / 60 % 60), static_cast<unsigned long long>(total % 60));
  } else {
    std::snprintf(text, sizeof text, "%llu:%02llu", static_cast<unsigned long long>(total / 60),
                  static_cast<unsigned long long>(total % 60));
  }
  return text;
}

// ---------------------------------------------------------------------------
// The pipeline
// ---------------------------------------------------------------------------

class Pipeline {
 public:
  Pipeline(LineReader& reader, std::FILE* out, unsigned jobs, bool progress, std::uint64_t input_size)
      : reader_(reader), out_(out), jobs_(jobs), window_(2 * jobs), progress_(progress),
        input_size_(input_size), start_(chrono::steady_clock::now()),
        last_progress_(start_ - chrono::seconds(1)) {}

  // Runs the workers (this thread is one of them) and returns the totals.
  // Rethrows the first fatal error after every worker has stopped.
  Totals run() {
    std::vector<std::thread> threads;
    try {
      for (unsigned t = 1; t < jobs_; ++t) threads.emplace_back([this] { guarded_work(); });
    } catch (const std::system_error&) {
      // No more threads to be had: go on with those there are.
    }
    guarded_work();
    for (std::thread& thread : threads) thread.join();
    if (progress_) {
      show_progress(true);  // the final count, shown however short the run
      std::fputs("\r\x1b[K", stderr);
    }
    if (failure_) std::rethrow_exception(failure_);
    return totals_;
  }

  // The number of the last input line read whole (so analysed and written
  // once run() has returned).
  std::size_t lines_read() const { return line_number_; }

  double seconds() const { return chrono::duration<double>(chrono::steady_clock::now() - start_).count(); }

 private:
  void guarded_work() {
    try {
      work();
    } catch (...) {
      std::lock_guard<std::mutex> lock(out_mutex_);
      if (!failure_) failure_ = std::current_exception();
      stop_ = true;
      turn_.notify_all();
    }
  }

  void work() {
    Batch batch;
    for (;;) {
      {
        // A slot in the window first, so a slow batch at the head cannot let
        // the others run ahead without bound.
        std::unique_lock<std::mutex> lock(out_mutex_);
        turn_.wait(lock, [this] { return stop_ || in_flight_ < window_; });
        if (stop_) return;
        ++in_flight_;
      }
      if (!read_batch(batch)) {
        std::lock_guard<std::mutex> lock(out_mutex_);
        --in_flight_;
        turn_.notify_all();
        return;
      }
      Output output = analyze_batch(batch);
      deliver(batch.sequence, std::move(output));
    }
  }

  // Fills `batch` with the next lines; false at the end of the input.
  bool read_batch(Batch& batch) {
    batch.lines.clear();
    batch.numbers.clear();
    batch.oversized.clear();
    batch.bytes = 0;
    std::lock_guard<std::mutex> lock(read_mutex_);
    if (end_of_input_) return false;
    std::size_t text_bytes = 0;
    std::string line;
    while (batch.lines.size() < kBatchLines && text_bytes < kBatchBytes) {
      if (interrupted.load()) {
        end_of_input_ = true;
        break;
      }
      std::size_t length = 0;
      const std::uint64_t before = reader_.bytes();
      const LineReader::Kind kind = reader_.next(line, length);
      if (kind == LineReader::Kind::end) {
        end_of_input_ = true;
        break;
      }
      ++line_number_;
      batch.bytes += reader_.bytes() - before;
      if (kind == LineReader::Kind::line && blank_line(line)) continue;
      text_bytes += line.size();
      batch.numbers.push_back(line_number_);
      batch.oversized.push_back(kind == LineReader::Kind::oversized ? length : 0);
      batch.lines.push_back(std::move(line));
      line = std::string();
    }
    if (batch.lines.empty() && batch.bytes == 0) return false;
    batch.sequence = next_sequence_++;
    return true;
  }

  static Output analyze_batch(const Batch& batch) {
    Output output;
    output.totals.bytes = batch.bytes;
    for (std::size_t i = 0; i < batch.lines.size(); ++i) {
      ++output.totals.articles;
      if (batch.oversized[i] > 0) {
        ++output.totals.errors;
        // Refused unread (past kMaxLineBytes), as `whosays analyze` refuses such a file.
        output.text += error_record(nullptr, batch.numbers[i], oversized_message(batch.oversized[i]));
      } else {
        const Record record = analyze_line(batch.lines[i], batch.numbers[i]);
        output.text += record.json;
        if (!record.ok) {
          ++output.totals.errors;
        } else {
          output.totals.claims += record.summary.claims;
          output.totals.attributed += record.summary.attributed;
          output.totals.vague += record.summary.vague;
          output.totals.unattributed += record.summary.unattributed;
        }
      }
      output.text += '\n';
    }
    return output;
  }

  // Queues a batch's records and writes every batch whose turn has come.
  void deliver(std::uint64_t sequence, Output output) {
    std::lock_guard<std::mutex> lock(out_mutex_);
    if (stop_) return;
    pending_.emplace(sequence, std::move(output));
    bool wrote = false;
    for (auto head = pending_.begin(); head != pending_.end() && head->first == next_write_;
         head = pending_.begin()) {
      const std::string& text = head->second.text;
      if (std::fwrite(text.data(), 1, text.size(), out_) != text.size()) {
        input_error(std::string("cannot write the output: ") + std::strerror(errno));
      }
      add(head->second.totals);
      pending_.erase(head);
      ++next_write_;
      --in_flight_;
      wrote = true;
    }
    if (wrote) {
      turn_.notify_all();
      if (progress_) show_progress(false);
    }
  }

  void add(const Totals& t) {
    totals_.articles += t.articles;
    totals_.errors += t.errors;
    totals_.claims += t.claims;
    totals_.attributed += t.attributed;
    totals_.vague += t.vague;
    totals_.unattributed += t.unattributed;
    totals_.bytes += t.bytes;
  }

  // "12,345 articles  61.2 MB  236 articles/s  ETA 0:42", at most 4 times a second.
  void show_progress(bool force) {
    const auto now = chrono::steady_clock::now();
    if (!force && now - last_progress_ < chrono::milliseconds(250)) return;
    last_progress_ = now;
    const double elapsed = std::max(1e-6, chrono::duration<double>(now - start_).count());
    std::string line = "\r\x1b[K" + thousands(totals_.articles) + " articles  " +
                       fixed(static_cast<double>(totals_.bytes) / 1e6, 1) + " MB  " +
                       rate(totals_.articles, elapsed) + " articles/s";
    if (input_size_ > 0 && totals_.bytes > 0 && totals_.bytes <= input_size_) {
      const double bytes_per_second = static_cast<double>(totals_.bytes) / elapsed;
      line += "  ETA " + duration(static_cast<double>(input_size_ - totals_.bytes) / bytes_per_second);
    }
    std::fputs(line.c_str(), stderr);
    std::fflush(stderr);
  }

  LineReader& reader_;
  std::FILE* out_;
  const unsigned jobs_;
  const std::size_t window_;
  const bool progress_;
  const std::uint64_t input_size_;
  const chrono::steady_clock::time_point start_;

  std::mutex read_mutex_;  // guards the reader and what follows
  bool end_of_input_ = false;
  std::size_t line_number_ = 0;
  std::uint64_t next_sequence_ = 0;

  std::mutex out_mutex_;  // guards the output and what follows
  std::condition_variable turn_;
  std::map<std::uint64_t, Output> pending_;
  std::uint64_t next_write_ = 0;
  std::size_t in_flight_ = 0;
  bool stop_ = false;
  std::exception_ptr failure_;
  Totals totals_;
  chrono::steady_clock::time_point last_progress_;
};

unsigned parse_jobs(const std::string& text) {
  std::size_t used = 0;
  unsigned long value = 0;
  try {
    value = std::stoul(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used != text.size() || text.empty() || text[0] == '-' || value < 1 || value > 256) {
    usage_error("--jobs must be a whole number from 1 to 256, not '" + text + "'");
  }
  return static_cast<unsigned>(value);
}

// Closes a descriptor or FILE we opened, on every way out.
struct Closer {
  int fd = -1;
  std::FILE* file = nullptr;
  ~Closer() {
    if (fd >= 0) ::close(fd);
    if (file) std::fclose(file);
  }
};

}  // namespace

int run_batch(const std::vector<std::string>& args) {
  unsigned jobs = hardware_jobs();
  std::string progress = "auto";
  std::optional<std::string> input, output;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (auto value = option_value(args, i, "--jobs")) {
      jobs = parse_jobs(*value);
    } else if (auto value = option_value(args, i, "-j")) {
      jobs = parse_jobs(*value);
    } else if (arg.size() > 2 && arg.compare(0, 2, "-j") == 0) {
      jobs = parse_jobs(arg.substr(2));
    } else if (auto value = option_value(args, i, "--output")) {
      output = *value;
    } else if (auto value = option_value(args, i, "-o")) {
      output = *value;
    } else if (auto value = option_value(args, i, "--progress")) {
      progress = *value;
    } else if (arg == "-" || arg.empty() || arg[0] != '-') {
      if (input) usage_error("batch takes one FILE, got '" + *input + "' and '" + arg + "'");
      input = arg;
    } else {
      usage_error("batch: unknown option '" + arg + "'");
    }
  }
  if (progress != "auto" && progress != "always" && progress != "never") {
    usage_error("--progress must be auto, always or never, not '" + progress + "'");
  }

  Closer closer;
  int fd = STDIN_FILENO;
  std::string name = "standard input";
  std::uint64_t input_size = 0;
  if (input && *input != "-") {
    name = *input;
    fd = ::open(input->c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) input_error("cannot open " + name + ": " + std::strerror(errno));
    closer.fd = fd;
  } else if (isatty(STDIN_FILENO)) {
    usage_error("batch reads JSON lines from FILE or from standard input, which is a terminal");
  }
  struct stat status {};
  if (fstat(fd, &status) == 0) {
    if (S_ISDIR(status.st_mode)) input_error(name + " is a directory, not a JSON-lines file");
    if (S_ISREG(status.st_mode)) input_size = static_cast<std::uint64_t>(status.st_size);
  }

  std::FILE* out = stdout;
  if (output && *output != "-") {
    out = std::fopen(output->c_str(), "wb");
    if (!out) input_error("cannot write " + *output + ": " + std::strerror(errno));
    closer.file = out;
  }
  static char out_buffer[1 << 20];
  std::setvbuf(out, out_buffer, _IOFBF, sizeof out_buffer);

  const bool show = progress == "always" || (progress == "auto" && isatty(STDERR_FILENO));
  InterruptGuard interrupt_guard;
  LineReader reader(fd, name);
  Pipeline pipeline(reader, out, jobs, show, input_size);
  Totals totals;
  try {
    totals = pipeline.run();
  } catch (...) {
    std::fflush(out);  // every record written so far reaches the output
    throw;
  }
  if (std::fflush(out) != 0 || std::ferror(out)) {
    input_error(std::string("cannot write the output: ") + std::strerror(errno));
  }
  if (closer.file) {
    closer.file = nullptr;
    if (std::fclose(out) != 0) input_error("cannot write " + *output + ": " + std::strerror(errno));
  }

  const double seconds = pipeline.seconds();
  const std::uint64_t flagged = totals.vague + totals.unattributed;
  std::fprintf(stderr,
               "whosays batch: %s articles (%s analysed, %s errors); %s claims: %s attributed, %s vague, "
               "%s unattributed (%s flagged); %s MB in %s s, %s articles/s, %u jobs\n",
               thousands(totals.articles).c_str(), thousands(totals.articles - totals.errors).c_str(),
               thousands(totals.errors).c_str(), thousands(totals.claims).c_str(),
               thousands(totals.attributed).c_str(), thousands(totals.vague).c_str(),
               thousands(totals.unattributed).c_str(), thousands(flagged).c_str(),
               fixed(static_cast<double>(totals.bytes) / 1e6, 1).c_str(), fixed(seconds, 2).c_str(),
               rate(totals.articles, seconds).c_str(), jobs);
  if (interrupted.load()) {
    const std::size_t last = pipeline.lines_read();
    const std::string resume = "tail -n +" + std::to_string(last + 1) + " " + (name == "standard input" ? "FILE" : name);
    std::fprintf(stderr,
                 "whosays batch: interrupted; the records cover input lines 1 to %zu, each complete "
                 "(resume with: %s | whosays batch -)\n",
                 last, resume.c_str());
    return kExitInterrupted;
  }
  return totals.errors > 0 ? kExitBadInput : 0;
}

}  // namespace whosays::cli
