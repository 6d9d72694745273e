#include "service/extract/html/gumbo_arena.h"

#include <algorithm>
#include <bit>
#include <cstdint>

namespace declutter::extract {
namespace {

// Every block starts with a header holding its size class, 16 bytes so the
// block itself stays aligned for anything Gumbo stores.
constexpr size_t kHeader = 16;
constexpr size_t kFirstChunk = size_t{64} << 10;
constexpr size_t kMaxChunk = size_t{4} << 20;

}  // namespace

void* GumboArena::Allocate(void* userdata, size_t size) {
  return static_cast<GumboArena*>(userdata)->Take(size);
}

void GumboArena::Deallocate(void* userdata, void* ptr) {
  if (ptr != nullptr) static_cast<GumboArena*>(userdata)->Give(ptr);
}

void* GumboArena::Take(size_t size) {
  // Classes 0..kClasses-1 are 16, 32, ... kSmallLimit bytes; above that, one
  // class per power of two.
  size_t cls;
  size_t bytes;
  if (size <= kSmallLimit) {
    cls = size == 0 ? 0 : (size - 1) / 16;
    bytes = (cls + 1) * 16;
  } else {
    const int log2 = std::bit_width(size - 1);  // 2^log2 >= size
    cls = kClasses + static_cast<size_t>(log2);
    bytes = size_t{1} << log2;
  }
  if (cls < free_.size() && free_[cls] != nullptr) {
    void* block = free_[cls];
    free_[cls] = *static_cast<void**>(block);
    return block;
  }
  const size_t need = bytes + kHeader;
  if (need > left_) {
    const size_t chunk =
        std::max(need, std::clamp(reserved_, kFirstChunk, kMaxChunk));
    chunks_.push_back(std::make_unique_for_overwrite<std::byte[]>(chunk));
    next_ = chunks_.back().get();
    left_ = chunk;
    reserved_ += chunk;
  }
  std::byte* header = next_;
  next_ += need;
  left_ -= need;
  *reinterpret_cast<size_t*>(header) = cls;
  return header + kHeader;
}

void GumboArena::Give(void* ptr) {
  const size_t cls =
      *reinterpret_cast<size_t*>(static_cast<std::byte*>(ptr) - kHeader);
  if (cls >= free_.size())
    return;  // past the largest class kept: the chunk keeps it
  *static_cast<void**>(ptr) = free_[cls];
  free_[cls] = ptr;
}

}  // namespace declutter::extract
