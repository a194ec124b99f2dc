#include "cli/list_file.hpp"

#include "common/error.hpp"
#include "common/file_read.hpp"
#include "common/text.hpp"

namespace maple::cli {

namespace {
constexpr std::size_t kMaxListBytes = 64u << 20; // every NAS-Bench-201 string, one per line, is 2 MB
}

std::vector<ListLine> readListFile(const std::string& path, const std::string& option) {
  const auto data = readRegularFile(path, kMaxListBytes, option + " file");
  std::vector<ListLine> out;
  long n = 0;
  for (auto line : text::split(data, '\n')) {
    ++n;
    const auto t = text::trim(line);
    if (!t.empty() && t.front() != '#') out.push_back({n, std::string(t)});
  }
  return out;
}

} // namespace maple::cli
