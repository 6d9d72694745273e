#include "service/extract/metadata/json_ld.h"

#include <nlohmann/json.hpp>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace declutter::extract {
namespace {

using Json = nlohmann::json;

// Names read from one author/creator/publisher list; a longer list is a dump.
constexpr size_t kMaxNamesPerKey = 16;

// Real sites ship JSON-LD that strict JSON refuses. One pass mends the common
// breakages: raw line breaks and tabs inside strings (spaces now), strings in
// single quotes (JavaScript style), and trailing commas before } or ]. It also
// measures the deepest bracket nesting outside strings, so a hostile script is
// refused before the parser descends into it.
struct Mended {
  std::string text;
  int depth = 0;
};

Mended Mend(absl::string_view text) {
  Mended out;
  out.text.reserve(text.size());
  int depth = 0;
  char quote = 0;  // the quote of the string we are in, or 0
  bool escaped = false;
  for (char c : text) {
    if (quote != 0) {
      if (escaped) {
        escaped = false;
        if (c ==
            '\'') {  // \' is not a JSON escape: it is a plain ' (drop the \)
          out.text.back() = '\'';
          continue;
        }
      } else if (c == '\\') {
        escaped = true;
      } else if (c == quote) {
        quote = 0;
        c = '"';
      } else if (c == '"') {
        out.text.push_back(
            '\\');  // a double quote inside a single-quoted string
      } else if (c == '\n' || c == '\r' || c == '\t') {
        c = ' ';
      }
      out.text.push_back(c);
      continue;
    }
    if (c == '"' || c == '\'') {
      quote = c;
      c = '"';
    } else if (c == '{' || c == '[') {
      out.depth = std::max(out.depth, ++depth);
    } else if (c == '}' || c == ']') {
      --depth;
      // Drop a comma (and the space after it) that closes nothing.
      size_t end = out.text.find_last_not_of(" \t\r\n");
      if (end != std::string::npos && out.text[end] == ',')
        out.text.erase(end, 1);
    }
    out.text.push_back(c);
  }
  return out;
}

// Marks a name value that is still an @id reference (see ResolveReferences). No
// name starts with a NUL byte.
constexpr absl::string_view kIdReference("\0@id:", 5);

// Replaces each @id reference left by AddNames with the name of the item
// carrying that @id (a Person or Organization node of the page's graph); drops
// the references nothing names. An organisation found this way counts only as
// publisher, as inline.
void ResolveReferences(std::vector<JsonLdItem>* items) {
  auto name_of = [items](absl::string_view id,
                         absl::string_view key) -> std::string {
    for (const JsonLdItem& item : *items) {
      if (item.Get("@id") != id) continue;
      if (key != "publisher" && key != "sourceOrganization" &&
          item.HasTypeContaining("Organization")) {
        return "";
      }
      return std::string(item.Get("name"));
    }
    return "";
  };
  for (JsonLdItem& item : *items) {
    auto& strings = item.strings;
    for (auto it = strings.begin(); it != strings.end();) {
      if (!absl::StartsWith(it->second, kIdReference)) {
        ++it;
        continue;
      }
      std::string name = name_of(
          absl::string_view(it->second).substr(kIdReference.size()), it->first);
      if (name.empty()) {
        it = strings.erase(it);
      } else {
        it->second = std::move(name);
        ++it;
      }
    }
  }
}

// A person or organisation property given as an object ({"@type": "Person",
// "name":
// ...}) or a list of them and of strings: each name becomes a string value of
// `key`, so an item with three authors has three "author" values. Organisations
// count only as publishers.
void AddNames(const std::string& key, const Json& field, JsonLdItem* item) {
  auto add = [&](const Json& one) {
    if (one.is_string()) {
      item->strings.emplace_back(key, one.get<std::string>());
    } else if (one.is_object()) {
      // An organisation credited as author is the publisher, not a byline.
      if (auto type = one.find("@type");
          key != "publisher" && key != "sourceOrganization" &&
          type != one.end() && type->is_string() &&
          type->get<std::string>() == "Organization") {
        return;
      }
      auto name = one.find("name");
      if (name != one.end() && name->is_string()) {
        item->strings.emplace_back(key, name->get<std::string>());
      } else if (name != one.end() && name->is_array()) {
        size_t n = 0;
        for (const Json& part : *name) {
          if (++n > kMaxNamesPerKey) break;
          if (part.is_string())
            item->strings.emplace_back(key, part.get<std::string>());
        }
      } else if (auto id = one.find("@id");
                 id != one.end() && id->is_string()) {
        // A reference to a node elsewhere in the graph (Yoast writes {"@id":
        // ".."}): resolved by name once every script is read.
        item->strings.emplace_back(
            key, absl::StrCat(kIdReference, id->get<std::string>()));
      }
    }
  };
  if (!field.is_array()) {
    add(field);
    return;
  }
  size_t n = 0;
  for (const Json& one : field) {
    if (++n > kMaxNamesPerKey) break;
    add(one);
  }
}

void Collect(const Json& value, std::vector<JsonLdItem>* items) {
  // Iterative: arrays and @graph lists are expanded with an explicit stack.
  std::vector<const Json*> stack = {&value};
  while (!stack.empty() && items->size() < JsonLd::kMaxItems) {
    const Json* v = stack.back();
    stack.pop_back();
    if (v->is_array()) {
      for (auto it = v->rbegin(); it != v->rend(); ++it) stack.push_back(&*it);
      continue;
    }
    if (!v->is_object()) continue;
    JsonLdItem item;
    for (const auto& [key, field] : v->items()) {
      if (key == "@type") {
        if (field.is_string()) item.types.push_back(field.get<std::string>());
        if (field.is_array()) {
          for (const Json& t : field) {
            if (t.is_string()) item.types.push_back(t.get<std::string>());
          }
        }
      } else if (field.is_string()) {
        item.strings.emplace_back(key, field.get<std::string>());
      } else if (key == "author" || key == "creator" || key == "publisher" ||
                 key == "sourceOrganization") {
        AddNames(key, field, &item);
      }
    }
    if (!item.types.empty() || !item.strings.empty())
      items->push_back(std::move(item));
    if (auto graph = v->find("@graph"); graph != v->end())
      stack.push_back(&*graph);
  }
}

}  // namespace

absl::string_view JsonLdItem::Get(absl::string_view key) const {
  for (const auto& [k, v] : strings) {
    if (k == key) return v;
  }
  return {};
}

bool JsonLdItem::HasTypeContaining(absl::string_view part) const {
  for (const std::string& t : types) {
    if (absl::StrContains(t, part)) return true;
  }
  return false;
}

std::vector<JsonLdItem> JsonLd::Parse(const std::vector<std::string>& scripts) {
  std::vector<JsonLdItem> items;
  for (const std::string& script : scripts) {
    if (items.size() >= kMaxItems) break;
    const Mended mended = Mend(script);
    if (mended.depth > kMaxDepth) continue;
    Json parsed =
        Json::parse(mended.text, /*cb=*/nullptr, /*allow_exceptions=*/false,
                    /*ignore_comments=*/true);
    if (parsed.is_discarded()) continue;
    Collect(parsed, &items);
  }
  ResolveReferences(&items);
  return items;
}

std::vector<std::string> JsonLdItem::GetAll(absl::string_view key) const {
  std::vector<std::string> out;
  for (const auto& [k, v] : strings) {
    if (k == key) out.push_back(v);
  }
  return out;
}

absl::string_view JsonLd::First(const std::vector<JsonLdItem>& items,
                                absl::string_view key) {
  for (const JsonLdItem& item : items) {
    if (absl::string_view v = item.Get(key); !v.empty()) return v;
  }
  return {};
}

std::string JsonLd::BodyText(const std::vector<JsonLdItem>& items) {
  absl::string_view best;
  for (const JsonLdItem& item : items) {
    for (absl::string_view key : {"articleBody", "text"}) {
      if (absl::string_view v = item.Get(key); v.size() > best.size()) best = v;
    }
  }
  if (best.empty()) {
    for (const JsonLdItem& item : items) {
      if (!item.HasTypeContaining("Product")) continue;
      if (absl::string_view v = item.Get("description"); v.size() > best.size())
        best = v;
    }
  }
  return std::string(best);
}

}  // namespace declutter::extract
