#include "service/extract/text/line_repairer.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "service/extract/blocks/boilerplate_lexicon.h"
#include "service/extract/blocks/list_runs.h"
#include "service/extract/blocks/text_features.h"
#include "service/extract/strings/utf8.h"

namespace declutter::extract {
namespace {

// Byte offsets just after each sentence-closing mark (。！？!?) in `s`.
std::vector<size_t> SentenceEnds(absl::string_view s) {
  std::vector<size_t> ends;
  for (size_t i = 0; i < s.size();) {
    const uint32_t cp = NextCodePoint(s, &i);
    if (cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == '!' || cp == '?') {
      ends.push_back(i);
    }
  }
  return ends;
}

}  // namespace

int LineRepairer::JoinPageFragments(BlockList* blocks) {
  BlockList& bs = *blocks;
  for (Block& b : bs) b.features.text = ComputeTextFeatures(b.text);
  BlockList out;
  out.reserve(bs.size());
  int joined = 0;
  size_t i = 0;
  while (i < bs.size()) {
    const size_t end = NumberedRunEnd(bs, i);
    const size_t n = end - i;
    // Pages, not list items: long lines, most of them stopping mid-sentence (the last
    // may end anywhere).
    size_t cut = 0, chars = 0;
    for (size_t k = i; k < end; ++k) chars += bs[k].features.text.chars;
    for (size_t k = i; k + 1 < end; ++k) cut += !bs[k].features.text.ends_sentence;
    if (n >= static_cast<size_t>(kMinFragmentRun) && cut * 2 >= n - 1 &&
        chars >= n * kMinFragmentChars) {
      Block merged = bs[i];
      merged.text.clear();
      for (size_t k = i; k < end; ++k) {
        absl::StrAppend(&merged.text,
                        absl::string_view(bs[k].text).substr(bs[k].features.text.list_marker_bytes));
      }
      out.push_back(std::move(merged));
      ++joined;
      i = end;
      continue;
    }
    out.push_back(std::move(bs[i]));
    ++i;
  }
  bs = std::move(out);
  return joined;
}

int LineRepairer::SplitTrailingDisclaimers(BlockList* blocks) {
  BlockList& bs = *blocks;
  BlockList out;
  out.reserve(bs.size());
  int split = 0;
  for (Block& b : bs) {
    // Sentence k spans [bounds[k], bounds[k + 1]); text after the last mark is one too.
    std::vector<size_t> bounds = SentenceEnds(b.text);
    bounds.insert(bounds.begin(), 0);
    if (bounds.back() != b.text.size()) bounds.push_back(b.text.size());
    // Walk back over trailing sentences that carry strong disclaimer evidence; the
    // first sentence always stays (a line that is all disclaimer is dropped whole by
    // the classifier instead).
    size_t keep = b.text.size();
    for (size_t k = bounds.size() - 1; k >= 2; --k) {
      const absl::string_view sentence =
          absl::string_view(b.text).substr(bounds[k - 1], bounds[k] - bounds[k - 1]);
      const LexiconEntry* hit = BoilerplateLexicon::Find(sentence);
      if (hit == nullptr || hit->strength != kStrong || hit->kind != BlockKind::kDisclaimer) {
        break;
      }
      keep = bounds[k - 1];
    }
    if (keep < b.text.size()) {
      Block tail = b;
      tail.text = std::string(absl::StripAsciiWhitespace(absl::string_view(b.text).substr(keep)));
      b.text.resize(keep);
      while (!b.text.empty() && b.text.back() == ' ') b.text.pop_back();
      out.push_back(std::move(b));
      out.push_back(std::move(tail));
      ++split;
      continue;
    }
    out.push_back(std::move(b));
  }
  bs = std::move(out);
  return split;
}

}  // namespace declutter::extract
