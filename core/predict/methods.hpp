#pragma once
// The methods behind train() / restore(), each a PoolPredictor (see pool_model.hpp).
//   opcost    latency additive in operation costs (ms), eager and graph-compiled op counts; the
//             pool's per-device costs form a mixture prior that the shots weigh by evidence
//   flops     ln t = ln MACs + b: FLOPs-proportional; b from the shots, else from the nearest devices
//   nearest   the training device nearest by descriptor, affine in log space fitted to the shots
//   ridge     ln t as a ridge-weighted sum of the training devices' ln latencies, prior weights from
//             descriptor similarity
//   lowrank   the pool's ln-latency matrix is close to low rank: SVD architecture embeddings and a
//             Bayesian linear fit of the target's loadings from the shots, the prior taken from
//             descriptor-similar training devices; per-prediction uncertainty from the posterior
//   maple     MAPLE: MLP on architecture features || descriptor -> ln latency; adaptation mixes the
//             weighted shots into the pool and fine-tunes
//   maple-x   MAPLE-X: maple plus virtual examples and hardware-similarity weighting of the pool
#include "predict/pool_model.hpp"

namespace maple::predict {

std::unique_ptr<PoolPredictor> newOpCostPredictor();
std::unique_ptr<PoolPredictor> newFlopsPredictor();
std::unique_ptr<PoolPredictor> newNearestPredictor();
std::unique_ptr<PoolPredictor> newRidgePredictor();
std::unique_ptr<PoolPredictor> newLowRankPredictor();
std::unique_ptr<PoolPredictor> newMaplePredictor();
std::unique_ptr<PoolPredictor> newMapleXPredictor();

// ln MACs of each architecture (NAS-Bench-201's "FLOPs").
Eigen::VectorXd lnMacs(const searchspace::ArchitectureSet& architectures);

} // namespace maple::predict
