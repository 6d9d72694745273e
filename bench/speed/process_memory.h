// A process's resident memory, read from /proc (Linux), for the benchmarks'
// peak-RSS figures: this process (pid 0) or another one (declutter-load reads
// the server's). Thread-safe; values in bytes, 0 where /proc cannot tell.

#ifndef DECLUTTER_BENCH_SPEED_PROCESS_MEMORY_H_
#define DECLUTTER_BENCH_SPEED_PROCESS_MEMORY_H_

#include <cstdint>

namespace declutter::bench {

class ProcessMemory {
 public:
  // Resident set size now (VmRSS).
  static int64_t Resident(int pid = 0);
  // The peak resident set size since the process started or since the last
  // ResetPeak() (VmHWM).
  static int64_t Peak(int pid = 0);
  // Sets this process's peak to its current size (writes 5 to
  // /proc/self/clear_refs, Linux 4.0 and later); false when the kernel refused.
  static bool ResetPeak();
};

}  // namespace declutter::bench

#endif  // DECLUTTER_BENCH_SPEED_PROCESS_MEMORY_H_
