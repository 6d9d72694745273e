#include "client/command_line.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace declutter::client {
namespace {

TEST(CommandLineTest, TakesSpacedAndEqualsValuesAndPositionals) {
  std::vector<std::string> args = {"declutter", "batch",      "--output",
                                   "a.jsonl",   "-o=b.jsonl", "--resume",
                                   "dir",       "-"};
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  std::vector<std::string> values, positionals;
  bool resume = false;
  for (CommandLine cl(static_cast<int>(argv.size()), argv.data(), 2);
       !cl.done(); cl.Advance()) {
    std::string v;
    if (cl.Take("--output", &v) || cl.Take("-o", &v)) {
      values.push_back(v);
    } else if (cl.Is("--resume")) {
      resume = true;
    } else if (cl.IsPositional()) {
      positionals.push_back(cl.arg());
    }
  }
  EXPECT_EQ(values, (std::vector<std::string>{"a.jsonl", "b.jsonl"}));
  EXPECT_TRUE(resume);
  EXPECT_EQ(positionals, (std::vector<std::string>{"dir", "-"}));
}

TEST(CommandLineTest, AFlagWithoutItsValueIsNotTaken) {
  std::vector<std::string> args = {"declutter", "batch", "-o"};
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  CommandLine cl(static_cast<int>(argv.size()), argv.data(), 2);
  std::string v;
  EXPECT_FALSE(cl.Take("-o", &v));
  EXPECT_FALSE(
      cl.Take("-out", &v));  // a prefix of the argument is not the flag
  EXPECT_FALSE(cl.done());   // still on "-o", for the caller to report
  EXPECT_STREQ(cl.arg(), "-o");
}

}  // namespace
}  // namespace declutter::client
