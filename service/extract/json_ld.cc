#include "service/extract/json_ld.h"

#include <nlohmann/json.hpp>

#include "absl/strings/match.h"

namespace declutter::extract {
namespace {

using Json = nlohmann::json;

// Deepest bracket nesting of `text`, counted outside strings; stops counting past
// `limit`. Lets a hostile script be refused before a parser recurses into it.
int NestingDepth(absl::string_view text, int limit) {
  int depth = 0, deepest = 0;
  bool in_string = false, escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      deepest = std::max(deepest, ++depth);
      if (deepest > limit) return deepest;
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return deepest;
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
      }
    }
    if (!item.types.empty() || !item.strings.empty()) items->push_back(std::move(item));
    if (auto graph = v->find("@graph"); graph != v->end()) stack.push_back(&*graph);
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
    if (NestingDepth(script, kMaxDepth) > kMaxDepth) continue;
    Json parsed = Json::parse(script, /*cb=*/nullptr, /*allow_exceptions=*/false,
                              /*ignore_comments=*/true);
    if (parsed.is_discarded()) continue;
    Collect(parsed, &items);
  }
  return items;
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
      if (absl::string_view v = item.Get("description"); v.size() > best.size()) best = v;
    }
  }
  return std::string(best);
}

}  // namespace declutter::extract
