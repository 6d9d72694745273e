// Tests of the output stages: article writing and pinyin gloss removal.
#include "gtest/gtest.h"
#include "service/extract/output/article_writer.h"

namespace declutter::extract {
namespace {

BlockList Blocks() {
  BlockList blocks(4);
  blocks[0].text = "Title";
  blocks[0].role = BlockRole::kHeading;
  blocks[0].heading_level = 2;
  blocks[1].text = "a < b";
  blocks[2].text = "one";
  blocks[2].role = BlockRole::kListItem;
  blocks[3].text = "two";
  blocks[3].role = BlockRole::kListItem;
  for (Block& b : blocks) b.selected = true;
  return blocks;
}

TEST(ArticleWriterTest, Formats) {
  EXPECT_EQ(ArticleWriter::Write(Blocks(), OutputFormat::kText), "Title\n\na < b\n\none\ntwo");
  EXPECT_EQ(ArticleWriter::Write(Blocks(), OutputFormat::kMarkdown),
            "## Title\n\na < b\n\n- one\n- two");
  EXPECT_EQ(ArticleWriter::Write(Blocks(), OutputFormat::kHtml),
            "<h2>Title</h2>\n<p>a &lt; b</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n");
}

TEST(ArticleWriterTest, SkipsUnselected) {
  BlockList blocks = Blocks();
  blocks[1].selected = false;
  EXPECT_EQ(ArticleWriter::Write(blocks, OutputFormat::kText), "Title\n\none\ntwo");
}

}  // namespace
}  // namespace declutter::extract

#include "service/extract/text/pinyin_gloss_remover.h"

namespace declutter::extract {
namespace {

TEST(PinyinGlossRemoverTest, RemovesGlossesWhenThePageHasSeveral) {
  std::string t = "鄭州市衛(wèi)生健康委召開工作會,回顧總結(jié)了工作,安排重點(diǎn)工作。";
  EXPECT_EQ(PinyinGlossRemover::Remove(&t), 3);
  EXPECT_EQ(t, "鄭州市衛生健康委召開工作會,回顧總結了工作,安排重點工作。");
}

TEST(PinyinGlossRemoverTest, KeepsALoneDeliberateGloss) {
  std::string t = "这个字(zì)读第四声。";
  EXPECT_EQ(PinyinGlossRemover::Remove(&t), 0);
  EXPECT_EQ(t, "这个字(zì)读第四声。");
}

TEST(PinyinGlossRemoverTest, IgnoresParenthesesThatAreNotPinyin) {
  std::string t = "中国(CN)和美国(us)以及(市)区(abc)和(123)";
  EXPECT_EQ(PinyinGlossRemover::Remove(&t), 0);
}

}  // namespace
}  // namespace declutter::extract
