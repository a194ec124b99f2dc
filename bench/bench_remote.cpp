// The overhead of measuring through a launcher: the same architectures measured with `maple
// measure --engine cpu` locally and through `ssh 127.0.0.1 maple agent` (a real sshd started here,
// as in the tests), alternating rounds. Prints the wall time of each run, the remote/local ratio,
// and the ratio of the stored per-architecture medians.
//   bench_remote [ARCHITECTURES=10] [REPEATS=30] [ROUNDS=2]
#include "../tests/remote/sshd_fixture.hpp"
#include "searchspace/nb201.hpp"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace {

struct Run {
  double wallS = 0;
  std::vector<double> mediansMs;
};

Run measure(const QStringList& args) {
  QProcess p;
  QElapsedTimer t;
  t.start();
  p.start(QStringLiteral(MAPLE_CLI), args);
  if (!p.waitForFinished(3600 * 1000) || p.exitCode() != 0) {
    std::fprintf(stderr, "maple measure failed: %s\n", p.readAllStandardError().constData());
    std::exit(1);
  }
  Run r;
  r.wallS = static_cast<double>(t.nsecsElapsed()) / 1e9;
  for (const auto& s : QJsonDocument::fromJson(p.readAllStandardOutput()).object()["samples"].toArray())
    r.mediansMs.push_back(s.toObject()["latency_ms"].toDouble());
  return r;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

} // namespace

int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  const int archs = argc > 1 ? std::atoi(argv[1]) : 10, repeats = argc > 2 ? std::atoi(argv[2]) : 30,
            rounds = argc > 3 ? std::atoi(argv[3]) : 2;
  maple::testing::SshServer sshd;
  if (!sshd.ok()) {
    std::fprintf(stderr, "bench_remote: %s\n", qPrintable(sshd.whyNot()));
    return 1;
  }
  QTemporaryDir dir;
  const auto project = dir.filePath("bench.maple"), list = dir.filePath("archs.txt");
  QFile f(list);
  if (!f.open(QIODevice::WriteOnly)) return 1;
  for (int i = 0; i < archs; ++i) // spread over the space: 0, 1562, 3124, ...
    f.write((maple::nb201::toString(maple::nb201::cellFromCode(i * (15625 / archs))) + "\n").c_str());
  f.close();
  QProcess::execute(QStringLiteral(MAPLE_CLI), {"new", project});
  const QStringList common{"measure", "--project", project, "--engine", "cpu", "--archs-file", list,
                           "--repeats", QString::number(repeats), "--warmup", "5", "--json"};
  std::vector<double> local, remote, roundRatios, latencyRatios;
  for (int round = 0; round < rounds; ++round) {
    const auto l = measure(common + QStringList{"--device", "local"});
    const auto r = measure(common + QStringList{"--device", "remote", "--remote", sshd.launcher(QStringLiteral(MAPLE_CLI) + " agent")});
    local.push_back(l.wallS);
    remote.push_back(r.wallS);
    roundRatios.push_back(r.wallS / l.wallS);
    for (size_t i = 0; i < l.mediansMs.size() && i < r.mediansMs.size(); ++i)
      latencyRatios.push_back(r.mediansMs[i] / l.mediansMs[i]);
    std::printf("round %d: local %.3f s, remote %.3f s (ratio %.4f)\n", round + 1, l.wallS, r.wallS, r.wallS / l.wallS);
  }
  std::printf("%d architectures x up to %d runs, cpu engine, %d rounds (local, then remote, in each)\n", archs,
              repeats, rounds);
  std::printf("wall time, median of rounds: local %.3f s, remote through ssh 127.0.0.1 %.3f s\n", median(local),
              median(remote));
  std::printf("overhead (median of the rounds' remote/local ratios): %+.2f %%\n", 100 * (median(roundRatios) - 1));
  std::printf("stored medians, remote / local (median over architectures and rounds): %.4f\n", median(latencyRatios));
  return 0;
}
