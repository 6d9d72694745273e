// declutter-memory: the engine's peak memory per page on adversarial pages.
//
//   declutter-memory [--sizes_mib 8,32] [--kinds html,text,auto]
//                    [--shapes NAME,...] [--max_ratio 20] [--base_mib 16]
//
// Every shape of adversarial_pages.h is built at every size and cleaned as
// every input kind (an attacker sets the Content-Type; "auto" lets the engine
// sniff), each in a child process of its own, forked after the models are
// loaded and a small page cleaned, so each case starts from the same heap. The
// child reports the peak resident memory it added while cleaning (VmHWM after,
// less VmRSS before, with the peak reset first), the time the call took and its
// longest stage (the engine checks deadlines and cancellation between stages,
// so that is about how long a cancelled call can keep its worker).
//
// Prints one line per case and the worst ratio of added peak to page size;
// exits 1 when a case passes the bound, max_ratio x page size + base_mib, or
// its child dies.

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/status/statusor.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "bench/memory/adversarial_pages.h"
#include "bench/speed/process_memory.h"
#include "service/extract/clean.h"

ABSL_FLAG(std::vector<std::string>, sizes_mib,
          std::vector<std::string>({"8", "32"}), "page sizes, in MiB");
ABSL_FLAG(std::vector<std::string>, kinds,
          std::vector<std::string>({"html", "text", "auto"}),
          "input kinds to clean each page as: html, text, auto");
ABSL_FLAG(std::vector<std::string>, shapes, {},
          "only these shapes (names as printed); all when empty");
ABSL_FLAG(double, max_ratio, 20, "the bound: added peak per page byte");
ABSL_FLAG(double, base_mib, 16, "the bound's fixed part, in MiB");

namespace declutter::bench {
namespace {

struct CaseResult {
  int64_t peak = 0;    // bytes added
  int64_t micros = 0;  // the Clean call
  int32_t code = 0;
  int64_t longest_stage_us = 0;  // the longest stage: none can be interrupted
  int32_t longest_stage =
      0;  // its index in kStageNames    // absl::StatusCode of the call
  bool died = false;  // the child did not report
};

constexpr const char* kStageNames[] = {"decode",   "pre-pass", "parse",
                                       "blocks",   "classify", "select",
                                       "metadata", "output"};

absl::StatusOr<extract::InputKind> KindNamed(absl::string_view name) {
  if (name == "html") return extract::InputKind::kHtml;
  if (name == "text") return extract::InputKind::kText;
  if (name == "auto") return extract::InputKind::kAuto;
  return absl::InvalidArgumentError(absl::StrCat(
      "--kinds: unknown kind \"", name, "\"; expected html, text or auto"));
}

// Cleans `bytes` in a forked child and returns what it measured.
CaseResult CleanInChild(const std::string& bytes, extract::InputKind kind) {
  int fds[2];
  if (pipe(fds) != 0) return {.died = true};
  const pid_t pid = fork();
  if (pid < 0) {
    close(fds[0]);
    close(fds[1]);
    return {.died = true};
  }
  if (pid == 0) {
    close(fds[0]);
    CaseResult r;
    ProcessMemory::ResetPeak();
    const int64_t before = ProcessMemory::Resident();
    extract::Page page;
    page.content = bytes;
    page.kind = kind;
    const absl::Time start = absl::Now();
    absl::StatusOr<extract::Result> result =
        extract::Clean(page, extract::Options());
    r.micros = absl::ToInt64Microseconds(absl::Now() - start);
    r.peak = std::max<int64_t>(0, ProcessMemory::Peak() - before);
    r.code = static_cast<int32_t>(result.status().code());
    if (result.ok()) {
      const extract::StageTimings& t = result->timings;
      const int64_t stages[] = {t.decode_us,   t.prepass_us,  t.parse_us,
                                t.blocks_us,   t.classify_us, t.select_us,
                                t.metadata_us, t.output_us};
      for (int32_t i = 0; i < 8; ++i) {
        if (stages[i] > r.longest_stage_us) {
          r.longest_stage_us = stages[i];
          r.longest_stage = i;
        }
      }
    }
    const bool written = write(fds[1], &r, sizeof(r)) == sizeof(r);
    _exit(written ? 0 : 1);
  }
  close(fds[1]);
  CaseResult r;
  const bool read_all = read(fds[0], &r, sizeof(r)) == sizeof(r);
  close(fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  if (!read_all || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
    r.died = true;
  return r;
}

int Run() {
  if (!ProcessMemory::ResetPeak()) {
    std::fprintf(stderr,
                 "this kernel cannot reset the peak RSS "
                 "(/proc/self/clear_refs)\n");
    return 1;
  }
  if (absl::Status s = extract::LoadBuiltinModels(); !s.ok()) {
    std::fprintf(stderr, "loading the models: %s\n", s.ToString().c_str());
    return 1;
  }
  std::vector<std::pair<std::string, extract::InputKind>> kinds;
  for (const std::string& k : absl::GetFlag(FLAGS_kinds)) {
    absl::StatusOr<extract::InputKind> kind = KindNamed(k);
    if (!kind.ok()) {
      std::fprintf(stderr, "%s\n", kind.status().ToString().c_str());
      return 1;
    }
    kinds.emplace_back(k, *kind);
  }
  std::vector<size_t> sizes;
  for (const std::string& mib : absl::GetFlag(FLAGS_sizes_mib)) {
    double value = 0;
    if (!absl::SimpleAtod(mib, &value) || value <= 0 || value > 1024) {
      std::fprintf(stderr, "--sizes_mib: \"%s\" is not a size from 0 to 1024\n",
                   mib.c_str());
      return 1;
    }
    sizes.push_back(static_cast<size_t>(value * 1048576));
  }
  const std::vector<std::string> only = absl::GetFlag(FLAGS_shapes);
  const double max_ratio = absl::GetFlag(FLAGS_max_ratio);
  const double base = absl::GetFlag(FLAGS_base_mib) * 1048576;

  // A small page first, so what every run allocates once is not counted.
  const std::string small = "<html><title>t</title><p>A small page.</p>";
  const CaseResult warm = CleanInChild(small, extract::InputKind::kHtml);
  std::printf(
      "a small page adds %.1f MB; bound: %.0f x page size + %.0f MiB\n\n",
      warm.peak / 1048576.0, max_ratio, base / 1048576.0);
  std::printf("%-18s %-5s %8s %10s %7s %8s %18s  %s\n", "shape", "kind",
              "size MiB", "peak +MB", "ratio", "seconds", "longest stage s",
              "result");
  double worst = 0;
  std::string worst_case;
  int over = 0;
  int64_t longest_us = 0;  // the longest stage of any case
  std::string longest_case;
  for (const AdversarialShape& shape : AdversarialShapes()) {
    if (!only.empty() &&
        std::find(only.begin(), only.end(), shape.name) == only.end())
      continue;
    for (size_t bytes : sizes) {
      const std::string page = BuildAdversarialPage(shape, bytes);
      for (const auto& [kind_name, kind] : kinds) {
        const CaseResult r = CleanInChild(page, kind);
        const double ratio = static_cast<double>(r.peak) / bytes;
        const bool within =
            !r.died && static_cast<double>(r.peak) <= max_ratio * bytes + base;
        if (!within) ++over;
        if (ratio > worst) {
          worst = ratio;
          worst_case = absl::StrCat(shape.name, " ", kind_name, " ",
                                    bytes / 1048576, " MiB");
        }
        if (r.longest_stage_us > longest_us) {
          longest_us = r.longest_stage_us;
          longest_case =
              absl::StrCat(shape.name, " ", kind_name, " ", bytes / 1048576,
                           " MiB, ", kStageNames[r.longest_stage]);
        }
        std::printf("%-18s %-5s %8.0f %10.1f %7.1f %8.2f %9s %8.2f  %s%s\n",
                    shape.name.c_str(), kind_name.c_str(), bytes / 1048576.0,
                    r.peak / 1048576.0, ratio, r.micros / 1e6,
                    kStageNames[r.longest_stage], r.longest_stage_us / 1e6,
                    r.died ? "died"
                           : absl::StatusCodeToString(
                                 static_cast<absl::StatusCode>(r.code))
                                 .c_str(),
                    within ? "" : "  OVER THE BOUND");
        std::fflush(stdout);
      }
    }
  }
  std::printf("\nworst ratio %.1f (%s); %d case(s) over the bound\n", worst,
              worst_case.c_str(), over);
  std::printf(
      "longest stage %.2f s (%s): a cancelled call keeps its worker at most "
      "about this long\n",
      longest_us / 1e6, longest_case.c_str());
  return over == 0 ? 0 : 1;
}

}  // namespace
}  // namespace declutter::bench

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "The engine's peak memory per page on adversarial pages: "
      "declutter-memory [--sizes_mib 8,32] [--kinds html,text,auto]");
  absl::ParseCommandLine(argc, argv);
  return declutter::bench::Run();
}
