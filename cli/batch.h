// whosays batch: JSON lines in, JSON lines out, on N threads, in input order,
// in flat memory (docs/batch.md).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace whosays::cli {

// The usage line and the --help section of `whosays batch`.
extern const std::string_view kBatchUsage;
extern const std::string_view kBatchHelp;

// Runs `whosays batch ARGS...` (ARGS without the word "batch"): reads the
// input file (or standard input), writes one record per non-blank line to the
// output, the summary to standard error. Returns the exit status: 0 when
// every line was analysed, 1 when some were answered with error records, 130
// when SIGINT or SIGTERM stopped it (after writing the records of every line
// it had read).
// Throws Failure on a usage error, an unreadable input or an unwritable output
// (after flushing every record written so far).
int run_batch(const std::vector<std::string>& args);

}  // namespace whosays::cli
