// `declutter batch`'s command line, read into BatchArgs: where pages go
// (in-process or a fleet, with the shared --tls* flags of channel_factory), how
// many at once, the output and resume, the shard, and the inputs (positional
// and from --inputs-from).
//
// Stateless functions over values; thread-safe.

#ifndef DECLUTTER_CLIENT_BATCH_ARGS_H_
#define DECLUTTER_CLIENT_BATCH_ARGS_H_

#include <cstddef>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "client/channel_factory.h"

namespace declutter::client {

struct BatchArgs {
  std::string server;   // empty: clean in-process (--local)
  int concurrency = 0;  // 0: one per core
  std::string output = "-";
  bool resume = false;
  int shard = 0, shards = 1;
  bool allow_errors = false;
  int max_retries = 8;
  // --retry-deadline: how long pages to retry wait for an unreachable server.
  int retry_deadline_seconds = 60;
  // --keep-errors: with --resume, every error line counts as done; without
  // it, pages with retryable errors (UNAVAILABLE, RESOURCE_EXHAUSTED,
  // DEADLINE_EXCEEDED) are cleaned again.
  bool keep_errors = false;
  size_t max_bytes = 32u << 20;
  // --tls*; max_page_bytes follows --max-bytes, and round robin is on.
  ChannelOptions channel;
  std::vector<std::string> inputs;
};

// The usage message of `declutter batch`.
extern const char kBatchUsage[];

// Reads argv[2..argc) into `*args`. INVALID_ARGUMENT saying which argument
// was wrong and what was expected (an unknown option, a bad number or shard,
// no input, --resume without an output file, an unreadable --inputs-from).
absl::Status ParseBatchArgs(int argc, char** argv, BatchArgs* args);

}  // namespace declutter::client

#endif  // DECLUTTER_CLIENT_BATCH_ARGS_H_
