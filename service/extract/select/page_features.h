// What kind of page a page is (an article, a forum thread, a product, a
// collection, a listing, documentation, a service page) shows in page-level
// evidence no single block carries: the schema.org and Open Graph types the
// page declares, its form controls, its URL's shape and words, and aggregates
// of the scored blocks and the DOM (how much text sits in links, in headings,
// in code, in prices; how long the longest run of prose is; how many siblings
// repeat one structure, as cards or posts). PageFeatureValues turns them into
// the fixed row of numbers the page-type model reads, named by
// PageFeatureNames() (result.h), so that training rows (Result::page_features,
// declutter-quality --dump_page_features) and serving come from this one code.
//
// Runs after scoring and before selection. Input: the page's URL (may be
// empty), its HTML facts and parsed JSON-LD (null and empty for text pages),
// its DomTree (null for text pages) and its scored, labelled blocks. `dom`'s
// aggregate fields are rewritten (AggregateBlocks); the selector recomputes
// them. O(blocks + DOM nodes + URL bytes), every count bounded, deterministic.
// Stateless; thread-safe on distinct pages.

#ifndef DECLUTTER_SERVICE_EXTRACT_SELECT_PAGE_FEATURES_H_
#define DECLUTTER_SERVICE_EXTRACT_SELECT_PAGE_FEATURES_H_

#include <vector>

#include "absl/strings/string_view.h"
#include "service/extract/blocks/block.h"
#include "service/extract/blocks/dom_tree.h"
#include "service/extract/html/html_facts.h"
#include "service/extract/metadata/json_ld.h"
#include "service/extract/score/scoring_params.h"

namespace declutter::extract {

struct PageEvidence {
  absl::string_view url;
  const HtmlFacts* facts = nullptr;                  // null for text pages
  const std::vector<JsonLdItem>* json_ld = nullptr;  // null: none
  DomTree* dom = nullptr;                            // null for text pages
  const BlockList* blocks = nullptr;                 // never null
};

// The page's values, in PageFeatureNames() order.
std::vector<double> PageFeatureValues(const ScoringParams& params,
                                      const PageEvidence& page);

}  // namespace declutter::extract

#endif  // DECLUTTER_SERVICE_EXTRACT_SELECT_PAGE_FEATURES_H_
