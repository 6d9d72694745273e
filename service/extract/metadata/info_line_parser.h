// Reads a Chinese news page's info line: the short line by the headline or at
// the article's end that credits its source, authors and editor
// ("2022-02-13 09:57 来源：光明日报 作者：王建宏 张文攀", "（责任编辑：魏喆）",
// "责任编辑：杨倩_NF4425"). The labels are data (data/info_line_labels.inc);
// a value runs from its label to the next label or the line's end. Names are
// split on spaces, "、" and commas; brackets, staff codes ("_NF4425") and staff
// titles ("本报记者", "通讯员") are removed. The same reading serves text pages
// and HTML pages.
//
// Linear in the line. Stateless; thread-safe.

#ifndef DECLUTTER_SERVICE_EXTRACT_METADATA_INFO_LINE_PARSER_H_
#define DECLUTTER_SERVICE_EXTRACT_METADATA_INFO_LINE_PARSER_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace declutter::extract {

enum class InfoField { kSource, kEditor, kAuthors };

struct InfoLine {
  std::string source;  // the outlet ("光明日报"); "" when none
  std::string editor;  // one person; "" when none
  std::vector<std::string> authors;  // persons, in the line's order
  bool empty() const {
    return source.empty() && editor.empty() && authors.empty();
  }
};

class InfoLineParser {
 public:
  // Lines longer than this are prose, not info lines.
  static constexpr size_t kMaxLineBytes = 300;

  // The credits `line` gives; empty when it has no label, or is too long.
  static InfoLine Parse(absl::string_view line);
};

}  // namespace declutter::extract

#endif  // DECLUTTER_SERVICE_EXTRACT_METADATA_INFO_LINE_PARSER_H_
