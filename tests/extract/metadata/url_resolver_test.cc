#include "service/extract/metadata/url_resolver.h"

#include "gtest/gtest.h"

namespace declutter::extract {
namespace {

TEST(UrlResolverTest, Resolves) {
  const char* base = "https://news.example.com/a/b/page.html?x=1";
  EXPECT_EQ(UrlResolver::Resolve(base, "https://cdn.example.com/i.jpg"),
            "https://cdn.example.com/i.jpg");
  EXPECT_EQ(UrlResolver::Resolve(base, "//cdn.example.com/i.jpg"),
            "https://cdn.example.com/i.jpg");
  EXPECT_EQ(UrlResolver::Resolve(base, "/img/i.jpg"),
            "https://news.example.com/img/i.jpg");
  EXPECT_EQ(UrlResolver::Resolve(base, "i.jpg"),
            "https://news.example.com/a/b/i.jpg");
  EXPECT_EQ(UrlResolver::Resolve(base, "../i.jpg"),
            "https://news.example.com/a/i.jpg");
  EXPECT_EQ(UrlResolver::Resolve("https://h.com", "i.jpg"),
            "https://h.com/i.jpg");
}

TEST(UrlResolverTest, RefusesWhatCannotBeAbsolute) {
  EXPECT_EQ(UrlResolver::Resolve("", "/x"), "");
  EXPECT_EQ(UrlResolver::Resolve("https://h.com/", "javascript:void(0)"), "");
  EXPECT_EQ(UrlResolver::Resolve("https://h.com/", ""), "");
}

}  // namespace
}  // namespace declutter::extract
