#include "searchspace/cost.hpp"

namespace maple::nb201 {
namespace {

constexpr double kFloat = 4.0;

Cost convBn(int k, int cin, int cout, int outPixels) {
  double out = static_cast<double>(cout) * outPixels * outPixels;
  Cost c;
  c.macs = double(k) * k * cin * out;
  c.flops = 2 * c.macs;
  c.params = double(k) * k * cin * cout + 2.0 * cout;
  c.activationBytes = out * kFloat;
  return c;
}

Cost residualBlock(int cin, int inPixels) {
  const int cout = 2 * cin, p = inPixels / 2;
  const double outElems = double(cout) * p * p;
  Cost c = convBn(3, cin, cout, p);
  c += convBn(3, cout, cout, p);
  Cost pool;
  pool.flops = 4.0 * cin * p * p;
  pool.activationBytes = double(cin) * p * p * kFloat;
  c += pool;
  Cost shortcut = convBn(1, cin, cout, p);
  shortcut.params -= 2.0 * cout; // the shortcut conv has no BN
  c += shortcut;
  Cost add;
  add.flops = outElems;
  add.activationBytes = outElems * kFloat;
  c += add;
  return c;
}

} // namespace

Cost& Cost::operator+=(const Cost& o) {
  macs += o.macs;
  flops += o.flops;
  params += o.params;
  activationBytes += o.activationBytes;
  return *this;
}

Cost cellCost(const Cell& cell, int channels, int pixels) {
  const Liveness live = liveness(cell);
  const double elems = double(channels) * pixels * pixels;
  Cost c;
  std::array<int, kNodes> liveInputs{};
  for (int e = 0; e < kEdges; ++e) {
    if (!live.edgeLive[e]) continue;
    ++liveInputs[kEdgeList[e].to];
    switch (cell.ops[e]) {
    case Op::Conv1x1: c += convBn(1, channels, channels, pixels); break;
    case Op::Conv3x3: c += convBn(3, channels, channels, pixels); break;
    case Op::AvgPool3x3:
      c.flops += 9 * elems;
      c.activationBytes += elems * kFloat;
      break;
    case Op::SkipConnect:
    case Op::None: break;
    }
  }
  for (int n = 1; n < kNodes; ++n) {
    if (liveInputs[n] < 2) continue;
    c.flops += (liveInputs[n] - 1) * elems;
    c.activationBytes += elems * kFloat;
  }
  return c;
}

Cost networkCost(const Cell& cell) {
  Cost c = convBn(3, 3, 16, 32); // stem
  const int channels[3] = {16, 32, 64}, pixels[3] = {32, 16, 8};
  for (int stage = 0; stage < 3; ++stage) {
    if (stage > 0) c += residualBlock(channels[stage - 1], pixels[stage - 1]);
    for (int i = 0; i < 5; ++i) c += cellCost(cell, channels[stage], pixels[stage]);
  }
  const double last = 64.0 * 8 * 8;
  Cost head;
  head.params = 2 * 64 + 64 * 10 + 10;
  head.macs = 64 * 10;
  head.flops = 2 * last + last + 2 * head.macs + 10; // BN scale+shift, pool adds, linear, bias
  head.activationBytes = (last + 64 + 10) * kFloat;
  c += head;
  return c;
}

std::array<int, kOps> liveOpCounts(const Cell& cell) {
  const Liveness live = liveness(cell);
  std::array<int, kOps> counts{};
  for (int e = 0; e < kEdges; ++e)
    if (live.edgeLive[e]) ++counts[static_cast<int>(cell.ops[e])];
  return counts;
}

} // namespace maple::nb201
