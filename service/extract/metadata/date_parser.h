// Finds and parses publication dates in the formats news sites print, and
// writes them as ISO 8601: "2023-03-17", "2023-03-17T11:10:17",
// "2023-03-17T11:10:17+08:00" (the offset only when the text states one).
//
// Accepted: ISO 8601 and its space-separated form; YYYY/MM/DD and YYYY.MM.DD;
// 2023年3月17日 with an optional time; RFC 822 ("Fri, 17 Mar 2023 11:10:17
// +0800"); "March 17, 2023", "17 March 2023" and "30th of March 2025";
// day-first dotted 17.03.2023; in URLs /2023/03/17/, /2023-03-17/ and
// /20230317/; relative dates
// ("3 hours ago", "yesterday", "2小时前", "昨天") against a fetch time.
// Impossible dates (month 13, Feb 30) and years outside 1990-2100 are rejected,
// and Plausible() rejects dates after the fetch. Stateless; thread-safe.

#ifndef DECLUTTER_SERVICE_EXTRACT_METADATA_DATE_PARSER_H_
#define DECLUTTER_SERVICE_EXTRACT_METADATA_DATE_PARSER_H_

#include <optional>
#include <string>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace declutter::extract {

struct ParsedDate {
  // FindShort's year when the text gives none; a two-digit year is 0-99.
  static constexpr int kNoYear = -1;
  int year = 0, month = 0, day = 0;
  int hour = -1, minute = 0, second = 0;  // hour < 0: no time given
  std::optional<int> offset_minutes;  // set only when the text states a zone
  size_t begin = 0, end = 0;          // byte range of the match in the input

  std::string ToIso8601() const;
};

class DateParser {
 public:
  // The first date found anywhere in `text`, or nullopt.
  static std::optional<ParsedDate> Find(absl::string_view text);

  // A short date a dateline prints where the page's markup holds the year,
  // or nullopt: "10-08 12:00" (year kNoYear; only with a time, so scores
  // and ratios are not dates) or "18-03-08" (a two-digit year). Use only
  // after CompleteYear.
  static std::optional<ParsedDate> FindShort(absl::string_view text);

  // Gives `short_date` the year of `full` when they agree: the same month
  // and day, and the same last two digits of the year when it has them.
  static bool CompleteYear(const ParsedDate& full, ParsedDate* short_date);

  // A date in the URL's path ("/2023/03/17/slug"), or nullopt.
  static std::optional<ParsedDate> FromUrl(absl::string_view url);

  // The first relative date in `text` resolved against `fetched_at` (day
  // precision, UTC); nullopt when there is none or `fetched_at` is infinite
  // (unknown).
  static std::optional<ParsedDate> FindRelative(absl::string_view text,
                                                absl::Time fetched_at);

  // False for a date after the day of `fetched_at` (a day of slack for time
  // zones): a page cannot be published after it was fetched. True when
  // `fetched_at` is absl::InfiniteFuture() (unknown).
  static bool Plausible(const ParsedDate& date, absl::Time fetched_at);
};

}  // namespace declutter::extract

#endif  // DECLUTTER_SERVICE_EXTRACT_METADATA_DATE_PARSER_H_
