#include "service/extract/strings/phrase_matcher.h"

#include <cstdio>
#include <cstdlib>
#include <limits>

namespace declutter::extract {

PhraseMatcher::PhraseMatcher(absl::Span<const absl::string_view> phrases,
                             Case match_case)
    : ignore_case_(match_case == Case::kIgnoreAscii) {
  if (phrases.size() > std::numeric_limits<uint16_t>::max()) {
    std::fprintf(stderr,
                 "PhraseMatcher: %zu phrases given, at most 65535 expected\n",
                 phrases.size());
    std::abort();
  }
  phrases_.reserve(phrases.size());
  for (absl::string_view phrase : phrases) {
    if (phrase.size() < 2) {
      std::fprintf(stderr,
                   "PhraseMatcher: phrase \"%.*s\" is shorter than 2 bytes\n",
                   static_cast<int>(phrase.size()), phrase.data());
      std::abort();
    }
    std::string folded(phrase);
    if (ignore_case_) absl::AsciiStrToLower(&folded);
    const auto* p = reinterpret_cast<const unsigned char*>(folded.data());
    const uint16_t key = Key(p[0], p[1]);
    starts_.set(key);
    groups_[key].push_back(static_cast<uint16_t>(phrases_.size()));
    phrases_.push_back(std::move(folded));
  }
}

}  // namespace declutter::extract
