#include "client/page_queue.h"

#include <thread>

#include "gtest/gtest.h"

namespace declutter::client {
namespace {

SourcePage Page(const std::string& id) {
  SourcePage page;
  page.id = id;
  return page;
}

TEST(PageQueueTest, CloseDrainsWhatIsQueued) {
  PageQueue queue(2);
  ASSERT_TRUE(queue.Push(Page("a")));
  ASSERT_TRUE(queue.Push(Page("b")));
  queue.Close();
  SourcePage page;
  ASSERT_TRUE(queue.Pop(&page));
  EXPECT_EQ(page.id, "a");
  ASSERT_TRUE(queue.Pop(&page));
  EXPECT_EQ(page.id, "b");
  EXPECT_FALSE(queue.Pop(&page));
}

TEST(PageQueueTest, StopDropsPagesAndFreesAWaitingWriter) {
  PageQueue queue(1);
  ASSERT_TRUE(queue.Push(Page("a")));
  bool pushed = true;
  std::thread writer([&] { pushed = queue.Push(Page("b")); });  // waits: full
  queue.Stop();
  writer.join();
  EXPECT_FALSE(pushed);
  SourcePage page;
  EXPECT_FALSE(queue.Pop(&page));
  EXPECT_FALSE(queue.Push(Page("c")));
}

}  // namespace
}  // namespace declutter::client
