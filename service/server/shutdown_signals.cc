#include "service/server/shutdown_signals.h"

#include <pthread.h>

namespace declutter::server {

ShutdownSignals ShutdownSignals::Block() {
  ShutdownSignals shutdown;
  sigemptyset(&shutdown.signals_);
  sigaddset(&shutdown.signals_, SIGTERM);
  sigaddset(&shutdown.signals_, SIGINT);
  pthread_sigmask(SIG_BLOCK, &shutdown.signals_, nullptr);
  return shutdown;
}

int ShutdownSignals::Wait() const {
  int received = 0;
  sigwait(&signals_, &received);  // fails only for an invalid set
  return received;
}

}  // namespace declutter::server
