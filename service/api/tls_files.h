// The PEM files that TLS is configured from, read the same way by the server
// (server_credentials) and the CLI (channel_factory).
//
// ReadPem checks that a file can be read and holds a PEM block; its errors name
// the file, what it was for and what was expected. ReadCertificateAndKey reads
// a certificate chain and its key together. Building gRPC credentials from the
// contents is each side's own business, so this unit has no gRPC in it.
//
// Stateless; thread-safe.

#ifndef DECLUTTER_SERVICE_API_TLS_FILES_H_
#define DECLUTTER_SERVICE_API_TLS_FILES_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace declutter::api {

// Paths of PEM files; empty: not given.
struct TlsFiles {
  std::string cert;  // PEM certificate chain
  std::string key;   // PEM private key for `cert`
  std::string
      client_ca;   // server: CA that client certificates must chain to (mTLS)
  std::string ca;  // client: CA that the server's certificate must chain to
};

// A certificate chain and its private key, as PEM text.
struct PemCertificateAndKey {
  std::string cert;
  std::string key;
};

// The contents of the PEM file at `path`; INVALID_ARGUMENT naming the file and
// `what` it is ("certificate", "CA", ...) when it cannot be read or holds no
// PEM block.
absl::StatusOr<std::string> ReadPem(const std::string& path,
                                    absl::string_view what);

// The contents of `files.cert` and `files.key` (both must be set), through
// ReadPem.
absl::StatusOr<PemCertificateAndKey> ReadCertificateAndKey(
    const TlsFiles& files);

}  // namespace declutter::api

#endif  // DECLUTTER_SERVICE_API_TLS_FILES_H_
