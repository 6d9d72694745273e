#include "service/extract/result.h"

namespace declutter::extract {

const char* BlockKindName(BlockKind kind) {
  switch (kind) {
    case BlockKind::kNone: return "content";
    case BlockKind::kOther: return "other";
    case BlockKind::kAd: return "ad";
    case BlockKind::kRelated: return "related";
    case BlockKind::kNavigation: return "navigation";
    case BlockKind::kCopyright: return "copyright";
    case BlockKind::kComment: return "comment";
    case BlockKind::kShare: return "share";
    case BlockKind::kDisclaimer: return "disclaimer";
    case BlockKind::kContact: return "contact";
    case BlockKind::kMetadata: return "metadata";
    case BlockKind::kConsent: return "consent";
  }
  return "other";
}

const char* PageTypeName(PageType type) {
  switch (type) {
    case PageType::kUnknown: return "unknown";
    case PageType::kArticle: return "article";
    case PageType::kForum: return "forum";
    case PageType::kProduct: return "product";
    case PageType::kCollection: return "collection";
    case PageType::kListing: return "listing";
    case PageType::kDocumentation: return "documentation";
    case PageType::kService: return "service";
  }
  return "unknown";
}

}  // namespace declutter::extract
