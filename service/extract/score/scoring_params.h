// Every tuning constant of the score and select stages, in one place, each with
// what it catches. Hand-tuned on the dev sets; a change here changes results,
// so measure it on every set (README, "Measured").
//
// Scales, so that no line mixes them unawares:
//  - a block's score is in "evidence units" (BlockScorer): > 0 reads like
//    article text, < 0 like chrome; about 1 unit per clause of prose;
//  - an element's class/id hint is in hint points (html/class_hints),
//    converted to evidence units by `hint_to_score` where the two meet;
//  - shares and densities are fractions in [0, 1]; lengths are code points
//    (chars) or TextFeatures::Weight() "reading units".

#ifndef DECLUTTER_SERVICE_EXTRACT_SCORE_SCORING_PARAMS_H_
#define DECLUTTER_SERVICE_EXTRACT_SCORE_SCORING_PARAMS_H_

#include <array>
#include <cstdint>

#include "service/extract/page.h"

namespace declutter::extract {

struct ScoringParams {
  // ---- Block evidence (score/block_evidence) ----
  // More than this share of a block's text in links: navigation or a related
  // list. The select stage draws the same line for elements and for text that
  // may be content: a post or a paragraph of prose stays under it.
  double link_dense_share = 0.5;
  // A weak lexicon phrase decides a block only when the block is little more
  // than the phrase: at most 3x the phrase plus 12 chars, or under 60 chars
  // with no sentence end.
  int32_t dominated_phrase_times = 3;
  int32_t dominated_extra_chars = 12;
  int32_t dominated_unended_chars = 60;
  // A lexicon heading (a section name such as "相关阅读") is at most this many
  // chars.
  int32_t max_lexicon_heading_chars = 20;
  // A line with contact details reads as a contact blurb under this weight.
  double contact_line_weight = 160;
  // A link-dense block under this weight is a menu item, above it a related
  // list.
  double navigation_weight = 40;

  // ---- Heuristic block score (score/heuristic_scorer) ----
  // Prose evidence: weight / 40 (at most 8) plus 0.6 per clause mark (at most
  // 6), plus 1.5 for a sentence end.
  double weight_per_unit = 40.0;
  double max_length_score = 8.0;
  double per_punctuation = 0.6;
  double max_punctuation_score = 6.0;
  double sentence_end_bonus = 1.5;
  // Title-like (no sentence end, at most one clause mark, under 120 weight):
  // teasers and menu items, but also headings and captions, so it costs little.
  int32_t title_like_max_punctuation = 1;
  double title_like_weight = 120;
  double title_like_cost = 1.5;
  // A very short block (under 16 weight) and an unended bullet line each
  // cost 1.
  double tiny_weight = 16;
  double tiny_cost = 1.0;
  double unended_bullet_cost = 1.0;
  // Link-dense: 4 plus 6 per unit of link density.
  double link_dense_cost = 4.0;
  double link_density_cost = 6.0;
  // Lexicon verdicts: a strong entry, a weak one that dominates its block.
  double strong_lexicon_cost = 12.0;
  double weak_lexicon_cost = 8.0;
  double contact_line_cost = 4.0;
  // Teaser lists: a run of at least 3 bullet lines, at least 3/4 of them
  // headline-shaped (no full stop), with under a tenth of the page's prose
  // after it.
  int32_t min_teaser_run = 3;
  double teaser_tail_share = 0.1;
  double teaser_cost = 3.0;
  // Items of a list under a boilerplate section heading ("相关阅读" then 1,
  // 2, 3...).
  double listed_under_heading_cost = 8.0;

  // ---- Learned block score (score/learned_scorer) ----
  // The block model gives a probability p that the block is article text; its
  // score is logit_weight * clamp(log(p / (1 - p)), -max_logit, max_logit).
  // Weighting it by the block's length as well, as the heuristic's length
  // evidence does, took more text on wcxb-dev (0.835 vs 0.826) but lost 2
  // points on scrapinghub: the model's p already reads length.
  double learned_logit_weight = 1.0;
  double learned_max_logit = 8.0;

  // ---- Favor (score/block_classifier): the one place it acts ----
  // Added to every block's score: precision -1, recall +1. The selector's
  // thresholds and the text path's run all move with it.
  double favor_shift = 1.0;
  double FavorShift(Favor favor) const {
    return favor == Favor::kPrecision ? -favor_shift
           : favor == Favor::kRecall  ? favor_shift
                                      : 0.0;
  }

  // ---- Text selection (select/text_selector) ----
  // The most a text line without explicit evidence counts against a span.
  double neutral_line_cost = 0.5;
  // Prose score seen before a related-list or comment heading ends the article
  // there.
  double min_score_before_list_heading = 15;

  // ---- HTML selection (select/) ----
  // How much of a paragraph's score reaches the ancestor `level` steps up.
  std::array<double, 5> level_share = {1.0, 0.5, 1.0 / 6, 1.0 / 9, 1.0 / 12};
  // Hint points to evidence units where an element's class/id hint meets its
  // score.
  double hint_to_score = 0.5;
  // Inside the chosen containers, a block scoring below this is dropped.
  double drop_below = -4.0;
  // A sibling of the best container joins it when it scores at least this share
  // of it (and at least `min_sibling_score`), or is a paragraph of over
  // `sibling_paragraph_chars` chars with link density under
  // `sibling_paragraph_links`.
  double sibling_score_share = 0.2;
  double min_sibling_score = 10.0;
  int32_t sibling_paragraph_chars = 80;
  double sibling_paragraph_links = 0.25;
  // How far above the best container a post wrapper may sit, and how much text
  // beyond the post body (author, date, counters) it may hold.
  int max_post_levels = 10;
  int32_t post_chrome_chars = 200;
  // How far above a run of posts' parent an opening post built apart is looked
  // for.
  int max_opening_post_levels = 3;
  // Text a sibling needs to count as another post rather than an empty shell.
  int32_t min_post_chars = 40;
  // What a candidate inside a consent dialog or a <footer> keeps of its score.
  double inside_legal_chrome_share = 0.1;
  // A heading that names a boilerplate section adds this to its container's
  // hint.
  int32_t section_heading_hint = -30;
  // How far up a heading wrapped in elements of its own is followed to its
  // section, and how much text beside it (an icon label, a count) its wrappers
  // may hold.
  int max_heading_wrap_levels = 8;
  int32_t heading_wrap_chars = 20;
  // Linked headlines a teaser grid has at least.
  int32_t min_teaser_cards = 3;
  // A link block at least this long is a headline, not a menu item; "linked"
  // means a link density of at least `headline_link_share`.
  int32_t headline_chars = 15;
  double headline_link_share = 0.8;
  // A block under this link density counts as prose for `longest_prose`.
  double prose_link_share = 0.3;
  // Text per linked headline below which a section is a grid of teaser cards.
  int32_t text_per_teaser = 350;
  // A paragraph this long is article prose; teaser excerpts are shorter.
  int32_t long_paragraph_chars = 300;
  // Below this share of the page's possible content text, the best container is
  // one section of many; the container widened to holds at least the second
  // share.
  double best_content_share = 0.35;
  double widened_content_share = 0.6;
  // A selected block this heavy (Weight) is article prose: the page is not a
  // listing; and so is a lighter one that ends a sentence (a one-paragraph news
  // brief).
  double article_paragraph_weight = 200;
  double article_sentence_weight = 120;
  // A card grid (select/card_grid) has at least this many children built alike;
  // a card is a title and a few lines: a child with more text is a section, not
  // a card.
  int32_t min_grid_cards = 4;
  int32_t min_card_chars = 8;
  int32_t max_card_chars = 2000;
  // How many times the selection's text a card grid must hold to replace it.
  int64_t grid_over_selection = 2;
  // Levels above a card grid taken with it while they add little text (a
  // listing's heading and item count): at most a quarter more, plus this many
  // chars.
  int max_grid_head_levels = 3;
  int32_t grid_head_chars = 50;

  // ---- Profiles by page type (select/html_selector) ----
  // A block outside the chosen content joins it when a learned scorer is this
  // sure it is article text, per PageType (result.h order: unknown, article,
  // forum, product, collection, listing, documentation, service). An article
  // takes only what the model is all but sure of (log-odds 4: the second
  // column of a split body; lower took more chrome on scrapinghub); a thread, a
  // listing, a collection, documentation or a service page is many parts, and
  // one container holds one of them. Listings and collections at 0.5 gained
  // 0.006 on wcxb-dev but lost 0.01 on magic-html's Chinese pages, which the
  // page-type model calls listings too often.
  std::array<double, 8> rescue_probability = {0.982, 0.982, 0.73, 0.982,
                                              0.73,  0.73,  0.5,  0.5};
  // Below this page-type probability a page gets the article's profile:
  // mistyped articles lost most (magic-html's Chinese pages: 0.857 with none).
  double min_profile_probability = 0.7;

  // ---- Structured body (select/structured_body) ----
  // Structured-data text shorter than this is not taken as a body.
  int64_t min_structured_body_chars = 150;
  // Words of a structured body compared with the selection to tell whether it
  // is shown.
  int structured_words_compared = 200;
};

// The parameters the engine runs with.
inline constexpr ScoringParams kScoringParams{};

}  // namespace declutter::extract

#endif  // DECLUTTER_SERVICE_EXTRACT_SCORE_SCORING_PARAMS_H_
