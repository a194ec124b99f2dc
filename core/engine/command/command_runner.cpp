#include "engine/command/command_runner.hpp"

#include "common/error.hpp"
#include "common/json_parse.hpp"
#include "common/latency_bounds.hpp"
#include "common/text.hpp"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sstream>
#include <spawn.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

extern char** environ;

namespace maple::engine {

namespace {

constexpr size_t kStderrTail = 2000;  // bytes of the runner's stderr kept for messages
constexpr size_t kMaxLine = 16 << 20; // a reply longer than this is nonsense

std::string clip(const std::string& s, size_t n = 200) {
  return s.size() <= n ? s : s.substr(0, n) + "...";
}

void closeFd(int& fd) {
  if (fd >= 0) close(fd);
  fd = -1;
}

// Writes all of `data`; false when the reader is gone. SIGPIPE is blocked for the write and a
// pending one consumed, so a dead runner cannot kill maple.
bool writeAll(int fd, const std::string& data) {
  sigset_t pipeSet, old;
  sigemptyset(&pipeSet);
  sigaddset(&pipeSet, SIGPIPE);
  pthread_sigmask(SIG_BLOCK, &pipeSet, &old);
  size_t done = 0;
  bool ok = true;
  while (done < data.size()) {
    const ssize_t n = write(fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ok = false;
      break;
    }
    done += static_cast<size_t>(n);
  }
  if (!ok) {
    const timespec zero{0, 0};
    sigtimedwait(&pipeSet, nullptr, &zero);
  }
  pthread_sigmask(SIG_SETMASK, &old, nullptr);
  return ok;
}

} // namespace

CommandRunner::CommandRunner(std::vector<std::string> argv, double timeoutSeconds)
    : argv_(std::move(argv)), timeout_(timeoutSeconds) {
  if (argv_.empty() || argv_[0].empty()) fail(ErrorKind::Usage, "the runner command is empty: give a program and its arguments");
  if (!(timeout_ > 0)) fail(ErrorKind::Usage, "the runner timeout must be above 0 seconds");
}

CommandRunner::~CommandRunner() { stop(true); }

std::string CommandRunner::describe() const {
  std::string s;
  for (const auto& a : argv_) {
    if (!s.empty()) s += ' ';
    s += a.find_first_of(" \t'\"\\") == std::string::npos ? a : text::quote(a);
  }
  return text::quote(s);
}

void CommandRunner::failRunner(const std::string& what) {
  drainStderr();
  std::string msg = "runner " + describe() + " " + what;
  const auto tail = std::string(text::trim(errTail_));
  if (!tail.empty()) msg += "; its stderr ended with: " + clip(tail, 600);
  stop(false);
  badInput(msg);
}

void CommandRunner::start() {
  int in[2], out[2], err[2];
  if (pipe2(in, O_CLOEXEC) != 0 || pipe2(out, O_CLOEXEC) != 0 || pipe2(err, O_CLOEXEC) != 0)
    fail(ErrorKind::Io, std::string("cannot create pipes for the runner: ") + std::strerror(errno));
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, in[0], STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&fa, out[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&fa, err[1], STDERR_FILENO);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  // Own process group: Ctrl-C on the terminal does not reach the runner, and a timeout kills the
  // whole group (a wrapper script's children too). Default signal handling in the child.
  sigset_t defaults, none;
  sigemptyset(&defaults);
  sigaddset(&defaults, SIGINT);
  sigaddset(&defaults, SIGPIPE);
  sigaddset(&defaults, SIGTERM);
  sigemptyset(&none);
  posix_spawnattr_setsigdefault(&attr, &defaults);
  posix_spawnattr_setsigmask(&attr, &none);
  posix_spawnattr_setpgroup(&attr, 0);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
  std::vector<char*> args;
  for (auto& a : argv_) args.push_back(a.data());
  args.push_back(nullptr);
  const int rc = posix_spawnp(&pid_, args[0], &fa, &attr, args.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  posix_spawnattr_destroy(&attr);
  close(in[0]);
  close(out[1]);
  close(err[1]);
  toChild_ = in[1];
  fromChild_ = out[0];
  errFromChild_ = err[0];
  outBuffer_.clear();
  errTail_.clear();
  if (rc != 0) {
    pid_ = -1;
    closeFd(toChild_);
    closeFd(fromChild_);
    closeFd(errFromChild_);
    badInput("cannot start runner " + describe() + ": " + std::strerror(rc) +
             " (give the program's full path, or check that it exists, is executable and is on PATH)");
  }
  fcntl(fromChild_, F_SETFL, fcntl(fromChild_, F_GETFL) | O_NONBLOCK);
  fcntl(errFromChild_, F_SETFL, fcntl(errFromChild_, F_GETFL) | O_NONBLOCK);
}

void CommandRunner::stop(bool graceful) {
  if (pid_ < 0) return;
  closeFd(toChild_); // a well-behaved runner exits on end of input
  if (graceful) {
    for (int i = 0; i < 100; ++i) {
      if (waitpid(pid_, nullptr, WNOHANG) == pid_) {
        pid_ = -1;
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }
  if (pid_ > 0) {
    kill(-pid_, SIGKILL);
    kill(pid_, SIGKILL);
    while (waitpid(pid_, nullptr, 0) < 0 && errno == EINTR) {
    }
    pid_ = -1;
  }
  closeFd(fromChild_);
  closeFd(errFromChild_);
}

void CommandRunner::drainStderr() {
  if (errFromChild_ < 0) return;
  char buf[4096];
  ssize_t n;
  while ((n = read(errFromChild_, buf, sizeof buf)) > 0) {
    errTail_.append(buf, static_cast<size_t>(n));
    if (errTail_.size() > kStderrTail) errTail_.erase(0, errTail_.size() - kStderrTail);
  }
}

std::string CommandRunner::exitDescription() {
  // Output closed: the runner is exiting or gone; give it a moment to be reaped.
  int status = 0;
  pid_t r = 0;
  for (int i = 0; i < 200 && (r = waitpid(pid_, &status, WNOHANG)) == 0; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  if (r != pid_) return "closed its output without answering";
  pid_ = -1;
  if (WIFSIGNALED(status))
    return "crashed: killed by signal " + std::to_string(WTERMSIG(status)) + " (" + strsignal(WTERMSIG(status)) +
           ") before answering";
  if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
    return "exited with status 127 before answering (command not found or could not be run)";
  return "exited with status " + std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1) + " before answering";
}

std::string CommandRunner::readLine(const RunnerRequest& req) {
  using clock = std::chrono::steady_clock;
  const auto deadline = clock::now() + std::chrono::duration<double>(timeout_);
  for (;;) {
    const auto nl = outBuffer_.find('\n');
    if (nl != std::string::npos) {
      auto line = outBuffer_.substr(0, nl);
      outBuffer_.erase(0, nl + 1);
      return line;
    }
    if (outBuffer_.size() > kMaxLine) failRunner("wrote more than 16 MiB without a newline (expected one JSON line)");
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - clock::now()).count();
    if (left <= 0) {
      std::ostringstream t;
      t << timeout_;
      failRunner("did not answer within " + t.str() + " s (arch " + req.arch + ", batch " + std::to_string(req.batch) +
                 ", " + std::to_string(req.warmup + req.repetitions) +
                 " runs); it was stopped. Raise the timeout if the runner is just slow");
    }
    pollfd fds[2] = {{fromChild_, POLLIN, 0}, {errFromChild_, POLLIN, 0}};
    const int pr = poll(fds, 2, static_cast<int>(std::min<long long>(left, 1000)));
    if (pr < 0 && errno != EINTR) fail(ErrorKind::Io, std::string("waiting for the runner: ") + std::strerror(errno));
    if (fds[1].revents) drainStderr();
    if (fds[0].revents & (POLLIN | POLLHUP | POLLERR)) {
      char buf[65536];
      const ssize_t n = read(fromChild_, buf, sizeof buf);
      if (n > 0) outBuffer_.append(buf, static_cast<size_t>(n));
      else if (n == 0) {
        const auto rest = std::string(text::trim(outBuffer_));
        failRunner(exitDescription() + (rest.empty() ? "" : " (partial output: " + clip(rest) + ")"));
      }
    }
  }
}

RunnerReply CommandRunner::request(const RunnerRequest& req) {
  if (pid_ < 0) start();
  const nlohmann::json j = {{"arch", req.arch},       {"batch", req.batch},
                            {"threads", req.threads}, {"warmup", req.warmup},
                            {"repetitions", req.repetitions}, {"seed", req.seed}};
  if (!writeAll(toChild_, j.dump() + "\n")) failRunner(exitDescription() + " (it stopped reading requests)");
  const auto line = readLine(req);
  try {
    return parseReply(line, req);
  } catch (const Error& e) {
    failRunner(std::string("answered nonsense: ") + e.what());
  }
}

RunnerReply parseReply(const std::string& line, const RunnerRequest& req) {
  nlohmann::json j;
  try {
    j = parseJson(line, "the reply");
  } catch (const Error& e) {
    badInput("not a JSON line: " + text::quote(clip(line)) + " (" + e.what() +
             "; print exactly one JSON object per request on stdout; logs go to stderr)");
  }
  if (!j.is_object()) badInput("expected a JSON object, got " + text::quote(clip(line)));
  if (j.contains("error")) {
    const auto& e = j["error"];
    badInput("reported an error: " + (e.is_string() ? e.get<std::string>() : e.dump()));
  }
  if (!j.contains("latencies_ms") || !j["latencies_ms"].is_array())
    badInput("the reply has no \"latencies_ms\" array: " + text::quote(clip(line)));
  RunnerReply r;
  const auto& times = j["latencies_ms"];
  if (static_cast<int>(times.size()) != req.repetitions)
    badInput("asked for " + std::to_string(req.repetitions) + " timed runs, got " + std::to_string(times.size()) +
             " latencies");
  for (size_t i = 0; i < times.size(); ++i) {
    if (!times[i].is_number()) badInput("latency " + std::to_string(i) + " is not a number: " + times[i].dump());
    const double t = times[i].get<double>();
    if (!plausibleLatencyMs(t))
      badInput("latency " + std::to_string(i) + " is " + times[i].dump() + " ms (expected a time between 1e-6 and 1e7 ms)");
    r.latenciesMs.push_back(t);
  }
  for (const auto* key : {"runtime", "runtime_version"}) {
    if (!j.contains(key) || !j[key].is_string() || j[key].get<std::string>().empty())
      badInput(std::string("the reply has no \"") + key + "\" string (name the runtime and its version)");
  }
  r.runtime = j["runtime"].get<std::string>();
  r.runtimeVersion = j["runtime_version"].get<std::string>();
  return r;
}

std::vector<std::string> splitCommandLine(std::string_view line) {
  std::vector<std::string> words;
  std::string cur;
  bool inWord = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (c == ' ' || c == '\t' || c == '\n') {
      if (inWord) words.push_back(std::move(cur)), cur.clear(), inWord = false;
    } else if (c == '\'') {
      const auto end = line.find('\'', i + 1);
      if (end == std::string_view::npos) fail(ErrorKind::Usage, "unterminated ' in command " + text::quote(line));
      cur.append(line.substr(i + 1, end - i - 1));
      i = end;
      inWord = true;
    } else if (c == '"') {
      size_t j = i + 1;
      for (; j < line.size() && line[j] != '"'; ++j) {
        if (line[j] == '\\' && j + 1 < line.size() && std::strchr("\"\\$`", line[j + 1])) ++j;
        cur.push_back(line[j]);
      }
      if (j >= line.size()) fail(ErrorKind::Usage, "unterminated \" in command " + text::quote(line));
      i = j;
      inWord = true;
    } else if (c == '\\' && i + 1 < line.size()) {
      cur.push_back(line[++i]);
      inWord = true;
    } else {
      cur.push_back(c);
      inWord = true;
    }
  }
  if (inWord) words.push_back(std::move(cur));
  return words;
}

} // namespace maple::engine
