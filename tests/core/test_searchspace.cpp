// The search-space interface: FBNet strings, features by hand, the NB201 wrapper against the
// existing nb201 functions, the reference architectures against the data sets.
#include "dataset/help_fbnet.hpp"
#include "dataset/help_nb201.hpp"
#include "searchspace/architecture.hpp"
#include "searchspace/cost.hpp"
#include "searchspace/fbnet.hpp"
#include "searchspace/space.hpp"

#include "common/error.hpp"

#include <QtTest>

#include <map>
#include <set>

using namespace maple;
using namespace maple::searchspace;

namespace {

std::string repeat(const std::string& block, int n = 22) {
  std::string s;
  for (int i = 0; i < n; ++i) s += (i ? "-" : "") + block;
  return s;
}

// Fixed part of every FBNet network, by hand (MACs = weights x output pixels):
//   stem conv3x3 3->16 at 32x32: 432 weights, 442,368 MACs, BN 32 params.
//   head conv1x1 352->1504 at 4x4: 529,408 weights, 8,470,528 MACs, BN 3,008 params.
//   linear 1504->100: 150,400 MACs, 150,400 + 100 params.
constexpr double kFixedMacs = 442368 + 8470528 + 150400;      // 9,063,296
constexpr double kFixedParams = 432 + 32 + 529408 + 3008 + 150500; // 683,380

QString message(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return QString::fromStdString(e.what());
  }
  return {};
}

} // namespace

class TestSearchSpace : public QObject {
  Q_OBJECT
private slots:
  void registryByName() {
    QCOMPARE(space("fbnet").name(), std::string_view("fbnet"));
    QCOMPARE(space("nb201").name(), std::string_view("nb201"));
    QVERIFY(findSpace("ofa") == nullptr);
    const QString m = message([] { space("ofa"); });
    QVERIFY2(m.contains("'ofa'") && m.contains("nb201, fbnet"), qPrintable(m));
  }

  void fbnetLayerSpecs() {
    // Stages of 1, 4, 4, 4, 4, 4, 1 layers; strides 1, 1, 2, 2, 1, 2, 1.
    QCOMPARE(fbnet::layerSpec(0).inChannels, 16);
    QCOMPARE(fbnet::layerSpec(1).inChannels, 16);
    QCOMPARE(fbnet::layerSpec(1).outChannels, 24);
    QCOMPARE(fbnet::layerSpec(5).stride, 2);
    QCOMPARE(fbnet::layerSpec(5).inSize, 32);
    QCOMPARE(fbnet::layerSpec(6).inSize, 16);
    QCOMPARE(fbnet::layerSpec(13).stride, 1);
    QCOMPARE(fbnet::layerSpec(17).outChannels, 184);
    QCOMPARE(fbnet::layerSpec(21).inChannels, 184);
    QCOMPARE(fbnet::layerSpec(21).inSize, 4);
  }

  void fbnetRoundTrip() {
    const auto& s = fbnetSpace();
    for (const auto& g : s.sample(200, 7)) {
      const std::string text = s.format(g);
      QCOMPARE(s.parse(text), g);
      QCOMPARE(s.canonical("  " + text + "\r\n"), text);
    }
    const std::string ref = s.referenceArchitectures()[0];
    QCOMPARE(s.format(s.parse(ref)), ref);
    QCOMPARE(s.oneHot(s.parse(ref)).size(), std::size_t(22 * 9));
    QVERIFY(!s.size().has_value());
    QVERIFY(!s.index(s.parse(ref)).has_value());
  }

  void fbnetParseErrors() {
    const auto& s = fbnetSpace();
    // Layer 3 starts at column 13 of "k3_e1-k3_e1-k7_e1-...".
    std::string bad = repeat("k3_e1");
    bad.replace(12, 5, "k7_e1");
    QString m = message([&] { s.parse(bad); });
    QVERIFY2(m.contains("layer 3 (column 13)") && m.contains("unknown block 'k7_e1'"), qPrintable(m));
    m = message([&] { s.parse(repeat("skip", 21)); });
    QVERIFY2(m.contains("has 21 blocks, needs 22"), qPrintable(m));
    m = message([&] { s.parse("k3_e1--" + repeat("skip", 20)); });
    QVERIFY2(m.contains("layer 2 (column 7): no block name"), qPrintable(m));
    m = message([&] { s.parse(repeat("K3_E1")); });
    QVERIFY2(m.contains("layer 1 (column 1): unknown block 'K3_E1'"), qPrintable(m));
    m = message([&] { s.format(Genotype{{1, 2}}); });
    QVERIFY2(m.contains("2 positions"), qPrintable(m));
  }

  void fbnetAllSkip() {
    // Identity where C_in == C_out and s == 1; the six stage heads are conv1x1 (+BN+ReLU):
    //   l1  16->24  at 32x32:    384 w,   393,216 MACs, BN  48
    //   l5  24->32  s2 -> 16x16: 768 w,   196,608 MACs, BN  64
    //   l9  32->64  s2 -> 8x8:  2048 w,   131,072 MACs, BN 128
    //   l13 64->112 at 8x8:     7168 w,   458,752 MACs, BN 224
    //   l17 112->184 s2 -> 4x4: 20608 w,  329,728 MACs, BN 368
    //   l21 184->352 at 4x4:    64768 w, 1,036,288 MACs, BN 704
    //   MACs 2,545,664; params 95,744 + 1,536 = 97,280.
    // Floats written: stem 16,384; skip convs 24,576 + 8,192 + 4,096 + 7,168 + 2,944 + 5,632;
    //   head conv 24,064, pooled 1,504, logits 100: 94,660.
    const auto f = fbnetSpace().features(fbnetSpace().parse(repeat("skip")));
    QCOMPARE(f.macs, kFixedMacs + 2545664);
    QCOMPARE(f.params, kFixedParams + 97280);
    QCOMPARE(f.activationBytes, 4.0 * 94660);
  }

  void fbnetAllK3E1() {
    // Block MACs: C_in^2 HW_in (pw1) + 9 C_in HW_out (dw) + C_in C_out HW_out (pw2); params: the
    // same weights without HW, BN 2 C_in + 2 C_in + 2 C_out.
    //   l0  16->16 @32:          262,144 + 147,456 + 262,144 =   671,744;   656 + 96 =    752
    //   l1  16->24 @32:          262,144 + 147,456 + 393,216 =   802,816;   784 + 112 =   896
    //   l2-4 24->24 @32:   3 x (589,824 + 221,184 + 589,824) = 4,202,496; 3 x 1,512 =  4,536
    //   l5  24->32 32->16:       589,824 +  55,296 + 196,608 =   841,728; 1,560 + 160 = 1,720
    //   l6-8 32->32 @16:   3 x (262,144 +  73,728 + 262,144) = 1,794,048; 3 x 2,528 =  7,584
    //   l9  32->64 16->8:        262,144 +  18,432 + 131,072 =   411,648; 3,360 + 256 = 3,616
    //   l10-12 64->64 @8:  3 x (262,144 +  36,864 + 262,144) = 1,683,456; 3 x 9,152 = 27,456
    //   l13 64->112 @8:          262,144 +  36,864 + 458,752 =   757,760; 11,840 + 480 = 12,320
    //   l14-16 112 @8:     3 x (802,816 +  64,512 + 802,816) = 5,010,432; 3 x 26,768 = 80,304
    //   l17 112->184 8->4:       802,816 +  16,128 + 329,728 = 1,148,672; 34,160 + 816 = 34,976
    //   l18-20 184 @4:     3 x (541,696 +  26,496 + 541,696) = 3,329,664; 3 x 70,472 = 211,416
    //   l21 184->352 @4:         541,696 +  26,496 + 1,036,288 = 1,604,480; 100,280 + 1,440 = 101,720
    //   blocks: 22,258,944 MACs, 487,296 params.
    const auto f = fbnetSpace().features(fbnetSpace().parse(repeat("k3_e1")));
    QCOMPARE(f.macs, kFixedMacs + 22258944);
    QCOMPARE(f.params, kFixedParams + 487296);
  }

  void fbnetMixed() {
    // l0 k5_e6 (16->16 @32, mid 96, residual): pw1 1,536 w -> 1,572,864 MACs; dw 5x5 2,400 w ->
    //   2,457,600; pw2 1,536 w -> 1,572,864; params 5,472 + BN 192 + 192 + 32 = 5,888.
    // l1 k3_e1_g2 (16->24 @32, 2 groups): pw1 16*16/2 = 128 w -> 131,072; dw 144 w -> 147,456;
    //   pw2 16*24/2 = 192 w -> 196,608; params 464 + BN 112 = 576.
    // l2..21 skip: the all-skip figures without l1's conv (393,216 MACs, 432 params).
    // Floats: stem 16,384; l0 98,304 + 98,304 + 16,384 + add 16,384; l1 16,384 + shuffle 16,384
    //   + 16,384 + 24,576; the rest of all-skip's 94,660 - 16,384 - 24,576 = 53,700.
    const std::string arch = "k5_e6-k3_e1_g2-" + repeat("skip", 20);
    const auto f = fbnetSpace().features(fbnetSpace().parse(arch));
    QCOMPARE(f.macs, kFixedMacs + 2545664 - 393216 + 5603328 + 475136);
    QCOMPARE(f.params, kFixedParams + 97280 - 432 + 5888 + 576);
    QCOMPARE(f.activationBytes, 4.0 * (16384 + 229376 + 73728 + 53700));
  }

  void fbnetGraphShape() {
    const auto g = fbnetSpace().network(fbnetSpace().parse("k5_e6-k3_e1_g2-" + repeat("skip", 20)));
    QCOMPARE(g.classes(), 100);
    int shuffles = 0, depthwise5 = 0, adds = 0;
    for (const auto& l : g.layers) {
      shuffles += l.kind == LayerKind::ChannelShuffle;
      depthwise5 += l.kind == LayerKind::Conv && l.kernel == 5 && l.groups == 96 && l.padding == 2;
      adds += l.kind == LayerKind::Add;
    }
    QCOMPARE(shuffles, 1);
    QCOMPARE(depthwise5, 1);
    QCOMPARE(adds, 1);
  }

  void fbnetOpCounts() {
    const auto& s = fbnetSpace();
    const auto groups = s.opCounts(s.parse("k5_e6-k3_e1_g2-" + repeat("skip", 20)));
    std::map<std::string, OpCountGroup> byName;
    for (const auto& g : groups) byName[g.name] = g;
    QCOMPARE(byName["layer_block"].counts.size(), std::size_t(22 * 9));
    QCOMPARE(byName["layer_block"].counts[0 * 9 + 7], 1.0); // layer 0: k5_e6
    QCOMPARE(byName["layer_block"].counts[1 * 9 + 1], 1.0); // layer 1: k3_e1_g2
    QCOMPARE(byName["stage_block"].counts[1 * 9 + 8], 3.0); // stage 2: three skips
    QCOMPARE(byName["block"].counts[8], 20.0);
    QCOMPARE(byName["shape"].counts, (std::vector<double>{1, 1, 1, 0, 1, 1, 20}));
  }

  void sampleIsSeededAndDistinct() {
    const auto a = fbnetSpace().sample(50, 3), b = fbnetSpace().sample(50, 3), c = fbnetSpace().sample(50, 4);
    QCOMPARE(a, b);
    QVERIFY(a != c);
    const auto all = nb201Space().sample(15625, 1);
    std::set<std::string> distinct;
    for (const auto& g : all) distinct.insert(nb201Space().format(g));
    QCOMPARE(distinct.size(), std::size_t(15625));
    QVERIFY(!message([] { nb201Space().sample(15626, 1); }).isEmpty());
    QVERIFY(!message([] { fbnetSpace().enumerate(); }).isEmpty());
  }

  void architectureValues() {
    const auto fb = parseArchitecture(fbnetSpace(), fbnetSpace().format(fbnetSpace().sample(1, 9)[0]));
    QCOMPARE(QString::fromStdString(std::string(fb.spaceName())), QString("fbnet"));
    QVERIFY(!fb.index());
    const auto cell = nb201::cellFromCode(4242);
    const auto nb = nb201Architecture(cell);
    QCOMPARE(*nb.index(), std::int64_t(4242));
    QCOMPARE(nb.canonical(), nb201::toString(cell));
    QVERIFY(cellOf(nb.genotype) == cell);
    QVERIFY(!(nb == fb));
    // A genotype of the wrong length, or a choice outside the ops, is refused, not read past.
    QVERIFY(message([&] { cellOf(fb.genotype); }).contains("22 positions"));
    QVERIFY(message([] { cellOf(Genotype{{0, 1, 2, 3, 4, 5}}); }).contains("position 6"));

    auto set = nb201Set(std::vector<nb201::Cell>{cell, nb201::cellFromCode(7)});
    QCOMPARE(set.size(), std::size_t(2));
    QVERIFY(set.at(1) == nb201Architecture(nb201::cellFromCode(7)));
    const QString mixed = message([&] { set.push_back(fb); });
    QVERIFY2(mixed.contains("fbnet architecture given to a set of nb201"), qPrintable(mixed));
    QCOMPARE(set.size(), std::size_t(2));
    const QString wrong = message([&] { requireSpace(set, fbnetSpace(), "the shots"); });
    QVERIFY2(wrong.contains("the shots is of space nb201, expected fbnet"), qPrintable(wrong));
    requireSpace(set, nb201Space(), "the shots");
    requireSpace(ArchitectureSet{}, fbnetSpace(), "nothing"); // an empty set has no space to mismatch
  }

  void nb201MatchesExistingFunctions() {
    const auto& s = nb201Space();
    const auto all = s.enumerate();
    QCOMPARE(all.size(), std::size_t(nb201::kSpaceSize));
    std::vector<nb201::Cell> cells;
    for (int code = 0; code < nb201::kSpaceSize; ++code) cells.push_back(nb201::cellFromCode(code));
    for (int code = 0; code < nb201::kSpaceSize; code += 7) {
      const auto& g = all[static_cast<std::size_t>(code)];
      const auto& cell = cells[static_cast<std::size_t>(code)];
      QCOMPARE(s.format(g), nb201::toString(cell));
      QCOMPARE(s.parse(nb201::toString(cell)), g);
      QCOMPARE(*s.index(g), std::int64_t(code));
      const auto f = s.features(g);
      const auto c = nb201::networkCost(cell);
      QCOMPARE(f.macs, c.macs);
      QCOMPARE(f.params, c.params);
      QCOMPARE(f.activationBytes, c.activationBytes);
      const auto hot = nb201::oneHot(cell);
      QCOMPARE(s.oneHot(g), std::vector<float>(hot.begin(), hot.end()));
      const auto groups = s.opCounts(g);
      // (eager and graph are predict::opCounts' source: test_opcost checks them by hand)
      for (int op = 1; op < nb201::kOps; ++op) QCOMPARE(groups[2].counts[op], double(nb201::liveOpCounts(cell)[op]));
    }
    const QString m = message([&] { s.parse("|nor_conv_3x3~0|+|none~0|bogus~1|+|none~0|none~1|none~2|"); });
    QVERIFY2(m.contains("node 2, edge 2") && m.contains("'bogus'"), qPrintable(m));
  }

  void nb201GraphMatchesCost() {
    // The graph's MACs equal cost.hpp's wherever every edge is live (no pruning difference).
    const auto& s = nb201Space();
    const auto g = s.parse("|nor_conv_3x3~0|+|nor_conv_1x1~0|nor_conv_3x3~1|+|skip_connect~0|avg_pool_3x3~1|nor_conv_1x1~2|");
    QCOMPARE(graphCost(s.network(g)).macs, s.features(g).macs);
    QCOMPARE(s.network(g).classes(), 10);
  }

  void referencesMatchTheDataSets() {
    const std::string fbnetCsv = std::string(MAPLE_DATA_DIR) + "/help-fbnet/fbnet_latency_ms.csv";
    const std::string nb201Csv = std::string(MAPLE_DATA_DIR) + "/help-nb201/nb201_latency_ms.csv";
    if (!QFile::exists(QString::fromStdString(fbnetCsv)) || !QFile::exists(QString::fromStdString(nb201Csv)))
      QSKIP("the HELP data sets are not beside the checkout (../shared/data)");
    const auto fb = dataset::readFbnetTable(fbnetCsv);
    const std::vector<int> fbIdx{3328, 3790, 3313, 890, 3052, 2538, 1640, 2514, 457, 2100};
    const auto fbRefs = fbnetSpace().referenceArchitectures();
    for (std::size_t i = 0; i < fbIdx.size(); ++i) QCOMPARE(fb.archs[static_cast<std::size_t>(fbIdx[i])], fbRefs[i]);
    const auto nb = dataset::readLatencyTable(nb201Csv);
    std::map<int, std::string> byIndex;
    for (std::size_t r = 0; r < nb.index.size(); ++r) byIndex[nb.index[r]] = nb201::toString(nb.cells[r]);
    const std::vector<int> nbIdx{11982, 431, 55, 9, 14451, 8636, 9881, 13479, 6196, 1462};
    const auto nbRefs = nb201Space().referenceArchitectures();
    for (std::size_t i = 0; i < nbIdx.size(); ++i) QCOMPARE(byIndex[nbIdx[i]], nbRefs[i]);
  }
};

QTEST_GUILESS_MAIN(TestSearchSpace)
#include "test_searchspace.moc"
