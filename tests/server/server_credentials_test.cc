#include "service/server/server_credentials.h"

#include <filesystem>
#include <string>
#include <utility>

#include "gtest/gtest.h"
#include "tests/support/test_certificates.h"

namespace declutter::server {
namespace {

namespace fs = std::filesystem;

std::string MessageOf(const api::TlsFiles& files, bool plaintext) {
  return std::string(TransportCredentials(files, plaintext).status().message());
}

api::TlsFiles Files(std::string cert, std::string key, std::string client_ca) {
  api::TlsFiles files;
  files.cert = std::move(cert);
  files.key = std::move(key);
  files.client_ca = std::move(client_ca);
  return files;
}

TEST(ServerCredentialsTest, PlaintextOnlyWhenAskedForAndNeverWithTls) {
  EXPECT_TRUE(TransportCredentials({}, /*plaintext=*/true).ok());
  EXPECT_EQ(MessageOf({}, false),
            "no transport security chosen: expected --tls_cert and --tls_key "
            "(TLS), or --plaintext");
  EXPECT_EQ(MessageOf(Files("c.pem", "c.key", ""), true),
            "--plaintext and --tls_cert both given: expected one");
  EXPECT_EQ(MessageOf(Files("", "", "ca.pem"), true),
            "--tls_client_ca needs --tls_cert and --tls_key");
  EXPECT_EQ(MessageOf(Files("c.pem", "", ""), false),
            "TLS needs both a certificate and a key: expected --tls_cert and "
            "--tls_key");
}

TEST(ServerCredentialsTest, TlsFromFilesWithErrorsNamingTheFile) {
  const fs::path dir = fs::path(::testing::TempDir()) /
                       ("server_credentials_" + std::to_string(::getpid()));
  ASSERT_TRUE(testing::MakeCertificates(dir));
  api::TlsFiles files =
      Files((dir / "server.pem").string(), (dir / "server.key").string(),
            (dir / "ca.pem").string());
  EXPECT_TRUE(TransportCredentials(files, false).ok());
  files.client_ca = (dir / "missing-ca.pem").string();
  EXPECT_NE(MessageOf(files, false)
                .find("cannot read client CA file '" + files.client_ca + "'"),
            std::string::npos)
      << MessageOf(files, false);
  files.client_ca.clear();
  files.key = (dir / "ca.srl").string();  // not PEM
  EXPECT_NE(MessageOf(files, false)
                .find("private key file '" + files.key + "' has no PEM block"),
            std::string::npos)
      << MessageOf(files, false);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace declutter::server
