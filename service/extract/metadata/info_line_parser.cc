#include "service/extract/metadata/info_line_parser.h"

#include <algorithm>
#include <array>
#include <optional>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "service/extract/metadata/date_parser.h"
#include "service/extract/strings/utf8.h"

namespace declutter::extract {
namespace {

struct InfoLabel {
  absl::string_view label;
  InfoField field;
  LabelForm form;
};

constexpr InfoLabel kLabels[] = {
#include "service/extract/data/info_line_labels.inc"
};

enum class CreditWordKind { kNotAName, kChrome, kSourcePrefix, kOutletSuffix };
struct CreditWord {
  absl::string_view word;
  CreditWordKind kind;
};

constexpr CreditWord kCreditWords[] = {
#include "service/extract/data/credit_words.inc"
};

// Staff titles printed before a name ("本报记者 李明"), removed from it.
constexpr std::array<absl::string_view, 8> kStaffTitles = {
    "本报记者", "本报通讯员", "特约记者", "见习记者",
    "实习生",   "通讯员",     "记者",     "記者"};

bool IsAsciiLetter(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

// What may follow a label: a colon (ASCII or full-width) or a space.
bool FollowsLabel(absl::string_view rest) {
  return absl::StartsWith(rest, ":") ||
         absl::StartsWith(rest, "\xEF\xBC\x9A") ||
         absl::StartsWith(rest, " ") || absl::StartsWith(rest, "\xE3\x80\x80");
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

// The code point that ends line[0, at), or 0 at the line's start.
uint32_t CodePointBefore(absl::string_view line, size_t at) {
  if (at == 0) return 0;
  size_t start = at - 1;
  while (start > 0 && (static_cast<unsigned char>(line[start]) & 0xC0) == 0x80)
    --start;
  return NextCodePoint(line, &start);
}

// A label found in a line: where its value starts, and whether the value
// follows it with no separator.
struct LabelMatch {
  const InfoLabel* label = nullptr;
  bool bare = false;
};

// Whether a label starts with the code point `cp`: Parse tries LabelAt only
// there, so a line costs one set lookup per character, not one comparison
// per label.
bool MayStartLabel(uint32_t cp) {
  static const absl::flat_hash_set<uint32_t>* const kFirst = [] {
    auto* first = new absl::flat_hash_set<uint32_t>();
    for (const InfoLabel& l : kLabels) {
      size_t i = 0;
      first->insert(NextCodePoint(l.label, &i));
    }
    return first;
  }();
  return kFirst->contains(cp);
}

// The longest label that starts line[at...] and may stand there.
LabelMatch LabelAt(absl::string_view line, size_t at) {
  const absl::string_view rest = line.substr(at);
  const uint32_t before = CodePointBefore(line, at);
  // A field opens at the line's start or after a separator or bracket.
  const bool field_start = before == 0 || IsEdge(before);
  LabelMatch best;
  for (const InfoLabel& l : kLabels) {
    if (!absl::StartsWith(rest, l.label)) continue;
    const absl::string_view after = rest.substr(l.label.size());
    // A Latin label is a word of its own at a field's start ("By", never the
    // end of "Abby" or "Stand By").
    if (IsAsciiLetter(l.label.front()) &&
        (!field_start || (!after.empty() && IsAsciiLetter(after.front()))))
      continue;
    bool bare = false;
    switch (l.form) {
      case LabelForm::kSlash:
        break;
      case LabelForm::kSeparated:
        if (!FollowsLabel(after)) continue;
        break;
      case LabelForm::kBare:
        if (!FollowsLabel(after)) {
          if (!field_start || after.empty()) continue;
          bare = true;
        }
        break;
      case LabelForm::kTitle:
        bare = !FollowsLabel(after);
        break;
    }
    if (best.label == nullptr || l.label.size() > best.label->label.size())
      best = {&l, bare};
  }
  return best;
}

// `s` without the edge characters (IsEdge) it opens with.
absl::string_view TrimLeadingEdges(absl::string_view s) {
  while (!s.empty()) {
    size_t i = 0;
    if (!IsEdge(NextCodePoint(s, &i))) break;
    s.remove_prefix(i);
  }
  return s;
}

// `s` without the edge characters at either end.
absl::string_view TrimEdges(absl::string_view s) {
  s = TrimLeadingEdges(s);
  while (!s.empty() && IsEdge(CodePointBefore(s, s.size()))) {
    size_t start = s.size() - 1;  // the last code point's first byte
    while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80)
      --start;
    s.remove_suffix(s.size() - start);
  }
  return s;
}

// A value ends at a bar that separates a line's fields ("来源CSDN| 0 条评论|
// 作者魏星": |, ｜ or ¦) and at a closing bracket it did not open ("（编辑：
// 小何）返回搜狐"). Separators before the value ("来源 | 综合…") are not its
// end.
absl::string_view ValueExtent(absl::string_view value) {
  value = TrimLeadingEdges(value);
  size_t end = value.size();
  for (absl::string_view bar : {"|", "\xEF\xBD\x9C", "\xC2\xA6"}) {
    const size_t at = value.find(bar);
    if (at != absl::string_view::npos) end = std::min(end, at);
  }
  for (const auto& [open, close] :
       {std::pair<absl::string_view, absl::string_view>{"\xEF\xBC\x88",
                                                        "\xEF\xBC\x89"},
        {"(", ")"},
        {"\xE3\x80\x90", "\xE3\x80\x91"},
        {"[", "]"}}) {
    const size_t at = value.find(close);
    if (at != absl::string_view::npos &&
        value.substr(0, at).find(open) == absl::string_view::npos)
      end = std::min(end, at);
  }
  return value.substr(0, end);
}

bool IsCodeChar(char c) { return (c >= '0' && c <= '9') || IsAsciiLetter(c); }

// "杨倩_NF4425" -> "杨倩": an underscore and letters or digits at the end.
absl::string_view WithoutStaffCode(absl::string_view s) {
  const size_t underscore = s.rfind('_');
  if (underscore == absl::string_view::npos || underscore == 0) return s;
  const absl::string_view code = s.substr(underscore + 1);
  const bool is_code =
      !code.empty() && std::all_of(code.begin(), code.end(), IsCodeChar);
  return is_code ? s.substr(0, underscore) : s;
}

// "游民星空[整理]" -> "游民星空": a bracketed note after a name.
absl::string_view WithoutTrailingNote(absl::string_view s) {
  for (absl::string_view open : {"[", "\xE3\x80\x90", "\xEF\xBC\x88", "("}) {
    const size_t at = s.find(open);
    if (at != absl::string_view::npos && at > 0) return s.substr(0, at);
  }
  return s;
}

uint32_t FirstCodePoint(absl::string_view s) {
  size_t i = 0;
  return NextCodePoint(s, &i);
}

bool AllHan(absl::string_view s) {
  for (size_t i = 0; i < s.size();) {
    if (!IsHanLike(NextCodePoint(s, &i))) return false;
  }
  return !s.empty();
}

bool IsCreditWord(absl::string_view word, CreditWordKind kind) {
  for (const CreditWord& w : kCreditWords) {
    if (w.kind != kind) continue;
    switch (kind) {
      case CreditWordKind::kNotAName:
        if (word == w.word) return true;
        break;
      case CreditWordKind::kChrome:
      case CreditWordKind::kSourcePrefix:
        if (absl::StartsWith(word, w.word)) return true;
        break;
      case CreditWordKind::kOutletSuffix:
        if (absl::EndsWith(word, w.word)) return true;
        break;
    }
  }
  return false;
}

// A staff code on its own ("PK155", "SF099"): letters and digits, digits
// included.
bool IsStaffCode(absl::string_view word) {
  return !word.empty() && std::all_of(word.begin(), word.end(), IsCodeChar) &&
         std::any_of(word.begin(), word.end(),
                     [](char c) { return c >= '0' && c <= '9'; });
}

// One name or outlet: the word's edges, staff code and staff title removed
// ("南都见习记者" is a title and gives ""); "" when what is left has no
// letter (a date, a number).
std::string Credit(absl::string_view word) {
  word = TrimEdges(WithoutStaffCode(TrimEdges(word)));
  for (absl::string_view title : kStaffTitles) {
    if (absl::ConsumePrefix(&word, title)) break;
  }
  word = TrimEdges(word);
  for (absl::string_view title : {"记者", "記者", "通讯员", "实习生"}) {
    if (absl::EndsWith(word, title)) return "";
  }
  const bool has_letter = std::any_of(word.begin(), word.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0x80) != 0 || IsAsciiLetter(c);
  });
  return has_letter ? std::string(word) : "";
}

// The words of a value, split on spaces, "、", commas and semicolons.
std::vector<absl::string_view> Words(absl::string_view value) {
  std::vector<absl::string_view> out;
  size_t start = 0;
  for (size_t i = 0; i <= value.size();) {
    size_t next = i;
    const uint32_t cp = i < value.size() ? NextCodePoint(value, &next) : ' ';
    if (i == value.size()) next = i + 1;
    if (cp == ' ' || cp == ',' || cp == ';' || cp == 0x3001 || cp == 0xFF0C ||
        cp == 0x3000 || cp == 0xFF1B || cp == '\t') {
      if (i > start) out.push_back(value.substr(start, i - start));
      start = next;
    }
    i = next;
  }
  return out;
}

// A credit value up to the 系 ("is") that opens an affiliation after a
// name of two to four Han characters ("韩涵系政邦智库研究员" -> "韩涵"); the
// value itself otherwise.
absl::string_view BeforeAffiliation(absl::string_view value) {
  size_t i = 0;
  for (size_t chars = 0; i < value.size() && chars <= 4; ++chars) {
    size_t next = i;
    const uint32_t cp = NextCodePoint(value, &next);
    if (cp == 0x7CFB /* 系 */ && chars >= 2) return value.substr(0, i);
    if (!IsHanLike(cp)) break;
    i = next;
  }
  return value;
}

// An outlet as a source names it: the word without its staff code, note and
// edges, and without a "compiled from" prefix ("综合新华社" -> "新华社").
std::string SourceName(absl::string_view word) {
  std::string name = Credit(WithoutTrailingNote(word));
  for (const CreditWord& w : kCreditWords) {
    if (w.kind == CreditWordKind::kSourcePrefix &&
        absl::StartsWith(name, w.word) && name.size() > w.word.size()) {
      return name.substr(w.word.size());
    }
  }
  return name;
}

// Persons credited in one value: at most this many.
constexpr size_t kMaxNames = 10;

// How a word reads as part of a credit.
enum class WordRole { kName, kSkip, kProse };

WordRole RoleOf(absl::string_view name) {
  if (name.empty() || IsCreditWord(name, CreditWordKind::kNotAName))
    return WordRole::kSkip;
  if (AllHan(name)) {
    const size_t n = CountCodePoints(name);
    // Chinese names are two to four characters; a longer run of Han is the
    // text after the credits ("发布时间"), a single one a note ("摄", "图").
    if (n > 4) return WordRole::kProse;
    if (n < 2) return WordRole::kSkip;
    return InfoLineParser::IsOutletName(name) ? WordRole::kSkip
                                              : WordRole::kName;
  }
  if (IsStaffCode(name)) return WordRole::kSkip;
  if (IsHanLike(FirstCodePoint(name))) {
    // Han mixed with other letters: prose or a handle, unless short.
    return CountCodePoints(name) > 4 ? WordRole::kProse : WordRole::kName;
  }
  // A Latin name word starts with a capital ("Demi Xia"); "exemple" is prose.
  if (!(name.front() >= 'A' && name.front() <= 'Z')) return WordRole::kProse;
  return InfoLineParser::IsOutletName(name) ? WordRole::kSkip : WordRole::kName;
}

// The persons of a credit value, in order, without duplicates. Two single
// Han characters in a row are one name set off for alignment ("方 敏"), and
// capitalised Latin words in a row are one name ("Demi Xia"). A staff code
// alone is the name (some sites credit editors by code). With `strict`, any
// word that is no name makes the value prose, and nothing is returned.
std::vector<std::string> NamesOf(absl::string_view value, bool strict) {
  std::vector<std::string> words;
  for (absl::string_view w : Words(value)) {
    std::string c = Credit(WithoutTrailingNote(w));
    if (!c.empty() || !strict) words.push_back(std::move(c));
  }
  std::vector<std::string> out;
  auto add = [&out](std::string name) {
    if (out.size() < kMaxNames &&
        std::find(out.begin(), out.end(), name) == out.end())
      out.push_back(std::move(name));
  };
  bool after_latin_name = false;  // the last word began a Latin name
  for (size_t i = 0; i < words.size(); ++i) {
    std::string w = words[i];
    if (AllHan(w) && CountCodePoints(w) == 1 && i + 1 < words.size() &&
        AllHan(words[i + 1]) && CountCodePoints(words[i + 1]) == 1) {
      w += words[++i];
    }
    const WordRole role = RoleOf(w);
    if (role == WordRole::kProse) {
      if (strict) return {};
      break;
    }
    const bool latin = !w.empty() && IsAsciiLetter(w.front());
    if (role == WordRole::kSkip) {
      if (words.size() == 1 && IsStaffCode(w)) add(w);
      after_latin_name = false;
      continue;
    }
    if (latin && after_latin_name && !out.empty()) {
      out.back() += " " + w;  // the next word of a Latin name
      continue;
    }
    add(std::move(w));
    after_latin_name = latin;
  }
  return out;
}

}  // namespace

bool InfoLineParser::IsOutletName(absl::string_view name) {
  if (AllHan(name)) {
    return CountCodePoints(name) >= 2 &&
           IsCreditWord(name, CreditWordKind::kOutletSuffix);
  }
  // Han with other characters: "新浪财经-自媒体综合", "扬眼 企鹅号".
  bool has_han = false;
  for (size_t i = 0; i < name.size() && !has_han;)
    has_han = IsHanLike(NextCodePoint(name, &i));
  if (has_han)
    return IsCreditWord(name, CreditWordKind::kOutletSuffix) ||
           name.find('-') != absl::string_view::npos;
  return false;
}

std::vector<std::string> InfoLineParser::NamesAfterDate(
    absl::string_view after_date) {
  if (after_date.size() > kMaxLineBytes || !Parse(after_date).empty())
    return {};
  std::vector<absl::string_view> words = Words(TrimEdges(after_date));
  std::erase_if(words, [](absl::string_view w) {
    return IsCreditWord(w, CreditWordKind::kChrome);
  });
  if (words.size() < 2) return {};
  std::vector<std::string> names;
  for (absl::string_view w : words) {
    std::vector<std::string> one = BareNames(w);
    if (one.size() != 1) return {};
    names.push_back(std::move(one.front()));
  }
  return names;
}

std::string InfoLineParser::PosterBeforeDate(absl::string_view before_date,
                                             absl::string_view after_date) {
  constexpr size_t kMaxPosterBytes = 60;
  after_date = TrimEdges(after_date);
  if (!absl::StartsWith(after_date, "\xE5\x8F\x91\xE5\xB8\x83") &&  // 发布
      !absl::StartsWith(after_date, "\xE5\x8F\x91\xE8\xA1\xA8"))    // 发表
    return "";
  absl::string_view name = TrimEdges(before_date);
  if (!absl::ConsumeSuffix(&name, "\xE4\xBA\x8E")) return "";  // 于
  name = TrimEdges(name);
  if (name.empty() || name.size() > kMaxPosterBytes || !Parse(name).empty() ||
      IsCreditWord(name, CreditWordKind::kNotAName) || IsStaffCode(name))
    return "";
  // No run of more than four Han characters, and at most three words.
  size_t run = 0;
  for (size_t i = 0; i < name.size();) {
    run = IsHanLike(NextCodePoint(name, &i)) ? run + 1 : 0;
    if (run > 4) return "";
  }
  if (Words(name).size() > 3) return "";
  if (AllHan(name) && IsOutletName(name)) return "";
  return std::string(name);
}

InfoLine InfoLineParser::NameSlashOutlet(absl::string_view line) {
  InfoLine out;
  line = TrimEdges(line);
  const size_t slash = line.find('/');
  if (slash == absl::string_view::npos || line.size() > kMaxLineBytes)
    return out;
  const absl::string_view outlet = TrimEdges(line.substr(slash + 1));
  std::vector<std::string> name = BareNames(line.substr(0, slash));
  if (name.size() != 1 || Words(outlet).size() != 1 ||
      outlet.find('/') != absl::string_view::npos || !IsOutletName(outlet))
    return out;
  out.authors = std::move(name);
  out.source = std::string(outlet);
  return out;
}

bool InfoLineParser::IsNotAName(absl::string_view word) {
  return IsCreditWord(word, CreditWordKind::kNotAName);
}

std::vector<std::string> InfoLineParser::BareNames(absl::string_view text) {
  if (text.size() > kMaxLineBytes) return {};
  std::vector<std::string> names = NamesOf(TrimEdges(text), /*strict=*/true);
  const bool all_han =
      std::all_of(names.begin(), names.end(),
                  [](const std::string& n) { return AllHan(n); });
  return all_han ? names : std::vector<std::string>{};
}

std::string InfoLineParser::OutletAfterDate(absl::string_view after_date) {
  if (after_date.size() > kMaxLineBytes || !Parse(after_date).empty())
    return "";
  std::vector<absl::string_view> words = Words(TrimEdges(after_date));
  std::erase_if(words, [](absl::string_view w) {
    return IsCreditWord(w, CreditWordKind::kChrome);
  });
  if (words.empty()) return "";
  std::string outlet = SourceName(words.front());
  if (outlet.empty() || IsStaffCode(outlet) || CountCodePoints(outlet) > 20 ||
      IsCreditWord(outlet, CreditWordKind::kNotAName))
    return "";
  // "游民星空[整理] 1": a count (views, comments) may follow the name.
  const bool alone = words.size() == 1 ||
                     (words.size() == 2 &&
                      std::all_of(words[1].begin(), words[1].end(),
                                  [](char c) { return c >= '0' && c <= '9'; }));
  return alone || IsOutletName(outlet) ? outlet : "";
}

InfoLine InfoLineParser::Parse(absl::string_view line) {
  InfoLine out;
  if (line.size() > kMaxLineBytes) return out;
  // The labels in the line, where each one's value starts and ends.
  struct Found {
    LabelMatch match;
    size_t begin, value_begin, end;
  };
  std::vector<Found> found;
  for (size_t i = 0; i < line.size();) {
    size_t next = i;
    if (!MayStartLabel(NextCodePoint(line, &next))) {
      i = next;
      continue;
    }
    if (const LabelMatch m = LabelAt(line, i); m.label != nullptr) {
      if (!found.empty()) found.back().end = i;
      found.push_back({m, i, i + m.label->label.size(), line.size()});
      i += m.label->label.size();
      continue;
    }
    NextCodePoint(line, &i);
  }
  for (size_t k = 0; k < found.size(); ++k) {
    const Found& f = found[k];
    const InfoLabel& label = *f.match.label;
    const absl::string_view raw =
        ValueExtent(line.substr(f.value_begin, f.end - f.value_begin));
    // "采写：南都记者 林子沛": a value that runs straight into a staff title is
    // the title's outlet, not a name.
    if ((label.field == InfoField::kAuthors ||
         label.field == InfoField::kContributors) &&
        k + 1 < found.size() &&
        found[k + 1].match.label->form == LabelForm::kTitle && !raw.empty() &&
        !IsEdge(CodePointBefore(raw, raw.size())))
      continue;
    const absl::string_view value = TrimEdges(raw);
    const bool strict = f.match.bare || label.form == LabelForm::kTitle;
    switch (label.field) {
      case InfoField::kSource: {
        // "来源：人民日报2024-05-13": the date after an outlet is no part of
        // it.
        absl::string_view outlet = value;
        if (const std::optional<ParsedDate> d = DateParser::Find(value); d)
          outlet = TrimEdges(value.substr(0, d->begin));
        // The outlet is the value's first word; "、" joins several outlets
        // into one source ("抖音黑板报、南方都市报").
        const std::vector<absl::string_view> words =
            absl::StrSplit(outlet, absl::ByAnyChar(" \t"), absl::SkipEmpty());
        if (words.empty()) break;
        std::string source = SourceName(words.front());
        // A bare value is one short name ("来源CSDN"), never a phrase.
        if (f.match.bare && (words.size() > 1 || CountCodePoints(source) > 20))
          break;
        // "网络" ("the web") names no outlet.
        if (out.source.empty() && source != "网络") out.source = source;
        break;
      }
      case InfoField::kEditor:
      case InfoField::kEditorInCharge: {
        const bool in_charge = label.field == InfoField::kEditorInCharge;
        const std::vector<std::string> names = NamesOf(value, strict);
        for (const std::string& name : names) {
          if (out.editors.size() < kMaxNames) out.editors.push_back(name);
        }
        if (!names.empty() &&
            (out.editor.empty() || (in_charge && !out.editor_in_charge))) {
          out.editor = absl::StrJoin(names, "\xE3\x80\x81");
          out.editor_in_charge = in_charge;
        }
        break;
      }
      case InfoField::kAuthors:
      case InfoField::kContributors: {
        // "作者韩涵系政邦智库研究员": the name before 系 ("is"), then who the
        // author is.
        const absl::string_view names = BeforeAffiliation(value);
        std::vector<std::string>& into =
            label.field == InfoField::kAuthors ? out.authors : out.contributors;
        for (std::string& name : NamesOf(names, strict)) {
          if (into.size() < kMaxNames &&
              std::find(into.begin(), into.end(), name) == into.end())
            into.push_back(std::move(name));
        }
        break;
      }
      case InfoField::kNone:
        break;
    }
  }
  return out;
}

}  // namespace declutter::extract
