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
  // A correspondent is an author only when nobody else is credited.
  const InfoLine both =
      InfoLineParser::Parse("作者：本报记者 李明、通讯员王五");
  EXPECT_EQ(both.authors, (Names{"李明"}));
  EXPECT_EQ(both.contributors, (Names{"王五"}));
  EXPECT_EQ(both.Persons(), (Names{"李明"}));
  EXPECT_EQ(InfoLineParser::Parse("（职工通讯员 李琴雯 刘会）").Persons(),
            (Names{"李琴雯", "刘会"}));
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

TEST(InfoLineParserTest, StaffTitlesCreditTheNamesAfterThem) {
  // A title may follow the outlet and precede the names, with or without a
  // space; the outlet is never an author.
  EXPECT_EQ(InfoLineParser::Parse("新京报记者 陆一夫").authors,
            (Names{"陆一夫"}));
  EXPECT_EQ(InfoLineParser::Parse("新华社记者邹多为、唐诗凝、丁乐").authors,
            (Names{"邹多为", "唐诗凝", "丁乐"}));
  EXPECT_EQ(InfoLineParser::Parse("采写：南都见习记者 林子沛").authors,
            (Names{"林子沛"}));
  EXPECT_EQ(InfoLineParser::Parse("本报记者 王乐文 方 敏").authors,
            (Names{"王乐文", "方敏"}));
  // Prose after a title credits nobody.
  EXPECT_TRUE(
      InfoLineParser::Parse("新京报记者登录拼多多全球购页面发现，亚马逊海外购")
          .authors.empty());
  // Notes and photo credits are no names.
  EXPECT_EQ(InfoLineParser::Parse("记者陈智 整合").authors, (Names{"陈智"}));
  EXPECT_EQ(InfoLineParser::Parse("作者：未知 责任编辑：棒棒不是糖").authors,
            Names{});
}

TEST(InfoLineParserTest, BareLabelsOpenAFieldAndTakeOneValue) {
  const InfoLine l = InfoLineParser::Parse(
      "发表于2014-08-24 21:30| 1164次阅读| 来源CSDN| 0 条评论| 作者魏星");
  EXPECT_EQ(l.source, "CSDN");
  EXPECT_EQ(l.authors, (Names{"魏星"}));
  EXPECT_EQ(InfoLineParser::Parse("本文来源于北京商报 2024-05-20").source,
            "北京商报");
  // Inside a word the label is text.
  EXPECT_EQ(InfoLineParser::Parse("数据来源于国家统计局").source, "");
}

TEST(InfoLineParserTest, ValuesEndAtBarsBracketsAndDates) {
  EXPECT_EQ(InfoLineParser::Parse("来源 | 综合抖音黑板报、南方都市报").source,
            "抖音黑板报、南方都市报");
  EXPECT_EQ(InfoLineParser::Parse("（编辑：小何）返回搜狐，查看更多").editor,
            "小何");
  EXPECT_EQ(InfoLineParser::Parse("来源：人民日报2024-05-13").source,
            "人民日报");
  EXPECT_EQ(InfoLineParser::Parse("编辑 刘晓阳 校对 李铭").editor, "刘晓阳");
}

TEST(InfoLineParserTest, EditorsKeepTheirListAndLatinNames) {
  EXPECT_EQ(InfoLineParser::Parse("(责编：汤诗瑶、丁涛)").editor,
            "汤诗瑶、丁涛");
  EXPECT_TRUE(InfoLineParser::Parse("(责编：汤诗瑶、丁涛)").editor_in_charge);
  EXPECT_EQ(InfoLineParser::Parse("编辑：Demi Xia").editor, "Demi Xia");
  EXPECT_FALSE(InfoLineParser::Parse("编辑：Demi Xia").editor_in_charge);
  // A staff code after a name goes; a code alone is the editor's credit.
  EXPECT_EQ(InfoLineParser::Parse("[责任编辑：韩保林 PK155]").editor, "韩保林");
  EXPECT_EQ(InfoLineParser::Parse("（责任编辑： HN666）").editor, "HN666");
}

TEST(InfoLineParserTest, BareNamesAreChineseNamesOnly) {
  EXPECT_EQ(InfoLineParser::BareNames("张巨峰"), (Names{"张巨峰"}));
  EXPECT_EQ(InfoLineParser::BareNames("刘艺、杨吉"), (Names{"刘艺", "杨吉"}));
  EXPECT_TRUE(InfoLineParser::BareNames("BBC").empty());
  EXPECT_TRUE(InfoLineParser::BareNames("新华社").empty());
  EXPECT_TRUE(InfoLineParser::BareNames("化名").empty());
  EXPECT_TRUE(InfoLineParser::BareNames("详见下文的第二部分").empty());
}

TEST(InfoLineParserTest, OutletsAreTold) {
  for (const char* outlet :
       {"新京报", "环球网", "参考消息", "扬眼 企鹅号", "新浪财经-自媒体综合"}) {
    EXPECT_TRUE(InfoLineParser::IsOutletName(outlet)) << outlet;
  }
  for (const char* person :
       {"陆一夫", "李楠", "Jane Doe", "Help Net Security"}) {
    EXPECT_FALSE(InfoLineParser::IsOutletName(person)) << person;
  }
}

TEST(InfoLineParserTest, TheOutletAfterADateline) {
  EXPECT_EQ(InfoLineParser::OutletAfterDate(" 参考消息"), "参考消息");
  EXPECT_EQ(InfoLineParser::OutletAfterDate(" 游民星空[整理] 1"), "游民星空");
  EXPECT_EQ(InfoLineParser::OutletAfterDate(
                " 新浪科技 我有话说(1307人参与) 收藏本文"),
            "新浪科技");
  EXPECT_EQ(InfoLineParser::OutletAfterDate("政能亮 来自北京市"), "政能亮");
  // Several names that are no outlet: persons, not a source.
  EXPECT_EQ(InfoLineParser::OutletAfterDate(" 叨叨姐 胡一刀 李小飞刀"), "");
  EXPECT_EQ(InfoLineParser::OutletAfterDate(" 来源：光明日报"), "");
}

TEST(InfoLineParserTest, NamesAfterADatelineAndNameSlashOutlet) {
  EXPECT_EQ(InfoLineParser::NamesAfterDate(" 叨叨姐 胡一刀 李小飞刀"),
            (Names{"叨叨姐", "胡一刀", "李小飞刀"}));
  // One name alone is the outlet's slot; an outlet among them is no list of
  // persons; labels are read by Parse.
  EXPECT_TRUE(InfoLineParser::NamesAfterDate(" 参考消息").empty());
  EXPECT_TRUE(InfoLineParser::NamesAfterDate(" 扬眼 企鹅号").empty());
  EXPECT_TRUE(InfoLineParser::NamesAfterDate(" 来源：北青网 北京").empty());

  const InfoLine l = InfoLineParser::NameSlashOutlet("石佳/中国青年报");
  EXPECT_EQ(l.authors, (Names{"石佳"}));
  EXPECT_EQ(l.source, "中国青年报");
  EXPECT_TRUE(InfoLineParser::NameSlashOutlet("体育/足球").empty());
  EXPECT_TRUE(
      InfoLineParser::NameSlashOutlet("首页/新闻中心/国内新闻").empty());
}

TEST(InfoLineParserTest, EveryEditorIsListed) {
  const InfoLine l = InfoLineParser::Parse("编辑：倪仕轩 责任编辑：杨格");
  EXPECT_EQ(l.editor, "杨格");
  EXPECT_EQ(l.editors, (Names{"倪仕轩", "杨格"}));
}

TEST(InfoLineParserTest, AnAffiliationAfterTheNameIsNoPartOfIt) {
  EXPECT_EQ(InfoLineParser::Parse("（作者韩涵系政邦智库研究员）").authors,
            (Names{"韩涵"}));
  EXPECT_EQ(InfoLineParser::Parse("作者：张三系某大学教授").authors,
            (Names{"张三"}));
  // Without a name before it, 系 is prose.
  EXPECT_TRUE(InfoLineParser::Parse("作者系某大学教授").authors.empty());
}

TEST(InfoLineParserTest, ABlogsPosterBeforeItsDate) {
  EXPECT_EQ(InfoLineParser::PosterBeforeDate("Jeremy Tsheng 于 ", " 发布"),
            "Jeremy Tsheng");
  EXPECT_EQ(InfoLineParser::PosterBeforeDate("A-肖老师-树谷学院 于", "发布"),
            "A-肖老师-树谷学院");
  // A phrase, a missing 于 or 发布, a label: no poster.
  EXPECT_EQ(InfoLineParser::PosterBeforeDate("最新推荐文章于 ", " 发布"), "");
  EXPECT_EQ(InfoLineParser::PosterBeforeDate("Jeremy Tsheng ", " 发布"), "");
  EXPECT_EQ(InfoLineParser::PosterBeforeDate("Jeremy Tsheng 于 ", " 阅读"), "");
  EXPECT_EQ(InfoLineParser::PosterBeforeDate("来源：新华社 于 ", " 发布"), "");
}

}  // namespace
}  // namespace declutter::extract
