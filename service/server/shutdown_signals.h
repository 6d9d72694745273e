// SIGTERM and SIGINT, taken without a signal handler. Block() masks them in the
// calling thread; threads started afterwards inherit the mask, so when main()
// calls it before any thread exists no thread is ever interrupted by them.
// Wait(), on one dedicated thread, returns once either arrives (sigwait), and
// the shutdown runs there as ordinary code.
//
// A value (the signal set); Wait() may be called from any thread.

#ifndef DECLUTTER_SERVICE_SERVER_SHUTDOWN_SIGNALS_H_
#define DECLUTTER_SERVICE_SERVER_SHUTDOWN_SIGNALS_H_

#include <signal.h>

namespace declutter::server {

class ShutdownSignals {
 public:
  // Blocks SIGTERM and SIGINT in the calling thread (and the threads it starts
  // from now on).
  static ShutdownSignals Block();

  // Waits for SIGTERM or SIGINT and returns its number.
  int Wait() const;

 private:
  ShutdownSignals() = default;

  sigset_t signals_;
};

}  // namespace declutter::server

#endif  // DECLUTTER_SERVICE_SERVER_SHUTDOWN_SIGNALS_H_
