#include "common/child_process.hpp"

#include "common/error.hpp"
#include "common/process_tree.hpp"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utility>

extern char** environ;

namespace maple {
namespace {

constexpr std::size_t kStderrTail = 2000; // bytes of the child's stderr kept for messages

void closeFd(int& fd) {
  if (fd >= 0) close(fd);
  fd = -1;
}

void setNonBlocking(int fd) { fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK); }

// Own process group, default handling of the signals maple catches, nothing blocked.
void childAttributes(posix_spawnattr_t& attr) {
  sigset_t defaults, none;
  sigemptyset(&defaults);
  for (int s : {SIGINT, SIGPIPE, SIGTERM, SIGHUP}) sigaddset(&defaults, s);
  sigemptyset(&none);
  posix_spawnattr_setsigdefault(&attr, &defaults);
  posix_spawnattr_setsigmask(&attr, &none);
  posix_spawnattr_setpgroup(&attr, 0);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
}

std::string describeStatus(int status) {
  if (status == -1) return "closed its output and did not exit";
  if (WIFSIGNALED(status))
    return "crashed: killed by signal " + std::to_string(WTERMSIG(status)) + " (" + strsignal(WTERMSIG(status)) + ")";
  if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
    return "exited with status 127 (command not found or could not be run)";
  return "exited with status " + std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1);
}

} // namespace

ChildProcess::ChildProcess(const std::vector<std::string>& argv) {
  if (argv.empty() || argv[0].empty()) fail(ErrorKind::Usage, "the command is empty: give a program and its arguments");
  proctree::becomeSubreaper();
  int in[2], out[2], err[2];
  if (pipe2(in, O_CLOEXEC) != 0 || pipe2(out, O_CLOEXEC) != 0 || pipe2(err, O_CLOEXEC) != 0)
    fail(ErrorKind::Io, std::string("cannot create pipes: ") + std::strerror(errno));
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, in[0], STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&fa, out[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&fa, err[1], STDERR_FILENO);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  childAttributes(attr);
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  const int rc = posix_spawnp(&pid_, args[0], &fa, &attr, args.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  posix_spawnattr_destroy(&attr);
  close(in[0]);
  close(out[1]);
  close(err[1]);
  in_ = in[1];
  out_ = out[0];
  err_ = err[0];
  if (rc != 0) {
    pid_ = -1;
    closeFds();
    badInput("cannot start " + argv[0] + ": " + std::strerror(rc) +
             " (give the program's full path, or check that it exists, is executable and is on PATH)");
  }
  proctree::registerChild(pid_);
  setNonBlocking(out_);
  setNonBlocking(err_);
}

ChildProcess::~ChildProcess() {
  closeInput(); // a well-behaved child exits on end of input
  if (pid_ > 0 && !reaped_)
    if (const int status = proctree::reapWithin(pid_, 0.5); status != -1) markReaped(status);
  terminate(0.1); // ends what is left of the tree: descendants and strays
}

void ChildProcess::markReaped(int status) {
  proctree::unregisterChild(pid_);
  reaped_ = true;
  status_ = status;
}

void ChildProcess::closeFds() {
  closeFd(in_);
  closeFd(out_);
  closeFd(err_);
}

void ChildProcess::closeInput() { closeFd(in_); }

bool ChildProcess::write(const std::string& data) {
  if (in_ < 0) return false;
  sigset_t pipeSet, old;
  sigemptyset(&pipeSet);
  sigaddset(&pipeSet, SIGPIPE);
  pthread_sigmask(SIG_BLOCK, &pipeSet, &old);
  std::size_t done = 0;
  bool ok = true;
  while (done < data.size()) {
    const ssize_t n = ::write(in_, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ok = false;
      break;
    }
    done += static_cast<std::size_t>(n);
  }
  if (!ok) { // consume the SIGPIPE this thread earned, so unblocking cannot deliver it
    const timespec zero{0, 0};
    sigtimedwait(&pipeSet, nullptr, &zero);
  }
  pthread_sigmask(SIG_SETMASK, &old, nullptr);
  return ok;
}

void ChildProcess::drainStderr() {
  if (err_ < 0) return;
  char buf[4096];
  ssize_t n;
  while ((n = read(err_, buf, sizeof buf)) > 0) {
    errTail_.append(buf, static_cast<std::size_t>(n));
    if (errTail_.size() > kStderrTail) errTail_.erase(0, errTail_.size() - kStderrTail);
  }
}

std::string ChildProcess::stderrTail() {
  drainStderr();
  return errTail_;
}

ChildProcess::Read ChildProcess::readLine(std::string& line, double timeoutS, std::size_t maxBytes,
                                          const std::function<bool()>& cancelled) {
  using clock = std::chrono::steady_clock;
  const auto deadline = clock::now() + std::chrono::duration_cast<clock::duration>(
                                           std::chrono::duration<double>(std::min(timeoutS, 1e7)));
  for (;;) {
    const auto nl = outBuffer_.find('\n');
    if (nl != std::string::npos && nl <= maxBytes) {
      line = outBuffer_.substr(0, nl);
      outBuffer_.erase(0, nl + 1);
      return Read::Line;
    }
    if (outBuffer_.size() > maxBytes) return Read::TooLong;
    if (cancelled && cancelled()) return Read::Cancelled;
    if (out_ < 0) {
      line = std::exchange(outBuffer_, {}); // what came before the end, for messages
      return Read::Closed;
    }
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - clock::now()).count();
    if (left <= 0) return Read::TimedOut;
    pollfd fds[2] = {{out_, POLLIN, 0}, {err_, POLLIN, 0}};
    const int pr = poll(fds, err_ >= 0 ? 2 : 1, static_cast<int>(std::min<long long>(left, 100)));
    if (pr < 0 && errno != EINTR) fail(ErrorKind::Io, std::string("waiting for a child process: ") + std::strerror(errno));
    if (pr > 0 && fds[1].revents) drainStderr();
    if (pr > 0 && (fds[0].revents & (POLLIN | POLLHUP | POLLERR))) readSome();
    else if (pr == 0 && exitedMeanwhile()) closeFd(out_); // a descendant may hold the pipe open
  }
}

void ChildProcess::readSome() {
  char buf[65536];
  const ssize_t n = read(out_, buf, sizeof buf);
  if (n > 0) outBuffer_.append(buf, static_cast<std::size_t>(n));
  else if (n == 0) closeFd(out_);
}

// The child itself exited while its output stays open: what it wrote is read, then it counts as
// closed.
bool ChildProcess::exitedMeanwhile() {
  if (pid_ <= 0 || reaped_) return false;
  int status = 0;
  if (waitpid(pid_, &status, WNOHANG) != pid_) return false;
  markReaped(status);
  pollfd p{out_, POLLIN, 0};
  while (out_ >= 0 && poll(&p, 1, 0) > 0 && (p.revents & POLLIN)) readSome();
  return true;
}

std::string ChildProcess::exitDescription() {
  if (pid_ < 0) return "exited";
  if (!reaped_)
    if (const int status = proctree::reapWithin(pid_, 1.0); status != -1) markReaped(status);
  return describeStatus(reaped_ ? status_ : -1);
}

void ChildProcess::terminate(double graceS) {
  drainStderr();
  closeInput();
  if (pid_ > 0) proctree::endTree(pid_, graceS, reaped_);
  pid_ = -1;
  closeFds();
}

} // namespace maple
