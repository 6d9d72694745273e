#include "service/server/json_log.h"

#include "absl/time/clock.h"

namespace declutter::server {

std::string JsonLog::Line(absl::Time now, absl::string_view event,
                          const nlohmann::json& fields) {
  // ordered_json keeps "ts" and "event" first, where a reader's eye looks.
  nlohmann::ordered_json line;
  line["ts"] =
      absl::FormatTime("%Y-%m-%dT%H:%M:%E3SZ", now, absl::UTCTimeZone());
  line["event"] = std::string(event);
  if (fields.is_object()) {
    for (const auto& [key, value] : fields.items()) line[key] = value;
  }
  // Invalid UTF-8 (a page id from a client) is replaced, never thrown on.
  return line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void JsonLog::Write(absl::string_view event, const nlohmann::json& fields) {
  const std::string line = Line(absl::Now(), event, fields);
  absl::MutexLock lock(&mu_);
  *out_ << line << '\n';
  out_->flush();
}

}  // namespace declutter::server
