#include "service/server/library_log.h"

#include <grpc/support/log.h>

#include <atomic>
#include <cstdio>
#include <string>

#include "absl/base/internal/raw_logging.h"
#include "absl/base/log_severity.h"
#include "absl/time/clock.h"

namespace declutter::server {
namespace {

// The log lines go to while a route lives; null otherwise.
std::atomic<JsonLog*> g_log{nullptr};

void Emit(const char* event, const char* severity, const char* file, int line,
          const std::string& message) {
  const nlohmann::json fields = {{"severity", severity},
                                 {"file", file != nullptr ? file : ""},
                                 {"line", line},
                                 {"message", message}};
  if (JsonLog* log = g_log.load(std::memory_order_acquire); log != nullptr) {
    log->Write(event, fields);
    return;
  }
  // One write of the whole line, so it cannot interleave with another.
  const std::string line_text =
      JsonLog::Line(absl::Now(), event, fields) + "\n";
  std::fwrite(line_text.data(), 1, line_text.size(), stderr);
}

void FromGrpc(gpr_log_func_args* args) {
  Emit("grpc", gpr_log_severity_string(args->severity), args->file, args->line,
       args->message != nullptr ? args->message : "");
}

void FromAbsl(absl::LogSeverity severity, const char* file, int line,
              const std::string& message) {
  Emit("absl", absl::LogSeverityName(severity), file, line, message);
}

}  // namespace

LibraryLogRoute::LibraryLogRoute(JsonLog* log) {
  g_log.store(log, std::memory_order_release);
  gpr_set_log_function(&FromGrpc);
  // The verbosity (GRPC_VERBOSITY, ERROR by default) is otherwise read only
  // at grpc_init; until then gpr_log drops everything.
  gpr_log_verbosity_init();
  absl::raw_logging_internal::RegisterInternalLogFunction(&FromAbsl);
}

LibraryLogRoute::~LibraryLogRoute() {
  // The hooks stay: later messages are still JSON, written straight out.
  g_log.store(nullptr, std::memory_order_release);
}

}  // namespace declutter::server
