// An httplib::Server for read-only endpoints (GET and HEAD) that an outsider
// cannot make hold memory or threads without bound:
//
//   - Methods other than GET and HEAD are answered 405 as soon as their headers
//     are read, before any body, and the connection is closed (a 500 MB POST
//     is never buffered).
//   - A request body over `max_body_bytes` is refused 413 unread.
//   - Each exchange (the request line, headers and body in, the answer out)
//     must finish within `exchange_time` from its first byte, however slowly
//     the bytes trickle: httplib's own timeout is per read, so a client sending
//     one header line every few seconds would hold a thread for ever
//     (slowloris). A connection lives at most `connection_time` and serves at
//     most `max_requests_per_connection` exchanges, idling at most
//     `keep_alive_idle` between them.
//   - `threads` connections are served at once; more wait in the listener's
//     queue until a thread is free, which the limits above make soon.
//
// Register handlers and bind as with httplib::Server. Thread-safe as
// httplib::Server is; stop() returns once every connection has ended, which
// the limits bound.

#ifndef DECLUTTER_SERVICE_SERVER_BOUNDED_HTTP_SERVER_H_
#define DECLUTTER_SERVICE_SERVER_BOUNDED_HTTP_SERVER_H_

#include <httplib.h>

#include <cstddef>

#include "absl/time/time.h"

namespace declutter::server {

struct HttpLimits {
  // Connections served at once. Prometheus needs one; the rest is headroom
  // against clients that hold a connection for its whole exchange_time.
  int threads = 16;
  // A request arrives in one packet from a scraper; the largest answer is a
  // few hundred KB on loopback or a cluster network.
  absl::Duration exchange_time = absl::Seconds(10);
  absl::Duration keep_alive_idle = absl::Seconds(5);
  absl::Duration connection_time = absl::Seconds(60);
  size_t max_requests_per_connection = 100;
  // GET and HEAD carry no body; 1 KiB tolerates a client that sends one.
  size_t max_body_bytes = 1024;
};

class BoundedHttpServer final : public httplib::Server {
 public:
  explicit BoundedHttpServer(HttpLimits limits = HttpLimits());

 private:
  // Replaces httplib's connection loop (a private virtual of httplib::Server)
  // with one that holds every read and write to the exchange's deadline.
  bool process_and_close_socket(socket_t sock) override;

  const HttpLimits limits_;
};

}  // namespace declutter::server

#endif  // DECLUTTER_SERVICE_SERVER_BOUNDED_HTTP_SERVER_H_
