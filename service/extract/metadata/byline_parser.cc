#include "service/extract/metadata/byline_parser.h"

#include <algorithm>
#include <iterator>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/types/span.h"
#include "service/extract/metadata/date_parser.h"
#include "service/extract/strings/text_normalizer.h"
#include "service/extract/strings/utf8.h"

namespace declutter::extract {
namespace {

constexpr absl::string_view kLabels[] = {
#include "service/extract/data/byline_labels.inc"
};

constexpr absl::string_view kChromeWords[] = {
#include "service/extract/data/byline_chrome_words.inc"
};

constexpr absl::string_view kDateLeadWords[] = {
#include "service/extract/data/byline_date_lead_words.inc"
};

bool IsWordOf(absl::string_view word,
              absl::Span<const absl::string_view> list) {
  return std::any_of(list.begin(), list.end(), [&](absl::string_view w) {
    return absl::EqualsIgnoreCase(word, w);
  });
}

// `text` without the date a byline prints after the name ("Andrew Gerrand 4
// August 2010", "By Jane • March 12, 2025") and what follows it, and without
// the words leading into it ("on Friday"); `text` itself when it holds no date
// after a name, "" when it is a dateline alone.
absl::string_view BeforeDate(absl::string_view text) {
  const std::optional<ParsedDate> date = DateParser::Find(text);
  if (!date || date->begin == 0) return text;
  absl::string_view head = text.substr(0, date->begin);
  for (int words = 0; words < 4; ++words) {
    head = absl::StripTrailingAsciiWhitespace(head);
    while (!head.empty() && absl::string_view(",|-").find(head.back()) !=
                                absl::string_view::npos)
      head =
          absl::StripTrailingAsciiWhitespace(head.substr(0, head.size() - 1));
    for (absl::string_view mark :
         {"\xE2\x80\xA2" /* • */, "\xC2\xB7" /* · */}) {
      if (absl::ConsumeSuffix(&head, mark))
        head = absl::StripTrailingAsciiWhitespace(head);
    }
    const size_t space = head.rfind(' ');
    const absl::string_view last =
        space == absl::string_view::npos ? head : head.substr(space + 1);
    if (space == absl::string_view::npos ||
        !(IsWordOf(last, kDateLeadWords) || IsWordOf(last, kChromeWords)))
      break;
    head = head.substr(0, space);
  }
  // A dateline alone ("Updated on November 20, 2025") names nobody.
  if (IsWordOf(head, kDateLeadWords) || IsWordOf(head, kChromeWords)) return {};
  return head.empty() ? text : head;
}

// Whether a word of `piece` (split at spaces and dots, ASCII case folded), or
// two adjacent words read as one ("Sign In" as "signin"), is chrome, not part
// of a name.
bool HoldsChromeWord(absl::string_view piece) {
  // Dots split words too: a template's unfilled key ("page.head.extra.author")
  // is no name.
  const std::vector<absl::string_view> words =
      absl::StrSplit(piece, absl::ByAnyChar(" ."), absl::SkipEmpty());
  auto is_chrome = [](absl::string_view w) {
    return std::any_of(
        std::begin(kChromeWords), std::end(kChromeWords),
        [&](absl::string_view c) { return absl::EqualsIgnoreCase(w, c); });
  };
  for (size_t i = 0; i < words.size(); ++i) {
    if (is_chrome(words[i])) return true;
    if (i + 1 < words.size() && is_chrome(absl::StrCat(words[i], words[i + 1])))
      return true;
  }
  return false;
}

// Strips byline labels (and the spaces and colons after them) from the front.
absl::string_view StripLabels(absl::string_view s) {
  for (bool again = true; again;) {
    again = false;
    s = absl::StripLeadingAsciiWhitespace(s);
    for (absl::string_view label : kLabels) {
      if (s.size() >= label.size() &&
          absl::EqualsIgnoreCase(s.substr(0, label.size()), label)) {
        s.remove_prefix(label.size());
        s = absl::StripLeadingAsciiWhitespace(s);
        absl::ConsumePrefix(&s, ":");
        again = true;
        break;
      }
    }
  }
  return absl::StripAsciiWhitespace(s);
}

// A credential or title printed after a name ("MD", "PhD", "R.D.", "MBA").
bool IsCredential(absl::string_view s) {
  if (s.size() > 6) return false;
  int upper = 0;
  for (char c : s) {
    if (absl::ascii_isupper(static_cast<unsigned char>(c))) {
      ++upper;
    } else if (c != '.' &&
               !absl::ascii_islower(static_cast<unsigned char>(c))) {
      return false;
    }
  }
  return upper >= 2 || absl::EqualsIgnoreCase(s, "PhD") ||
         absl::EqualsIgnoreCase(s, "Ph.D.");
}

// A label with nothing after it ("By" in a byline whose name sits elsewhere).
bool IsBareLabel(absl::string_view s) {
  for (absl::string_view label : kLabels) {
    label = absl::StripSuffix(absl::StripTrailingAsciiWhitespace(label), ":");
    if (absl::EqualsIgnoreCase(s, label)) return true;
  }
  return false;
}

// Whether every word of `s` holding a digit holds a letter too: a user
// handle ("ggailey777", "Need2KnowLion"), not a date or a count.
bool DigitsOnlyInHandles(absl::string_view s) {
  for (absl::string_view w : absl::StrSplit(s, ' ', absl::SkipEmpty())) {
    const bool digit = std::any_of(w.begin(), w.end(), [](char c) {
      return absl::ascii_isdigit(static_cast<unsigned char>(c));
    });
    const bool letter = std::any_of(w.begin(), w.end(), [](char c) {
      return absl::ascii_isalpha(static_cast<unsigned char>(c));
    });
    if (digit && !letter) return false;
  }
  return true;
}

// `declared`: the value comes from a field that holds the author (meta,
// JSON-LD), where a user handle with digits is the author's name.
bool LooksLikeName(absl::string_view s, bool declared) {
  if (s.empty() || CountCodePoints(s) > BylineParser::kMaxNameChars)
    return false;
  // URLs, e-mail addresses and style sheets that sites mark up as bylines.
  if (absl::StrContains(s, "://") || absl::StartsWithIgnoreCase(s, "www.") ||
      s.find_first_of("@{}:=") != absl::string_view::npos || IsBareLabel(s) ||
      HoldsChromeWord(s)) {
    return false;
  }
  // A phrase of three words or more starting in lower case is prose from an
  // author's bio; one or two lower-case words are a user name or a name typed
  // carelessly.
  if (absl::ascii_islower(static_cast<unsigned char>(s.front())) &&
      std::count(s.begin(), s.end(), ' ') >= 2) {
    return false;
  }
  int words = 1, letters = 0;
  for (size_t i = 0; i < s.size();) {
    const uint32_t cp = NextCodePoint(s, &i);
    // Digits make a date, a count or a user id ("March 17", "12 comments"), not
    // a name.
    if (cp < 0x80 && absl::ascii_isdigit(static_cast<unsigned char>(cp)) &&
        !(declared && DigitsOnlyInHandles(s)))
      return false;
    if (cp == ' ') ++words;
    if (cp >= 0x80 || absl::ascii_isalpha(static_cast<unsigned char>(cp)))
      ++letters;
  }
  return words <= BylineParser::kMaxNameWords && letters > 0;
}

}  // namespace

bool BylineParser::StartsWithLabel(absl::string_view text) {
  for (absl::string_view label : kLabels) {
    if (text.size() > label.size() &&
        absl::EqualsIgnoreCase(text.substr(0, label.size()), label)) {
      return true;
    }
  }
  return false;
}

bool BylineParser::IsLabel(absl::string_view text) {
  return IsBareLabel(absl::StripAsciiWhitespace(text));
}

std::vector<std::string> BylineParser::Names(absl::string_view byline) {
  return NamesOf(byline, /*declared=*/false);
}

std::vector<std::string> BylineParser::DeclaredNames(absl::string_view value) {
  return NamesOf(value, /*declared=*/true);
}

std::vector<std::string> BylineParser::NamesOf(absl::string_view byline,
                                               bool declared) {
  std::string text = TextNormalizer::CollapseSpaces(Utf8Prefix(byline, 1024));
  text = std::string(BeforeDate(text));
  // A user card printing the display name beside the account name, both the
  // same ("Joe – Joe"), names one person.
  for (absl::string_view dash : {" \xE2\x80\x93 ", " \xE2\x80\x94 ", " - "}) {
    const absl::string_view whole = text;
    const size_t at = whole.find(dash);
    if (at != absl::string_view::npos &&
        absl::EqualsIgnoreCase(whole.substr(0, at),
                               whole.substr(at + dash.size())))
      text.resize(at);
  }
  text = absl::StrReplaceAll(text, {{" and ", ","},
                                    {" And ", ","},
                                    {" & ", ","},
                                    {" | ", ","},
                                    {"、", ","},
                                    {"，", ","},
                                    {"；", ","}});
  std::vector<std::string> names;
  bool first = true;
  for (absl::string_view part : absl::StrSplit(text, absl::ByAnyChar(",;"))) {
    part = StripLabels(part);
    // A profile field marked up in a poster's box ("Location: Lisbon,
    // Portugal", "Posts: 3,760"): its label is no byline label, and nothing
    // after it is a name.
    if (first && part.find(':') != absl::string_view::npos) return {};
    first = false;
    // A credential belongs to the name before it: "Dylan Bailey, MS, RD" is one
    // author, as the byline prints it.
    // Before any name, a mixed-case word is a user handle ("BeauHD"), not a
    // credential ("MD", "PhD").
    const bool handle =
        names.empty() &&
        std::count_if(part.begin(), part.end(), [](char c) {
          return absl::ascii_islower(static_cast<unsigned char>(c));
        }) >= 2;
    if (IsCredential(part) && !handle) {
      if (!names.empty()) absl::StrAppend(&names.back(), ", ", part);
      continue;
    }
    if (!LooksLikeName(part, declared)) continue;
    const bool seen = std::any_of(
        names.begin(), names.end(),
        [&](const std::string& n) { return absl::EqualsIgnoreCase(n, part); });
    if (!seen) names.emplace_back(part);
    if (names.size() >= kMaxNames) break;
  }
  return names;
}

}  // namespace declutter::extract
