// A block's place among the page's other blocks, for pages without a DOM: a
// scraped text page has only its lines, their order and their lengths, so what
// tells its menus, footers and repeated chrome from its prose is read off the
// sequence. Computed for HTML blocks as well (the same values mean the same
// there), by ComputeBlockFeatures (blocks/block_featurizer.h).
//
// Every value is script-neutral (lengths are TextFeatures::Weight, on a log
// scale) and needs the text features of the whole list. Linear in blocks plus
// their text (the repeat count hashes each text once). Stateless; thread-safe.

#ifndef DECLUTTER_SERVICE_EXTRACT_BLOCKS_SEQUENCE_FEATURES_H_
#define DECLUTTER_SERVICE_EXTRACT_BLOCKS_SEQUENCE_FEATURES_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "absl/strings/string_view.h"
#include "service/extract/blocks/text_features.h"

namespace declutter::extract {

struct SequenceFeatures {
  double log_index = 0;         // log(1 + blocks before it)
  double log_blocks_after = 0;  // log(1 + blocks after it)
  double weight_position = 0;   // share of the page's weight before it, 0-1
  int32_t repeat_count = 0;     // other blocks with the same text (case-folded)
  double prev_log_weight = 0;   // log(1 + Weight) of the block before; 0 at
  double next_log_weight = 0;   // the page's ends
  // Over the kWindow blocks each way, the block itself left out (0 when it has
  // no neighbour): their mean log(1 + Weight), and the share of them that are
  // menu-shaped (IsMenuShaped) and that end a sentence.
  double window_log_weight = 0;
  double window_menu_share = 0;
  double window_sentence_share = 0;
  // Length of the run of consecutive menu-shaped blocks that holds it; 0 when
  // it is not menu-shaped itself.
  int32_t menu_run = 0;
  // log(1 + blocks to the nearest prose block, IsProse), 0 for prose itself;
  // log(1 + blocks on the page) when the page has none.
  double log_distance_to_prose = 0;
  // Its log(1 + Weight) less the page's median of it.
  double log_weight_over_median = 0;
  // The page's: log(1 + blocks), and the share of its weight in prose blocks.
  double page_log_blocks = 0;
  double page_prose_share = 0;
};

class SequenceFeaturizer {
 public:
  // How far each way the window reaches.
  static constexpr size_t kWindow = 3;
  // A menu-shaped block: at most this Weight (a few words), no sentence end.
  static constexpr double kMaxMenuWeight = 25;
  // A prose block: at least this Weight (a sentence or more), ending one.
  static constexpr double kMinProseWeight = 80;

  static bool IsMenuShaped(const TextFeatures& f);
  static bool IsProse(const TextFeatures& f);

  // The features of each of `texts` (the blocks' texts, page order) given the
  // blocks' text features `features` (same size).
  static std::vector<SequenceFeatures> Compute(
      const std::vector<absl::string_view>& texts,
      const std::vector<const TextFeatures*>& features);
};

}  // namespace declutter::extract

#endif  // DECLUTTER_SERVICE_EXTRACT_BLOCKS_SEQUENCE_FEATURES_H_
