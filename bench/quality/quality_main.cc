// declutter-quality: runs the engine over a benchmark folder and prints the benchmark's
// own metric (../shared/data/README.md), overall and for the worst pages.
//
//   declutter-quality --set scrapinghub --data ../shared/data/scrapinghub [--worst 10]
//   declutter-quality --set magic-html --data ../shared/data/magic-html [--zh_only]
//   declutter-quality --set magic-html-forum --data ../shared/data/magic-html
//   declutter-quality --set gne-zh --data ../shared/data/gne-zh
//   declutter-quality --set wcxb --data ../shared/data/wcxb-dev [--limit N]
//   declutter-quality --set wcxb-text --data ../shared/data/wcxb-dev --limit 300
//   declutter-quality --set wcxb --data ../shared/data/wcxb-dev --dump_features rows.tsv
//
// --dump_features writes one row per block of every page: the engine's own features,
// score and verdict, and a label against the truth (bench/quality/feature_dump.h).
//
// wcxb-text is the no-harm check for the text path: each page's ground-truth
// main_content is sent as text/plain and must come back whole (word F1 against itself).
//
// Every set also gets the decoding checks: pages whose output has U+FFFD although the
// page's bytes had none, and the language against data/languages.tsv (--misses language
// lists the misses). gne-zh has no content truth: it is scored on these checks only.
//
// The engine runs in-process on one thread, exactly as the CLI and server call it.

#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/match.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "bench/quality/feature_dump.h"
#include "bench/quality/metadata_metric.h"
#include "bench/quality/shingle_metric.h"
#include "service/api/input_reader.h"
#include "service/extract/clean.h"

ABSL_FLAG(std::string, set, "scrapinghub",
          "benchmark: scrapinghub, magic-html, magic-html-forum, gne-zh, wcxb or wcxb-text");
ABSL_FLAG(std::string, data, "", "the benchmark's folder under shared/data");
ABSL_FLAG(int, worst, 10, "how many of the worst pages to list");
ABSL_FLAG(bool, zh_only, false, "magic-html: only the Chinese pages (zh_ids.json)");
ABSL_FLAG(int, limit, 0, "score only the first N pages in id order; 0 means all");
ABSL_FLAG(std::string, type, "", "wcxb: only pages of this primary type");
ABSL_FLAG(std::string, misses, "",
          "list up to --worst pages whose language (any set) or title, date or author "
          "(wcxb) is wrong");
ABSL_FLAG(std::string, languages, DECLUTTER_BENCH_DATA "/languages.tsv",
          "the language truth: lines of set, page id and BCP 47 tag, tab-separated");
ABSL_FLAG(std::string, show, "",
          "print one page's truth, prediction and removed blocks, then exit");
ABSL_FLAG(std::string, dump_features, "",
          "write one row per block (features, score, verdict, label against the truth) "
          "to this file, tab-separated");

namespace {

using google::protobuf::Struct;
using google::protobuf::Value;

struct Case {
  std::string id;
  std::string html_path;  // empty when `inline_content` is the page
  std::string truth;
  std::string url;
  std::string page_type;  // wcxb only
  std::string inline_content;
  std::string content_type;
  std::vector<std::string> with;     // wcxb: snippets the content must contain
  std::vector<std::string> without;  // wcxb: snippets it must not contain
  std::string title, author, published;  // wcxb: metadata truth, empty when unknown
  bool has_truth = true;  // false: scored on the decoding checks only (gne-zh)
  std::string language;   // from --languages; empty when unknown
};

// A case scored on its content truth alone.
Case ContentCase(const std::string& id, std::string html_path, std::string truth,
                 std::string url) {
  Case c;
  c.id = id;
  c.html_path = std::move(html_path);
  c.truth = std::move(truth);
  c.url = std::move(url);
  return c;
}

bool LoadJson(const declutter::api::InputReader& reader, const std::string& path,
              Value* out) {
  absl::StatusOr<std::string> text = reader.Read(path);
  if (!text.ok()) {
    std::cerr << text.status().message() << "\n";
    return false;
  }
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = true;
  auto status = google::protobuf::util::JsonStringToMessage(*text, out, options);
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

std::vector<Case> LoadCases(const std::string& set, const std::string& dir,
                            bool zh_only) {
  declutter::api::InputReader reader(1u << 30);
  std::vector<Case> cases;
  Value truth;
  if (set == "scrapinghub") {
    if (!LoadJson(reader, dir + "/ground-truth.json", &truth)) return cases;
    for (const auto& [id, v] : truth.struct_value().fields()) {
      cases.push_back(ContentCase(id, absl::StrCat(dir, "/html/", id, ".html.gz"),
                                  Field(v, "articleBody"), Field(v, "url")));
    }
  } else if (set == "magic-html" || set == "magic-html-forum") {
    const std::string part = set == "magic-html" ? "/article" : "/forum";
    if (!LoadJson(reader, dir + part + "/base.json", &truth)) return cases;
    absl::flat_hash_set<std::string> zh;
    Value ids;
    if (zh_only && LoadJson(reader, dir + part + "/zh_ids.json", &ids)) {
      for (const Value& id : ids.list_value().values()) zh.insert(id.string_value());
    }
    for (const auto& [id, v] : truth.struct_value().fields()) {
      if (zh_only && !zh.contains(id)) continue;
      cases.push_back(ContentCase(id, absl::StrCat(dir, part, "/html/", id, ".html.gz"),
                                  Field(v, "content"), Field(v, "url")));
    }
  } else if (set == "gne-zh") {
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(dir + "/html", ec)) {
      Case c;
      c.id = e.path().filename().string();
      c.id = c.id.substr(0, c.id.find('.'));
      c.html_path = e.path().string();
      c.has_truth = false;
      cases.push_back(std::move(c));
    }
  } else if (set == "wcxb" || set == "wcxb-text") {
    std::error_code ec;
    std::vector<std::string> files;
    for (const auto& e : std::filesystem::directory_iterator(dir + "/ground-truth", ec)) {
      files.push_back(e.path().string());
    }
    std::sort(files.begin(), files.end());
    for (const std::string& file : files) {
      Value page;
      if (!LoadJson(reader, file, &page)) continue;
      const auto& fields = page.struct_value().fields();
      const std::string id = std::filesystem::path(file).stem().string();
      Case c;
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
      if (auto in = fields.find("_internal"); in != fields.end() && in->second.has_struct_value()) {
        const auto& internal = in->second.struct_value().fields();
        if (auto t = internal.find("page_type"); t != internal.end()) {
          c.page_type = Field(t->second, "primary");
        }
      }
      if (set == "wcxb-text") {
        c.inline_content = c.truth;
        c.content_type = "text/plain; charset=utf-8";
      } else {
        c.html_path = absl::StrCat(dir, "/html/", id, ".html.gz");
      }
      cases.push_back(std::move(c));
    }
  } else {
    std::cerr << "--set is \"" << set
              << "\": expected scrapinghub, magic-html, magic-html-forum, gne-zh, wcxb "
                 "or wcxb-text\n";
  }
  std::sort(cases.begin(), cases.end(),
            [](const Case& a, const Case& b) { return a.id < b.id; });
  return cases;
}

// Fills each case's language from the truth file's rows for `set`.
void LoadLanguages(const std::string& path, const std::string& set,
                   std::vector<Case>* cases) {
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
  for (Case& c : *cases) {
    if (auto it = language.find(c.id); it != language.end()) c.language = it->second;
  }
}


// Runs the engine on one page of the set, as the CLI and server call it.
absl::StatusOr<declutter::extract::Result> CleanCase(const Case& c, const std::string& html,
                                                     bool report_removed,
                                                     bool report_features = false) {
  declutter::extract::Page page;
  page.content = html;
  page.url = c.url;
  page.content_type = c.content_type;
  declutter::extract::Options options;
  options.report_removed = report_removed;
  options.report_block_features = report_features;
  return declutter::extract::Clean(page, options);
}

// Prints one page's truth, prediction and removed blocks: the view for working on a
// page the scores point at.
void Show(const Case& c, const std::string& html) {
  absl::StatusOr<declutter::extract::Result> result =
      CleanCase(c, html, /*report_removed=*/true);
  std::printf("=== %s  %s  %s\n=== TRUTH\n%s\n", c.id.c_str(), c.page_type.c_str(),
              c.url.c_str(), c.truth.c_str());
  if (!result.ok()) {
    std::printf("=== ERROR %s\n", std::string(result.status().message()).c_str());
    return;
  }
  std::printf("=== PREDICTED (title: %s)\n%s\n=== REMOVED\n",
              result->article.title.c_str(), result->article.text.c_str());
  for (const auto& r : result->removed) {
    std::printf("[%s] %s | %s\n", std::string(declutter::extract::BlockKindName(r.kind)).c_str(),
                r.reason.c_str(), r.text.c_str());
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
  std::vector<Case> cases = LoadCases(set, dir, absl::GetFlag(FLAGS_zh_only));
  if (const std::string type = absl::GetFlag(FLAGS_type); !type.empty()) {
    std::erase_if(cases, [&](const Case& c) { return c.page_type != type; });
  }
  if (const int limit = absl::GetFlag(FLAGS_limit); limit > 0 && cases.size() > static_cast<size_t>(limit)) {
    cases.resize(limit);
  }
  if (cases.empty()) {
    std::cerr << "no pages found under " << dir << "\n";
    return 1;
  }
  LoadLanguages(absl::GetFlag(FLAGS_languages), set, &cases);
  declutter::api::InputReader reader(256u << 20);
  auto read_page = [&](const Case& c) {
    return c.html_path.empty() ? absl::StatusOr<std::string>(c.inline_content)
                               : reader.Read(c.html_path);
  };
  if (const std::string id = absl::GetFlag(FLAGS_show); !id.empty()) {
    for (const Case& c : cases) {
      if (c.id != id) continue;
      absl::StatusOr<std::string> html = read_page(c);
      if (!html.ok()) {
        std::cerr << id << ": " << html.status().message() << "\n";
        return 1;
      }
      Show(c, *html);
      return 0;
    }
    std::cerr << "--show " << id << ": no such page in the set\n";
    return 1;
  }
  const bool word_metric = set == "wcxb" || set == "wcxb-text";
  struct TypeSums {
    double f1 = 0;
    int pages = 0;
    int with_found = 0, with_total = 0;
    int without_leaked = 0, without_total = 0;
  };
  std::map<std::string, TypeSums> by_type;
  std::vector<declutter::bench::PageScore> scores;
  std::vector<std::pair<double, std::string>> by_f1;
  // wcxb metadata: pages whose truth has the field, pages right, and the misses.
  struct FieldSums {
    int scored = 0, right = 0;
    std::vector<std::string> misses;
  };
  std::map<std::string, FieldSums> by_field;
  auto score_field = [&](const std::string& field, const std::string& id,
                         const std::string& truth, const std::string& predicted, bool right) {
    if (truth.empty()) return;
    FieldSums& f = by_field[field];
    ++f.scored;
    f.right += right;
    if (!right) f.misses.push_back(absl::StrCat(id, "  truth: ", truth, "  predicted: ", predicted));
  };
  int failures = 0;
  int fffd_added = 0;  // pages whose output has U+FFFD although their bytes had none
  std::vector<std::string> fffd_pages;
  double slowest_ms = 0;
  std::string slowest_id;
  std::optional<declutter::bench::FeatureDump> dump;
  if (const std::string path = absl::GetFlag(FLAGS_dump_features); !path.empty()) {
    absl::StatusOr<declutter::bench::FeatureDump> opened = declutter::bench::FeatureDump::Open(path);
    if (!opened.ok()) {
      std::cerr << opened.status().message() << "\n";
      return 2;
    }
    dump.emplace(*std::move(opened));
  }
  for (const Case& c : cases) {
    absl::StatusOr<std::string> html = read_page(c);
    std::string predicted;
    if (html.ok()) {
      const absl::Time start = absl::Now();
      absl::StatusOr<declutter::extract::Result> result =
          CleanCase(c, *html, /*report_removed=*/false, /*report_features=*/dump.has_value());
      const double ms = absl::ToDoubleMilliseconds(absl::Now() - start);
      if (ms > slowest_ms) {
        slowest_ms = ms;
        slowest_id = c.id;
      }
      if (result.ok() && dump.has_value() && c.has_truth) {
        if (absl::Status s = dump->Write(set, c.id, c.page_type, c.truth, *result); !s.ok()) {
          std::cerr << s.message() << "\n";
          return 1;
        }
      }
      if (result.ok()) {
        predicted = result->article.text;
        const declutter::extract::Article& article = result->article;
        constexpr absl::string_view kReplacement = "\xEF\xBF\xBD";
        if (!absl::StrContains(*html, kReplacement) &&
            (absl::StrContains(article.text, kReplacement) ||
             absl::StrContains(article.title, kReplacement))) {
          ++fffd_added;
          fffd_pages.push_back(c.id);
        }
        // A region the page adds ("en-GB") refines the truth's tag, it does not miss it.
        score_field("language", c.id, c.language, article.language,
                    article.language == c.language ||
                        absl::StartsWith(article.language, c.language + "-"));
        if (set == "wcxb") {
          const declutter::extract::Article& a = result->article;
          score_field("title", c.id, c.title, a.title,
                      declutter::bench::TitleMatches(c.title, a.title));
          score_field("date", c.id, c.published, a.published,
                      declutter::bench::DateMatches(c.published, a.published));
          score_field("author", c.id, c.author, absl::StrJoin(a.authors, "; "),
                      declutter::bench::AuthorsMatch(c.author, a.authors));
        }
      } else {
        ++failures;
        std::cerr << c.id << ": " << result.status().message() << "\n";
      }
    } else {
      ++failures;
      std::cerr << c.id << ": " << html.status().message() << "\n";
    }
    if (!c.has_truth) continue;
    if (word_metric) {
      const declutter::bench::WordScore ws = declutter::bench::ScoreWords(c.truth, predicted);
      const double f1 = ws.f1;
      const std::string folded = declutter::bench::FoldForSnippet(predicted);
      int found = 0, leaked = 0;
      for (const std::string& w : c.with) {
        found += folded.find(declutter::bench::FoldForSnippet(w)) != std::string::npos;
      }
      for (const std::string& w : c.without) {
        leaked += folded.find(declutter::bench::FoldForSnippet(w)) != std::string::npos;
      }
      for (const std::string& type : {std::string("all"), c.page_type}) {
        TypeSums& t = by_type[type];
        t.f1 += f1;
        ++t.pages;
        t.with_found += found;
        t.with_total += c.with.size();
        t.without_leaked += leaked;
        t.without_total += c.without.size();
      }
      by_f1.emplace_back(f1, absl::StrFormat("%s  %s  P=%.3f R=%.3f  with %d/%d  without leaked %d/%d",
                                             c.id, c.page_type, ws.precision, ws.recall,
                                             found, c.with.size(),
                                             leaked, c.without.size()));
      continue;
    }
    declutter::bench::PageScore s = declutter::bench::ScoreShingles(c.truth, predicted);
    scores.push_back(s);
    const double f1 = s.precision + s.recall == 0
                          ? 0
                          : 2 * s.precision * s.recall / (s.precision + s.recall);
    by_f1.emplace_back(f1, absl::StrFormat("%s  P=%.3f R=%.3f", c.id, s.precision,
                                           s.recall));
  }
  auto rate = [](int n, int total) { return total == 0 ? 0.0 : double(n) / total; };
  std::printf("%s: pages=%zu with U+FFFD their bytes lacked=%d%s%s\n", set.c_str(),
              cases.size(), fffd_added, fffd_pages.empty() ? "" : " ",
              absl::StrJoin(fffd_pages, " ").c_str());
  if (const FieldSums& f = by_field["language"]; f.scored > 0) {
    std::printf("%s: language pages=%d right=%.4f (%d wrong)\n", set.c_str(), f.scored,
                rate(f.right, f.scored), f.scored - f.right);
  }
  if (word_metric) {
    for (const auto& [type, t] : by_type) {
      std::printf("%s: %-14s pages=%4d word F1=%.4f  with found=%.3f  without leaked=%.3f\n",
                  set.c_str(), type.c_str(), t.pages, t.f1 / t.pages,
                  rate(t.with_found, t.with_total), rate(t.without_leaked, t.without_total));
    }
    for (const auto& [field, f] : by_field) {
      if (field == "language") continue;
      std::printf("%s: metadata %-6s pages=%4d right=%.4f\n", set.c_str(), field.c_str(),
                  f.scored, rate(f.right, f.scored));
    }
    std::printf("%s: failures=%d\n", set.c_str(), failures);
  } else if (!scores.empty()) {
    const declutter::bench::SetScore total = declutter::bench::Aggregate(scores);
    std::printf("%s: pages=%d shingle F1=%.4f precision=%.4f recall=%.4f accuracy=%.4f"
                " failures=%d\n",
                set.c_str(), total.pages, total.f1, total.precision, total.recall,
                total.accuracy, failures);
  }
  if (dump.has_value()) {
    if (absl::Status s = dump->Close(); !s.ok()) {
      std::cerr << s.message() << "\n";
      return 1;
    }
  }
  std::printf("%s: slowest page %s took %.1f ms\n", set.c_str(), slowest_id.c_str(),
              slowest_ms);
  if (const std::string field = absl::GetFlag(FLAGS_misses); !field.empty()) {
    const std::vector<std::string>& misses = by_field[field].misses;
    const int n = std::min<int>(absl::GetFlag(FLAGS_worst), misses.size());
    for (int i = 0; i < n; ++i) std::printf("  %s miss: %s\n", field.c_str(), misses[i].c_str());
    return 0;
  }
  std::sort(by_f1.begin(), by_f1.end());
  const int worst = std::min<int>(absl::GetFlag(FLAGS_worst), by_f1.size());
  for (int i = 0; i < worst; ++i) {
    std::printf("  worst %2d: F1=%.3f %s\n", i + 1, by_f1[i].first, by_f1[i].second.c_str());
  }
  return 0;
}
