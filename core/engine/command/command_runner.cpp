#include "engine/command/command_runner.hpp"

#include "common/error.hpp"
#include "common/json_parse.hpp"
#include "common/latency_bounds.hpp"
#include "common/text.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstring>
#include <sstream>

namespace maple::engine {

namespace {

constexpr size_t kMaxLine = 16 << 20; // a reply longer than this is nonsense

std::string clip(const std::string& s, size_t n = 200) {
  return s.size() <= n ? s : s.substr(0, n) + "...";
}

} // namespace

CommandRunner::CommandRunner(std::vector<std::string> argv, double timeoutSeconds)
    : argv_(std::move(argv)), timeout_(timeoutSeconds) {
  if (argv_.empty() || argv_[0].empty()) fail(ErrorKind::Usage, "the runner command is empty: give a program and its arguments");
  if (!(timeout_ > 0) || !std::isfinite(timeout_) || timeout_ > 1e6)
    fail(ErrorKind::Usage, "the runner timeout must lie above 0 and at most 1000000 seconds");
}

CommandRunner::~CommandRunner() = default;

std::string CommandRunner::describe() const {
  std::string s;
  for (const auto& a : argv_) {
    if (!s.empty()) s += ' ';
    s += a.find_first_of(" \t'\"\\") == std::string::npos ? a : text::quote(a);
  }
  return text::quote(s);
}

void CommandRunner::failRunner(const std::string& what) {
  std::string msg = "runner " + describe() + " " + what;
  const auto tail = std::string(text::trim(child_ ? child_->stderrTail() : ""));
  if (!tail.empty()) msg += "; its stderr ended with: " + clip(tail, 600);
  child_.reset();
  badInput(msg);
}

void CommandRunner::start() {
  try {
    child_ = std::make_unique<ChildProcess>(argv_);
  } catch (const Error& e) {
    if (e.kind() != ErrorKind::BadInput) throw;
    badInput("cannot start runner " + describe() + ": " + e.what());
  }
}

std::string CommandRunner::readLine(const RunnerRequest& req) {
  std::string line;
  switch (child_->readLine(line, timeout_, kMaxLine, cancelled_)) {
  case ChildProcess::Read::Line: return line;
  case ChildProcess::Read::TooLong: failRunner("wrote more than 16 MiB without a newline (expected one JSON line)");
  case ChildProcess::Read::Cancelled:
    child_->terminate();
    child_.reset();
    fail(ErrorKind::Cancelled, "cancelled: runner " + describe() + " was stopped before it answered (arch " + req.arch + ")");
  case ChildProcess::Read::TimedOut: {
    std::ostringstream t;
    t << timeout_;
    failRunner("did not answer within " + t.str() + " s (arch " + req.arch + ", batch " + std::to_string(req.batch) +
               ", " + std::to_string(req.warmup + req.repetitions) +
               " runs); it was stopped. Raise the timeout if the runner is just slow");
  }
  case ChildProcess::Read::Closed: break;
  }
  const auto rest = std::string(text::trim(line));
  failRunner(child_->exitDescription() + " before answering" + (rest.empty() ? "" : " (partial output: " + clip(rest) + ")"));
}

RunnerReply CommandRunner::request(const RunnerRequest& req) {
  if (!child_) start();
  const nlohmann::json j = {{"space", req.space},     {"arch", req.arch},   {"batch", req.batch},
                            {"threads", req.threads}, {"warmup", req.warmup}, {"repetitions", req.repetitions},
                            {"seed", req.seed}};
  if (!child_->write(j.dump() + "\n")) failRunner(child_->exitDescription() + " before answering (it stopped reading requests)");
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
