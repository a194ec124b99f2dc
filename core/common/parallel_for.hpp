#pragma once
// One work-sharing loop for the core's coarse parallel jobs (evaluation runs, cross-validation
// folds): each thread pulls the next index, so uneven jobs balance themselves.
#include <atomic>
#include <cstddef>
#include <functional>

namespace maple {

// fn(i) for every i in [0, n) on up to `threads` threads, the caller's among them. The first
// exception stops the others pulling more and is rethrown; `stop`, when given, is checked before
// each index. When the system refuses a thread, the ones started share the work.
void parallelFor(std::size_t n, int threads, const std::function<void(std::size_t)>& fn,
                 const std::atomic<bool>* stop = nullptr);

} // namespace maple
