#include "bench/quality/feature_dump.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "bench/quality/shingle_metric.h"

namespace declutter::bench {
namespace {

// Tabs and line breaks would break the row: folded to spaces.
std::string OneCell(absl::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return out;
}

absl::Status WriteError(const std::string& path) {
  return absl::DataLossError(absl::StrCat("writing ", path,
                                          " failed: ", std::strerror(errno),
                                          "; expected a writable file"));
}

}  // namespace

TokenCounts CountTokens(absl::string_view text) {
  TokenCounts counts;
  for (std::string& token : Tokenize(text)) ++counts[std::move(token)];
  return counts;
}

double TokenShareInTruth(const TokenCounts& truth,
                         absl::string_view block_text) {
  const TokenCounts block = CountTokens(block_text);
  int64_t total = 0, found = 0;
  for (const auto& [token, n] : block) {
    total += n;
    if (auto it = truth.find(token); it != truth.end())
      found += std::min(n, it->second);
  }
  return total == 0 ? 0.0 : static_cast<double>(found) / total;
}

absl::StatusOr<FeatureDump> FeatureDump::Open(const std::string& path) {
  std::FILE* file = std::fopen(path.c_str(), "w");
  if (file == nullptr) {
    return absl::InvalidArgumentError(
        absl::StrCat("cannot create ", path, ": ", std::strerror(errno),
                     "; expected a writable path"));
  }
  FeatureDump dump(path, file);
  std::string header = "set\tpage\tpage_type\tblock";
  for (const std::string& name : extract::BlockFeatureNames())
    absl::StrAppend(&header, "\t", name);
  absl::StrAppend(&header, "\tscore\tselected\tkind\tlabel\ttext\n");
  if (std::fputs(header.c_str(), file) == EOF) return WriteError(path);
  return dump;
}

FeatureDump::FeatureDump(FeatureDump&& other) noexcept
    : path_(std::move(other.path_)),
      file_(std::exchange(other.file_, nullptr)) {}

FeatureDump::~FeatureDump() {
  if (file_ != nullptr) std::fclose(file_);
}

absl::Status FeatureDump::Write(absl::string_view set, absl::string_view page,
                                absl::string_view page_type,
                                absl::string_view truth,
                                const extract::Result& result) {
  const TokenCounts truth_tokens = CountTokens(truth);
  std::string rows;
  for (size_t i = 0; i < result.block_rows.size(); ++i) {
    const extract::BlockFeatureRow& row = result.block_rows[i];
    absl::StrAppend(&rows, OneCell(set), "\t", OneCell(page), "\t",
                    OneCell(page_type), "\t", i);
    for (double v : row.values)
      absl::StrAppend(&rows, "\t", absl::StrFormat("%.6g", v));
    absl::StrAppend(
        &rows, "\t", absl::StrFormat("%.6g", row.score), "\t",
        row.selected ? 1 : 0, "\t", extract::BlockKindName(row.kind), "\t",
        absl::StrFormat("%.4f", TokenShareInTruth(truth_tokens, row.text)),
        "\t", OneCell(row.text), "\n");
  }
  if (std::fwrite(rows.data(), 1, rows.size(), file_) != rows.size())
    return WriteError(path_);
  return absl::OkStatus();
}

absl::Status FeatureDump::Close() {
  std::FILE* file = std::exchange(file_, nullptr);
  if (file == nullptr) return absl::OkStatus();
  const bool flushed = std::fflush(file) == 0;
  const bool closed = std::fclose(file) == 0;
  return flushed && closed ? absl::OkStatus() : WriteError(path_);
}

absl::StatusOr<PageFeatureDump> PageFeatureDump::Open(const std::string& path) {
  std::FILE* file = std::fopen(path.c_str(), "w");
  if (file == nullptr) {
    return absl::InvalidArgumentError(
        absl::StrCat("cannot create ", path, ": ", std::strerror(errno),
                     "; expected a writable path"));
  }
  PageFeatureDump dump(path, file);
  std::string header = "set\tpage\tpage_type\turl\tword_f1";
  for (const std::string& name : extract::PageFeatureNames())
    absl::StrAppend(&header, "\t", name);
  absl::StrAppend(&header, "\n");
  if (std::fputs(header.c_str(), file) == EOF) return WriteError(path);
  return dump;
}

PageFeatureDump::PageFeatureDump(PageFeatureDump&& other) noexcept
    : path_(std::move(other.path_)),
      file_(std::exchange(other.file_, nullptr)) {}

PageFeatureDump::~PageFeatureDump() {
  if (file_ != nullptr) std::fclose(file_);
}

absl::Status PageFeatureDump::Write(absl::string_view set,
                                    absl::string_view page,
                                    absl::string_view page_type,
                                    absl::string_view url,
                                    absl::string_view truth,
                                    const extract::Result& result) {
  std::string row = absl::StrCat(
      OneCell(set), "\t", OneCell(page), "\t", OneCell(page_type), "\t",
      OneCell(url), "\t",
      absl::StrFormat("%.4f", ScoreWords(truth, result.article.text).f1));
  for (double v : result.page_features)
    absl::StrAppend(&row, "\t", absl::StrFormat("%.6g", v));
  absl::StrAppend(&row, "\n");
  if (std::fwrite(row.data(), 1, row.size(), file_) != row.size())
    return WriteError(path_);
  return absl::OkStatus();
}

absl::Status PageFeatureDump::Close() {
  std::FILE* file = std::exchange(file_, nullptr);
  if (file == nullptr) return absl::OkStatus();
  const bool flushed = std::fflush(file) == 0;
  const bool closed = std::fclose(file) == 0;
  return flushed && closed ? absl::OkStatus() : WriteError(path_);
}

}  // namespace declutter::bench
