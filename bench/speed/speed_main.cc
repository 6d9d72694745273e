// declutter-speed: the engine's speed and memory against Gumbo's bare parse, on
// a folder of pages, in one process and one run.
//
//   declutter-speed --pages ../shared/data/scrapinghub/html [--rounds 3]
//   [--threads 0] declutter-speed --pages DIR --compare      # shortcuts never
//   change the output declutter-speed --pages DIR --memory       # peak RSS
//   while cleaning one page
//
// Speed runs, per round and in this order: (a) Gumbo parsing each raw page
// alone (stock options but no error records, as the engine asks; tree freed),
// (b) the whole engine on one thread, (c) the engine on --threads threads (0:
// every core). Each phase reports pages/s, MB/s of raw page, p50/p99 per page
// and the process's peak RSS during it; the round with the median (b) is
// printed, with the ratios (b)/(a) and (c)/(b) of that same round, and the
// engine's time per stage summed over (b).
//
// --compare runs the engine on every page with all shortcuts (page.h's
// Shortcuts), then with each one off and with all off, and lists every page
// whose result differs in anything but timings. Exit status 1 when one does.
//
// --memory cleans each page alone and reports the peak resident memory added
// while cleaning it, against the page's size, for the real pages and for pages
// built by repeating the largest one's body up to --memory_sizes MiB.
//
// Pages are read and decompressed before anything is timed.

#include <gumbo.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <functional>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "bench/speed/process_memory.h"
#include "bench/speed/result_digest.h"
#include "service/api/input_files.h"
#include "service/api/input_reader.h"
#include "service/extract/clean.h"
#include "service/extract/html/inert_content_stripper.h"

ABSL_FLAG(std::string, pages, "",
          "a folder of pages (.html or .html.gz), read recursively");
ABSL_FLAG(int, rounds, 3,
          "speed: rounds of (a), (b), (c); the median round is shown");
ABSL_FLAG(int, threads, 0, "speed: threads for (c); 0 means one per core");
ABSL_FLAG(int, limit, 0, "use only the first N pages; 0 means all");
ABSL_FLAG(bool, compare, false,
          "check that no shortcut changes any page's result");
ABSL_FLAG(bool, memory, false, "peak RSS per page against page size");
ABSL_FLAG(bool, engine_only, false,
          "run only the engine, once, on --threads threads (1 unless given), "
          "and print one line (bench/peers/run_peers.sh and "
          "bench/load/run_load.sh use it)");
ABSL_FLAG(std::vector<std::string>, memory_sizes,
          std::vector<std::string>({"8", "30"}),
          "--memory: sizes in MiB of the pages built from the largest one");

namespace {

namespace extract = declutter::extract;
using declutter::bench::ProcessMemory;
using declutter::bench::ResultDigest;

struct PageFile {
  std::string id;
  std::string bytes;
};

std::vector<PageFile> LoadPages(const std::string& dir, int limit) {
  declutter::api::InputReader reader(size_t{1} << 30);
  std::vector<PageFile> pages;
  absl::StatusOr<std::vector<declutter::api::InputFile>> files =
      declutter::api::ListInputFiles({dir});
  if (!files.ok()) {
    std::fprintf(stderr, "%s\n", std::string(files.status().message()).c_str());
    return pages;
  }
  for (const declutter::api::InputFile& file : *files) {
    const std::string& path = file.path;
    if (!file.error.ok()) {
      std::fprintf(stderr, "%s\n", file.error.ToString().c_str());
      continue;
    }
    if (!file.skipped.empty()) continue;
    if (!absl::EndsWith(path, ".html") && !absl::EndsWith(path, ".html.gz") &&
        !absl::EndsWith(path, ".htm")) {
      continue;
    }
    absl::StatusOr<std::string> bytes = reader.Read(path);
    if (!bytes.ok()) {
      std::fprintf(stderr, "%s\n",
                   std::string(bytes.status().message()).c_str());
      continue;
    }
    pages.push_back(
        {path.substr(path.find_last_of('/') + 1), *std::move(bytes)});
    if (limit > 0 && static_cast<int>(pages.size()) >= limit) break;
  }
  return pages;
}

extract::Page AsHtml(const PageFile& file) {
  extract::Page page;
  page.content = file.bytes;
  page.content_type = "text/html";
  page.kind = extract::InputKind::kHtml;
  return page;
}

// The engine with default options, as a crawler's call would run it.
absl::StatusOr<extract::Result> CleanWithDefaults(const PageFile& file) {
  return extract::Clean(AsHtml(file), extract::Options());
}

double Megabytes(const std::vector<PageFile>& pages) {
  double bytes = 0;
  for (const PageFile& p : pages) bytes += p.bytes.size();
  return bytes / 1e6;
}

// One phase's figures.
struct PhaseResult {
  double seconds = 0;
  std::vector<double> page_ms;  // per page, in page order
  int64_t peak_rss = 0;         // bytes
  int failures = 0;
};

double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const size_t i =
      std::min(v.size() - 1, static_cast<size_t>(p * (v.size() - 1) + 0.5));
  return v[i];
}

// Runs `work` on every page, `threads` at a time, timing each page and the
// whole.
PhaseResult RunPhase(const std::vector<PageFile>& pages, int threads,
                     const std::function<bool(const PageFile&)>& work) {
  PhaseResult r;
  r.page_ms.assign(pages.size(), 0);
  ProcessMemory::ResetPeak();
  std::atomic<size_t> next{0};
  std::atomic<int> failures{0};
  auto worker = [&] {
    for (size_t i = next++; i < pages.size(); i = next++) {
      const absl::Time start = absl::Now();
      if (!work(pages[i])) ++failures;
      r.page_ms[i] = absl::ToDoubleMilliseconds(absl::Now() - start);
    }
  };
  const absl::Time start = absl::Now();
  if (threads <= 1) {
    worker();
  } else {
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t) pool.emplace_back(worker);
    for (std::thread& t : pool) t.join();
  }
  r.seconds = absl::ToDoubleSeconds(absl::Now() - start);
  r.peak_rss = ProcessMemory::Peak();
  r.failures = failures;
  return r;
}

bool GumboOnly(const PageFile& file) {
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;
  GumboOutput* output =
      gumbo_parse_with_options(&options, file.bytes.data(), file.bytes.size());
  const bool ok = output != nullptr && output->root != nullptr;
  gumbo_destroy_output(&options, output);
  return ok;
}

struct StageSums {
  extract::StageTimings t;
  void Add(const extract::StageTimings& s) {
    t.decode_us += s.decode_us;
    t.prepass_us += s.prepass_us;
    t.parse_us += s.parse_us;
    t.blocks_us += s.blocks_us;
    t.classify_us += s.classify_us;
    t.select_us += s.select_us;
    t.metadata_us += s.metadata_us;
    t.output_us += s.output_us;
    t.total_us += s.total_us;
  }
};

void PrintPhase(const char* name, const PhaseResult& r, size_t pages,
                double mb) {
  std::printf("%-28s %9.1f %8.2f %8.2f %8.2f %10.1f%s\n", name,
              pages / r.seconds, mb / r.seconds, Percentile(r.page_ms, 0.5),
              Percentile(r.page_ms, 0.99), r.peak_rss / 1048576.0,
              r.failures > 0
                  ? absl::StrCat("  (", r.failures, " failed)").c_str()
                  : "");
}

// (a) and (b) on one thread, page by page in turn (Gumbo first on even pages,
// the engine first on odd ones), so a slow spell of a shared machine slows both
// alike.
void RunInterleaved(const std::vector<PageFile>& pages,
                    const std::function<bool(const PageFile&)>& a,
                    const std::function<bool(const PageFile&)>& b,
                    PhaseResult* ra, PhaseResult* rb) {
  ra->page_ms.assign(pages.size(), 0);
  rb->page_ms.assign(pages.size(), 0);
  auto time = [](const std::function<bool(const PageFile&)>& work,
                 const PageFile& page, PhaseResult* r, size_t i) {
    const absl::Time start = absl::Now();
    if (!work(page)) ++r->failures;
    r->page_ms[i] = absl::ToDoubleMilliseconds(absl::Now() - start);
    r->seconds += r->page_ms[i] / 1000;
  };
  for (size_t i = 0; i < pages.size(); ++i) {
    if (i % 2 == 0) {
      time(a, pages[i], ra, i);
      time(b, pages[i], rb, i);
    } else {
      time(b, pages[i], rb, i);
      time(a, pages[i], ra, i);
    }
  }
}

double Median(std::vector<double> v) { return Percentile(std::move(v), 0.5); }

// --threads, with 0 meaning one per core.
int SpeedThreads() {
  const int threads = absl::GetFlag(FLAGS_threads);
  if (threads > 0) return threads;
  return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

struct Round {
  PhaseResult a, b, c;
};

// What the speed rounds show: one round, and the ratios of every round.
struct SpeedRounds {
  Round shown;  // the median (b)/(a) round, with (a)'s and (b)'s peaks alone
  std::vector<double> ba, cb;  // (b)/(a) and (c)/(b) of every round
  double median_ba = 0;
};

// Measures each phase's peak RSS alone (untimed), then runs `rounds` rounds of
// (a) and (b) interleaved and (c) on `threads` threads. The engine's stage
// times of round 1's (b) are added to `stages`.
SpeedRounds RunRounds(const std::vector<PageFile>& pages, int threads,
                      int rounds, StageSums* stages) {
  std::atomic<bool> collect{false};
  auto engine = [&](const PageFile& file) {
    absl::StatusOr<extract::Result> result = CleanWithDefaults(file);
    if (collect && result.ok()) stages->Add(result->timings);
    return result.ok();
  };
  // Peak RSS of each phase alone, untimed.
  const int64_t rss_a = RunPhase(pages, 1, GumboOnly).peak_rss;
  const int64_t rss_b = RunPhase(pages, 1, engine).peak_rss;

  SpeedRounds out;
  std::vector<Round> done;
  for (int round = 0; round < rounds; ++round) {
    Round r;
    collect = round == 0;
    RunInterleaved(pages, GumboOnly, engine, &r.a, &r.b);
    collect = false;
    r.c = RunPhase(pages, threads, engine);
    out.ba.push_back(r.a.seconds / r.b.seconds);
    out.cb.push_back(r.b.seconds / r.c.seconds);
    done.push_back(std::move(r));
  }
  // The round whose (b)/(a) is the median is shown, with the peaks measured
  // alone.
  out.median_ba = Median(out.ba);
  const size_t shown =
      std::find(out.ba.begin(), out.ba.end(), out.median_ba) - out.ba.begin();
  out.shown = done[shown];
  out.shown.a.peak_rss = rss_a;
  out.shown.b.peak_rss = rss_b;
  return out;
}

// The phase table of the shown round and the ratios.
void PrintRounds(const SpeedRounds& r, size_t pages, double mb, int rounds,
                 int threads) {
  std::printf(
      "%zu pages, %.1f MB, from %s; %d rounds; (a) and (b) interleaved page by "
      "page; "
      "(c) on %d threads\n\n",
      pages, mb, absl::GetFlag(FLAGS_pages).c_str(), rounds, threads);
  std::printf("%-28s %9s %8s %8s %8s %10s\n",
              "phase (round with median (b)/(a))", "pages/s", "MB/s", "p50 ms",
              "p99 ms", "peak RSS MB");
  PrintPhase("(a) Gumbo parse only", r.shown.a, pages, mb);
  PrintPhase("(b) engine, 1 thread", r.shown.b, pages, mb);
  PrintPhase(absl::StrCat("(c) engine, ", threads, " threads").c_str(),
             r.shown.c, pages, mb);
  std::printf("\n(b)/(a) = %.2f   (c)/(b) = %.2f   (medians over rounds)\n",
              r.median_ba, Median(r.cb));
  auto list = [](const std::vector<double>& v) {
    return absl::StrJoin(v, " ", [](std::string* out, double x) {
      absl::StrAppendFormat(out, "%.2f", x);
    });
  };
  std::printf("every round (b)/(a): %s\n", list(r.ba).c_str());
  std::printf("every round (c)/(b): %s\n", list(r.cb).c_str());
}

// What the pre-pass does to a set of pages.
struct StripSummary {
  extract::StripStats removed;  // summed over the pages
  int changed_pages = 0;
  int stopped_pages = 0;
  std::map<std::string, int> stop_tags;  // where the pass stopped, by tag
};

StripSummary SummarizeStrip(const std::vector<PageFile>& pages) {
  StripSummary sum;
  for (const PageFile& p : pages) {
    std::string out;
    const extract::StripStats st =
        extract::InertContentStripper::Strip(p.bytes, &out);
    sum.removed.bytes_removed += st.bytes_removed;
    sum.removed.scripts += st.scripts;
    sum.removed.styles += st.styles;
    sum.removed.comments += st.comments;
    if (st.bytes_removed > 0) ++sum.changed_pages;
    if (st.stopped_at >= 0) {
      ++sum.stopped_pages;
      const std::string at = p.bytes.substr(st.stopped_at, 24);
      ++sum.stop_tags[at.substr(0, at.find_first_of(" >/\t\n"))];
    }
  }
  return sum;
}

void PrintStages(const extract::StageTimings& t) {
  const double total = std::max<int64_t>(1, t.total_us);
  std::printf(
      "\nengine stages over (b) of round 1 (ms, share of the engine's "
      "time):\n");
  const std::pair<const char*, int64_t> rows[] = {
      {"decode", t.decode_us},     {"pre-pass", t.prepass_us},
      {"parse", t.parse_us},       {"blocks", t.blocks_us},
      {"classify", t.classify_us}, {"select", t.select_us},
      {"metadata", t.metadata_us}, {"output", t.output_us}};
  for (const auto& [name, us] : rows) {
    std::printf("  %-9s %9.1f  %5.1f%%\n", name, us / 1000.0,
                100.0 * us / total);
  }
  std::printf("  %-9s %9.1f\n", "total", t.total_us / 1000.0);
}

// The pre-pass's figures over `mb` megabytes of pages, and the 8 tags it
// stopped at most.
void PrintStrip(const StripSummary& strip, double mb) {
  std::printf(
      "\npre-pass: %.1f%% of the bytes removed (%d scripts, %d styles, %d "
      "comments); "
      "%d pages changed, %d stopped early at markup it does not follow\n",
      100.0 * strip.removed.bytes_removed / std::max(1.0, mb * 1e6),
      strip.removed.scripts, strip.removed.styles, strip.removed.comments,
      strip.changed_pages, strip.stopped_pages);
  std::vector<std::pair<int, std::string>> by_count;
  for (const auto& [tag, n] : strip.stop_tags) by_count.push_back({n, tag});
  std::sort(by_count.rbegin(), by_count.rend());
  if (by_count.size() > 8) by_count.resize(8);
  std::printf(
      "stopped at: %s\n",
      absl::StrJoin(by_count, ", ", [](std::string* out, const auto& e) {
        absl::StrAppend(out, e.second, " ", e.first);
      }).c_str());
}

int RunSpeed(const std::vector<PageFile>& pages) {
  const int threads = SpeedThreads();
  const int rounds = std::max(1, absl::GetFlag(FLAGS_rounds));
  const double mb = Megabytes(pages);
  StageSums stages;
  const SpeedRounds r = RunRounds(pages, threads, rounds, &stages);
  PrintRounds(r, pages.size(), mb, rounds, threads);
  const StripSummary strip = SummarizeStrip(pages);  // untimed
  PrintStages(stages.t);
  PrintStrip(strip, mb);
  return 0;
}

// Each shortcut off alone, then all off.
std::vector<std::pair<std::string, extract::Shortcuts>> ShortcutVariants() {
  std::vector<std::pair<std::string, extract::Shortcuts>> v;
  extract::Shortcuts s;
  s.strip_inert_content = false;
  v.push_back({"no strip_inert_content", s});
  s = {};
  s.parse_arena = false;
  v.push_back({"no parse_arena", s});
  s = {};
  s.memoize_class_hints = false;
  v.push_back({"no memoize_class_hints", s});
  s.strip_inert_content = false;
  s.parse_arena = false;
  v.push_back({"no shortcuts", s});
  return v;
}

int RunCompare(const std::vector<PageFile>& pages) {
  const auto variants = ShortcutVariants();
  std::vector<int> differing(variants.size(), 0);
  for (const PageFile& file : pages) {
    extract::Options options;
    options.report_removed = true;
    const std::string base =
        ResultDigest(extract::Clean(AsHtml(file), options));
    for (size_t v = 0; v < variants.size(); ++v) {
      options.shortcuts = variants[v].second;
      const std::string other =
          ResultDigest(extract::Clean(AsHtml(file), options));
      if (other == base) continue;
      ++differing[v];
      size_t at = 0;
      while (at < base.size() && at < other.size() && base[at] == other[at])
        ++at;
      std::printf("DIFFERS %s with %s, from: %s\n", file.id.c_str(),
                  variants[v].first.c_str(),
                  base.substr(at > 40 ? at - 40 : 0, 120).c_str());
    }
  }
  int total = 0;
  for (size_t v = 0; v < variants.size(); ++v) {
    std::printf("%-24s %d of %zu pages differ\n", variants[v].first.c_str(),
                differing[v], pages.size());
    total += differing[v];
  }
  return total == 0 ? 0 : 1;
}

// The peak memory added while cleaning `file` alone, in bytes.
int64_t PeakWhileCleaning(const PageFile& file) {
  const int64_t before = ProcessMemory::Resident();
  ProcessMemory::ResetPeak();
  absl::StatusOr<extract::Result> result = CleanWithDefaults(file);
  const int64_t peak = ProcessMemory::Peak();
  return std::max<int64_t>(0, peak - before);
}

int RunMemory(const std::vector<PageFile>& pages) {
  if (!ProcessMemory::ResetPeak()) {
    std::fprintf(
        stderr,
        "this kernel cannot reset the peak RSS (/proc/self/clear_refs)\n");
    return 1;
  }
  // Real pages: the largest ratio and the largest page.
  double worst_ratio = 0;
  std::string worst_id;
  int64_t worst_peak = 0, worst_size = 0;
  const PageFile* largest = &pages.front();
  for (const PageFile& p : pages) {
    if (p.bytes.size() > largest->bytes.size()) largest = &p;
    const int64_t peak = PeakWhileCleaning(p);
    const double ratio = static_cast<double>(peak) / p.bytes.size();
    if (ratio > worst_ratio) {
      worst_ratio = ratio;
      worst_id = p.id;
      worst_peak = peak;
      worst_size = p.bytes.size();
    }
  }
  std::printf("%-34s %10s %12s %8s\n", "page", "size MB", "peak +MB", "ratio");
  std::printf("%-34s %10.2f %12.2f %8.1f  (largest ratio of %zu pages)\n",
              worst_id.c_str(), worst_size / 1048576.0, worst_peak / 1048576.0,
              worst_ratio, pages.size());
  const int64_t largest_peak = PeakWhileCleaning(*largest);
  std::printf("%-34s %10.2f %12.2f %8.1f  (largest page)\n",
              largest->id.c_str(), largest->bytes.size() / 1048576.0,
              largest_peak / 1048576.0,
              static_cast<double>(largest_peak) / largest->bytes.size());
  // Bigger pages: the largest page's <body> content repeated.
  const std::string& src = largest->bytes;
  size_t body = src.find("<body");
  body = body == std::string::npos ? 0 : src.find('>', body) + 1;
  const size_t body_end = std::min(src.size(), src.rfind("</body"));
  const std::string head = src.substr(0, body);
  const std::string unit =
      src.substr(body, body_end > body ? body_end - body : 0);
  for (const std::string& mib : absl::GetFlag(FLAGS_memory_sizes)) {
    const size_t target = static_cast<size_t>(std::stod(mib) * 1048576);
    PageFile big{absl::StrCat(largest->id, " x to ", mib, " MiB"), head};
    while (!unit.empty() && big.bytes.size() + unit.size() < target)
      big.bytes += unit;
    big.bytes += "</body></html>";
    const int64_t peak = PeakWhileCleaning(big);
    std::printf("%-34s %10.2f %12.2f %8.1f\n", big.id.c_str(),
                big.bytes.size() / 1048576.0, peak / 1048576.0,
                static_cast<double>(peak) / big.bytes.size());
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "Measures the engine against Gumbo's bare parse: declutter-speed --pages "
      "DIR "
      "[--compare | --memory]");
  absl::ParseCommandLine(argc, argv);
  const std::string dir = absl::GetFlag(FLAGS_pages);
  if (dir.empty()) {
    std::fprintf(stderr,
                 "--pages is required: a folder of .html or .html.gz pages\n");
    return 2;
  }
  const std::vector<PageFile> pages =
      LoadPages(dir, absl::GetFlag(FLAGS_limit));
  if (pages.empty()) {
    std::fprintf(stderr, "no .html or .html.gz pages under %s\n", dir.c_str());
    return 2;
  }
  if (absl::GetFlag(FLAGS_compare)) return RunCompare(pages);
  if (absl::GetFlag(FLAGS_memory)) return RunMemory(pages);
  if (absl::GetFlag(FLAGS_engine_only)) {
    const double mb = Megabytes(pages);
    const int threads = std::max(absl::GetFlag(FLAGS_threads), 1);
    const PhaseResult b = RunPhase(pages, threads, [](const PageFile& file) {
      return CleanWithDefaults(file).ok();
    });
    std::printf(
        "declutter-engine threads=%d pages=%zu failed=%d MB/s=%.2f "
        "p50_ms=%.2f p99_ms=%.2f pages/s=%.1f\n",
        threads, pages.size(), b.failures, mb / b.seconds,
        Percentile(b.page_ms, 0.5), Percentile(b.page_ms, 0.99),
        pages.size() / b.seconds);
    return 0;
  }
  return RunSpeed(pages);
}
