#include "client/batch_output.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <system_error>

#include "absl/strings/str_cat.h"
#include "client/response_printer.h"

namespace declutter::client {

namespace {

// True for an output line whose page failed with an error worth another try.
bool RetryableErrorLine(const nlohmann::json& object) {
  const auto error = object.find("error");
  if (error == object.end() || !error->is_object()) return false;
  const auto code = error->find("code");
  return code != error->end() && code->is_number_integer() &&
         (code->get<int>() ==
              static_cast<int>(absl::StatusCode::kUnavailable) ||
          code->get<int>() ==
              static_cast<int>(absl::StatusCode::kResourceExhausted) ||
          code->get<int>() ==
              static_cast<int>(absl::StatusCode::kDeadlineExceeded));
}

// Rewrites `path` keeping its first `complete` bytes of lines except those of
// `dropped` line numbers (0-based), through `path`.resume and a rename.
absl::Status DropLines(const std::string& path, uint64_t complete,
                       const absl::flat_hash_set<uint64_t>& dropped) {
  const std::string temporary = path + ".resume";
  {
    std::ifstream in(path, std::ios::binary);
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    std::string line;
    uint64_t offset = 0;
    for (uint64_t number = 0; offset < complete && std::getline(in, line);
         ++number) {
      offset += line.size() + 1;
      if (!dropped.contains(number)) out << line << '\n';
    }
    out.flush();
    if (!in.good() && !in.eof()) {
      return absl::UnavailableError(absl::StrCat("cannot read ", path));
    }
    if (!out) {
      return absl::UnavailableError(absl::StrCat(
          "cannot write ", temporary,
          " to remove retryable error lines: expected a writable directory "
          "(or pass --keep-errors)"));
    }
  }
  std::error_code ec;
  std::filesystem::rename(temporary, path, ec);
  if (ec) {
    return absl::UnavailableError(absl::StrCat(
        "cannot replace ", path, " with ", temporary, ": ", ec.message()));
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::unique_ptr<BatchOutput>> BatchOutput::Open(
    const std::string& path, bool resume, bool keep_errors) {
  auto out = std::unique_ptr<BatchOutput>(new BatchOutput);
  out->path_ = path;
  if (path == "-") {
    if (resume) {
      return absl::InvalidArgumentError(
          "--resume needs an output file: expected --output FILE, not standard "
          "output");
    }
    out->fd_ = STDOUT_FILENO;
    return out;
  }
  std::error_code ec;
  if (resume && std::filesystem::exists(path, ec)) {
    // Read the ids written so far; cut a last line a crash left without its
    // newline.
    std::ifstream in(path, std::ios::binary);
    std::string line;
    uint64_t complete = 0, offset = 0, number = 0;
    absl::flat_hash_set<uint64_t> retry;  // line numbers to clean again
    for (; std::getline(in, line); ++number) {
      const bool has_newline = !in.eof();
      offset += line.size() + (has_newline ? 1 : 0);
      if (!has_newline) break;
      const nlohmann::json object = nlohmann::json::parse(line, nullptr, false);
      if (object.is_object() && object.contains("id") &&
          object["id"].is_string()) {
        if (!keep_errors && RetryableErrorLine(object)) {
          retry.insert(number);
        } else {
          out->done_.insert(object["id"].get<std::string>());
        }
      }
      complete = offset;
    }
    in.close();
    if (!retry.empty()) {
      if (absl::Status s = DropLines(path, complete, retry); !s.ok()) return s;
    } else if (std::filesystem::file_size(path, ec) != complete) {
      std::filesystem::resize_file(path, complete, ec);
      if (ec) {
        return absl::UnavailableError(absl::StrCat(
            "cannot cut the partial last line of ", path, ": ", ec.message()));
      }
    }
  }
  out->fd_ = ::open(
      path.c_str(),
      O_WRONLY | O_CREAT | O_CLOEXEC | (resume ? O_APPEND : O_TRUNC), 0644);
  if (out->fd_ < 0) {
    return absl::UnavailableError(
        absl::StrCat("cannot write ", path, ": expected a writable file path"));
  }
  out->owns_fd_ = true;
  return out;
}

BatchOutput::~BatchOutput() {
  if (owns_fd_) ::close(fd_);
}

absl::Status BatchOutput::Write(const v1::CleanResponse& response) {
  const std::string line = ResponsePrinter::JsonLine(response) + "\n";
  absl::MutexLock lock(&mu_);
  if (!failure_.ok()) return failure_;
  size_t written = 0;
  while (written < line.size()) {
    const ssize_t n =
        ::write(fd_, line.data() + written, line.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const std::string why =
          n < 0 ? std::generic_category().message(errno) : "nothing written";
      failure_ = absl::UnavailableError(absl::StrCat(
          "cannot write to ", path_ == "-" ? "standard output" : path_,
          " (the batch's --output): ", why));
      return failure_;
    }
    written += static_cast<size_t>(n);
  }
  return absl::OkStatus();
}

absl::Status BatchOutput::failure() const {
  absl::MutexLock lock(&mu_);
  return failure_;
}

}  // namespace declutter::client
