#include "service/extract/metadata/info_line_parser.h"

#include <algorithm>
#include <array>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "service/extract/strings/utf8.h"

namespace declutter::extract {
namespace {

struct InfoLabel {
  absl::string_view label;
  InfoField field;
};

constexpr InfoLabel kLabels[] = {
#include "service/extract/data/info_line_labels.inc"
};

// Staff titles printed before a name ("本报记者 李明"), removed from it.
constexpr std::array<absl::string_view, 8> kStaffTitles = {
    "本报记者", "本报通讯员", "特约记者", "见习记者",
    "实习生",   "通讯员",     "记者",     "記者"};

// What may follow a label: a colon (ASCII or full-width) or a space.
bool FollowsLabel(absl::string_view rest) {
  return absl::StartsWith(rest, ":") ||
         absl::StartsWith(rest, "\xEF\xBC\x9A") ||
         absl::StartsWith(rest, " ") || absl::StartsWith(rest, "\xE3\x80\x80");
}

// The longest label that starts `rest` and may stand there; null when none.
const InfoLabel* LabelAt(absl::string_view rest) {
  const InfoLabel* best = nullptr;
  for (const InfoLabel& l : kLabels) {
    if (!absl::StartsWith(rest, l.label)) continue;
    const bool slash =
        absl::EndsWith(l.label, "/") || absl::EndsWith(l.label, "\xEF\xBC\x8F");
    if (!slash && !FollowsLabel(rest.substr(l.label.size()))) continue;
    if (best == nullptr || l.label.size() > best->label.size()) best = &l;
  }
  return best;
}

// Brackets, separators and punctuation a credit may carry at its ends.
bool IsEdge(uint32_t cp) {
  switch (cp) {
    case ' ':
    case ':':
    case '|':
    case '/':
    case ',':
    case ';':
    case '(':
    case ')':
    case '[':
    case ']':
    case '-':
    case '.':
    case 0xFF1A:
    case 0xFF08:
    case 0xFF09:
    case 0x3010:
    case 0x3011:
    case 0x300C:
    case 0x300D:
    case 0xFF5C:
    case 0xFF0C:
    case 0x3001:
    case 0x3002:
    case 0xFF1B:
    case 0x3000:
    case 0xFF0F:
      return true;
    default:
      return false;
  }
}

absl::string_view TrimEdges(absl::string_view s) {
  while (!s.empty()) {
    size_t i = 0;
    if (!IsEdge(NextCodePoint(s, &i))) break;
    s.remove_prefix(i);
  }
  while (!s.empty()) {
    // Step back over one code point.
    size_t start = s.size() - 1;
    while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80)
      --start;
    size_t i = start;
    if (!IsEdge(NextCodePoint(s, &i))) break;
    s.remove_suffix(s.size() - start);
  }
  return s;
}

// "杨倩_NF4425" -> "杨倩": an underscore and letters or digits at the end.
absl::string_view WithoutStaffCode(absl::string_view s) {
  const size_t underscore = s.rfind('_');
  if (underscore == absl::string_view::npos || underscore == 0) return s;
  const absl::string_view code = s.substr(underscore + 1);
  const bool is_code =
      !code.empty() && std::all_of(code.begin(), code.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
               (c >= 'a' && c <= 'z');
      });
  return is_code ? s.substr(0, underscore) : s;
}

// One name or outlet: the value's first word, its edges, staff code and staff
// title removed; "" when what is left has no letter (a date, a number).
std::string Credit(absl::string_view word) {
  word = TrimEdges(WithoutStaffCode(TrimEdges(word)));
  for (absl::string_view title : kStaffTitles) {
    if (absl::ConsumePrefix(&word, title)) break;
  }
  word = TrimEdges(word);
  const bool has_letter = std::any_of(word.begin(), word.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0x80) != 0 ||
           (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  });
  return has_letter ? std::string(word) : "";
}

// The words of a value, split on spaces, "、", commas and semicolons.
std::vector<std::string> Words(absl::string_view value) {
  const std::string spaced = absl::StrReplaceAll(
      value,
      {{"\xE3\x80\x81", " "}, {"\xEF\xBC\x8C", " "}, {"\xE3\x80\x80", " "}});
  return absl::StrSplit(spaced, absl::ByAnyChar(" ,;"), absl::SkipEmpty());
}

uint32_t NextCodePointAt(absl::string_view s) {
  size_t i = 0;
  return NextCodePoint(s, &i);
}

size_t CodePoints(absl::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size(); ++n) NextCodePoint(s, &i);
  return n;
}

// Persons credited in an author value: at most this many.
constexpr size_t kMaxAuthors = 10;

}  // namespace

InfoLine InfoLineParser::Parse(absl::string_view line) {
  InfoLine out;
  if (line.size() > kMaxLineBytes) return out;
  // The labels in the line, where each one's value starts and ends.
  struct Found {
    const InfoLabel* label;
    size_t begin, value_begin, end;
  };
  std::vector<Found> found;
  for (size_t i = 0; i < line.size();) {
    if (const InfoLabel* l = LabelAt(line.substr(i)); l != nullptr) {
      if (!found.empty()) found.back().end = i;
      found.push_back({l, i, i + l->label.size(), line.size()});
      i += l->label.size();
      continue;
    }
    NextCodePoint(line, &i);
  }
  bool full_editor = false;  // a 责任编辑 credit, which wins over 编辑
  for (const Found& f : found) {
    const absl::string_view value =
        TrimEdges(line.substr(f.value_begin, f.end - f.value_begin));
    const std::vector<std::string> words = Words(value);
    if (words.empty()) continue;
    switch (f.label->field) {
      case InfoField::kSource: {
        std::string source = Credit(words.front());
        // "网络" ("the web") names no outlet.
        if (out.source.empty() && source != "网络") out.source = source;
        break;
      }
      case InfoField::kEditor: {
        const bool full = f.label->label.size() > 6;  // 责任编辑 / 責任編輯
        std::string editor = Credit(words.front());
        if (!editor.empty() && (out.editor.empty() || (full && !full_editor))) {
          out.editor = std::move(editor);
          full_editor = full;
        }
        break;
      }
      case InfoField::kAuthors:
        for (absl::string_view w : words) {
          std::string name = Credit(w);
          // Chinese names are two to four characters; a longer run of Han is
          // the text after the credits ("发布时间").
          if (!name.empty() && IsHanLike(NextCodePointAt(name)) &&
              CodePoints(name) > 4)
            break;
          if (!name.empty() && out.authors.size() < kMaxAuthors &&
              std::find(out.authors.begin(), out.authors.end(), name) ==
                  out.authors.end()) {
            out.authors.push_back(std::move(name));
          }
        }
        break;
    }
  }
  return out;
}

}  // namespace declutter::extract
