// Network cost against hand calculations (see searchspace/cost.hpp for the conventions).
#include "searchspace/cost.hpp"

#include <QtTest>

using namespace maple::nb201;

namespace {
// The part every architecture shares, worked out by hand:
// stem: 3x3x3x16 weights at 32x32 -> 442,368 MACs; 432 + 32 BN params; 16*1024 floats out.
// res1 (16->32, 16x16 out): conv_a 9*16*32*256 = 1,179,648; conv_b 9*32*32*256 = 2,359,296;
//   shortcut 16*32*256 = 131,072 MACs. params 4608+64 + 9216+64 + 512 = 14,464.
//   extra flops: pool 4*16*256 = 16,384, add 32*256 = 8,192.
//   outputs: 4 tensors of 32*256 floats + pool 16*256 floats = 36,864 floats.
// res2 (32->64, 8x8 out): MACs 1,179,648 + 2,359,296 + 131,072; params 18432+128 + 36864+128 + 2048 = 57,600.
//   extra flops: pool 4*32*64 = 8,192, add 64*64 = 4,096. outputs 4*4096 + 2048 = 18,432 floats.
// head: BN 128 params, 2*4096 flops; GAP 4096 flops; linear 640 MACs, 650 params, +10 bias flops.
//   outputs 4096 + 64 + 10 = 4,170 floats.
constexpr double kFixedMacs = 442368 + 2 * 3670016 + 640;
constexpr double kFixedParams = 464 + 14464 + 57600 + 128 + 650;
constexpr double kFixedExtraFlops = 16384 + 8192 + 8192 + 4096 + 8192 + 4096 + 10;
constexpr double kFixedFloats = 16384 + 36864 + 18432 + 4170;
} // namespace

class TestCost : public QObject {
  Q_OBJECT
private slots:
  void allNone() {
    // Every cell outputs zeros: only the fixed part does work.
    auto c = networkCost(parseCell("|none~0|+|none~0|none~1|+|none~0|none~1|none~2|"));
    QCOMPARE(c.macs, kFixedMacs);
    QCOMPARE(c.params, kFixedParams);
    QCOMPARE(c.flops, 2 * kFixedMacs + kFixedExtraFlops);
    QCOMPARE(c.activationBytes, 4 * kFixedFloats);
  }

  void allConv3x3() {
    // Per cell: 6 convs of 9*C*C*HW MACs; node sums: node2 one extra input, node3 two.
    // Stage 1 (C=16, 1024 px): 6*9*256*1024 = 14,155,776 MACs per cell; params 6*(2304+32) = 14,016.
    // Stage 2 (C=32, 256 px): 6*9*1024*256 = 14,155,776; params 6*(9216+64) = 55,680.
    // Stage 3 (C=64, 64 px): 6*9*4096*64 = 14,155,776; params 6*(36864+128) = 221,952.
    auto c = networkCost(parseCell("|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|"));
    const double cellMacs = 14155776;
    QCOMPARE(c.macs, kFixedMacs + 15 * cellMacs);
    QCOMPARE(c.params, kFixedParams + 5 * (14016 + 55680 + 221952));
    // Sum adds per cell: (1 + 2) * C*HW, C*HW = 16384, 8192, 4096 per stage.
    const double adds = 5 * 3 * (16384 + 8192 + 4096);
    QCOMPARE(c.flops, 2 * c.macs + kFixedExtraFlops + adds);
    // Floats written per cell: 6 conv outputs + 2 node sums (nodes 2 and 3) = 8 * C*HW.
    QCOMPARE(c.activationBytes, 4 * (kFixedFloats + 5 * 8 * (16384 + 8192 + 4096)));
  }

  void mixedWithDeadEdges() {
    // |nor_conv_1x1~0|+|avg_pool_3x3~0|none~1|+|skip_connect~0|none~1|nor_conv_3x3~2|
    // Node 1 feeds nothing (edges out of it are none): its conv1x1 is dead.
    // Live: pool (0->2), skip (0->3), conv3x3 (2->3). Node 3 sums 2 inputs; node 2 has one.
    // Per cell at C, HW: MACs 9*C*C*HW; params 9*C*C + 2C; flops extra: pool 9*C*HW + 1 add * C*HW;
    // floats: pool out + conv out + node-3 sum = 3*C*HW.
    auto c = networkCost(parseCell("|nor_conv_1x1~0|+|avg_pool_3x3~0|none~1|+|skip_connect~0|none~1|nor_conv_3x3~2|"));
    const double macs = 9.0 * (256 * 1024 + 1024 * 256 + 4096 * 64); // 7,077,888
    QCOMPARE(c.macs, kFixedMacs + 5 * macs);
    QCOMPARE(c.params, kFixedParams + 5 * ((2304 + 32) + (9216 + 64) + (36864 + 128)));
    const double chw = 16384 + 8192 + 4096;
    QCOMPARE(c.flops, 2 * c.macs + kFixedExtraFlops + 5 * 10 * chw);
    QCOMPARE(c.activationBytes, 4 * (kFixedFloats + 5 * 3 * chw));
    auto counts = liveOpCounts(parseCell("|nor_conv_1x1~0|+|avg_pool_3x3~0|none~1|+|skip_connect~0|none~1|nor_conv_3x3~2|"));
    QCOMPARE(counts[int(Op::Conv1x1)], 0);
    QCOMPARE(counts[int(Op::Conv3x3)], 1);
    QCOMPARE(counts[int(Op::AvgPool3x3)], 1);
    QCOMPARE(counts[int(Op::SkipConnect)], 1);
  }
};

QTEST_APPLESS_MAIN(TestCost)
#include "test_cost.moc"
