// How the CLI reaches servers, for `clean` and `batch` alike: transport
// security from --tls, --tls-ca, --tls-cert and --tls-key, and the channel
// arguments (message limits around the largest page, load balancing).
//
// Without any --tls* flag a channel is plaintext. --tls alone uses TLS with the
// system's roots; --tls-ca verifies the server against that CA instead;
// --tls-cert with --tls-key present a client certificate (mutual TLS).
//
// A ChannelFactory reads the PEM files once, in Create(); it is a value, and
// Open()/OpenEach() are thread-safe.

#ifndef DECLUTTER_CLIENT_CHANNEL_FACTORY_H_
#define DECLUTTER_CLIENT_CHANNEL_FACTORY_H_

#include <grpcpp/grpcpp.h>

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "client/command_line.h"
#include "service/api/tls_files.h"

namespace declutter::client {

struct ChannelOptions {
  bool tls = false;         // any --tls* flag was given
  api::TlsFiles tls_files;  // ca, cert and key (client_ca unused)
  // The largest page sent; a request may be 1 MiB larger. Answers are not
  // limited.
  size_t max_page_bytes = 64u << 20;
  // Spread calls over every address a target resolves to (round robin)
  // instead of keeping to the first that connects.
  bool round_robin = false;
};

// True, with `options` updated, when the current argument of `cl` is --tls or
// one of --tls-ca, --tls-cert and --tls-key with its value.
bool TakeTlsFlag(CommandLine* cl, ChannelOptions* options);

class ChannelFactory {
 public:
  // Reads the PEM files `options` names. INVALID_ARGUMENT naming the file, or
  // the flags, when a file is unreadable or not PEM, or a certificate comes
  // without its key.
  static absl::StatusOr<ChannelFactory> Create(const ChannelOptions& options);

  // A channel to `target`: host:port, or a resolver URI such as
  // dns:///name:port.
  std::shared_ptr<grpc::Channel> Open(const std::string& target) const;

  // One channel per entry of a comma-separated list of targets (blank entries
  // skipped); empty when the list names none.
  std::vector<std::shared_ptr<grpc::Channel>> OpenEach(
      const std::string& targets) const;

 private:
  ChannelFactory() = default;

  std::shared_ptr<grpc::ChannelCredentials> credentials_;
  grpc::ChannelArguments arguments_;
};

}  // namespace declutter::client

#endif  // DECLUTTER_CLIENT_CHANNEL_FACTORY_H_
