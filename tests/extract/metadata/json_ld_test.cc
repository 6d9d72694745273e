#include "service/extract/metadata/json_ld.h"

#include "gtest/gtest.h"

namespace declutter::extract {
namespace {

TEST(JsonLdTest, FlattensGraphsAndArrays) {
  std::vector<JsonLdItem> items = JsonLd::Parse(
      {R"({"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Site"},
          {"@type":["NewsArticle","Article"],"headline":"H","articleBody":"Body."}]})",
       R"([{"@type":"Person","name":"Ann"}])"});
  ASSERT_EQ(items.size(),
            4u);  // the graph holder, its two items, the array's item
  EXPECT_TRUE(items[2].HasTypeContaining("Article"));
  EXPECT_EQ(items[2].Get("headline"), "H");
  EXPECT_EQ(items[3].Get("name"), "Ann");
  EXPECT_EQ(items[3].Get("missing"), "");
}

TEST(JsonLdTest, AuthorNamesFromListsAndGraphReferences) {
  std::vector<JsonLdItem> items = JsonLd::Parse(
      {R"({"@graph":[{"@type":"Article","author":[{"@id":"#p1"},{"@id":"#gone"},
            {"@type":"Person","name":["Ana Ruiz","Bo Li"]},{"@id":"#org"}],
          "publisher":{"@id":"#org"}},
          {"@type":"Person","@id":"#p1","name":"Jane Doe"},
          {"@type":"Organization","@id":"#org","name":"Daily News"}]})"});
  ASSERT_EQ(items.size(), 3u);  // the holder has no type or string of its own
  ASSERT_TRUE(items[0].HasTypeContaining("Article"));
  // The reference nothing names and the organisation credited as author are
  // gone; the organisation stays the publisher.
  EXPECT_EQ(items[0].GetAll("author"),
            (std::vector<std::string>{"Jane Doe", "Ana Ruiz", "Bo Li"}));
  EXPECT_EQ(items[0].Get("publisher"), "Daily News");
}

TEST(JsonLdTest, BrokenAndHostileScriptsAreSkipped) {
  std::string bomb(100000, '[');
  std::vector<JsonLdItem> items =
      JsonLd::Parse({"{\"@type\": \"Article\", \"headline\": ", bomb,
                     R"({"@type":"Product","description":"kept"})"});
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].Get("description"), "kept");
}

TEST(JsonLdTest, CommonBreakagesAreMended) {
  // A raw line break inside a string and trailing commas: refused by strict
  // JSON, shipped by real sites.
  std::vector<JsonLdItem> items = JsonLd::Parse(
      {"{\"@type\": \"NewsArticle\", \"headline\": \"Two\nlines\",\n"
       " \"keywords\": [\"a\", \"b\", ], \"datePublished\": \"2024-05-01\", "
       "}"});
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].Get("headline"), "Two lines");
  EXPECT_EQ(JsonLd::First(items, "datePublished"), "2024-05-01");
  EXPECT_EQ(JsonLd::First(items, "author"), "");
  // JavaScript-style single quotes, with a double quote and an escaped '
  // inside.
  items = JsonLd::Parse(
      {R"({"@type": "Article", "description": 'Say "hi", it\'s fine'})"});
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].Get("description"), "Say \"hi\", it's fine");
}

TEST(JsonLdTest, BodyTextPrefersArticleBodyThenProductDescription) {
  EXPECT_EQ(
      JsonLd::BodyText(JsonLd::Parse(
          {R"({"@type":"Article","description":"short","articleBody":"the body"})"})),
      "the body");
  EXPECT_EQ(
      JsonLd::BodyText(JsonLd::Parse(
          {R"({"@type":"Product","description":"a product description"})"})),
      "a product description");
  // A description of anything else is a summary, not a body.
  EXPECT_EQ(JsonLd::BodyText(
                JsonLd::Parse({R"({"@type":"WebPage","description":"d"})"})),
            "");
}

}  // namespace
}  // namespace declutter::extract
