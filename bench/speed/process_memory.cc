#include "bench/speed/process_memory.h"

#include <fstream>
#include <string>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"

namespace declutter::bench {
namespace {

// The value of a "Key:   1234 kB" line of /proc/PID/status, in bytes.
int64_t StatusBytes(int pid, absl::string_view key) {
  std::ifstream status(pid == 0 ? std::string("/proc/self/status")
                                : absl::StrCat("/proc/", pid, "/status"));
  std::string line;
  while (std::getline(status, line)) {
    absl::string_view rest = line;
    if (!absl::ConsumePrefix(&rest, key) || !absl::ConsumePrefix(&rest, ":"))
      continue;
    rest = absl::StripAsciiWhitespace(rest);
    absl::ConsumeSuffix(&rest, " kB");
    int64_t kb = 0;
    return absl::SimpleAtoi(rest, &kb) ? kb * 1024 : 0;
  }
  return 0;
}

}  // namespace

int64_t ProcessMemory::Resident(int pid) { return StatusBytes(pid, "VmRSS"); }

int64_t ProcessMemory::Peak(int pid) { return StatusBytes(pid, "VmHWM"); }

bool ProcessMemory::ResetPeak() {
  std::ofstream clear_refs("/proc/self/clear_refs");
  clear_refs << "5";
  clear_refs.flush();
  return clear_refs.good();
}

}  // namespace declutter::bench
