// Google Benchmark micro-benchmarks of the engine's hot stages on one real page
// (the largest test page, or --page=FILE): the pre-pass, Gumbo's parse with the
// engine's shortcuts and without, the walk into blocks, class hints, and the
// whole engine. Figures are per page; compare them within one run only.
//
//   build/bench/micro/declutter-stages-benchmark [--page=FILE]
//   [--benchmark_filter=...]

#include <benchmark/benchmark.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "service/extract/class_hints.h"
#include "service/extract/clean.h"
#include "service/extract/html_block_builder.h"
#include "service/extract/html_parser.h"
#include "service/extract/inert_content_stripper.h"

namespace {

namespace extract = declutter::extract;

std::string& PageHtml() {
  static std::string html;
  return html;
}

void BM_InertContentStripper(benchmark::State& state) {
  std::string out;
  for (auto _ : state) {
    out.clear();
    benchmark::DoNotOptimize(
        extract::InertContentStripper::Strip(PageHtml(), &out));
  }
  state.SetBytesProcessed(state.iterations() * PageHtml().size());
}
BENCHMARK(BM_InertContentStripper);

// Arg 0: Gumbo on the raw page, malloc'd; 1: with the engine's shortcuts.
void BM_Parse(benchmark::State& state) {
  extract::Shortcuts shortcuts;
  shortcuts.strip_inert_content = shortcuts.parse_arena = state.range(0) == 1;
  for (auto _ : state) {
    const extract::ParsedHtml parsed =
        extract::ParsedHtml::Parse(PageHtml(), shortcuts);
    benchmark::DoNotOptimize(parsed.root());
  }
  state.SetBytesProcessed(state.iterations() * PageHtml().size());
}
BENCHMARK(BM_Parse)->Arg(0)->Arg(1);

void BM_BuildBlocks(benchmark::State& state) {
  const extract::ParsedHtml parsed = extract::ParsedHtml::Parse(PageHtml());
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        extract::HtmlBlockBuilder::FromTree(parsed.root()));
  }
}
BENCHMARK(BM_BuildBlocks);

void BM_ClassHints(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(extract::ClassHints::Score(
        "article-body entry-content related-posts sidebar"));
  }
}
BENCHMARK(BM_ClassHints);

void BM_Clean(benchmark::State& state) {
  extract::Page page;
  page.content = PageHtml();
  page.kind = extract::InputKind::kHtml;
  for (auto _ : state) {
    benchmark::DoNotOptimize(extract::Clean(page, extract::Options()));
  }
  state.SetBytesProcessed(state.iterations() * PageHtml().size());
}
BENCHMARK(BM_Clean);

}  // namespace

int main(int argc, char** argv) {
  std::string path;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg.rfind("--page=", 0) == 0) path = arg.substr(7);
  }
  if (path.empty()) {  // the largest test page
    std::uintmax_t largest = 0;
    for (const auto& e :
         std::filesystem::directory_iterator(DECLUTTER_TEST_PAGES)) {
      if (e.path().extension() == ".html" && e.file_size() > largest) {
        largest = e.file_size();
        path = e.path();
      }
    }
  }
  std::ifstream in(path, std::ios::binary);
  PageHtml().assign(std::istreambuf_iterator<char>(in),
                    std::istreambuf_iterator<char>());
  if (PageHtml().empty()) {
    std::fprintf(stderr, "cannot read the page %s: expected an HTML file\n",
                 path.c_str());
    return 2;
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  return 0;
}
