// Reads a news page's info line: the short line by the headline or at the
// article's end that credits its source, authors and editor
// ("2022-02-13 09:57 来源：光明日报 作者：王建宏 张文攀", "（责任编辑：魏喆）",
// "责任编辑：杨倩_NF4425", "新华社记者 邹多为、唐诗凝"). The labels and how
// they may stand are data (data/info_line_labels.inc); a value runs from its
// label to the next label or the line's end. Names are split on spaces, "、"
// and commas; brackets, staff codes ("_NF4425") and staff titles ("本报记者",
// "南都见习记者") are removed, and words that name no person (data/
// credit_words.inc: "未知", outlets such as "新京报") are never authors. The
// same reading serves text pages and HTML pages.
//
// Linear in the line. Stateless; thread-safe.

#ifndef DECLUTTER_SERVICE_EXTRACT_METADATA_INFO_LINE_PARSER_H_
#define DECLUTTER_SERVICE_EXTRACT_METADATA_INFO_LINE_PARSER_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace declutter::extract {

// The field a label's value fills; kNone labels (photo credits, dates) only
// end the value before them.
enum class InfoField {
  kSource,
  kEditor,
  kEditorInCharge,
  kAuthors,
  kContributors,
  kNone
};

// How a label may stand in a line; see data/info_line_labels.inc.
enum class LabelForm { kSeparated, kBare, kTitle, kSlash };

struct InfoLine {
  std::string source;  // the outlet ("光明日报"); "" when none
  // The editor, or several joined with "、" as the page lists them; "" when
  // none.
  std::string editor;
  // Every person credited as an editor, in charge or not: never an author.
  std::vector<std::string> editors;
  // Whether the editor was credited as the editor in charge (责任编辑), which
  // wins over a plain 编辑 credit elsewhere on the page.
  bool editor_in_charge = false;
  std::vector<std::string> authors;  // persons, in the line's order
  // Correspondents and interns (通讯员, 实习生): the authors when no one else
  // is credited (see Persons()).
  std::vector<std::string> contributors;
  // The persons the credits name as the story's authors.
  const std::vector<std::string>& Persons() const {
    return authors.empty() ? contributors : authors;
  }
  bool empty() const {
    return source.empty() && editor.empty() && authors.empty() &&
           contributors.empty();
  }
};

class InfoLineParser {
 public:
  // Lines longer than this are prose, not info lines.
  static constexpr size_t kMaxLineBytes = 300;

  // The credits `line` gives; empty when it has no label, or is too long.
  static InfoLine Parse(absl::string_view line);

  // The persons a bare credit names, with no label: "张巨峰" in a closing
  // "（张巨峰）", "刘艺、杨吉" after a dateline's 电. Empty unless every word
  // is a Chinese name (two to four Han characters, no outlet), since a
  // bracket of Latin words at a paragraph's end is a caption or an outlet
  // ("（BBC）").
  static std::vector<std::string> BareNames(absl::string_view text);

  // The outlet a dateline names with no label after its date:
  // `after_date` is the line from the date's end ("18:57 参考消息" once the
  // time is read, "证券时报网", "游民星空[整理] 1"). "" unless it is one name
  // (with at most a count after it), or reads as an outlet.
  static std::string OutletAfterDate(absl::string_view after_date);

  // The persons a dateline names with no label after its date, when it names
  // two or more and nothing else ("2020-06-05 20:35 叨叨姐 胡一刀 李小飞刀");
  // one name alone is read as the outlet (OutletAfterDate).
  static std::vector<std::string> NamesAfterDate(absl::string_view after_date);

  // The poster a blog's dateline names before its date
  // ("Jeremy Tsheng 于 2023-03-12 13:08:03 发布"): `before_date` must end
  // in 于 and `after_date` open with 发布 or 发表. The name is kept as
  // written (a handle such as "A-肖老师-树谷学院" too), but a run of more than
  // four Han characters is a phrase ("最新推荐文章于 … 发布"), and labels,
  // no-name words and outlets are no poster. "" when none.
  static std::string PosterBeforeDate(absl::string_view before_date,
                                      absl::string_view after_date);

  // A credit printed as "name/outlet" ("石佳/中国青年报"): the person and the
  // outlet, or an empty line when `line` is not one.
  static InfoLine NameSlashOutlet(absl::string_view line);

  // Whether `name` is an outlet, a channel or an account rather than a
  // person: it holds Han and ends in an outlet word ("新京报", "参考消息",
  // "扬眼 企鹅号"), or joins words with a hyphen ("新浪财经-自媒体综合").
  // Latin names are never judged: English sites credit organisations as
  // authors.
  static bool IsOutletName(absl::string_view name);

  // Whether `word` is listed as naming nobody ("未知", "复制链接").
  static bool IsNotAName(absl::string_view word);
};

}  // namespace declutter::extract

#endif  // DECLUTTER_SERVICE_EXTRACT_METADATA_INFO_LINE_PARSER_H_
