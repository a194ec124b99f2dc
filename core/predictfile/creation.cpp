#include "common/error.hpp"
#include "common/text.hpp"
#include "common/version.hpp"
#include "predictfile/predictor_file.hpp"

#include <unistd.h>

namespace maple::predictfile {

Creation creationHere() {
  Creation c;
  c.tool = std::string("maple ") + kVersion;
  char host[256] = {};
  if (gethostname(host, sizeof host - 1) == 0) c.host = host;
  c.time = text::nowIso8601();
  return c;
}

nlohmann::json toJson(const Creation& c) {
  return {{"tool", c.tool},       {"host", c.host},           {"time", c.time},
          {"project", c.project}, {"provenance", c.provenance}, {"parent", c.parent}};
}

Creation creationFromJson(const nlohmann::json& j) {
  if (!j.is_object()) badInput("'created' is not a JSON object");
  auto str = [&](const char* key) -> std::string {
    if (!j.contains(key)) return {};
    if (!j[key].is_string()) badInput(std::string("'created.") + key + "' is not a string");
    return j[key].get<std::string>();
  };
  Creation c;
  c.tool = str("tool");
  c.host = str("host");
  c.time = str("time");
  c.project = str("project");
  c.provenance = str("provenance");
  if (j.contains("parent") && !j["parent"].is_null()) {
    if (!j["parent"].is_object()) badInput("'created.parent' is not a JSON object");
    c.parent = j["parent"];
  }
  return c;
}

} // namespace maple::predictfile
