// The CPU engine's layer-graph runner: FBNet networks against an independent PyTorch
// implementation (tests/engine/fbnet_reference.py) with the same weights, NAS-Bench-201 graphs
// against the engine's own NAS-Bench-201 plan, thread and batch invariance, clear refusals.
#include "common/error.hpp"
#include "engine/cpu/cpu_engine.hpp"
#include "engine/cpu/graph_network.hpp"
#include "engine/cpu/network_weights.hpp"
#include "logits_compare.hpp"
#include "searchspace/architecture.hpp"
#include "searchspace/space.hpp"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>

using namespace maple;
using namespace maple::engine;
using namespace maple::engine::cpu;
using searchspace::fbnetSpace;
using searchspace::nb201Space;

namespace {

constexpr int kRandomArchitectures = 20;
constexpr int kFbnetClasses = 100;

std::string repeat(const std::string& block) {
  std::string s;
  for (int i = 0; i < 22; ++i) s += (i ? "-" : "") + block;
  return s;
}

// Corner cases (every block kind everywhere), then seeded random architectures.
std::vector<std::string> fbnetArchitectures() {
  std::vector<std::string> archs{repeat("skip"), repeat("k5_e6"), repeat("k3_e1_g2"), repeat("k5_e1_g2")};
  for (const auto& g : fbnetSpace().sample(kRandomArchitectures, 2021)) archs.push_back(fbnetSpace().format(g));
  return archs;
}

std::vector<float> runGraph(const searchspace::LayerGraph& graph, int batch, int threads, std::uint64_t seed = 42) {
  auto net = prepareGraph(graph, {batch, threads, seed});
  net->run();
  return net->output();
}

using maple::testing::relativeError;

// Runs torch_reference.py on the files; QSKIP-style reasons come back as the error string.
QList<QJsonObject> runReference(const QStringList& files, QString* skip) {
  QProcess python;
  python.start(MAPLE_TORCH_PYTHON, QStringList{MAPLE_TORCH_REFERENCE} + files);
  if (!python.waitForStarted()) {
    *skip = MAPLE_TORCH_PYTHON " cannot be started: install python3 and python3-torch (scripts/deps.sh)";
    return {};
  }
  python.waitForFinished(600000);
  if (python.exitCode() == 3) {
    *skip = "PyTorch is not importable by " MAPLE_TORCH_PYTHON ": install python3-torch (scripts/deps.sh). " +
            QString::fromUtf8(python.readAllStandardError()).trimmed();
    return {};
  }
  if (python.exitCode() != 0) qFatal("torch_reference.py failed: %s", python.readAllStandardError().constData());
  QList<QJsonObject> out;
  for (const QByteArray& line : python.readAllStandardOutput().split('\n'))
    if (!line.trimmed().isEmpty()) out << QJsonDocument::fromJson(line).object();
  return out;
}

} // namespace

class TestEngineGraph : public QObject {
  Q_OBJECT

private slots:
  // Batch 8 against PyTorch, and batch 1 against PyTorch's first image (image b of the input
  // depends only on the seed and b, so batch 1 is image 0 of batch 8).
  void fbnetMatchesPyTorch() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto archs = fbnetArchitectures();
    struct Case {
      std::vector<float> batch8, batch1;
    };
    std::vector<Case> cases;
    QStringList files;
    for (std::size_t i = 0; i < archs.size(); ++i) {
      const auto graph = fbnetSpace().network(fbnetSpace().parse(archs[i]));
      const std::uint64_t seed = 500 + i;
      const QString file = dir.filePath(QString("fbnet_%1.bin").arg(i));
      exportGraph("fbnet", archs[i], graph, {8, 2, seed}, file.toStdString());
      files << file;
      cases.push_back({runGraph(graph, 8, 2, seed), runGraph(graph, 1, 2, seed)});
    }
    QString skip;
    const auto replies = runReference(files, &skip);
    if (!skip.isEmpty()) QSKIP(qPrintable(skip));
    QCOMPARE(replies.size(), static_cast<qsizetype>(archs.size()));
    double worst = 0;
    for (std::size_t i = 0; i < archs.size(); ++i) {
      const QJsonObject& o = replies[static_cast<qsizetype>(i)];
      QCOMPARE(o["space"].toString(), QString("fbnet"));
      QCOMPARE(o["arch"].toString().toStdString(), archs[i]);
      std::vector<float> reference;
      for (const auto& v : o["output"].toArray()) reference.push_back(static_cast<float>(v.toDouble()));
      QCOMPARE(reference.size(), std::size_t(8 * kFbnetClasses));
      const std::vector<float> first(reference.begin(), reference.begin() + kFbnetClasses);
      const double e8 = relativeError(cases[i].batch8, reference), e1 = relativeError(cases[i].batch1, first);
      worst = std::max({worst, e8, e1});
      QVERIFY2(e8 < 1e-4 && e1 < 1e-4,
               qPrintable(QString("%1: relative error %2 (batch 8), %3 (batch 1)").arg(archs[i].c_str()).arg(e8).arg(e1)));
    }
    qInfo("%zu FBNet networks x batch 1 and 8 match PyTorch; worst relative error %.3g", archs.size(), worst);
  }

  // The NAS-Bench-201 space's layer graph computes what the engine's own NB201 plan computes.
  void nb201GraphMatchesNb201Plan() {
    const char* const cells[] = {
        "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|",
        "|none~0|+|none~0|none~1|+|none~0|none~1|none~2|",
        "|none~0|+|none~0|nor_conv_1x1~1|+|skip_connect~0|avg_pool_3x3~1|avg_pool_3x3~2|",
        "|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_1x1~1|none~2|",
        "|none~0|+|skip_connect~0|avg_pool_3x3~1|+|nor_conv_1x1~0|skip_connect~1|nor_conv_3x3~2|",
        "|avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|nor_conv_1x1~0|avg_pool_3x3~1|nor_conv_3x3~2|",
    };
    for (const char* text : cells) {
      CpuEngine engine;
      auto plan = engine.prepareCpu(nb201::parseCell(text), {3, 2, 7});
      plan->run();
      const auto graph = nb201Space().network(nb201Space().parse(text));
      const double err = relativeError(runGraph(graph, 3, 2, 7), plan->output());
      QVERIFY2(err < 1e-5, qPrintable(QString("%1: relative error %2").arg(text).arg(err)));
    }
  }

  void threadsAndBatchDoNotChangeResults() {
    const auto graph = fbnetSpace().network(fbnetSpace().parse(fbnetArchitectures()[5]));
    const auto one = runGraph(graph, 3, 1);
    for (int threads : {2, 3, 5}) QVERIFY(relativeError(runGraph(graph, 3, threads), one) < 1e-6);
    const auto single = runGraph(graph, 1, 2);
    QVERIFY(relativeError(single, std::vector<float>(one.begin(), one.begin() + kFbnetClasses)) < 1e-6);
    QCOMPARE(runGraph(graph, 3, 2), runGraph(graph, 3, 2)); // deterministic
  }

  // Engine::prepare runs an FBNet architecture as its space's layer graph: the same logits, batch x
  // the space's 100 classes.
  void enginePreparesOtherSpacesAsTheirGraph() {
    const auto text = fbnetArchitectures()[7];
    CpuEngine engine;
    auto net = engine.prepare(searchspace::parseArchitecture(fbnetSpace(), text), {2, 2, 9});
    net->run();
    const auto out = net->output();
    QCOMPARE(out.size(), std::size_t(2 * kFbnetClasses));
    QCOMPARE(out, runGraph(fbnetSpace().network(fbnetSpace().parse(text)), 2, 2, 9));
    QVERIFY_THROWS_EXCEPTION(Error, engine.prepare(searchspace::Architecture{}, {1, 1, 1})); // no space
  }

  void unsupportedLayersAreRefused() {
    searchspace::GraphBuilder b({3, 32, 32});
    b.conv("wide.conv", 0, 8, 5, 1, 2); // a dense 5x5 convolution
    try {
      prepareGraph(std::move(b).finish(), {1, 1, 1});
      QFAIL("a dense 5x5 convolution was accepted");
    } catch (const Error& e) {
      QCOMPARE(e.kind(), ErrorKind::Usage);
      QVERIFY2(QString(e.what()).contains("'wide.conv'"), e.what());
    }
    QVERIFY_THROWS_EXCEPTION(Error, prepareGraph(fbnetSpace().network(fbnetSpace().parse(repeat("skip"))), {0, 1, 1}));
  }
};

QTEST_GUILESS_MAIN(TestEngineGraph)
#include "test_engine_graph.moc"
