#include "client/batch_output.h"

#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

#include "absl/strings/str_cat.h"
#include "client/response_printer.h"

namespace declutter::client {

absl::StatusOr<std::unique_ptr<BatchOutput>> BatchOutput::Open(
    const std::string& path, bool resume) {
  auto out = std::unique_ptr<BatchOutput>(new BatchOutput);
  out->path_ = path;
  if (path == "-") {
    if (resume) {
      return absl::InvalidArgumentError(
          "--resume needs an output file: expected --output FILE, not standard "
          "output");
    }
    out->to_stdout_ = true;
    return out;
  }
  std::error_code ec;
  if (resume && std::filesystem::exists(path, ec)) {
    // Read the ids written so far; cut a last line a crash left without its
    // newline.
    std::ifstream in(path, std::ios::binary);
    std::string line;
    uint64_t complete = 0, offset = 0;
    while (std::getline(in, line)) {
      const bool has_newline = !in.eof();
      offset += line.size() + (has_newline ? 1 : 0);
      if (!has_newline) break;
      const nlohmann::json object = nlohmann::json::parse(line, nullptr, false);
      if (object.is_object() && object.contains("id") &&
          object["id"].is_string()) {
        out->done_.insert(object["id"].get<std::string>());
      }
      complete = offset;
    }
    in.close();
    if (std::filesystem::file_size(path, ec) != complete) {
      std::filesystem::resize_file(path, complete, ec);
      if (ec) {
        return absl::UnavailableError(absl::StrCat(
            "cannot cut the partial last line of ", path, ": ", ec.message()));
      }
    }
  }
  absl::MutexLock lock(&out->mu_);
  out->file_.open(
      path, std::ios::binary | (resume ? std::ios::app : std::ios::trunc));
  if (!out->file_) {
    return absl::UnavailableError(
        absl::StrCat("cannot write ", path, ": expected a writable file path"));
  }
  return out;
}

absl::Status BatchOutput::Write(const v1::CleanResponse& response) {
  const std::string json = ResponsePrinter::JsonLine(response) + "\n";
  absl::MutexLock lock(&mu_);
  std::ostream& out = to_stdout_ ? std::cout : file_;
  out << json;
  out.flush();
  if (!out)
    return absl::UnavailableError(absl::StrCat("writing ", path_, " failed"));
  return absl::OkStatus();
}

}  // namespace declutter::client
