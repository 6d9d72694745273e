#include "service/server/server_credentials.h"

#include <string>
#include <utility>

namespace declutter::server {

absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> ServerCredentialsFrom(
    const api::TlsFiles& files) {
  if (files.cert.empty() || files.key.empty()) {
    return absl::InvalidArgumentError(
        "TLS needs both a certificate and a key: expected --tls_cert and "
        "--tls_key");
  }
  absl::StatusOr<api::PemCertificateAndKey> pair =
      api::ReadCertificateAndKey(files);
  if (!pair.ok()) return pair.status();
  grpc::SslServerCredentialsOptions options;
  options.pem_key_cert_pairs.push_back({pair->key, pair->cert});
  if (!files.client_ca.empty()) {
    absl::StatusOr<std::string> ca = api::ReadPem(files.client_ca, "client CA");
    if (!ca.ok()) return ca.status();
    options.pem_root_certs = *std::move(ca);
    options.client_certificate_request =
        GRPC_SSL_REQUEST_AND_REQUIRE_CLIENT_CERTIFICATE_AND_VERIFY;
  }
  return grpc::SslServerCredentials(options);
}

absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> TransportCredentials(
    const api::TlsFiles& files, bool plaintext) {
  if (!files.cert.empty() || !files.key.empty()) {
    if (plaintext) {
      return absl::InvalidArgumentError(
          "--plaintext and --tls_cert both given: expected one");
    }
    return ServerCredentialsFrom(files);
  }
  if (!plaintext) {
    return absl::InvalidArgumentError(
        "no transport security chosen: expected --tls_cert and --tls_key "
        "(TLS), or --plaintext");
  }
  if (!files.client_ca.empty()) {
    return absl::InvalidArgumentError(
        "--tls_client_ca needs --tls_cert and --tls_key");
  }
  return grpc::InsecureServerCredentials();
}

}  // namespace declutter::server
