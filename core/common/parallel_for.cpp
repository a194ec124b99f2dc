#include "common/parallel_for.hpp"

#include <algorithm>
#include <exception>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

namespace maple {

void parallelFor(std::size_t n, int threads, const std::function<void(std::size_t)>& fn, const std::atomic<bool>* stop) {
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::exception_ptr error;
  std::mutex errorMutex;
  auto work = [&] {
    for (std::size_t i; !failed && !(stop && *stop) && (i = next++) < n;) {
      try {
        fn(i);
      } catch (...) {
        std::lock_guard lock(errorMutex);
        if (!error) error = std::current_exception();
        failed = true;
      }
    }
  };
  const std::size_t wanted = std::clamp<std::size_t>(threads > 0 ? static_cast<std::size_t>(threads) : 1, 1, std::max<std::size_t>(1, n));
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < wanted; ++t) {
    try {
      pool.emplace_back(work);
    } catch (const std::system_error&) {
      break;
    }
  }
  work();
  for (auto& t : pool) t.join();
  if (error) std::rethrow_exception(error);
}

} // namespace maple
