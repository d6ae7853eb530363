// whosays CLI: how a subcommand reads its options and how it fails. Shared by
// whosays.cpp and batch.cpp; main() turns a Failure into its message and exit
// status.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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

// "--name=value" or "--name value": the value, advancing i past it; nullopt
// when args[i] is another argument. A missing value is a usage error.
inline std::optional<std::string> option_value(const std::vector<std::string>& args, std::size_t& i,
                                               std::string_view name) {
  const std::string& arg = args[i];
  if (arg == name) {
    if (i + 1 >= args.size()) usage_error(std::string(name) + " needs a value");
    return args[++i];
  }
  if (arg.size() > name.size() && arg.compare(0, name.size(), name) == 0 && arg[name.size()] == '=') {
    return arg.substr(name.size() + 1);
  }
  return std::nullopt;
}

}  // namespace whosays::cli
