// Reads a subcommand's options: "--name value", "--name=value", bare "--flag"
// switches and positional arguments ("-" is positional: standard input).
//
// Usage: for (CommandLine cl(argc, argv, 2); !cl.done(); cl.Advance()) {
//          std::string v; if (cl.Take("server", &v)) ... else if
//          (cl.Is("--resume")) ...
//        }

#ifndef DECLUTTER_CLIENT_COMMAND_LINE_H_
#define DECLUTTER_CLIENT_COMMAND_LINE_H_

#include <string>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"

namespace declutter::client {

class CommandLine {
 public:
  // Reads argv[first..argc).
  CommandLine(int argc, char** argv, int first)
      : argc_(argc), argv_(argv), i_(first) {}

  bool done() const { return i_ >= argc_; }
  void Advance() { ++i_; }
  const char* arg() const { return argv_[i_]; }

  // True for "FLAG value" (consuming the value) or "FLAG=value", where `flag`
  // is the whole spelling ("--output", "-o"). A FLAG with no value after it is
  // not taken, so the caller reports it as incomplete.
  bool Take(absl::string_view flag, std::string* value) {
    const absl::string_view a = argv_[i_];
    if (a == flag && i_ + 1 < argc_) {
      *value = argv_[++i_];
      return true;
    }
    if (absl::StartsWith(a, flag) && a.size() > flag.size() &&
        a[flag.size()] == '=') {
      *value = std::string(a.substr(flag.size() + 1));
      return true;
    }
    return false;
  }

  // True when the argument is exactly `flag`.
  bool Is(const char* flag) const { return std::string(argv_[i_]) == flag; }

  // True for "-" and anything not starting with '-'.
  bool IsPositional() const { return Is("-") || argv_[i_][0] != '-'; }

 private:
  int argc_;
  char** argv_;
  int i_;
};

// Sets `*out` from `value`, the value of `flag`; INVALID_ARGUMENT saying what
// was `expected` when it is not a whole number of at least `min`.
template <typename T>
absl::Status NumberAtLeast(absl::string_view flag, const std::string& value,
                           T min, absl::string_view expected, T* out) {
  if (absl::SimpleAtoi(value, out) && *out >= min) return absl::OkStatus();
  return absl::InvalidArgumentError(
      absl::StrCat(flag, " is \"", value, "\": expected ", expected));
}

}  // namespace declutter::client

#endif  // DECLUTTER_CLIENT_COMMAND_LINE_H_
