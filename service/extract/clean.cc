#include "service/extract/clean.h"

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "service/extract/output/article_writer.h"
#include "service/extract/score/block_classifier.h"
#include "service/extract/decode/page_decoder.h"
#include "service/extract/select/content_selector.h"
#include "service/extract/html/html_block_builder.h"
#include "service/extract/html/html_parser.h"
#include "service/extract/metadata/json_ld.h"
#include "service/extract/output/language_identifier.h"
#include "service/extract/text/line_repairer.h"
#include "service/extract/metadata/metadata_extractor.h"
#include "service/extract/text/pinyin_gloss_remover.h"
#include "service/extract/text/text_block_builder.h"
#include "service/extract/strings/text_normalizer.h"
#include "service/extract/strings/utf8.h"
#include "service/extract/output/word_counter.h"
#include "service/extract/work_budget.h"

namespace declutter::extract {
namespace {

// Microseconds since `*mark`, and moves the mark to now.
int64_t Lap(absl::Time* mark) {
  const absl::Time now = absl::Now();
  const int64_t us = absl::ToInt64Microseconds(now - *mark);
  *mark = now;
  return us;
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

// The page's title repeated as the first heading of the body is metadata, not text.
void DropTitleHeading(absl::string_view title, BlockList* blocks) {
  if (title.empty()) return;
  for (Block& b : *blocks) {
    if (!b.selected) continue;
    if (b.role == BlockRole::kHeading && b.text == title) {
      b.selected = false;
      b.kind = BlockKind::kMetadata;
      b.reason = "the article title";
    }
    return;  // only the first selected block can be the title
  }
}

// Structured data often carries HTML (tags, entities) inside its strings: read it as
// HTML, one line per block.
std::string PlainText(absl::string_view maybe_html) {
  if (maybe_html.find_first_of("<&") == absl::string_view::npos) return std::string(maybe_html);
  std::string out;
  for (const Block& b : HtmlBlockBuilder::Build(maybe_html).blocks) {
    absl::StrAppend(&out, out.empty() ? "" : "\n", b.text);
  }
  return out;
}

}  // namespace

absl::StatusOr<Result> Clean(const Page& page, const Options& options) {
  WorkBudget unlimited;
  WorkBudget& budget = options.budget != nullptr ? *options.budget : unlimited;
  const absl::Time start = absl::Now();
  absl::Time mark = start;
  Result result;
  InputInfo& input = result.input;
  input.bytes = static_cast<int64_t>(page.content.size());

  // Decode.
  absl::StatusOr<DecodedPage> decoded = DecodePage(page, &input);
  if (!decoded.ok()) return decoded.status();
  std::string& utf8 = decoded->utf8;
  const InputKind kind = decoded->kind;
  result.timings.decode_us = Lap(&mark);
  if (absl::Status s = budget.Check("parsing"); !s.ok()) return s;

  // Blocks, classification, selection, metadata.
  Article& article = result.article;
  BlockList blocks;
  std::string declared_language;
  if (kind == InputKind::kHtml) {
    HtmlDocument doc;
    {
      // The tree is freed as soon as the blocks are built: it is the largest thing
      // the engine holds.
      const ParsedHtml parsed = ParsedHtml::Parse(utf8, options.shortcuts);
      result.timings.prepass_us = parsed.prepass_us();
      result.timings.parse_us = parsed.parse_us();
      mark = absl::Now();
      if (absl::Status s = budget.Check("building blocks"); !s.ok()) return s;
      doc = HtmlBlockBuilder::FromTree(parsed.root(), &budget, options.shortcuts);
      result.timings.blocks_us = Lap(&mark);
    }
    if (absl::Status s = budget.Check("classification"); !s.ok()) return s;
    blocks = std::move(doc.blocks);
    BlockClassifier::Classify(options.favor, &blocks);
    result.timings.classify_us = Lap(&mark);
    if (absl::Status s = budget.Check("content selection"); !s.ok()) return s;
    ContentSelector::SelectHtml(options.favor, &doc.dom, &blocks);
    result.timings.select_us = Lap(&mark);
    if (absl::Status s = budget.Check("metadata"); !s.ok()) return s;
    const std::vector<JsonLdItem> json_ld = JsonLd::Parse(doc.facts.json_ld);
    MetadataExtractor::FromHtml(doc.facts, json_ld, blocks, page.url, page.fetched_at,
                                &article);
    DropTitleHeading(article.title, &blocks);
    ContentSelector::AddStructuredBody(PlainText(JsonLd::BodyText(json_ld)), &blocks);
    // <html lang> first; the Content-Language pragma is the older form of the same claim.
    declared_language = !doc.facts.lang.empty()
                            ? doc.facts.lang
                            : std::string(doc.facts.Meta("content-language"));
  } else {
    PinyinGlossRemover::Remove(&utf8);
    blocks = TextBlockBuilder::Build(utf8);
    LineRepairer::JoinPageFragments(&blocks);
    LineRepairer::SplitTrailingDisclaimers(&blocks);
    result.timings.blocks_us = Lap(&mark);
    if (absl::Status s = budget.Check("classification"); !s.ok()) return s;
    BlockClassifier::Classify(options.favor, &blocks);
    result.timings.classify_us = Lap(&mark);
    if (absl::Status s = budget.Check("content selection"); !s.ok()) return s;
    ContentSelector::SelectText(&blocks);
    result.timings.select_us = Lap(&mark);
    if (absl::Status s = budget.Check("metadata"); !s.ok()) return s;
    MetadataExtractor::FromText(page.fetched_at, &blocks, &article);
  }
  article.title = TextNormalizer::NormalizeInline(article.title);
  result.timings.metadata_us = Lap(&mark);
  if (absl::Status s = budget.Check("output"); !s.ok()) return s;

  // Normalise and write.
  for (Block& b : blocks) {
    if (!b.selected) continue;
    b.text = b.role == BlockRole::kPreformatted ? TextNormalizer::Nfc(b.text)
                                                : TextNormalizer::NormalizeInline(b.text);
    if (b.text.empty()) b.selected = false;
  }
  article.text = ArticleWriter::Write(blocks, options.format);
  const std::string plain = options.format == OutputFormat::kText
                                ? article.text
                                : ArticleWriter::Write(blocks, OutputFormat::kText);
  article.language = LanguageIdentifier::Identify(
      plain.empty() ? article.title : plain, declared_language);
  article.word_count = WordCounter::Count(plain);
  for (const Block& b : blocks) {
    if (b.selected) continue;
    ++result.removed_counts[static_cast<size_t>(b.kind == BlockKind::kNone ? BlockKind::kOther
                                                                         : b.kind)];
    if (options.report_removed) result.removed.push_back(ToRemoved(b));
  }
  result.timings.output_us = Lap(&mark);
  result.timings.total_us = absl::ToInt64Microseconds(absl::Now() - start);
  return result;
}

}  // namespace declutter::extract
