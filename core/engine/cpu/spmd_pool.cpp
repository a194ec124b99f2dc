#include "engine/cpu/spmd_pool.hpp"

namespace maple::engine::cpu {
namespace {

// Spin briefly (a barrier is usually reached within microseconds), then sleep in the kernel so an
// oversubscribed machine is not burnt by waiting threads.
template <typename T>
void waitWhileEqual(const std::atomic<T>& value, T old) {
  for (int i = 0; i < 4000; ++i) {
    if (value.load(std::memory_order_acquire) != old) return;
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#endif
  }
  while (value.load(std::memory_order_acquire) == old) value.wait(old, std::memory_order_acquire);
}

} // namespace

SpmdPool::SpmdPool(int threads) : size_(threads < 1 ? 1 : threads) {
  threads_.reserve(size_ - 1);
  for (int m = 1; m < size_; ++m) threads_.emplace_back([this, m] { worker(m); });
}

SpmdPool::~SpmdPool() {
  stop_.store(true, std::memory_order_release);
  generation_.fetch_add(1, std::memory_order_acq_rel);
  generation_.notify_all();
  for (auto& t : threads_) t.join();
}

void SpmdPool::worker(int member) {
  std::uint32_t seen = 0;
  for (;;) {
    waitWhileEqual(generation_, seen);
    seen = generation_.load(std::memory_order_acquire);
    if (stop_.load(std::memory_order_acquire)) return;
    (*body_)(member);
    if (finished_.fetch_add(1, std::memory_order_acq_rel) == size_ - 2) finished_.notify_one();
  }
}

void SpmdPool::run(const std::function<void(int)>& body) {
  if (size_ == 1) {
    body(0);
    return;
  }
  body_ = &body;
  finished_.store(0, std::memory_order_relaxed);
  generation_.fetch_add(1, std::memory_order_acq_rel);
  generation_.notify_all();
  body(0);
  for (int done = finished_.load(std::memory_order_acquire); done != size_ - 1;
       done = finished_.load(std::memory_order_acquire))
    waitWhileEqual(finished_, done);
}

void SpmdPool::barrier() {
  if (size_ == 1) return;
  const std::uint32_t gen = barrierGeneration_.load(std::memory_order_acquire);
  if (arrived_.fetch_add(1, std::memory_order_acq_rel) == size_ - 1) {
    arrived_.store(0, std::memory_order_relaxed);
    barrierGeneration_.fetch_add(1, std::memory_order_acq_rel);
    barrierGeneration_.notify_all();
  } else {
    waitWhileEqual(barrierGeneration_, gen);
  }
}

} // namespace maple::engine::cpu
