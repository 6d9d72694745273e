#include "service/api/tls_files.h"

#include <filesystem>
#include <fstream>
#include <string>

#include "gtest/gtest.h"

namespace declutter::api {
namespace {

namespace fs = std::filesystem;

constexpr char kPem[] =
    "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";

class TlsFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) /
           ("tls_files_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& text) {
    const std::string path = (dir_ / name).string();
    std::ofstream(path) << text;
    return path;
  }

  fs::path dir_;
};

TEST_F(TlsFilesTest, ReadsAPemFile) {
  absl::StatusOr<std::string> pem = ReadPem(Write("ca.pem", kPem), "CA");
  ASSERT_TRUE(pem.ok()) << pem.status();
  EXPECT_EQ(*pem, kPem);
}

TEST_F(TlsFilesTest, ErrorsNameTheFileAndWhatWasExpected) {
  const std::string missing = (dir_ / "missing.pem").string();
  absl::StatusOr<std::string> pem = ReadPem(missing, "CA");
  ASSERT_EQ(pem.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(pem.status().message().find("cannot read CA file '" + missing),
            std::string::npos)
      << pem.status();
  EXPECT_NE(pem.status().message().find("expected a readable PEM file"),
            std::string::npos);

  const std::string der = Write("cert.der", "\x30\x82\x01\x0a binary");
  pem = ReadPem(der, "certificate");
  ASSERT_EQ(pem.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(pem.status().message().find("certificate file '" + der +
                                        "' has no PEM block"),
            std::string::npos)
      << pem.status();
  EXPECT_NE(pem.status().message().find("expected '-----BEGIN ...' text"),
            std::string::npos);
}

TEST_F(TlsFilesTest, ReadsACertificateWithItsKey) {
  TlsFiles files;
  files.cert = Write("server.pem", kPem);
  files.key = Write("server.key",
                    "-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE "
                    "KEY-----\n");
  absl::StatusOr<PemCertificateAndKey> pair = ReadCertificateAndKey(files);
  ASSERT_TRUE(pair.ok()) << pair.status();
  EXPECT_EQ(pair->cert, kPem);
  EXPECT_NE(pair->key.find("PRIVATE KEY"), std::string::npos);

  files.key = (dir_ / "gone.key").string();
  pair = ReadCertificateAndKey(files);
  EXPECT_NE(pair.status().message().find("private key file '" + files.key),
            std::string::npos)
      << pair.status();
}

}  // namespace
}  // namespace declutter::api
