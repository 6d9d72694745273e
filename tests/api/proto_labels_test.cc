#include "service/api/proto_labels.h"

#include <set>
#include <string>

#include "gtest/gtest.h"

namespace declutter::api {
namespace {

TEST(ProtoLabelsTest, EveryPageTypeHasItsOwnWord) {
  std::set<std::string> words;
  for (int v = v1::PageType_MIN; v <= v1::PageType_MAX; ++v) {
    ASSERT_TRUE(v1::PageType_IsValid(v));
    words.insert(PageTypeLabel(static_cast<v1::PageType>(v)));
  }
  EXPECT_EQ(words.size(), static_cast<size_t>(v1::PageType_MAX + 1));
  EXPECT_STREQ(PageTypeLabel(v1::PAGE_TYPE_UNSPECIFIED), "unknown");
  EXPECT_STREQ(PageTypeLabel(v1::PAGE_TYPE_DOCUMENTATION), "documentation");
  // A value from a newer peer stays inside the closed set.
  EXPECT_STREQ(PageTypeLabel(static_cast<v1::PageType>(99)), "unknown");
}

TEST(ProtoLabelsTest, EveryRemovedKindHasItsOwnWord) {
  std::set<std::string> words;
  for (int v = v1::RemovedKind_MIN; v <= v1::RemovedKind_MAX; ++v) {
    ASSERT_TRUE(v1::RemovedKind_IsValid(v));
    words.insert(RemovedKindLabel(static_cast<v1::RemovedKind>(v)));
  }
  EXPECT_EQ(words.size(), static_cast<size_t>(v1::RemovedKind_MAX + 1));
  EXPECT_STREQ(RemovedKindLabel(v1::REMOVED_KIND_NAVIGATION), "navigation");
  EXPECT_STREQ(RemovedKindLabel(static_cast<v1::RemovedKind>(99)), "other");
}

TEST(ProtoLabelsTest, PeopleTypeTheSameWordsTheOutputPrints) {
  v1::InputKind kind = v1::INPUT_KIND_TEXT;
  for (v1::InputKind k :
       {v1::INPUT_KIND_AUTO, v1::INPUT_KIND_HTML, v1::INPUT_KIND_TEXT}) {
    ASSERT_TRUE(ParseInputKind(InputKindLabel(k), &kind)) << k;
    EXPECT_EQ(kind, k);
  }
  EXPECT_FALSE(ParseInputKind("HTML", &kind));
  EXPECT_FALSE(ParseInputKind("unknown", &kind));
  v1::OutputFormat format = v1::OUTPUT_FORMAT_TEXT;
  ASSERT_TRUE(ParseOutputFormat("markdown", &format));
  EXPECT_EQ(format, v1::OUTPUT_FORMAT_MARKDOWN);
  EXPECT_FALSE(ParseOutputFormat("pdf", &format));
}

}  // namespace
}  // namespace declutter::api
