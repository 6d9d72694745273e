// libFuzzer target: gzip streams as the batch reads them. The input is read
// as a .gz file by ByteStream (whole-file or member-per-record gzip, lines,
// blocks, put-back bytes), and as the gzip body of a WARC response, which
// must stop inflating at the page limit. Aborts when a limit is broken.

#include <cstdio>
#include <cstdlib>
#include <string>

#include "client/warc_reader.h"
#include "service/api/byte_stream.h"
#include "tests/fuzz/fuzz_input_file.h"

namespace {

void Check(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "gzip: %s\n", what);
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  constexpr size_t kLimit = 64 << 10;
  const std::string body(reinterpret_cast<const char*>(data), size);
  declutter::client::WarcPage page;
  declutter::client::WarcReader::ParseHttpResponse(
      "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
      "Content-Encoding: gzip\r\n\r\n" +
          body,
      kLimit, &page);
  Check(page.content.size() <= kLimit, "a body inflated past the limit");

  const std::string path =
      declutter::fuzz::WriteInputFile(data, size, ".jsonl.gz");
  auto stream = declutter::api::ByteStream::Open(path);
  Check(stream.ok(), "an existing file must open");
  std::string line, block;
  // Lines and blocks in turn; each turn consumes a byte or ends. Decompressed
  // data can be far larger than the input, so the turns are capped.
  for (int turn = 0; turn < 100000; ++turn) {
    absl::StatusOr<bool> got = (*stream)->ReadLine(&line, 512);
    if (got.ok() && !*got) break;
    if (!got.ok() &&
        got.status().code() != absl::StatusCode::kResourceExhausted)
      break;  // corrupt gzip ends the stream
    Check(!got.ok() || line.size() <= 512, "a line over its limit");
    if (!(*stream)->ReadUpTo(7, &block).ok()) break;
    Check(block.size() <= 7, "a block over its size");
    if (block.size() > 3) (*stream)->Unread(block.substr(3));
  }
  return 0;
}
