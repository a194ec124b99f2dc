// NAS-Bench-201 through the SearchSpace interface: a thin wrapper over nb201.hpp and cost.hpp.
#include "searchspace/architecture.hpp"
#include "searchspace/cost.hpp"
#include "searchspace/nb201.hpp"
#include "searchspace/space.hpp"

#include "common/error.hpp"

namespace maple::searchspace {
namespace {

using nb201::Op;

constexpr std::array<std::string_view, nb201::kOps> kOpNames{"none", "skip_connect", "nor_conv_1x1",
                                                              "nor_conv_3x3", "avg_pool_3x3"};

// One cell: node t sums its non-none edges; ReLU-conv-BN edges from one node share the ReLU; a
// node without inputs is zero, as in the unpruned network.
int cellGraph(GraphBuilder& b, const nb201::Cell& cell, int x, int cellIndex) {
  std::array<int, nb201::kNodes> node{x, -1, -1, -1};
  std::array<int, nb201::kNodes> relu{-1, -1, -1, -1};
  const Shape shape = b.shape(x);
  for (int to = 1; to < nb201::kNodes; ++to) {
    std::vector<int> terms;
    for (int from = 0; from < to; ++from) {
      const int e = to * (to - 1) / 2 + from;
      const std::string name = "cells." + std::to_string(cellIndex) + ".edge" + std::to_string(e);
      switch (cell.ops[e]) {
      case Op::None: break;
      case Op::SkipConnect: terms.push_back(node[from]); break;
      case Op::AvgPool3x3: terms.push_back(b.avgPool(node[from], 3, 1, 1, false)); break;
      case Op::Conv1x1:
      case Op::Conv3x3: {
        if (relu[from] < 0) relu[from] = b.relu(node[from]);
        const int k = cell.ops[e] == Op::Conv3x3 ? 3 : 1;
        terms.push_back(b.convBn(name, relu[from], shape.channels, k, 1, 1, false));
        break;
      }
      }
    }
    node[to] = terms.size() == 1 ? terms.front() : b.add(terms, shape);
  }
  return node[3];
}

// ReLU-conv3x3/2-BN, ReLU-conv3x3-BN, plus the shortcut avg-pool 2x2 + conv1x1 (no BN).
int residualGraph(GraphBuilder& b, int x, int channels, int cellIndex) {
  const std::string name = "cells." + std::to_string(cellIndex);
  int y = b.convBn(name + ".conv_a", b.relu(x), channels, 3, 2, 1, false);
  y = b.convBn(name + ".conv_b", b.relu(y), channels, 3, 1, 1, false);
  const int shortcut = b.conv(name + ".downsample.conv", b.avgPool(x, 2, 2, 0, true), channels, 1, 1, 0);
  return b.add({y, shortcut});
}

class Nb201Space final : public SearchSpace {
public:
  std::string_view name() const override { return nb201::kSpaceName; }
  std::string_view description() const override {
    return "NAS-Bench-201: one cell of 6 edges x 5 ops repeated in a 3-stage CIFAR network (15,625 cells)";
  }
  Shape input() const override { return {3, 32, 32}; }
  int positions() const override { return nb201::kEdges; }
  std::span<const std::string_view> choiceNames() const override { return kOpNames; }

  Genotype parse(std::string_view text) const override { return genotypeOf(nb201::parseCell(text)); }
  std::string format(const Genotype& g) const override {
    check(g);
    return nb201::toString(cellOf(g));
  }

  std::optional<std::int64_t> size() const override { return nb201::kSpaceSize; }
  std::optional<std::int64_t> index(const Genotype& g) const override {
    check(g);
    return nb201::cellCode(cellOf(g));
  }
  Genotype fromIndex(std::int64_t index) const override {
    if (index < 0 || index >= nb201::kSpaceSize)
      fail(ErrorKind::Usage, "nb201 index " + std::to_string(index) + " is outside 0..15624");
    return genotypeOf(nb201::cellFromCode(static_cast<int>(index)));
  }

  Features features(const Genotype& g) const override {
    check(g);
    const auto c = nb201::networkCost(cellOf(g));
    return {c.macs, c.params, c.activationBytes};
  }

  std::vector<OpCountGroup> opCounts(const Genotype& g) const override {
    check(g);
    const auto cell = cellOf(g);
    const auto live = nb201::liveness(cell);
    std::vector<std::string> labels(kOpNames.begin(), kOpNames.end());
    OpCountGroup eager{"eager", labels, std::vector<double>(nb201::kOps, 0.0)};
    OpCountGroup graph{"graph", labels, std::vector<double>(nb201::kOps, 0.0)};
    OpCountGroup liveGroup{"live", labels, std::vector<double>(nb201::kOps, 0.0)};
    for (int e = 0; e < nb201::kEdges; ++e) {
      const int op = g.choices[e];
      if (cell.ops[e] == Op::None) continue;
      eager.counts[op] += 1; // every non-none edge, as an eager runtime runs the cell
      if (live.nodeReachesOut[nb201::kEdgeList[e].to]) graph.counts[op] += 1; // dead ends removed
    }
    const auto counts = nb201::liveOpCounts(cell);
    for (int op = 0; op < nb201::kOps; ++op) liveGroup.counts[op] = counts[op];
    return {eager, graph, liveGroup};
  }

  LayerGraph network(const Genotype& g) const override {
    check(g);
    const auto cell = cellOf(g);
    GraphBuilder b(input());
    int x = b.convBn("stem", 0, 16, 3, 1, 1, false);
    const int channels[3] = {16, 32, 64};
    for (int stage = 0; stage < 3; ++stage) {
      if (stage > 0) x = residualGraph(b, x, channels[stage], stage * 6 - 1);
      for (int i = 0; i < 5; ++i) x = cellGraph(b, cell, x, stage * 6 + i);
    }
    x = b.relu(b.batchNorm("lastact.bn", x));
    b.linear("classifier", b.globalAvgPool(x), 10);
    return std::move(b).finish();
  }

  // HELP's NAS-Bench-201 reference architectures (indices 11982, 431, 55, 9, 14451, 8636, 9881,
  // 13479, 6196, 1462 of its latency table; the test checks them against the data).
  std::vector<std::string> referenceArchitectures() const override {
    return {"|avg_pool_3x3~0|+|none~0|skip_connect~1|+|nor_conv_1x1~0|skip_connect~1|skip_connect~2|",
            "|nor_conv_3x3~0|+|none~0|skip_connect~1|+|none~0|none~1|skip_connect~2|",
            "|skip_connect~0|+|skip_connect~0|avg_pool_3x3~1|+|none~0|skip_connect~1|none~2|",
            "|avg_pool_3x3~0|+|none~0|none~1|+|skip_connect~0|none~1|nor_conv_3x3~2|",
            "|none~0|+|nor_conv_1x1~0|none~1|+|nor_conv_3x3~0|nor_conv_1x1~1|nor_conv_1x1~2|",
            "|skip_connect~0|+|nor_conv_1x1~0|skip_connect~1|+|nor_conv_1x1~0|none~1|nor_conv_3x3~2|",
            "|nor_conv_3x3~0|+|avg_pool_3x3~0|skip_connect~1|+|none~0|nor_conv_1x1~1|avg_pool_3x3~2|",
            "|skip_connect~0|+|nor_conv_3x3~0|nor_conv_1x1~1|+|avg_pool_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|",
            "|avg_pool_3x3~0|+|none~0|skip_connect~1|+|none~0|nor_conv_1x1~1|avg_pool_3x3~2|",
            "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|"};
  }
};

} // namespace

const SearchSpace& nb201Space() {
  static const Nb201Space instance;
  return instance;
}

} // namespace maple::searchspace
