#include "client/channel_factory.h"

#include <algorithm>
#include <cstdint>
#include <utility>

#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "absl/strings/strip.h"

namespace declutter::client {
namespace {

// Credentials for `options`: insecure without --tls*, else TLS with the files.
absl::StatusOr<std::shared_ptr<grpc::ChannelCredentials>> CredentialsFor(
    const ChannelOptions& options) {
  if (!options.tls) return grpc::InsecureChannelCredentials();
  const api::TlsFiles& files = options.tls_files;
  grpc::SslCredentialsOptions ssl;
  if (!files.ca.empty()) {
    // The CLI's own flag names in messages (the server's are --tls_cert...).
    absl::StatusOr<std::string> ca = api::ReadPem(files.ca, "--tls-ca CA");
    if (!ca.ok()) return ca.status();
    ssl.pem_root_certs = *std::move(ca);
  }
  if (files.cert.empty() != files.key.empty()) {
    return absl::InvalidArgumentError(
        "a client certificate needs its key: expected both --tls-cert and "
        "--tls-key");
  }
  if (!files.cert.empty()) {
    absl::StatusOr<std::string> cert =
        api::ReadPem(files.cert, "--tls-cert certificate");
    if (!cert.ok()) return cert.status();
    absl::StatusOr<std::string> key =
        api::ReadPem(files.key, "--tls-key private key");
    if (!key.ok()) return key.status();
    ssl.pem_cert_chain = *std::move(cert);
    ssl.pem_private_key = *std::move(key);
  }
  return grpc::SslCredentials(ssl);
}

}  // namespace

bool TakeTlsFlag(CommandLine* cl, ChannelOptions* options) {
  std::string value;
  if (cl->Take("--tls-ca", &value)) {
    options->tls_files.ca = value;
  } else if (cl->Take("--tls-cert", &value)) {
    options->tls_files.cert = value;
  } else if (cl->Take("--tls-key", &value)) {
    options->tls_files.key = value;
  } else if (!cl->Is("--tls")) {
    return false;
  }
  options->tls = true;
  return true;
}

absl::StatusOr<ChannelFactory> ChannelFactory::Create(
    const ChannelOptions& options) {
  absl::StatusOr<std::shared_ptr<grpc::ChannelCredentials>> credentials =
      CredentialsFor(options);
  if (!credentials.ok()) return credentials.status();
  ChannelFactory factory;
  factory.credentials_ = *std::move(credentials);
  factory.arguments_.SetMaxSendMessageSize(static_cast<int>(
      std::min<size_t>(options.max_page_bytes + (1 << 20), INT32_MAX)));
  factory.arguments_.SetMaxReceiveMessageSize(-1);
  // A restarted server is found again within a few seconds: gRPC's reconnect
  // backoff otherwise grows to 120 s while it is down, and a batch waiting for
  // it (--retry-deadline) would wait on after it is back.
  factory.arguments_.SetInt(GRPC_ARG_MAX_RECONNECT_BACKOFF_MS, 2000);
  if (options.round_robin) {
    factory.arguments_.SetLoadBalancingPolicyName("round_robin");
  }
  return factory;
}

std::shared_ptr<grpc::Channel> ChannelFactory::Open(
    const std::string& target) const {
  return grpc::CreateCustomChannel(target, credentials_, arguments_);
}

std::vector<std::shared_ptr<grpc::Channel>> ChannelFactory::OpenEach(
    const std::string& targets) const {
  std::vector<std::shared_ptr<grpc::Channel>> channels;
  for (absl::string_view entry :
       absl::StrSplit(targets, ',', absl::SkipWhitespace())) {
    channels.push_back(Open(std::string(absl::StripAsciiWhitespace(entry))));
  }
  return channels;
}

}  // namespace declutter::client
