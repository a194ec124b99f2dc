#pragma once
// A fixed team of threads that all run the same body (SPMD) and meet at barriers. A network is
// a sequence of steps separated by barriers; one run() per forward pass keeps the cost of waking
// threads to one wake-up plus one barrier per step. The calling thread is member 0.
#include <atomic>
#include <cstdint>
#include <functional>
#include <thread>
#include <vector>

namespace maple::engine::cpu {

class SpmdPool {
public:
  explicit SpmdPool(int threads); // >= 1
  ~SpmdPool();
  SpmdPool(const SpmdPool&) = delete;
  SpmdPool& operator=(const SpmdPool&) = delete;

  int size() const { return size_; }
  // Runs body(member) on every member and returns when all have finished. body must not throw.
  void run(const std::function<void(int)>& body);
  // Called by every member inside body: returns once all members have arrived.
  void barrier();

private:
  void worker(int member);

  int size_;
  std::vector<std::thread> threads_;
  const std::function<void(int)>* body_ = nullptr;
  std::atomic<std::uint32_t> generation_{0};
  std::atomic<int> finished_{0};
  std::atomic<int> arrived_{0};
  std::atomic<std::uint32_t> barrierGeneration_{0};
  std::atomic<bool> stop_{false};
};

} // namespace maple::engine::cpu
