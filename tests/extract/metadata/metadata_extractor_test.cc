#include "service/extract/metadata/metadata_extractor.h"

#include "absl/strings/match.h"
#include "gtest/gtest.h"
#include "service/extract/text/text_block_builder.h"
#include "tests/support/score_stage.h"

namespace declutter::extract {
namespace {

// As the engine calls it: after the blocks are classified.
Article HtmlMetadata(const std::string& html, absl::string_view url = "",
                     absl::Time fetched_at = absl::InfiniteFuture()) {
  HtmlDocument doc = HtmlBlockBuilder::Build(html);
  ScoreBlocks(&doc.dom, &doc.blocks);
  Article a;
  MetadataExtractor::FromHtml(doc.facts, JsonLd::Parse(doc.facts.json_ld),
                              doc.blocks, url, fetched_at, &a);
  return a;
}

absl::Time Day(int y, int m, int d) {
  return absl::FromCivil(absl::CivilDay(y, m, d), absl::UTCTimeZone());
}

TEST(MetadataExtractorTest, HtmlTitlePrefersAgreeingH1) {
  HtmlDocument doc = HtmlBlockBuilder::Build(
      "<head><title>Big storm hits coast - Example News</title>"
      "<meta property=og:site_name content=\"Example News\">"
      "<meta property=article:published_time "
      "content=\"2023-03-17T11:10:17+08:00\">"
      "<meta name=author content=\"Jane Doe\">"
      "<meta property=og:image content=\"/img/lead.jpg\">"
      "<link rel=canonical href=\"/news/storm\"></head>"
      "<body><h1>Big storm hits coast</h1></body>");
  Article a;
  MetadataExtractor::FromHtml(doc.facts, JsonLd::Parse(doc.facts.json_ld),
                              doc.blocks, "https://example.com/x?y",
                              absl::InfiniteFuture(), &a);
  EXPECT_EQ(a.title, "Big storm hits coast");
  EXPECT_EQ(a.sources.title, "h1");
  EXPECT_EQ(a.sources.site_name, "meta");
  EXPECT_EQ(a.sources.published, "meta");
  EXPECT_EQ(a.sources.authors, "meta");
  EXPECT_EQ(a.sources.image, "meta");
  EXPECT_EQ(a.sources.canonical_url, "link");
  EXPECT_EQ(a.site_name, "Example News");
  EXPECT_EQ(a.published, "2023-03-17T11:10:17+08:00");
  EXPECT_EQ(a.authors, std::vector<std::string>{"Jane Doe"});
  EXPECT_EQ(a.image, "https://example.com/img/lead.jpg");
  EXPECT_EQ(a.canonical_url, "https://example.com/news/storm");
}

TEST(MetadataExtractorTest, HtmlTitleStripsSiteNameWithoutH1) {
  EXPECT_EQ(
      HtmlMetadata("<head><title>南阳召开卫生健康工作会议_映象网</title></head>"
                   "<body></body>")
          .title,
      "南阳召开卫生健康工作会议");
}

TEST(MetadataExtractorTest, HtmlAuthorsFromJsonLdPersonObjects) {
  const Article a = HtmlMetadata(
      "<head><meta name=author content=\"jdoe42\"><script "
      "type=application/ld+json>"
      "{\"@type\": \"NewsArticle\", \"author\": [{\"@type\": \"Person\", "
      "\"name\": "
      "\"Jane Doe\"}, {\"@type\": \"Person\", \"name\": \"John Roe\"}]}"
      "</script></head><body></body>");
  EXPECT_EQ(a.authors, (std::vector<std::string>{"Jane Doe", "John Roe"}));
}

TEST(MetadataExtractorTest, HtmlAuthorsFromAMarkedByline) {
  const Article a = HtmlMetadata(
      "<body><h1>Headline here</h1><div class=post-byline>By <a "
      "href=/a/jane>Jane Doe</a>"
      " and Ann Lee</div><p>Body text.</p><div class=comment-author>Someone "
      "Else</div>"
      "</body>");
  EXPECT_EQ(a.authors, (std::vector<std::string>{"Jane Doe", "Ann Lee"}));
}

TEST(MetadataExtractorTest, HtmlAuthorsFromATextBylineNearTheStart) {
  EXPECT_EQ(
      HtmlMetadata(
          "<body><h1>Headline here</h1><p>Written by</p><p>Edzel Tabing</p>"
          "<p>Body text of the story.</p></body>")
          .authors,
      (std::vector<std::string>{"Edzel Tabing"}));
  EXPECT_EQ(
      HtmlMetadata("<body><h1>Headline here</h1><p>By Jane Doe</p></body>")
          .authors,
      (std::vector<std::string>{"Jane Doe"}));
}

TEST(MetadataExtractorTest, HtmlDateFromATextDatelineNearTheStart) {
  EXPECT_EQ(
      HtmlMetadata(
          "<body><h1>Headline here</h1><p>Last updated: March 17, 2023</p>"
          "<p>Body text of the story.</p></body>")
          .published,
      "2023-03-17");
  // A date deep in a long paragraph is no dateline.
  EXPECT_EQ(
      HtmlMetadata(
          "<body><h1>Headline here</h1><p>The council, which first met on "
          "March 17, 2023, voted again this week after a long debate about the "
          "cost of the program and its reach.</p></body>")
          .published,
      "");
}

TEST(MetadataExtractorTest, HtmlDateFromTimeElementAndMicrodata) {
  EXPECT_EQ(
      HtmlMetadata(
          "<body><h1>Headline</h1><time class=entry-date "
          "datetime=\"2020-06-29T15:00:23-05:00\">June 29, 2020</time></body>")
          .published,
      "2020-06-29T15:00:23-05:00");
  EXPECT_EQ(HtmlMetadata(
                "<body><span itemprop=datePublished content=2019-08-16>Aug 16"
                "</span></body>")
                .published.substr(0, 10),
            "2019-08-16");
}

TEST(MetadataExtractorTest, TextHeaderLines) {
  BlockList blocks = TextBlockBuilder::Build(
      "精品原创 > 正文\n阔步新征程 谱写新篇章\n2023-03-17 11:10:17  "
      "来源:映象网\n"
      "映象网讯(大象新闻记者 张定有 通讯员 王伟)3月16日上午，南阳召开会议。\n"
      "文章关键词:健康,聚焦,卫生 责编:张定有\n");
  ScoreBlocks(nullptr, &blocks);
  Article a;
  MetadataExtractor::FromText(absl::InfiniteFuture(), &blocks, &a);
  EXPECT_EQ(a.title, "阔步新征程 谱写新篇章");
  EXPECT_EQ(a.published, "2023-03-17T11:10:17");
  EXPECT_EQ(a.source, "映象网");
  EXPECT_EQ(a.authors, std::vector<std::string>{"张定有"});
  EXPECT_EQ(a.editor, "张定有");
  EXPECT_EQ(a.keywords, (std::vector<std::string>{"健康", "聚焦", "卫生"}));
  EXPECT_EQ(blocks[2].kind, BlockKind::kMetadata);
  EXPECT_EQ(a.sources.title, "text");
  EXPECT_EQ(a.sources.published, "text");
  EXPECT_EQ(a.sources.source, "text");
  EXPECT_EQ(a.sources.authors, "text");
  EXPECT_EQ(a.sources.editor, "text");
}

TEST(MetadataExtractorTest, TextRelativeDateCountsFromTheFetch) {
  BlockList blocks = TextBlockBuilder::Build(
      "标题在这里\n2小时前 来源:映象网\n正文第一段。\n");
  ScoreBlocks(nullptr, &blocks);
  Article a;
  MetadataExtractor::FromText(Day(2023, 3, 17) + absl::Hours(1), &blocks, &a);
  EXPECT_EQ(a.published, "2023-03-16");
}

TEST(MetadataExtractorTest, HtmlDatesAfterTheFetchAreRejected) {
  const std::string page =
      "<head><meta property=article:published_time "
      "content=\"2031-01-01\"></head>"
      "<body><h1>Storm hits the coast tonight</h1><p>Published 2023-03-17</p>"
      "<p>Body text of the article, long enough to read as prose for the "
      "test.</p></body>";
  // Unknown fetch time: the meta date stands.
  EXPECT_EQ(HtmlMetadata(page).published, "2031-01-01");
  Article a = HtmlMetadata(page, "", Day(2023, 6, 1));
  EXPECT_EQ(a.published, "2023-03-17");
  EXPECT_EQ(a.sources.published, "text");
}

TEST(MetadataExtractorTest, HtmlDateFromTheUrlLast) {
  const std::string page =
      "<body><h1>Storm hits the coast tonight</h1>"
      "<p>Body text of the article, long enough to read as prose for the "
      "test.</p>"
      "<footer><p>\xC2\xA9 2019-01-01 Example News</p></footer></body>";
  Article a =
      HtmlMetadata(page, "https://example.com/2023/03/17/storm?id=20240101");
  EXPECT_EQ(a.published, "2023-03-17");
  EXPECT_EQ(a.sources.published, "url");
  EXPECT_EQ(HtmlMetadata(page, "https://example.com/news/storm").published, "");
}

TEST(MetadataExtractorTest, HtmlJsonLdFillsDescriptionAndImage) {
  Article a = HtmlMetadata(
      "<head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
      "\"headline\":\"Storm\",\"description\":\"A "
      "storm.\",\"image\":\"/lead.jpg\","
      "\"dateModified\":\"2023-03-18\",\"sourceOrganization\":{\"@type\":"
      "\"NewsMediaOrganization\",\"name\":\"Wire Service\"}}</script></head>"
      "<body><p>x</p></body>",
      "https://example.com/a");
  EXPECT_EQ(a.description, "A storm.");
  EXPECT_EQ(a.sources.description, "json-ld");
  EXPECT_EQ(a.image, "https://example.com/lead.jpg");
  EXPECT_EQ(a.sources.image, "json-ld");
  EXPECT_EQ(a.modified, "2023-03-18");
  EXPECT_EQ(a.sources.modified, "json-ld");
  EXPECT_EQ(a.source, "Wire Service");
  EXPECT_EQ(a.sources.source, "json-ld");
  EXPECT_EQ(a.title, "Storm");
  EXPECT_EQ(a.sources.title, "json-ld");
}

TEST(MetadataExtractorTest, HtmlForumPosterIsTheAuthor) {
  Article a = HtmlMetadata(
      "<body><h1>Which tent for winter camping?</h1>"
      "<div class=post><span class=\"username\">trailfox</span>"
      "<p>I need a tent that survives snow and wind on long winter "
      "trips.</p></div>"
      "<div class=post><span "
      "class=\"username\">hiker_jo</span><p>Reply.</p></div></body>");
  EXPECT_EQ(a.authors, std::vector<std::string>{"trailfox"});
  EXPECT_EQ(a.sources.authors, "byline-markup");
}

TEST(MetadataExtractorTest, ReporterWordInProseIsNotAnAuthor) {
  BlockList blocks =
      TextBlockBuilder::Build("记者从会议上获悉，2023年将落实十项工作。\n");
  ScoreBlocks(nullptr, &blocks);
  Article a;
  MetadataExtractor::FromText(absl::InfiniteFuture(), &blocks, &a);
  EXPECT_TRUE(a.authors.empty());
}

TEST(MetadataExtractorTest, HtmlDatelinesInACopyrightBox) {
  // A dateline whose box is classed as the copyright footer, but which
  // states no copyright, dates the page; a copyright line does not.
  EXPECT_EQ(HtmlMetadata("<body><h1>江门七旬阿婆接来电称其涉黑被骗上百万</h1>"
                         "<div class=copyright>2019年09月11日 富达传媒 时政新闻"
                         "</div><p>正文。</p></body>")
                .published,
            "2019-09-11");
  EXPECT_EQ(HtmlMetadata("<body><h1>江门七旬阿婆接来电称其涉黑被骗上百万</h1>"
                         "<div class=copyright>版权所有 2019年09月11日 富达传媒"
                         "</div><p>正文。</p></body>")
                .published,
            "");
}

TEST(MetadataExtractorTest, TextPagesReadTheClosingCreditToo) {
  BlockList blocks = TextBlockBuilder::Build(
      "山西品牌丝路行南美站活动启动\n"
      "山西品牌丝路行主题为走丝绸之路，促合作共赢，推介会吸引了众多客商。\n"
      "南美站活动将先后在巴西、乌拉圭、阿根廷举行。（张巨峰）\n");
  ScoreBlocks(nullptr, &blocks);
  for (Block& b : blocks) b.selected = true;
  Article a;
  MetadataExtractor::FromText(absl::InfiniteFuture(), &blocks, &a);
  EXPECT_EQ(a.authors, std::vector<std::string>{"张巨峰"});
  EXPECT_EQ(a.sources.authors, "text");
}

TEST(MetadataExtractorTest, DocumentFileNameIsTitle) {
  BlockList blocks = TextBlockBuilder::Build(
      "下载\n副市长在全市工作会议上的讲话.docx\n正文。\n");
  ScoreBlocks(nullptr, &blocks);
  Article a;
  MetadataExtractor::FromText(absl::InfiniteFuture(), &blocks, &a);
  EXPECT_EQ(a.title, "副市长在全市工作会议上的讲话");
}

TEST(MetadataExtractorTest, HtmlCreditsThePrintedPersonsNotTheMarkupsOutlet) {
  // The author meta names the outlet; the page prints its reporter and its
  // editors; the outlet becomes the source.
  const Article a = HtmlMetadata(
      "<head><title>外媒眼中的武汉长假_长江网</title>"
      "<meta name=author content=\"新京报\"></head><body>"
      "<h1>外媒眼中的武汉长假</h1><p>2020-10-04 20:30</p>"
      "<p>长江网10月4日讯（记者陈智 整合）国庆中秋长假过半，但外媒关注武汉的"
      "复苏，景区人流量明显回升，消费市场持续回暖。</p>"
      "<p>编辑：倪仕轩 责任编辑：杨格</p></body>");
  EXPECT_EQ(a.authors, std::vector<std::string>{"陈智"});
  EXPECT_EQ(a.sources.authors, "text");
  EXPECT_EQ(a.editor, "杨格");
  EXPECT_EQ(a.source, "新京报");
  // A meta author that is one of the page's editors names no author.
  const Article b = HtmlMetadata(
      "<head><meta name=author content=\"倪仕轩\"></head><body>"
      "<h1>外媒眼中的武汉长假</h1><p>编辑：倪仕轩 责任编辑：杨格</p></body>");
  EXPECT_TRUE(b.authors.empty());
  EXPECT_EQ(b.editor, "杨格");
}

TEST(MetadataExtractorTest, HtmlAuthorFromALabelledTwitterCard) {
  const Article a = HtmlMetadata(
      "<head><meta name=\"twitter:label1\" content=\"Written by\">"
      "<meta name=\"twitter:data1\" content=\"Tyler Brown\">"
      "<meta name=\"twitter:label2\" content=\"Est. reading time\">"
      "<meta name=\"twitter:data2\" content=\"5 minutes\"></head>"
      "<body><h1>Headline here</h1><p>Body text.</p></body>");
  EXPECT_EQ(a.authors, std::vector<std::string>{"Tyler Brown"});
  EXPECT_EQ(a.sources.authors, "meta");
  // A card without the byline label names no author.
  EXPECT_TRUE(HtmlMetadata("<head><meta name=\"twitter:label1\" "
                           "content=\"Price\"><meta name=\"twitter:data1\" "
                           "content=\"Ten Dollars\"></head><body></body>")
                  .authors.empty());
}

TEST(MetadataExtractorTest, HtmlAuthorsFromCitationMetaAsRead) {
  const Article a = HtmlMetadata(
      "<head><meta name=citation_author content=\"Aditya Mahindru\">"
      "<meta name=citation_author content=\"Kaufman, Jeff T.\">"
      "<meta name=citation_author content=\"Aditya Mahindru\"></head>"
      "<body><h1>A study</h1></body>");
  EXPECT_EQ(a.authors,
            (std::vector<std::string>{"Aditya Mahindru", "Jeff T. Kaufman"}));
}

TEST(MetadataExtractorTest, HtmlQuestionAuthorFromItsMicrodataName) {
  // The asker's box prints badges after the name; the comments' authors come
  // later.
  const Article a = HtmlMetadata(
      "<body><h1>How do I list files?</h1><p>I want to list the files of a "
      "folder in order of their size.</p>"
      "<div class=user-details itemprop=author itemscope "
      "itemtype=\"http://schema.org/Person\"><a href=/users/9>Vader</a>"
      "<meta itemprop=name content=\"Vader\"> 6,796 gold badges</div>"
      "<div class=comment-author><a href=/users/2>Leo</a> – Leo</div>"
      "</body>");
  EXPECT_EQ(a.authors, std::vector<std::string>{"Vader"});
}

TEST(MetadataExtractorTest, HtmlAuthorMetaMayBeAUserHandle) {
  const Article a = HtmlMetadata(
      "<head><meta name=author content=\"Need2KnowLion\"></head>"
      "<body><h1>Headline here</h1><p>Body text.</p></body>");
  EXPECT_EQ(a.authors, std::vector<std::string>{"Need2KnowLion"});
}

TEST(MetadataExtractorTest, HtmlAuthorsFromATextBylineAtTheArticlesEnd) {
  std::string body;
  for (int i = 0; i < 40; ++i) {
    body +=
        "<p>Compare the interest rates, the fees and the terms of each loan "
        "before you sign anything, and read the small print twice.</p>";
  }
  HtmlDocument doc = HtmlBlockBuilder::Build(
      "<body><h1>How to compare personal loans</h1>" + body +
      "<h3>Written by Cassidy Horton</h3><p>Cassidy is a finance writer.</p>"
      "</body>");
  ScoreBlocks(&doc.dom, &doc.blocks);
  // The article as the selector leaves it: its paragraphs, so the byline
  // lies past the header, in the article's end.
  for (Block& b : doc.blocks)
    b.selected = absl::StartsWith(b.text, "Compare the interest");
  Article a;
  MetadataExtractor::FromHtml(doc.facts, JsonLd::Parse(doc.facts.json_ld),
                              doc.blocks, "", absl::InfiniteFuture(), &a);
  EXPECT_EQ(a.authors, std::vector<std::string>{"Cassidy Horton"});
  EXPECT_EQ(a.sources.authors, "text");
}

TEST(MetadataExtractorTest, HtmlCitationMetasListEveryAuthorOfAPaper) {
  // The author meta names the first author alone.
  const Article a = HtmlMetadata(
      "<head><meta name=author content=\"Jennifer Huberty\">"
      "<meta name=citation_authors content=\"Jennifer Huberty\">"
      "<meta name=citation_authors content=\"Jeni Green\"></head>"
      "<body><h1>A trial</h1></body>");
  EXPECT_EQ(a.authors,
            (std::vector<std::string>{"Jennifer Huberty", "Jeni Green"}));
}

}  // namespace
}  // namespace declutter::extract
