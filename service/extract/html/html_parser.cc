#include "service/extract/html/html_parser.h"

#include <utility>

#include "absl/time/clock.h"
#include "service/extract/html/markup_limiter.h"

namespace declutter::extract {

ParsedHtml ParsedHtml::Parse(absl::string_view html,
                             const Shortcuts& shortcuts,
                             std::optional<MarkupLimits> limits) {
  ParsedHtml parsed;
  const absl::Time start = absl::Now();
  std::string stripped;
  if (shortcuts.strip_inert_content) {
    parsed.strip_stats_ = InertContentStripper::Strip(html, &stripped);
    if (parsed.strip_stats_.bytes_removed > 0) html = stripped;
  }
  std::string limited;
  parsed.markup_stats_ = MarkupLimiter::Limit(
      html, limits.value_or(MarkupLimits::ForPage(html.size())), &limited);
  if (parsed.markup_stats_.tags_deleted + parsed.markup_stats_.tags_flattened >
      0) {
    parsed.source_ = std::make_unique<std::string>(std::move(limited));
  } else if (parsed.strip_stats_.bytes_removed > 0) {
    parsed.source_ = std::make_unique<std::string>(std::move(stripped));
  }
  if (parsed.source_ != nullptr) html = *parsed.source_;
  const absl::Time parse_start = absl::Now();
  parsed.prepass_us_ = absl::ToInt64Microseconds(parse_start - start);

  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // error records cost time and memory nobody reads
  if (shortcuts.parse_arena) {
    parsed.arena_ = std::make_unique<GumboArena>();
    options.allocator = &GumboArena::Allocate;
    options.deallocator = &GumboArena::Deallocate;
    options.userdata = parsed.arena_.get();
  }
  parsed.output_ = std::unique_ptr<GumboOutput, GumboOutputDeleter>(
      gumbo_parse_with_options(&options, html.data(), html.size()),
      GumboOutputDeleter{parsed.arena_ != nullptr});
  parsed.parse_us_ = absl::ToInt64Microseconds(absl::Now() - parse_start);
  return parsed;
}

}  // namespace declutter::extract
