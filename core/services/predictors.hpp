#pragma once
// Predictors kept in a project: list, store, load, export as a .maplepred that predicts on its own.
#include "predict/predictor.hpp"
#include "predictfile/predictor_file.hpp"
#include "store/predictors.hpp"
#include "store/project.hpp"

#include <string>
#include <vector>

namespace maple::services {

struct PredictorListing {
  std::int64_t id = 0;
  std::string name, method, descriptorKind, targetDevice, createdAt; // targetDevice empty: pool-trained
  std::string space; // the search space it predicts (its file header's search_space)
  std::vector<std::string> trainingDevices;
  bool imported = false;
};
std::vector<PredictorListing> listPredictors(store::Project& project);

// Train a predictor on a pool of the project's devices (`maple train`): its file, and its row when
// `storeAs` names it (one transaction; Usage, before training, when the name is taken).
struct TrainRequest {
  std::string space;                               // empty: the project's only one (resolveSpace)
  std::vector<std::string> devices;
  std::string method;                              // empty: predict::defaultMethod()
  std::string descriptorKind = "reference-latency";
  std::uint64_t seed = 1;
  int threads = 0;
  std::string storeAs;                             // empty: not stored
  std::string provenance;                          // what asked for it; into the file
};
struct TrainedPredictor {
  std::string method;
  predictfile::PredictorFile file;
  std::int64_t predictorId = 0;                    // 0 when not stored
};
TrainedPredictor trainPredictor(store::Project& project, const TrainRequest& request, const predict::ProgressFn& progress = {});

// Usage when the name is taken. Returns the row id.
std::int64_t storePredictor(store::Project& project, const std::string& name, const predictfile::PredictorFile& file);
// A name not yet used: `base`, else base-2, base-3, ...
std::string uniquePredictorName(store::Project& project, const std::string& base);
// Writes the stored predictor's file; refuses an existing `path` unless `overwrite` (store/'s rule).
void exportPredictor(store::Project& project, const std::string& name, const std::string& path, bool overwrite = false);

} // namespace maple::services
