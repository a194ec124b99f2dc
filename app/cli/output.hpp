#pragma once
// Shared output helpers: JSON to stdout, aligned text tables, progress lines to stderr.
#include "store/project.hpp"

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

// Per search space, {"nb201": {"architectures": N, "latency_samples": M}, ...}, and as text
// "nb201 15625, fbnet 5000" (architectures; "-" when none): a project's or a device's counts.
nlohmann::json spacesJson(const std::vector<store::SpaceCounts>& spaces);
std::string spacesText(const std::vector<store::SpaceCounts>& spaces);

// "\r<message>" on a terminal, one line per call otherwise.
void progressLine(const std::string& message, bool final = false);

} // namespace maple::cli
