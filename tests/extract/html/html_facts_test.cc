#include "service/extract/html/html_facts.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "service/extract/html/html_parser.h"

namespace declutter::extract {
namespace {

// The facts of every element of `html`.
HtmlFacts FactsOf(const std::string& html) {
  const ParsedHtml parsed = ParsedHtml::Parse(html);
  HtmlFacts facts;
  CollectSubtreeFacts(parsed.root(), &facts);
  return facts;
}

TEST(HtmlFactsTest, LongTitlesAreCutOnACharacterBoundary) {
  // 3,000 three-byte characters: the 2,048-byte cap falls inside one (found by
  // the charset fuzzer, which checks every output is valid UTF-8).
  std::string chars;
  for (int i = 0; i < 3000; ++i) chars += "\xE4\xB8\xAD";
  const HtmlFacts facts =
      FactsOf("<html><head><title>" + chars + "</title></head><body><h1>" +
              chars + "</h1></body></html>");
  for (const std::string& text : {facts.title, facts.h1.at(0)}) {
    EXPECT_LE(text.size(), 2048u);
    EXPECT_GE(text.size(), 2040u);
    EXPECT_EQ(text.size() % 3, 0u) << text.size();
  }
}

TEST(HtmlFactsTest, HeadFactsAreCollected) {
  const HtmlFacts facts = FactsOf(
      "<html lang=zh-CN><head><title> A title </title>"
      "<meta property=\"og:title\" content=\"OG\"><meta name=Keywords "
      "content=\"a,b\">"
      "<link rel=canonical href=\"/c\">"
      "<script "
      "type=\"application/ld+json\">{\"headline\":\"H\"}</script></head>"
      "<body><h1>Head <i>line</i></h1></body></html>");
  EXPECT_EQ(facts.title, "A title");
  EXPECT_EQ(facts.lang, "zh-CN");
  EXPECT_EQ(facts.Meta("og:title"), "OG");
  EXPECT_EQ(facts.Meta("keywords"), "a,b");
  EXPECT_EQ(facts.canonical, "/c");
  ASSERT_EQ(facts.json_ld.size(), 1u);
  ASSERT_EQ(facts.h1.size(), 1u);
  EXPECT_EQ(facts.h1[0], "Head line");
}

TEST(HtmlFactsTest, VisibleTextOfFactsIsBoundedAfterCollapsingSpaces) {
  // The byline's indentation alone is longer than a byline may be: the bound
  // applies to what a reader sees, so the name survives whole.
  const std::string indent(200, ' ');
  const HtmlFacts facts = FactsOf(
      "<html><body><h1>Cosmetic Packaging<br>Design<style>.x{}</style></h1>"
      "<div class=\"post_author\">\r\n" +
      indent + "<img alt=x>" + indent +
      "<a rel=author href=\"/authors/o\">Oleg Parashchak</a>" + indent +
      "</div>"
      "<p>Body text.</p></body></html>");
  ASSERT_EQ(facts.h1.size(), 1u);
  EXPECT_EQ(facts.h1[0], "Cosmetic Packaging Design");
  ASSERT_EQ(facts.bylines.size(), 2u);
  EXPECT_EQ(facts.bylines[0].text, "Oleg Parashchak");  // the class-marked div
  EXPECT_FALSE(facts.bylines[0].strong);
  EXPECT_EQ(facts.bylines[1].text, "Oleg Parashchak");  // the rel=author link
  EXPECT_TRUE(facts.bylines[1].strong);
}

TEST(HtmlFactsTest, MetaKeysAreLowerCasedAndTheFirstNonEmptyContentWins) {
  const HtmlFacts facts = FactsOf(
      "<head><meta name=Author content=\"\"><meta name=AUTHOR content=\" Jane  "
      "Doe \">"
      "<meta name=author content=\"John Roe\"><meta "
      "http-equiv=Content-Language "
      "content=de></head>");
  EXPECT_EQ(facts.Meta("author"), "Jane Doe");
  EXPECT_EQ(facts.Meta("content-language"), "de");
  EXPECT_EQ(facts.Meta("missing"), "");
}

TEST(HtmlFactsTest, DatesFromTimeElementsAndMicrodata) {
  const HtmlFacts facts = FactsOf(
      "<body><time datetime=\"2024-03-17T10:00\">Sunday</time>"
      "<span itemprop=datePublished content=\"2024-03-16\">Saturday</span>"
      "<time>no attribute</time></body>");
  EXPECT_EQ(facts.dates,
            (std::vector<std::string>{"2024-03-17T10:00", "2024-03-16"}));
}

TEST(HtmlFactsTest, ListsAreBoundedWhateverThePageHolds) {
  std::string html = "<head>";
  for (int i = 0; i < 300; ++i) html += "<meta name=k content=v>";
  html += "</head><body>";
  for (int i = 0; i < 20; ++i)
    html += "<h1>h</h1><time datetime=2024-01-01></time>";
  for (int i = 0; i < 20; ++i) html += "<p class=byline>By Jane Doe</p>";
  const HtmlFacts facts = FactsOf(html + "</body>");
  EXPECT_EQ(facts.meta.size(), 256u);
  EXPECT_EQ(facts.h1.size(), 4u);
  EXPECT_EQ(facts.dates.size(), 16u);
  EXPECT_EQ(facts.bylines.size(), 16u);
}

TEST(HtmlFactsTest, FormControlsDocMarksAndMicrodataTypesAreCounted) {
  const HtmlFacts facts = FactsOf(
      "<html><body><div itemscope itemtype=\"https://schema.org/Product/\">"
      "<form><input name=q><input type=search><input type=password>"
      "<input type=hidden><input type=submit><select></select><textarea>"
      "</textarea><button>Go</button></form></div>"
      "<h2 id=intro>Intro</h2><h3>No id</h3><a href=\"#intro\">Intro</a>"
      "<a href=\"#\">top</a><span itemtype=\"http://schema.org/Offer "
      "http://schema.org/Thing\"></span></body></html>");
  const HtmlFacts::ElementCounts& c = facts.counts;
  EXPECT_EQ(c.forms, 1);
  EXPECT_EQ(c.text_inputs, 1);  // type=hidden is not typed in
  EXPECT_EQ(c.search_inputs, 1);
  EXPECT_EQ(c.passwords, 1);
  EXPECT_EQ(c.buttons, 2);
  EXPECT_EQ(c.selects, 1);
  EXPECT_EQ(c.textareas, 1);
  EXPECT_EQ(c.heading_ids, 1);
  EXPECT_EQ(c.anchor_links, 1);  // a bare "#" names no anchor
  EXPECT_EQ(facts.item_types, (std::vector<std::string>{"Product", "Offer"}));
}

TEST(HtmlFactsTest, LogInLinksAreNoByline) {
  // "authorize" holds "author", but names a log-in link, not a byline.
  const HtmlFacts facts = FactsOf(
      "<html><body><a class=\"authorize__link\" href=/login>Sign In</a>"
      "<span class=\"post-author\">Jane Doe</span></body></html>");
  ASSERT_EQ(facts.bylines.size(), 1u);
  EXPECT_EQ(facts.bylines[0].text, "Jane Doe");
}

TEST(HtmlFactsTest, MicrodataAuthorBoxGivesItsName) {
  // The box shows the poster's badges with the name; itemprop=name states
  // the name alone.
  const HtmlFacts facts = FactsOf(
      "<html><body><div itemprop=author itemscope "
      "itemtype=\"http://schema.org/Person\">"
      "<meta itemprop=name content=\"user447274\">"
      "<a href=/users/447274>user447274</a> 55 silver badges</div>"
      "</body></html>");
  ASSERT_FALSE(facts.bylines.empty());
  EXPECT_EQ(facts.bylines[0].text, "user447274");
  EXPECT_TRUE(facts.bylines[0].strong);
}

TEST(HtmlFactsTest, MicrodataAuthorBoxAfterAThreadHeaderIsWeak) {
  // A thread's later page: the header names the starter, the first post's
  // box a replier.
  const HtmlFacts facts = FactsOf(
      "<html><body><div class=p-description>Thread starter "
      "<a class=username href=/members/7>Perseus Legend</a></div>"
      "<section itemprop=author itemscope "
      "itemtype=\"https://schema.org/Person\"><h4><a class=username "
      "href=/members/1><span itemprop=name>B. Diddy</span></a></h4>"
      "Moderator Mar 9, 2012 169,586</section></body></html>");
  ASSERT_GE(facts.bylines.size(), 2u);
  EXPECT_EQ(facts.bylines[0].text, "Perseus Legend");
  EXPECT_EQ(facts.bylines[1].text, "B. Diddy");
  EXPECT_FALSE(facts.bylines[1].strong);
}

}  // namespace
}  // namespace declutter::extract
