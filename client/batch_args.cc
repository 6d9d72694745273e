#include "client/batch_args.h"

#include <fstream>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "absl/strings/strip.h"
#include "client/command_line.h"

namespace declutter::client {
namespace {

// Sets the shard from "I/N".
absl::Status ParseShard(const std::string& value, BatchArgs* args) {
  std::vector<std::string> parts = absl::StrSplit(value, '/');
  if (parts.size() != 2 || !absl::SimpleAtoi(parts[0], &args->shard) ||
      !absl::SimpleAtoi(parts[1], &args->shards) || args->shards < 1 ||
      args->shard < 0 || args->shard >= args->shards) {
    return absl::InvalidArgumentError(absl::StrCat(
        "--shard is \"", value, "\": expected I/N with 0 <= I < N"));
  }
  return absl::OkStatus();
}

// Appends the paths listed in `file` (one per line; blank lines and # comments
// skipped).
absl::Status ReadInputsFrom(const std::string& file, BatchArgs* args) {
  std::ifstream in(file);
  if (!in) {
    return absl::InvalidArgumentError(
        absl::StrCat("cannot read --inputs-from file ", file));
  }
  std::string line;
  while (std::getline(in, line)) {
    absl::string_view path = absl::StripAsciiWhitespace(line);
    if (!path.empty() && path[0] != '#') args->inputs.emplace_back(path);
  }
  return absl::OkStatus();
}

// Reads one option or input at `cl`, advancing past a value it takes.
absl::Status ParseOne(CommandLine* cl, BatchArgs* args) {
  std::string value;
  if (cl->Take("--server", &value)) {
    args->server = value;
  } else if (cl->Is("--local")) {
    args->server.clear();
  } else if (cl->Take("--concurrency", &value)) {
    return NumberAtLeast("--concurrency", value, 1, "a positive integer",
                         &args->concurrency);
  } else if (cl->Take("--output", &value) || cl->Take("-o", &value)) {
    args->output = value;
  } else if (cl->Is("--resume")) {
    args->resume = true;
  } else if (cl->Is("--allow-errors")) {
    args->allow_errors = true;
  } else if (cl->Take("--shard", &value)) {
    return ParseShard(value, args);
  } else if (cl->Take("--inputs-from", &value)) {
    return ReadInputsFrom(value, args);
  } else if (cl->Take("--max-retries", &value)) {
    return NumberAtLeast("--max-retries", value, 0, "0 or more",
                         &args->max_retries);
  } else if (cl->Take("--retry-deadline", &value)) {
    return NumberAtLeast("--retry-deadline", value, 0,
                         "a whole number of seconds, 0 or more",
                         &args->retry_deadline_seconds);
  } else if (cl->Is("--keep-errors")) {
    args->keep_errors = true;
  } else if (cl->Take("--max-bytes", &value)) {
    return NumberAtLeast<size_t>("--max-bytes", value, 1, "a positive integer",
                                 &args->max_bytes);
  } else if (TakeTlsFlag(cl, &args->channel)) {
    return absl::OkStatus();
  } else if (cl->IsPositional()) {
    args->inputs.push_back(cl->arg());
  } else {
    return absl::InvalidArgumentError(
        absl::StrCat("unknown or incomplete option ", cl->arg()));
  }
  return absl::OkStatus();
}

}  // namespace

const char kBatchUsage[] =
    "usage: declutter batch [--server TARGET | --local] [--concurrency N]\n"
    "         [--output OUT.jsonl] [--resume] [--shard I/N]\n"
    "         [--inputs-from FILE] [--allow-errors]\n"
    "         [--max-retries N] [--retry-deadline SECONDS]\n"
    "         [--keep-errors] [--max-bytes N]\n"
    "         [--tls] [--tls-ca FILE] [--tls-cert FILE --tls-key FILE]\n"
    "         INPUT...\n"
    "INPUT is a directory (recursed), a page file, a JSONL file (url,\n"
    "content or html, content_type, id per line) or a WARC file; .gz is\n"
    "read transparently. TARGET is host:port, a comma-separated list of\n"
    "them, or dns:///name:port (round robin). Any --tls* option makes the\n"
    "connections TLS (--tls-ca: verify the servers against this CA;\n"
    "--tls-cert/--tls-key: present a client certificate, mutual TLS).\n"
    "A page is retried on UNAVAILABLE, RESOURCE_EXHAUSTED and\n"
    "DEADLINE_EXCEEDED up to --max-retries times (8); after a server\n"
    "is lost, pages wait up to --retry-deadline seconds (60) for it to\n"
    "come back before they are sent again. --resume cleans again the\n"
    "pages whose lines have those errors (their lines are removed)\n"
    "unless --keep-errors.\n"
    "Exit status: 0 when every page was cleaned (or --allow-errors), 1\n"
    "when any failed, 2 on a usage error, 3 when the output could not be\n"
    "written (the run stops there; --resume goes on from what was written).\n";

absl::Status ParseBatchArgs(int argc, char** argv, BatchArgs* args) {
  for (CommandLine cl(argc, argv, 2); !cl.done(); cl.Advance()) {
    if (absl::Status s = ParseOne(&cl, args); !s.ok()) return s;
  }
  if (args->inputs.empty()) {
    return absl::InvalidArgumentError(
        "no INPUT given: expected files, directories or --inputs-from");
  }
  if (args->resume && args->output == "-") {
    return absl::InvalidArgumentError("--resume needs --output FILE");
  }
  args->channel.max_page_bytes = args->max_bytes;
  args->channel.round_robin = true;
  return absl::OkStatus();
}

}  // namespace declutter::client
