#include "service/extract/work_budget.h"

#include <atomic>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "gtest/gtest.h"
#include "service/extract/clean.h"

namespace declutter::extract {
namespace {

TEST(WorkBudgetTest, UnlimitedNeverExpires) {
  WorkBudget budget;
  for (uint32_t i = 0; i < 3 * WorkBudget::kStride; ++i)
    ASSERT_FALSE(budget.Expired());
  EXPECT_TRUE(budget.Check("parsing").ok());
}

TEST(WorkBudgetTest, PastDeadlineNamesTheStage) {
  WorkBudget budget(absl::Now() - absl::Seconds(1), nullptr);
  const absl::Status s = budget.Check("content selection");
  EXPECT_EQ(s.code(), absl::StatusCode::kDeadlineExceeded);
  EXPECT_NE(s.message().find("content selection"), absl::string_view::npos)
      << s;
}

TEST(WorkBudgetTest, CancellationIsSeenByLoopsWithinOneStride) {
  std::atomic<bool> cancelled{false};
  WorkBudget budget(absl::InfiniteFuture(), [&] { return cancelled.load(); });
  EXPECT_FALSE(budget.Expired());
  cancelled = true;
  bool seen = false;
  for (uint32_t i = 0; i < WorkBudget::kStride && !seen; ++i)
    seen = budget.Expired();
  EXPECT_TRUE(seen);
  EXPECT_EQ(budget.Check("metadata").code(), absl::StatusCode::kCancelled);
}

TEST(WorkBudgetTest, CleanStopsAnExpiredPageWithDeadlineExceeded) {
  std::string html = "<html><body>";
  for (int i = 0; i < 2000; ++i)
    absl::StrAppend(&html, "<p>This is paragraph ", i,
                    " of the story, and it says what a reader of the article "
                    "would want to read, in whole sentences.</p>");
  html += "</body></html>";
  Page page;
  page.content = html;
  page.kind = InputKind::kHtml;
  WorkBudget budget(absl::Now() - absl::Milliseconds(1), nullptr);
  Options options;
  options.budget = &budget;
  absl::StatusOr<Result> result = Clean(page, options);
  EXPECT_EQ(result.status().code(), absl::StatusCode::kDeadlineExceeded);
  // The same page with time left is cleaned.
  WorkBudget ample(absl::Now() + absl::Minutes(5), nullptr);
  options.budget = &ample;
  result = Clean(page, options);
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_NE(result->article.text.find("paragraph 1999 of the story"),
            std::string::npos);
}

TEST(WorkBudgetTest, CleanStopsACancelledTextPage) {
  Page page;
  page.content = "A title\n\nSome text of a page that was scraped as text.\n";
  page.kind = InputKind::kText;
  WorkBudget budget(absl::InfiniteFuture(), [] { return true; });
  Options options;
  options.budget = &budget;
  EXPECT_EQ(Clean(page, options).status().code(), absl::StatusCode::kCancelled);
}

TEST(WorkBudgetTest, TheErrorNamesTheLimit) {
  WorkBudget budget(absl::InfinitePast(), nullptr, "--timeout 2s");
  const absl::Status s = budget.Check("output");
  EXPECT_EQ(s.code(), absl::StatusCode::kDeadlineExceeded);
  EXPECT_NE(s.message().find("(--timeout 2s)"), absl::string_view::npos)
      << s.message();
  EXPECT_NE(s.message().find("before output"), absl::string_view::npos)
      << s.message();
}

}  // namespace
}  // namespace declutter::extract
