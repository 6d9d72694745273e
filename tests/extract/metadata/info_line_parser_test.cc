#include "service/extract/metadata/info_line_parser.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace declutter::extract {
namespace {

using Names = std::vector<std::string>;

TEST(InfoLineParserTest, ReadsTheLineByTheHeadline) {
  const InfoLine l = InfoLineParser::Parse(
      "2022-02-13 09:57 来源：光明日报 作者：王建宏 张文攀");
  EXPECT_EQ(l.source, "光明日报");
  EXPECT_EQ(l.authors, (Names{"王建宏", "张文攀"}));
  EXPECT_EQ(l.editor, "");
}

TEST(InfoLineParserTest, EditorsLoseBracketsAndStaffCodes) {
  EXPECT_EQ(InfoLineParser::Parse("（责任编辑：魏喆）").editor, "魏喆");
  EXPECT_EQ(
      InfoLineParser::Parse("本文来源：证券市场红周刊 责任编辑：杨倩_NF4425")
          .editor,
      "杨倩");
  EXPECT_EQ(
      InfoLineParser::Parse("本文来源：证券市场红周刊 责任编辑：杨倩_NF4425")
          .source,
      "证券市场红周刊");
  // 责任编辑 wins over 编辑 when both appear.
  EXPECT_EQ(InfoLineParser::Parse("编辑：苏亮 责任编辑：王芳").editor, "王芳");
  EXPECT_EQ(InfoLineParser::Parse("编辑：苏亮").editor, "苏亮");
}

TEST(InfoLineParserTest, NamesSplitAndLoseTheirTitles) {
  EXPECT_EQ(InfoLineParser::Parse("作者：本报记者 李明、通讯员王五").authors,
            (Names{"李明", "王五"}));
  EXPECT_EQ(InfoLineParser::Parse("文/张三").authors, (Names{"张三"}));
  EXPECT_EQ(InfoLineParser::Parse("作者: 李明 发布时间：2024-04-18").authors,
            (Names{"李明"}));
}

TEST(InfoLineParserTest, WordsThatAreNotLabelsStayText) {
  // 编辑部 is the editorial office, not an editor credit; prose and long
  // lines are not info lines.
  EXPECT_TRUE(InfoLineParser::Parse("编辑部地址：北京市").empty());
  EXPECT_TRUE(
      InfoLineParser::Parse("记者从会议上获悉，今年将落实十项工作。").empty());
  EXPECT_TRUE(
      InfoLineParser::Parse(std::string(400, 'x') + " 来源：新华社").empty());
  // "网络" names no outlet.
  EXPECT_EQ(InfoLineParser::Parse("来源：网络").source, "");
}

}  // namespace
}  // namespace declutter::extract
