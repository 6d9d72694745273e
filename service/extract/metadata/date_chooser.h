// Chooses an article's publication date from every place the page gives one:
// meta tags, JSON-LD, <time> elements, the URL, and the dateline the reader
// sees by the headline; modified dates take part as corroboration.
//
// The most trusted source wins: the meta tags, then JSON-LD, then <time>,
// then the dateline the reader sees by the headline, then the URL. Agreement
// only refines: another source that gives the same day more fully (a time,
// an offset) lends its form. Letting a visible dateline override the markup
// when they disagree was measured and rejected: such a dateline is as often
// the last update as the publication (wcxb-dev lost 35 pages for 25 gained).
// Modified dates never become the published date.
//
// Stateless; thread-safe.

#ifndef DECLUTTER_SERVICE_EXTRACT_METADATA_DATE_CHOOSER_H_
#define DECLUTTER_SERVICE_EXTRACT_METADATA_DATE_CHOOSER_H_

#include <string>
#include <vector>

#include "service/extract/metadata/date_parser.h"

namespace declutter::extract {

// Where a date candidate came from, most trusted markup first.
enum class DateOrigin {
  kMeta,         // article:published_time and its kin
  kJsonLd,       // datePublished
  kTimeElement,  // <time datetime>, microdata
  kVisible,      // the dateline by the headline
  kUrl,          // /2023/03/17/
  kModified,     // a meta or JSON-LD modified date: corroboration only
};

struct DateCandidate {
  ParsedDate date;
  DateOrigin origin;
};

struct ChosenDate {
  std::string iso;     // ISO 8601; "" when no candidate
  std::string source;  // "meta", "json-ld", "time-element", "url", "text"
};

class DateChooser {
 public:
  static ChosenDate ChoosePublished(const std::vector<DateCandidate>& all);
};

}  // namespace declutter::extract

#endif  // DECLUTTER_SERVICE_EXTRACT_METADATA_DATE_CHOOSER_H_
