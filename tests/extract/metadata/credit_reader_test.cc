#include "service/extract/metadata/credit_reader.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace declutter::extract {
namespace {

using Names = std::vector<std::string>;

// A block as selection leaves it; its length in code points as the features
// stage counts it.
Block MakeBlock(const std::string& text, bool selected) {
  Block b;
  b.text = text;
  b.selected = selected;
  int32_t chars = 0;
  for (unsigned char c : text) chars += (c & 0xC0) != 0x80;
  b.features.text.chars = chars;
  return b;
}

InfoLine ReadAll(const BlockList& blocks, absl::string_view title = "") {
  return CreditReader::Read(blocks,
                            CreditWindows::Around(blocks, title, 15, 10));
}

const char kLongParagraph[] =
    "国庆中秋长假过半，外媒关注武汉的复苏，景区人流量明显回升，消费市场持续回暖"
    "，商户表示客流已经接近往年同期水平。";

TEST(CreditReaderTest, ReadsTheLeadCreditAfterTheDateline) {
  const BlockList blocks = {
      MakeBlock("北京商报讯（记者 岳品瑜 董晗萱）5月20日，中国人民银行授权全国"
                "银行间同业拆借中心公布，贷款市场报价利率保持不变。",
                true),
      MakeBlock(kLongParagraph, true)};
  EXPECT_EQ(ReadAll(blocks).authors, (Names{"岳品瑜", "董晗萱"}));
  const BlockList unlabelled = {
      MakeBlock("新华社北京5月9日电（刘艺、杨吉）记者从国家统计局获悉，今年一季"
                "度国内生产总值同比增长百分之五。",
                true)};
  EXPECT_EQ(ReadAll(unlabelled).authors, (Names{"刘艺", "杨吉"}));
  // Brackets that follow no dateline and hold no label are prose.
  const BlockList prose = {MakeBlock(
      "小花（化名）的眼睛里被塞进了几十张纸片，医生说这在理论上是不可能的。",
      true)};
  EXPECT_TRUE(ReadAll(prose).authors.empty());
}

TEST(CreditReaderTest, ReadsTheClosingCreditAfterTheLastSentence) {
  const BlockList blocks = {
      MakeBlock(kLongParagraph, true),
      MakeBlock("南美站活动将先后在巴西、乌拉圭、阿根廷举行。（张巨峰）",
                true)};
  EXPECT_EQ(ReadAll(blocks).authors, (Names{"张巨峰"}));
  const BlockList labelled = {
      MakeBlock(kLongParagraph, true),
      MakeBlock(
          "让金融的发展更好地满足人民日益增长的美好生活需要。(文/图 刘玺东 "
          "易赛楠)",
          true)};
  EXPECT_EQ(ReadAll(labelled).authors, (Names{"刘玺东", "易赛楠"}));
  // Inside a sentence a bracket is prose.
  const BlockList inside = {
      MakeBlock(kLongParagraph, true),
      MakeBlock("具体的办法请见文末的说明（详见下文）", true)};
  EXPECT_TRUE(ReadAll(inside).authors.empty());
}

TEST(CreditReaderTest, TheEditorInChargeWinsAcrossLines) {
  const BlockList blocks = {MakeBlock(kLongParagraph, true),
                            MakeBlock("文/栗思", true),
                            MakeBlock("编辑/倪家宁", true),
                            MakeBlock("责任编辑：李曦_NN2587", false)};
  const InfoLine l = ReadAll(blocks);
  EXPECT_EQ(l.editor, "李曦");
  EXPECT_EQ(l.authors, (Names{"栗思"}));
}

TEST(CreditReaderTest, CreditsAmidTheArticleAndAfterItsEndAreRead) {
  // Teasers the selector kept after the article put its last selected block
  // far past the editor's line.
  BlockList blocks = {MakeBlock(kLongParagraph, true),
                      MakeBlock("责任编辑：郭明煜", false)};
  for (int i = 0; i < 20; ++i) blocks.push_back(MakeBlock("相关阅读", false));
  blocks.push_back(MakeBlock(kLongParagraph, true));
  blocks.push_back(MakeBlock("本文来源：经济日报", false));
  const InfoLine l = ReadAll(blocks);
  EXPECT_EQ(l.editor, "郭明煜");
  EXPECT_EQ(l.source, "经济日报");
  // Past the end's window nothing is read.
  for (int i = 0; i < 12; ++i) blocks.push_back(MakeBlock("相关阅读", false));
  blocks.push_back(MakeBlock("作者：王五", false));
  EXPECT_TRUE(ReadAll(blocks).authors.empty());
}

TEST(CreditReaderTest, TheHeaderReachesPastTheHeadline) {
  // A selected chrome block far above the headline must not end the header
  // before the dateline.
  BlockList blocks = {MakeBlock("我已授权", true)};
  for (int i = 0; i < 20; ++i) blocks.push_back(MakeBlock("登录", false));
  blocks.push_back(MakeBlock("交通运输部：着力打造综合立体交通网络", false));
  blocks.push_back(MakeBlock("2019-09-26 10:56:28 证券时报网", true));
  blocks.push_back(MakeBlock(kLongParagraph, true));
  EXPECT_EQ(ReadAll(blocks).source, "");
  EXPECT_EQ(ReadAll(blocks, "交通运输部：着力打造综合立体交通网络").source,
            "证券时报网");
}

TEST(CreditReaderTest, ALabelledSourceBeatsTheDatelineOutlet) {
  const BlockList blocks = {MakeBlock("2019年11月25日 18:57 参考消息", false),
                            MakeBlock(kLongParagraph, true),
                            MakeBlock("（本文来源：经济日报）", false)};
  EXPECT_EQ(ReadAll(blocks).source, "经济日报");
  const BlockList slot_only = {
      MakeBlock("2019年11月25日 18:57 参考消息", false),
      MakeBlock(kLongParagraph, true)};
  EXPECT_EQ(ReadAll(slot_only).source, "参考消息");
}

}  // namespace
}  // namespace declutter::extract
