#include "service/api/tls_files.h"

#include <fstream>
#include <iterator>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace declutter::api {

absl::StatusOr<std::string> ReadPem(const std::string& path,
                                    absl::string_view what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return absl::InvalidArgumentError(
        absl::StrCat("cannot read ", what, " file '", path,
                     "': expected a readable PEM file"));
  }
  std::string pem((std::istreambuf_iterator<char>(in)),
                  std::istreambuf_iterator<char>());
  if (!absl::StrContains(pem, "-----BEGIN ")) {
    return absl::InvalidArgumentError(
        absl::StrCat(what, " file '", path,
                     "' has no PEM block: expected '-----BEGIN ...' text"));
  }
  return pem;
}

absl::StatusOr<PemCertificateAndKey> ReadCertificateAndKey(
    const TlsFiles& files) {
  absl::StatusOr<std::string> cert = ReadPem(files.cert, "certificate");
  if (!cert.ok()) return cert.status();
  absl::StatusOr<std::string> key = ReadPem(files.key, "private key");
  if (!key.ok()) return key.status();
  return PemCertificateAndKey{*std::move(cert), *std::move(key)};
}

}  // namespace declutter::api
