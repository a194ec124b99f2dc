#include "services/predictors.hpp"

#include "common/error.hpp"
#include "common/text.hpp"
#include "evaluation/project_pool.hpp"
#include "predictfile/from_predictor.hpp"
#include "services/spaces.hpp"
#include "store/latencies.hpp"

#include <algorithm>
#include <filesystem>

namespace maple::services {

std::vector<PredictorListing> listPredictors(store::Project& project) {
  std::vector<PredictorListing> out;
  for (const auto& p : store::listPredictors(project)) {
    PredictorListing l;
    l.id = p.id;
    l.name = p.name;
    l.method = p.method;
    l.descriptorKind = p.descriptorKind;
    l.createdAt = p.createdAt;
    if (auto sp = p.header.find("search_space"); sp != p.header.end() && sp->is_string()) l.space = sp->get<std::string>();
    if (auto t = p.header.find("target_device"); t != p.header.end() && t->is_string()) l.targetDevice = t->get<std::string>();
    if (auto it = p.header.find("training_devices"); it != p.header.end() && it->is_array())
      for (const auto& d : *it)
        if (d.is_string()) l.trainingDevices.push_back(d.get<std::string>());
    l.imported = !p.imported.is_null();
    out.push_back(std::move(l));
  }
  return out;
}

TrainedPredictor trainPredictor(store::Project& project, const TrainRequest& r, const predict::ProgressFn& progress) {
  TrainedPredictor out;
  out.method = r.method.empty() ? predict::defaultMethod() : r.method;
  if (!r.storeAs.empty() && uniquePredictorName(project, r.storeAs) != r.storeAs)
    fail(ErrorKind::Usage, "the project already has a predictor named " + text::quote(r.storeAs) + ": choose another name");
  const auto& space = resolveSpace(project, r.space);
  const auto pool = evaluation::loadTrainingPool(project, space, r.devices, r.descriptorKind);
  const auto predictor = predict::train(out.method, pool, {r.seed, r.threads}, progress);
  predictfile::Creation created;
  created.project = project.path();
  created.provenance = r.provenance;
  out.file = predictfile::fileFromPredictor(*predictor, created);
  if (&space == &searchspace::nb201Space()) out.file.indexTable = store::indexTable(project);
  if (!r.storeAs.empty()) out.predictorId = store::savePredictor(project, r.storeAs, out.file);
  return out;
}

std::int64_t storePredictor(store::Project& project, const std::string& name, const predictfile::PredictorFile& file) {
  return store::savePredictor(project, name, file);
}

std::string uniquePredictorName(store::Project& project, const std::string& base) {
  const auto stored = store::listPredictors(project);
  auto taken = [&](const std::string& n) {
    return std::any_of(stored.begin(), stored.end(), [&](const store::StoredPredictor& p) { return p.name == n; });
  };
  std::string name = base;
  for (int i = 2; taken(name); ++i) name = base + "-" + std::to_string(i);
  return name;
}

void exportPredictor(store::Project& project, const std::string& name, const std::string& path, bool overwrite) {
  std::error_code ec;
  if (!overwrite && std::filesystem::exists(path, ec))
    fail(ErrorKind::Usage, "refusing to overwrite " + text::quote(path) + ": choose another file or allow replacing it");
  store::exportPredictorFile(project, name, path);
}

} // namespace maple::services
