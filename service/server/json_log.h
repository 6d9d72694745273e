// Structured logs: one JSON object per line, with a UTC timestamp and an event
// name first, for log collectors (Kubernetes, Loki, Cloud Logging) to index
// without parsing free text. Strings are escaped by nlohmann::json, so page ids
// or error messages with quotes or newlines cannot break a line.
//
// Thread-safe: a line is written whole under a mutex and flushed.

#ifndef DECLUTTER_SERVICE_SERVER_JSON_LOG_H_
#define DECLUTTER_SERVICE_SERVER_JSON_LOG_H_

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace declutter::server {

class JsonLog {
 public:
  // Writes to `out` (not owned; must outlive the log), e.g. &std::cerr.
  explicit JsonLog(std::ostream* out) : out_(out) {}

  // Writes {"ts": ..., "event": event, ...fields}. `fields` must be a JSON
  // object.
  void Write(absl::string_view event,
             const nlohmann::json& fields = nlohmann::json::object());

  // The line Write() would write at `now`, without the newline.
  static std::string Line(absl::Time now, absl::string_view event,
                          const nlohmann::json& fields);

 private:
  absl::Mutex mu_;
  std::ostream* const out_ ABSL_GUARDED_BY(mu_);
};

}  // namespace declutter::server

#endif  // DECLUTTER_SERVICE_SERVER_JSON_LOG_H_
