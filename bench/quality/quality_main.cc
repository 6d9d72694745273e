// declutter-quality: runs the engine over a benchmark folder and prints the
// benchmark's own metric (../shared/data/README.md), overall and for the worst
// pages.
//
// clang-format off
//   declutter-quality --set scrapinghub --data ../shared/data/scrapinghub [--worst 10]
//   declutter-quality --set magic-html --data ../shared/data/magic-html [--zh_only]
//   declutter-quality --set magic-html-forum --data ../shared/data/magic-html
//   declutter-quality --set gne-zh --data ../shared/data/gne-zh
//   declutter-quality --set wcxb --data ../shared/data/wcxb-dev [--limit N]
//   declutter-quality --set wcxb-text --data ../shared/data/wcxb-dev --limit 300
//   declutter-quality --set wcxb --data ../shared/data/wcxb-dev --dump_features rows.tsv
//   declutter-quality --set wcxb --data ../shared/data/wcxb-dev --cv_models build/train/cv
//   declutter-quality --set scrapinghub --data ../shared/data/scrapinghub --scorer heuristic
//   declutter-quality --set wcxb-flat --data ../shared/data/wcxb-dev --flat DIR
//   declutter-quality --set seeds --data ../shared/seeds
//   declutter-quality --set wcxb --data ../shared/data/wcxb-dev --dump_page_features pages.tsv
// clang-format on
//
// --dump_features writes one row per block of every page: the engine's own
// features, score and verdict, and a label against the truth
// (bench/quality/feature_dump.h). --dump_page_features writes one row per page:
// the page-type model's features and the page's word F1 (PageFeatureDump).
//
// wcxb-text is the no-harm check for the text path: each page's ground-truth
// main_content is sent as text/plain and must come back whole (word F1 against
// itself).
//
// wcxb-flat is the text path on scraped text: each wcxb page flattened the way
// a simple scraper does (train/flatten_html.py writes DIR/ID.txt; nav and
// footers kept) is sent as text/plain with its URL and scored against the
// page's truth like wcxb. seeds sends the seed pages (*.txt) as text and scores
// them with the shingle metric against their expected body lines (the golden
// test, tests/golden, checks the rest of their expectations).
//
// Every set also gets the decoding checks: pages whose output has U+FFFD
// although the page's bytes had none, and the language against
// data/languages.tsv (--misses language lists the misses). gne-zh has no
// content truth: it is scored on these checks only.
//
// The engine runs in-process on one thread, exactly as the CLI and server call
// it.

#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "bench/quality/bench_case.h"
#include "bench/quality/case_scorers.h"
#include "bench/quality/feature_dump.h"
#include "bench/quality/quality_tally.h"
#include "bench/quality/shingle_metric.h"
#include "service/api/input_reader.h"
#include "service/extract/clean.h"

ABSL_FLAG(std::string, set, "scrapinghub",
          "benchmark: scrapinghub, magic-html, magic-html-forum, gne-zh, wcxb, "
          "wcxb-text, wcxb-flat or seeds");
ABSL_FLAG(std::string, data, "", "the benchmark's folder under shared/data");
ABSL_FLAG(int, worst, 10, "how many of the worst pages to list");
ABSL_FLAG(bool, zh_only, false,
          "magic-html: only the Chinese pages (zh_ids.json)");
ABSL_FLAG(int, limit, 0,
          "score only the first N pages in id order; 0 means all");
ABSL_FLAG(std::string, type, "", "wcxb: only pages of this primary type");
ABSL_FLAG(std::string, misses, "",
          "list up to --worst pages whose language (any set) or title, date or "
          "author "
          "(wcxb) is wrong");
ABSL_FLAG(
    std::string, languages, DECLUTTER_BENCH_DATA "/languages.tsv",
    "the language truth: lines of set, page id and BCP 47 tag, tab-separated");
ABSL_FLAG(std::string, show, "",
          "print one page's truth, prediction and removed blocks, then exit");
ABSL_FLAG(std::string, flat, "",
          "wcxb-flat: the folder of flattened pages (ID.txt), from "
          "train/flatten_html.py");
ABSL_FLAG(std::string, dump_features, "",
          "write one row per block (features, score, verdict, label against "
          "the truth) "
          "to this file, tab-separated");

ABSL_FLAG(std::string, scorer, "learned",
          "the engine's block scorer: learned (its built-in model, the "
          "default) or heuristic");
ABSL_FLAG(std::string, block_model, "",
          "score every page's blocks with this XGBoost JSON model instead");
ABSL_FLAG(std::string, cv_models, "",
          "wcxb: score each page with the model of its fold, from this folder "
          "of fold_K.json and folds.tsv (train/train.sh writes it), so no page "
          "is scored by a model trained on its domain");
ABSL_FLAG(std::string, dump_page_features, "",
          "write one row per page (page-type features, word F1 against the "
          "truth) to this file, tab-separated");

namespace {

using declutter::bench::BenchCase;
using declutter::bench::CaseScorers;
using declutter::bench::QualityTally;
using google::protobuf::Struct;
using google::protobuf::Value;

// A case scored on its content truth alone.
BenchCase ContentCase(const std::string& id, std::string html_path,
                      std::string truth, std::string url) {
  BenchCase c;
  c.id = id;
  c.html_path = std::move(html_path);
  c.truth = std::move(truth);
  c.url = std::move(url);
  return c;
}

bool LoadJson(const declutter::api::InputReader& reader,
              const std::string& path, Value* out) {
  absl::StatusOr<std::string> text = reader.Read(path);
  if (!text.ok()) {
    std::cerr << text.status().message() << "\n";
    return false;
  }
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = true;
  auto status =
      google::protobuf::util::JsonStringToMessage(*text, out, options);
  if (!status.ok()) {
    std::cerr << path << ": not valid JSON: " << status.ToString() << "\n";
    return false;
  }
  return true;
}

std::string Field(const Value& v, const std::string& key) {
  if (!v.has_struct_value()) return "";
  const auto& fields = v.struct_value().fields();
  auto it = fields.find(key);
  return it == fields.end() ? "" : it->second.string_value();
}

std::vector<std::string> Strings(const Value& v, const std::string& key) {
  std::vector<std::string> out;
  if (!v.has_struct_value()) return out;
  const auto& fields = v.struct_value().fields();
  auto it = fields.find(key);
  if (it == fields.end()) return out;
  for (const Value& item : it->second.list_value().values()) {
    if (!item.string_value().empty()) out.push_back(item.string_value());
  }
  return out;
}

std::vector<BenchCase> LoadScrapinghub(
    const declutter::api::InputReader& reader, const std::string& dir) {
  std::vector<BenchCase> cases;
  Value truth;
  if (!LoadJson(reader, dir + "/ground-truth.json", &truth)) return cases;
  for (const auto& [id, v] : truth.struct_value().fields()) {
    cases.push_back(ContentCase(id, absl::StrCat(dir, "/html/", id, ".html.gz"),
                                Field(v, "articleBody"), Field(v, "url")));
  }
  return cases;
}

// magic-html's article pages, or its forum pages with `forum`.
std::vector<BenchCase> LoadMagicHtml(const declutter::api::InputReader& reader,
                                     const std::string& dir, bool forum,
                                     bool zh_only) {
  std::vector<BenchCase> cases;
  const std::string part = forum ? "/forum" : "/article";
  Value truth;
  if (!LoadJson(reader, dir + part + "/base.json", &truth)) return cases;
  absl::flat_hash_set<std::string> zh;
  Value ids;
  if (zh_only && LoadJson(reader, dir + part + "/zh_ids.json", &ids)) {
    for (const Value& id : ids.list_value().values())
      zh.insert(id.string_value());
  }
  for (const auto& [id, v] : truth.struct_value().fields()) {
    if (zh_only && !zh.contains(id)) continue;
    cases.push_back(
        ContentCase(id, absl::StrCat(dir, part, "/html/", id, ".html.gz"),
                    Field(v, "content"), Field(v, "url")));
  }
  return cases;
}

// The hand-checked Chinese metadata at `path` (id -> {title, authors, editor,
// source, published, ...}), added to the cases with those ids.
void AddChineseMetadata(const declutter::api::InputReader& reader,
                        const std::string& path,
                        std::vector<BenchCase>* cases) {
  Value truth;
  if (!LoadJson(reader, path, &truth)) return;
  const auto& pages = truth.struct_value().fields();
  for (BenchCase& c : *cases) {
    auto it = pages.find(c.id);
    if (it == pages.end()) continue;
    c.zh_metadata = true;
    c.title = Field(it->second, "title");
    c.published = Field(it->second, "published");
    c.authors = Strings(it->second, "authors");
    c.editor = Field(it->second, "editor");
    c.source = Field(it->second, "source");
  }
}

std::vector<BenchCase> LoadGneZh(const std::string& dir) {
  std::vector<BenchCase> cases;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir + "/html", ec)) {
    BenchCase c;
    c.id = e.path().filename().string();
    c.id = c.id.substr(0, c.id.find('.'));
    c.html_path = e.path().string();
    c.has_truth = false;
    cases.push_back(std::move(c));
  }
  return cases;
}

// One wcxb ground-truth file's case, without the page itself.
BenchCase WcxbTruth(const std::string& id, const Value& page) {
  const auto& fields = page.struct_value().fields();
  BenchCase c;
  c.id = id;
  c.url = Field(page, "url");
  if (auto gt = fields.find("ground_truth"); gt != fields.end()) {
    c.truth = Field(gt->second, "main_content");
    c.with = Strings(gt->second, "with");
    c.without = Strings(gt->second, "without");
    c.title = Field(gt->second, "title");
    c.author = Field(gt->second, "author");
    c.published = Field(gt->second, "publish_date");
  }
  if (auto in = fields.find("_internal");
      in != fields.end() && in->second.has_struct_value()) {
    const auto& internal = in->second.struct_value().fields();
    if (auto t = internal.find("page_type"); t != internal.end()) {
      c.page_type = Field(t->second, "primary");
    }
  }
  return c;
}

// wcxb's pages, or with `text` (wcxb-text) each page's truth sent as plain
// text, or with a `flat_dir` (wcxb-flat) the page's flattened text from there.
std::vector<BenchCase> LoadWcxb(const declutter::api::InputReader& reader,
                                const std::string& dir, bool text,
                                const std::string& flat_dir = "") {
  std::vector<BenchCase> cases;
  std::error_code ec;
  std::vector<std::string> files;
  for (const auto& e :
       std::filesystem::directory_iterator(dir + "/ground-truth", ec)) {
    files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  for (const std::string& file : files) {
    Value page;
    if (!LoadJson(reader, file, &page)) continue;
    const std::string id = std::filesystem::path(file).stem().string();
    BenchCase c = WcxbTruth(id, page);
    if (text) {
      c.inline_content = c.truth;
      c.content_type = "text/plain; charset=utf-8";
    } else if (!flat_dir.empty()) {
      c.html_path = absl::StrCat(flat_dir, "/", id, ".txt");
      c.content_type = "text/plain; charset=utf-8";
    } else {
      c.html_path = absl::StrCat(dir, "/html/", id, ".html.gz");
    }
    cases.push_back(std::move(c));
  }
  return cases;
}

// The seed pages: ID.txt sent as text, scored against the body lines of
// ID.expected.json (optional lines count as neither kept nor dropped there;
// here they are simply not in the truth).
std::vector<BenchCase> LoadSeeds(const declutter::api::InputReader& reader,
                                 const std::string& dir) {
  std::vector<BenchCase> cases;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    const std::string name = e.path().filename().string();
    const std::string suffix = ".expected.json";
    if (name.size() <= suffix.size() ||
        name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0)
      continue;
    Value expected;
    if (!LoadJson(reader, e.path().string(), &expected)) continue;
    BenchCase c;
    c.id = name.substr(0, name.size() - suffix.size());
    c.html_path = absl::StrCat(dir, "/", Field(expected, "input"));
    c.content_type = "text/plain; charset=utf-8";
    c.truth = absl::StrJoin(Strings(expected, "body"), "\n");
    cases.push_back(std::move(c));
  }
  return cases;
}

// The set's cases in id order; none, with a message, for an unknown set.
std::vector<BenchCase> LoadCases(const std::string& set, const std::string& dir,
                                 bool zh_only) {
  declutter::api::InputReader reader(1u << 30);
  std::vector<BenchCase> cases;
  if (set == "scrapinghub") {
    cases = LoadScrapinghub(reader, dir);
  } else if (set == "magic-html" || set == "magic-html-forum") {
    cases = LoadMagicHtml(reader, dir, set == "magic-html-forum", zh_only);
    if (set == "magic-html")
      AddChineseMetadata(reader, dir + "/article/zh_metadata.json", &cases);
  } else if (set == "gne-zh") {
    cases = LoadGneZh(dir);
    AddChineseMetadata(reader, dir + "/metadata.json", &cases);
  } else if (set == "wcxb" || set == "wcxb-text") {
    cases = LoadWcxb(reader, dir, set == "wcxb-text");
  } else if (set == "wcxb-flat") {
    const std::string flat = absl::GetFlag(FLAGS_flat);
    if (flat.empty()) {
      std::cerr << "--set wcxb-flat needs --flat: the folder that "
                   "train/flatten_html.py wrote\n";
    } else {
      cases = LoadWcxb(reader, dir, /*text=*/false, flat);
    }
  } else if (set == "seeds") {
    cases = LoadSeeds(reader, dir);
  } else {
    std::cerr << "--set is \"" << set
              << "\": expected scrapinghub, magic-html, magic-html-forum, "
                 "gne-zh, wcxb, wcxb-text, wcxb-flat or seeds\n";
  }
  std::sort(cases.begin(), cases.end(),
            [](const BenchCase& a, const BenchCase& b) { return a.id < b.id; });
  return cases;
}

// LoadCases, then only the pages of --type, then only the first --limit.
std::vector<BenchCase> SelectCases(const std::string& set,
                                   const std::string& dir) {
  std::vector<BenchCase> cases =
      LoadCases(set, dir, absl::GetFlag(FLAGS_zh_only));
  if (const std::string type = absl::GetFlag(FLAGS_type); !type.empty()) {
    std::erase_if(cases,
                  [&](const BenchCase& c) { return c.page_type != type; });
  }
  if (const int limit = absl::GetFlag(FLAGS_limit);
      limit > 0 && cases.size() > static_cast<size_t>(limit)) {
    cases.resize(limit);
  }
  return cases;
}

// Fills each case's language from the truth file's rows for `set`.
void LoadLanguages(const std::string& path, const std::string& set,
                   std::vector<BenchCase>* cases) {
  declutter::api::InputReader reader(16u << 20);
  absl::StatusOr<std::string> text = reader.Read(path);
  if (!text.ok()) {
    std::cerr << "--languages: " << text.status().message() << "\n";
    return;
  }
  std::map<std::string, std::string> language;
  for (absl::string_view line : absl::StrSplit(*text, '\n')) {
    if (line.empty() || line.front() == '#') continue;
    std::vector<std::string> cols = absl::StrSplit(line, '\t');
    if (cols.size() == 3 && cols[0] == set) language[cols[1]] = cols[2];
  }
  for (BenchCase& c : *cases) {
    if (auto it = language.find(c.id); it != language.end())
      c.language = it->second;
  }
}

// Runs the engine on one page of the set, as the CLI and server call it.
absl::StatusOr<declutter::extract::Result> CleanCase(
    const BenchCase& c, const std::string& html, const CaseScorers& scorers,
    bool report_removed, bool report_features = false) {
  absl::StatusOr<const declutter::extract::BlockScorer*> scorer =
      scorers.ForPage(c.id);
  if (!scorer.ok()) return scorer.status();
  declutter::extract::Page page;
  page.content = html;
  page.url = c.url;
  page.content_type = c.content_type;
  declutter::extract::Options options;
  options.report_removed = report_removed;
  options.report_block_features = report_features;
  options.scorer = absl::GetFlag(FLAGS_scorer) == "learned"
                       ? declutter::extract::ScorerChoice::kLearned
                       : declutter::extract::ScorerChoice::kHeuristic;
  options.custom_scorer = *scorer;
  absl::StatusOr<const declutter::extract::PageTypeClassifier*> page_type =
      scorers.PageTypeForPage(c.id);
  if (!page_type.ok()) return page_type.status();
  options.custom_page_type = *page_type;
  return declutter::extract::Clean(page, options);
}

// Prints one page's truth, prediction and removed blocks: the view for working
// on a page the scores point at.
void Show(const BenchCase& c, const std::string& html,
          const CaseScorers& scorers) {
  absl::StatusOr<declutter::extract::Result> result =
      CleanCase(c, html, scorers, /*report_removed=*/true);
  std::printf("=== %s  %s  %s\n=== TRUTH\n%s\n", c.id.c_str(),
              c.page_type.c_str(), c.url.c_str(), c.truth.c_str());
  if (!result.ok()) {
    std::printf("=== ERROR %s\n",
                std::string(result.status().message()).c_str());
    return;
  }
  std::printf("=== PREDICTED (title: %s)\n%s\n=== REMOVED\n",
              result->article.title.c_str(), result->article.text.c_str());
  for (const auto& r : result->removed) {
    std::printf("[%s] %s | %s\n",
                std::string(declutter::extract::BlockKindName(r.kind)).c_str(),
                r.reason.c_str(), r.text.c_str());
  }
}

// The page's bytes: read from its file, or the case's own content.
absl::StatusOr<std::string> ReadPage(const declutter::api::InputReader& reader,
                                     const BenchCase& c) {
  return c.html_path.empty() ? absl::StatusOr<std::string>(c.inline_content)
                             : reader.Read(c.html_path);
}

// --show: Show for the case `id`; the exit status.
int ShowCase(const std::vector<BenchCase>& cases, const std::string& id,
             const declutter::api::InputReader& reader,
             const CaseScorers& scorers) {
  for (const BenchCase& c : cases) {
    if (c.id != id) continue;
    absl::StatusOr<std::string> html = ReadPage(reader, c);
    if (!html.ok()) {
      std::cerr << id << ": " << html.status().message() << "\n";
      return 1;
    }
    Show(c, *html, scorers);
    return 0;
  }
  std::cerr << "--show " << id << ": no such page in the set\n";
  return 1;
}

// Opens --dump_features into `dump` when it is given; false, with a message,
// when it cannot be opened.
bool OpenDump(std::optional<declutter::bench::FeatureDump>* dump) {
  const std::string path = absl::GetFlag(FLAGS_dump_features);
  if (path.empty()) return true;
  absl::StatusOr<declutter::bench::FeatureDump> opened =
      declutter::bench::FeatureDump::Open(path);
  if (!opened.ok()) {
    std::cerr << opened.status().message() << "\n";
    return false;
  }
  dump->emplace(*std::move(opened));
  return true;
}

// Opens --dump_page_features into `dump` when it is given; false, with a
// message, when it cannot be opened.
bool OpenPageDump(std::optional<declutter::bench::PageFeatureDump>* dump) {
  const std::string path = absl::GetFlag(FLAGS_dump_page_features);
  if (path.empty()) return true;
  absl::StatusOr<declutter::bench::PageFeatureDump> opened =
      declutter::bench::PageFeatureDump::Open(path);
  if (!opened.ok()) {
    std::cerr << opened.status().message() << "\n";
    return false;
  }
  dump->emplace(*std::move(opened));
  return true;
}

// Cleans one case, times it, writes its rows to `dump` and its page row to
// `page_dump` (each when not null) and gives the outcome to `tally`. An error
// only when a dump cannot be written; a page that fails is the tally's, and is
// named on stderr.
absl::Status ScoreCase(const std::string& set, const BenchCase& c,
                       const declutter::api::InputReader& reader,
                       const CaseScorers& scorers,
                       declutter::bench::FeatureDump* dump,
                       declutter::bench::PageFeatureDump* page_dump,
                       QualityTally* tally) {
  absl::StatusOr<std::string> html = ReadPage(reader, c);
  if (!html.ok()) {
    std::cerr << c.id << ": " << html.status().message() << "\n";
    tally->AddPage(c, "", nullptr);
    return absl::OkStatus();
  }
  const absl::Time start = absl::Now();
  absl::StatusOr<declutter::extract::Result> result =
      CleanCase(c, *html, scorers, /*report_removed=*/false,
                /*report_features=*/dump != nullptr || page_dump != nullptr);
  tally->AddTime(c.id, absl::ToDoubleMilliseconds(absl::Now() - start));
  if (!result.ok()) {
    std::cerr << c.id << ": " << result.status().message() << "\n";
    tally->AddPage(c, *html, nullptr);
    return absl::OkStatus();
  }
  if (dump != nullptr && c.has_truth) {
    if (absl::Status s = dump->Write(set, c.id, c.page_type, c.truth, *result);
        !s.ok()) {
      return s;
    }
  }
  if (page_dump != nullptr) {
    if (absl::Status s =
            page_dump->Write(set, c.id, c.page_type, c.url, c.truth, *result);
        !s.ok()) {
      return s;
    }
  }
  if (result->input.tags_flattened > 0 || result->input.lines_merged > 0)
    tally->AddStructureLimited(c.id);
  tally->AddPage(c, *html, &result->article);
  return absl::OkStatus();
}

double Rate(int n, int total) { return total == 0 ? 0.0 : double(n) / total; }

// The decoding checks' lines, then the set's metric.
void PrintSummary(const std::string& set, size_t pages, bool word_metric,
                  const QualityTally& tally) {
  const std::vector<std::string>& fffd = tally.replacement_pages();
  std::printf("%s: pages=%zu with U+FFFD their bytes lacked=%d%s%s\n",
              set.c_str(), pages, static_cast<int>(fffd.size()),
              fffd.empty() ? "" : " ", absl::StrJoin(fffd, " ").c_str());
  const std::vector<std::string>& limited = tally.structure_limited_pages();
  std::printf(
      "%s: pages past the memory bound's markup or line budget=%d%s%s\n",
      set.c_str(), static_cast<int>(limited.size()), limited.empty() ? "" : " ",
      absl::StrJoin(limited, " ").c_str());
  const auto& fields = tally.fields();
  if (auto it = fields.find("language");
      it != fields.end() && it->second.scored > 0) {
    const QualityTally::FieldSums& f = it->second;
    std::printf("%s: language pages=%d right=%.4f (%d wrong)\n", set.c_str(),
                f.scored, Rate(f.right, f.scored), f.scored - f.right);
  }
  if (word_metric) {
    for (const auto& [type, t] : tally.types()) {
      std::printf(
          "%s: %-14s pages=%4d word F1=%.4f  with found=%.3f  without "
          "leaked=%.3f\n",
          set.c_str(), type.c_str(), t.pages, t.f1 / t.pages,
          Rate(t.with_found, t.with_total),
          Rate(t.without_leaked, t.without_total));
    }
    std::printf("%s: failures=%d\n", set.c_str(), tally.failures());
  } else if (!tally.shingle_scores().empty()) {
    const declutter::bench::SetScore total =
        declutter::bench::Aggregate(tally.shingle_scores());
    std::printf(
        "%s: pages=%d shingle F1=%.4f precision=%.4f recall=%.4f accuracy=%.4f"
        " failures=%d\n",
        set.c_str(), total.pages, total.f1, total.precision, total.recall,
        total.accuracy, tally.failures());
  }
  // Metadata, where the set has its truth (wcxb; gne-zh and magic-html's
  // Chinese articles).
  for (const auto& [field, f] : fields) {
    if (field == "language") continue;
    std::printf("%s: metadata %-7s pages=%4d right=%.4f\n", set.c_str(),
                field.c_str(), f.scored, Rate(f.right, f.scored));
  }
}

// --misses FIELD: its misses; otherwise the worst pages. Up to --worst lines.
void PrintWorstOrMisses(const QualityTally& tally) {
  const int worst = absl::GetFlag(FLAGS_worst);
  if (const std::string field = absl::GetFlag(FLAGS_misses); !field.empty()) {
    for (const std::string& miss : tally.Misses(field, worst)) {
      std::printf("  %s miss: %s\n", field.c_str(), miss.c_str());
    }
    return;
  }
  const std::vector<QualityTally::PageLine> pages = tally.Worst(worst);
  for (size_t i = 0; i < pages.size(); ++i) {
    std::printf("  worst %2d: F1=%.3f %s\n", static_cast<int>(i + 1),
                pages[i].f1, pages[i].text.c_str());
  }
}

}  // namespace

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage("Scores the engine on a benchmark folder.");
  absl::ParseCommandLine(argc, argv);
  const std::string set = absl::GetFlag(FLAGS_set);
  const std::string dir = absl::GetFlag(FLAGS_data);
  if (dir.empty()) {
    std::cerr << "--data is empty: expected the benchmark folder\n";
    return 2;
  }
  std::vector<BenchCase> cases = SelectCases(set, dir);
  if (cases.empty()) {
    std::cerr << "no pages found under " << dir << "\n";
    return 1;
  }
  LoadLanguages(absl::GetFlag(FLAGS_languages), set, &cases);
  const declutter::api::InputReader reader(256u << 20);
  if (const std::string scorer = absl::GetFlag(FLAGS_scorer);
      scorer != "heuristic" && scorer != "learned") {
    std::cerr << "--scorer " << scorer << ": expected heuristic or learned\n";
    return 2;
  }
  absl::StatusOr<CaseScorers> scorers = CaseScorers::Load(
      absl::GetFlag(FLAGS_cv_models), absl::GetFlag(FLAGS_block_model));
  if (!scorers.ok()) {
    std::cerr << scorers.status().message() << "\n";
    return 2;
  }
  if (const std::string id = absl::GetFlag(FLAGS_show); !id.empty()) {
    return ShowCase(cases, id, reader, *scorers);
  }
  std::optional<declutter::bench::FeatureDump> dump;
  if (!OpenDump(&dump)) return 2;
  std::optional<declutter::bench::PageFeatureDump> page_dump;
  if (!OpenPageDump(&page_dump)) return 2;
  const bool word_metric =
      set == "wcxb" || set == "wcxb-text" || set == "wcxb-flat";
  QualityTally tally(word_metric ? QualityTally::ContentMetric::kWords
                                 : QualityTally::ContentMetric::kShingles,
                     /*score_metadata=*/set == "wcxb");
  for (const BenchCase& c : cases) {
    absl::Status s =
        ScoreCase(set, c, reader, *scorers, dump ? &*dump : nullptr,
                  page_dump ? &*page_dump : nullptr, &tally);
    if (!s.ok()) {
      std::cerr << s.message() << "\n";
      return 1;
    }
  }
  PrintSummary(set, cases.size(), word_metric, tally);
  if (dump.has_value()) {
    if (absl::Status s = dump->Close(); !s.ok()) {
      std::cerr << s.message() << "\n";
      return 1;
    }
  }
  if (page_dump.has_value()) {
    if (absl::Status s = page_dump->Close(); !s.ok()) {
      std::cerr << s.message() << "\n";
      return 1;
    }
  }
  std::printf("%s: slowest page %s took %.1f ms\n", set.c_str(),
              tally.slowest_id().c_str(), tally.slowest_ms());
  PrintWorstOrMisses(tally);
  return 0;
}
