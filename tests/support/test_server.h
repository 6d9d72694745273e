// Starts the real declutter-server binary on free loopback ports for a test,
// and stops it. Header-only test support.

#ifndef DECLUTTER_TESTS_SUPPORT_TEST_SERVER_H_
#define DECLUTTER_TESTS_SUPPORT_TEST_SERVER_H_

#include <fcntl.h>
#include <grpcpp/grpcpp.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace declutter::testing {

class TestServer {
 public:
  // Starts the server with `flags` (besides --listen and the port files) and
  // waits up to 10 s for it to report its ports. ok() tells whether it did.
  explicit TestServer(std::vector<std::string> flags,
                      bool with_metrics = true) {
    static std::atomic<int> serial{0};
    const std::string stem = (std::filesystem::path(::testing::TempDir()) /
                              ("declutter_" + std::to_string(::getpid()) + "_" +
                               std::to_string(serial++)))
                                 .string();
    port_file_ = stem + ".port";
    metrics_file_ = stem + ".metrics";
    std::filesystem::remove(port_file_);
    std::filesystem::remove(metrics_file_);
    std::vector<std::string> args = {DECLUTTER_SERVER_PATH,
                                     "--listen=127.0.0.1:0",
                                     "--port_file=" + port_file_};
    if (with_metrics) {
      args.push_back("--metrics_listen=127.0.0.1:0");
      args.push_back("--metrics_port_file=" + metrics_file_);
    }
    args.insert(args.end(), flags.begin(), flags.end());
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    // The server's stderr (its JSON log) goes to a file the test can read,
    // and its stdout to /dev/null: a server outliving a test that crashed
    // must not hold ctest's output pipe open (ctest would wait for it until
    // its timeout).
    log_file_ = stem + ".log";
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 2, log_file_.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    const int spawned = posix_spawn(&pid_, DECLUTTER_SERVER_PATH, &actions,
                                    nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) {
      pid_ = 0;
      return;
    }
    for (int i = 0;
         i < 200 && (port_ == 0 || (with_metrics && metrics_port_ == 0)); ++i) {
      port_ = ReadPort(port_file_);
      if (with_metrics) metrics_port_ = ReadPort(metrics_file_);
      int status = 0;
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {  // exited: a bad flag
        pid_ = 0;
        exit_status_ = status;
        return;
      }
      if (port_ == 0)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }

  ~TestServer() {
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
    std::filesystem::remove(port_file_);
    std::filesystem::remove(metrics_file_);
    std::filesystem::remove(log_file_);
  }

  // What the server wrote to stderr so far.
  std::string Log() const {
    std::ifstream in(log_file_);
    return std::string(std::istreambuf_iterator<char>(in),
                       std::istreambuf_iterator<char>());
  }

  // The first log line of `event` ("serving", "page", ...), waiting up to
  // 1 s for it; empty if none came.
  std::string LogLine(const std::string& event) const {
    const std::string key = "\"event\":\"" + event + "\"";
    for (int i = 0; i < 50; ++i) {
      const std::string log = Log();
      const size_t at = log.find(key);
      if (at != std::string::npos) {
        const size_t begin = log.rfind('\n', at) + 1;  // npos + 1 == 0
        return log.substr(begin, log.find('\n', at) - begin);
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return "";
  }

  bool ok() const { return pid_ > 0 && port_ != 0; }
  pid_t pid() const { return pid_; }
  int port() const { return port_; }
  int metrics_port() const { return metrics_port_; }
  std::string address() const { return "127.0.0.1:" + std::to_string(port_); }
  // The raw waitpid status when the server exited during start-up.
  int exit_status() const { return exit_status_; }

  std::shared_ptr<grpc::Channel> Channel() const {
    grpc::ChannelArguments args;
    args.SetMaxSendMessageSize(-1);
    args.SetMaxReceiveMessageSize(-1);
    return grpc::CreateCustomChannel(address(),
                                     grpc::InsecureChannelCredentials(), args);
  }

  // Sends SIGTERM and waits up to `wait` for a clean exit; returns the exit
  // code, or -1 if it did not exit in time or was killed by a signal.
  int Terminate(std::chrono::seconds wait = std::chrono::seconds(30)) {
    if (pid_ <= 0) return -1;
    ::kill(pid_, SIGTERM);
    int status = 0;
    const auto until = std::chrono::steady_clock::now() + wait;
    while (std::chrono::steady_clock::now() < until) {
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = 0;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return -1;
  }

  // The server's resident set size in KiB (VmRSS), or 0.
  int64_t RssKib() const {
    std::ifstream in("/proc/" + std::to_string(pid_) + "/status");
    std::string key;
    while (in >> key) {
      if (key == "VmRSS:") {
        int64_t kib = 0;
        in >> kib;
        return kib;
      }
      in.ignore(1 << 12, '\n');
    }
    return 0;
  }

 private:
  static int ReadPort(const std::string& path) {
    std::ifstream in(path);
    int port = 0;
    if (!(in >> port)) return 0;
    return port;
  }

  pid_t pid_ = 0;
  int port_ = 0;
  int metrics_port_ = 0;
  int exit_status_ = 0;
  std::string port_file_;
  std::string metrics_file_;
  std::string log_file_;
};

}  // namespace declutter::testing

#endif  // DECLUTTER_TESTS_SUPPORT_TEST_SERVER_H_
