#include "service/extract/output/word_counter.h"

#include <unicode/brkiter.h>
#include <unicode/unistr.h>

#include <memory>

namespace declutter::extract {

int32_t WordCounter::Count(absl::string_view utf8) {
  thread_local std::unique_ptr<icu::BreakIterator> iter = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(
        icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    return U_SUCCESS(status) ? std::move(it) : nullptr;
  }();
  if (iter == nullptr || utf8.empty()) return 0;
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  iter->setText(text);
  int32_t words = 0;
  for (int32_t end = iter->next(); end != icu::BreakIterator::DONE; end = iter->next()) {
    if (iter->getRuleStatus() != UBRK_WORD_NONE) ++words;
  }
  return words;
}

}  // namespace declutter::extract
