// Certificates for mutual-TLS tests, made with the openssl command line: a CA,
// a server certificate for 127.0.0.1 and localhost, and a client certificate,
// and the declutter-server flags that serve mutual TLS with them.
// Header-only test support.

#ifndef DECLUTTER_TESTS_SUPPORT_TEST_CERTIFICATES_H_
#define DECLUTTER_TESTS_SUPPORT_TEST_CERTIFICATES_H_

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"

namespace declutter::testing {

// Writes ca.pem, server.pem/server.key and client.pem/client.key into `dir`;
// false when openssl fails.
inline bool MakeCertificates(const std::filesystem::path& dir) {
  std::filesystem::create_directories(dir);
  const std::string script = absl::StrCat(
      "set -e; cd '", dir.string(), "';",
      "openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem "
      "-days 2 -subj /CN=test-ca 2>/dev/null;",
      "printf 'subjectAltName=IP:127.0.0.1,DNS:localhost' > san.ext;",
      "for who in server client; do "
      "openssl req -newkey rsa:2048 -nodes -keyout $who.key -out $who.csr "
      "-subj /CN=$who 2>/dev/null;",
      "openssl x509 -req -in $who.csr -CA ca.pem -CAkey ca.key -CAcreateserial "
      "-out $who.pem -days 2 -extfile san.ext 2>/dev/null; done");
  const std::filesystem::path script_file = dir / "make.sh";
  std::ofstream(script_file) << script << "\n";
  return std::system(("bash '" + script_file.string() + "'").c_str()) == 0;
}

// The flags of a mutual-TLS declutter-server using MakeCertificates(dir)'s
// files.
inline std::vector<std::string> MutualTlsFlags(
    const std::filesystem::path& dir) {
  return {"--tls_cert=" + (dir / "server.pem").string(),
          "--tls_key=" + (dir / "server.key").string(),
          "--tls_client_ca=" + (dir / "ca.pem").string()};
}

}  // namespace declutter::testing

#endif  // DECLUTTER_TESTS_SUPPORT_TEST_CERTIFICATES_H_
