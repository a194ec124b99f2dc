#include "dataset/table_file.hpp"

#include "common/error.hpp"
#include "common/text.hpp"

#include <fstream>
#include <sstream>

namespace maple::dataset {

std::string readWhole(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) fail(ErrorKind::Io, path + ": cannot be read (does it exist, and may you read it?)");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string_view> lines(const std::string& data) {
  auto out = text::split(data, '\n');
  if (!out.empty() && text::trim(out.back()).empty()) out.pop_back();
  return out;
}

} // namespace maple::dataset
