// Runs the real `declutter clean` in-process (no --server) on a page that takes
// the engine a few hundred milliseconds, and checks that --timeout stops it.

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"

namespace declutter {
namespace {

namespace fs = std::filesystem;

TEST(CleanCommandTest, TimeoutStopsAnInProcessPage) {
  const fs::path dir = fs::path(::testing::TempDir()) /
                       ("declutter_clean_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  // 200,000 short paragraphs: about 0.4 s of engine time on the project's
  // machine, several times the timeout.
  std::string page = "<html><body><article>";
  for (int i = 0; i < 200000; ++i) page += "<p>x</p>";
  page += "</article></body></html>";
  std::ofstream(dir / "huge.html") << page;
  const std::string command = absl::StrCat(
      DECLUTTER_CLI_PATH, " clean --format jsonl --timeout 0.05 '",
      (dir / "huge.html").string(), "' > '", (dir / "out.jsonl").string(),
      "' 2> '", (dir / "err").string(), "'");
  const int status = std::system(command.c_str());
  std::ifstream in(dir / "err");
  const std::string err((std::istreambuf_iterator<char>(in)),
                        std::istreambuf_iterator<char>());
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 1) << err;
  EXPECT_NE(err.find("the page's time ran out"), std::string::npos) << err;
  EXPECT_NE(err.find("(--timeout 50ms)"), std::string::npos) << err;
  std::ifstream out(dir / "out.jsonl");
  const std::string line((std::istreambuf_iterator<char>(out)),
                         std::istreambuf_iterator<char>());
  EXPECT_NE(line.find("\"code\":4"), std::string::npos) << line;  // DEADLINE
  fs::remove_all(dir);
}

}  // namespace
}  // namespace declutter
