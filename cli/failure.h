// whosays CLI: how a command fails. Shared by the subcommands (whosays.cpp,
// batch.cpp); main() turns a Failure into its message and exit status.
#pragma once

#include <string>

namespace whosays::cli {

inline constexpr int kExitBadInput = 1;
inline constexpr int kExitUsage = 2;

// An error that ends the program with a message and an exit status.
struct Failure {
  int status;
  std::string message;
};

[[noreturn]] inline void usage_error(const std::string& message) { throw Failure{kExitUsage, message}; }
[[noreturn]] inline void input_error(const std::string& message) { throw Failure{kExitBadInput, message}; }

}  // namespace whosays::cli
