#include "client/page_source.h"

#include <nlohmann/json.hpp>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "client/utf8_repair.h"
#include "service/api/input_reader.h"

namespace declutter::client {
namespace {

// A JSON string member, or "" when absent or not a string.
std::string StringMember(const nlohmann::json& object, const char* key) {
  const auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : "";
}

}  // namespace

v1::CleanRequest RequestOf(SourcePage page) {
  v1::CleanRequest request;
  request.set_id(std::move(page.id));
  request.set_url(std::move(page.url));
  request.set_content_type(std::move(page.content_type));
  request.set_content(std::move(page.content));
  RepairStrings(&request);
  return request;
}

void RepairStrings(v1::CleanRequest* request) {
  // Valid strings (nearly all) are left alone without a copy.
  if (FirstInvalidUtf8(request->url()) < request->url().size()) {
    request->set_url(PercentEncodeInvalidUtf8(request->url()));
  }
  for (std::string* text :
       {request->mutable_id(), request->mutable_content_type()}) {
    if (FirstInvalidUtf8(*text) < text->size()) {
      *text = ReplaceInvalidUtf8(*text);
    }
  }
}

PageSource::Format PageSource::FormatOf(const std::string& path) {
  std::string name = path;
  if (absl::EndsWith(name, ".gz")) name.resize(name.size() - 3);
  if (absl::EndsWith(name, ".warc")) return Format::kWarc;
  if (absl::EndsWith(name, ".jsonl") || absl::EndsWith(name, ".ndjson"))
    return Format::kJsonl;
  return Format::kPage;
}

absl::StatusOr<std::unique_ptr<PageSource>> PageSource::Open(
    const std::vector<std::string>& inputs, size_t max_page_bytes) {
  absl::StatusOr<std::vector<api::InputFile>> files =
      api::ListInputFiles(inputs);
  if (!files.ok()) return files.status();
  auto source = std::unique_ptr<PageSource>(new PageSource);
  source->files_ = *std::move(files);
  source->max_page_bytes_ = max_page_bytes;
  source->known_total_ = 0;
  for (const api::InputFile& f : source->files_) {
    if (!f.skipped.empty()) continue;
    if (f.error.ok() && FormatOf(f.path) != Format::kPage) {
      source->known_total_ = -1;
      break;
    }
    ++source->known_total_;
  }
  return source;
}

void PageSource::CheckUnique(const std::string& own_id, SourcePage* page) {
  if (ids_given_.insert(page->id).second) return;
  page->error = absl::AlreadyExistsError(absl::StrCat(
      own_id, " has the id \"", page->id,
      "\", which an earlier page already had: expected one page per id; this "
      "one is not cleaned"));
  page->id = own_id;
  page->url.clear();
  page->content = std::string();
  page->skipped.clear();
}

void PageSource::ParseJsonlLine(const std::string& line, SourcePage* page) {
  const std::string own_id = absl::StrCat(current_id_, ":", record_);
  page->id = own_id;
  if (const size_t bad = FirstInvalidUtf8(line); bad < line.size()) {
    page->error = absl::InvalidArgumentError(absl::StrFormat(
        "%s line %d is not UTF-8 (byte %d is 0x%02X): expected UTF-8 JSON",
        current_id_, record_, bad, static_cast<unsigned char>(line[bad])));
    return;
  }
  const nlohmann::json object =
      nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (!object.is_object()) {
    page->error = absl::InvalidArgumentError(
        absl::StrCat(current_id_, " line ", record_,
                     " is not a JSON object: expected {\"url\": ..., "
                     "\"content\": ...}"));
    return;
  }
  page->url = StringMember(object, "url");
  page->content_type = StringMember(object, "content_type");
  page->content = StringMember(object, "content");
  if (page->content.empty()) page->content = StringMember(object, "html");
  if (std::string id = StringMember(object, "id"); !id.empty()) {
    page->id = std::move(id);
    CheckUnique(own_id, page);
    if (!page->error.ok()) return;
  }
  if (page->content.empty()) page->skipped = "no-content";
  // The limit holds for the decoded page, as for page files and WARC: JSON
  // escapes make a line up to twice its page.
  if (page->content.size() > max_page_bytes_) {
    page->error = absl::ResourceExhaustedError(absl::StrCat(
        current_id_, " line ", record_, ": the page is ", page->content.size(),
        " bytes, over the limit of ", max_page_bytes_,
        " bytes: expected a page of at most --max-bytes (raise it for "
        "larger pages)"));
    page->content = std::string();
  }
}

bool PageSource::NextJsonl(SourcePage* page) {
  std::string line;
  // A line holds one page of --max-bytes, JSON-escaped (up to 2x), and its
  // other members.
  const size_t max_line = max_page_bytes_ * 2 + 4096;
  while (true) {
    absl::StatusOr<bool> got = jsonl_->ReadLine(&line, max_line);
    ++record_;
    if (!got.ok() &&
        got.status().code() == absl::StatusCode::kResourceExhausted) {
      // The stream dropped the line without holding it; the next is read.
      page->id = absl::StrCat(current_id_, ":", record_);
      page->error = absl::ResourceExhaustedError(absl::StrCat(
          current_id_, " line ", record_, " is longer than ", max_line,
          " bytes (2 x --max-bytes + 4096): expected one page of at most "
          "--max-bytes per line; the line is skipped"));
      return true;
    }
    if (!got.ok()) {
      page->id = absl::StrCat(current_id_, ":", record_);
      page->error = got.status();
      jsonl_.reset();  // corrupt gzip: nothing after it can be read
      return true;
    }
    if (!*got) {
      jsonl_.reset();
      return false;
    }
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    ParseJsonlLine(line, page);
    return true;
  }
}

bool PageSource::NextFromOpenInput(SourcePage* page) {
  if (jsonl_ != nullptr) return NextJsonl(page);
  if (warc_ == nullptr) return false;
  WarcPage record;
  absl::StatusOr<bool> got = warc_->Next(&record);
  ++record_;
  const std::string own_id = absl::StrCat(current_id_, "#", record_);
  if (!got.ok()) {
    // The file cannot be read on (corrupt gzip, not WARC, cut in a header).
    page->id = own_id;
    const absl::Status& s = got.status();
    page->error = absl::StrContains(s.message(), current_)
                      ? s
                      : absl::Status(s.code(), absl::StrCat(current_id_, ": ",
                                                            s.message()));
    warc_.reset();
    return true;
  }
  if (!*got) {
    warc_.reset();
    return false;
  }
  page->id = record.id.empty() ? own_id : PercentEncodeInvalidUtf8(record.id);
  if (!record.error.ok()) {
    // One corrupt record; the reader has moved on to the next.
    page->error =
        absl::Status(record.error.code(),
                     absl::StrCat(current_id_, ": ", record.error.message()));
    return true;
  }
  page->url = std::move(record.url);
  page->content_type = std::move(record.content_type);
  page->content = std::move(record.content);
  page->skipped = std::move(record.skipped);
  if (!record.id.empty()) CheckUnique(own_id, page);
  return true;
}

bool PageSource::Next(SourcePage* page) {
  *page = SourcePage();
  const bool got = NextOfAnyInput(page);
  // Messages name paths as they are; a protobuf string must be UTF-8.
  if (!page->error.ok()) {
    page->error = absl::Status(page->error.code(),
                               ReplaceInvalidUtf8(page->error.message()));
  }
  return got;
}

bool PageSource::NextOfAnyInput(SourcePage* page) {
  while (true) {
    if (NextFromOpenInput(page)) return true;
    if (next_file_ >= files_.size()) return false;
    const api::InputFile& file = files_[next_file_++];
    current_ = file.path;
    current_id_ = IdOfPath(current_);
    record_ = 0;
    if (!file.error.ok() || !file.skipped.empty()) {
      page->id = current_id_;
      page->error = file.error;
      page->skipped = file.skipped;
      return true;
    }
    const Format format = FormatOf(current_);
    if (format == Format::kPage) {
      api::InputReader reader(max_page_bytes_);
      page->id = current_id_;
      absl::StatusOr<std::string> content = reader.Read(current_);
      if (content.ok()) {
        page->content = *std::move(content);
      } else {
        page->error = content.status();
      }
      return true;
    }
    absl::StatusOr<std::unique_ptr<api::ByteStream>> stream =
        api::ByteStream::Open(current_);
    if (!stream.ok()) {
      page->id = current_id_;
      page->error = stream.status();
      return true;
    }
    if (format == Format::kJsonl) {
      jsonl_ = *std::move(stream);
    } else {
      warc_ = std::make_unique<WarcReader>(*std::move(stream), max_page_bytes_);
    }
  }
}

}  // namespace declutter::client
