#pragma once
// Errors the core reports to its faces. The kind decides the CLI exit code (see README).
#include <stdexcept>
#include <string>

namespace maple {

enum class ErrorKind {
  Usage,     // the caller asked for something that cannot be done as asked (exit 1)
  BadInput,  // a file, string or value is malformed, foreign or refused (exit 2)
  Io,        // the operating system refused (permissions, missing file, disk full) (exit 2)
  Cancelled, // the user stopped long work; completed parts are kept
};

class Error : public std::runtime_error {
public:
  Error(ErrorKind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
  ErrorKind kind() const noexcept { return kind_; }

private:
  ErrorKind kind_;
};

[[noreturn]] void fail(ErrorKind kind, const std::string& message);
[[noreturn]] inline void badInput(const std::string& message) { fail(ErrorKind::BadInput, message); }

// "file:line: reason", the form every line-oriented reader reports.
[[noreturn]] void badLine(const std::string& file, long line, const std::string& reason);

} // namespace maple
