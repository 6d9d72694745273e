#include "service/extract/clean.h"

#include <type_traits>
#include <utility>

#include "absl/time/clock.h"
#include "service/extract/blocks/block_featurizer.h"
#include "service/extract/decode/page_decoder.h"
#include "service/extract/html/html_block_builder.h"
#include "service/extract/html/html_parser.h"
#include "service/extract/metadata/json_ld.h"
#include "service/extract/metadata/metadata_extractor.h"
#include "service/extract/output/article_writer.h"
#include "service/extract/output/language_identifier.h"
#include "service/extract/output/word_counter.h"
#include "service/extract/score/block_classifier.h"
#include "service/extract/score/block_feature_rows.h"
#include "service/extract/score/builtin_models.h"
#include "service/extract/score/scoring_params.h"
#include "service/extract/select/extraction_confidence.h"
#include "service/extract/select/html_selector.h"
#include "service/extract/select/page_features.h"
#include "service/extract/select/page_type_classifier.h"
#include "service/extract/select/selection_finaliser.h"
#include "service/extract/select/text_selector.h"
#include "service/extract/strings/text_normalizer.h"
#include "service/extract/strings/utf8.h"
#include "service/extract/text/line_repairer.h"
#include "service/extract/text/pinyin_gloss_remover.h"
#include "service/extract/text/text_block_builder.h"
#include "service/extract/work_budget.h"

namespace declutter::extract {
namespace {

// Runs the stages of one page: checks the page's budget before each stage and
// adds the stage's time to its StageTimings field, so the pipeline below reads
// as the stages alone.
class StageRunner {
 public:
  StageRunner(WorkBudget* budget, StageTimings* timings)
      : budget_(budget), timings_(timings) {}

  // Checks the budget (naming `next`, the stage about to start), then runs
  // `stage`, which returns void or absl::Status, timing it into `field`.
  template <typename Stage>
  absl::Status Run(absl::string_view next, int64_t StageTimings::*field,
                   Stage&& stage) {
    if (absl::Status s = budget_->Check(next); !s.ok()) return s;
    const absl::Time start = absl::Now();
    absl::Status status;
    if constexpr (std::is_void_v<decltype(stage())>) {
      stage();
    } else {
      status = stage();
    }
    timings_->*field += absl::ToInt64Microseconds(absl::Now() - start);
    return status;
  }

  // The budget check alone, for a stage that times itself.
  absl::Status Check(absl::string_view next) const {
    return budget_->Check(next);
  }

  WorkBudget* budget() const { return budget_; }

 private:
  WorkBudget* budget_;
  StageTimings* timings_;
};

// The scorer `options` ask for; the built-in model's load error if it is asked
// for and cannot be loaded. The block model is trained on HTML pages: text
// pages (no DOM features) keep the heuristic scorer.
absl::StatusOr<const BlockScorer*> ChooseScorer(const Options& options,
                                                bool html) {
  if (options.custom_scorer != nullptr) return options.custom_scorer;
  if (options.scorer == ScorerChoice::kLearned && html)
    return BuiltinBlockScorer();
  return &HeuristicBlockScorer();
}

// The page-type model, when blocks were scored by a learned model (it types
// pages from their scored blocks, and only a learned scorer's probabilities
// serve its profiles); null otherwise.
absl::StatusOr<const PageTypeClassifier*> ChoosePageTypeClassifier(
    const Options& options, const BlockList& blocks) {
  if (blocks.empty() || blocks.front().content_probability < 0) {
    return nullptr;
  }
  if (options.custom_page_type != nullptr) return options.custom_page_type;
  return BuiltinPageTypeClassifier();
}

// What the parse-or-split stages leave for the rest of the pipeline.
struct PageBlocks {
  BlockList blocks;
  DomTree dom;                      // HTML only
  HtmlFacts facts;                  // HTML only
  std::vector<JsonLdItem> json_ld;  // HTML only: facts.json_ld parsed
  bool html = false;
};

// Parse and blocks, HTML: the tree is freed as soon as the blocks are built,
// since it is the largest thing the engine holds.
// The markup may cost what the page as it came allows (MarkupLimits::ForPage),
// not what its decoded copy would.
absl::Status BuildHtmlBlocks(absl::string_view utf8, const Options& options,
                             StageRunner* stages, Result* result,
                             PageBlocks* out) {
  const ParsedHtml parsed = ParsedHtml::Parse(
      utf8, options.shortcuts, MarkupLimits::ForPage(result->input.bytes));
  result->timings.prepass_us = parsed.prepass_us();
  result->timings.parse_us = parsed.parse_us();
  result->input.tags_flattened = parsed.markup_stats().tags_flattened;
  return stages->Run("building blocks", &StageTimings::blocks_us, [&] {
    HtmlDocument doc = HtmlBlockBuilder::FromTree(
        parsed.root(), stages->budget(), options.shortcuts);
    out->blocks = std::move(doc.blocks);
    out->dom = std::move(doc.dom);
    out->facts = std::move(doc.facts);
    out->html = true;
  });
}

// Split, text: lines into blocks, with page fragments joined and trailing
// disclaimers split off.
void BuildTextBlocks(std::string* utf8, int64_t page_bytes, InputInfo* input,
                     PageBlocks* out) {
  PinyinGlossRemover::Remove(utf8);
  out->blocks = TextBlockBuilder::Build(
      *utf8, TextBlockBuilder::MaxBlocksForPage(page_bytes),
      &input->lines_merged);
  LineRepairer::JoinPageFragments(&out->blocks);
  LineRepairer::SplitTrailingDisclaimers(&out->blocks);
}

// What the metadata stage finds beside the Article.
struct PageMetadata {
  std::string structured_body;  // JSON-LD articleBody and the like, maybe HTML
  std::string declared_language;  // <html lang> or Content-Language
};

// Metadata: from the head, JSON-LD and the blocks (HTML), or from the lines
// (text).
void ExtractMetadata(const Page& page, PageBlocks* page_blocks,
                     Article* article, PageMetadata* found) {
  BlockList& blocks = page_blocks->blocks;
  if (!page_blocks->html) {
    MetadataExtractor::FromText(page.fetched_at, &blocks, article);
    return;
  }
  const HtmlFacts& facts = page_blocks->facts;
  const std::vector<JsonLdItem>& json_ld = page_blocks->json_ld;
  MetadataExtractor::FromHtml(facts, json_ld, blocks, page.url, page.fetched_at,
                              article);
  found->structured_body = JsonLd::BodyText(json_ld);
  // <html lang> first; the Content-Language pragma is the older form of the
  // same claim.
  found->declared_language = !facts.lang.empty()
                                 ? facts.lang
                                 : std::string(facts.Meta("content-language"));
}

// Finalise: the selection's last edits, which need the metadata (HTML only).
absl::Status FinaliseSelection(const Article& article,
                               const PageMetadata& found, WorkBudget* budget,
                               PageBlocks* page_blocks) {
  if (!page_blocks->html) return absl::OkStatus();
  DropTitleHeading(article.title, &page_blocks->blocks);
  return AddStructuredBodyText(kScoringParams, found.structured_body, budget,
                               &page_blocks->blocks);
}

RemovedBlock ToRemoved(const Block& b) {
  RemovedBlock r;
  r.kind = b.kind == BlockKind::kNone ? BlockKind::kOther : b.kind;
  r.reason = b.reason;
  size_t i = 0;
  int chars = 0;
  while (i < b.text.size() && chars < kMaxRemovedTextChars) {
    NextCodePoint(b.text, &i);
    ++chars;
  }
  r.text = b.text.substr(0, i);
  r.truncated = i < b.text.size();
  return r;
}

// Output: the selected blocks normalised and written; language, word count, and
// what was removed.
void WriteOutput(const Options& options, absl::string_view declared_language,
                 BlockList* blocks, Result* result) {
  Article& article = result->article;
  for (Block& b : *blocks) {
    if (!b.selected) continue;
    b.text = b.role == BlockRole::kPreformatted
                 ? TextNormalizer::Nfc(b.text)
                 : TextNormalizer::NormalizeInline(b.text);
    if (b.text.empty()) b.selected = false;
  }
  article.text = ArticleWriter::Write(*blocks, options.format);
  const std::string plain =
      options.format == OutputFormat::kText
          ? article.text
          : ArticleWriter::Write(*blocks, OutputFormat::kText);
  article.language = LanguageIdentifier::Identify(
      plain.empty() ? article.title : plain, declared_language);
  article.word_count = WordCounter::Count(plain);
  for (const Block& b : *blocks) {
    if (b.selected) continue;
    const BlockKind kind =
        b.kind == BlockKind::kNone ? BlockKind::kOther : b.kind;
    ++result->removed_counts[static_cast<size_t>(kind)];
    if (options.report_removed) result->removed.push_back(ToRemoved(b));
  }
  if (options.report_block_features)
    result->block_rows = BlockFeatureRows(*blocks);
}

}  // namespace

absl::Status LoadBuiltinModels() {
  if (absl::StatusOr<const BlockScorer*> s = BuiltinBlockScorer(); !s.ok())
    return s.status();
  if (absl::StatusOr<const PageTypeClassifier*> c = BuiltinPageTypeClassifier();
      !c.ok())
    return c.status();
  return BuiltinConfidenceEstimator().status();
}

absl::StatusOr<Result> Clean(const Page& page, const Options& options) {
  WorkBudget unlimited;
  const absl::Time start = absl::Now();
  Result result;
  result.input.bytes = static_cast<int64_t>(page.content.size());
  StageRunner stages(options.budget != nullptr ? options.budget : &unlimited,
                     &result.timings);

  absl::StatusOr<DecodedPage> decoded;
  absl::Status s = stages.Run("decoding", &StageTimings::decode_us, [&] {
    decoded = DecodePage(page, &result.input);
  });
  if (!s.ok()) return s;
  if (!decoded.ok()) return decoded.status();
  std::string& utf8 = decoded->utf8;

  PageBlocks page_blocks;
  BlockList& blocks = page_blocks.blocks;
  if (decoded->kind == InputKind::kHtml) {
    s = stages.Check("parsing");
    if (s.ok())
      s = BuildHtmlBlocks(utf8, options, &stages, &result, &page_blocks);
  } else {
    s = stages.Run("building blocks", &StageTimings::blocks_us, [&] {
      BuildTextBlocks(&utf8, result.input.bytes, &result.input, &page_blocks);
    });
  }
  if (!s.ok()) return s;
  // JSON-LD is parsed once, before the page features and the metadata stage
  // read it; its time is the metadata stage's.
  if (page_blocks.html) {
    s = stages.Run("reading JSON-LD", &StageTimings::metadata_us, [&] {
      page_blocks.json_ld = JsonLd::Parse(page_blocks.facts.json_ld);
    });
    if (!s.ok()) return s;
  }

  s = stages.Run("classification", &StageTimings::classify_us, [&] {
    ComputeBlockFeatures(page_blocks.html ? &page_blocks.dom : nullptr,
                         &blocks);
    absl::StatusOr<const BlockScorer*> scorer =
        ChooseScorer(options, page_blocks.html);
    if (!scorer.ok()) return scorer.status();
    return ClassifyBlocks(**scorer, kScoringParams, options.favor, &blocks);
  });
  if (!s.ok()) return s;

  s = stages.Run("content selection", &StageTimings::select_us, [&] {
    // The page-type model's input, from the scored blocks before selection
    // rewrites the DOM's aggregates; the model runs with a learned scorer on
    // HTML pages, whose probabilities the type's profile selects with.
    absl::StatusOr<const PageTypeClassifier*> classifier =
        ChoosePageTypeClassifier(options, blocks);
    if (!classifier.ok()) return classifier.status();
    if (options.report_block_features || *classifier != nullptr) {
      PageEvidence evidence;
      evidence.url = page.url;
      evidence.blocks = &blocks;
      if (page_blocks.html) {
        evidence.facts = &page_blocks.facts;
        evidence.json_ld = &page_blocks.json_ld;
        evidence.dom = &page_blocks.dom;
      }
      result.page_features = PageFeatureValues(kScoringParams, evidence);
    }
    if (*classifier != nullptr) {
      absl::StatusOr<PageTypeGuess> guess =
          (*classifier)->Classify(result.page_features);
      if (!guess.ok()) return guess.status();
      result.page_type = guess->type;
      result.page_type_probability = guess->probability;
      absl::StatusOr<const ConfidenceEstimator*> estimator =
          BuiltinConfidenceEstimator();
      if (!estimator.ok()) return estimator.status();
      absl::StatusOr<double> confidence =
          (*estimator)->Estimate(result.page_features);
      if (!confidence.ok()) return confidence.status();
      result.extraction_confidence = *confidence;
    }
    if (!options.report_block_features) result.page_features.clear();
    if (page_blocks.html) {
      SelectHtml(kScoringParams, &page_blocks.dom, &blocks, result.page_type,
                 result.page_type_probability);
    } else {
      SelectText(kScoringParams, &blocks);
    }
    return absl::OkStatus();
  });
  if (!s.ok()) return s;

  PageMetadata found;
  s = stages.Run("metadata", &StageTimings::metadata_us, [&] {
    ExtractMetadata(page, &page_blocks, &result.article, &found);
    absl::Status finalised =
        FinaliseSelection(result.article, found, stages.budget(), &page_blocks);
    result.article.title =
        TextNormalizer::NormalizeInline(result.article.title);
    return finalised;
  });
  if (!s.ok()) return s;

  s = stages.Run("output", &StageTimings::output_us, [&] {
    WriteOutput(options, found.declared_language, &blocks, &result);
  });
  if (!s.ok()) return s;
  result.timings.total_us = absl::ToInt64Microseconds(absl::Now() - start);
  return result;
}

}  // namespace declutter::extract
