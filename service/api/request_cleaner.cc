#include "service/api/request_cleaner.h"

#include <algorithm>
#include <utility>

#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "service/extract/clean.h"

namespace declutter::api {
namespace {

using extract::BlockKind;

extract::InputKind ToEngine(v1::InputKind kind) {
  switch (kind) {
    case v1::INPUT_KIND_HTML:
      return extract::InputKind::kHtml;
    case v1::INPUT_KIND_TEXT:
      return extract::InputKind::kText;
    default:
      return extract::InputKind::kAuto;
  }
}

v1::InputKind ToProto(extract::InputKind kind) {
  switch (kind) {
    case extract::InputKind::kHtml:
      return v1::INPUT_KIND_HTML;
    case extract::InputKind::kText:
      return v1::INPUT_KIND_TEXT;
    default:
      return v1::INPUT_KIND_AUTO;
  }
}

v1::RemovedKind ToProto(BlockKind kind) {
  switch (kind) {
    case BlockKind::kAd:
      return v1::REMOVED_KIND_AD;
    case BlockKind::kRelated:
      return v1::REMOVED_KIND_RELATED;
    case BlockKind::kNavigation:
      return v1::REMOVED_KIND_NAVIGATION;
    case BlockKind::kCopyright:
      return v1::REMOVED_KIND_COPYRIGHT;
    case BlockKind::kComment:
      return v1::REMOVED_KIND_COMMENT;
    case BlockKind::kShare:
      return v1::REMOVED_KIND_SHARE;
    case BlockKind::kDisclaimer:
      return v1::REMOVED_KIND_DISCLAIMER;
    case BlockKind::kContact:
      return v1::REMOVED_KIND_CONTACT;
    case BlockKind::kMetadata:
      return v1::REMOVED_KIND_METADATA;
    case BlockKind::kConsent:
      return v1::REMOVED_KIND_CONSENT;
    default:
      return v1::REMOVED_KIND_OTHER;
  }
}

extract::Options OptionsOf(const v1::CleanOptions& o) {
  extract::Options options;
  switch (o.output_format()) {
    case v1::OUTPUT_FORMAT_MARKDOWN:
      options.format = extract::OutputFormat::kMarkdown;
      break;
    case v1::OUTPUT_FORMAT_HTML:
      options.format = extract::OutputFormat::kHtml;
      break;
    default:
      options.format = extract::OutputFormat::kText;
      break;
  }
  switch (o.favor()) {
    case v1::FAVOR_PRECISION:
      options.favor = extract::Favor::kPrecision;
      break;
    case v1::FAVOR_RECALL:
      options.favor = extract::Favor::kRecall;
      break;
    default:
      options.favor = extract::Favor::kBalanced;
      break;
  }
  switch (o.scorer()) {
    case v1::BLOCK_SCORER_HEURISTIC:
      options.scorer = extract::ScorerChoice::kHeuristic;
      break;
    default:
      options.scorer = extract::ScorerChoice::kLearned;
      break;
  }
  options.report_removed = o.report_removed();
  return options;
}

v1::PageType ToProto(extract::PageType type) {
  switch (type) {
    case extract::PageType::kArticle:
      return v1::PAGE_TYPE_ARTICLE;
    case extract::PageType::kForum:
      return v1::PAGE_TYPE_FORUM;
    case extract::PageType::kProduct:
      return v1::PAGE_TYPE_PRODUCT;
    case extract::PageType::kCollection:
      return v1::PAGE_TYPE_COLLECTION;
    case extract::PageType::kListing:
      return v1::PAGE_TYPE_LISTING;
    case extract::PageType::kDocumentation:
      return v1::PAGE_TYPE_DOCUMENTATION;
    case extract::PageType::kService:
      return v1::PAGE_TYPE_SERVICE;
    case extract::PageType::kUnknown:
      return v1::PAGE_TYPE_UNSPECIFIED;
  }
  return v1::PAGE_TYPE_UNSPECIFIED;
}

void FillArticle(const extract::Article& a, v1::Article* out) {
  out->set_title(a.title);
  out->set_text(a.text);
  for (const std::string& s : a.authors) out->add_authors(s);
  out->set_published(a.published);
  out->set_modified(a.modified);
  out->set_site_name(a.site_name);
  out->set_source(a.source);
  out->set_language(a.language);
  out->set_description(a.description);
  for (const std::string& s : a.keywords) out->add_keywords(s);
  for (const std::string& s : a.tags) out->add_tags(s);
  out->set_canonical_url(a.canonical_url);
  out->set_image(a.image);
  out->set_word_count(a.word_count);
  out->set_editor(a.editor);
  const extract::MetadataSources& from = a.sources;
  v1::MetadataSources* sources = out->mutable_sources();
  sources->set_title(from.title);
  sources->set_authors(from.authors);
  sources->set_published(from.published);
  sources->set_modified(from.modified);
  sources->set_site_name(from.site_name);
  sources->set_source(from.source);
  sources->set_description(from.description);
  sources->set_keywords(from.keywords);
  sources->set_image(from.image);
  sources->set_canonical_url(from.canonical_url);
  sources->set_editor(from.editor);
}

}  // namespace

absl::Status RequestCleaner::LoadModels() {
  return extract::LoadBuiltinModels();
}

absl::Status RequestCleaner::Clean(const v1::CleanRequest& request,
                                   v1::CleanResponse* response,
                                   extract::WorkBudget* budget,
                                   extract::RemovedCounts* removed_counts) {
  response->set_id(request.id());
  extract::Page page;
  page.content = request.content();
  page.url = request.url();
  page.content_type = request.content_type();
  page.kind = ToEngine(request.input_kind());
  page.fetched_at =
      request.has_fetch_time()
          ? absl::FromUnixSeconds(request.fetch_time().seconds()) +
                absl::Nanoseconds(request.fetch_time().nanos())
          : absl::Now();
  response->mutable_input()->set_bytes(
      static_cast<int64_t>(request.content().size()));
  extract::Options options = OptionsOf(request.options());
  options.budget = budget;
  absl::StatusOr<extract::Result> result = extract::Clean(page, options);
  if (!result.ok()) return result.status();
  if (removed_counts != nullptr) *removed_counts = result->removed_counts;

  FillArticle(result->article, response->mutable_article());
  for (const extract::RemovedBlock& r : result->removed) {
    v1::RemovedBlock* out = response->add_removed();
    out->set_kind(ToProto(r.kind));
    out->set_text(r.text);
    out->set_reason(r.reason);
    out->set_truncated(r.truncated);
  }
  v1::InputInfo* input = response->mutable_input();
  input->set_kind(ToProto(result->input.kind));
  input->set_charset(result->input.charset);
  input->set_charset_source(result->input.charset_source);
  input->set_replacement_count(result->input.replacement_count);
  input->set_mojibake_repairs(result->input.mojibake_repairs);
  input->set_tags_flattened(result->input.tags_flattened);
  input->set_lines_merged(result->input.lines_merged);
  const extract::StageTimings& t = result->timings;
  v1::StageTimings* timings = response->mutable_timings();
  timings->set_decode_us(t.decode_us);
  timings->set_prepass_us(t.prepass_us);
  timings->set_parse_us(t.parse_us);
  timings->set_blocks_us(t.blocks_us);
  timings->set_classify_us(t.classify_us);
  timings->set_select_us(t.select_us);
  timings->set_metadata_us(t.metadata_us);
  timings->set_output_us(t.output_us);
  timings->set_total_us(t.total_us);
  response->set_page_type(ToProto(result->page_type));
  response->set_page_type_probability(
      static_cast<float>(result->page_type_probability));
  response->set_extraction_confidence(
      static_cast<float>(result->extraction_confidence));
  return absl::OkStatus();
}

extract::WorkBudget PageBudget(absl::Duration time_limit, absl::Time deadline,
                               std::function<bool()> cancelled,
                               absl::string_view limit) {
  return extract::WorkBudget(std::min(deadline, absl::Now() + time_limit),
                             std::move(cancelled), limit);
}

void RequestCleaner::SetError(const absl::Status& status,
                              v1::CleanResponse* response) {
  response->clear_article();
  v1::ItemError* error = response->mutable_error();
  error->set_code(static_cast<int32_t>(status.code()));
  error->set_message(std::string(status.message()));
}

}  // namespace declutter::api
