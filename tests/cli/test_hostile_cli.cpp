// `maple` against hostile places and inputs (#15): read-only folders and files, FIFOs, full disks,
// a locked project, special names, raw terminal bytes, overwrites. Each refusal names the problem,
// exits 1 (usage) or 2 (bad input), and writes nothing.
#include "../core/test_support.hpp"
#include "cli_runner.hpp"
#include "small_table.hpp"
#include "store/sqlite.hpp"

#include <QtTest>

#include <atomic>
#include <chrono>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

using maple::testing::CliResult;
using maple::testing::kSmallTable;
using maple::testing::runCli;

namespace {
constexpr const char* kArch0 = "|avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|nor_conv_1x1~0|skip_connect~1|skip_connect~2|";

// Root reads and writes through any permission bit: the read-only cases run `maple` as nobody.
CliResult runUnprivileged(const QStringList& args) {
  if (::geteuid() != 0) return runCli(args);
  CliResult r;
  QProcess p;
  p.start("setpriv", QStringList{"--reuid=65534", "--regid=65534", "--clear-groups", QStringLiteral(MAPLE_CLI)} + args);
  if (!p.waitForFinished(120000)) return r;
  r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
  r.out = QString::fromUtf8(p.readAllStandardOutput());
  r.err = QString::fromUtf8(p.readAllStandardError());
  return r;
}

// Another connection holding the project's write lock for `seconds`, as a long import would.
class LockHolder {
public:
  LockHolder(const QString& project, int seconds)
      : thread_([this, path = project.toStdString(), seconds] {
          maple::store::Database db(path, maple::store::Database::Mode::ReadWrite);
          db.exec("BEGIN IMMEDIATE");
          locked_ = true;
          std::this_thread::sleep_for(std::chrono::seconds(seconds));
          db.exec("COMMIT");
        }) {
    while (!locked_) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ~LockHolder() { join(); }
  void join() {
    if (thread_.joinable()) thread_.join();
  }

private:
  std::atomic<bool> locked_{false}; // before thread_: set up before the thread starts
  std::thread thread_;
};

bool canDropPrivileges() { return ::geteuid() != 0 || QFile::exists("/usr/bin/setpriv"); }

} // namespace

class TestHostileCli : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;

  QString path(const QString& name) const { return dir_.filePath(name); }

  QString smallProject(const QString& name) {
    const auto p = path(name);
    if (runCli({"new", p}).exitCode != 0) return {};
    maple::testing::writeFile(path(name + ".csv"), kSmallTable);
    if (runCli({"import", "--project", p, path(name + ".csv")}).exitCode != 0) return {};
    return p;
  }

private slots:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    QFile::setPermissions(dir_.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                                           QFileDevice::ReadOther | QFileDevice::ExeOther);
  }

  void specialNamesCreateNothing() {
    for (const char* name : {"", ":memory:"}) {
      const auto r = runCli({"new", name});
      QCOMPARE(r.exitCode, 1);
      QVERIFY2(r.err.contains("maple new my.maple") && !r.out.contains("created"), qPrintable(r.err));
    }
  }

  // SQLite's writes fail past the file-size limit as on a full disk: nothing is left behind.
  void fullDiskLeavesNoFile() {
    const auto p = path("full.maple");
    QProcess sh;
    sh.start("sh", {"-c", "trap '' XFSZ; ulimit -f 8; exec \"$0\" new \"$1\"", QStringLiteral(MAPLE_CLI), p});
    QVERIFY(sh.waitForFinished(120000));
    QCOMPARE(sh.exitCode(), 2);
    QVERIFY2(!QFile::exists(p) && !QFile::exists(p + ".creating") && !QFile::exists(p + ".creating-wal"),
             sh.readAllStandardError().constData());
  }

  void fifosAreRefusedAtOnce() {
    const auto fifo = path("pipe");
    QCOMPARE(::mkfifo(fifo.toLocal8Bit().constData(), 0600), 0);
    const auto p = smallProject("fifo.maple");
    QVERIFY(!p.isEmpty());
    for (const QStringList& args : {QStringList{"info", "--project", fifo}, QStringList{"import", "--project", p, fifo},
                                    QStringList{"predict", "--predictor", fifo, "--descriptor", fifo, "--arch", kArch0}}) {
      const auto r = runCli(args, QProcessEnvironment::systemEnvironment(), 20000); // a hang times out
      QVERIFY2(r.exitCode == 2 && r.err.contains("not a regular file"), qPrintable(args.join(' ') + ": " + r.err));
    }
  }

  void symlinkLoopIsNamed() {
    const auto loop = path("loop.maple");
    QCOMPARE(::symlink(loop.toLocal8Bit().constData(), loop.toLocal8Bit().constData()), 0);
    const auto r = runCli({"info", "--project", loop});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("symbolic link loop") && !r.err.contains("no such project"), qPrintable(r.err));
  }

  void negativeSchemaIsCorruptAndUntouched() {
    const auto p = smallProject("negative.maple");
    {
      maple::store::Database db(p.toStdString(), maple::store::Database::Mode::ReadWrite);
      db.exec("PRAGMA journal_mode = DELETE; PRAGMA user_version = -7");
    }
    const auto before = maple::testing::digest(p);
    const auto r = runCli({"info", "--project", p});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("corrupt") && r.err.contains("-7"), qPrintable(r.err));
    QCOMPARE(maple::testing::digest(p), before);
    QVERIFY(!QFile::exists(p + "-wal") && !QFile::exists(p + "-shm"));
  }

  // A project in a folder nobody may write is still read; no -shm is left beside a read-only file.
  void readOnlyPlacesAreReadable() {
    if (!canDropPrivileges()) QSKIP("running as root without setpriv: cannot take away write permission");
    const auto folder = path("ro");
    QVERIFY(QDir().mkdir(folder));
    const auto p = folder + "/p.maple";
    QVERIFY(runCli({"new", p}).exitCode == 0);
    maple::testing::writeFile(path("ro.csv"), kSmallTable);
    QVERIFY(runCli({"import", "--project", p, path("ro.csv")}).exitCode == 0);
    QVERIFY(::chmod(p.toLocal8Bit().constData(), 0444) == 0);
    QVERIFY(::chmod(folder.toLocal8Bit().constData(), 0555) == 0);
    auto info = runUnprivileged({"info", "--project", p, "--json"});
    QVERIFY2(info.exitCode == 0, qPrintable(info.err));
    QCOMPARE(maple::testing::json(info)["latency_samples"].toInt(), 4);
    auto write = runUnprivileged({"import", "--project", p, path("ro.csv")});
    QCOMPARE(write.exitCode, 2);
    QVERIFY2(write.err.contains("read-only"), qPrintable(write.err));
    // A 444 file in a writable folder: read, and no 444 -shm left to break later writes.
    QVERIFY(::chmod(folder.toLocal8Bit().constData(), 0777) == 0);
    info = runUnprivileged({"info", "--project", p});
    QVERIFY2(info.exitCode == 0, qPrintable(info.err));
    QVERIFY(!QFile::exists(p + "-shm") && !QFile::exists(p + "-wal"));
    QVERIFY(::chmod(p.toLocal8Bit().constData(), 0644) == 0);
    QCOMPARE(runCli({"import", "--project", p, path("ro.csv")}).exitCode, 0);
  }

  // A writer that holds the lock longer than SQLite's old 5 s: the next write waits, says so,
  // and succeeds; the lock is an Io wait, never "bad input".
  void lockedProjectIsWaitedFor() {
    const auto p = smallProject("locked.maple");
    LockHolder holder(p, 7);
    QElapsedTimer t;
    t.start();
    maple::testing::writeFile(path("more.csv"), QByteArray(kSmallTable).replace("devA", "devC").replace("devB", "devD"));
    const auto r = runCli({"import", "--project", p, path("more.csv"), "--json"});
    holder.join();
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(t.elapsed() > 6000);
    QVERIFY2(r.err.contains("waiting for " + p + ": another process is writing to it"), qPrintable(r.err));
    QCOMPARE(maple::testing::json(r)["samples_added"].toInt(), 4);
  }

  // #15 item 4 as reported: a `measure` started while another writer (an import) holds the lock
  // measures, waits past the old 5.5 s failure, and stores its sample instead of dropping it.
  void measurementDuringALongWriteIsStored() {
    const auto p = smallProject("measuring.maple");
    LockHolder holder(p, 7);
    QElapsedTimer t;
    t.start();
    const auto r = runCli({"measure", "--project", p, "--device", "box", "--engine", "cpu", "--archs", "0",
                           "--repeats", "3", "--warmup", "1", "--json"});
    holder.join();
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(t.elapsed() > 6000);
    QVERIFY2(r.err.contains("waiting for " + p + ": another process is writing to it"), qPrintable(r.err));
    QCOMPARE(maple::testing::count(p, "SELECT COUNT(*) FROM latency_samples s JOIN devices d ON d.id = s.device_id "
                                      "WHERE d.name = 'box'"),
             1LL);
  }

  void exportNeverOverwritesAProject() {
    const auto p = smallProject("export.maple");
    QVERIFY(!p.isEmpty());
    // The refusal comes before the project is opened or the predictor looked up.
    const auto before = maple::testing::digest(p);
    for (const QStringList& extra : {QStringList{}, QStringList{"--force"}}) {
      const auto r = runCli(QStringList{"predictors", "--project", p, "--export", "any", "--out", p} + extra);
      QCOMPARE(r.exitCode, 1);
      QVERIFY2(r.err.contains("it is a MAPLE project"), qPrintable(r.err));
      QCOMPARE(maple::testing::digest(p), before);
    }
    const auto other = smallProject("other.maple");
    const auto r = runCli({"predictors", "--project", p, "--export", "any", "--out", other, "--force"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("it is a MAPLE project"), qPrintable(r.err));
    maple::testing::writeFile(path("plain.txt"), "keep me\n");
    const auto noForce = runCli({"predictors", "--project", p, "--export", "any", "--out", path("plain.txt")});
    QCOMPARE(noForce.exitCode, 1);
    QVERIFY2(noForce.err.contains("add --force"), qPrintable(noForce.err));
    QFile kept(path("plain.txt"));
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), QByteArray("keep me\n"));
  }

  void writeErrorsFail() {
    const auto p = smallProject("full-out.maple");
    QProcess sh;
    sh.start("sh", {"-c", "exec \"$0\" devices --project \"$1\" > /dev/full", QStringLiteral(MAPLE_CLI), p});
    QVERIFY(sh.waitForFinished(120000));
    QCOMPARE(sh.exitCode(), 2);
    QVERIFY2(sh.readAllStandardError().contains("cannot write the output"), "no message");
  }

  void inputBytesAreNotEchoedRaw() {
    const auto p = smallProject("echo.maple");
    QByteArray table = "idx,arch_str,devA\n2,\x1b[31m|bad\x07|,1.0\n";
    maple::testing::writeFile(path("ansi.csv"), table);
    auto r = runCli({"import", "--project", p, path("ansi.csv")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(!r.err.contains('\x1b') && !r.err.contains('\x07') && r.err.contains("\\x1B[31m"), qPrintable(r.err));
    const QByteArray huge(100000, 'x');
    maple::testing::writeFile(path("huge.csv"), "idx,arch_str,devA\n2," + huge + ",1.0\n");
    r = runCli({"import", "--project", p, path("huge.csv")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.size() < 3000 && r.err.contains("more bytes not shown"), qPrintable(r.err.left(300)));
  }

  void csvEncodingsAndDuplicates() {
    const auto p = smallProject("csv.maple");
    maple::testing::writeFile(path("bom.csv"), "\xEF\xBB\xBF" + QByteArray(kSmallTable).replace("devA", "bomA").replace("devB", "bomB"));
    auto r = runCli({"import", "--project", p, path("bom.csv")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err)); // a byte-order mark is not a wrong header
    maple::testing::writeFile(path("cr.csv"), QByteArray(kSmallTable).replace('\n', '\r'));
    r = runCli({"import", "--project", p, path("cr.csv")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("CR only"), qPrintable(r.err));
    maple::testing::writeFile(path("dup.csv"), "idx,arch_str,devE\n0," + QByteArray(kArch0) + ",1.0\n7," + kArch0 + ",2.0\n");
    r = runCli({"import", "--project", p, path("dup.csv")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("dup.csv:3:") && r.err.contains("already appears on line 2"), qPrintable(r.err));
    maple::testing::writeFile(path("utf8.csv"), "idx,arch_str,dev\xFF\n0," + QByteArray(kArch0) + ",1.0\n");
    r = runCli({"import", "--project", p, path("utf8.csv")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("not valid UTF-8"), qPrintable(r.err));
    maple::testing::writeFile(path("huge-ms.csv"), "idx,arch_str,devF\n0," + QByteArray(kArch0) + ",1e308\n");
    r = runCli({"import", "--project", p, path("huge-ms.csv")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("outside 1e-6 .. 1e7 ms"), qPrintable(r.err));
    QVERIFY(runCli({"devices", "--project", p, "--json"}).exitCode == 0); // still well-formed
  }

  void threadCountsAreBounded() {
    const auto p = smallProject("threads.maple");
    const auto r = runCli({"eval", "--project", p, "--train-devices", "devA", "--test-devices", "devB", "--threads", "100000"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("--threads"), qPrintable(r.err));
    const auto dup = runCli({"eval", "--project", p, "--train-devices", "devA,devA", "--test-devices", "devB"});
    QCOMPARE(dup.exitCode, 1);
    QVERIFY2(dup.err.contains("'devA' twice"), qPrintable(dup.err));
  }
};

QTEST_GUILESS_MAIN(TestHostileCli)
#include "test_hostile_cli.moc"
