// declutter-server's command line: the flags (defined in server_config.cc, so
// `--helpfull` lists them under it) read into one ServerConfig, checked, and
// with their "0 means ..." defaults resolved, so the rest of the server reads
// plain values and never a flag.
//
// ServerConfigFromFlags reads the flags absl::ParseCommandLine has parsed;
// call it from main() after parsing (absl's flags are safe to read from any
// thread). The config is a plain value that owns its strings: copy it freely.

#ifndef DECLUTTER_SERVICE_SERVER_SERVER_CONFIG_H_
#define DECLUTTER_SERVICE_SERVER_SERVER_CONFIG_H_

#include <cstddef>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "service/api/tls_files.h"
#include "service/server/declutter_service.h"

namespace declutter::server {

// Keepalive pings and connection ages (gRPC channel arguments).
struct ConnectionConfig {
  absl::Duration keepalive_time;
  absl::Duration keepalive_timeout;
  absl::Duration max_connection_age;  // zero: never closed for age
  absl::Duration max_connection_age_grace;
};

struct ServerConfig {
  std::string listen;      // host:port of the API; port 0 picks one
  std::string port_file;   // empty: the bound port is not written
  int workers = 1;         // engine threads, at least 1
  size_t queue = 1;        // pages that may wait for a worker, at least 1
  ServiceLimits limits;    // page size, per-page budget, stream window
  api::TlsFiles tls;       // cert, key, client_ca (ca unused)
  bool plaintext = false;  // serve without TLS (never by default)
  ConnectionConfig connections;
  absl::Duration shutdown_grace;
  std::string metrics_listen;     // empty: no metrics port
  std::string metrics_port_file;  // empty: the metrics port is not written
  std::string health_listen;      // empty: health on `listen` only
  std::string http_listen;        // empty: no HTTP/JSON API port
  bool channelz = false;
  bool log_pages = true;
};

// The config the parsed flags describe. `cores` is what --workers=0 means
// (one worker per core). INVALID_ARGUMENT naming the flag, its value and what
// was expected when a value is out of range. Transport security is checked
// apart (TransportCredentials in server_credentials.h).
absl::StatusOr<ServerConfig> ServerConfigFromFlags(int cores);

}  // namespace declutter::server

#endif  // DECLUTTER_SERVICE_SERVER_SERVER_CONFIG_H_
