#include "service/extract/select/page_features.h"

#include <cmath>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "gtest/gtest.h"
#include "service/extract/html/html_block_builder.h"
#include "service/extract/metadata/json_ld.h"
#include "service/extract/result.h"
#include "tests/support/score_stage.h"

namespace declutter::extract {
namespace {

// The page's features by name, computed as Clean() does: blocks built and
// scored, JSON-LD parsed, then PageFeatureValues before selection.
class Features {
 public:
  Features(const std::string& html, const std::string& url) {
    HtmlDocument doc = HtmlBlockBuilder::Build(html);
    ScoreBlocks(&doc.dom, &doc.blocks);
    const std::vector<JsonLdItem> json_ld = JsonLd::Parse(doc.facts.json_ld);
    PageEvidence page;
    page.url = url;
    page.facts = &doc.facts;
    page.json_ld = &json_ld;
    page.dom = &doc.dom;
    page.blocks = &doc.blocks;
    values_ = PageFeatureValues(kScoringParams, page);
  }

  // A text page: no facts, no DOM.
  explicit Features(const std::string& text) {
    BlockList blocks = TextBlockBuilder::Build(text);
    ScoreBlocks(nullptr, &blocks);
    PageEvidence page;
    page.blocks = &blocks;
    values_ = PageFeatureValues(kScoringParams, page);
  }

  double operator[](const std::string& name) const {
    const std::vector<std::string>& names = PageFeatureNames();
    for (size_t i = 0; i < names.size(); ++i) {
      if (names[i] == name) return values_.at(i);
    }
    ADD_FAILURE() << "no feature named " << name;
    return NAN;
  }

  const std::vector<double>& values() const { return values_; }

 private:
  std::vector<double> values_;
};

constexpr char kPara[] =
    "The council voted on Tuesday to expand the program, which serves "
    "thousands of residents, after a long debate about its cost and its "
    "reach.";

std::string ArticlePage() {
  std::string html =
      "<html><head><title>Council votes to expand the housing program after "
      "a long debate</title>"
      "<meta property=\"og:type\" content=\"article\">"
      "<script type=\"application/ld+json\">{\"@context\":\"https://"
      "schema.org\",\"@type\":\"NewsArticle\",\"headline\":\"Council votes\","
      "\"datePublished\":\"2024-05-17\",\"author\":{\"@type\":\"Person\","
      "\"name\":\"Jane Doe\"}}</script></head><body>"
      "<nav><a href=/>Home</a> <a href=/news>News</a></nav><article>"
      "<h1>Council votes to expand the housing program</h1>"
      "<p>May 17, 2024</p><p>By Jane Doe</p>";
  for (int i = 0; i < 6; ++i) html += std::string("<p>") + kPara + "</p>";
  return html + "</article></body></html>";
}

std::string ProductPage() {
  std::string html =
      "<html><head><title>Trail Runner 2 shoe</title>"
      "<meta property=\"og:type\" content=\"product\">"
      "<script type=\"application/ld+json\">{\"@type\":\"Product\",\"name\":"
      "\"Trail Runner 2\",\"offers\":{\"@type\":\"Offer\",\"price\":\"89\"}}"
      "</script></head><body><div itemscope "
      "itemtype=\"https://schema.org/Product\"><h1>Trail Runner 2</h1>"
      "<p class=price>$89.00</p><form><select name=size><option>9</option>"
      "</select><input type=number name=qty><button>Add to cart</button>"
      "</form><p>In stock. Free shipping on orders over $50.</p></div>"
      "</body></html>";
  return html;
}

std::string ListingPage() {
  std::string html =
      "<html><head><title>News</title></head><body><h1>Latest news</h1>"
      "<div class=grid>";
  for (int i = 0; i < 12; ++i) {
    html += "<div class=card><a href=/news/story-" + std::to_string(i) +
            ">A headline about story number " + std::to_string(i) +
            " today</a><p>Mar " + std::to_string(i + 1) +
            ", 2024</p><p>A short teaser.</p></div>";
  }
  return html + "</div><a href=/page/2>Load more</a></body></html>";
}

TEST(PageFeaturesTest, NamesAreUniqueAndEveryPageHasAValueForEach) {
  const std::vector<std::string>& names = PageFeatureNames();
  const absl::flat_hash_set<std::string> unique(names.begin(), names.end());
  EXPECT_EQ(unique.size(), names.size());
  for (const Features& f :
       {Features(ArticlePage(), "https://example.com/a"),
        Features(ProductPage(), ""), Features("Just a line of text.\n")}) {
    ASSERT_EQ(f.values().size(), names.size());
    for (size_t i = 0; i < names.size(); ++i)
      EXPECT_TRUE(std::isfinite(f.values()[i])) << names[i];
  }
}

TEST(PageFeaturesTest, UrlShapeAndGenericWordsButNeverTheSite) {
  const Features f(ArticlePage(),
                   "https://docs.example.com/guide/2024/05/"
                   "how-to-set-up-the-thing.html?page=2#top");
  EXPECT_EQ(f["url_known"], 1);
  EXPECT_EQ(f["url_segments"], 4);
  EXPECT_EQ(f["url_numeric_segments"], 2);
  EXPECT_EQ(f["url_date"], 1);
  EXPECT_EQ(f["url_slug_words"], 6);
  EXPECT_EQ(f["url_long_slug"], 1);
  EXPECT_EQ(f["url_file"], 1);
  EXPECT_EQ(f["url_query"], 1);
  EXPECT_EQ(f["url_host_docs"], 1);      // the "docs." label
  EXPECT_EQ(f["url_words_docs"], 1);     // "guide"
  EXPECT_EQ(f["url_first_docs"], 1);     // the first segment
  EXPECT_EQ(f["url_words_listing"], 1);  // the "page" query key
  // Two labels: the first is the site's name, whatever word it is.
  const Features site(ArticlePage(), "https://forum.com/");
  EXPECT_EQ(site["url_host_forum"], 0);
  EXPECT_EQ(site["url_segments"], 0);
  const Features none(ArticlePage(), "");
  EXPECT_EQ(none["url_known"], 0);
}

TEST(PageFeaturesTest, AnArticleDeclaresItselfAndRunsProse) {
  const Features f(ArticlePage(), "https://example.com/news/council-votes");
  EXPECT_EQ(f["html"], 1);
  EXPECT_EQ(f["schema_article"], 1);
  EXPECT_EQ(f["og_article"], 1);
  EXPECT_EQ(f["declared_date"], 1);
  EXPECT_EQ(f["declared_author"], 1);
  EXPECT_GE(f["title_word_count"], 10);
  EXPECT_GT(f["prose_run_share"], 0.8);
  EXPECT_DOUBLE_EQ(f["log_date_blocks"], std::log1p(1));
  EXPECT_EQ(f["log_price_blocks"], 0);
  EXPECT_EQ(f["schema_product"], 0);
}

TEST(PageFeaturesTest, AProductPageHasPricesControlsAndShopWords) {
  const Features f(ProductPage(), "https://example.com/p/trail-runner-2");
  // JSON-LD's Product (its nested Offer is not an item) and microdata's.
  EXPECT_EQ(f["schema_product"], 2);
  EXPECT_EQ(f["og_product"], 1);
  EXPECT_EQ(f["url_first_product"], 1);
  EXPECT_DOUBLE_EQ(f["log_price_blocks"], std::log1p(2));
  EXPECT_DOUBLE_EQ(f["forms"], std::log1p(1));
  EXPECT_DOUBLE_EQ(f["selects"], std::log1p(1));
  EXPECT_DOUBLE_EQ(f["text_inputs"], std::log1p(1));
  EXPECT_DOUBLE_EQ(f["buttons"], std::log1p(1));
  // "In stock", "Free shipping"; a <button>'s "Add to cart" is no block.
  EXPECT_DOUBLE_EQ(f["phrases_shop"], std::log1p(2));
  EXPECT_EQ(f["prose_run_share"], 0);
}

TEST(PageFeaturesTest, AListingRepeatsCardsWithDates) {
  const Features f(ListingPage(), "https://example.com/news/");
  EXPECT_DOUBLE_EQ(f["log_cards"], std::log1p(12));
  EXPECT_DOUBLE_EQ(f["log_repeated_siblings"], std::log1p(12));
  EXPECT_DOUBLE_EQ(f["log_date_blocks"], std::log1p(12));
  EXPECT_GT(f["headline_link_share"], 0.2);
  EXPECT_GT(f["phrases_browse"], 0);  // "Load more"
  EXPECT_EQ(f["schema_article"], 0);
  EXPECT_EQ(f["title_words_article"], 1);  // "News"
  EXPECT_EQ(f["date_after_h1"], 1);
  EXPECT_EQ(f["byline_after_h1"], 0);
}

TEST(PageFeaturesTest, TextPagesHaveNoDomOrFacts) {
  std::string text;
  for (int i = 0; i < 4; ++i) text += std::string(kPara) + "\n\n";
  const Features f(text);
  EXPECT_EQ(f["html"], 0);
  EXPECT_EQ(f["url_known"], 0);
  EXPECT_EQ(f["log_nodes"], 0);
  EXPECT_GT(f["prose_share"], 0.9);
}

TEST(PageFeaturesTest, AHugePageIsBoundedAndDeterministic) {
  std::string html = "<html><body><ul>";
  // 5,000 items: more would pass the markup budget of a page this size
  // (html/markup_limiter.h), and the rest would be read as one text.
  for (int i = 0; i < 5000; ++i)
    html += "<li><a href=/x>we you my item $" + std::to_string(i) + "</a></li>";
  html += "</ul></body></html>";
  const Features a(html, "https://example.com/" + std::string(5000, 'a'));
  const Features b(html, "https://example.com/" + std::string(5000, 'a'));
  EXPECT_EQ(a.values(), b.values());
  // The phrases are looked for in the first 64 KiB of text only.
  EXPECT_LE(a["we_per_word"], 1.0);
  EXPECT_DOUBLE_EQ(a["log_blocks"], std::log1p(5000));
}

}  // namespace
}  // namespace declutter::extract
