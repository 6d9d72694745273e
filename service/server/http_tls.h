// The OpenSSL server context of the HTTP/JSON port when the server serves TLS:
// the same --tls_cert chain and --tls_key as the gRPC port, and with
// --tls_client_ca, a client certificate chaining to it is required (mutual
// TLS), as on the gRPC port. TLS 1.2 at least.
//
// Stateless; thread-safe. The context is owned by the caller.

#ifndef DECLUTTER_SERVICE_SERVER_HTTP_TLS_H_
#define DECLUTTER_SERVICE_SERVER_HTTP_TLS_H_

#include <openssl/ssl.h>

#include <memory>

#include "absl/status/statusor.h"
#include "service/api/tls_files.h"

namespace declutter::server {

struct SslCtxFree {
  void operator()(SSL_CTX* ctx) const { SSL_CTX_free(ctx); }
};
using SslContext = std::unique_ptr<SSL_CTX, SslCtxFree>;

// A server context from `files.cert`, `files.key` and (optional)
// `files.client_ca`. INVALID_ARGUMENT naming the file and what was expected
// when one cannot be used.
absl::StatusOr<SslContext> HttpTlsContext(const api::TlsFiles& files);

}  // namespace declutter::server

#endif  // DECLUTTER_SERVICE_SERVER_HTTP_TLS_H_
