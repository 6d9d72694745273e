// An argc/argv pair built from strings, for tests of command-line parsing.
// Header-only test support.

#ifndef DECLUTTER_TESTS_SUPPORT_TEST_ARGV_H_
#define DECLUTTER_TESTS_SUPPORT_TEST_ARGV_H_

#include <string>
#include <utility>
#include <vector>

namespace declutter::testing {

class TestArgv {
 public:
  explicit TestArgv(std::vector<std::string> args) : args_(std::move(args)) {
    for (std::string& a : args_) pointers_.push_back(a.data());
    pointers_.push_back(nullptr);
  }
  TestArgv(const TestArgv&) = delete;
  TestArgv& operator=(const TestArgv&) = delete;

  int argc() const { return static_cast<int>(args_.size()); }
  char** argv() { return pointers_.data(); }

 private:
  std::vector<std::string> args_;
  std::vector<char*> pointers_;
};

}  // namespace declutter::testing

#endif  // DECLUTTER_TESTS_SUPPORT_TEST_ARGV_H_
