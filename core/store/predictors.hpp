#pragma once
// Trained predictors kept in a project. A row holds the predictor's complete .maplepred encoding
// (payload), so exporting it gives back the very file that was imported, with its checksum and its
// provenance (who trained it, where, from which project); meta_json holds the file's header plus,
// for an imported one, where and when it was imported.
#include "predictfile/predictor_file.hpp"
#include "store/project.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace maple::store {

struct StoredPredictor {
  std::int64_t id = 0;
  std::string name, method, descriptorKind, createdAt;
  nlohmann::json header;   // the file's header (see predictfile::headerJson)
  nlohmann::json imported; // null, or {from, host, time} of the import
};

std::vector<StoredPredictor> listPredictors(Project& project);

// Usage error when the name is taken. Returns the row id.
std::int64_t savePredictor(Project& project, const std::string& name, const predictfile::PredictorFile& file);
// Validates the file completely, then stores its bytes unchanged. An empty name takes the file's
// stem. Returns the row id.
std::int64_t importPredictorFile(Project& project, const std::string& path, std::string name = {});
// BadInput naming the stored predictors when there is none of that name.
predictfile::PredictorFile loadPredictor(Project& project, const std::string& name);
void exportPredictorFile(Project& project, const std::string& name, const std::string& path);

} // namespace maple::store
