#pragma once
// Bounded JSON parsing for every JSON the product reads (predictor file headers, runner replies,
// descriptor files, JSON stored in a project). nlohmann-json copies, compares and destroys values
// recursively, so a hostile document nested 100,000 levels deep overflows the stack after it has
// parsed: the depth is checked on the text, before anything is built.
#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace maple {

struct JsonLimits {
  std::size_t maxBytes = 16u << 20; // the predictor header's own limit; runner lines are far smaller
  int maxDepth = 64;                // our deepest document (a predictor header) nests about 6
};

// Parses `text` as one JSON value. BadInput naming `what` (a file, "runner reply", ...), the byte
// offset and the limit when the text is too large, nests deeper than the limit, or is not JSON.
nlohmann::json parseJson(std::string_view text, const std::string& what, const JsonLimits& limits = {});

// Byte offset of the first bracket that opens level `maxDepth + 1` (outside strings), or npos.
std::size_t jsonTooDeepAt(std::string_view text, int maxDepth);

} // namespace maple
