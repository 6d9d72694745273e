#include "service/extract/score/block_feature_rows.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

#include "service/extract/blocks/boilerplate_lexicon.h"

namespace declutter::extract {
namespace {

// One named value per entry: the single table both BlockFeatureNames and
// BlockFeatureValues read, so names and values cannot drift apart.
struct FeatureColumn {
  const char* name;
  double (*value)(const Block& b);
};

double Flag(bool b) { return b ? 1.0 : 0.0; }

const FeatureColumn kColumns[] = {
    // The text's own features.
    {"chars", [](const Block& b) -> double { return b.features.text.chars; }},
    {"han", [](const Block& b) -> double { return b.features.text.han; }},
    {"letters",
     [](const Block& b) -> double { return b.features.text.letters; }},
    {"digits", [](const Block& b) -> double { return b.features.text.digits; }},
    {"punctuation",
     [](const Block& b) -> double { return b.features.text.punctuation; }},
    {"words", [](const Block& b) -> double { return b.features.text.words; }},
    {"weight", [](const Block& b) { return b.features.text.Weight(); }},
    // The same, without the script's scale (a Han character is not a letter).
    {"log_weight",
     [](const Block& b) { return std::log1p(b.features.text.Weight()); }},
    {"punctuation_per_weight",
     [](const Block& b) {
       return b.features.text.punctuation /
              std::max(1.0, b.features.text.Weight());
     }},
    {"ends_sentence",
     [](const Block& b) { return Flag(b.features.text.ends_sentence); }},
    {"ends_with_full_stop",
     [](const Block& b) { return Flag(b.features.text.ends_with_full_stop); }},
    {"starts_with_bullet",
     [](const Block& b) { return Flag(b.features.text.starts_with_bullet); }},
    {"list_number",
     [](const Block& b) -> double { return b.features.text.list_number; }},
    {"has_url", [](const Block& b) { return Flag(b.features.text.has_url); }},
    {"has_email",
     [](const Block& b) { return Flag(b.features.text.has_email); }},
    {"has_phone",
     [](const Block& b) { return Flag(b.features.text.has_phone); }},
    // The block's own.
    {"link_density", [](const Block& b) { return b.features.link_density; }},
    {"position", [](const Block& b) { return b.features.position; }},
    {"role", [](const Block& b) -> double { return static_cast<int>(b.role); }},
    {"heading_level", [](const Block& b) -> double { return b.heading_level; }},
    // Its DOM context (0 on text pages).
    {"dom_tag", [](const Block& b) -> double { return b.features.dom.tag; }},
    {"dom_depth",
     [](const Block& b) -> double { return b.features.dom.depth; }},
    {"dom_hint", [](const Block& b) -> double { return b.features.dom.hint; }},
    {"dom_ancestor_hint",
     [](const Block& b) -> double { return b.features.dom.ancestor_hint; }},
    {"dom_in_negative",
     [](const Block& b) { return Flag(b.features.dom.in_negative); }},
    {"dom_negative_kind",
     [](const Block& b) -> double {
       return static_cast<int>(b.features.dom.negative_kind);
     }},
    {"dom_parent_log_weight",
     [](const Block& b) { return std::log1p(b.features.dom.parent_weight); }},
    {"dom_parent_link_density",
     [](const Block& b) { return b.features.dom.parent_link_density; }},
    {"dom_grandparent_log_weight",
     [](const Block& b) {
       return std::log1p(b.features.dom.grandparent_weight);
     }},
    {"dom_grandparent_link_density",
     [](const Block& b) { return b.features.dom.grandparent_link_density; }},
    {"dom_like_siblings",
     [](const Block& b) -> double { return b.features.dom.like_siblings; }},
    // The boilerplate evidence, as features rather than rules.
    {"link_dense", [](const Block& b) { return Flag(b.evidence.link_dense); }},
    {"lexicon_kind",
     [](const Block& b) -> double {
       return b.evidence.lexicon == nullptr
                  ? 0
                  : static_cast<int>(b.evidence.lexicon->kind);
     }},
    {"lexicon_strong",
     [](const Block& b) {
       return Flag(b.evidence.lexicon != nullptr &&
                   b.evidence.lexicon->strength == kStrong);
     }},
    {"lexicon_heading",
     [](const Block& b) { return Flag(b.evidence.lexicon_heading); }},
    {"contact_line",
     [](const Block& b) { return Flag(b.evidence.contact_line); }},
    {"listed_under_heading",
     [](const Block& b) { return Flag(b.evidence.listed_under >= 0); }},
    {"teaser_run",
     [](const Block& b) -> double { return b.evidence.teaser_run; }},
};

// Values read off a block's neighbours in page order: 0 past the page's ends.
struct ContextColumn {
  const char* name;
  double (*value)(const BlockList& blocks, size_t i);
};

// How far each way ContextColumn's window reaches.
constexpr size_t kWindow = 3;

const Block* Neighbour(const BlockList& blocks, size_t i, int step) {
  const size_t j = i + step;
  return step < 0 && i == 0  ? nullptr
         : j < blocks.size() ? &blocks[j]
                             : nullptr;
}

const ContextColumn kContextColumns[] = {
    {"prev_score",
     [](const BlockList& bs, size_t i) {
       const Block* n = Neighbour(bs, i, -1);
       return n == nullptr ? 0.0 : n->score;
     }},
    {"next_score",
     [](const BlockList& bs, size_t i) {
       const Block* n = Neighbour(bs, i, 1);
       return n == nullptr ? 0.0 : n->score;
     }},
    {"prev_link_density",
     [](const BlockList& bs, size_t i) {
       const Block* n = Neighbour(bs, i, -1);
       return n == nullptr ? 0.0 : n->features.link_density;
     }},
    {"next_link_density",
     [](const BlockList& bs, size_t i) {
       const Block* n = Neighbour(bs, i, 1);
       return n == nullptr ? 0.0 : n->features.link_density;
     }},
    // The scores of the blocks within kWindow each way, the block's own
    // included.
    {"window_score",
     [](const BlockList& bs, size_t i) {
       double sum = 0;
       const size_t end = std::min(bs.size(), i + kWindow + 1);
       for (size_t j = i > kWindow ? i - kWindow : 0; j < end; ++j)
         sum += bs[j].score;
       return sum;
     }},
};

// Appended after the columns above, so that their order never changes: its
// place among the page's blocks (blocks/sequence_features.h), what a text page
// has instead of a DOM.
const FeatureColumn kSequenceColumns[] = {
    {"log_index", [](const Block& b) { return b.features.sequence.log_index; }},
    {"log_blocks_after",
     [](const Block& b) { return b.features.sequence.log_blocks_after; }},
    {"weight_position",
     [](const Block& b) { return b.features.sequence.weight_position; }},
    {"repeat_count",
     [](const Block& b) -> double { return b.features.sequence.repeat_count; }},
    {"prev_log_weight",
     [](const Block& b) { return b.features.sequence.prev_log_weight; }},
    {"next_log_weight",
     [](const Block& b) { return b.features.sequence.next_log_weight; }},
    {"window_log_weight",
     [](const Block& b) { return b.features.sequence.window_log_weight; }},
    {"window_menu_share",
     [](const Block& b) { return b.features.sequence.window_menu_share; }},
    {"window_sentence_share",
     [](const Block& b) { return b.features.sequence.window_sentence_share; }},
    {"menu_run",
     [](const Block& b) -> double { return b.features.sequence.menu_run; }},
    {"log_distance_to_prose",
     [](const Block& b) { return b.features.sequence.log_distance_to_prose; }},
    {"log_weight_over_median",
     [](const Block& b) { return b.features.sequence.log_weight_over_median; }},
    {"page_log_blocks",
     [](const Block& b) { return b.features.sequence.page_log_blocks; }},
    {"page_prose_share",
     [](const Block& b) { return b.features.sequence.page_prose_share; }},
};

}  // namespace

const std::vector<std::string>& BlockFeatureNames() {
  static const std::vector<std::string>* const kNames = [] {
    auto* names = new std::vector<std::string>();
    for (const FeatureColumn& c : kColumns) names->push_back(c.name);
    for (const ContextColumn& c : kContextColumns) names->push_back(c.name);
    for (const FeatureColumn& c : kSequenceColumns) names->push_back(c.name);
    return names;
  }();
  return *kNames;
}

std::vector<double> BlockFeatureValues(const BlockList& blocks, size_t i) {
  std::vector<double> values;
  values.reserve(std::size(kColumns) + std::size(kContextColumns) +
                 std::size(kSequenceColumns));
  for (const FeatureColumn& c : kColumns) values.push_back(c.value(blocks[i]));
  for (const ContextColumn& c : kContextColumns)
    values.push_back(c.value(blocks, i));
  for (const FeatureColumn& c : kSequenceColumns)
    values.push_back(c.value(blocks[i]));
  return values;
}

std::vector<BlockFeatureRow> BlockFeatureRows(const BlockList& blocks) {
  std::vector<BlockFeatureRow> rows;
  rows.reserve(blocks.size());
  for (size_t i = 0; i < blocks.size(); ++i) {
    const Block& b = blocks[i];
    BlockFeatureRow row;
    row.text = b.text;
    row.values = BlockFeatureValues(blocks, i);
    row.score = b.score;
    row.selected = b.selected;
    row.kind = b.kind;
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace declutter::extract
