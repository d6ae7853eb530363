// The command line's operator new and delete (cli/CMakeLists.txt links this
// file into the static `whosays` only: not the core, the Python module, the
// sanitizer or the fuzzing builds).
//
// A one-article process makes some 260 allocations, and through glibc's
// malloc and free (wrapped by libstdc++'s operator new and delete) each cost
// about 180 instructions with its release; the batch of 49 articles makes
// some 10,000 (6 % of its instructions). Here a block of up to 1 KiB is a
// size class's: taken from its thread's free list of the class, else carved
// from the thread's chunk, about 20 instructions with its release. Larger
// blocks (a few per article: token vectors, the output, the file) come from
// malloc, which reuses and joins freed memory better than classes do: with
// every size in classes, a process touched five pages more.
//
// A block is 8 bytes of header (its class; 0 for malloc's) and the caller's
// bytes, 16-byte aligned as operator new must be: blocks follow one another
// at addresses 8 mod 16, as glibc's chunks do. Classes: 32 to 1,024 bytes by
// 16. A freed block waits on its thread's list for the next allocation of its
// class (a block may change threads, never its class). Chunks: the first
// 512 KiB from .bss (a page costs nothing until touched), then 1 MiB mmaps;
// a chunk's tail too short for a block is left unused.
#include <sys/mman.h>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <new>

namespace {

constexpr std::size_t kHeader = 8;
constexpr std::size_t kLargest = 1024;  // the largest class's block
constexpr unsigned kClasses = 65;       // 2..64 (0: from malloc)
constexpr std::size_t kFirstChunk = 512 * 1024;
constexpr std::size_t kChunk = 1024 * 1024;

// The class of a block of `size` bytes (a multiple of 16, 32 to kLargest),
// and the block size of a class.
inline unsigned class_of(std::size_t size) { return static_cast<unsigned>(size >> 4); }
inline std::size_t size_of(unsigned c) { return std::size_t{c} << 4; }

struct Heap {
  void* free[kClasses];  // each block's first word links to the next
  char* next;            // the chunk's unused part: [next, end), next = 8 mod 16
  char* end;
};

thread_local Heap heap;  // zero-initialised, no constructor

alignas(4096) char first_chunk[kFirstChunk];
std::atomic<bool> first_chunk_taken{false};

// A new chunk for `heap` (the tail of the old one is left); false without memory.
[[gnu::noinline]] bool refill(Heap& h, std::size_t size) {
  char* chunk = nullptr;
  std::size_t bytes = kChunk;
  if (!first_chunk_taken.exchange(true, std::memory_order_relaxed)) {
    chunk = first_chunk;
    bytes = kFirstChunk;
  } else {
    void* mapped = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (mapped == MAP_FAILED) return false;
    chunk = static_cast<char*>(mapped);
  }
  h.next = chunk + kHeader;
  h.end = chunk + bytes;
  return static_cast<std::size_t>(h.end - h.next) >= size;
}

[[gnu::noinline]] void* allocate_large(std::size_t n) {
  if (n > SIZE_MAX - 16) return nullptr;
  char* base = static_cast<char*>(std::malloc(n + 16));  // 16-aligned: the block at base + 16
  if (!base) return nullptr;
  *reinterpret_cast<std::uint64_t*>(base + 8) = 0;
  return base + 16;
}

inline void* allocate(std::size_t n) {
  const std::size_t size = n <= 24 ? 32 : (n + kHeader + 15) & ~std::size_t{15};
  if (size > kLargest) return allocate_large(n);
  const unsigned c = class_of(size);
  Heap& h = heap;
  if (void* block = h.free[c]) {
    h.free[c] = *static_cast<void**>(block);
    return block;
  }
  const std::size_t bytes = size_of(c);
  if (static_cast<std::size_t>(h.end - h.next) < bytes && !refill(h, bytes)) return nullptr;
  char* header = h.next;
  h.next += bytes;
  *reinterpret_cast<std::uint64_t*>(header) = c;
  return header + kHeader;
}

inline void release(void* block) {
  if (!block) return;
  const std::uint64_t c = static_cast<const std::uint64_t*>(block)[-1];
  if (c == 0) {
    std::free(static_cast<char*>(block) - 16);
    return;
  }
  Heap& h = heap;
  *static_cast<void**>(block) = h.free[c];
  h.free[c] = block;
}

[[gnu::noinline, noreturn]] void out_of_memory() { throw std::bad_alloc(); }

}  // namespace

// The replaceable forms that take no alignment; the array and nothrow forms
// are libstdc++'s, which call these. Over-aligned types go through
// libstdc++'s aligned forms, which pair with each other (aligned_alloc, free).
void* operator new(std::size_t n) {
  void* block = allocate(n);
  if (!block) out_of_memory();
  return block;
}

void operator delete(void* block) noexcept { release(block); }
void operator delete(void* block, std::size_t) noexcept { release(block); }
