#include "service/server/shutdown_signals.h"

#include <pthread.h>
#include <signal.h>

#include "gtest/gtest.h"

namespace declutter::server {
namespace {

TEST(ShutdownSignalsTest, WaitReturnsTheSignalWithoutAHandlerRunning) {
  const ShutdownSignals signals = ShutdownSignals::Block();
  // Blocked, the signal stays pending instead of ending the test process.
  ASSERT_EQ(pthread_kill(pthread_self(), SIGTERM), 0);
  EXPECT_EQ(signals.Wait(), SIGTERM);
  ASSERT_EQ(pthread_kill(pthread_self(), SIGINT), 0);
  EXPECT_EQ(signals.Wait(), SIGINT);
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  pthread_sigmask(SIG_UNBLOCK, &set, nullptr);
}

}  // namespace
}  // namespace declutter::server
