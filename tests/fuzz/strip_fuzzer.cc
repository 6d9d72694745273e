// libFuzzer target: InertContentStripper must leave Gumbo building the same
// tree, minus script, style and comment text, from any input. Aborts on the
// first input where it does not.

#include <cstdio>
#include <cstdlib>
#include <string>

#include "service/extract/html/inert_content_stripper.h"
#include "tests/support/gumbo_tree_signature.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // Gumbo alone slows down with deep nesting (the engine caps it); a few KiB
  // reach every tokenizer state.
  if (size > (1 << 14)) return 0;
  const std::string html(reinterpret_cast<const char*>(data), size);
  std::string stripped;
  const declutter::extract::StripStats stats =
      declutter::extract::InertContentStripper::Strip(html, &stripped);
  if (stats.bytes_removed == 0) return 0;
  if (declutter::testing::GumboTreeSignature(stripped) !=
      declutter::testing::GumboTreeSignature(html)) {
    std::fprintf(stderr,
                 "stripping changed the tree of:\n%s\n--- stripped:\n%s\n",
                 html.c_str(), stripped.c_str());
    std::abort();
  }
  return 0;
}
