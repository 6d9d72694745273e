// Short lower-case words for the proto's enum values, where people and
// monitoring read them (the CLI's text output, the server's page log line and
// its metric labels) and where people type them (the CLI's flags, the HTTP
// port's query parameters). Each is a closed set, so a metric labelled with it
// has a bounded number of series.
//
// Pure functions; thread-safe.

#ifndef DECLUTTER_SERVICE_API_PROTO_LABELS_H_
#define DECLUTTER_SERVICE_API_PROTO_LABELS_H_

#include "absl/strings/string_view.h"
#include "proto/declutter/v1/declutter.pb.h"

namespace declutter::api {

// "article", "forum", "product", "collection", "listing", "documentation",
// "service"; "unknown" for UNSPECIFIED and values this build does not know.
const char* PageTypeLabel(v1::PageType type);

// "other", "ad", "related", "navigation", "copyright", "comment", "share",
// "disclaimer", "contact", "metadata", "consent"; "other" for values this
// build does not know.
const char* RemovedKindLabel(v1::RemovedKind kind);

// "auto", "html", "text"; "unknown" for values this build does not know.
const char* InputKindLabel(v1::InputKind kind);

// The words people type for an input kind ("auto", "html", "text") and an
// output format ("text", "markdown", "html"), as the CLI's flags and the HTTP
// port's query parameters take them. False for any other word; the
// k*Choices strings list the accepted words for error messages.
inline constexpr char kInputKindChoices[] = "auto, html or text";
inline constexpr char kOutputFormatChoices[] = "text, markdown or html";
bool ParseInputKind(absl::string_view word, v1::InputKind* kind);
bool ParseOutputFormat(absl::string_view word, v1::OutputFormat* format);

}  // namespace declutter::api

#endif  // DECLUTTER_SERVICE_API_PROTO_LABELS_H_
