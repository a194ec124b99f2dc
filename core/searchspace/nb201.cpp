#include "searchspace/nb201.hpp"

#include "common/error.hpp"
#include "common/text.hpp"

namespace maple::nb201 {
namespace {

constexpr std::array<std::string_view, kOps> kOpNames{"none", "skip_connect", "nor_conv_1x1",
                                                       "nor_conv_3x3", "avg_pool_3x3"};

int edgeIndex(int to, int from) { return to * (to - 1) / 2 + from; }

[[noreturn]] void cellError(std::string_view text, const std::string& why) {
  badInput("invalid NAS-Bench-201 cell '" + std::string(text) + "': " + why +
           " (expected |op~0|+|op~0|op~1|+|op~0|op~1|op~2| with ops none, skip_connect, "
           "nor_conv_1x1, nor_conv_3x3, avg_pool_3x3)");
}

} // namespace

Op Cell::op(int to, int from) const { return ops[edgeIndex(to, from)]; }

std::string_view opName(Op op) { return kOpNames[static_cast<int>(op)]; }

std::optional<Op> opFromName(std::string_view name) {
  for (int i = 0; i < kOps; ++i)
    if (kOpNames[i] == name) return static_cast<Op>(i);
  return std::nullopt;
}

Cell parseCell(std::string_view text) {
  auto nodes = text::split(text::trim(text), '+');
  if (nodes.size() != 3)
    cellError(text, "found " + std::to_string(nodes.size()) + " node groups separated by '+', need 3");
  Cell cell;
  for (int node = 1; node <= 3; ++node) {
    std::string_view group = nodes[node - 1];
    const std::string where = "node " + std::to_string(node);
    if (group.size() < 2 || group.front() != '|' || group.back() != '|')
      cellError(text, where + ": group '" + std::string(group) + "' must start and end with '|'");
    auto edges = text::split(group.substr(1, group.size() - 2), '|');
    if (static_cast<int>(edges.size()) != node)
      cellError(text, where + ": has " + std::to_string(edges.size()) + " incoming edges, needs " +
                          std::to_string(node));
    for (int from = 0; from < node; ++from) {
      std::string_view e = edges[from];
      const std::string edgeWhere = where + ", edge " + std::to_string(from + 1);
      auto tilde = e.find('~');
      if (tilde == std::string_view::npos)
        cellError(text, edgeWhere + ": '" + std::string(e) + "' is not op~input");
      auto op = opFromName(e.substr(0, tilde));
      if (!op) cellError(text, edgeWhere + ": unknown op '" + std::string(e.substr(0, tilde)) + "'");
      auto input = text::parseInt(e.substr(tilde + 1));
      if (!input) cellError(text, edgeWhere + ": input '" + std::string(e.substr(tilde + 1)) + "' is not a number");
      if (*input != from)
        cellError(text, edgeWhere + ": input " + std::to_string(*input) + " where " + std::to_string(from) +
                            " is expected (inputs are listed 0.." + std::to_string(node - 1) + " in order)");
      cell.ops[edgeIndex(node, from)] = *op;
    }
  }
  return cell;
}

std::string toString(const Cell& cell) {
  std::string s;
  for (int node = 1; node <= 3; ++node) {
    if (node > 1) s += '+';
    s += '|';
    for (int from = 0; from < node; ++from) {
      s += opName(cell.op(node, from));
      s += '~';
      s += std::to_string(from);
      s += '|';
    }
  }
  return s;
}

int cellCode(const Cell& cell) {
  int code = 0;
  for (Op op : cell.ops) code = code * kOps + static_cast<int>(op);
  return code;
}

Cell cellFromCode(int code) {
  if (code < 0 || code >= kSpaceSize)
    badInput("cell code " + std::to_string(code) + " is outside 0.." + std::to_string(kSpaceSize - 1));
  Cell cell;
  for (int e = kEdges - 1; e >= 0; --e) {
    cell.ops[e] = static_cast<Op>(code % kOps);
    code /= kOps;
  }
  return cell;
}

std::array<float, kEdges * kOps> oneHot(const Cell& cell) {
  std::array<float, kEdges * kOps> v{};
  for (int e = 0; e < kEdges; ++e) v[e * kOps + static_cast<int>(cell.ops[e])] = 1.0f;
  return v;
}

Liveness liveness(const Cell& cell) {
  Liveness l;
  l.nodeHasData[0] = true;
  for (int to = 1; to < kNodes; ++to)
    for (int from = 0; from < to; ++from)
      if (l.nodeHasData[from] && cell.op(to, from) != Op::None) l.nodeHasData[to] = true;
  l.nodeReachesOut[3] = true;
  for (int from = 2; from >= 0; --from)
    for (int to = from + 1; to < kNodes; ++to)
      if (l.nodeReachesOut[to] && cell.op(to, from) != Op::None) l.nodeReachesOut[from] = true;
  for (int e = 0; e < kEdges; ++e) {
    auto [to, from] = kEdgeList[e];
    l.edgeLive[e] = cell.ops[e] != Op::None && l.nodeHasData[from] && l.nodeReachesOut[to];
  }
  return l;
}

} // namespace maple::nb201
