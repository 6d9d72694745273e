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

}  // namespace
}  // namespace declutter::api
