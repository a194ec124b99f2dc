#include "cli/output.hpp"
#include "cli/conventions.hpp"

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <sstream>
#include <unistd.h>

namespace maple::cli {

void printJson(const nlohmann::json& j) { std::cout << j.dump(2) << "\n"; }

nlohmann::json spacesJson(const std::vector<store::SpaceCounts>& spaces) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& c : spaces) out[c.space] = {{"architectures", c.architectures}, {"latency_samples", c.latencySamples}};
  return out;
}

std::string spacesText(const std::vector<store::SpaceCounts>& spaces) {
  std::string out;
  for (const auto& c : spaces) out += (out.empty() ? "" : ", ") + c.space + " " + std::to_string(c.architectures);
  return out.empty() ? "-" : out;
}

void printTable(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows) {
  std::vector<size_t> width(header.size());
  for (size_t c = 0; c < header.size(); ++c) width[c] = header[c].size();
  for (const auto& r : rows)
    for (size_t c = 0; c < r.size() && c < width.size(); ++c) width[c] = std::max(width[c], r[c].size());
  auto line = [&](const std::vector<std::string>& cells) {
    std::string s;
    for (size_t c = 0; c < cells.size(); ++c) {
      s += cells[c];
      if (c + 1 < cells.size()) s += std::string(width[c] - cells[c].size() + 2, ' ');
    }
    std::cout << s << "\n";
  };
  line(header);
  for (const auto& r : rows) line(r);
}

std::string fmt(double v, int precision) {
  std::ostringstream ss;
  ss.precision(precision);
  ss << v;
  return ss.str();
}
std::string fmt(const std::optional<double>& v, int precision) { return v ? fmt(*v, precision) : "-"; }
std::string fmt(const std::optional<int>& v) { return v ? std::to_string(*v) : "-"; }

void progressLine(const std::string& message, bool final) {
  if (quiet()) return;
  static const bool tty = isatty(STDERR_FILENO);
  if (tty) std::cerr << "\r\033[K" << message << (final ? "\n" : "") << std::flush;
  else std::cerr << message << "\n";
}

} // namespace maple::cli
