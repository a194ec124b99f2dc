#include "store/predictors.hpp"

#include "common/error.hpp"
#include "common/json_parse.hpp"
#include "common/text.hpp"

#include <filesystem>

namespace maple::store {
namespace {

std::int64_t insertRow(Project& project, const std::string& name, const predictfile::PredictorFile& file,
                       const std::vector<std::uint8_t>& bytes, const nlohmann::json& imported) {
  if (name.empty()) fail(ErrorKind::Usage, "a stored predictor needs a name");
  Transaction tx(project.db());
  auto taken = project.db().prepare("SELECT 1 FROM predictors WHERE name = ?");
  taken.bind(1, name);
  if (taken.step())
    fail(ErrorKind::Usage, project.path() + ": a predictor named " + text::quote(name) +
                               " exists already; choose another name");
  const auto summary = predictfile::summarise(file);
  const nlohmann::json meta{{"header", predictfile::headerJson(file)}, {"imported", imported}};
  auto st = project.db().prepare("INSERT INTO predictors (name, method, descriptor_kind, meta_json, payload, created_at) "
                                 "VALUES (?, ?, ?, ?, ?, ?)");
  st.bind(1, name).bind(2, summary.method).bind(3, summary.descriptorKind).bind(4, meta.dump()).bindBlob(5, bytes);
  st.bind(6, text::nowIso8601());
  st.run();
  const auto id = project.db().lastInsertId();
  tx.commit();
  return id;
}

std::vector<std::uint8_t> payload(Project& project, const std::string& name) {
  auto st = project.db().prepare("SELECT payload FROM predictors WHERE name = ?");
  st.bind(1, name);
  if (st.step()) return st.blob(0);
  std::string known;
  for (const auto& p : listPredictors(project)) known += (known.empty() ? "" : ", ") + p.name;
  badInput(project.path() + ": no predictor named " + text::quote(name) +
           (known.empty() ? std::string("; the project has none: train one, or import a predictor file")
                          : "; stored: " + known));
}

} // namespace

std::vector<StoredPredictor> listPredictors(Project& project) {
  std::vector<StoredPredictor> out;
  auto st = project.db().prepare(
      "SELECT id, name, method, descriptor_kind, meta_json, created_at FROM predictors ORDER BY id");
  while (st.step()) {
    StoredPredictor p;
    p.id = st.int64(0);
    p.name = st.text(1);
    p.method = st.text(2);
    p.descriptorKind = st.text(3);
    p.createdAt = st.text(5);
    const auto meta = parseJson(st.text(4), project.path() + ": predictor " + text::quote(p.name) + " metadata");
    if (!meta.is_object()) badInput(project.path() + ": predictor " + text::quote(p.name) + " has malformed metadata");
    p.header = meta.value("header", nlohmann::json::object());
    p.imported = meta.value("imported", nlohmann::json());
    out.push_back(std::move(p));
  }
  return out;
}

std::int64_t savePredictor(Project& project, const std::string& name, const predictfile::PredictorFile& file) {
  return insertRow(project, name, file, predictfile::encode(file), nullptr);
}

std::int64_t importPredictorFile(Project& project, const std::string& path, std::string name) {
  const auto bytes = predictfile::readFileBytes(path);
  const auto file = predictfile::decode(bytes, path);
  if (name.empty()) name = std::filesystem::path(path).stem().string();
  const auto here = predictfile::creationHere();
  const nlohmann::json imported{
      {"from", std::filesystem::absolute(path).string()}, {"host", here.host}, {"time", here.time}};
  return insertRow(project, name, file, bytes, imported);
}

predictfile::PredictorFile loadPredictor(Project& project, const std::string& name) {
  return predictfile::decode(payload(project, name), project.path() + ": predictor " + text::quote(name));
}

void exportPredictorFile(Project& project, const std::string& name, const std::string& path) {
  const auto bytes = payload(project, name);
  predictfile::decode(bytes, project.path() + ": predictor " + text::quote(name)); // never export a damaged row
  predictfile::writeFileBytes(path, bytes);
}

} // namespace maple::store
