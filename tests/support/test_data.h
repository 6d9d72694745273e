// Where the tests' data is, and inputs several tests build: a gzip member (as crawlers write each WARC record) and a
// page of many short paragraphs (slow enough for the engine to be caught working).
// Header-only test support.

#ifndef DECLUTTER_TESTS_SUPPORT_TEST_DATA_H_
#define DECLUTTER_TESTS_SUPPORT_TEST_DATA_H_

#include <zlib.h>

#include <cstdlib>
#include <string>

#include "absl/strings/str_cat.h"

namespace declutter::testing {

// `name` inside the tests' data folder: DECLUTTER_TEST_DATA (ctest sets it), or
// tests/data from the source tree.
inline std::string TestDataPath(const std::string& name) {
  const char* env = std::getenv("DECLUTTER_TEST_DATA");
  return absl::StrCat(env != nullptr ? env : "tests/data", "/", name);
}

// `data` as one complete gzip member.
inline std::string GzipMember(const std::string& data) {
  z_stream z{};
  deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&z, data.size()) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

// An HTML article of `paragraphs` short numbered paragraphs.
inline std::string ParagraphPage(int paragraphs) {
  std::string html = "<html><body><article>";
  for (int i = 0; i < paragraphs; ++i) {
    absl::StrAppend(&html, "<p>Paragraph ", i, " says something</p>");
  }
  return html + "</article></body></html>";
}

}  // namespace declutter::testing

#endif  // DECLUTTER_TESTS_SUPPORT_TEST_DATA_H_
