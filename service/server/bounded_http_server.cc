#include "service/server/bounded_http_server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <openssl/err.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <climits>
#include <cstdint>
#include <cstring>
#include <deque>
#include <string>
#include <thread>
#include <utility>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"

namespace declutter::server {
namespace {

// Set by the route check (or a handler) when the request it answered may still
// have a body on the wire: the connection loop (on the same thread) then closes
// the connection rather than read that body as the next request.
thread_local bool close_after_answer = false;
// When the exchange being served is cut off.
thread_local absl::Time exchange_deadline = absl::InfiniteFuture();
// Set while a connection over the limit is handed to process_and_close_socket
// on the accepting thread, to be refused.
thread_local bool refuse_connection = false;

// What a lingering close reads and throws away after an answer that left a
// body unread, so the client reads the answer before the connection closes
// (closing with unread bytes sends a reset that can destroy the answer):
// bounded in bytes and time.
constexpr size_t kLingerBytes = 1 << 20;
constexpr absl::Duration kLingerTime = absl::Seconds(1);

// httplib's ThreadPool queues accepted sockets without bound; this one takes
// `max_waiting` beyond its idle threads and has the rest refused.
class BoundedTaskQueue final : public httplib::TaskQueue {
 public:
  BoundedTaskQueue(size_t threads, size_t max_waiting)
      : max_waiting_(max_waiting) {
    for (size_t i = 0; i < threads; ++i) {
      threads_.emplace_back([this] { Work(); });
    }
  }

  void enqueue(std::function<void()> fn) override {
    {
      absl::MutexLock lock(&mu_);
      if (!stopping_ && jobs_.size() < max_waiting_ + idle_) {
        jobs_.push_back(std::move(fn));
        return;
      }
    }
    // Runs the connection's job here, to close it at once.
    refuse_connection = true;
    fn();
    refuse_connection = false;
  }

  void shutdown() override {
    {
      absl::MutexLock lock(&mu_);
      stopping_ = true;
    }
    for (std::thread& thread : threads_) thread.join();
  }

 private:
  void Work() {
    // A TLS write to a peer that has gone raises SIGPIPE (OpenSSL writes with
    // write(2)); blocked here, the write fails with EPIPE instead, and the
    // signal stays pending on this thread, harmless.
    sigset_t pipe;
    sigemptyset(&pipe);
    sigaddset(&pipe, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipe, nullptr);
    for (;;) {
      std::function<void()> fn;
      {
        absl::MutexLock lock(&mu_);
        ++idle_;
        mu_.Await(absl::Condition(this, &BoundedTaskQueue::ReadyLocked));
        --idle_;
        if (jobs_.empty()) return;  // stopping, nothing left
        fn = std::move(jobs_.front());
        jobs_.pop_front();
      }
      fn();
    }
  }

  bool ReadyLocked() const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    return stopping_ || !jobs_.empty();
  }

  const size_t max_waiting_;
  std::vector<std::thread> threads_;
  absl::Mutex mu_;
  std::deque<std::function<void()>> jobs_ ABSL_GUARDED_BY(mu_);
  size_t idle_ ABSL_GUARDED_BY(mu_) = 0;
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
};

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

// A connected socket (non-blocking), plain or TLS, whose reads and writes fail
// once the current deadline has passed, with a small read buffer (httplib
// reads headers a byte at a time).
class DeadlineStream final : public httplib::Stream {
 public:
  DeadlineStream(int sock, SSL* ssl, const std::atomic<socket_t>* listener)
      : sock_(sock), ssl_(ssl), listener_(listener) {}

  void set_deadline(absl::Time deadline) { deadline_ = deadline; }

  // The TLS handshake, within the deadline; false when it fails.
  bool Handshake() {
    for (;;) {
      ERR_clear_error();
      const int done = SSL_accept(ssl_);
      if (done == 1) return true;
      if (!WaitForSsl(done)) return false;
    }
  }

  bool is_readable() const override {
    return buffered() || WaitFor(sock_, POLLIN, deadline_, listener_);
  }
  bool is_writable() const override {
    return WaitFor(sock_, POLLOUT, deadline_, listener_);
  }

  ssize_t read(char* ptr, size_t size) override {
    if (begin_ == end_) {
      const ssize_t got = Fill();
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
    // One call writes at most 1 GiB (SSL_write takes an int); httplib writes
    // the rest in further calls.
    size = std::min<size_t>(size, 1 << 30);
    for (;;) {
      if (ssl_ != nullptr) {
        ERR_clear_error();
        const int wrote = SSL_write(ssl_, ptr, static_cast<int>(size));
        if (wrote > 0) return wrote;
        if (!WaitForSsl(wrote)) return -1;
        continue;
      }
      if (!is_writable()) return -1;
      const ssize_t wrote = ::send(sock_, ptr, size, MSG_NOSIGNAL);
      if (wrote >= 0 || (errno != EAGAIN && errno != EINTR)) return wrote;
    }
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

  // Bytes already read from the socket (or decrypted) but not yet consumed.
  bool buffered() const {
    return begin_ < end_ || (ssl_ != nullptr && SSL_pending(ssl_) > 0);
  }

 private:
  // Reads what is there into buffer_, waiting within the deadline: the count,
  // 0 at the end of the stream, -1 on an error or a passed deadline.
  ssize_t Fill() {
    for (;;) {
      if (ssl_ != nullptr) {
        ERR_clear_error();
        const int got = SSL_read(ssl_, buffer_, sizeof(buffer_));
        if (got > 0) return got;
        if (SSL_get_error(ssl_, got) == SSL_ERROR_ZERO_RETURN) return 0;
        if (!WaitForSsl(got)) return -1;
        continue;
      }
      if (!WaitFor(sock_, POLLIN, deadline_, listener_)) return -1;
      const ssize_t got = ::recv(sock_, buffer_, sizeof(buffer_), 0);
      if (got >= 0 || (errno != EAGAIN && errno != EINTR)) return got;
    }
  }

  // After an SSL call returned `result` <= 0: waits for what it wants; false
  // when it failed for good or the deadline passed.
  bool WaitForSsl(int result) const {
    switch (SSL_get_error(ssl_, result)) {
      case SSL_ERROR_WANT_READ:
        return WaitFor(sock_, POLLIN, deadline_, listener_);
      case SSL_ERROR_WANT_WRITE:
        return WaitFor(sock_, POLLOUT, deadline_, listener_);
      default:
        return false;
    }
  }

  const int sock_;
  SSL* const ssl_;
  const std::atomic<socket_t>* const listener_;
  absl::Time deadline_ = absl::InfinitePast();
  char buffer_[4096];
  size_t begin_ = 0;
  size_t end_ = 0;
};

// Throws away what the client still sends, up to kLingerBytes or
// kLingerTime, after our side has stopped writing.
void Linger(int sock, const std::atomic<socket_t>* listener) {
  ::shutdown(sock, SHUT_WR);
  const absl::Time until = absl::Now() + kLingerTime;
  char buffer[16384];
  for (size_t read = 0; read < kLingerBytes;) {
    if (!WaitFor(sock, POLLIN, until, listener)) return;
    const ssize_t got = ::recv(sock, buffer, sizeof(buffer), 0);
    if (got == 0 || (got < 0 && errno != EAGAIN && errno != EINTR)) return;
    if (got > 0) read += static_cast<size_t>(got);
  }
}

}  // namespace

BoundedHttpServer::BoundedHttpServer(HttpLimits limits, HttpRoutes routes,
                                     SSL_CTX* tls, HttpRefusalBody refusal_body)
    : limits_(limits), tls_(tls) {
  if (!refusal_body) {
    refusal_body = [](absl::string_view message, httplib::Response* response) {
      response->set_content(absl::StrCat(message, "\n"), "text/plain");
    };
  }
  const size_t threads = static_cast<size_t>(std::max(1, limits_.threads));
  const size_t waiting =
      static_cast<size_t>(std::max(0, limits_.max_waiting_connections));
  new_task_queue = [threads, waiting] {
    return new BoundedTaskQueue(threads, waiting);
  };
  set_payload_max_length(limits_.max_body_bytes);
  // What httplib's Keep-Alive answer header advertises.
  set_keep_alive_max_count(limits_.max_requests_per_connection);
  set_keep_alive_timeout(
      std::max<time_t>(1, absl::ToInt64Seconds(limits_.keep_alive_idle)));
  const size_t max_body = limits_.max_body_bytes;
  set_pre_routing_handler([max_body, routes = std::move(routes),
                           refusal_body = std::move(refusal_body)](
                              const httplib::Request& request,
                              httplib::Response& response) {
    // The body's announced size: unknown (chunked, or a bad length) counts as
    // unbounded.
    const std::string length = request.get_header_value("Content-Length");
    uint64_t bytes = 0;
    const bool chunked = request.has_header("Transfer-Encoding");
    const bool unsized =
        chunked || (!length.empty() && !absl::SimpleAtoi(length, &bytes));
    if (unsized) bytes = UINT64_MAX;
    // httplib never reads a GET's or HEAD's body: whatever body there is stays
    // on the wire. Other methods' handlers read theirs, counting an unsized
    // one as it comes.
    const bool never_read = request.method == "GET" || request.method == "HEAD";
    const auto route = routes.find(request.path);
    if (route == routes.end()) {
      response.status = 404;
      refusal_body(absl::StrCat("no such path: this port serves ",
                                routes.begin()->first),
                   &response);
    } else if (std::find(route->second.begin(), route->second.end(),
                         request.method) == route->second.end()) {
      const std::string allow = absl::StrJoin(route->second, ", ");
      response.status = 405;
      response.set_header("Allow", allow);
      refusal_body(absl::StrCat("method not allowed: ", route->first, " takes ",
                                allow, " only"),
                   &response);
    } else if (bytes > max_body && (never_read || !unsized)) {
      response.status = 413;
      refusal_body(absl::StrCat("request body ",
                                unsized ? std::string("of unknown length")
                                        : absl::StrCat("of ", bytes, " bytes"),
                                " is over this port's limit of ", max_body,
                                " bytes: send a smaller one"),
                   &response);
    } else {
      // A body left on the wire: the connection closes after the answer
      // rather than read it as the next request.
      if (bytes > 0 && never_read) close_after_answer = true;
      return HandlerResponse::Unhandled;
    }
    // Refused from the headers: the body, if any, is never read.
    if (bytes > 0) {
      response.set_header("Connection", "close");
      close_after_answer = true;
    }
    return HandlerResponse::Handled;
  });
}

absl::StatusOr<int> BoundedHttpServer::Start(const std::string& address) {
  std::string host;
  int port = 0;
  if (absl::Status s = SplitHostPort(address, &host, &port); !s.ok()) return s;
  port = port == 0 ? bind_to_any_port(host)
                   : (bind_to_port(host, port) ? port : -1);
  if (port <= 0) {
    return absl::UnavailableError(absl::StrCat("cannot listen on ", address,
                                               ": expected a free host:port"));
  }
  thread_ = std::thread([this] {
    listen_after_bind();
    listener_returned_ = true;
  });
  return port;
}

void BoundedHttpServer::Stop() {
  if (!thread_.joinable()) return;
  // stop() only reaches a listener that is running: wait for it to start (or
  // to have given up) first, so the join cannot hang.
  while (!is_running() && !listener_returned_) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  stop();
  thread_.join();
}

absl::Status SplitHostPort(const std::string& address, std::string* host,
                           int* port) {
  const size_t colon = address.rfind(':');
  if (colon != std::string::npos) {
    *host = address.substr(0, colon);
    if (host->size() >= 2 && host->front() == '[' && host->back() == ']') {
      *host = host->substr(1, host->size() - 2);
    }
    if (absl::SimpleAtoi(address.substr(colon + 1), port) && *port >= 0 &&
        *port < 65536) {
      return absl::OkStatus();
    }
  }
  return absl::InvalidArgumentError(
      absl::StrCat("'", address, "' is not an address: expected host:port"));
}

bool BoundedHttpServer::WaitIdle(absl::Time deadline) {
  absl::MutexLock lock(&exchanges_mu_);
  auto idle = [this]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(exchanges_mu_) {
    return exchanges_ == 0;
  };
  return exchanges_mu_.AwaitWithDeadline(absl::Condition(&idle), deadline);
}

void BoundedHttpServer::CloseAfterAnswer() { close_after_answer = true; }

absl::Time BoundedHttpServer::ExchangeDeadline() { return exchange_deadline; }

bool BoundedHttpServer::process_and_close_socket(socket_t sock) {
  ::fcntl(sock, F_SETFL, ::fcntl(sock, F_GETFL) | O_NONBLOCK);
  if (refuse_connection) {
    // Over the connection limit, on the accepting thread: a plaintext client
    // is told why (best effort, never waiting), a TLS one just closed.
    if (tls_ == nullptr) {
      constexpr char kBusy[] =
          "HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n"
          "Retry-After: 1\r\nContent-Length: 0\r\n\r\n";
      (void)::send(sock, kBusy, sizeof(kBusy) - 1, MSG_NOSIGNAL);
    }
    ::close(sock);
    return false;
  }
  SSL* ssl = nullptr;
  if (tls_ != nullptr) {
    ssl = SSL_new(tls_);
    if (ssl == nullptr || SSL_set_fd(ssl, sock) != 1) {
      SSL_free(ssl);
      ::close(sock);
      return false;
    }
  }
  DeadlineStream stream(sock, ssl, &svr_sock_);
  const absl::Time connection_end = absl::Now() + limits_.connection_time;
  bool ok = true;
  bool linger = false;
  if (ssl != nullptr) {
    stream.set_deadline(
        std::min(connection_end, absl::Now() + limits_.exchange_time));
    ok = stream.Handshake();
  }
  for (size_t served = 0; ok && served < limits_.max_requests_per_connection;
       ++served) {
    if (served > 0 && !stream.buffered() &&
        !WaitFor(
            sock, POLLIN,
            std::min(connection_end, absl::Now() + limits_.keep_alive_idle),
            &svr_sock_)) {
      break;  // idle too long, or the connection's time is up
    }
    if (svr_sock_ == INVALID_SOCKET) break;  // stopping
    exchange_deadline =
        std::min(connection_end, absl::Now() + limits_.exchange_time);
    stream.set_deadline(exchange_deadline);
    close_after_answer = false;
    const bool last = served + 1 == limits_.max_requests_per_connection;
    bool closed = false;
    {
      absl::MutexLock lock(&exchanges_mu_);
      ++exchanges_;
    }
    ok = process_request(stream, last, closed, [](httplib::Request&) {});
    {
      absl::MutexLock lock(&exchanges_mu_);
      --exchanges_;
    }
    linger = close_after_answer;
    if (!ok || closed || close_after_answer) break;
  }
  close_after_answer = false;
  exchange_deadline = absl::InfiniteFuture();
  if (ssl != nullptr) {
    if (ok) SSL_shutdown(ssl);  // close_notify, not waiting for the peer's
    SSL_free(ssl);
  }
  if (linger) Linger(sock, &svr_sock_);
  ::shutdown(sock, SHUT_RDWR);
  ::close(sock);
  return ok;
}

}  // namespace declutter::server
