// The facts of an HTML page that the metadata stage reads, collected from
// Gumbo's tree while the block walk visits it: from <head> the <title>, <meta>
// tags, the canonical link and JSON-LD; from <html> its lang; from the body the
// first <h1> texts, elements marked as a byline, and <time>/microdata dates.
//
// Input: elements of a parse tree the caller owns (GUMBO_NODE_ELEMENT nodes).
// Output: HtmlFacts, owning copies of what it keeps, so it outlives the tree.
// Every list and string is bounded (counts and bytes below), whatever the page
// holds; strings are cut on a UTF-8 character boundary. Stateless functions;
// thread-safe on distinct facts.

#ifndef DECLUTTER_SERVICE_EXTRACT_HTML_HTML_FACTS_H_
#define DECLUTTER_SERVICE_EXTRACT_HTML_HTML_FACTS_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"

struct GumboInternalNode;

namespace declutter::extract {

// What a class or id word says an element is for (data/page_type_words.inc,
// PAGE_TYPE_CLASS_WORDS), for the page-type features.
enum class ClassWordGroup {
  kArticle,
  kPage,
  kArchive,
  kProduct,
  kShopList,
  kForum,
  kDocs,
  kPrice,
  kCard,
  kComment,
  kPagination,
  kCount,
};
inline constexpr size_t kClassWordGroups =
    static_cast<size_t>(ClassWordGroup::kCount);

struct HtmlFacts {
  std::string title;      // text of <title>
  std::string lang;       // <html lang>
  std::string canonical;  // <link rel=canonical href>, as written
  // <meta> name/property/itemprop (lower-cased) -> content, in document order.
  std::vector<std::pair<std::string, std::string>> meta;
  std::vector<std::string>
      json_ld;                  // bodies of <script type=application/ld+json>
  std::vector<std::string> h1;  // texts of the first <h1> elements
  // Texts of the first short elements marked as an author or byline, in
  // document order: `strong` ones by itemprop or rel ("author"), or as links to
  // an /author/ page; weak ones by a class or id containing "author" or
  // "byline", which sites also give to author bios, locations and avatars.
  // A microdata author box gives the name its itemprop=name states; when the
  // box shows more than the name (a forum post's author with its badges), it
  // is strong only as the page's first byline.
  struct Byline {
    std::string text;
    bool strong = false;
  };
  std::vector<Byline> bylines;
  // <time datetime> values and microdata datePublished values, in document
  // order.
  std::vector<std::string> dates;
  // Elements counted for the page-type features: form controls (a shop's
  // product page has a cart form with option selects, a service page a contact
  // form, a forum a reply box, a listing filters) and the marks of generated
  // documentation (headings with ids, links to anchors in the page: a table of
  // contents, permalinks). Counted whatever their number; each count
  // saturates at kMaxCount.
  struct ElementCounts {
    static constexpr int32_t kMaxCount = 1 << 20;
    int32_t forms = 0;
    int32_t text_inputs = 0;    // <input> of a typed-in kind (text, email, ...)
    int32_t search_inputs = 0;  // <input type=search>
    int32_t selects = 0;
    int32_t textareas = 0;
    int32_t buttons = 0;  // <button>, <input type=submit|button|image>
    int32_t passwords = 0;
    int32_t heading_ids = 0;   // <h2>-<h4> with an id
    int32_t anchor_links = 0;  // <a href="#name">
  };
  ElementCounts counts;
  // Elements whose class or id holds a word of each ClassWordGroup (each
  // element counts once per group; saturating at ElementCounts::kMaxCount),
  // and the groups the classes of <html> and <body> hold, which CMSes set
  // from the page's kind ("single-post", "archive", "single-product").
  std::array<int32_t, kClassWordGroups> class_words{};
  std::array<bool, kClassWordGroups> root_class_words{};
  // Microdata types (itemtype's last path segment, "Product"), in document
  // order, the first kMaxItemTypes of them.
  std::vector<std::string> item_types;

  // The first non-empty content of a <meta> whose key equals `key`; "" when
  // none.
  absl::string_view Meta(absl::string_view key) const;
};

// Adds to `*facts` what `element` itself says: its attributes, and for <title>,
// <h1>, bylines and JSON-LD the text below it. The caller visits elements in
// document order and chooses which subtrees to enter: the block walk visits a
// skipped element (a JSON-LD <script>) or a hidden inline one but not what is
// below it, so a byline or date inside those is not collected.
void CollectElementFacts(const GumboInternalNode* element, HtmlFacts* facts);

// CollectElementFacts for `root` and every element below it, in document order:
// for <head>, whose content the block walk does not enter.
void CollectSubtreeFacts(const GumboInternalNode* root, HtmlFacts* facts);

}  // namespace declutter::extract

#endif  // DECLUTTER_SERVICE_EXTRACT_HTML_HTML_FACTS_H_
