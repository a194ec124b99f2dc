#pragma once
// A real OpenSSH server on 127.0.0.1 for the remote tests and bench_remote: a throwaway host key
// and user key made here, `sshd -D -f CONFIG` on a free port, stopped by the destructor (or on
// purpose, mid-measurement, by stop()). Traffic goes only to 127.0.0.1.
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <csignal>
#include <netinet/in.h>
#include <vector>
#include <sys/socket.h>
#include <unistd.h>

namespace maple::testing {

class SshServer {
public:
  // Starts the server; ok() says whether it runs, whyNot() why not.
  SshServer() { setUp(); }
  ~SshServer() { stop(); }
  SshServer(const SshServer&) = delete;
  SshServer& operator=(const SshServer&) = delete;

  bool ok() const { return running_; }
  const QString& whyNot() const { return why_; }
  int port() const { return port_; }

  // The launcher that reaches `command` on this server (shell-style words, as --remote takes);
  // `sshOptions` go before the host (e.g. "-o ControlPath=...").
  QString launcher(const QString& command, const QString& sshOptions = {}) const {
    return QStringLiteral("ssh -F none -p %1 -i %2 -o BatchMode=yes -o StrictHostKeyChecking=no "
                          "-o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -o IdentitiesOnly=yes ")
               .arg(port_)
               .arg(path("user_key")) +
           (sshOptions.isEmpty() ? QString() : sshOptions + ' ') + "127.0.0.1 " + command;
  }

  // Kills the server and every session it serves (their sshd children), like a dropped link.
  void stop() {
    if (!running_) return;
    running_ = false;
    for (auto pid : sessionsOf(static_cast<pid_t>(sshd_.processId()))) ::kill(pid, SIGKILL);
    sshd_.kill();
    sshd_.waitForFinished(5000);
  }

  QString log() { return QString::fromUtf8(sshd_.readAllStandardError()); }

private:
  QString path(const QString& name) const { return dir_.filePath(name); }

  void setUp() {
    if (!dir_.isValid()) return setWhy("no temporary directory");
    const auto sshd = QStringLiteral("/usr/sbin/sshd");
    if (!QFile::exists(sshd) || QStandardPaths::findExecutable("ssh").isEmpty() ||
        QStandardPaths::findExecutable("ssh-keygen").isEmpty())
      return setWhy("OpenSSH is not installed (apt-get install openssh-server openssh-client)");
    if (!makeKey("host_key") || !makeKey("user_key")) return setWhy("ssh-keygen failed");
    QFile::copy(path("user_key.pub"), path("authorized_keys"));
    // sshd started as root wants its privilege-separation directory.
    if (geteuid() == 0 && !QDir("/run/sshd").exists()) QDir().mkpath("/run/sshd");
    port_ = freePort();
    if (port_ <= 0) return setWhy("no free port on 127.0.0.1");
    writeConfig();
    start();
  }

  // The sshd processes below the server (one or two per connection), from /proc.
  static std::vector<pid_t> sessionsOf(pid_t server) {
    std::vector<pid_t> tree{server}, sessions;
    for (bool grew = true; grew;) {
      grew = false;
      for (const auto& e : QDir("/proc").entryList(QDir::Dirs)) {
        QFile f("/proc/" + e + "/stat");
        if (!f.open(QIODevice::ReadOnly)) continue;
        const auto stat = f.readAll();
        const auto close = stat.lastIndexOf(')');
        const auto fields = stat.mid(close + 2).split(' ');
        const pid_t pid = e.toInt(), ppid = fields.size() > 1 ? fields[1].toInt() : 0;
        const bool isSshd = stat.mid(stat.indexOf('(') + 1, close - stat.indexOf('(') - 1) == "sshd";
        if (isSshd && std::find(tree.begin(), tree.end(), ppid) != tree.end() &&
            std::find(tree.begin(), tree.end(), pid) == tree.end()) {
          tree.push_back(pid);
          sessions.push_back(pid);
          grew = true;
        }
      }
    }
    return sessions;
  }
  void setWhy(const QString& why) { why_ = why; }

  bool makeKey(const QString& name) {
    return QProcess::execute("ssh-keygen", {"-q", "-t", "ed25519", "-N", "", "-f", path(name)}) == 0;
  }

  static int freePort() {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof a;
    int port = -1;
    if (fd >= 0 && bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0 &&
        getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) == 0)
      port = ntohs(a.sin_port);
    if (fd >= 0) close(fd);
    return port;
  }

  // Keys only, this user only; as root sshd needs PermitRootLogin, and StrictModes would refuse
  // keys in a world-readable temporary directory.
  void writeConfig() {
    QFile f(path("sshd_config"));
    if (!f.open(QIODevice::WriteOnly)) return;
    f.write(QStringLiteral("Port %1\nListenAddress 127.0.0.1\nHostKey %2\nAuthorizedKeysFile %3\nPidFile %4\n"
                           "StrictModes no\nPasswordAuthentication no\nKbdInteractiveAuthentication no\n"
                           "PubkeyAuthentication yes\nUsePAM no\nPermitRootLogin prohibit-password\n"
                           "AllowTcpForwarding no\nX11Forwarding no\nLogLevel ERROR\n")
                .arg(port_)
                .arg(path("host_key"), path("authorized_keys"), path("sshd.pid"))
                .toUtf8());
  }

  // Running once a command goes through.
  void start() {
    sshd_.start("/usr/sbin/sshd", {"-D", "-e", "-f", path("sshd_config")});
    if (!sshd_.waitForStarted(5000)) return setWhy("sshd did not start");
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 20000 && sshd_.state() == QProcess::Running) {
      QProcess probe;
      probe.start("/bin/sh", {"-c", launcher("true")});
      if (probe.waitForFinished(15000) && probe.exitCode() == 0) {
        running_ = true;
        return;
      }
      QThread::msleep(100);
    }
    setWhy("sshd did not accept a connection: " + log().trimmed());
    sshd_.kill();
    sshd_.waitForFinished(2000);
  }

  QTemporaryDir dir_;
  QProcess sshd_;
  int port_ = -1;
  bool running_ = false;
  QString why_;
};

} // namespace maple::testing
