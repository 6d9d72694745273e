// Google Benchmark micro-benchmarks of the engine's hot stages on one real page
// (the largest test page, or --page=FILE): the pre-pass, Gumbo's parse with the
// engine's shortcuts and without, the walk into blocks, class hints, the
// boilerplate lexicon on a block's text, and the whole engine. Figures are per page; compare them within one run only.
//
//   build/bench/micro/declutter-stages-benchmark [--page=FILE]
//   [--benchmark_filter=...]

#include <benchmark/benchmark.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "service/extract/blocks/boilerplate_lexicon.h"
#include "service/extract/html/class_hints.h"
#include "service/extract/clean.h"
#include "service/extract/html/html_block_builder.h"
#include "service/extract/html/html_parser.h"
#include "service/extract/html/inert_content_stripper.h"

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

// Arg 0: an English paragraph; 1: a Chinese one (its characters share their
// first UTF-8 bytes with many lexicon phrases). Neither holds a phrase.
void BM_BoilerplateLexicon(benchmark::State& state) {
  const std::string text =
      state.range(0) == 0
          ? "The city council approved the new budget on Tuesday after a long "
            "debate about school funding, road repairs and the cost of the "
            "planned library, which opponents said would run over budget."
          : "市议会周二在就学校经费、道路维修以及计划中的图书馆费用进行长时间辩论后"
            "批准了新的预算，反对者表示该项目将超出预算。";
  for (auto _ : state) {
    benchmark::DoNotOptimize(extract::BoilerplateLexicon::Find(text));
  }
  state.SetBytesProcessed(state.iterations() * text.size());
}
BENCHMARK(BM_BoilerplateLexicon)->Arg(0)->Arg(1);

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
