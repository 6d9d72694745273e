// declutter: the command-line client.
//
//   declutter clean [--server HOST:PORT] [--format text|json|jsonl] [--url URL]
//                   [--content-type T] [--input-kind auto|html|text]
//                   [--output-format text|markdown|html] [--removed]
//                   [--max-bytes N] PATH...
//
//   declutter batch ...   (client/batch_command.h: a whole crawl, resumable)
//
// Without --server the engine runs in-process. PATH is a file, a directory (recursed) or
// "-" for standard input; .gz files are read transparently. Exit status: 0 when every
// input was cleaned, 1 when any failed, 2 on a usage error.

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
#include "client/batch_command.h"
#include "client/command_line.h"
#include "client/input_reader.h"
#include "client/response_printer.h"
#include "proto/declutter/v1/declutter.grpc.pb.h"
#include "service/server/request_cleaner.h"
#include "service/server/tls_credentials.h"

namespace declutter::client {
namespace {

constexpr char kUsage[] =
    "usage: declutter clean [--server HOST:PORT] [--format text|json|jsonl]\n"
    "                       [--url URL] [--content-type TYPE]\n"
    "                       [--input-kind auto|html|text]\n"
    "                       [--output-format text|markdown|html] [--removed]\n"
    "                       [--max-bytes N] [--timeout SECONDS]\n"
    "                       [--tls] [--tls-ca FILE] [--tls-cert FILE --tls-key FILE]\n"
    "                       PATH...\n"
    "PATH is a file, a directory (recursed) or - for standard input; .gz is read\n"
    "transparently. Without --server the engine runs in this process. With --server,\n"
    "any --tls* option makes the connection TLS (--tls-ca: verify the server against\n"
    "this CA; --tls-cert/--tls-key: present a client certificate for mutual TLS).\n"
    "\n"
    "       declutter batch [--server TARGET | --local] [--concurrency N] [-o OUT.jsonl]\n"
    "                       [--resume] [--shard I/N] [--inputs-from FILE] INPUT...\n"
    "cleans a whole crawl (directories, JSONL, WARC); declutter batch --help for more.\n";

struct CleanArgs {
  std::string server;
  PrintFormat format = PrintFormat::kText;
  std::string url;
  std::string content_type;
  v1::InputKind input_kind = v1::INPUT_KIND_AUTO;
  v1::OutputFormat output_format = v1::OUTPUT_FORMAT_TEXT;
  bool removed = false;
  size_t max_bytes = 64u << 20;
  int timeout_seconds = 60;
  bool tls = false;  // any --tls* flag: talk TLS to the server
  server::TlsFiles tls_files;
  std::vector<std::string> paths;
};

// Sets `*out` to the value named `value` among `choices`; "" on success, else what
// was wrong and what was expected.
template <typename T>
std::string ParseChoice(absl::string_view flag, const std::string& value,
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
      std::string error = ParseChoice("--input-kind", value,
                                      {{"auto", v1::INPUT_KIND_AUTO},
                                       {"html", v1::INPUT_KIND_HTML},
                                       {"text", v1::INPUT_KIND_TEXT}},
                                      &args->input_kind);
      if (!error.empty()) return error;
    } else if (take("output-format")) {
      std::string error = ParseChoice("--output-format", value,
                                      {{"text", v1::OUTPUT_FORMAT_TEXT},
                                       {"markdown", v1::OUTPUT_FORMAT_MARKDOWN},
                                       {"html", v1::OUTPUT_FORMAT_HTML}},
                                      &args->output_format);
      if (!error.empty()) return error;
    } else if (take("max-bytes")) {
      if (!absl::SimpleAtoi(value, &args->max_bytes) || args->max_bytes == 0) {
        return absl::StrCat("--max-bytes is \"", value, "\": expected a positive integer");
      }
    } else if (take("timeout")) {
      if (!absl::SimpleAtoi(value, &args->timeout_seconds) || args->timeout_seconds <= 0) {
        return absl::StrCat("--timeout is \"", value, "\": expected a positive integer");
      }
    } else if (take("tls-ca")) {
      args->tls = true;
      args->tls_files.ca = value;
    } else if (take("tls-cert")) {
      args->tls = true;
      args->tls_files.cert = value;
    } else if (take("tls-key")) {
      args->tls = true;
      args->tls_files.key = value;
    } else if (arg == "--tls") {
      args->tls = true;
    } else if (arg == "--removed") {
      args->removed = true;
    } else if (arg == "-" || !absl::StartsWith(arg, "-")) {
      args->paths.push_back(arg);
    } else {
      return absl::StrCat("unknown or incomplete option ", arg);
    }
  }
  if (args->paths.empty()) return "no PATH given: expected at least one file, directory or -";
  return "";
}

absl::Status CleanRemote(v1::Declutter::Stub* stub, int timeout_seconds,
                         const v1::CleanRequest& request, v1::CleanResponse* response) {
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() +
                       std::chrono::seconds(timeout_seconds));
  grpc::Status status = stub->Clean(&context, request, response);
  if (status.ok()) return absl::OkStatus();
  return absl::Status(static_cast<absl::StatusCode>(status.error_code()),
                      status.error_message());
}

int RunClean(int argc, char** argv) {
  CleanArgs args;
  if (std::string error = ParseCleanArgs(argc, argv, &args); !error.empty()) {
    std::cerr << "declutter: " << error << "\n" << kUsage;
    return 2;
  }
  InputReader reader(args.max_bytes);
  absl::StatusOr<std::vector<std::string>> files = reader.Expand(args.paths);
  if (!files.ok()) {
    std::cerr << "declutter: " << files.status().message() << "\n";
    return 1;
  }
  std::unique_ptr<v1::Declutter::Stub> stub;
  if (!args.server.empty()) {
    grpc::ChannelArguments channel_args;
    channel_args.SetMaxSendMessageSize(static_cast<int>(
        std::min<size_t>(args.max_bytes + (1 << 20), INT32_MAX)));
    channel_args.SetMaxReceiveMessageSize(-1);
    std::shared_ptr<grpc::ChannelCredentials> credentials = grpc::InsecureChannelCredentials();
    if (args.tls) {
      absl::StatusOr<std::shared_ptr<grpc::ChannelCredentials>> tls =
          server::ChannelCredentialsFrom(args.tls_files);
      if (!tls.ok()) {
        std::cerr << "declutter: " << tls.status().message() << "\n";
        return 2;
      }
      credentials = *tls;
    }
    stub = v1::Declutter::NewStub(
        grpc::CreateCustomChannel(args.server, credentials, channel_args));
  }
  ResponsePrinter printer(args.format, std::cout);
  int failures = 0;
  for (const std::string& path : *files) {
    v1::CleanRequest request;
    request.set_id(path);
    request.set_url(args.url);
    request.set_content_type(args.content_type);
    request.set_input_kind(args.input_kind);
    request.mutable_options()->set_output_format(args.output_format);
    request.mutable_options()->set_report_removed(args.removed);
    v1::CleanResponse response;
    absl::Status status;
    absl::StatusOr<std::string> content = reader.Read(path);
    if (!content.ok()) {
      status = content.status();
      response.set_id(path);
    } else {
      request.set_content(*std::move(content));
      status = stub ? CleanRemote(stub.get(), args.timeout_seconds, request, &response)
                    : server::RequestCleaner::Clean(request, &response);
      response.set_id(path);
    }
    if (!status.ok()) {
      ++failures;
      server::RequestCleaner::SetError(status, &response);
      std::cerr << "declutter: " << path << ": " << status.message() << "\n";
    }
    printer.Print(response);
  }
  return failures == 0 ? 0 : 1;
}

}  // namespace
}  // namespace declutter::client

int main(int argc, char** argv) {
  if (argc < 2 || std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h") {
    std::cout << declutter::client::kUsage;
    return argc < 2 ? 2 : 0;
  }
  if (std::string(argv[1]) == "clean") return declutter::client::RunClean(argc, argv);
  if (std::string(argv[1]) == "batch") return declutter::client::RunBatch(argc, argv);
  std::cerr << "declutter: unknown command \"" << argv[1] << "\": expected clean or batch\n"
            << declutter::client::kUsage;
  return 2;
}
