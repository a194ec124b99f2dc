// FBNet through the SearchSpace interface (see fbnet.hpp for the network). Its costs add up per
// layer, so features() and predictors read a (layer, block) table (additive_costs.hpp).
#include "searchspace/additive_costs.hpp"
#include "searchspace/fbnet.hpp"
#include "searchspace/space.hpp"

#include "common/error.hpp"
#include "common/text.hpp"

#include <array>

namespace maple::fbnet {

Block block(int choice) {
  const std::string_view name = kBlockNames.at(static_cast<std::size_t>(choice));
  if (name == "skip") return {true, 0, 0, 1};
  return {false, name[1] - '0', name[4] - '0', name.size() > 5 ? 2 : 1};
}

LayerSpec layerSpec(int layer) {
  int first = 0, inChannels = kStemChannels, size = 32;
  for (int s = 0; s < kStages; ++s) {
    if (layer < first + kStageLayers[s]) {
      const bool head = layer == first;
      return {s, head ? inChannels : kStageChannels[s], kStageChannels[s], head ? kStageStrides[s] : 1,
              head ? size : size / kStageStrides[s]};
    }
    first += kStageLayers[s];
    inChannels = kStageChannels[s];
    size /= kStageStrides[s];
  }
  fail(ErrorKind::Usage, "FBNet layer " + std::to_string(layer) + " is outside 0..21");
}

} // namespace maple::fbnet

namespace maple::searchspace {
namespace {

using namespace maple::fbnet;

[[noreturn]] void archError(std::string_view text, const std::string& why) {
  badInput("invalid FBNet architecture '" + std::string(text) + "': " + why + " (expected " +
           std::to_string(kLayers) + " blocks joined by '-', each one of k3_e1, k3_e1_g2, k3_e3, k3_e6, k5_e1, "
           "k5_e1_g2, k5_e3, k5_e6, skip)");
}

int stemGraph(GraphBuilder& b) { return b.convBn("stem", 0, kStemChannels, 3, 1, 1, true); }

int blockGraph(GraphBuilder& b, int x, int layer, const Block& blk) {
  const LayerSpec spec = layerSpec(layer);
  const std::string name = "layers." + std::to_string(layer);
  const bool identity = spec.inChannels == spec.outChannels && spec.stride == 1;
  if (blk.skip) return identity ? x : b.convBn(name + ".skip", x, spec.outChannels, 1, spec.stride, 1, true);
  const int mid = blk.expansion * spec.inChannels;
  int y = b.convBn(name + ".pw1", x, mid, 1, 1, blk.groups, true);
  if (blk.groups > 1) y = b.channelShuffle(y, blk.groups);
  y = b.convBn(name + ".dw", y, mid, blk.kernel, spec.stride, mid, true);
  y = b.convBn(name + ".pw2", y, spec.outChannels, 1, 1, blk.groups, false);
  return identity ? b.add({y, x}) : y;
}

void headGraph(GraphBuilder& b, int x) {
  x = b.convBn("head", x, kHeadChannels, 1, 1, 1, true);
  b.linear("classifier", b.globalAvgPool(x), kClasses);
}

// Cost-row columns of opCounts' groups (additive_costs.hpp): layer_block 22 x 9, stage_block 7 x 9,
// block 9, shape 7.
constexpr int kLayerBlockAt = kFeatureColumns;
constexpr int kStageBlockAt = kLayerBlockAt + kLayers * kBlocks;
constexpr int kBlockAt = kStageBlockAt + kStages * kBlocks;
constexpr int kShapeAt = kBlockAt + kBlocks;
constexpr int kCostColumns = kShapeAt + 7;

// The op counts that layer `layer` with block `choice` adds one to, as cost-row columns.
std::vector<int> countColumns(int layer, int choice) {
  std::vector<int> at{kLayerBlockAt + layer * kBlocks + choice, kStageBlockAt + layerSpec(layer).stage * kBlocks + choice,
                      kBlockAt + choice};
  const Block blk = block(choice);
  if (blk.skip) {
    at.push_back(kShapeAt + 6);
    return at;
  }
  at.push_back(kShapeAt + (blk.kernel == 3 ? 0 : 1));
  at.push_back(kShapeAt + (blk.expansion == 1 ? 2 : blk.expansion == 3 ? 3 : 4));
  if (blk.groups > 1) at.push_back(kShapeAt + 5);
  return at;
}

OpCountGroup group(std::string name, const std::vector<double>& row, int at, int rows, const std::string& rowPrefix) {
  const auto first = row.begin() + at;
  OpCountGroup g{std::move(name), {}, std::vector<double>(first, first + rows * kBlocks)};
  for (int r = 0; r < rows; ++r)
    for (auto blockName : kBlockNames)
      g.labels.push_back(rows == 1 ? std::string(blockName) : rowPrefix + std::to_string(r) + ":" + std::string(blockName));
  return g;
}

// The Features of the layers `part` adds to a graph that holds only its input.
template <class Part> GraphCost partCost(Shape input, Part part) {
  GraphBuilder b(input);
  part(b);
  return graphCost(std::move(b).finish());
}

std::array<double, kFeatureColumns> values(const GraphCost& c) { return {c.macs, c.params, c.activationBytes}; }

// Each block is costed on its own input: nothing in a block reads across it (every block starts
// with a convolution, which no runtime fuses into what precedes it), so the network's costs are
// the stem's and head's plus each layer's block's. The tests check this against network().
AdditiveCosts buildCosts() {
  AdditiveCosts t(kCostColumns, kLayers, kBlocks);
  const LayerSpec last = layerSpec(kLayers - 1);
  const int headSize = last.inSize / last.stride;
  for (const auto& part : {partCost({3, 32, 32}, [](GraphBuilder& b) { stemGraph(b); }),
                           partCost({last.outChannels, headSize, headSize}, [](GraphBuilder& b) { headGraph(b, 0); })})
    for (int f = 0; f < kFeatureColumns; ++f) t.addFixed(f, values(part)[static_cast<std::size_t>(f)]);
  for (int l = 0; l < kLayers; ++l) {
    const LayerSpec spec = layerSpec(l);
    for (int c = 0; c < kBlocks; ++c) {
      const auto cost = values(partCost({spec.inChannels, spec.inSize, spec.inSize}, [&](GraphBuilder& b) { blockGraph(b, 0, l, block(c)); }));
      for (int f = 0; f < kFeatureColumns; ++f) t.add(l, c, f, cost[static_cast<std::size_t>(f)]);
      for (int column : countColumns(l, c)) t.add(l, c, column, 1);
    }
  }
  return t;
}

const AdditiveCosts& costTable() {
  static const AdditiveCosts table = buildCosts();
  return table;
}

class FbnetSpace final : public SearchSpace {
public:
  std::string_view name() const override { return kSpaceName; }
  std::string_view description() const override {
    return "FBNet (HW-NAS-Bench CIFAR-100): 22 layers x 9 blocks in 7 stages (9^22 architectures, sampled)";
  }
  Shape input() const override { return {3, 32, 32}; }
  int positions() const override { return kLayers; }
  std::span<const std::string_view> choiceNames() const override { return kBlockNames; }

  Genotype parse(std::string_view text) const override {
    const std::string_view body = text::trim(text);
    const auto tokens = text::split(body, '-');
    if (static_cast<int>(tokens.size()) != kLayers)
      archError(text, "has " + std::to_string(tokens.size()) + " blocks, needs " + std::to_string(kLayers));
    Genotype g;
    std::size_t column = static_cast<std::size_t>(body.data() - text.data()) + 1;
    for (int layer = 0; layer < kLayers; ++layer) {
      const std::string_view token = tokens[static_cast<std::size_t>(layer)];
      int found = -1;
      for (int c = 0; c < kBlocks; ++c)
        if (kBlockNames[static_cast<std::size_t>(c)] == token) found = c;
      if (found < 0)
        archError(text, "layer " + std::to_string(layer + 1) + " (column " + std::to_string(column) + "): " +
                            (token.empty() ? std::string("no block name") : "unknown block '" + std::string(token) + "'"));
      g.choices.push_back(static_cast<std::uint8_t>(found));
      column += token.size() + 1;
    }
    return g;
  }

  std::string format(const Genotype& g) const override {
    check(g);
    std::string s;
    for (std::size_t i = 0; i < g.choices.size(); ++i) {
      if (i > 0) s += '-';
      s += kBlockNames[g.choices[i]];
    }
    return s;
  }

  std::optional<std::int64_t> size() const override { return std::nullopt; } // 9^22 overflows nothing useful
  std::optional<std::int64_t> index(const Genotype& g) const override {
    check(g);
    return std::nullopt;
  }
  Genotype fromIndex(std::int64_t) const override {
    fail(ErrorKind::Usage, "FBNet architectures have no index (the space has 9^22); name them by their string");
  }

  Features features(const Genotype& g) const override {
    check(g);
    const auto row = costTable().row(g);
    return {row[0], row[1], row[2]};
  }
  const AdditiveCosts* additiveCosts() const override { return &costTable(); }

  // layer_block: 22 x 9 indicators; stage_block: 7 x 9 counts; block: 9 counts over the network;
  // shape: layers by kernel (k3, k5), expansion (e1, e3, e6), grouped (g2) and skip.
  std::vector<OpCountGroup> opCounts(const Genotype& g) const override {
    check(g);
    std::vector<double> row(kCostColumns, 0.0);
    for (int l = 0; l < kLayers; ++l)
      for (int column : countColumns(l, g.choices[static_cast<std::size_t>(l)])) row[static_cast<std::size_t>(column)] += 1;
    OpCountGroup shape{"shape", {"k3", "k5", "e1", "e3", "e6", "g2", "skip"}, std::vector<double>(row.begin() + kShapeAt, row.end())};
    return {group("layer_block", row, kLayerBlockAt, kLayers, "L"), group("stage_block", row, kStageBlockAt, kStages, "S"),
            group("block", row, kBlockAt, 1, ""), shape};
  }

  LayerGraph network(const Genotype& g) const override {
    check(g);
    GraphBuilder b(input());
    int x = stemGraph(b);
    for (int l = 0; l < kLayers; ++l) x = blockGraph(b, x, l, block(g.choices[static_cast<std::size_t>(l)]));
    headGraph(b, x);
    return std::move(b).finish();
  }

  // HELP's FBNet hardware-embedding architectures: indices 3328, 3790, 3313, 890, 3052, 2538,
  // 1640, 2514, 457, 2100 of its metainfo list (the test checks them against the data set).
  std::vector<std::string> referenceArchitectures() const override {
    return {"k3_e1_g2-skip-k5_e3-k5_e3-skip-k3_e1-k3_e6-k5_e1-k3_e6-k5_e6-skip-k5_e6-k5_e1-k3_e6-k3_e3-k5_e1_g2-k5_e6-k3_e6-k3_e1-k3_e1_g2-k3_e6-k5_e6",
            "k5_e1_g2-k5_e1-skip-k5_e1_g2-k3_e1_g2-k5_e3-skip-k5_e1_g2-k3_e6-k3_e1-k5_e1-skip-k3_e1-k3_e3-k5_e1-k5_e1_g2-k3_e1-k5_e3-k5_e3-k3_e1-k3_e1-k5_e1_g2",
            "k5_e6-k3_e3-k5_e6-k5_e1_g2-k5_e1-k5_e3-skip-k3_e1-k5_e3-k5_e3-k5_e1_g2-k3_e1_g2-k3_e3-k5_e1-k3_e1-k5_e6-k5_e1_g2-k5_e3-k3_e1-k3_e6-k3_e6-k3_e3",
            "skip-k3_e1_g2-k5_e3-k3_e1_g2-k5_e3-k3_e3-k5_e6-k3_e1_g2-k5_e3-skip-k5_e6-k5_e1_g2-k3_e3-k3_e1-k3_e1_g2-skip-k3_e1-k3_e6-k3_e3-k3_e3-k5_e1_g2-k5_e1",
            "k3_e1_g2-k5_e6-k3_e1-k5_e6-k5_e1-k3_e6-k5_e1-k5_e3-k5_e3-k3_e1_g2-k3_e1_g2-k3_e1-k5_e1_g2-k5_e3-k5_e6-k5_e6-k5_e3-k5_e6-k5_e3-k3_e6-k3_e1_g2-k3_e3",
            "k3_e3-k3_e3-k5_e1-k5_e1_g2-k5_e6-k3_e3-k5_e1_g2-k5_e6-k3_e3-k3_e3-k3_e1_g2-k3_e3-k3_e6-k3_e1_g2-k5_e1-k5_e3-k3_e6-k5_e3-k3_e6-k3_e3-k3_e1-k3_e1_g2",
            "k5_e1-k5_e1-k5_e1_g2-k5_e1_g2-k3_e6-k3_e1_g2-k3_e1_g2-k3_e1-k5_e1-k3_e3-k3_e3-k5_e1-k3_e3-k3_e1-k5_e1_g2-k3_e1-k5_e1_g2-k5_e3-k3_e3-k5_e1_g2-k3_e3-k5_e1_g2",
            "skip-skip-k5_e1-k5_e1-k5_e3-skip-k3_e1_g2-skip-k3_e1-k3_e6-k3_e1_g2-k3_e3-skip-skip-k5_e1_g2-skip-k3_e3-k3_e3-skip-k3_e1_g2-k5_e1-skip",
            "k3_e1-k5_e6-k5_e3-k5_e6-k3_e6-k3_e6-k5_e3-k3_e1_g2-k5_e6-k5_e1-k3_e6-k5_e6-k5_e6-k3_e1-skip-k5_e1-skip-k5_e1_g2-k5_e3-skip-k5_e1_g2-k3_e1_g2",
            "k3_e1_g2-k3_e3-k5_e1-k3_e1-k5_e6-k3_e6-k3_e1-k5_e1_g2-k5_e3-k5_e1-k5_e1_g2-k5_e6-k3_e1-k3_e1_g2-k5_e1-k3_e6-k3_e3-k3_e6-k3_e6-k3_e6-k3_e1-k5_e3"};
  }
};

} // namespace

const SearchSpace& fbnetSpace() {
  static const FbnetSpace instance;
  return instance;
}

} // namespace maple::searchspace
