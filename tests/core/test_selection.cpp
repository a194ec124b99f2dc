// Adaptation-sample selection strategies.
#include "common/error.hpp"
#include "sampling/selection.hpp"
#include "searchspace/cost.hpp"

#include <QTest>

#include <algorithm>
#include <set>

using namespace maple;

class TestSelection : public QObject {
  Q_OBJECT
  std::vector<nb201::Cell> cells_;
  std::vector<double> flops_;

  static bool distinct(const std::vector<size_t>& v) { return std::set<size_t>(v.begin(), v.end()).size() == v.size(); }

private slots:
  void initTestCase() {
    for (int c = 0; c < nb201::kSpaceSize; c += 5) {
      cells_.push_back(nb201::cellFromCode(c));
      flops_.push_back(nb201::networkCost(cells_.back()).flops);
    }
  }

  void randomIsDistinctAndSeeded() {
    const auto a = sampling::selectRandom(cells_.size(), 50, 7), b = sampling::selectRandom(cells_.size(), 50, 7);
    QCOMPARE(a, b);
    QVERIFY(distinct(a));
    QVERIFY(a != sampling::selectRandom(cells_.size(), 50, 8));
    QCOMPARE(sampling::selectRandom(5, 5, 1).size(), size_t{5});
  }

  void stratifiedCoversTheFlopsRange() {
    const size_t k = 10;
    const auto picks = sampling::selectFlopsStratified(flops_, k, 3);
    QVERIFY(distinct(picks));
    // One pick per decile of the sorted FLOPs: pick s lies between the s-th and (s+1)-th decile.
    auto sorted = flops_;
    std::sort(sorted.begin(), sorted.end());
    for (size_t s = 0; s < k; ++s) {
      const double lo = sorted[s * sorted.size() / k], hi = sorted[(s + 1) * sorted.size() / k - 1];
      QVERIFY(flops_[picks[s]] >= lo && flops_[picks[s]] <= hi);
    }
  }

  void maxMinSpreadsOut() {
    auto minDistance = [&](const std::vector<size_t>& picks) {
      int d = nb201::kEdges;
      for (size_t i = 0; i < picks.size(); ++i)
        for (size_t j = i + 1; j < picks.size(); ++j) d = std::min(d, sampling::encodingDistance(cells_[picks[i]], cells_[picks[j]]));
      return d;
    };
    const auto picks = sampling::selectMaxMinDiversity(cells_, 8, 1);
    QVERIFY(distinct(picks));
    // The candidates (every 5th code) share the last edge's op, so 5 edges is the most two can differ.
    const int greedy = minDistance(picks);
    QVERIFY2(greedy >= 4, qPrintable(QString::number(greedy)));
    // Random sets of the same size are closer together on every seed tried.
    for (std::uint64_t seed = 1; seed <= 20; ++seed)
      QVERIFY(minDistance(sampling::selectRandom(cells_.size(), 8, seed)) < greedy);
    QCOMPARE(sampling::encodingDistance(cells_[0], cells_[0]), 0);
  }

  void mostUncertainTakesTheLargestSpreads() {
    const std::vector<double> spread{0.1, 0.9, 0.5, 0.9, 0.2};
    QCOMPARE(sampling::selectMostUncertain(spread, 3), (std::vector<size_t>{1, 3, 2}));
  }

  void badRequestsNameTheFix() {
    sampling::Candidates c{cells_, {}, {}};
    try {
      sampling::select(sampling::Strategy::MostUncertain, c, 3, 1);
      QFAIL("most-uncertain without a spread was accepted");
    } catch (const Error& e) {
      QCOMPARE(e.kind(), ErrorKind::Usage);
      QVERIFY2(QString(e.what()).contains("train a predictor"), e.what());
    }
    QVERIFY_THROWS_EXCEPTION(Error, sampling::selectRandom(3, 4, 1));
    QVERIFY_THROWS_EXCEPTION(Error, sampling::selectRandom(3, 0, 1));
    QCOMPARE(sampling::strategyFromName("max-min"), std::optional(sampling::Strategy::MaxMinDiversity));
    QVERIFY(!sampling::strategyFromName("best"));
  }
};

QTEST_GUILESS_MAIN(TestSelection)
#include "test_selection.moc"
