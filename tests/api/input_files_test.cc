#include "service/api/input_files.h"

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace declutter::api {
namespace {

namespace fs = std::filesystem;

class InputFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) /
           ("declutter_inputs_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "tree" / "sub");
    std::ofstream(dir_ / "tree" / "a.html") << "a";
    std::ofstream(dir_ / "tree" / "sub" / "b.html") << "b";
  }
  void TearDown() override {
    fs::permissions(dir_ / "tree" / "sub", fs::perms::owner_all,
                    fs::perm_options::add);
    fs::remove_all(dir_);
  }
  fs::path dir_;
};

TEST_F(InputFilesTest, BrokenLinksAreErrorsAndDirectoryLinksSkips) {
  fs::create_symlink(dir_ / "tree" / "gone.html", dir_ / "tree" / "dangling");
  fs::create_symlink(dir_ / "tree" / "loop2", dir_ / "tree" / "loop1");
  fs::create_symlink(dir_ / "tree" / "loop1", dir_ / "tree" / "loop2");
  fs::create_directory_symlink(dir_ / "tree", dir_ / "tree" / "sub" / "up");
  fs::create_symlink(dir_ / "tree" / "a.html", dir_ / "tree" / "link.html");
  ASSERT_EQ(::mkfifo((dir_ / "tree" / "fifo").c_str(), 0600), 0);
  auto files = ListInputFiles({(dir_ / "tree").string()});
  ASSERT_TRUE(files.ok()) << files.status();
  std::vector<std::string> names;
  for (const InputFile& f : *files) {
    const std::string name = f.path.substr((dir_ / "tree").string().size() + 1);
    names.push_back(name);
    if (name == "dangling") {
      EXPECT_EQ(f.error.code(), absl::StatusCode::kNotFound) << f.error;
    } else if (name == "loop1" || name == "loop2") {
      EXPECT_EQ(f.error.code(), absl::StatusCode::kFailedPrecondition)
          << f.error;
    } else if (name == "sub/up") {
      EXPECT_EQ(f.skipped, "symlink-to-directory");
    } else if (name == "fifo") {
      EXPECT_EQ(f.skipped, "not-a-file");
    } else {
      EXPECT_TRUE(f.error.ok() && f.skipped.empty()) << name << f.error;
    }
  }
  EXPECT_EQ(names, (std::vector<std::string>{"a.html", "dangling", "fifo",
                                             "link.html", "loop1", "loop2",
                                             "sub/b.html", "sub/up"}));
  EXPECT_EQ(ListInputFiles({(dir_ / "missing").string()}).status().code(),
            absl::StatusCode::kNotFound);
}

TEST_F(InputFilesTest, AnUnreadableDirectoryIsAnError) {
  if (::geteuid() == 0) GTEST_SKIP() << "root lists unreadable directories";
  fs::permissions(dir_ / "tree" / "sub", fs::perms::none);
  for (const std::string& named :
       {(dir_ / "tree").string(), (dir_ / "tree" / "sub").string()}) {
    auto files = ListInputFiles({named});
    ASSERT_TRUE(files.ok()) << files.status();
    bool reported = false;
    for (const InputFile& f : *files) {
      if (f.path == (dir_ / "tree" / "sub").string()) {
        EXPECT_EQ(f.error.code(), absl::StatusCode::kPermissionDenied)
            << f.error;
        reported = true;
      }
    }
    EXPECT_TRUE(reported) << named;
  }
}

}  // namespace
}  // namespace declutter::api
