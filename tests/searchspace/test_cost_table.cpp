// The cost-table paths against the reference paths, exactly: FBNet's (layer, block) table against
// each network's layer graph (graphCost) and opCounts, and what predictors read (archFeatures,
// opCounts) against the same features built by hand from the reference, for many random FBNet
// architectures and for every NAS-Bench-201 one.
#include "../core/test_support.hpp"
#include "common/error.hpp"
#include "predict/features.hpp"
#include "predict/op_counts.hpp"
#include "searchspace/additive_costs.hpp"
#include "searchspace/architecture.hpp"
#include "searchspace/fbnet.hpp"
#include "searchspace/layer_graph.hpp"

#include <QTest>

#include <cmath>

using namespace maple;
using namespace maple::searchspace;

namespace {

constexpr int kRandomFbnet = 3000;

// Random architectures, and one of each block at every layer (the table's every row at once).
ArchitectureSet fbnetArchitectures() {
  const auto& s = fbnetSpace();
  ArchitectureSet set{&s, s.sample(kRandomFbnet, 20261202)};
  for (int c = 0; c < fbnet::kBlocks; ++c)
    set.genotypes.push_back({std::vector<std::uint8_t>(fbnet::kLayers, static_cast<std::uint8_t>(c))});
  return set;
}

// Features then every op-count group's counts, by the reference paths: the layer graph for the
// Features (the space's features() reads the table), opCounts for the counts.
GraphCost referenceCost(const SearchSpace& s, const Genotype& g) {
  if (&s == &fbnetSpace()) return graphCost(s.network(g));
  const auto f = s.features(g); // NAS-Bench-201's own costing (cost.hpp)
  return {f.macs, f.params, f.activationBytes};
}

std::vector<double> referenceRow(const SearchSpace& s, const Genotype& g) {
  const auto cost = referenceCost(s, g);
  std::vector<double> row{cost.macs, cost.params, cost.activationBytes};
  for (const auto& group : s.opCounts(g)) row.insert(row.end(), group.counts.begin(), group.counts.end());
  return row;
}

// archFeatures' row by hand: one-hot, ln Features, the last op-count group.
Eigen::RowVectorXd referenceFeatures(const SearchSpace& s, const Genotype& g) {
  std::vector<double> f;
  for (float v : s.oneHot(g)) f.push_back(v);
  const auto row = referenceRow(s, g);
  for (int i = 0; i < kFeatureColumns; ++i) f.push_back(std::log(row[static_cast<std::size_t>(i)]));
  const auto last = s.opCounts(g).back().counts;
  f.insert(f.end(), last.begin(), last.end());
  return Eigen::Map<const Eigen::RowVectorXd>(f.data(), static_cast<Eigen::Index>(f.size()));
}

// predict::opCounts' row by hand: 1, then the sharing's groups' counts without the baseline label.
Eigen::RowVectorXd referenceOpCounts(const SearchSpace& s, const Genotype& g, const std::string& sharing) {
  std::vector<double> f{1};
  const auto groups = s.opCounts(g);
  for (std::size_t at = 0; at <= sharing.size();) {
    const std::size_t plus = std::min(sharing.find('+', at), sharing.size());
    for (const auto& group : groups)
      if (group.name == sharing.substr(at, plus - at))
        for (std::size_t i = 0; i < group.counts.size(); ++i)
          if (group.labels[i] != (s.name() == "nb201" ? "none" : "")) f.push_back(group.counts[i]);
    at = plus + 1;
  }
  return Eigen::Map<const Eigen::RowVectorXd>(f.data(), static_cast<Eigen::Index>(f.size()));
}

// Exactly equal rows; the first difference otherwise.
QString firstDifference(const Eigen::MatrixXd& got, const std::function<Eigen::RowVectorXd(std::size_t)>& want) {
  for (Eigen::Index i = 0; i < got.rows(); ++i) {
    const Eigen::RowVectorXd w = want(static_cast<std::size_t>(i));
    if (w.size() != got.cols()) return QString("row %1: %2 columns, reference %3").arg(i).arg(got.cols()).arg(w.size());
    for (Eigen::Index j = 0; j < w.size(); ++j)
      if (got(i, j) != w(j)) return QString("row %1 column %2: %3, reference %4").arg(i).arg(j).arg(got(i, j), 0, 'g', 17).arg(w(j), 0, 'g', 17);
  }
  return {};
}

ArchitectureSet allNb201() { return {&nb201Space(), nb201Space().enumerate()}; }

} // namespace

class TestCostTable : public QObject {
  Q_OBJECT
private slots:
  void fbnetTableEqualsLayerGraph() {
    const auto& s = fbnetSpace();
    const auto* table = s.additiveCosts();
    QVERIFY(table != nullptr);
    const auto set = fbnetArchitectures();
    for (const auto& g : set.genotypes) {
      const auto want = referenceRow(s, g);
      const auto got = table->row(g);
      QCOMPARE(got.size(), want.size());
      for (std::size_t j = 0; j < want.size(); ++j)
        QVERIFY2(got[j] == want[j], qPrintable(QString("%1 column %2: table %3, graph %4")
                                                   .arg(QString::fromStdString(s.format(g)))
                                                   .arg(j)
                                                   .arg(got[j], 0, 'g', 17)
                                                   .arg(want[j], 0, 'g', 17)));
      const auto f = s.features(g);
      QVERIFY(f.macs == want[0] && f.params == want[1] && f.activationBytes == want[2]);
    }
  }

  void nb201HasNoTable() { QVERIFY(nb201Space().additiveCosts() == nullptr); }

  void archFeaturesEqualReference() {
    for (const auto& set : {fbnetArchitectures(), allNb201()}) {
      const auto got = predict::archFeatures(set);
      const QString diff = firstDifference(got, [&](std::size_t i) { return referenceFeatures(*set.space, set.genotypes[i]); });
      QVERIFY2(diff.isEmpty(), qPrintable(QString::fromStdString(std::string(set.space->name())) + " " + diff));
    }
  }

  void opCountsEqualReference() {
    for (const auto& set : {fbnetArchitectures(), allNb201()})
      for (const auto& sharing : predict::opCountSharings(*set.space)) {
        const auto got = predict::opCounts(set, sharing);
        QCOMPARE(got.features.cols(), Eigen::Index(predict::opCountColumns(*set.space, sharing)));
        const QString diff = firstDifference(got.features, [&](std::size_t i) { return referenceOpCounts(*set.space, set.genotypes[i], sharing); });
        QVERIFY2(diff.isEmpty(), qPrintable(QString::fromStdString(sharing) + " " + diff));
      }
  }

  void badGenotypeIsRefused() {
    const auto& s = fbnetSpace();
    for (const Genotype& bad : {Genotype{{0, 1, 2}}, Genotype{std::vector<std::uint8_t>(fbnet::kLayers, 9)}})
      MAPLE_VERIFY_ERROR(predict::opCounts({&s, {bad}}, "stage_block"), ErrorKind::Usage, ""); // outside the space
  }
};

QTEST_GUILESS_MAIN(TestCostTable)
#include "test_cost_table.moc"
