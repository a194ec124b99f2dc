#pragma once
// Cost of the whole NAS-Bench-201 CIFAR network for a 32x32x3 input at batch 1:
// stem conv3x3 3->16 + BN; three stages of 5 cells (16, 32, 64 channels at 32, 16, 8 pixels) joined
// by residual blocks (ReLU-conv3x3/2-BN, ReLU-conv3x3-BN, shortcut avg-pool 2x2 + conv1x1, add);
// then BN, ReLU, global average pool, linear 64->10.
//
// Counted as executed by a pruned engine: only live edges (see nb201::liveness) do work; each cell
// is costed on its input alone. Conventions:
//  - macs: multiply-accumulates of convolutions and the linear layer (NAS-Bench-201's "FLOPs").
//  - flops: 2*macs plus additions: 9 per output of avg_pool_3x3, 4 per output of the 2x2 shortcut
//    pool, one per element for each extra input of a node sum or the residual add, one per input
//    element of global pooling, 2 per element for the standalone final BN, and the linear bias.
//  - params: conv weights (no bias), BN gamma+beta (2 per channel), linear weights and bias.
//  - activationBytes: float32 bytes of every tensor written: stem output, each live conv or pool
//    output, each node sum with two or more live inputs, the residual block's five outputs, final
//    BN-ReLU output, pooled vector and logits. skip_connect aliases and writes nothing.
#include "searchspace/nb201.hpp"

namespace maple::nb201 {

struct Cost {
  double macs = 0;
  double flops = 0;
  double params = 0;
  double activationBytes = 0;
  Cost& operator+=(const Cost& o);
};

Cost cellCost(const Cell& cell, int channels, int pixels);
Cost networkCost(const Cell& cell);

// Per-op usage counts of live edges, a cheap feature for predictors.
std::array<int, kOps> liveOpCounts(const Cell& cell);

} // namespace maple::nb201
