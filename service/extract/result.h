// The engine's output for one page: the article, what was dropped and why, what the
// input was found to be, and where the time went. Plain values, owned by the caller.

#ifndef DECLUTTER_SERVICE_EXTRACT_RESULT_H_
#define DECLUTTER_SERVICE_EXTRACT_RESULT_H_

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "service/extract/page.h"

namespace declutter::extract {

// Why a block is not article text. kNone marks content.
enum class BlockKind {
  kNone,
  kOther,
  kAd,
  kRelated,
  kNavigation,
  kCopyright,
  kComment,
  kShare,
  kDisclaimer,
  kContact,
  kMetadata,
  kConsent,
};

// A short stable name ("related", "copyright", ...) for logs and reasons.
const char* BlockKindName(BlockKind kind);

// Where each metadata value came from, so users can judge it: "json-ld", "meta",
// "link", "h1", "og:title", "title", "time-element", "byline-markup", "text", "url";
// "" when the field is empty (the proto's MetadataSources documents each).
struct MetadataSources {
  std::string title;
  std::string authors;
  std::string published;
  std::string modified;
  std::string site_name;
  std::string source;
  std::string description;
  std::string keywords;
  std::string image;
  std::string canonical_url;
  std::string editor;
};

struct Article {
  std::string title;
  std::string text;
  std::vector<std::string> authors;
  std::string published;  // ISO 8601, empty when unknown
  std::string modified;   // ISO 8601, empty when unknown
  std::string site_name;
  std::string source;
  std::string language;  // BCP 47
  std::string description;
  std::vector<std::string> keywords;
  std::vector<std::string> tags;
  std::string canonical_url;
  std::string image;
  int32_t word_count = 0;
  std::string editor;
  MetadataSources sources;
};

struct RemovedBlock {
  BlockKind kind = BlockKind::kOther;
  std::string text;  // at most kMaxRemovedTextChars code points
  std::string reason;
  bool truncated = false;
};

// Removed-block text is capped so a huge dropped menu does not bloat responses.
inline constexpr int kMaxRemovedTextChars = 200;

struct InputInfo {
  InputKind kind = InputKind::kAuto;  // never kAuto once cleaned
  std::string charset;
  // "bom", "content-type", "meta", "detected", "default", "bytes-over-content-type",
  // "bytes-over-meta" (see CharsetDetector).
  std::string charset_source;
  int64_t bytes = 0;
  int64_t replacement_count = 0;
  // Sequences of mis-decoded text repaired after decoding (see MojibakeRepairer).
  int64_t mojibake_repairs = 0;
  // Memory per page is bounded by the page's size (README "Memory per page"):
  // HTML tags past the markup a page of its size may cost, read as spaces so
  // their text is kept as plain text (MarkupLimiter) ...
  int64_t tags_flattened = 0;
  // ... and text lines joined to the line before them past the blocks a text
  // page of its size may have (TextBlockBuilder).
  int64_t lines_merged = 0;
};

struct StageTimings {
  int64_t decode_us = 0;
  int64_t prepass_us = 0;  // HTML: the byte-level passes before Gumbo
  int64_t parse_us = 0;    // HTML: Gumbo
  int64_t blocks_us = 0;   // the tree or the lines turned into blocks
  int64_t classify_us = 0;
  int64_t select_us = 0;
  int64_t metadata_us = 0;
  int64_t output_us = 0;
  int64_t total_us = 0;
};

// Blocks dropped per kind, indexed by BlockKind; counted whether or not the removed
// blocks themselves are reported (for metrics).
using RemovedCounts = std::array<int32_t, static_cast<size_t>(BlockKind::kConsent) + 1>;

// One block as the score stage saw it: the rows a scorer is trained on come from the
// engine's own feature code, so training and serving cannot disagree.
struct BlockFeatureRow {
  std::string text;            // the block's text, whole
  std::vector<double> values;  // in BlockFeatureNames() order
  double score = 0;            // the scorer's score, favor included
  bool selected = false;       // in the article
  BlockKind kind = BlockKind::kNone;
};

// What kind of page this is, in the types of the WCXB benchmark's truth.
// kUnknown when no page-type model ran.
enum class PageType {
  kUnknown,
  kArticle,
  kForum,
  kProduct,
  kCollection,
  kListing,
  kDocumentation,
  kService,
};

// A short stable lower-case name ("article", "forum", ..., "unknown") for logs,
// JSON and metric labels: a closed set.
const char* PageTypeName(PageType type);

// The names of BlockFeatureRow::values, fixed for a build; stable order.
const std::vector<std::string>& BlockFeatureNames();

// The names of Result::page_features, the page-type model's input, fixed for a
// build; stable order (select/page_features.h computes them).
const std::vector<std::string>& PageFeatureNames();

struct Result {
  Article article;
  std::vector<RemovedBlock> removed;
  RemovedCounts removed_counts{};
  InputInfo input;
  StageTimings timings;
  PageType page_type = PageType::kUnknown;
  // The page-type model's probability of page_type, 0-1; 0 when kUnknown.
  double page_type_probability = 0;
  // How good the extraction is predicted to be, 0-1 (a predicted word F1 against
  // a reader's idea of the main content); callers route pages below their own
  // threshold elsewhere. 0 when no confidence model ran.
  double extraction_confidence = 0;
  // Every block in page order, when Options::report_block_features.
  std::vector<BlockFeatureRow> block_rows;
  // The page-level features the page-type model reads, in PageFeatureNames()
  // order, when Options::report_block_features; empty otherwise.
  std::vector<double> page_features;
};

}  // namespace declutter::extract

#endif  // DECLUTTER_SERVICE_EXTRACT_RESULT_H_
