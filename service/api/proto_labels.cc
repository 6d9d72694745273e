#include "service/api/proto_labels.h"

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

}  // namespace declutter::api
