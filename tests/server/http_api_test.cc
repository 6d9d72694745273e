// The HTTP/JSON port (--http_listen) of the real declutter-server binary, over
// loopback with httplib's client (and raw sockets where a client must
// misbehave): both request forms, every error status, overload with
// Retry-After, bodies over the limit refused unread or stopped at the bound,
// draining on SIGTERM, and TLS.

#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "tests/support/raw_socket.h"
#include "tests/support/test_certificates.h"
#include "tests/support/test_data.h"
#include "tests/support/test_server.h"

namespace declutter {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using testing::TestServer;

constexpr char kArticle[] =
    "<html><head><title>Council expands program</title></head><body><article>"
    "<h1>Council expands program</h1>"
    "<p>The council voted on Tuesday to expand the program, which serves "
    "thousands of residents, after a long debate about its cost.</p>"
    "<p>Supporters said the expansion was overdue, while critics warned that "
    "the budget would not stretch far enough to cover it.</p>"
    "</article></body></html>";

constexpr char kHtml[] = "text/html; charset=utf-8";

// Polls `ready` every 20 ms for up to `wait`; its last answer.
template <typename Ready>
bool PollUntil(Ready ready, std::chrono::seconds wait = 60s) {
  const auto until = std::chrono::steady_clock::now() + wait;
  while (!ready()) {
    if (std::chrono::steady_clock::now() > until) return false;
    std::this_thread::sleep_for(20ms);
  }
  return true;
}

// The HTTP port the server reported in its "serving" log line; 0 if none.
int HttpPort(const TestServer& server) {
  const nlohmann::json serving =
      nlohmann::json::parse(server.LogLine("serving"), nullptr, false);
  return serving.is_object() ? serving.value("http_port", 0) : 0;
}

// A server with --http_listen on a free port, and `flags`.
struct HttpServer {
  explicit HttpServer(std::vector<std::string> flags)
      : server([&] {
          flags.push_back("--http_listen=127.0.0.1:0");
          return flags;
        }()) {
    // httplib's TLS client writes through OpenSSL, which does not ask the
    // kernel to spare it SIGPIPE: a server that refuses a client certificate
    // and closes would kill this test process instead of failing the call.
    ::signal(SIGPIPE, SIG_IGN);
    if (server.ok()) port = HttpPort(server);
  }
  bool ok() const { return server.ok() && port > 0; }
  std::unique_ptr<httplib::Client> Client() const {
    auto client = std::make_unique<httplib::Client>("127.0.0.1", port);
    client->set_read_timeout(120, 0);
    client->set_write_timeout(120, 0);
    return client;
  }
  std::string Metrics() const {
    httplib::Client client("127.0.0.1", server.metrics_port());
    auto res = client.Get("/metrics");
    return res ? res->body : "";
  }
  TestServer server;
  int port = 0;
};

nlohmann::json Json(const httplib::Result& result) {
  return result ? nlohmann::json::parse(result->body, nullptr, false)
                : nlohmann::json();
}

using ::declutter::testing::Connect;
using ::declutter::testing::ReadUntilClosed;
using ::declutter::testing::SendAll;

TEST(HttpApiTest, APageComesBackAsTheResponsesJson) {
  HttpServer http({"--plaintext"});
  ASSERT_TRUE(http.ok()) << http.server.Log();
  httplib::Result got = http.Client()->Post(
      "/v1/clean?url=https%3A%2F%2Fexample.com%2Fnews%2F1&id=page-1"
      "&output_format=markdown&report_removed=true",
      kArticle, kHtml);
  ASSERT_TRUE(got) << httplib::to_string(got.error());
  EXPECT_EQ(got->status, 200) << got->body;
  EXPECT_EQ(got->get_header_value("Content-Type"), "application/json");
  const nlohmann::json json = Json(got);
  EXPECT_EQ(json["id"], "page-1");
  EXPECT_EQ(json["article"]["title"], "Council expands program");
  EXPECT_NE(json["article"]["text"].get<std::string>().find("voted on Tuesday"),
            std::string::npos);
  EXPECT_EQ(json["input"]["charset"], "UTF-8");
  EXPECT_EQ(json["input"]["charsetSource"], "content-type");
  EXPECT_TRUE(json.contains("removed"));  // proto3 JSON, every field present

  const std::string metrics = http.Metrics();
  EXPECT_NE(metrics.find("declutter_requests_total{method=\"HttpClean\","
                         "code=\"OK\"} 1\n"),
            std::string::npos)
      << metrics;
  const std::string line = http.server.LogLine("page");
  EXPECT_NE(line.find("\"method\":\"HttpClean\""), std::string::npos) << line;
  EXPECT_NE(line.find("\"request_id\":\"page-1\""), std::string::npos) << line;
}

TEST(HttpApiTest, AJsonCleanRequestIsTaken) {
  HttpServer http({"--plaintext"});
  ASSERT_TRUE(http.ok()) << http.server.Log();
  const nlohmann::json request = {
      {"id", "j-1"},
      {"content", absl::Base64Escape(kArticle)},
      {"contentType", kHtml},
      {"options", {{"outputFormat", "OUTPUT_FORMAT_HTML"}}}};
  httplib::Result got =
      http.Client()->Post("/v1/clean", request.dump(), "application/json");
  ASSERT_TRUE(got) << httplib::to_string(got.error());
  EXPECT_EQ(got->status, 200) << got->body;
  const nlohmann::json json = Json(got);
  EXPECT_EQ(json["id"], "j-1");
  EXPECT_EQ(json["article"]["title"], "Council expands program");
  EXPECT_NE(json["article"]["text"].get<std::string>().find("<p>"),
            std::string::npos);
}

TEST(HttpApiTest, BadRequestsGetTheirStatusAndAJsonError) {
  HttpServer http({"--plaintext"});
  ASSERT_TRUE(http.ok()) << http.server.Log();
  auto client = http.Client();
  struct Case {
    httplib::Result result;
    int status;
    std::string code;
    std::string message;  // a part of it
  };
  Case cases[] = {
      {client->Post("/v1/clean?colour=red", kArticle, kHtml), 400,
       "INVALID_ARGUMENT", "unknown query parameter 'colour'"},
      {client->Post("/v1/clean?fetch_time=yesterday", kArticle, kHtml), 400,
       "INVALID_ARGUMENT", "fetch_time"},
      {client->Post("/v1/clean", R"({"content": "eA==", "colour": 1})",
                    "application/json"),
       400, "INVALID_ARGUMENT", "colour"},
      {client->Post("/v1/clean", "{\"content\": ", "application/json"), 400,
       "INVALID_ARGUMENT", "proto3 JSON"},
      {client->Post("/v1/clean", "", kHtml), 400, "INVALID_ARGUMENT", "empty"},
      {client->Post("/v2/clean", kArticle, kHtml), 404, "NOT_FOUND",
       "/v1/clean"},
      {client->Get("/v1/clean"), 405, "UNIMPLEMENTED", "POST"},
  };
  for (Case& c : cases) {
    ASSERT_TRUE(c.result) << c.message;
    EXPECT_EQ(c.result->status, c.status) << c.result->body;
    const nlohmann::json json = Json(c.result);
    EXPECT_EQ(json.value("code", ""), c.code) << c.result->body;
    EXPECT_NE(json.value("message", "").find(c.message), std::string::npos)
        << c.result->body;
  }
  EXPECT_EQ(cases[6].result->get_header_value("Allow"), "POST");
  // Refusals are counted like any page of the port.
  EXPECT_NE(http.Metrics().find("method=\"HttpClean\",code="
                                "\"INVALID_ARGUMENT\"} 5\n"),
            std::string::npos)
      << http.Metrics();
}

// A Content-Length over the limit is answered 413 from the headers: the
// server neither waits for nor reads the 500 MB.
TEST(HttpApiTest, ABodyOverTheLimitIsRefusedFromItsLength) {
  HttpServer http({"--plaintext", "--max_page_bytes=100000"});
  ASSERT_TRUE(http.ok()) << http.server.Log();
  const int fd = Connect(http.port);
  ASSERT_GE(fd, 0);
  ASSERT_TRUE(SendAll(fd, absl::StrCat("POST /v1/clean HTTP/1.1\r\nHost: t\r\n"
                                       "Content-Type: text/html\r\n"
                                       "Content-Length: 524288000\r\n\r\n",
                                       std::string(65536, 'x'))));
  const std::string answer = ReadUntilClosed(fd, 60s);
  ::close(fd);
  EXPECT_EQ(answer.rfind("HTTP/1.1 413", 0), 0u) << answer;
  EXPECT_NE(answer.find("\"code\":\"INVALID_ARGUMENT\""), std::string::npos);
  EXPECT_NE(answer.find("524288000"), std::string::npos) << answer;
  // A length that is no number is refused too, before anything is reserved
  // for it.
  const int bad = Connect(http.port);
  ASSERT_GE(bad, 0);
  ASSERT_TRUE(SendAll(bad,
                      "POST /v1/clean HTTP/1.1\r\nHost: t\r\n"
                      "Content-Type: text/html\r\n"
                      "Content-Length: 99999999999999999999999\r\n\r\nxx"));
  const std::string refused = ReadUntilClosed(bad, 60s);
  ::close(bad);
  EXPECT_EQ(refused.rfind("HTTP/1.1 400", 0), 0u) << refused;
  EXPECT_NE(refused.find("is not a byte count"), std::string::npos) << refused;
  // A page just over the limit, whole: the same status.
  httplib::Result got =
      http.Client()->Post("/v1/clean", std::string(100001, 'x'), kHtml);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->status, 413) << got->body;
  // The page form's message is the gRPC one: the size and the limit.
  EXPECT_NE(got->body.find("page is 100001 bytes, over the server's limit of "
                           "100000 bytes (--max_page_bytes)"),
            std::string::npos)
      << got->body;
  // And the JSON form's bound is the base64 of a page of the limit: a page
  // over the limit inside a JSON body is 413 too.
  const nlohmann::json request = {
      {"content", absl::Base64Escape(std::string(100001, 'x'))}};
  got = http.Client()->Post("/v1/clean", request.dump(), "application/json");
  ASSERT_TRUE(got);
  EXPECT_EQ(got->status, 413) << got->body;
}

// httplib 0.11 reads a chunked body whole whatever its payload limit: the
// port counts it as it comes and stops at the limit, answering 413 while the
// client is still sending (it would otherwise read all 64 MiB first).
TEST(HttpApiTest, AChunkedBodyIsStoppedAtTheLimit) {
  HttpServer http({"--plaintext", "--max_page_bytes=100000"});
  ASSERT_TRUE(http.ok()) << http.server.Log();
  const int fd = Connect(http.port);
  ASSERT_GE(fd, 0);
  ASSERT_TRUE(SendAll(fd,
                      "POST /v1/clean HTTP/1.1\r\nHost: t\r\n"
                      "Content-Type: text/html\r\n"
                      "Transfer-Encoding: chunked\r\n\r\n"));
  constexpr size_t kChunk = 64 << 10;
  constexpr size_t kTotal = 64 << 20;
  std::atomic<size_t> sent{0};
  std::thread writer([&] {
    const std::string chunk = absl::StrCat(absl::Hex(kChunk), "\r\n",
                                           std::string(kChunk, 'x'), "\r\n");
    while (sent < kTotal && SendAll(fd, chunk)) sent += kChunk;
    if (sent >= kTotal) SendAll(fd, "0\r\n\r\n");
  });
  const std::string answer = ReadUntilClosed(fd, 120s);
  ::shutdown(fd, SHUT_RDWR);  // ends a writer the server stopped reading
  writer.join();
  ::close(fd);
  EXPECT_EQ(answer.rfind("HTTP/1.1 413", 0), 0u) << answer;
  EXPECT_NE(answer.find("while being read"), std::string::npos) << answer;
  // What reached the server's buffers is the limit, the socket buffers and
  // the lingering close's 1 MiB: far from the whole body.
  EXPECT_LT(sent.load(), kTotal / 4) << "the server read the whole body";
}

TEST(HttpApiTest, OverloadIs429WithRetryAfter) {
  HttpServer http({"--plaintext", "--workers=1", "--queue_per_worker=1"});
  ASSERT_TRUE(http.ok()) << http.server.Log();
  const std::string slow = testing::ParagraphPage(60000);
  constexpr int kCalls = 6;
  std::vector<std::optional<httplib::Result>> results(kCalls);
  std::vector<std::thread> calls;
  for (int i = 0; i < kCalls; ++i) {
    calls.emplace_back(
        [&, i] { results[i] = http.Client()->Post("/v1/clean", slow, kHtml); });
  }
  for (std::thread& t : calls) t.join();
  int ok = 0, refused = 0;
  for (const std::optional<httplib::Result>& result : results) {
    const httplib::Result& r = *result;
    ASSERT_TRUE(r) << httplib::to_string(r.error());
    if (r->status == 200) {
      ++ok;
      continue;
    }
    ASSERT_EQ(r->status, 429) << r->body;
    const nlohmann::json json = Json(r);
    EXPECT_EQ(json.value("code", ""), "RESOURCE_EXHAUSTED");
    // Two pages of 2 MB in the pool: hundreds of milliseconds of work.
    const int64_t retry_ms = json.value("retryAfterMs", int64_t{0});
    EXPECT_GE(retry_ms, 100) << r->body;
    EXPECT_EQ(r->get_header_value("Retry-After"),
              std::to_string((retry_ms + 999) / 1000))
        << r->body;
    ++refused;
  }
  EXPECT_GE(ok, 2);
  EXPECT_GE(refused, 1);
  EXPECT_NE(
      http.Metrics().find("method=\"HttpClean\",code=\"RESOURCE_EXHAUSTED\""),
      std::string::npos);
}

TEST(HttpApiTest, APageOverItsBudgetIs504) {
  HttpServer http({"--plaintext", "--page_budget=1ms"});
  ASSERT_TRUE(http.ok()) << http.server.Log();
  httplib::Result got =
      http.Client()->Post("/v1/clean", testing::ParagraphPage(60000), kHtml);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->status, 504) << got->body;
  EXPECT_EQ(Json(got).value("code", ""), "DEADLINE_EXCEEDED");
}

// SIGTERM while a page is being cleaned: new requests are answered 503, the
// page in flight is answered in full, and the server exits 0.
TEST(HttpApiTest, DrainingAnswers503AndFinishesThePagesInFlight) {
  HttpServer http({"--plaintext", "--workers=1", "--page_budget=600s",
                   "--shutdown_grace=600s"});
  ASSERT_TRUE(http.ok()) << http.server.Log();
  // Seconds of engine work, so it is still running when SIGTERM comes.
  const std::string slow = testing::ParagraphPage(600000);
  std::optional<httplib::Result> in_flight;
  std::thread caller([&] {
    in_flight.emplace(
        http.Client()->Post("/v1/clean?id=in-flight", slow, kHtml));
  });
  // On a failed assertion below: the server is killed so the call ends, and
  // the caller joined.
  struct JoinOnExit {
    ~JoinOnExit() {
      if (!caller->joinable()) return;
      if (server->pid() > 0) ::kill(server->pid(), SIGKILL);
      caller->join();
    }
    std::thread* caller;
    const TestServer* server;
  } join_on_exit{&caller, &http.server};
  ASSERT_TRUE(PollUntil([&] {
    return http.Metrics().find("declutter_in_flight 1\n") != std::string::npos;
  }));
  ASSERT_EQ(::kill(http.server.pid(), SIGTERM), 0);
  ASSERT_TRUE(PollUntil([&] {
    return http.server.Log().find("\"event\":\"draining\"") !=
           std::string::npos;
  }));
  httplib::Result refused = http.Client()->Post("/v1/clean", kArticle, kHtml);
  ASSERT_TRUE(refused) << httplib::to_string(refused.error());
  EXPECT_EQ(refused->status, 503) << refused->body;
  EXPECT_EQ(Json(refused).value("code", ""), "UNAVAILABLE");
  EXPECT_EQ(refused->get_header_value("Connection"), "close");
  caller.join();
  ASSERT_TRUE(*in_flight) << httplib::to_string(in_flight->error());
  EXPECT_EQ((*in_flight)->status, 200) << (*in_flight)->body.substr(0, 500);
  EXPECT_EQ(Json(*in_flight).value("id", ""), "in-flight");
  EXPECT_EQ(http.server.Terminate(600s), 0);
}

TEST(HttpApiTest, TlsServersServeHttpsWithClientCertificates) {
  const fs::path dir = fs::path(::testing::TempDir()) /
                       ("declutter_http_tls_" + std::to_string(::getpid()));
  ASSERT_TRUE(testing::MakeCertificates(dir));
  HttpServer http(testing::MutualTlsFlags(dir));
  ASSERT_TRUE(http.ok()) << http.server.Log();
  httplib::SSLClient with_cert("127.0.0.1", http.port,
                               (dir / "client.pem").string(),
                               (dir / "client.key").string());
  with_cert.set_ca_cert_path((dir / "ca.pem").string().c_str());
  with_cert.enable_server_certificate_verification(true);
  httplib::Result got = with_cert.Post("/v1/clean", kArticle, kHtml);
  ASSERT_TRUE(got) << httplib::to_string(got.error());
  EXPECT_EQ(got->status, 200) << got->body;
  EXPECT_EQ(Json(got)["article"].value("title", ""), "Council expands program");
  // Without a client certificate, or in plaintext: no answer.
  httplib::SSLClient without_cert("127.0.0.1", http.port);
  without_cert.set_ca_cert_path((dir / "ca.pem").string().c_str());
  without_cert.enable_server_certificate_verification(true);
  EXPECT_FALSE(without_cert.Post("/v1/clean", kArticle, kHtml));
  httplib::Result plain = http.Client()->Post("/v1/clean", kArticle, kHtml);
  EXPECT_TRUE(!plain || plain->status != 200);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace declutter
