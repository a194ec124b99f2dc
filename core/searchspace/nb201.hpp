#pragma once
// NAS-Bench-201 cells: 4 nodes, 6 edges (j -> i for j < i), one of 5 ops on each edge.
// Strings look like |op~0|+|op~0|op~1|+|op~0|op~1|op~2|: one group per node 1..3 listing its
// incoming edges from inputs 0..i-1 in order.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace maple::nb201 {

enum class Op : std::uint8_t { None, SkipConnect, Conv1x1, Conv3x3, AvgPool3x3 };

inline constexpr int kNodes = 4;
inline constexpr int kEdges = 6;
inline constexpr int kOps = 5;
inline constexpr int kSpaceSize = 15625; // 5^6
inline constexpr std::string_view kSpaceName = "nb201";

struct Edge {
  int to;
  int from;
};
// Edge order of the string and of every encoding: (1<-0), (2<-0), (2<-1), (3<-0), (3<-1), (3<-2).
inline constexpr std::array<Edge, kEdges> kEdgeList{{{1, 0}, {2, 0}, {2, 1}, {3, 0}, {3, 1}, {3, 2}}};

struct Cell {
  std::array<Op, kEdges> ops{};
  bool operator==(const Cell&) const = default;
  Op op(int to, int from) const;
};

std::string_view opName(Op op);
std::optional<Op> opFromName(std::string_view name);

// Throws maple::Error (BadInput) naming the node, edge, op or input that is wrong.
Cell parseCell(std::string_view text);
std::string toString(const Cell& cell);

// Base-5 code of the ops in edge order (edge 0 most significant), 0..15624. This is the cell's
// intrinsic code; NAS-Bench-201's own index is an arbitrary permutation that only its data files
// carry, so the project stores it per architecture on import (see store/).
int cellCode(const Cell& cell);
Cell cellFromCode(int code); // throws BadInput outside 0..15624

// One-hot encoding, 6 edges x 5 ops, edge-major.
std::array<float, kEdges * kOps> oneHot(const Cell& cell);

// Liveness after pruning: an edge does work only if its source carries data from the input and its
// target reaches the output. A node with no live input is an all-zero tensor.
struct Liveness {
  std::array<bool, kNodes> nodeHasData{};   // receives data from node 0 (node 0 always)
  std::array<bool, kNodes> nodeReachesOut{}; // feeds node 3 (node 3 always)
  std::array<bool, kEdges> edgeLive{};       // does computation on live data that reaches node 3
};
Liveness liveness(const Cell& cell);

} // namespace maple::nb201
