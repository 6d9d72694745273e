#include "service/server/bounded_http_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstring>
#include <string>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"

namespace declutter::server {
namespace {

// Set by the method check when the request it refused may still have a body
// on the wire: the connection loop (on the same thread) then closes the
// connection rather than read that body as the next request.
thread_local bool close_after_answer = false;

// Milliseconds left until `deadline`, for poll(); 0 when past.
int MillisUntil(absl::Time deadline) {
  const int64_t ms = absl::ToInt64Milliseconds(deadline - absl::Now());
  return static_cast<int>(std::clamp<int64_t>(ms, 0, 1 << 30));
}

// Waits until `sock` has `events`, `deadline` passes or the server stops
// (`*listener` closed), looking at the listener every 100 ms so a stop never
// waits for a slow or idle client's deadline.
bool WaitFor(int sock, short events, absl::Time deadline,
             const std::atomic<socket_t>* listener) {
  while (*listener != INVALID_SOCKET) {
    pollfd fd{sock, events, 0};
    const int ready = ::poll(&fd, 1, std::min(100, MillisUntil(deadline)));
    if (ready > 0) return true;
    if (ready < 0 && errno != EINTR) return false;
    if (ready == 0 && absl::Now() >= deadline) return false;
  }
  return false;
}

std::string AddressText(const sockaddr_storage& address, int* port) {
  char text[INET6_ADDRSTRLEN] = {};
  if (address.ss_family == AF_INET) {
    const auto* v4 = reinterpret_cast<const sockaddr_in*>(&address);
    ::inet_ntop(AF_INET, &v4->sin_addr, text, sizeof(text));
    *port = ntohs(v4->sin_port);
  } else if (address.ss_family == AF_INET6) {
    const auto* v6 = reinterpret_cast<const sockaddr_in6*>(&address);
    ::inet_ntop(AF_INET6, &v6->sin6_addr, text, sizeof(text));
    *port = ntohs(v6->sin6_port);
  }
  return text;
}

// A connected socket whose reads and writes fail once the current deadline
// has passed, with a small read buffer (httplib reads headers a byte at a
// time).
class DeadlineStream final : public httplib::Stream {
 public:
  DeadlineStream(int sock, const std::atomic<socket_t>* listener)
      : sock_(sock), listener_(listener) {}

  void set_deadline(absl::Time deadline) { deadline_ = deadline; }

  bool is_readable() const override {
    return begin_ < end_ || WaitFor(sock_, POLLIN, deadline_, listener_);
  }
  bool is_writable() const override {
    return WaitFor(sock_, POLLOUT, deadline_, listener_);
  }

  ssize_t read(char* ptr, size_t size) override {
    if (begin_ == end_) {
      if (!WaitFor(sock_, POLLIN, deadline_, listener_)) return -1;
      const ssize_t got = ::recv(sock_, buffer_, sizeof(buffer_), 0);
      if (got <= 0) return got;
      begin_ = 0;
      end_ = static_cast<size_t>(got);
    }
    const size_t n = std::min(size, end_ - begin_);
    std::memcpy(ptr, buffer_ + begin_, n);
    begin_ += n;
    return static_cast<ssize_t>(n);
  }

  ssize_t write(const char* ptr, size_t size) override {
    if (!is_writable()) return -1;
    return ::send(sock_, ptr, size, MSG_NOSIGNAL);
  }

  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    sockaddr_storage address{};
    socklen_t length = sizeof(address);
    port = 0;
    if (::getpeername(sock_, reinterpret_cast<sockaddr*>(&address), &length) ==
        0) {
      ip = AddressText(address, &port);
    }
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    sockaddr_storage address{};
    socklen_t length = sizeof(address);
    port = 0;
    if (::getsockname(sock_, reinterpret_cast<sockaddr*>(&address), &length) ==
        0) {
      ip = AddressText(address, &port);
    }
  }
  socket_t socket() const override { return sock_; }

  // Bytes already read from the socket but not yet consumed.
  bool buffered() const { return begin_ < end_; }

 private:
  const int sock_;
  const std::atomic<socket_t>* const listener_;
  absl::Time deadline_ = absl::InfinitePast();
  char buffer_[4096];
  size_t begin_ = 0;
  size_t end_ = 0;
};

}  // namespace

BoundedHttpServer::BoundedHttpServer(HttpLimits limits) : limits_(limits) {
  const size_t threads = static_cast<size_t>(std::max(1, limits_.threads));
  new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  set_payload_max_length(limits_.max_body_bytes);
  // What httplib's Keep-Alive answer header advertises.
  set_keep_alive_max_count(limits_.max_requests_per_connection);
  set_keep_alive_timeout(
      std::max<time_t>(1, absl::ToInt64Seconds(limits_.keep_alive_idle)));
  const size_t max_body = limits_.max_body_bytes;
  set_pre_routing_handler(
      [max_body](const httplib::Request& request, httplib::Response& response) {
        if (request.method != "GET" && request.method != "HEAD") {
          response.status = 405;
          response.set_header("Allow", "GET, HEAD");
          response.set_header("Connection", "close");
          response.set_content(
              "method not allowed: this port serves GET and HEAD only\n",
              "text/plain");
          close_after_answer = true;
          return HandlerResponse::Handled;
        }
        // httplib never reads a GET's body: whatever body there is stays on the
        // wire, so the connection closes after the answer rather than read it
        // as the next request, and a large or unsized one is refused outright.
        const std::string length = request.get_header_value("Content-Length");
        uint64_t bytes = 0;
        const bool chunked = request.has_header("Transfer-Encoding");
        if (chunked || (!length.empty() && !absl::SimpleAtoi(length, &bytes))) {
          bytes = UINT64_MAX;
        }
        if (bytes > 0) close_after_answer = true;
        if (bytes > max_body) {
          response.status = 413;
          response.set_header("Connection", "close");
          response.set_content(
              absl::StrCat("request body over ", max_body,
                           " bytes: this port takes no request bodies\n"),
              "text/plain");
          return HandlerResponse::Handled;
        }
        return HandlerResponse::Unhandled;
      });
}

bool BoundedHttpServer::process_and_close_socket(socket_t sock) {
  DeadlineStream stream(sock, &svr_sock_);
  const absl::Time connection_end = absl::Now() + limits_.connection_time;
  bool ok = true;
  for (size_t served = 0; served < limits_.max_requests_per_connection;
       ++served) {
    if (served > 0 && !stream.buffered() &&
        !WaitFor(
            sock, POLLIN,
            std::min(connection_end, absl::Now() + limits_.keep_alive_idle),
            &svr_sock_)) {
      break;  // idle too long, or the connection's time is up
    }
    if (svr_sock_ == INVALID_SOCKET) break;  // stopping
    stream.set_deadline(
        std::min(connection_end, absl::Now() + limits_.exchange_time));
    close_after_answer = false;
    const bool last = served + 1 == limits_.max_requests_per_connection;
    bool closed = false;
    ok = process_request(stream, last, closed, [](httplib::Request&) {});
    if (!ok || closed || close_after_answer) break;
  }
  close_after_answer = false;
  ::shutdown(sock, SHUT_RDWR);
  ::close(sock);
  return ok;
}

}  // namespace declutter::server
