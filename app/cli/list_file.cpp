#include "cli/list_file.hpp"

#include "common/error.hpp"
#include "common/text.hpp"

#include <fstream>

namespace maple::cli {

std::vector<ListLine> readListFile(const std::string& path, const std::string& option) {
  std::ifstream in(path);
  if (!in) fail(ErrorKind::Io, "cannot read " + option + " " + text::quote(path) + ": check the path and permissions");
  std::vector<ListLine> out;
  std::string line;
  for (long n = 1; std::getline(in, line); ++n) {
    const auto t = text::trim(line);
    if (!t.empty() && t.front() != '#') out.push_back({n, std::string(t)});
  }
  return out;
}

} // namespace maple::cli
