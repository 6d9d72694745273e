#include "service/extract/metadata/date_chooser.h"

namespace declutter::extract {
namespace {

const char* SourceName(DateOrigin o) {
  switch (o) {
    case DateOrigin::kMeta:
      return "meta";
    case DateOrigin::kJsonLd:
      return "json-ld";
    case DateOrigin::kTimeElement:
      return "time-element";
    case DateOrigin::kUrl:
      return "url";
    case DateOrigin::kVisible:
    case DateOrigin::kModified:
      return "text";
  }
  return "";
}

bool SameDay(const ParsedDate& a, const ParsedDate& b) {
  return a.year == b.year && a.month == b.month && a.day == b.day;
}

// How much a form of a day tells: a time, then an offset.
int Precision(const ParsedDate& d) {
  return (d.hour >= 0 ? 2 : 0) + (d.offset_minutes.has_value() ? 1 : 0);
}

}  // namespace

ChosenDate DateChooser::ChoosePublished(const std::vector<DateCandidate>& all) {
  // The most trusted candidate: markup over the visible dateline, the URL
  // last (the enum's order).
  const DateCandidate* chosen = nullptr;
  for (const DateCandidate& c : all) {
    if (c.origin == DateOrigin::kModified) continue;
    if (chosen == nullptr || c.origin < chosen->origin) chosen = &c;
  }
  if (chosen == nullptr) return {};
  // The fullest form of its day that a published candidate gives ("2019-09-26"
  // in the meta, "2019-09-26 10:56:28" on the page).
  const DateCandidate* fullest = chosen;
  for (const DateCandidate& c : all) {
    if (c.origin != DateOrigin::kModified && SameDay(c.date, chosen->date) &&
        Precision(c.date) > Precision(fullest->date))
      fullest = &c;
  }
  return {fullest->date.ToIso8601(), SourceName(chosen->origin)};
}

}  // namespace declutter::extract
