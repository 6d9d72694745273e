#include "bench/quality/quality_tally.h"

#include <algorithm>
#include <tuple>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "bench/quality/metadata_metric.h"

namespace declutter::bench {
namespace {

constexpr absl::string_view kReplacement = "\xEF\xBF\xBD";

// How many of `snippets` FoldForSnippet(text) == `folded` contains.
int CountSnippets(const std::string& folded,
                  const std::vector<std::string>& snippets) {
  int found = 0;
  for (const std::string& s : snippets) {
    found += folded.find(FoldForSnippet(s)) != std::string::npos;
  }
  return found;
}

}  // namespace

QualityTally::QualityTally(ContentMetric metric, bool score_metadata)
    : metric_(metric), score_metadata_(score_metadata) {}

void QualityTally::AddTime(absl::string_view id, double ms) {
  if (ms > slowest_ms_) {
    slowest_ms_ = ms;
    slowest_id_ = std::string(id);
  }
}

void QualityTally::AddPage(const BenchCase& c, absl::string_view bytes,
                           const extract::Article* article) {
  if (article == nullptr) {
    ++failures_;
  } else {
    ScoreDecoding(c, bytes, *article);
  }
  if (!c.has_truth) return;
  const absl::string_view predicted =
      article == nullptr ? absl::string_view() : article->text;
  if (metric_ == ContentMetric::kWords) {
    ScoreWords(c, predicted);
  } else {
    ScoreShingles(c, predicted);
  }
}

void QualityTally::ScoreField(const std::string& field, const std::string& id,
                              const std::string& truth,
                              const std::string& predicted, bool right) {
  if (truth.empty()) return;
  FieldSums& f = fields_[field];
  ++f.scored;
  f.right += right;
  if (!right) {
    f.misses.push_back(
        absl::StrCat(id, "  truth: ", truth, "  predicted: ", predicted));
  }
}

void QualityTally::ScoreDecoding(const BenchCase& c, absl::string_view bytes,
                                 const extract::Article& article) {
  if (!absl::StrContains(bytes, kReplacement) &&
      (absl::StrContains(article.text, kReplacement) ||
       absl::StrContains(article.title, kReplacement))) {
    replacement_pages_.push_back(c.id);
  }
  // A region the page adds ("en-GB") refines the truth's tag, it does not miss
  // it.
  ScoreField("language", c.id, c.language, article.language,
             article.language == c.language ||
                 absl::StartsWith(article.language, c.language + "-"));
  if (c.zh_metadata) {
    ScoreField("title", c.id, c.title, article.title,
               TitleMatches(c.title, article.title));
    ScoreField("date", c.id, c.published, article.published,
               DateMatches(c.published, article.published));
    ScoreField("authors", c.id, absl::StrJoin(c.authors, "; "),
               absl::StrJoin(article.authors, "; "),
               NamesAmong(c.authors, article.authors));
    ScoreField("editor", c.id, c.editor, article.editor,
               FoldedEqual(c.editor, article.editor));
    ScoreField("source", c.id, c.source, article.source,
               FoldedEqual(c.source, article.source));
    return;
  }
  if (!score_metadata_) return;
  ScoreField("title", c.id, c.title, article.title,
             TitleMatches(c.title, article.title));
  ScoreField("date", c.id, c.published, article.published,
             DateMatches(c.published, article.published));
  ScoreField("author", c.id, c.author, absl::StrJoin(article.authors, "; "),
             AuthorsMatch(c.author, article.authors));
}

void QualityTally::ScoreWords(const BenchCase& c, absl::string_view predicted) {
  const WordScore ws = bench::ScoreWords(c.truth, predicted);
  const std::string folded = FoldForSnippet(predicted);
  const int found = CountSnippets(folded, c.with);
  const int leaked = CountSnippets(folded, c.without);
  for (const std::string& type : {std::string("all"), c.page_type}) {
    TypeSums& t = types_[type];
    t.f1 += ws.f1;
    ++t.pages;
    t.with_found += found;
    t.with_total += c.with.size();
    t.without_leaked += leaked;
    t.without_total += c.without.size();
  }
  pages_.push_back(
      {ws.f1, absl::StrFormat("%s  %s  P=%.3f R=%.3f  with %d/%d  without "
                              "leaked %d/%d",
                              c.id, c.page_type, ws.precision, ws.recall, found,
                              c.with.size(), leaked, c.without.size())});
}

void QualityTally::ScoreShingles(const BenchCase& c,
                                 absl::string_view predicted) {
  const PageScore s = bench::ScoreShingles(c.truth, predicted);
  shingle_scores_.push_back(s);
  const double f1 = F1(s.precision, s.recall);
  pages_.push_back(
      {f1, absl::StrFormat("%s  P=%.3f R=%.3f", c.id, s.precision, s.recall)});
}

std::vector<QualityTally::PageLine> QualityTally::Worst(int n) const {
  std::vector<PageLine> sorted = pages_;
  std::sort(sorted.begin(), sorted.end(),
            [](const PageLine& a, const PageLine& b) {
              return std::tie(a.f1, a.text) < std::tie(b.f1, b.text);
            });
  if (n < static_cast<int>(sorted.size())) sorted.resize(std::max(n, 0));
  return sorted;
}

std::vector<std::string> QualityTally::Misses(const std::string& field,
                                              int n) const {
  auto it = fields_.find(field);
  if (it == fields_.end() || n <= 0) return {};
  const std::vector<std::string>& misses = it->second.misses;
  return {misses.begin(), misses.begin() + std::min<size_t>(n, misses.size())};
}

}  // namespace declutter::bench
