#pragma once
// The reference workload a capture counts: a list of named steps, each one forward pass of a
// NAS-Bench-201 network on an inference engine. Operator steps put one operator on every edge of
// the cell, so that operator runs at all three stage shapes (16x32x32, 32x16x16, 64x8x8) and
// dominates the network; "op/none" is the skeleton they share (stem, reductions, classifier),
// whose counts can be subtracted to isolate an operator. Network steps are whole reference networks.
// Because steps only use the Engine interface, the same workload runs on the CPU and CUDA engines
// (for a GPU, counters see the CPU thread that drives it).
#include "engine/engine.hpp"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace maple::counters {

struct WorkloadStep {
  std::string name;  // "op/nor_conv_3x3", "net/resnet-like"
  std::string kind;  // "operator" or "network"
  std::string cell;  // the NAS-Bench-201 cell string it runs
  std::shared_ptr<engine::PreparedNetwork> network;
  void run() const { network->run(); }
};

struct Workload {
  std::string name;
  std::string engine; // engine name and version
  std::vector<WorkloadStep> steps;
};

// "nb201-reference" (every operator and four reference networks) and "nb201-ops" (operators only).
const std::vector<std::string>& workloadNames();
// The cells of a named workload; BadInput naming the known workloads otherwise.
std::vector<std::pair<std::string, std::string>> workloadCells(const std::string& name);
// Prepares every step on the engine (weights, buffers); progress(done, total) returning false cancels.
Workload prepareWorkload(const std::string& name, engine::Engine& engine, const engine::RunConfig& config,
                         const std::function<bool(int, int)>& progress = {});

} // namespace maple::counters
