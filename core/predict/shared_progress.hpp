#pragma once
// A ProgressFn that parallel workers may call: one caller at a time, and once it has said stop the
// flag stays set, so a parallelFor handed stopFlag() takes no new index and the work ends within
// one index, not at the next stage.
#include "predict/predictor.hpp"

#include <atomic>
#include <mutex>
#include <string>

namespace maple::predict {

class SharedProgress {
public:
  explicit SharedProgress(const ProgressFn& progress) : progress_(progress) {}

  // Passes the report on (when there is a ProgressFn); false once any report was refused.
  bool report(double fraction, const std::string& stage) {
    if (!progress_) return !cancelled_;
    std::lock_guard lock(mutex_);
    if (!cancelled_ && !progress_(fraction, stage)) cancelled_ = true;
    return !cancelled_;
  }
  const std::atomic<bool>* stopFlag() const { return &cancelled_; }
  bool cancelled() const { return cancelled_; }

private:
  const ProgressFn& progress_;
  std::mutex mutex_;
  std::atomic<bool> cancelled_{false};
};

} // namespace maple::predict
