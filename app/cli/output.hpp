#pragma once
// Shared output helpers: JSON to stdout, aligned text tables, progress lines to stderr.
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace maple::cli {

void printJson(const nlohmann::json& j);

// Columns sized to their widest cell; numbers are expected pre-formatted.
void printTable(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows);

std::string fmt(double v, int precision = 3);
std::string fmt(const std::optional<double>& v, int precision = 3);
std::string fmt(const std::optional<int>& v);

// "\r<message>" on a terminal, one line per call otherwise.
void progressLine(const std::string& message, bool final = false);

} // namespace maple::cli
