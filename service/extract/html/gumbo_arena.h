// Memory for one Gumbo parse, handed out from large chunks and returned all at
// once when the arena is destroyed.
//
// Gumbo allocates every node, attribute, string and vector separately and frees
// most of them one by one again, and the tree is then freed node by node. With
// an arena a parse makes a few dozen malloc calls instead of hundreds of
// thousands, and the whole tree goes in one step without walking it. Freed
// blocks of the common small sizes are reused (their size is kept in a header
// word, as Gumbo's deallocator is not told it), so buffers that grow by copying
// do not pile up.
//
// Allocations are bounded by what the parser asks for; chunks grow with the
// arena so a huge page takes few of them. Not thread-safe: one arena per parse.

#ifndef DECLUTTER_SERVICE_EXTRACT_HTML_GUMBO_ARENA_H_
#define DECLUTTER_SERVICE_EXTRACT_HTML_GUMBO_ARENA_H_

#include <array>
#include <cstddef>
#include <memory>
#include <vector>

namespace declutter::extract {

class GumboArena {
 public:
  GumboArena() = default;
  GumboArena(const GumboArena&) = delete;
  GumboArena& operator=(const GumboArena&) = delete;

  // Gumbo's allocator and deallocator; `userdata` is the arena.
  static void* Allocate(void* userdata, size_t size);
  static void Deallocate(void* userdata, void* ptr);

 private:
  // Blocks up to this size come from the free lists, in 16-byte classes.
  static constexpr size_t kSmallLimit = 512;
  static constexpr size_t kClasses = kSmallLimit / 16;

  void* Take(size_t size);
  void Give(void* ptr);

  std::vector<std::unique_ptr<std::byte[]>> chunks_;
  std::byte* next_ = nullptr;
  size_t left_ = 0;
  size_t reserved_ = 0;  // bytes taken from the system so far
  // Free blocks per size class (kClasses small ones, then powers of two up to
  // 2^47 bytes), singly linked through the blocks themselves.
  std::array<void*, kClasses + 48> free_{};
};

}  // namespace declutter::extract

#endif  // DECLUTTER_SERVICE_EXTRACT_HTML_GUMBO_ARENA_H_
