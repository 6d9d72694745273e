#include "client/batch_args.h"

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tests/support/test_argv.h"

namespace declutter::client {
namespace {

using testing::TestArgv;

absl::Status Parse(std::vector<std::string> words, BatchArgs* args) {
  words.insert(words.begin(), {"declutter", "batch"});
  TestArgv argv(std::move(words));
  return ParseBatchArgs(argv.argc(), argv.argv(), args);
}

TEST(BatchArgsTest, ReadsEveryOption) {
  BatchArgs args;
  ASSERT_TRUE(
      Parse({"--server", "dns:///fleet:50051", "--concurrency=16", "-o",
             "out.jsonl", "--resume", "--shard", "2/4", "--allow-errors",
             "--max-retries", "0", "--max-bytes", "1000", "--retry-deadline",
             "5", "--keep-errors", "crawl/", "-"},
            &args)
          .ok());
  EXPECT_EQ(args.server, "dns:///fleet:50051");
  EXPECT_EQ(args.concurrency, 16);
  EXPECT_EQ(args.output, "out.jsonl");
  EXPECT_TRUE(args.resume);
  EXPECT_EQ(args.shard, 2);
  EXPECT_EQ(args.shards, 4);
  EXPECT_TRUE(args.allow_errors);
  EXPECT_EQ(args.max_retries, 0);
  EXPECT_EQ(args.max_bytes, 1000u);
  EXPECT_EQ(args.retry_deadline_seconds, 5);
  EXPECT_TRUE(args.keep_errors);
  EXPECT_EQ(args.inputs, (std::vector<std::string>{"crawl/", "-"}));
  // The channel follows --max-bytes and spreads streams over the fleet.
  EXPECT_EQ(args.channel.max_page_bytes, 1000u);
  EXPECT_TRUE(args.channel.round_robin);
  EXPECT_FALSE(args.channel.tls);
}

TEST(BatchArgsTest, TlsFlagsAreTheSameAsClean) {
  BatchArgs args;
  ASSERT_TRUE(Parse({"--server", "h:1", "--tls-ca", "ca.pem",
                     "--tls-cert=c.pem", "--tls-key", "c.key", "crawl/"},
                    &args)
                  .ok());
  EXPECT_TRUE(args.channel.tls);
  EXPECT_EQ(args.channel.tls_files.ca, "ca.pem");
  EXPECT_EQ(args.channel.tls_files.cert, "c.pem");
  EXPECT_EQ(args.channel.tls_files.key, "c.key");
  EXPECT_EQ(args.inputs, (std::vector<std::string>{"crawl/"}));
}

TEST(BatchArgsTest, InputsFromAFile) {
  const std::string list =
      (std::filesystem::path(::testing::TempDir()) / "inputs.txt").string();
  std::ofstream(list) << "# the crawl\na.warc.gz\n\n  b.jsonl  \n";
  BatchArgs args;
  ASSERT_TRUE(Parse({"--inputs-from", list, "c.html"}, &args).ok());
  EXPECT_EQ(args.inputs,
            (std::vector<std::string>{"a.warc.gz", "b.jsonl", "c.html"}));
  std::filesystem::remove(list);
}

TEST(BatchArgsTest, ErrorsSayWhatWasExpected) {
  auto error = [](std::vector<std::string> words) {
    BatchArgs args;
    const absl::Status s = Parse(std::move(words), &args);
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
    return std::string(s.message());
  };
  EXPECT_EQ(error({"--shard", "4/4", "x"}),
            "--shard is \"4/4\": expected I/N with 0 <= I < N");
  EXPECT_EQ(error({"--concurrency", "0", "x"}),
            "--concurrency is \"0\": expected a positive integer");
  EXPECT_EQ(error({"--max-retries", "-1", "x"}),
            "--max-retries is \"-1\": expected 0 or more");
  EXPECT_EQ(error({"x", "-o"}), "unknown or incomplete option -o");
  EXPECT_EQ(error({"--resume", "x"}), "--resume needs --output FILE");
  EXPECT_EQ(error({"--local"}),
            "no INPUT given: expected files, directories or --inputs-from");
  EXPECT_EQ(error({"--inputs-from", "/nonexistent/list", "x"}),
            "cannot read --inputs-from file /nonexistent/list");
}

}  // namespace
}  // namespace declutter::client
