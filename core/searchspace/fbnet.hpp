#pragma once
// The FBNet search space in HW-NAS-Bench's CIFAR-100 setting (input 32x32x3, 100 classes): 22
// searchable layers in 7 stages, one of 9 blocks per layer. Strings name the blocks first to last
// joined by '-', e.g. "k3_e1-skip-k5_e6_g2-...". The network (see the data set's README):
//   stem conv3x3 3->16 + BN + ReLU; per layer a block; head conv1x1 352->1504 + BN + ReLU,
//   global average pool, linear 1504->100 (with bias).
//   kK_eE[_g2] (C_in -> C_out, stride s): conv1x1 C_in -> E*C_in (groups 1 or 2) + BN + ReLU,
//   [_g2: channel shuffle, 2 groups], depthwise convKxK stride s pad (K-1)/2 + BN + ReLU,
//   conv1x1 E*C_in -> C_out (same groups) + BN, plus the input when C_in == C_out and s == 1.
//   skip: the identity when C_in == C_out and s == 1, else conv1x1 stride s + BN + ReLU.
// Parameter names: stem, layers.L.{pw1,dw,pw2,skip}, head ({name}.conv, {name}.bn), classifier.
#include <array>
#include <string_view>

namespace maple::fbnet {

inline constexpr std::string_view kSpaceName = "fbnet";
inline constexpr int kLayers = 22;
inline constexpr int kBlocks = 9;
inline constexpr int kStages = 7;
inline constexpr int kStemChannels = 16;
inline constexpr int kHeadChannels = 1504;
inline constexpr int kClasses = 100;
inline constexpr std::array<int, kStages> kStageLayers{1, 4, 4, 4, 4, 4, 1};
inline constexpr std::array<int, kStages> kStageChannels{16, 24, 32, 64, 112, 184, 352};
inline constexpr std::array<int, kStages> kStageStrides{1, 1, 2, 2, 1, 2, 1};

// HELP's integer encoding is the position in this list.
inline constexpr std::array<std::string_view, kBlocks> kBlockNames{
    "k3_e1", "k3_e1_g2", "k3_e3", "k3_e6", "k5_e1", "k5_e1_g2", "k5_e3", "k5_e6", "skip"};

struct Block {
  bool skip = false;
  int kernel = 0;
  int expansion = 0;
  int groups = 1;
};
Block block(int choice); // 0..8

// Where layer l (0..21) sits: its stage, input and output channels and stride.
struct LayerSpec {
  int stage;
  int inChannels;
  int outChannels;
  int stride;
  int inSize; // input height = width
};
LayerSpec layerSpec(int layer);

} // namespace maple::fbnet
