// Adaptation-sample selection strategies.
#include "common/error.hpp"
#include "sampling/selection.hpp"
#include "searchspace/cost.hpp"
#include "test_support.hpp"

#include <QTest>

#include <algorithm>
#include <set>

using namespace maple;

class TestSelection : public QObject {
  Q_OBJECT
  searchspace::ArchitectureSet cells_{&searchspace::nb201Space(), {}};
  std::vector<double> flops_;

  static bool distinct(const std::vector<size_t>& v) { return std::set<size_t>(v.begin(), v.end()).size() == v.size(); }

private slots:
  void initTestCase() {
    for (int c = 0; c < nb201::kSpaceSize; c += 5) {
      cells_.push_back(searchspace::nb201Architecture(nb201::cellFromCode(c)));
      flops_.push_back(nb201::networkCost(nb201::cellFromCode(c)).flops);
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
        for (size_t j = i + 1; j < picks.size(); ++j) d = std::min(d, sampling::encodingDistance(cells_.genotypes[picks[i]], cells_.genotypes[picks[j]]));
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
    QCOMPARE(sampling::encodingDistance(cells_.genotypes[0], cells_.genotypes[0]), 0);
  }

  void mostUncertainTakesTheLargestSpreads() {
    // Five cells whose live structures are pairwise 2+ edges apart: the order is the spread's.
    std::vector<nb201::Cell> cells;
    for (const char* a : {"|nor_conv_3x3~0|+|none~0|nor_conv_3x3~1|+|none~0|none~1|nor_conv_3x3~2|",
                          "|none~0|+|none~0|none~1|+|nor_conv_1x1~0|none~1|none~2|",
                          "|skip_connect~0|+|none~0|none~1|+|none~0|avg_pool_3x3~1|none~2|",
                          "|none~0|+|nor_conv_1x1~0|none~1|+|none~0|none~1|skip_connect~2|",
                          "|nor_conv_1x1~0|+|none~0|none~1|+|none~0|nor_conv_3x3~1|none~2|"})
      cells.push_back(nb201::parseCell(a));
    for (size_t i = 0; i < cells.size(); ++i) {
      QVERIFY(!sampling::isDisconnected(cells[i]));
      for (size_t j = 0; j < i; ++j) QVERIFY2(sampling::liveDistance(cells[i], cells[j]) >= 2, qPrintable(QString("%1 %2").arg(i).arg(j)));
    }
    const std::vector<double> spread{0.1, 0.9, 0.5, 0.9, 0.2};
    QCOMPARE(sampling::selectMostUncertain(searchspace::nb201Set(cells), spread, 3), (std::vector<size_t>{1, 3, 2}));
  }

  void mostUncertainPicksDifferentNetworks() {
    // The failure users saw: the disconnected cells (every one computes the same empty network)
    // have the largest spreads, and near-copies of one cell come next. Ten picks must still be
    // ten different networks, two live edges apart, and at most one of them empty.
    std::vector<nb201::Cell> all;
    std::vector<double> spread;
    int disconnected = 0;
    for (int c = 0; c < nb201::kSpaceSize; ++c) {
      all.push_back(nb201::cellFromCode(c));
      const bool empty = sampling::isDisconnected(all.back());
      disconnected += empty;
      // Disconnected cells first; then the avg-pool-only cell and its one-edge neighbours; the rest.
      const int fromBase = sampling::encodingDistance(searchspace::genotypeOf(all.back()),
                                                      searchspace::genotypeOf(nb201::cellFromCode(nb201::kSpaceSize - 1)));
      spread.push_back(empty ? 2.0 + 1e-6 * c : fromBase <= 1 ? 1.5 : 1.0 / (1 + c % 97));
    }
    QVERIFY(disconnected >= 10); // else the test would not reproduce the report
    const auto picks = sampling::selectMostUncertain(searchspace::nb201Set(all), spread, 10);
    QCOMPARE(picks.size(), size_t{10});
    QVERIFY(distinct(picks));
    int empties = 0;
    for (size_t i = 0; i < picks.size(); ++i) {
      empties += sampling::isDisconnected(all[picks[i]]);
      for (size_t j = 0; j < i; ++j)
        QVERIFY2(sampling::liveDistance(all[picks[i]], all[picks[j]]) >= 2,
                 qPrintable(QString::fromStdString(nb201::toString(all[picks[i]]) + " vs " + nb201::toString(all[picks[j]]))));
    }
    QCOMPARE(empties, 1);
    // The largest spread still comes first.
    QCOMPARE(picks.front(), size_t(std::max_element(spread.begin(), spread.end()) - spread.begin()));
    // Few candidates: the rule relaxes and k picks still come back.
    const std::vector<nb201::Cell> few{all[0], all[1], all[2]}; // all disconnected
    QVERIFY(sampling::isDisconnected(few[0]) && sampling::isDisconnected(few[1]) && sampling::isDisconnected(few[2]));
    QCOMPARE(sampling::selectMostUncertain(searchspace::nb201Set(few), std::vector<double>{0.3, 0.2, 0.1}, 3),
             (std::vector<size_t>{0, 1, 2}));
  }

  void badRequestsNameTheFix() {
    sampling::Candidates c{cells_, {}, {}};
    MAPLE_VERIFY_ERROR(sampling::select(sampling::Strategy::MostUncertain, c, 3, 1), ErrorKind::Usage,
                       "train a predictor"); // most-uncertain without a spread
    QVERIFY_THROWS_EXCEPTION(Error, sampling::selectRandom(3, 4, 1));
    QVERIFY_THROWS_EXCEPTION(Error, sampling::selectRandom(3, 0, 1));
    QCOMPARE(sampling::strategyFromName("max-min"), std::optional(sampling::Strategy::MaxMinDiversity));
    QVERIFY(!sampling::strategyFromName("best"));
  }
};

QTEST_GUILESS_MAIN(TestSelection)
#include "test_selection.moc"
