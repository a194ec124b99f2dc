#pragma once
// One work-sharing loop for the core's parallel jobs (evaluation runs, cross-validation folds,
// gradient parts), on one process-wide pool of worker threads sized by the CPU affinity: no call
// starts threads of its own. Each thread pulls the next index, so uneven jobs balance themselves.
// The engine's SpmdPool stays apart on purpose: a timed forward pass needs a team of threads that
// no other work shares.
#include <atomic>
#include <cstddef>
#include <functional>

namespace maple {

// fn(i) for every i in [0, n) on up to `threads` threads (0: availableCpus()), the caller's among
// them. The first exception stops the others pulling more and is rethrown; `stop`, when given, is
// checked before each index. A call from inside fn (nested) is safe: the caller never waits for a
// worker to become free, only for the indices already taken, and runs the rest itself.
void parallelFor(std::size_t n, int threads, const std::function<void(std::size_t)>& fn,
                 const std::atomic<bool>* stop = nullptr);

// Threads the pool may lend to one call besides the caller's (availableCpus() - 1).
int parallelWorkers();

} // namespace maple
