#include "service/extract/metadata/date_parser.h"

#include <cstdio>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_format.h"
#include "absl/time/civil_time.h"

namespace declutter::extract {
namespace {

struct MonthName {
  absl::string_view name;
  int month;
};
constexpr MonthName kMonths[] = {
#include "service/extract/data/month_names.inc"
};

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

bool ValidDate(int y, int m, int d) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30,
                                  31, 31, 30, 31, 30, 31};
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  return d <= kDays[m - 1] + (m == 2 && IsLeap(y) ? 1 : 0);
}

// Cursor over the text with small matching primitives.
class Scanner {
 public:
  Scanner(absl::string_view s, size_t pos) : s_(s), pos_(pos) {}
  size_t pos() const { return pos_; }
  bool AtEnd() const { return pos_ >= s_.size(); }

  // Reads min..max ASCII digits; with `bounded`, a further digit makes it fail
  // (so "20230317" is not read as a year).
  bool Number(int max_digits, int* out, int min_digits = 1,
              bool bounded = true) {
    int n = 0, v = 0;
    while (pos_ < s_.size() && n < max_digits &&
           absl::ascii_isdigit(s_[pos_])) {
      v = v * 10 + (s_[pos_++] - '0');
      ++n;
    }
    *out = v;
    return n >= min_digits &&
           !(bounded && pos_ < s_.size() && absl::ascii_isdigit(s_[pos_]));
  }
  bool Literal(absl::string_view lit) {
    if (s_.substr(pos_, lit.size()) != lit) return false;
    pos_ += lit.size();
    return true;
  }
  bool OneOf(absl::string_view chars, char* got = nullptr) {
    if (pos_ < s_.size() && chars.find(s_[pos_]) != absl::string_view::npos) {
      if (got) *got = s_[pos_];
      ++pos_;
      return true;
    }
    return false;
  }
  // An English ordinal suffix ("st", "nd", "rd", "th"), if there is one.
  void Ordinal() {
    Literal("st") || Literal("nd") || Literal("rd") || Literal("th");
  }
  void Spaces() {
    while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\t')) ++pos_;
  }
  // An English month name (or 3+ letter prefix); returns 0 when none.
  int Month() {
    size_t end = pos_;
    while (end < s_.size() && absl::ascii_isalpha(s_[end])) ++end;
    const std::string word = absl::AsciiStrToLower(s_.substr(pos_, end - pos_));
    if (word.size() < 3) return 0;
    for (const MonthName& m : kMonths) {
      if (m.name.substr(0, word.size()) == word) {
        pos_ = end;
        if (pos_ < s_.size() && s_[pos_] == '.') ++pos_;
        return m.month;
      }
    }
    return 0;
  }

 private:
  absl::string_view s_;
  size_t pos_;
};

// Optional "[T ]HH:MM[:SS][.fff][Z|+HH:MM|+HHMM]" after a date.
void ParseTime(Scanner* sc, ParsedDate* d) {
  Scanner save = *sc;
  if (!sc->OneOf("T")) sc->Spaces();
  int h, mi, s = 0;
  if (!sc->Number(2, &h) || !sc->OneOf(":") || !sc->Number(2, &mi, 2) ||
      h > 23 || mi > 59) {
    *sc = save;
    return;
  }
  if (sc->OneOf(":") && (!sc->Number(2, &s, 2) || s > 60)) s = 0;
  if (sc->OneOf(".")) {
    int frac;
    sc->Number(9, &frac);
  }
  d->hour = h, d->minute = mi, d->second = s;
  Scanner zone = *sc;
  sc->Spaces();
  char sign;
  int zh, zm = 0;
  if (sc->OneOf("Z")) {
    d->offset_minutes = 0;
  } else if (sc->Literal("GMT") || sc->Literal("UTC")) {
    d->offset_minutes = 0;
    Scanner more = *sc;
    if (sc->OneOf("+-", &sign) && sc->Number(2, &zh)) {
      sc->OneOf(":");
      sc->Number(2, &zm);
      d->offset_minutes = (sign == '-' ? -1 : 1) * (zh * 60 + zm);
    } else {
      *sc = more;
    }
  } else if (sc->OneOf("+-", &sign) &&
             sc->Number(2, &zh, 2, /*bounded=*/false)) {
    sc->OneOf(":");
    if (!sc->Number(2, &zm, 2)) zm = 0;
    if (zh <= 14 && zm < 60)
      d->offset_minutes = (sign == '-' ? -1 : 1) * (zh * 60 + zm);
  } else {
    *sc = zone;
  }
}

// Completes a match of any form: checks the date, reads an optional time after
// it, and records the byte range from `at`.
bool Finish(int y, int m, int day, size_t at, Scanner* sc, ParsedDate* d) {
  if (!ValidDate(y, m, day)) return false;
  d->year = y, d->month = m, d->day = day;
  ParseTime(sc, d);
  d->begin = at;
  d->end = sc->pos();
  return true;
}

// Year-first numeric forms: 2023-03-17, 2023/3/17, 2023.03.17, 2023年3月17日.
bool YearFirst(absl::string_view text, size_t at, ParsedDate* d) {
  Scanner sc(text, at);
  int y, m, day;
  if (!sc.Number(4, &y, 4)) return false;
  if (sc.Literal("年")) {
    sc.Spaces();
    if (!sc.Number(2, &m) || !sc.Literal("月")) return false;
    sc.Spaces();
    if (!sc.Number(2, &day) || !(sc.Literal("日") || sc.Literal("号")))
      return false;
    return Finish(y, m, day, at, &sc, d);
  }
  char sep;
  if (!sc.OneOf("-/.", &sep) || !sc.Number(2, &m) ||
      !sc.OneOf(absl::string_view(&sep, 1)) || !sc.Number(2, &day)) {
    return false;
  }
  return Finish(y, m, day, at, &sc, d);
}

// English forms: "March 17, 2023", "Mar 17 2023", "17 March 2023", RFC 822.
bool EnglishMonth(absl::string_view text, size_t at, ParsedDate* d) {
  Scanner sc(text, at);
  int y, m, day;
  if (int month = sc.Month(); month > 0) {
    sc.Spaces();
    if (!sc.Number(2, &day)) return false;
    sc.Ordinal();
    sc.OneOf(",");
    sc.Spaces();
    if (!sc.Number(4, &y, 4)) return false;
    m = month;
  } else {
    if (!sc.Number(2, &day)) return false;
    sc.Ordinal();
    sc.Spaces();
    sc.Literal("of ");  // "30th of March 2025"
    m = sc.Month();
    if (m == 0) return false;
    sc.OneOf(",");
    sc.Spaces();
    if (!sc.Number(4, &y, 4)) return false;
  }
  sc.OneOf(",");
  return Finish(y, m, day, at, &sc, d);
}

// Day-first numeric form with dots, as most of Europe prints it: 17.03.2023.
// Slashed forms (03/04/2023) are not read: month-first and day-first are both
// common and the text cannot tell them apart.
bool DayFirstDotted(absl::string_view text, size_t at, ParsedDate* d) {
  Scanner sc(text, at);
  int y, m, day;
  if (!sc.Number(2, &day) || !sc.Literal(".") || !sc.Number(2, &m) ||
      !sc.Literal(".") || !sc.Number(4, &y, 4)) {
    return false;
  }
  return Finish(y, m, day, at, &sc, d);
}

struct RelativeUnit {
  absl::string_view name;
  int64_t seconds;
};
constexpr RelativeUnit kRelativeUnits[] = {
#include "service/extract/data/relative_date_units.inc"
};

// Reads "N unit(s) ago" / "N unit前" at `at`; the offset in seconds, or -1.
int64_t RelativeOffset(absl::string_view text, size_t at) {
  Scanner sc(text, at);
  int n;
  if (!sc.Number(3, &n)) return -1;
  sc.Spaces();
  for (const RelativeUnit& u : kRelativeUnits) {
    Scanner unit = sc;
    const bool ascii =
        absl::ascii_isalpha(static_cast<unsigned char>(u.name.front()));
    if (ascii) {
      if (!absl::StartsWithIgnoreCase(text.substr(unit.pos()), u.name))
        continue;
      unit.Literal(text.substr(unit.pos(), u.name.size()));
      unit.OneOf("sS");
      unit.Spaces();
      if (!absl::StartsWithIgnoreCase(text.substr(unit.pos()), "ago")) continue;
    } else if (!unit.Literal(u.name) || !unit.Literal("前")) {
      continue;
    }
    return static_cast<int64_t>(n) * u.seconds;
  }
  return -1;
}

}  // namespace

bool DateParser::Plausible(const ParsedDate& d, absl::Time fetched_at) {
  if (fetched_at == absl::InfiniteFuture()) return true;
  const absl::CivilDay day(d.year, d.month, d.day);
  // A day of slack: the page's zone may be ahead of UTC.
  return day <= absl::ToCivilDay(fetched_at, absl::UTCTimeZone()) + 1;
}

std::optional<ParsedDate> DateParser::FromUrl(absl::string_view url) {
  // Only the path: a query string's numbers are ids and timestamps.
  const size_t scheme = url.find("://");
  size_t path =
      url.find('/', scheme == absl::string_view::npos ? 0 : scheme + 3);
  if (path == absl::string_view::npos) return std::nullopt;
  url = url.substr(path, url.find_first_of("?#", path) - path);
  for (size_t i = 0; i + 1 < url.size(); ++i) {
    if (url[i] != '/' ||
        !absl::ascii_isdigit(static_cast<unsigned char>(url[i + 1])))
      continue;
    Scanner sc(url, i + 1);
    int y, m, day;
    char sep = 0;
    if (sc.Number(4, &y, 4)) {
      if (!sc.OneOf("/-_", &sep) || !sc.Number(2, &m) ||
          !sc.OneOf(absl::string_view(&sep, 1)) || !sc.Number(2, &day)) {
        continue;  // "/2023/03/" names a month, not a day
      }
    } else {
      // "/20230317/" written as one number.
      Scanner compact(url, i + 1);
      int ymd;
      if (!compact.Number(8, &ymd, 8) ||
          !(compact.AtEnd() || compact.OneOf("/-_.")))
        continue;
      y = ymd / 10000, m = ymd / 100 % 100, day = ymd % 100;
    }
    if (!ValidDate(y, m, day)) continue;
    ParsedDate d;
    d.year = y, d.month = m, d.day = day;
    return d;
  }
  return std::nullopt;
}

std::optional<ParsedDate> DateParser::FindRelative(absl::string_view text,
                                                   absl::Time fetched_at) {
  if (fetched_at == absl::InfiniteFuture() ||
      fetched_at == absl::InfinitePast()) {
    return std::nullopt;
  }
  int64_t offset = -1;
  for (size_t i = 0; i < text.size() && offset < 0; ++i) {
    const bool boundary =
        i == 0 || !absl::ascii_isalnum(static_cast<unsigned char>(text[i - 1]));
    if (!boundary) continue;
    if (absl::ascii_isdigit(static_cast<unsigned char>(text[i]))) {
      offset = RelativeOffset(text, i);
    } else if (absl::StartsWithIgnoreCase(text.substr(i), "yesterday") ||
               absl::StartsWith(text.substr(i), "昨天")) {
      offset = 86400;
    } else if (absl::StartsWith(text.substr(i), "前天")) {
      offset = 2 * 86400;
    }
  }
  if (offset < 0) return std::nullopt;
  const absl::CivilDay day =
      absl::ToCivilDay(fetched_at - absl::Seconds(offset), absl::UTCTimeZone());
  ParsedDate d;
  d.year = static_cast<int>(day.year()), d.month = day.month(),
  d.day = day.day();
  if (!ValidDate(d.year, d.month, d.day)) return std::nullopt;
  return d;
}

std::string ParsedDate::ToIso8601() const {
  std::string out = absl::StrFormat("%04d-%02d-%02d", year, month, day);
  if (hour < 0) return out;
  absl::StrAppendFormat(&out, "T%02d:%02d:%02d", hour, minute, second);
  if (offset_minutes.has_value()) {
    const int off = *offset_minutes;
    if (off == 0) {
      out += "Z";
    } else {
      absl::StrAppendFormat(&out, "%c%02d:%02d", off < 0 ? '-' : '+',
                            std::abs(off) / 60, std::abs(off) % 60);
    }
  }
  return out;
}

namespace {

// Short forms a dateline may print where the page's markup holds the year:
// "10-08 12:00" (no year: a time must follow, or it is a score or a ratio)
// and "18-03-08 23:16" (a two-digit year).
bool ShortForm(absl::string_view text, size_t at, ParsedDate* d) {
  Scanner sc(text, at);
  int a, b, c;
  char sep;
  // The time may follow the day with no space ("10-0812:00" where two spans
  // met), so the day may run into digits.
  if (!sc.Number(2, &a, 2) || !sc.OneOf("-/", &sep) ||
      !sc.Number(2, &b, 2, /*bounded=*/false))
    return false;
  Scanner after_month_day = sc;
  if (sc.OneOf(absl::string_view(&sep, 1)) && sc.Number(2, &c, 2)) {
    if (!Finish(2000 + a, b, c, at, &sc, d)) return false;
    d->year = a;
    return true;
  }
  sc = after_month_day;
  if (!Finish(2000, a, b, at, &sc, d) || d->hour < 0) return false;
  d->year = ParsedDate::kNoYear;
  return true;
}

}  // namespace

std::optional<ParsedDate> DateParser::FindShort(absl::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    const bool boundary = i == 0 || !absl::ascii_isalnum(text[i - 1]);
    if (!boundary || !absl::ascii_isdigit(text[i])) continue;
    ParsedDate d;
    if (ShortForm(text, i, &d)) return d;
  }
  return std::nullopt;
}

bool DateParser::CompleteYear(const ParsedDate& full, ParsedDate* short_date) {
  if (short_date->year >= 100 || full.month != short_date->month ||
      full.day != short_date->day)
    return false;
  if (short_date->year != ParsedDate::kNoYear &&
      full.year % 100 != short_date->year)
    return false;
  short_date->year = full.year;
  return true;
}

std::optional<ParsedDate> DateParser::Find(absl::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    const bool boundary = i == 0 || !absl::ascii_isalnum(text[i - 1]);
    if (!boundary) continue;
    ParsedDate d;
    if (absl::ascii_isdigit(text[i]) && YearFirst(text, i, &d)) return d;
    if (absl::ascii_isdigit(text[i]) && DayFirstDotted(text, i, &d)) return d;
    if (absl::ascii_isalnum(text[i]) && EnglishMonth(text, i, &d)) return d;
  }
  return std::nullopt;
}

}  // namespace declutter::extract
