#include "common/parallel_for.hpp"

#include "common/cpus.hpp"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

namespace maple {
namespace {

// One call's indices. Shared with the workers it asked for: a worker that gets to it after the
// caller returned finds no index left and touches nothing but this.
struct Loop {
  std::size_t n = 0;
  const std::function<void(std::size_t)>* fn = nullptr;
  const std::atomic<bool>* stop = nullptr;
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::mutex mutex;
  std::condition_variable allDone;
  std::size_t done = 0; // indices run or skipped, under mutex
  std::exception_ptr error;

  // Takes indices until none is left; every index taken is counted done, run or skipped.
  void work() {
    for (std::size_t i; (i = next++) < n;) {
      std::exception_ptr thrown;
      if (!failed && !(stop && *stop)) {
        try {
          (*fn)(i);
        } catch (...) {
          thrown = std::current_exception();
          failed = true;
        }
      }
      std::lock_guard lock(mutex);
      if (thrown && !error) error = thrown;
      if (++done == n) allDone.notify_all();
    }
  }
};

class WorkerPool {
public:
  static WorkerPool& instance() {
    static WorkerPool pool(availableCpus() - 1);
    return pool;
  }

  int size() const { return static_cast<int>(threads_.size()); }

  void lend(const std::shared_ptr<Loop>& loop, int helpers) {
    {
      std::lock_guard lock(mutex_);
      for (int h = 0; h < helpers; ++h) queue_.push_back(loop);
    }
    wake_.notify_all();
  }

  ~WorkerPool() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    wake_.notify_all();
    for (auto& t : threads_) t.join();
  }

private:
  // When the system refuses a thread, the ones started (or the caller alone) share the work.
  explicit WorkerPool(int workers) {
    for (int w = 0; w < workers; ++w) {
      try {
        threads_.emplace_back([this] { serve(); });
      } catch (const std::system_error&) {
        break;
      }
    }
  }

  void serve() {
    for (;;) {
      std::shared_ptr<Loop> loop;
      {
        std::unique_lock lock(mutex_);
        wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
        if (queue_.empty()) return;
        loop = std::move(queue_.front());
        queue_.pop_front();
      }
      loop->work();
    }
  }

  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::shared_ptr<Loop>> queue_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

} // namespace

int parallelWorkers() { return WorkerPool::instance().size(); }

void parallelFor(std::size_t n, int threads, const std::function<void(std::size_t)>& fn, const std::atomic<bool>* stop) {
  if (n == 0) return;
  auto loop = std::make_shared<Loop>();
  loop->n = n;
  loop->fn = &fn;
  loop->stop = stop;
  auto& pool = WorkerPool::instance();
  const std::size_t wanted = threads > 0 ? static_cast<std::size_t>(threads) : static_cast<std::size_t>(availableCpus());
  const auto helpers = std::min({wanted - 1, n - 1, static_cast<std::size_t>(pool.size())});
  if (helpers > 0) pool.lend(loop, static_cast<int>(helpers));
  loop->work();
  std::unique_lock lock(loop->mutex);
  loop->allDone.wait(lock, [&] { return loop->done == n; });
  if (loop->error) std::rethrow_exception(loop->error);
}

} // namespace maple
