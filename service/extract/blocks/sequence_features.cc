#include "service/extract/blocks/sequence_features.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"

namespace declutter::extract {

bool SequenceFeaturizer::IsMenuShaped(const TextFeatures& f) {
  return f.Weight() <= kMaxMenuWeight && !f.ends_sentence;
}

bool SequenceFeaturizer::IsProse(const TextFeatures& f) {
  return f.Weight() >= kMinProseWeight && f.ends_sentence;
}

std::vector<SequenceFeatures> SequenceFeaturizer::Compute(
    const std::vector<absl::string_view>& texts,
    const std::vector<const TextFeatures*>& features) {
  const size_t n = std::min(texts.size(), features.size());
  std::vector<SequenceFeatures> out(n);
  if (n == 0) return out;

  std::vector<double> log_weight(n);
  std::vector<bool> menu(n), prose(n);
  double total_weight = 0, prose_weight = 0;
  absl::flat_hash_map<std::string, int32_t> seen;
  std::vector<std::string> keys(n);
  for (size_t i = 0; i < n; ++i) {
    const TextFeatures& f = *features[i];
    log_weight[i] = std::log1p(f.Weight());
    menu[i] = IsMenuShaped(f);
    prose[i] = IsProse(f);
    total_weight += f.Weight();
    if (prose[i]) prose_weight += f.Weight();
    keys[i] = absl::AsciiStrToLower(texts[i]);
    ++seen[keys[i]];
  }
  std::vector<double> sorted = log_weight;
  std::nth_element(sorted.begin(), sorted.begin() + n / 2, sorted.end());
  const double median = sorted[n / 2];
  const double page_log_blocks = std::log1p(static_cast<double>(n));
  const double page_prose_share =
      total_weight > 0 ? prose_weight / total_weight : 0.0;

  // Distance to the nearest prose block: one pass each way.
  std::vector<size_t> distance(n, n);
  for (size_t i = 0, last = n; i < n; ++i) {
    if (prose[i]) last = i;
    if (last < n) distance[i] = i - last;
  }
  for (size_t i = n, next = n; i-- > 0;) {
    if (prose[i]) next = i;
    if (next < n) distance[i] = std::min(distance[i], next - i);
  }
  // Runs of menu-shaped blocks.
  std::vector<int32_t> run(n, 0);
  for (size_t i = 0; i < n;) {
    size_t j = i;
    while (j < n && menu[j]) ++j;
    for (size_t k = i; k < j; ++k) run[k] = static_cast<int32_t>(j - i);
    i = j == i ? i + 1 : j;
  }

  double before = 0;
  for (size_t i = 0; i < n; ++i) {
    SequenceFeatures& s = out[i];
    s.log_index = std::log1p(static_cast<double>(i));
    s.log_blocks_after = std::log1p(static_cast<double>(n - 1 - i));
    s.weight_position = total_weight > 0 ? before / total_weight : 0.0;
    before += features[i]->Weight();
    s.repeat_count = seen[keys[i]] - 1;
    s.prev_log_weight = i > 0 ? log_weight[i - 1] : 0.0;
    s.next_log_weight = i + 1 < n ? log_weight[i + 1] : 0.0;
    const size_t from = i > kWindow ? i - kWindow : 0;
    const size_t end = std::min(n, i + kWindow + 1);
    int neighbours = 0, menus = 0, sentences = 0;
    double weights = 0;
    for (size_t j = from; j < end; ++j) {
      if (j == i) continue;
      ++neighbours;
      weights += log_weight[j];
      menus += menu[j] ? 1 : 0;
      sentences += features[j]->ends_sentence ? 1 : 0;
    }
    if (neighbours > 0) {
      s.window_log_weight = weights / neighbours;
      s.window_menu_share = static_cast<double>(menus) / neighbours;
      s.window_sentence_share = static_cast<double>(sentences) / neighbours;
    }
    s.menu_run = run[i];
    s.log_distance_to_prose = std::log1p(static_cast<double>(distance[i]));
    s.log_weight_over_median = log_weight[i] - median;
    s.page_log_blocks = page_log_blocks;
    s.page_prose_share = page_prose_share;
  }
  return out;
}

}  // namespace declutter::extract
