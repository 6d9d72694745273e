// The server's transport security, chosen explicitly: TLS from PEM files (a
// certificate chain and its key; with a client CA as well, mutual TLS), or
// plaintext only when asked for, so plaintext is never an accident.
//
// Every error names the flag or file at fault and what was expected.
// Stateless; thread-safe.

#ifndef DECLUTTER_SERVICE_SERVER_SERVER_CREDENTIALS_H_
#define DECLUTTER_SERVICE_SERVER_SERVER_CREDENTIALS_H_

#include <grpcpp/security/server_credentials.h>

#include <memory>

#include "absl/status/statusor.h"
#include "service/api/tls_files.h"

namespace declutter::server {

// TLS server credentials; `files.cert` and `files.key` are required, and
// `files.client_ca`, when set, makes the server demand and verify a client
// certificate chaining to it. `files.ca` is not used.
absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> ServerCredentialsFrom(
    const api::TlsFiles& files);

// What --tls_cert, --tls_key, --tls_client_ca and --plaintext ask for: TLS
// credentials when a certificate or key is given, insecure ones with
// `plaintext`. INVALID_ARGUMENT when both or neither are chosen, or a client CA
// comes without TLS.
absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> TransportCredentials(
    const api::TlsFiles& files, bool plaintext);

}  // namespace declutter::server

#endif  // DECLUTTER_SERVICE_SERVER_SERVER_CREDENTIALS_H_
