// Reads the JSON-LD blocks of a page (<script type="application/ld+json">) into
// flat schema.org items: each object found at the top level, in an array or in
// an @graph, with its @type list and its string-valued properties; author,
// creator, publisher and sourceOrganization objects and lists (and @id
// references to them) contribute their names as values of those keys.
//
// Untrusted input: each script is bounded (HtmlBlockBuilder keeps at most 1
// MiB), a script nested deeper than kMaxDepth is skipped without being parsed,
// and at most kMaxItems items are returned. The common breakages of real pages
// are mended first (raw line breaks inside strings, single-quoted strings,
// trailing commas); a script still not valid JSON is skipped, the other scripts
// still count. Parsing is done by nlohmann::json without exceptions. Stateless;
// thread-safe.

#ifndef DECLUTTER_SERVICE_EXTRACT_METADATA_JSON_LD_H_
#define DECLUTTER_SERVICE_EXTRACT_METADATA_JSON_LD_H_

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"

namespace declutter::extract {

struct JsonLdItem {
  std::vector<std::string> types;  // "@type", one or several ("NewsArticle")
  // String-valued properties in document order ("headline", "articleBody").
  std::vector<std::pair<std::string, std::string>> strings;

  // The first value of `key`, or "" when absent.
  absl::string_view Get(absl::string_view key) const;
  // Every value of `key` in order: an item's authors ("author" given as a
  // Person object or a list of them becomes one value per name).
  std::vector<std::string> GetAll(absl::string_view key) const;
  // Whether any @type contains `part` ("Article" matches "NewsArticle").
  bool HasTypeContaining(absl::string_view part) const;
};

class JsonLd {
 public:
  static constexpr int kMaxDepth = 64;
  static constexpr size_t kMaxItems = 64;

  static std::vector<JsonLdItem> Parse(const std::vector<std::string>& scripts);

  // The first non-empty value of `key` among the items, or "".
  static absl::string_view First(const std::vector<JsonLdItem>& items,
                                 absl::string_view key);

  // The longest body text the items carry: articleBody or text of any item,
  // else the description of a Product. "" when none.
  static std::string BodyText(const std::vector<JsonLdItem>& items);
};

}  // namespace declutter::extract

#endif  // DECLUTTER_SERVICE_EXTRACT_METADATA_JSON_LD_H_
