// Runs the real `declutter batch` on a crawl the test writes itself: page
// files, a JSONL file with a bad line, and a WARC with a gzip member per record
// (a request, an image, a 404, a UTF-8 and a GBK page). Checks the output
// lines, resume after a crash-cut output, sharding, retries against a server
// that refuses calls, a mutual-TLS fleet, and outputs that cannot be written
// (a full disk, a closed pipe, a file-size limit, then resume).

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <zlib.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "tests/support/test_certificates.h"
#include "tests/support/test_data.h"
#include "tests/support/test_server.h"

namespace declutter {
namespace {

namespace fs = std::filesystem;
using testing::GzipMember;
using testing::ParagraphPage;

std::string WarcRecord(const std::string& type, const std::string& uri,
                       const std::string& id, const std::string& block) {
  return absl::StrCat("WARC/1.0\r\nWARC-Type: ", type,
                      "\r\nWARC-Target-URI: ", uri, "\r\nWARC-Record-ID: ", id,
                      "\r\nContent-Length: ", block.size(), "\r\n\r\n", block,
                      "\r\n\r\n");
}

std::string Http(int status, const std::string& type, const std::string& body) {
  return absl::StrCat("HTTP/1.1 ", status, " X\r\nContent-Type: ", type,
                      "\r\n\r\n", body);
}

std::string Article(const std::string& topic) {
  return absl::StrCat(
      "<html><head><title>", topic, "</title></head><body><article><p>The ",
      topic,
      " story goes on for a while, with enough words in it to be the "
      "article of its page and not a stray line.</p></article></body></html>");
}

class BatchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) /
           ("declutter_batch_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "crawl" / "pages");
    std::ofstream(dir_ / "crawl" / "pages" / "a.html") << Article("harbor");
    std::ofstream(dir_ / "crawl" / "pages" / "b.html") << Article("council");
    std::ofstream(dir_ / "crawl" / "export.jsonl")
        << nlohmann::json(
               {{"url", "https://j.example/1"}, {"html", Article("bridge")}})
               .dump()
        << "\n"
        << "this line is not json\n"
        << nlohmann::json({{"id", "j-2"},
                           {"content", Article("market")},
                           {"content_type", "text/html"}})
               .dump()
        << "\n";
    // GBK bytes of 中文网页的正文内容 ("the body text of a Chinese web page"),
    // repeated.
    std::string gbk_text;
    for (int i = 0; i < 8; ++i)
      gbk_text +=
          "\xD6\xD0\xCE\xC4\xCD\xF8\xD2\xB3\xB5\xC4\xD5\xFD\xCE\xC4\xC4\xDA\xC8"
          "\xDD\xA1\xA3";
    std::string warc;
    warc += GzipMember(
        WarcRecord("request", "https://w.example/", "<urn:uuid:1>", "GET /"));
    warc += GzipMember(
        WarcRecord("response", "https://w.example/", "<urn:uuid:2>",
                   Http(200, "text/html; charset=utf-8", Article("tunnel"))));
    warc +=
        GzipMember(WarcRecord("response", "https://w.example/i.png",
                              "<urn:uuid:3>", Http(200, "image/png", "PNG")));
    warc +=
        GzipMember(WarcRecord("response", "https://w.example/x", "<urn:uuid:4>",
                              Http(404, "text/html", "<p>gone</p>")));
    warc += GzipMember(
        WarcRecord("response", "https://w.example/zh", "<urn:uuid:5>",
                   Http(200, "text/html; charset=gbk",
                        absl::StrCat("<html><body><article><p>", gbk_text,
                                     "</p></article></body></html>"))));
    std::ofstream(dir_ / "crawl" / "crawl.warc.gz", std::ios::binary) << warc;
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Runs `declutter batch ARGS` and returns its exit status; stderr goes to
  // err().
  int Batch(const std::string& args) {
    const std::string command =
        absl::StrCat(DECLUTTER_CLI_PATH, " batch ", args, " 2> '",
                     (dir_ / "stderr").string(), "'");
    const int status = std::system(command.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  std::string err() const {
    std::ifstream in(dir_ / "stderr");
    return std::string(std::istreambuf_iterator<char>(in),
                       std::istreambuf_iterator<char>());
  }
  std::string Crawl() const { return "'" + (dir_ / "crawl").string() + "'"; }
  std::string Out(const std::string& name) const {
    return (dir_ / name).string();
  }

  // id -> output line, failing on a duplicate id.
  std::map<std::string, nlohmann::json> Read(const std::string& path) {
    std::map<std::string, nlohmann::json> lines;
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
      nlohmann::json j = nlohmann::json::parse(line);
      EXPECT_TRUE(lines.emplace(j["id"].get<std::string>(), j).second)
          << "twice: " << j["id"];
    }
    return lines;
  }

  fs::path dir_;
};

TEST_F(BatchTest, CleansEveryKindOfInputAndCountsSkips) {
  EXPECT_EQ(
      Batch(absl::StrCat("--local -o '", Out("out.jsonl"), "' ", Crawl())), 1)
      << err();  // the bad JSONL line fails the run without --allow-errors
  auto lines = Read(Out("out.jsonl"));
  ASSERT_EQ(lines.size(), 7u) << err();
  const std::string jsonl = (dir_ / "crawl" / "export.jsonl").string();
  EXPECT_NE(lines[jsonl + ":1"]["article"]["text"].get<std::string>().find(
                "bridge story"),
            std::string::npos);
  EXPECT_EQ(lines[jsonl + ":2"]["error"]["code"], 3);
  EXPECT_NE(
      lines["j-2"]["article"]["text"].get<std::string>().find("market story"),
      std::string::npos);
  EXPECT_NE(lines["<urn:uuid:2>"]["article"]["text"].get<std::string>().find(
                "tunnel story"),
            std::string::npos);
  EXPECT_NE(
      lines["<urn:uuid:5>"]["article"]["text"].get<std::string>().find(
          "\xE4\xB8\xAD\xE6\x96\x87\xE7\xBD\x91\xE9\xA1\xB5"),  // 中文网页
      std::string::npos)
      << lines["<urn:uuid:5>"].dump();
  EXPECT_EQ(lines["<urn:uuid:5>"]["input"]["charset"], "GB18030");
  EXPECT_NE(err().find("skipped 1 not-html"), std::string::npos) << err();
  EXPECT_NE(err().find("skipped 1 status-404"), std::string::npos) << err();
  EXPECT_NE(err().find("skipped 1 not-response"), std::string::npos) << err();
  EXPECT_EQ(Batch(absl::StrCat("--local --allow-errors -o '", Out("out.jsonl"),
                               "' ", Crawl())),
            0);
}

// A crawl with one corrupt record in the middle of each file: a WARC record
// whose Content-Length lies (too large, then too small) and a JSONL line over
// the line limit. Every good record is cleaned, each bad one is one error line.
TEST_F(BatchTest, ACorruptRecordIsReportedOnceAndTheRestCleaned) {
  fs::remove_all(dir_ / "crawl");
  fs::create_directories(dir_ / "crawl");
  auto lying = [](const std::string& id, const std::string& topic,
                  int64_t lie) {
    std::string record = WarcRecord("response", "https://w.example/" + id, id,
                                    Http(200, "text/html", Article(topic)));
    const std::string block = Http(200, "text/html", Article(topic));
    const std::string told = absl::StrCat("Content-Length: ", block.size());
    record.replace(record.find(told), told.size(),
                   absl::StrCat("Content-Length: ", block.size() + lie));
    return record;
  };
  std::string warc;
  for (int i = 0; i < 3; ++i) {
    warc +=
        WarcRecord("response", absl::StrCat("https://w.example/", i),
                   absl::StrCat("<urn:uuid:good", i, ">"),
                   Http(200, "text/html", Article(absl::StrCat("warc ", i))));
  }
  warc += lying("<urn:uuid:long>", "too long", 300);
  for (int i = 3; i < 5; ++i) {
    warc +=
        WarcRecord("response", absl::StrCat("https://w.example/", i),
                   absl::StrCat("<urn:uuid:good", i, ">"),
                   Http(200, "text/html", Article(absl::StrCat("warc ", i))));
  }
  warc += lying("<urn:uuid:short>", "too short", -40);
  for (int i = 5; i < 7; ++i) {
    warc +=
        WarcRecord("response", absl::StrCat("https://w.example/", i),
                   absl::StrCat("<urn:uuid:good", i, ">"),
                   Http(200, "text/html", Article(absl::StrCat("warc ", i))));
  }
  std::ofstream(dir_ / "crawl" / "crawl.warc", std::ios::binary) << warc;
  {
    std::ofstream jsonl(dir_ / "crawl" / "export.jsonl");
    for (int i = 0; i < 8; ++i) {
      if (i == 3) {  // 300 KB of page on one line: over 2 x 100000 + 4096
        jsonl << nlohmann::json(
                     {{"id", "j-long"}, {"html", std::string(300000, 'x')}})
                     .dump()
              << "\n";
      }
      jsonl << nlohmann::json({{"id", absl::StrCat("j-", i)},
                               {"html", Article(absl::StrCat("jsonl ", i))}})
                   .dump()
            << "\n";
    }
  }
  EXPECT_EQ(Batch(absl::StrCat("--local --max-bytes 100000 -o '",
                               Out("out.jsonl"), "' ", Crawl())),
            1)
      << err();
  auto lines = Read(Out("out.jsonl"));  // fails on an id written twice
  EXPECT_EQ(lines.size(), 7u + 2u + 8u + 1u) << err();
  for (int i = 0; i < 7; ++i) {
    const nlohmann::json& line = lines[absl::StrCat("<urn:uuid:good", i, ">")];
    EXPECT_NE(line["article"]["text"].get<std::string>().find(
                  absl::StrCat("warc ", i, " story")),
              std::string::npos)
        << line.dump();
  }
  for (int i = 0; i < 8; ++i) {
    const nlohmann::json& line = lines[absl::StrCat("j-", i)];
    EXPECT_NE(line["article"]["text"].get<std::string>().find(
                  absl::StrCat("jsonl ", i, " story")),
              std::string::npos)
        << line.dump();
  }
  EXPECT_EQ(lines["<urn:uuid:long>"]["error"]["code"], 15)  // DATA_LOSS
      << lines["<urn:uuid:long>"].dump();
  EXPECT_EQ(lines["<urn:uuid:short>"]["error"]["code"], 15)
      << lines["<urn:uuid:short>"].dump();
  const std::string long_line =
      (dir_ / "crawl" / "export.jsonl").string() + ":4";
  EXPECT_EQ(lines[long_line]["error"]["code"], 8)  // RESOURCE_EXHAUSTED
      << lines[long_line].dump();
  // The WARC path is named once in its messages.
  const std::string message =
      lines["<urn:uuid:long>"]["error"]["message"].get<std::string>();
  const std::string path = (dir_ / "crawl" / "crawl.warc").string();
  EXPECT_EQ(message.find(path), message.rfind(path)) << message;
}

// --max-bytes bounds the decoded page: a gzip HTTP body in a WARC that inflates
// far past it, and a JSONL page over it (its line within the line limit).
TEST_F(BatchTest, MaxBytesBoundsDecodedPages) {
  fs::remove_all(dir_ / "crawl");
  fs::create_directories(dir_ / "crawl");
  std::string bomb_page = Article("bomb");
  bomb_page += std::string(40 << 20, ' ');  // 40 MB inflated, ~40 KB of gzip
  std::string warc =
      WarcRecord("response", "https://w.example/bomb", "<urn:uuid:bomb>",
                 absl::StrCat("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                              "Content-Encoding: gzip\r\n\r\n",
                              GzipMember(bomb_page)));
  warc += WarcRecord("response", "https://w.example/ok", "<urn:uuid:ok>",
                     Http(200, "text/html", Article("fine")));
  std::ofstream(dir_ / "crawl" / "bomb.warc", std::ios::binary) << warc;
  std::ofstream(dir_ / "crawl" / "big.jsonl")
      << nlohmann::json({{"id", "j-big"},
                         {"html", Article("big") + std::string(150000, ' ')}})
             .dump()
      << "\n"
      << nlohmann::json({{"id", "j-ok"}, {"html", Article("small")}}).dump()
      << "\n";
  EXPECT_EQ(Batch(absl::StrCat("--local --max-bytes 100000 -o '",
                               Out("out.jsonl"), "' ", Crawl())),
            1)
      << err();
  auto lines = Read(Out("out.jsonl"));
  EXPECT_EQ(lines.size(), 4u) << err();
  EXPECT_EQ(lines["<urn:uuid:bomb>"]["error"]["code"], 8)  // RESOURCE_EXHAUSTED
      << lines["<urn:uuid:bomb>"].dump();
  EXPECT_EQ(lines["j-big"]["error"]["code"], 8) << lines["j-big"].dump();
  EXPECT_FALSE(lines["<urn:uuid:ok>"].contains("error"))
      << lines["<urn:uuid:ok>"].dump();
  EXPECT_FALSE(lines["j-ok"].contains("error")) << lines["j-ok"].dump();
}

// Nothing is skipped silently: a dangling link, a link loop and a repeated
// JSONL id are error lines; a file name that is not UTF-8 gets an id that is
// the same every run, so --resume recognises it.
TEST_F(BatchTest, BrokenLinksRepeatedIdsAndNonUtf8NamesAreAccountedFor) {
  const fs::path pages = dir_ / "crawl" / "pages";
  fs::create_symlink(pages / "gone.html", pages / "dangling.html");
  fs::create_symlink(pages / "loop2.html", pages / "loop1.html");
  fs::create_symlink(pages / "loop1.html", pages / "loop2.html");
  std::ofstream(pages / "caf\xE9.html") << Article("latin");
  std::ofstream(dir_ / "crawl" / "twice.jsonl")
      << nlohmann::json({{"id", "same"}, {"html", Article("first")}}).dump()
      << "\n"
      << nlohmann::json({{"id", "same"}, {"html", Article("second")}}).dump()
      << "\n";
  const std::string out = Out("links.jsonl");
  EXPECT_EQ(Batch(absl::StrCat("--local -o '", out, "' ", Crawl())), 1)
      << err();
  auto lines = Read(out);
  EXPECT_EQ(lines.size(), 7u + 3u + 1u + 2u) << err();
  EXPECT_EQ(lines[(pages / "dangling.html").string()]["error"]["code"], 5)
      << err();  // NOT_FOUND
  EXPECT_EQ(lines[(pages / "loop1.html").string()]["error"]["code"], 9)
      << err();  // FAILED_PRECONDITION
  EXPECT_EQ(lines[(pages / "loop2.html").string()]["error"]["code"], 9);
  const std::string latin = (pages / "caf%E9.html").string();
  ASSERT_EQ(lines.count(latin), 1u) << err();
  EXPECT_NE(
      lines[latin]["article"]["text"].get<std::string>().find("latin story"),
      std::string::npos);
  EXPECT_NE(
      lines["same"]["article"]["text"].get<std::string>().find("first story"),
      std::string::npos);
  const std::string second = (dir_ / "crawl" / "twice.jsonl").string() + ":2";
  EXPECT_EQ(lines[second]["error"]["code"], 6)  // ALREADY_EXISTS
      << lines[second].dump();
  // A second run finds every page, the non-UTF-8 name included, done.
  ASSERT_EQ(Batch(absl::StrCat("--local --allow-errors --resume -o '", out,
                               "' ", Crawl())),
            0)
      << err();
  EXPECT_NE(err().find("0 pages cleaned, 0 failed"), std::string::npos)
      << err();
}

// A WARC-Target-URI with a raw Latin-1 byte (common in real crawls) reaches
// the server percent-encoded, through a stream (batch) and a unary call
// (clean): before, the request could not be serialized at all.
TEST_F(BatchTest, UrlsThatAreNotUtf8ReachTheServer) {
  testing::TestServer server({"--plaintext"}, /*with_metrics=*/false);
  ASSERT_TRUE(server.ok());
  std::string warc;
  for (int i = 0; i < 4; ++i) {
    warc +=
        WarcRecord("response", absl::StrCat("https://w.example/caf\xE9-", i),
                   absl::StrCat("<urn:uuid:latin", i, ">"),
                   Http(200, "text/html; charset=\xFF",
                        Article(absl::StrCat("cafe ", i))));
  }
  std::ofstream(dir_ / "crawl" / "latin.warc", std::ios::binary) << warc;
  ASSERT_EQ(Batch(absl::StrCat("--server ", server.address(),
                               " --max-retries 1 --allow-errors -o '",
                               Out("latin.jsonl"), "' ", Crawl())),
            0)
      << err();
  auto lines = Read(Out("latin.jsonl"));
  EXPECT_EQ(lines.size(), 7u + 4u) << err();
  for (int i = 0; i < 4; ++i) {
    const nlohmann::json& line = lines[absl::StrCat("<urn:uuid:latin", i, ">")];
    EXPECT_FALSE(line.contains("error")) << line.dump();
    EXPECT_NE(line["article"]["text"].get<std::string>().find(
                  absl::StrCat("cafe ", i, " story")),
              std::string::npos)
        << line.dump();
  }
  // Unary: `declutter clean --server` with such a URL.
  const std::string page = (dir_ / "crawl" / "pages" / "a.html").string();
  const std::string clean = absl::StrCat(
      DECLUTTER_CLI_PATH, " clean --server ", server.address(),
      " --format jsonl --url \"$(printf 'https://w.example/caf\\351')\" '",
      page, "' > '", Out("unary.jsonl"), "' 2> '", (dir_ / "stderr").string(),
      "'");
  const int status = std::system(clean.c_str());
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0) << err();
  auto unary = Read(Out("unary.jsonl"));
  ASSERT_EQ(unary.count(page), 1u) << err();
  EXPECT_NE(
      unary[page]["article"]["text"].get<std::string>().find("harbor story"),
      std::string::npos)
      << unary[page].dump();
}

TEST_F(BatchTest, UsageErrorsExitTwo) {
  EXPECT_EQ(Batch(absl::StrCat(Crawl(), " -o")), 2)
      << err();  // -o with no file
  EXPECT_NE(err().find("incomplete option -o"), std::string::npos) << err();
  EXPECT_EQ(Batch(absl::StrCat("--shard 4/4 ", Crawl())), 2);
  EXPECT_EQ(Batch(absl::StrCat("--resume ", Crawl())),
            2);  // needs an output file
}

TEST_F(BatchTest, UnusableTlsFilesLeaveTheLastRunsOutputAlone) {
  const std::string out = Out("out.jsonl");
  std::ofstream(out) << "{\"id\":\"kept\"}\n";
  EXPECT_EQ(
      Batch(absl::StrCat("--server 127.0.0.1:1 --tls-ca '", Out("missing.pem"),
                         "' -o '", out, "' ", Crawl())),
      2);
  EXPECT_NE(err().find("missing.pem"), std::string::npos) << err();
  EXPECT_EQ(Read(out).count("kept"), 1u);
}

TEST_F(BatchTest, ResumeAfterACrashCutOutputGivesEveryPageOnce) {
  ASSERT_EQ(Batch(absl::StrCat("--local --allow-errors -o '", Out("full.jsonl"),
                               "' ", Crawl())),
            0);
  // Keep three whole lines and half of the fourth, as a killed run leaves it.
  std::ifstream in(Out("full.jsonl"));
  std::string kept, line;
  for (int i = 0; i < 3 && std::getline(in, line); ++i) kept += line + "\n";
  std::getline(in, line);
  kept += line.substr(0, line.size() / 2);
  std::ofstream(Out("cut.jsonl"), std::ios::trunc) << kept;
  ASSERT_EQ(Batch(absl::StrCat("--local --allow-errors --resume -o '",
                               Out("cut.jsonl"), "' ", Crawl())),
            0)
      << err();
  EXPECT_NE(err().find("3 pages already in the output"), std::string::npos)
      << err();
  auto resumed = Read(Out("cut.jsonl"));
  EXPECT_EQ(resumed.size(), Read(Out("full.jsonl")).size());
  // And a second resume sends nothing.
  ASSERT_EQ(Batch(absl::StrCat("--local --allow-errors --resume -o '",
                               Out("cut.jsonl"), "' ", Crawl())),
            0);
  EXPECT_NE(err().find("0 pages cleaned, 0 failed"), std::string::npos)
      << err();
}

TEST_F(BatchTest, KilledHalfwayThenResumedGivesEveryPageOnce) {
  const std::string slow = ParagraphPage(20000);
  for (int i = 0; i < 30; ++i) {
    std::ofstream(dir_ / "crawl" / "pages" / absl::StrCat("slow", i, ".html"))
        << slow;
  }
  const std::string out = Out("killed.jsonl");
  pid_t pid = 0;
  std::vector<std::string> args = {
      DECLUTTER_CLI_PATH, "batch", "--local", "--concurrency",          "1",
      "--allow-errors",   "-o",    out,       (dir_ / "crawl").string()};
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  ASSERT_EQ(posix_spawn(&pid, DECLUTTER_CLI_PATH, nullptr, nullptr, argv.data(),
                        environ),
            0);
  // Kill it once a few pages are out, mid-run.
  for (int i = 0; i < 600; ++i) {
    std::ifstream in(out);
    const auto lines = std::count(std::istreambuf_iterator<char>(in),
                                  std::istreambuf_iterator<char>(), '\n');
    if (lines >= 4) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ::kill(pid, SIGKILL);
  int status = 0;
  ::waitpid(pid, &status, 0);
  const size_t before = Read(out).size();
  EXPECT_LT(before, 7u + 30u) << "the batch finished before it was killed";
  ASSERT_EQ(Batch(absl::StrCat("--local --allow-errors --resume -o '", out,
                               "' ", Crawl())),
            0)
      << err();
  EXPECT_EQ(Read(out).size(),
            7u + 30u);  // Read() fails the test on any id seen twice
}

TEST_F(BatchTest, FourShardsCoverEveryPageOnce) {
  std::set<std::string> ids;
  size_t lines = 0;
  for (int i = 0; i < 4; ++i) {
    const std::string out = Out(absl::StrCat("shard", i, ".jsonl"));
    ASSERT_EQ(Batch(absl::StrCat("--local --allow-errors --shard ", i,
                                 "/4 -o '", out, "' ", Crawl())),
              0);
    for (const auto& [id, line] : Read(out)) {
      ids.insert(id);
      ++lines;
    }
  }
  EXPECT_EQ(lines, 7u);
  EXPECT_EQ(ids.size(), 7u);
}

TEST_F(BatchTest, RetriesWhenTheServerRefusesCalls) {
  // One worker and a queue of one: eight pages in flight overload it, so pages
  // are refused with RESOURCE_EXHAUSTED and must be retried, not lost.
  testing::TestServer server(
      {"--plaintext", "--workers=1", "--queue_per_worker=1"},
      /*with_metrics=*/false);
  ASSERT_TRUE(server.ok());
  const std::string many = ParagraphPage(20000);
  for (int i = 0; i < 12; ++i) {
    std::ofstream(dir_ / "crawl" / "pages" / absl::StrCat("slow", i, ".html"))
        << many;
  }
  ASSERT_EQ(Batch(absl::StrCat("--server ", server.address(),
                               " --concurrency 8 --allow-errors -o '",
                               Out("remote.jsonl"), "' ", Crawl())),
            0)
      << err();
  auto lines = Read(Out("remote.jsonl"));
  EXPECT_EQ(lines.size(), 7u + 12u);
  int failed = 0;
  for (const auto& [id, line] : lines)
    failed += line.contains("error") && !line["error"].is_null();
  EXPECT_EQ(failed, 1) << err();  // only the bad JSONL line
  EXPECT_EQ(err().find(" 0 retries"), std::string::npos) << err();
}

// The chaos test: the server is killed (SIGKILL, pages in flight) and started
// again on its port after a short outage, twice, mid-run. Every page is
// cleaned exactly once, with no error line, and the batch exits 0.
TEST_F(BatchTest, AServerKilledAndRestartedTwiceLosesNoPage) {
  auto server = std::make_unique<testing::TestServer>(
      std::vector<std::string>{"--plaintext", "--workers=1"},
      /*with_metrics=*/false);
  ASSERT_TRUE(server->ok());
  const int port = server->port();
  const std::string page = ParagraphPage(4000);
  constexpr int kPages = 60;
  for (int i = 0; i < kPages; ++i) {
    std::ofstream(dir_ / "crawl" / "pages" / absl::StrCat("p", i, ".html"))
        << page;
  }
  const std::string out = Out("chaos.jsonl");
  std::vector<std::string> args = {DECLUTTER_CLI_PATH,
                                   "batch",
                                   "--server",
                                   server->address(),
                                   "--concurrency",
                                   "4",
                                   "-o",
                                   out,
                                   (dir_ / "crawl" / "pages").string()};
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 2, (dir_ / "stderr").c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  pid_t pid = 0;
  ASSERT_EQ(posix_spawn(&pid, DECLUTTER_CLI_PATH, &actions, nullptr,
                        argv.data(), environ),
            0);
  posix_spawn_file_actions_destroy(&actions);
  auto lines_written = [&] {
    std::ifstream in(out);
    return std::count(std::istreambuf_iterator<char>(in),
                      std::istreambuf_iterator<char>(), '\n');
  };
  int status = 0;
  bool exited = false;
  for (const int kill_after : {10, 30}) {
    // Up to 60 s for the batch to get that far.
    for (int i = 0; i < 3000 && lines_written() < kill_after; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    ASSERT_LT(lines_written(), kPages) << "the batch finished first";
    server.reset();                                        // SIGKILL
    std::this_thread::sleep_for(std::chrono::seconds(2));  // the outage
    server = std::make_unique<testing::TestServer>(
        std::vector<std::string>{"--plaintext", "--workers=1",
                                 absl::StrCat("--listen=127.0.0.1:", port)},
        /*with_metrics=*/false);
    ASSERT_TRUE(server->ok()) << server->Log();
    ASSERT_EQ(server->port(), port);
  }
  // Up to 120 s for the rest.
  for (int i = 0; i < 1200 && !exited; ++i) {
    exited = ::waitpid(pid, &status, WNOHANG) == pid;
    if (!exited) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  if (!exited) {
    ::kill(pid, SIGKILL);
    ::waitpid(pid, &status, 0);
  }
  ASSERT_TRUE(exited) << "the batch hung: " << err();
  ASSERT_TRUE(WIFEXITED(status)) << err();
  EXPECT_EQ(WEXITSTATUS(status), 0) << err();
  auto lines = Read(out);  // fails on an id written twice
  EXPECT_EQ(lines.size(), kPages + 2u) << err();  // a.html and b.html too
  for (const auto& [id, line] : lines) {
    EXPECT_FALSE(line.contains("error")) << line.dump();
  }
}

TEST_F(BatchTest, AListOfServersSharesTheWork) {
  testing::TestServer a({"--plaintext"}, /*with_metrics=*/false);
  testing::TestServer b({"--plaintext"}, /*with_metrics=*/false);
  ASSERT_TRUE(a.ok() && b.ok());
  for (int i = 0; i < 16; ++i) {
    std::ofstream(dir_ / "crawl" / "pages" / absl::StrCat("p", i, ".html"))
        << Article(absl::StrCat("topic ", i));
  }
  ASSERT_EQ(Batch(absl::StrCat("--server ", a.address(), ",", b.address(),
                               " --concurrency 4 --allow-errors -o '",
                               Out("two.jsonl"), "' ", Crawl())),
            0)
      << err();
  EXPECT_EQ(Read(Out("two.jsonl")).size(), 7u + 16u);
  auto pages = [](const std::string& log) {
    int n = 0;
    for (size_t at = log.find("\"event\":\"page\""); at != std::string::npos;
         at = log.find("\"event\":\"page\"", at + 1)) {
      ++n;
    }
    return n;
  };
  EXPECT_GT(pages(a.Log()), 0);
  EXPECT_GT(pages(b.Log()), 0);
  EXPECT_EQ(pages(a.Log()) + pages(b.Log()),
            6 + 16);  // the bad JSONL line is never sent
}

TEST_F(BatchTest, CleansThroughAMutualTlsServer) {
  const fs::path certs = dir_ / "certs";
  ASSERT_TRUE(testing::MakeCertificates(certs));
  testing::TestServer server(testing::MutualTlsFlags(certs),
                             /*with_metrics=*/false);
  ASSERT_TRUE(server.ok()) << server.Log();
  const std::string target = server.address();
  const std::string client_tls =
      absl::StrCat(" --tls-ca '", (certs / "ca.pem").string(), "' --tls-cert '",
                   (certs / "client.pem").string(), "' --tls-key '",
                   (certs / "client.key").string(), "'");
  ASSERT_EQ(Batch(absl::StrCat("--server ", target, client_tls,
                               " --max-retries 1 --allow-errors -o '",
                               Out("tls.jsonl"), "' ", Crawl())),
            0)
      << err();
  auto lines = Read(Out("tls.jsonl"));
  ASSERT_EQ(lines.size(), 7u) << err();
  EXPECT_NE(lines["<urn:uuid:2>"]["article"]["text"].get<std::string>().find(
                "tunnel story"),
            std::string::npos)
      << lines["<urn:uuid:2>"].dump();
  EXPECT_EQ(err().find("error UNAVAILABLE"), std::string::npos) << err();

  // Without the client certificate the server refuses every page: error
  // lines, never a plaintext fallback.
  EXPECT_EQ(Batch(absl::StrCat(
                "--server ", target, " --tls-ca '", (certs / "ca.pem").string(),
                "' --max-retries 0 -o '", Out("no-cert.jsonl"), "' ", Crawl())),
            1);
  EXPECT_NE(err().find("error UNAVAILABLE: 6"), std::string::npos) << err();
}

TEST_F(BatchTest, AFullDiskStopsTheRunNamingTheOutput) {
  EXPECT_EQ(
      Batch(absl::StrCat("--local --allow-errors -o /dev/full ", Crawl())), 3)
      << err();
  EXPECT_NE(err().find("cannot write to /dev/full (the batch's --output): No "
                       "space left on device"),
            std::string::npos)
      << err();
  EXPECT_NE(err().find("run again with --resume"), std::string::npos) << err();
}

TEST_F(BatchTest, AClosedPipeStopsTheRunNamingTheOutput) {
  int pipe_fds[2];
  ASSERT_EQ(::pipe(pipe_fds), 0);
  ::close(pipe_fds[0]);  // nobody will read
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], 1);
  posix_spawn_file_actions_addopen(&actions, 2, (dir_ / "stderr").c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  std::vector<std::string> args = {DECLUTTER_CLI_PATH, "batch", "--local",
                                   "--allow-errors", (dir_ / "crawl").string()};
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  ASSERT_EQ(posix_spawn(&pid, DECLUTTER_CLI_PATH, &actions, nullptr,
                        argv.data(), environ),
            0);
  posix_spawn_file_actions_destroy(&actions);
  ::close(pipe_fds[1]);
  int status = 0;
  ASSERT_EQ(::waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFEXITED(status)) << "killed by signal " << WTERMSIG(status);
  EXPECT_EQ(WEXITSTATUS(status), 3) << err();
  EXPECT_NE(err().find("cannot write to standard output (the batch's "
                       "--output): Broken pipe"),
            std::string::npos)
      << err();
}

TEST_F(BatchTest, ResumeGoesOnFromWhereAFailedWriteStopped) {
  for (int i = 0; i < 20; ++i) {
    std::ofstream(dir_ / "crawl" / "pages" / absl::StrCat("p", i, ".html"))
        << Article(absl::StrCat("topic ", i));
  }
  // A file-size limit of 8 KiB: the output fills up a few pages in, the last
  // line cut where the limit fell.
  const std::string out = Out("limited.jsonl");
  const std::string limited =
      absl::StrCat("bash -c \"ulimit -f 8; exec ", DECLUTTER_CLI_PATH,
                   " batch --local --concurrency 2 --allow-errors -o '", out,
                   "' ", Crawl(), "\" 2> '", (dir_ / "stderr").string(), "'");
  const int status = std::system(limited.c_str());
  ASSERT_TRUE(WIFEXITED(status)) << err();
  EXPECT_EQ(WEXITSTATUS(status), 3) << err();
  EXPECT_NE(err().find("cannot write to " + out), std::string::npos) << err();
  EXPECT_NE(err().find("File too large"), std::string::npos) << err();
  std::ifstream in(out);
  const auto whole_lines = std::count(std::istreambuf_iterator<char>(in),
                                      std::istreambuf_iterator<char>(), '\n');
  EXPECT_GT(whole_lines, 0);
  EXPECT_LT(whole_lines, 7 + 20);
  ASSERT_EQ(Batch(absl::StrCat("--local --allow-errors --resume -o '", out,
                               "' ", Crawl())),
            0)
      << err();
  EXPECT_NE(
      err().find(absl::StrCat(whole_lines, " pages already in the output")),
      std::string::npos)
      << err();
  EXPECT_EQ(Read(out).size(), 7u + 20u);  // Read() fails on any id seen twice
}

}  // namespace
}  // namespace declutter
