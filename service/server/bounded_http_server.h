// An httplib::Server that an outsider cannot make hold memory, threads or
// connections without bound, for the metrics port and the HTTP/JSON API port:
//
//   - It serves `routes` only: another path is answered 404 and another method
//     405 (with Allow) as soon as the headers are read, before any body; a
//     request whose body is left unread has its connection closed after the
//     answer (a 500 MB POST is never buffered).
//   - A body whose Content-Length is over `max_body_bytes` is refused 413
//     unread, and so is any body of a GET or HEAD (httplib never reads those)
//     past it. httplib 0.11 bounds neither chunked bodies nor bodies without a
//     length, nor does it stop reading at set_payload_max_length for them:
//     handlers of other methods read their bodies through a ContentReader that
//     counts and stops at the bound, and call CloseAfterAnswer() when they
//     stop early.
//   - Each exchange (the request line, headers and body in, the answer out)
//     must finish within `exchange_time` from its first byte, however slowly
//     the bytes trickle: httplib's own timeout is per read, so a client sending
//     one header line every few seconds would hold a thread for ever
//     (slowloris). A connection lives at most `connection_time` and serves at
//     most `max_requests_per_connection` exchanges, idling at most
//     `keep_alive_idle` between them.
//   - `threads` connections are served at once and `max_waiting_connections`
//     more wait for a thread; past that a new connection is answered 503 (or,
//     under TLS, closed) at once, so accepted sockets cannot pile up.
//   - With a TLS context, every connection is TLS (handshake within the first
//     exchange's deadline); the context decides whether client certificates
//     are required (http_tls.h).
//
// Register handlers and bind as with httplib::Server (but leave the pre-routing
// handler to this class). Thread-safe as httplib::Server is; stop() returns
// once every connection has ended, which the limits bound.

#ifndef DECLUTTER_SERVICE_SERVER_BOUNDED_HTTP_SERVER_H_
#define DECLUTTER_SERVICE_SERVER_BOUNDED_HTTP_SERVER_H_

#include <httplib.h>
#include <openssl/ssl.h>

#include <atomic>
#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace declutter::server {

struct HttpLimits {
  // Connections served at once. Prometheus needs one; the rest is headroom
  // against clients that hold a connection for its whole exchange_time.
  int threads = 16;
  // Accepted connections waiting for a thread; more are refused at once.
  int max_waiting_connections = 64;
  // A request arrives in one packet from a scraper; the largest answer is a
  // few hundred KB on loopback or a cluster network.
  absl::Duration exchange_time = absl::Seconds(10);
  absl::Duration keep_alive_idle = absl::Seconds(5);
  absl::Duration connection_time = absl::Seconds(60);
  size_t max_requests_per_connection = 100;
  // GET and HEAD carry no body; 1 KiB tolerates a client that sends one.
  size_t max_body_bytes = 1024;
};

// Path -> the methods it takes, e.g. {"/metrics", {"GET", "HEAD"}}.
using HttpRoutes = std::map<std::string, std::vector<std::string>>;

// Writes the body of a refusal made from the headers (404, 405, 413) with its
// `message` into `response` (whose status is set). The default: the message
// as text/plain.
using HttpRefusalBody =
    std::function<void(absl::string_view message, httplib::Response* response)>;

class BoundedHttpServer final : public httplib::Server {
 public:
  // `tls` (may be null: plaintext) is borrowed: it must outlive the server.
  // `refusal_body` may be empty (text/plain).
  BoundedHttpServer(HttpLimits limits, HttpRoutes routes,
                    SSL_CTX* tls = nullptr,
                    HttpRefusalBody refusal_body = nullptr);
  ~BoundedHttpServer() override { Stop(); }

  // Binds `address` (host:port, [v6]:port; port 0 picks a free one) and serves
  // on a thread of its own; the bound port. INVALID_ARGUMENT when `address` is
  // not host:port; UNAVAILABLE when it cannot be bound. Once only.
  absl::StatusOr<int> Start(const std::string& address);
  // Stops the listener and joins its thread, once every connection has ended
  // (the limits bound that). Safe to call twice, or without Start.
  void Stop();

  // Waits until no exchange is under way (a request being read, handled or
  // answered), or `deadline`; true when none is. For a drain: after it, Stop()
  // cuts only idle connections and requests that came later.
  bool WaitIdle(absl::Time deadline);

  // For a handler: close the connection once this answer is written (its body
  // was not read to the end, or the server is draining).
  static void CloseAfterAnswer();
  // For a handler: when the current exchange will be cut off.
  static absl::Time ExchangeDeadline();

 private:
  // Replaces httplib's connection loop (a private virtual of httplib::Server)
  // with one that holds every read and write to the exchange's deadline.
  bool process_and_close_socket(socket_t sock) override;

  const HttpLimits limits_;
  SSL_CTX* const tls_;
  std::thread thread_;
  std::atomic<bool> listener_returned_{false};
  absl::Mutex exchanges_mu_;
  int exchanges_ ABSL_GUARDED_BY(exchanges_mu_) = 0;
};

// Splits "host:port" (the host may be "[v6]") into `*host` and `*port`;
// INVALID_ARGUMENT naming `address` when it has no port or one outside 0-65535.
absl::Status SplitHostPort(const std::string& address, std::string* host,
                           int* port);

}  // namespace declutter::server

#endif  // DECLUTTER_SERVICE_SERVER_BOUNDED_HTTP_SERVER_H_
