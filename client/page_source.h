// Turns a batch's inputs into a sequence of pages: directories (recursed,
// sorted), single page files (.gz read transparently), JSONL files (one page
// per line: `url`, `content` or `html`, optional `content_type` and `id`;
// .jsonl.gz too) and WARC files
// (.warc, .warc.gz; see WarcReader). Inputs are read one at a time and pages
// one at a time, so memory is one page whatever the crawl's size.
//
// A record that is not a page (a WARC request, a 404, an image, a link to a
// directory) comes back with `skipped` set; an input, directory, link or line
// that cannot be read comes back with `error` set and the source goes on with
// the next one, so nothing is dropped silently (see service/api/input_files.h).
//
// Ids: a page file's path; a JSONL line's `id`, else "<path>:<line>"; a WARC
// record's WARC-Record-ID, else "<path>#<record>". A path in an id is
// percent-encoded where it is not UTF-8 (and its '%'), so the id is valid
// UTF-8, the same every run (for --resume) and gives the path back. An id that
// an earlier JSONL line or WARC record already had is an ALREADY_EXISTS error
// under "<path>:<line>" or "<path>#<record>": one output line per id. Ids are
// remembered for the whole run (memory grows with the number of ids). Not
// thread-safe.

#ifndef DECLUTTER_CLIENT_PAGE_SOURCE_H_
#define DECLUTTER_CLIENT_PAGE_SOURCE_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "client/warc_reader.h"
#include "proto/declutter/v1/declutter.pb.h"
#include "service/api/byte_stream.h"
#include "service/api/input_files.h"

namespace declutter::client {

struct SourcePage {
  std::string id;
  std::string url;
  std::string content_type;
  std::string content;
  std::string skipped;  // non-empty: not a page, and why ("not-html",
                        // "status-404", ...)
  absl::Status error;   // not OK: this input or line could not be read
};

// The request that asks for `page` to be cleaned (its id, URL, content type
// and content). Pass std::move(page) when the page is not needed after: the
// content moves instead of being copied.
// Its URL is percent-encoded where it is not UTF-8 and its other strings get
// U+FFFD for bytes that are not (RepairStrings).
v1::CleanRequest RequestOf(SourcePage page);

// Makes every string field of `request` well-formed UTF-8, as protobuf needs to
// serialize it (a WARC-Target-URI with a raw Latin-1 byte is common): the URL
// percent-encoded where it is not UTF-8, the id and content type with U+FFFD.
void RepairStrings(v1::CleanRequest* request);

class PageSource {
 public:
  // NOT_FOUND when an input path does not exist.
  static absl::StatusOr<std::unique_ptr<PageSource>> Open(
      const std::vector<std::string>& inputs, size_t max_page_bytes);

  // The next page, skip or error; false when every input is done.
  bool Next(SourcePage* page);

  // How many pages there will be, when every input is a single page file; -1
  // when JSONL or WARC inputs make it unknown until read.
  int64_t known_total() const { return known_total_; }

 private:
  enum class Format { kPage, kJsonl, kWarc };
  static Format FormatOf(const std::string& path);
  bool NextOfAnyInput(SourcePage* page);
  bool NextFromOpenInput(SourcePage* page);
  bool NextJsonl(SourcePage* page);

  // Sets the fields of a page whose JSONL `line` was read.
  void ParseJsonlLine(const std::string& line, SourcePage* page);
  // Makes `page` an ALREADY_EXISTS error when its id was given before.
  void CheckUnique(const std::string& own_id, SourcePage* page);

  std::vector<api::InputFile> files_;
  size_t next_file_ = 0;
  size_t max_page_bytes_ = 0;
  int64_t known_total_ = -1;
  // The input being read, for JSONL and WARC.
  std::string current_;
  std::string current_id_;  // `current_` as it is written in ids and messages
  absl::flat_hash_set<std::string> ids_given_;  // JSONL ids and WARC record ids
  std::unique_ptr<api::ByteStream> jsonl_;
  std::unique_ptr<WarcReader> warc_;
  int64_t record_ = 0;  // line or record number in `current_`
};

}  // namespace declutter::client

#endif  // DECLUTTER_CLIENT_PAGE_SOURCE_H_
