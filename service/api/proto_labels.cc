#include "service/api/proto_labels.h"

#include <utility>

namespace declutter::api {

const char* PageTypeLabel(v1::PageType type) {
  switch (type) {
    case v1::PAGE_TYPE_ARTICLE:
      return "article";
    case v1::PAGE_TYPE_FORUM:
      return "forum";
    case v1::PAGE_TYPE_PRODUCT:
      return "product";
    case v1::PAGE_TYPE_COLLECTION:
      return "collection";
    case v1::PAGE_TYPE_LISTING:
      return "listing";
    case v1::PAGE_TYPE_DOCUMENTATION:
      return "documentation";
    case v1::PAGE_TYPE_SERVICE:
      return "service";
    default:
      return "unknown";
  }
}

const char* RemovedKindLabel(v1::RemovedKind kind) {
  switch (kind) {
    case v1::REMOVED_KIND_AD:
      return "ad";
    case v1::REMOVED_KIND_RELATED:
      return "related";
    case v1::REMOVED_KIND_NAVIGATION:
      return "navigation";
    case v1::REMOVED_KIND_COPYRIGHT:
      return "copyright";
    case v1::REMOVED_KIND_COMMENT:
      return "comment";
    case v1::REMOVED_KIND_SHARE:
      return "share";
    case v1::REMOVED_KIND_DISCLAIMER:
      return "disclaimer";
    case v1::REMOVED_KIND_CONTACT:
      return "contact";
    case v1::REMOVED_KIND_METADATA:
      return "metadata";
    case v1::REMOVED_KIND_CONSENT:
      return "consent";
    default:
      return "other";
  }
}

const char* InputKindLabel(v1::InputKind kind) {
  switch (kind) {
    case v1::INPUT_KIND_AUTO:
      return "auto";
    case v1::INPUT_KIND_HTML:
      return "html";
    case v1::INPUT_KIND_TEXT:
      return "text";
    default:
      return "unknown";
  }
}

bool ParseInputKind(absl::string_view word, v1::InputKind* kind) {
  for (v1::InputKind k :
       {v1::INPUT_KIND_AUTO, v1::INPUT_KIND_HTML, v1::INPUT_KIND_TEXT}) {
    if (word == InputKindLabel(k)) {
      *kind = k;
      return true;
    }
  }
  return false;
}

bool ParseOutputFormat(absl::string_view word, v1::OutputFormat* format) {
  constexpr std::pair<absl::string_view, v1::OutputFormat> kWords[] = {
      {"text", v1::OUTPUT_FORMAT_TEXT},
      {"markdown", v1::OUTPUT_FORMAT_MARKDOWN},
      {"html", v1::OUTPUT_FORMAT_HTML}};
  for (const auto& [w, f] : kWords) {
    if (word == w) {
      *format = f;
      return true;
    }
  }
  return false;
}

}  // namespace declutter::api
