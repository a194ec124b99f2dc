#pragma once
// Synthetic pools for the opcost and shot-policy tests: devices whose latency is exactly additive
// in known operation costs (ms), with seeded relative noise.
#include "descriptor/from_data.hpp"
#include "predict/op_counts.hpp"
#include "predict/predictor.hpp"
#include "searchspace/architecture.hpp"

#include <array>
#include <random>
#include <string>
#include <utility>
#include <vector>

namespace maple::testing {

// NAS-Bench-201 whole, in cell-code order.
inline searchspace::ArchitectureSet everyCell() {
  const auto& space = searchspace::nb201Space();
  return {&space, space.enumerate()};
}

// NAS-Bench-201's op-count columns (op_counts.hpp): base, eager skip/conv1x1/conv3x3/pool, graph
// skip/conv1x1/conv3x3/pool; its only sharing.
inline constexpr int kNb201OpColumns = 9;
inline const std::string kNb201Sharing = "eager+graph";
inline predict::OpCounts nb201OpCounts(const searchspace::ArchitectureSet& cells) {
  return predict::opCounts(cells, kNb201Sharing);
}

// Costs in ms, one per column.
using Costs = std::array<double, kNb201OpColumns>;
inline const Costs kGpu{5.0, -0.2, 1.8, 1.9, 0.1, 0, 0, 0, 0};
inline const Costs kCpu{4.0, -0.2, 2.0, 2.8, 0.3, 0, 0, 0, 0};
inline const Costs kPhone{6.0, -0.3, 3.0, 6.5, 0.9, 0, 0, 0, 0};
inline const Costs kWideGpu{9.0, -0.5, 1.2, 5.0, 0.6, 0, 0, 0, 0};
inline const Costs kGraph{1.0, 0, 0, 0, 0, 0.5, 2.5, 9.0, 2.0};
inline const Costs kGraph2{0.8, 0, 0, 0, 0, 0.2, 1.0, 6.0, 1.5};

// Latency of every cell under `costs`, with deterministic relative noise; degenerate cells fold to
// `foldedMs` when it is positive.
inline std::vector<double> synthetic(const predict::OpCounts& oc, const Costs& costs, double noise, std::uint64_t seed,
                                     double foldedMs = 0) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> n(0, noise);
  std::vector<double> ms(static_cast<size_t>(oc.features.rows()));
  const Eigen::Map<const Eigen::VectorXd> w(costs.data(), kNb201OpColumns);
  for (size_t i = 0; i < ms.size(); ++i) {
    const double exact = oc.features.row(static_cast<Eigen::Index>(i)).dot(w);
    ms[i] = oc.degenerate[i] && foldedMs > 0 ? foldedMs : std::max(exact, 0.05) * std::exp(n(rng));
  }
  return ms;
}

inline descriptor::Descriptor specs(double cores) {
  hardware::Device d;
  d.name = "synthetic";
  d.family = "gpu";
  d.cores = static_cast<int>(cores);
  return descriptor::specsDescriptor(d);
}

inline predict::TrainingPool pool(const searchspace::ArchitectureSet& cells, const predict::OpCounts& oc,
                                  const std::vector<std::pair<std::string, Costs>>& devices, double foldedMs = 0) {
  predict::TrainingPool p;
  p.descriptorKind = descriptor::kSpecs;
  p.architectures = cells;
  std::uint64_t seed = 1;
  for (const auto& [name, costs] : devices) {
    p.devices.push_back(name);
    p.descriptors.push_back(specs(1000.0 * static_cast<double>(seed)));
    const bool graph = costs[5] != 0;
    p.latencyMs.push_back(synthetic(oc, costs, 0.01, seed++, graph ? foldedMs : 0));
  }
  return p;
}

inline predict::Target target(const searchspace::ArchitectureSet& cells, const std::vector<double>& ms,
                              const std::vector<size_t>& shots) {
  predict::Target t;
  t.device = "unseen";
  t.descriptor = specs(2500);
  for (size_t i : shots) t.shots.push_back({cells.genotypes[i], ms[i]});
  return t;
}

inline std::vector<size_t> draw(size_t k, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<size_t> out;
  while (out.size() < k) out.push_back(static_cast<size_t>(rng() % nb201::kSpaceSize));
  return out;
}

} // namespace maple::testing
