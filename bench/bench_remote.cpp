// The overhead of measuring through a launcher, against a real sshd on 127.0.0.1 started here as
// in the tests. In each round the same architectures are measured with `maple measure --engine
// cpu` three ways, in this order: locally; through `ssh 127.0.0.1 maple agent` with a new ssh
// connection (cold); and through the same over one shared connection (OpenSSH ControlMaster,
// opened once before the rounds: reused). Each round also times a session alone (`ssh ... true`,
// cold and reused), which includes the remote account's login shell start-up, so maple's own part
// of the overhead shows net of it. Prints each round, then the medians over the rounds, with the
// load average before and after.
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
#include <sys/resource.h>
#include <vector>

namespace {

struct Run {
  double wallS = 0;
  std::vector<double> mediansMs;
};

// Starts `command` (shell-style words, no shell).
void start(QProcess& p, const QString& command, const QString& errFile = {}) {
  auto words = QProcess::splitCommand(command);
  const auto program = words.takeFirst();
  p.setStandardInputFile(QProcess::nullDevice());
  if (!errFile.isEmpty()) { // a backgrounded ssh master keeps its output open: no pipes to it
    p.setStandardOutputFile(QProcess::nullDevice());
    p.setStandardErrorFile(errFile);
  }
  p.start(program, words);
}

bool succeeded(QProcess& p) {
  return p.waitForFinished(3600 * 1000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

// Waits for `p`; the benchmark fails when it fails.
void finished(QProcess& p, const QString& what) {
  if (succeeded(p)) return;
  std::fprintf(stderr, "bench_remote: %s failed: %s\n", qPrintable(what), p.readAllStandardError().constData());
  std::exit(1);
}

Run measure(const QStringList& args) {
  QElapsedTimer t;
  t.start();
  QProcess p;
  p.start(QStringLiteral(MAPLE_CLI), args);
  finished(p, "maple measure");
  Run r;
  r.wallS = static_cast<double>(t.nsecsElapsed()) / 1e9;
  for (const auto& s : QJsonDocument::fromJson(p.readAllStandardOutput()).object()["samples"].toArray())
    r.mediansMs.push_back(s.toObject()["latency_ms"].toDouble());
  return r;
}

double secondsOf(const QString& command) {
  QElapsedTimer t;
  t.start();
  QProcess p;
  start(p, command);
  finished(p, command);
  return static_cast<double>(t.nsecsElapsed()) / 1e9;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

QByteArray loadAverage() {
  QFile f("/proc/loadavg");
  return f.open(QIODevice::ReadOnly) ? f.readAll().split(' ').mid(0, 3).join(' ') : QByteArray("unknown");
}

// One way of measuring: its wall times, overheads against local, and stored-median ratios.
struct Series {
  std::vector<double> wallS, overhead, latencyRatio;
  void add(const Run& r, const Run& local) {
    wallS.push_back(r.wallS);
    overhead.push_back(r.wallS / local.wallS - 1);
    for (size_t i = 0; i < r.mediansMs.size() && i < local.mediansMs.size(); ++i)
      latencyRatio.push_back(r.mediansMs[i] / local.mediansMs[i]);
  }
};

const char* verdict(double overhead) { return overhead < 0.05 ? "goal < 5 %: met" : "goal < 5 %: not met"; }

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

  // sshd starts sessions at niceness 0: the agent gets the benchmark's own (nice -n 10 bench_remote),
  // so on a loaded machine both sides compete for the CPUs alike.
  const int niceness = getpriority(PRIO_PROCESS, 0);
  const auto agent = (niceness > 0 ? QStringLiteral("nice -n %1 ").arg(niceness) : QString()) +
                     QStringLiteral(MAPLE_CLI) + " agent";
  const auto shared = "-o ControlPath=" + dir.filePath("master");
  const auto cold = sshd.launcher(agent), reused = sshd.launcher(agent, shared);
  QProcess master;
  start(master, sshd.launcher({}, "-o ControlMaster=yes -o ControlPersist=yes -f -N " + shared), dir.filePath("master.log"));
  finished(master, "opening the shared ssh connection (ssh -o ControlMaster=yes -f -N)");
  const auto control = [&](const char* op) {
    QProcess p;
    start(p, sshd.launcher({}, shared + " -O " + op));
    return succeeded(p);
  };

  const QStringList common{"measure", "--project", project, "--engine", "cpu", "--archs-file", list,
                           "--repeats", QString::number(repeats), "--warmup", "5", "--json"};
  const auto loadBefore = loadAverage();
  Series coldS, reusedS;
  std::vector<double> local, trueCold, trueReused, ownNet;
  for (int round = 0; round < rounds; ++round) {
    const auto l = measure(common + QStringList{"--device", "local"});
    const auto c = measure(common + QStringList{"--device", "remote-cold", "--remote", cold});
    const auto r = measure(common + QStringList{"--device", "remote-reused", "--remote", reused});
    const double tc = secondsOf(sshd.launcher("true")), tr = secondsOf(sshd.launcher("true", shared));
    local.push_back(l.wallS);
    coldS.add(c, l);
    reusedS.add(r, l);
    trueCold.push_back(tc);
    trueReused.push_back(tr);
    ownNet.push_back((r.wallS - tr) / l.wallS - 1);
    std::printf("round %d: local %.3f s | remote, cold connection %.3f s (%+.1f %%) | remote, reused connection "
                "%.3f s (%+.1f %%) | ssh true: cold %.3f s, reused %.3f s\n",
                round + 1, l.wallS, c.wallS, 100 * coldS.overhead.back(), r.wallS, 100 * reusedS.overhead.back(), tc,
                tr);
  }
  const bool shareHeld = control("check");
  control("exit");
  std::printf("%d architectures x up to %d runs, cpu engine, %d rounds (local, remote cold, remote reused in each); "
              "load average before %s, after %s\n",
              archs, repeats, rounds, loadBefore.constData(), loadAverage().constData());
  std::printf("wall time, median of rounds, and overhead (median of the rounds' remote/local - 1):\n");
  std::printf("  local                                     %.3f s\n", median(local));
  std::printf("  remote, cold connection (new ssh login)   %.3f s  %+6.1f %%  %s\n", median(coldS.wallS),
              100 * median(coldS.overhead), verdict(median(coldS.overhead)));
  std::printf("  remote, reused connection (ControlMaster) %.3f s  %+6.1f %%  %s%s\n", median(reusedS.wallS),
              100 * median(reusedS.overhead), verdict(median(reusedS.overhead)),
              shareHeld ? "" : "  (the shared connection was gone at the end: these runs may have logged in anew)");
  std::printf("a session alone (ssh 127.0.0.1 true, median): cold %.3f s, reused %.3f s (the remote account's login "
              "shell start-up included)\n",
              median(trueCold), median(trueReused));
  std::printf("maple's own overhead over the reused connection, net of that session start: %+.1f %%  %s\n",
              100 * median(ownNet), verdict(median(ownNet)));
  std::printf("stored medians, remote / local (median over architectures and rounds): cold %.4f, reused %.4f\n",
              median(coldS.latencyRatio), median(reusedS.latencyRatio));
  return 0;
}
