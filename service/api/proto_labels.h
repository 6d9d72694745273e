// Short lower-case words for the proto's enum values, where people and
// monitoring read them: the CLI's text output, the server's page log line and
// its metric labels. Each is a closed set, so a metric labelled with it has a
// bounded number of series.
//
// Pure functions; thread-safe.

#ifndef DECLUTTER_SERVICE_API_PROTO_LABELS_H_
#define DECLUTTER_SERVICE_API_PROTO_LABELS_H_

#include "proto/declutter/v1/declutter.pb.h"

namespace declutter::api {

// "article", "forum", "product", "collection", "listing", "documentation",
// "service"; "unknown" for UNSPECIFIED and values this build does not know.
const char* PageTypeLabel(v1::PageType type);

// "other", "ad", "related", "navigation", "copyright", "comment", "share",
// "disclaimer", "contact", "metadata", "consent"; "other" for values this
// build does not know.
const char* RemovedKindLabel(v1::RemovedKind kind);

}  // namespace declutter::api

#endif  // DECLUTTER_SERVICE_API_PROTO_LABELS_H_
