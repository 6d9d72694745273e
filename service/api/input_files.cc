#include "service/api/input_files.h"

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <system_error>
#include <utility>

#include "absl/strings/str_cat.h"

namespace declutter::api {
namespace fs = std::filesystem;
namespace {

// The status for a path the system refused with `ec`.
absl::Status Refused(const std::string& what, const std::error_code& ec) {
  const std::string message = absl::StrCat(what, ": ", ec.message());
  if (ec == std::errc::permission_denied ||
      ec == std::errc::operation_not_permitted) {
    return absl::PermissionDeniedError(message);
  }
  if (ec == std::errc::too_many_symbolic_link_levels) {
    return absl::FailedPreconditionError(
        absl::StrCat(message, ": expected a link that ends at a file"));
  }
  if (ec == std::errc::no_such_file_or_directory) {
    return absl::NotFoundError(message);
  }
  return absl::UnavailableError(message);
}

// Adds the entry for `path`, found inside a tree (`entry_of_tree`) or named on
// the command line, to `out`; pushes directories to recurse onto `dirs`.
void Classify(const fs::path& path, bool entry_of_tree,
              std::vector<InputFile>* out, std::vector<fs::path>* dirs) {
  std::error_code ec;
  const fs::file_status link = fs::symlink_status(path, ec);
  if (ec) {
    out->push_back({path.string(), Refused(path.string(), ec), ""});
    return;
  }
  const fs::file_status target = fs::status(path, ec);
  if (ec) {
    if (fs::is_symlink(link) && ec == std::errc::no_such_file_or_directory) {
      const fs::path to = fs::read_symlink(path, ec);
      out->push_back({path.string(),
                      absl::NotFoundError(absl::StrCat(
                          path.string(), " is a link to ", to.string(),
                          ", which does not exist: expected a readable file")),
                      ""});
      return;
    }
    out->push_back({path.string(), Refused(path.string(), ec), ""});
    return;
  }
  if (fs::is_directory(target)) {
    if (entry_of_tree && fs::is_symlink(link)) {
      out->push_back({path.string(), absl::OkStatus(), "symlink-to-directory"});
      return;
    }
    dirs->push_back(path);
    return;
  }
  if (entry_of_tree && !fs::is_regular_file(target)) {
    out->push_back({path.string(), absl::OkStatus(), "not-a-file"});
    return;
  }
  out->push_back({path.string(), absl::OkStatus(), ""});
}

// Every entry under `root`, depth first with an explicit stack (no recursion
// to overflow), sorted by path at the end.
std::vector<InputFile> Walk(const fs::path& root) {
  std::vector<InputFile> found;
  std::vector<fs::path> dirs = {root};
  while (!dirs.empty()) {
    const fs::path dir = std::move(dirs.back());
    dirs.pop_back();
    std::error_code ec;
    fs::directory_iterator it(dir, ec);
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
      Classify(it->path(), /*entry_of_tree=*/true, &found, &dirs);
    }
    if (ec) {
      found.push_back({dir.string(),
                       Refused(absl::StrCat("cannot list ", dir.string()), ec),
                       ""});
    }
  }
  std::sort(
      found.begin(), found.end(),
      [](const InputFile& a, const InputFile& b) { return a.path < b.path; });
  return found;
}

}  // namespace

absl::StatusOr<std::vector<InputFile>> ListInputFiles(
    const std::vector<std::string>& paths) {
  std::vector<InputFile> files;
  for (const std::string& path : paths) {
    if (path == "-") {
      files.push_back({path, absl::OkStatus(), ""});
      continue;
    }
    std::error_code ec;
    const fs::file_status link = fs::symlink_status(path, ec);
    if (ec || !fs::exists(link)) {
      return absl::NotFoundError(
          absl::StrCat(path, ": no such file or directory"));
    }
    std::vector<fs::path> dirs;
    Classify(path, /*entry_of_tree=*/false, &files, &dirs);
    for (const fs::path& dir : dirs) {
      std::vector<InputFile> found = Walk(dir);
      files.insert(files.end(), std::make_move_iterator(found.begin()),
                   std::make_move_iterator(found.end()));
    }
  }
  return files;
}

}  // namespace declutter::api
