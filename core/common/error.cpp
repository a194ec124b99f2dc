#include "common/error.hpp"

namespace maple {

void fail(ErrorKind kind, const std::string& message) { throw Error(kind, message); }

void badLine(const std::string& file, long line, const std::string& reason) {
  fail(ErrorKind::BadInput, file + ":" + std::to_string(line) + ": " + reason);
}

} // namespace maple
