// train() / restore(): the method registry. The default method is the best on the harness
// (docs/accuracy.md); it is listed first.
#include "common/error.hpp"
#include "predict/methods.hpp"

#include <algorithm>
#include <functional>
#include <numeric>
#include <utility>

namespace maple::predict {
namespace {

using Factory = std::function<std::unique_ptr<PoolPredictor>()>;

const std::vector<std::pair<std::string, Factory>>& registry() {
  static const std::vector<std::pair<std::string, Factory>> list{
      {"opcost", newOpCostPredictor},
      {"lowrank", newLowRankPredictor},
      {"flops", newFlopsPredictor},
      {"nearest", newNearestPredictor},
      {"ridge", newRidgePredictor},
      {"maple", newMaplePredictor},
      {"maple-x", newMapleXPredictor},
  };
  return list;
}

std::unique_ptr<PoolPredictor> create(const std::string& method) {
  for (const auto& [name, factory] : registry())
    if (name == method) return factory();
  std::string known;
  for (const auto& [name, factory] : registry()) known += (known.empty() ? "" : ", ") + name;
  fail(ErrorKind::Usage, "unknown method '" + method + "' (known: " + known + ")");
}

// The pool in device-name order (a pool whose parts disagree in length is left as it is, for the
// method's own check to refuse): a predictor is a function of the pool's devices, not of the order
// they were listed in, since the methods' seeded draws and sums run in pool order.
TrainingPool inNameOrder(const TrainingPool& pool) {
  const size_t n = pool.devices.size();
  if (pool.descriptors.size() != n || pool.latencyMs.size() != n) return pool;
  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return pool.devices[a] < pool.devices[b]; });
  TrainingPool sorted{pool.descriptorKind, {}, {}, pool.architectures, {}};
  for (size_t i : order) {
    sorted.devices.push_back(pool.devices[i]);
    sorted.descriptors.push_back(pool.descriptors[i]);
    sorted.latencyMs.push_back(pool.latencyMs[i]);
  }
  return sorted;
}

} // namespace

const std::vector<std::string>& methodNames() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> n;
    for (const auto& entry : registry()) n.push_back(entry.first);
    return n;
  }();
  return names;
}

const std::string& defaultMethod() { return methodNames().front(); }

std::unique_ptr<Predictor> train(const std::string& method, const TrainingPool& pool, const TrainOptions& options,
                                 const ProgressFn& progress) {
  auto p = create(method);
  p->trainOn(inNameOrder(pool), options, progress);
  return p;
}

std::unique_ptr<Predictor> restore(const ModelState& state) {
  if (!state.meta.is_object() || !state.meta.contains("method") || !state.meta["method"].is_string())
    badInput("predictor state has no method name");
  const auto method = state.meta["method"].get<std::string>();
  std::unique_ptr<PoolPredictor> p;
  try {
    p = create(method);
  } catch (const Error&) {
    badInput("predictor state names method '" + method + "', which this version does not know");
  }
  // Each method reads its own meta fields; a field of the wrong JSON type (forged or corrupt) is
  // bad input like every other inconsistency, whichever method read it.
  try {
    p->load(state);
  } catch (const nlohmann::json::exception& e) {
    badInput("predictor state's " + method + " parameters are malformed (" + e.what() + ")");
  }
  return p;
}

} // namespace maple::predict
