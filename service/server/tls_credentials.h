// gRPC credentials from PEM files named by flags, for the server and the CLI
// client.
//
// Server: a certificate chain and key make it serve TLS; a client CA as well
// makes it demand and verify a client certificate (mutual TLS). Client: a CA
// file makes it verify the server against that CA instead of the system roots;
// a certificate and key make it present them.
//
// Every error names the file and what was expected of it. Stateless;
// thread-safe.

#ifndef DECLUTTER_SERVICE_SERVER_TLS_CREDENTIALS_H_
#define DECLUTTER_SERVICE_SERVER_TLS_CREDENTIALS_H_

#include <grpcpp/security/credentials.h>
#include <grpcpp/security/server_credentials.h>

#include <memory>
#include <string>

#include "absl/status/statusor.h"

namespace declutter::server {

struct TlsFiles {
  std::string cert;  // PEM certificate chain
  std::string key;   // PEM private key for `cert`
  std::string
      client_ca;   // server: CA that client certificates must chain to (mTLS)
  std::string ca;  // client: CA that the server's certificate must chain to
};

// TLS server credentials; `files.cert` and `files.key` are required.
absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> ServerCredentialsFrom(
    const TlsFiles& files);

// TLS channel credentials; every file is optional (cert and key go together).
absl::StatusOr<std::shared_ptr<grpc::ChannelCredentials>>
ChannelCredentialsFrom(const TlsFiles& files);

// The contents of the PEM file at `path`, or an error naming it.
absl::StatusOr<std::string> ReadPem(const std::string& path, const char* what);

}  // namespace declutter::server

#endif  // DECLUTTER_SERVICE_SERVER_TLS_CREDENTIALS_H_
