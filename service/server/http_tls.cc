#include "service/server/http_tls.h"

#include <openssl/err.h>

#include <string>

#include "absl/strings/str_cat.h"

namespace declutter::server {
namespace {

// OpenSSL's reason for the last failure, for an error message.
std::string OpenSslReason() {
  const unsigned long error = ERR_get_error();
  ERR_clear_error();
  if (error == 0) return "no reason given";
  char text[256];
  ERR_error_string_n(error, text, sizeof(text));
  return text;
}

absl::Status Unusable(const std::string& path, const char* what) {
  return absl::InvalidArgumentError(
      absl::StrCat("--http_listen TLS: ", path, " is not a usable ", what, " (",
                   OpenSslReason(), "): expected a PEM ", what));
}

}  // namespace

absl::StatusOr<SslContext> HttpTlsContext(const api::TlsFiles& files) {
  SslContext ctx(SSL_CTX_new(TLS_server_method()));
  if (ctx == nullptr) {
    return absl::InternalError(
        absl::StrCat("cannot create a TLS context: ", OpenSslReason()));
  }
  SSL_CTX_set_min_proto_version(ctx.get(), TLS1_2_VERSION);
  if (SSL_CTX_use_certificate_chain_file(ctx.get(), files.cert.c_str()) != 1) {
    return Unusable(files.cert, "certificate chain");
  }
  if (SSL_CTX_use_PrivateKey_file(ctx.get(), files.key.c_str(),
                                  SSL_FILETYPE_PEM) != 1 ||
      SSL_CTX_check_private_key(ctx.get()) != 1) {
    return Unusable(files.key, "private key of the certificate");
  }
  if (!files.client_ca.empty()) {
    if (SSL_CTX_load_verify_locations(ctx.get(), files.client_ca.c_str(),
                                      nullptr) != 1) {
      return Unusable(files.client_ca, "CA bundle");
    }
    // The CA names sent to clients, so they pick the right certificate.
    SSL_CTX_set_client_CA_list(
        ctx.get(), SSL_load_client_CA_file(files.client_ca.c_str()));
    SSL_CTX_set_verify(
        ctx.get(), SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, nullptr);
  }
  return ctx;
}

}  // namespace declutter::server
