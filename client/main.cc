// declutter: the command-line client.
//
//   declutter clean [--server HOST:PORT] [--format text|json|jsonl] [--url URL]
//                   [--content-type T] [--input-kind auto|html|text]
//                   [--output-format text|markdown|html] [--removed]
//                   [--max-bytes N] PATH...
//
//   declutter batch ...   (client/batch_command.h: a whole crawl, resumable)
//
// Without --server the engine runs in-process. PATH is a file, a directory
// (recursed) or
// "-" for standard input; .gz files are read transparently. Exit status: 0 when
// every input was cleaned, 1 when any failed, 2 on a usage error.

#include <grpcpp/grpcpp.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/time.h"
#include "client/batch_command.h"
#include "client/channel_factory.h"
#include "client/command_line.h"
#include "client/page_source.h"
#include "client/response_printer.h"
#include "client/utf8_repair.h"
#include "proto/declutter/v1/declutter.grpc.pb.h"
#include "service/api/input_files.h"
#include "service/api/input_reader.h"
#include "service/api/proto_labels.h"
#include "service/api/request_cleaner.h"
#include "service/extract/work_budget.h"

namespace declutter::client {
namespace {

using api::RequestCleaner;

constexpr char kUsage[] =
    "usage: declutter clean [--server HOST:PORT] [--format text|json|jsonl]\n"
    "                       [--url URL] [--content-type TYPE]\n"
    "                       [--input-kind auto|html|text]\n"
    "                       [--output-format text|markdown|html] [--removed]\n"
    "                       [--max-bytes N] [--timeout SECONDS]\n"
    "                       [--tls] [--tls-ca FILE] [--tls-cert FILE --tls-key "
    "FILE]\n"
    "                       PATH...\n"
    "PATH is a file, a directory (recursed) or - for standard input; .gz is "
    "read\n"
    "transparently. Without --server the engine runs in this process. "
    "--timeout bounds\n"
    "each page's time, in this process or on the server. With --server, any "
    "--tls*\n"
    "option makes the connection TLS (--tls-ca: verify the server against this "
    "CA;\n"
    "--tls-cert/--tls-key: present a client certificate for mutual TLS).\n"
    "\n"
    "       declutter batch [--server TARGET | --local] [--concurrency N] [-o "
    "OUT.jsonl]\n"
    "                       [--resume] [--shard I/N] [--inputs-from FILE]\n"
    "                       [--tls] [--tls-ca FILE] [--tls-cert FILE --tls-key "
    "FILE]\n"
    "                       INPUT...\n"
    "cleans a whole crawl (directories, JSONL, WARC); declutter batch --help "
    "for more.\n";

struct CleanArgs {
  std::string server;
  PrintFormat format = PrintFormat::kText;
  std::string url;
  std::string content_type;
  v1::InputKind input_kind = v1::INPUT_KIND_AUTO;
  v1::OutputFormat output_format = v1::OUTPUT_FORMAT_TEXT;
  bool removed = false;
  size_t max_bytes = 64u << 20;
  absl::Duration timeout = absl::Seconds(60);  // per page
  ChannelOptions channel;  // --tls*; max_page_bytes follows --max-bytes
  std::vector<std::string> paths;
};

// Sets `*out` to the value named `value` among `choices`; "" on success, else
// what was wrong and what was expected.
template <typename T>
std::string ParseChoice(
    absl::string_view flag, const std::string& value,
    std::initializer_list<std::pair<const char*, T>> choices, T* out) {
  std::vector<std::string> names;
  for (const auto& [name, choice] : choices) {
    if (value == name) {
      *out = choice;
      return "";
    }
    names.push_back(name);
  }
  return absl::StrCat(flag, " is \"", value, "\": expected one of ",
                      absl::StrJoin(names, ", "));
}

// Parses `clean`'s arguments; "" on success, else what was wrong.
std::string ParseCleanArgs(int argc, char** argv, CleanArgs* args) {
  for (CommandLine cl(argc, argv, 2); !cl.done(); cl.Advance()) {
    const std::string arg = cl.arg();
    std::string value;
    if (TakeTlsFlag(&cl, &args->channel)) continue;
    auto take = [&](const char* name) {
      return cl.Take(absl::StrCat("--", name), &value);
    };
    if (take("server")) {
      args->server = value;
    } else if (take("format")) {
      std::string error = ParseChoice("--format", value,
                                      {{"text", PrintFormat::kText},
                                       {"json", PrintFormat::kJson},
                                       {"jsonl", PrintFormat::kJsonl}},
                                      &args->format);
      if (!error.empty()) return error;
    } else if (take("url")) {
      args->url = value;
    } else if (take("content-type")) {
      args->content_type = value;
    } else if (take("input-kind")) {
      if (!api::ParseInputKind(value, &args->input_kind)) {
        return absl::StrCat("--input-kind is \"", value, "\": expected one of ",
                            api::kInputKindChoices);
      }
    } else if (take("output-format")) {
      if (!api::ParseOutputFormat(value, &args->output_format)) {
        return absl::StrCat("--output-format is \"", value,
                            "\": expected one of ", api::kOutputFormatChoices);
      }
    } else if (take("max-bytes")) {
      if (absl::Status s = NumberAtLeast<size_t>(
              "--max-bytes", value, 1, "a positive integer", &args->max_bytes);
          !s.ok()) {
        return std::string(s.message());
      }
    } else if (take("timeout")) {
      double seconds = 0;
      if (!absl::SimpleAtod(value, &seconds) || !(seconds > 0) ||
          seconds > 1e9) {
        return absl::StrCat("--timeout is \"", value,
                            "\": expected a positive number of seconds");
      }
      args->timeout = absl::Seconds(seconds);
    } else if (arg == "--removed") {
      args->removed = true;
    } else if (arg == "-" || !absl::StartsWith(arg, "-")) {
      args->paths.push_back(arg);
    } else {
      return absl::StrCat("unknown or incomplete option ", arg);
    }
  }
  if (args->paths.empty())
    return "no PATH given: expected at least one file, directory or -";
  args->channel.max_page_bytes = args->max_bytes;
  return "";
}

absl::Status CleanRemote(v1::Declutter::Stub* stub, absl::Duration timeout,
                         const v1::CleanRequest& request,
                         v1::CleanResponse* response) {
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() +
                       absl::ToChronoMilliseconds(timeout));
  grpc::Status status = stub->Clean(&context, request, response);
  if (status.ok()) return absl::OkStatus();
  return absl::Status(static_cast<absl::StatusCode>(status.error_code()),
                      status.error_message());
}

// Cleans in this process, the page's time bounded by --timeout as a server's
// would be by the call's deadline.
absl::Status CleanInProcess(absl::Duration timeout,
                            const v1::CleanRequest& request,
                            v1::CleanResponse* response) {
  const std::string limit =
      absl::StrCat("--timeout ", absl::FormatDuration(timeout));
  extract::WorkBudget budget =
      api::PageBudget(timeout, absl::InfiniteFuture(), nullptr, limit);
  return RequestCleaner::Clean(request, response, &budget);
}

int RunClean(int argc, char** argv) {
  CleanArgs args;
  if (std::string error = ParseCleanArgs(argc, argv, &args); !error.empty()) {
    std::cerr << "declutter: " << error << "\n" << kUsage;
    return 2;
  }
  api::InputReader reader(args.max_bytes);
  absl::StatusOr<std::vector<api::InputFile>> files =
      api::ListInputFiles(args.paths);
  if (!files.ok()) {
    std::cerr << "declutter: " << files.status().message() << "\n";
    return 1;
  }
  std::unique_ptr<v1::Declutter::Stub> stub;
  if (!args.server.empty()) {
    absl::StatusOr<ChannelFactory> channels =
        ChannelFactory::Create(args.channel);
    if (!channels.ok()) {
      std::cerr << "declutter: " << channels.status().message() << "\n";
      return 2;
    }
    stub = v1::Declutter::NewStub(channels->Open(args.server));
  }
  ResponsePrinter printer(args.format, std::cout);
  int failures = 0;
  for (const api::InputFile& file : *files) {
    const std::string& path = file.path;
    if (!file.skipped.empty()) {  // not a page, on purpose: said, not counted
      std::cerr << "declutter: " << path << ": skipped (" << file.skipped
                << ")\n";
      continue;
    }
    v1::CleanRequest request;
    request.set_id(IdOfPath(path));
    request.set_url(args.url);
    request.set_content_type(args.content_type);
    RepairStrings(&request);
    request.set_input_kind(args.input_kind);
    request.mutable_options()->set_output_format(args.output_format);
    request.mutable_options()->set_report_removed(args.removed);
    v1::CleanResponse response;
    absl::Status status;
    absl::StatusOr<std::string> content =
        file.error.ok() ? reader.Read(path)
                        : absl::StatusOr<std::string>(file.error);
    if (!content.ok()) {
      status = content.status();
      response.set_id(request.id());
    } else {
      request.set_content(*std::move(content));
      status = stub ? CleanRemote(stub.get(), args.timeout, request, &response)
                    : CleanInProcess(args.timeout, request, &response);
      response.set_id(request.id());
    }
    if (!status.ok()) {
      ++failures;
      RequestCleaner::SetError(status, &response);
      std::cerr << "declutter: " << path << ": " << status.message() << "\n";
    }
    printer.Print(response);
  }
  return failures == 0 ? 0 : 1;
}

}  // namespace
}  // namespace declutter::client

int main(int argc, char** argv) {
  if (argc < 2 || std::string(argv[1]) == "--help" ||
      std::string(argv[1]) == "-h") {
    std::cout << declutter::client::kUsage;
    return argc < 2 ? 2 : 0;
  }
  if (std::string(argv[1]) == "clean")
    return declutter::client::RunClean(argc, argv);
  if (std::string(argv[1]) == "batch")
    return declutter::client::RunBatch(argc, argv);
  std::cerr << "declutter: unknown command \"" << argv[1]
            << "\": expected clean or batch\n"
            << declutter::client::kUsage;
  return 2;
}
