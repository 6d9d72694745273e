// The engine's input: one page and how to clean it.
//
// A Page only borrows its bytes: the caller owns them and keeps them alive for
// the duration of the Clean() call that reads them.

#ifndef DECLUTTER_SERVICE_EXTRACT_PAGE_H_
#define DECLUTTER_SERVICE_EXTRACT_PAGE_H_

#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace declutter::extract {

// What the caller says the content is.
enum class InputKind { kAuto, kHtml, kText };

// How Article::text is written.
enum class OutputFormat { kText, kMarkdown, kHtml };

// Which way to lean on a block that could be content or boilerplate.
enum class Favor { kBalanced, kPrecision, kRecall };

class WorkBudget;
class BlockScorer;
class PageTypeClassifier;

// Which scorer rates each block as article text or not (score/).
enum class ScorerChoice {
  kHeuristic,  // hand-tuned evidence (score/heuristic_scorer)
  kLearned,    // the block model built into the engine (models/); HTML only
};

// Work the engine skips or does more cheaply because doing it fully cannot
// change the result. Each can be turned off, so that `declutter-speed
// --compare` can show on real pages that it does not; nothing but that check
// has reason to.
struct Shortcuts {
  // Empty script, style and comment bodies, drop unread attributes and cut
  // whitespace runs to one character before Gumbo (InertContentStripper).
  bool strip_inert_content = true;
  // Give Gumbo an arena and drop its tree at once (GumboArena).
  bool parse_arena = true;
  // Score each distinct class/id value once per page (HtmlBlockBuilder).
  bool memoize_class_hints = true;
};

struct Options {
  OutputFormat format = OutputFormat::kText;
  bool report_removed = false;
  // Return every block's features, score and verdict in Result::block_rows, and
  // the page-level features in Result::page_features: for training and
  // inspecting scorers and the page-type model (declutter-quality
  // --dump_features, --dump_page_features).
  bool report_block_features = false;
  Favor favor = Favor::kBalanced;
  ScorerChoice scorer = ScorerChoice::kLearned;
  // When set, scores the blocks instead of `scorer`: for dev tools that
  // evaluate models of their own (declutter-quality --cv_models). Borrowed for
  // the call.
  const BlockScorer* custom_scorer = nullptr;
  // When set, types HTML pages scored by a learned model instead of the
  // built-in page-type model (declutter-quality --cv_models). Borrowed.
  const PageTypeClassifier* custom_page_type = nullptr;
  // The page's deadline and cancellation; null means no limit. Borrowed for the
  // call.
  WorkBudget* budget = nullptr;
  Shortcuts shortcuts;
};

struct Page {
  absl::string_view content;       // raw bytes exactly as fetched
  absl::string_view url;           // where they came from; never fetched
  absl::string_view content_type;  // HTTP Content-Type value, charset included
  InputKind kind = InputKind::kAuto;
  // When the page was fetched: dates after it are rejected and relative dates
  // ("3 hours ago") count from it. InfiniteFuture when unknown: no date is
  // rejected for lateness and relative dates are not read.
  absl::Time fetched_at = absl::InfiniteFuture();
};

}  // namespace declutter::extract

#endif  // DECLUTTER_SERVICE_EXTRACT_PAGE_H_
