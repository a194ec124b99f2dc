// Writes what the C API, ctypes and Python tests check against, through the C++ API: a predictor
// trained on a synthetic pool (pool.maplepred), a descriptor for an unseen device (descriptor.json)
// and the C++ API's predictions for that device (expected.txt: "code ms" per line); the same for
// FBNet (fbnet-pool.maplepred, same devices and descriptor; fbnet-expected.txt: "string ms").
#include "predictfile/from_predictor.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

using namespace maple;

namespace {

// A device's latency: a per-op cost scaled by its speed, plus a memory-bound term.
double syntheticMs(const nb201::Cell& c, double speed, double mem) {
  double ms = 0.2 * mem;
  for (auto op : c.ops) ms += (op == nb201::Op::Conv3x3 ? 1.0 : op == nb201::Op::Conv1x1 ? 0.3 : 0.05) / speed;
  return ms;
}

// FBNet: a cost per layer that grows with the block's index (its kernel and expansion).
double syntheticFbnetMs(const searchspace::Genotype& g, double speed, double mem) {
  double ms = 0.2 * mem;
  for (auto block : g.choices) ms += 0.02 * (1.0 + block) / speed;
  return ms;
}

const double kSpeeds[] = {1.0, 2.0, 4.0, 8.0}, kMems[] = {1.0, 0.5, 2.0, 1.5};

descriptor::Descriptor specs(double speed, double mem, const char* provenance) {
  return {"specs", 1, {"ln_speed", "ln_mem"}, {std::log(speed), std::log(mem)}, provenance, 0};
}

// 200 seeded FBNet architectures on the four devices; 20 others predicted for the unseen one.
void writeFbnet(const std::string& dir, const predict::Target& target, const predictfile::Creation& created) {
  const auto& fbnet = searchspace::fbnetSpace();
  const auto all = fbnet.sample(220, 5);
  predict::TrainingPool pool;
  pool.descriptorKind = "specs";
  pool.architectures = {&fbnet, {all.begin(), all.begin() + 200}};
  for (int d = 0; d < 4; ++d) {
    pool.devices.push_back("synthetic" + std::to_string(d));
    pool.descriptors.push_back(specs(kSpeeds[d], kMems[d], "synthetic"));
    std::vector<double> ms;
    for (const auto& g : pool.architectures.genotypes) ms.push_back(syntheticFbnetMs(g, kSpeeds[d], kMems[d]));
    pool.latencyMs.push_back(ms);
  }
  const auto trained = predict::train(predict::defaultMethod(), pool, {});
  predictfile::writePredictorFile(dir + "/fbnet-pool.maplepred", predictfile::fileFromPredictor(*trained, created));
  const searchspace::ArchitectureSet unseen{&fbnet, {all.begin() + 200, all.end()}};
  const auto ms = trained->adapt(target)->predictMs(unseen);
  std::ofstream out(dir + "/fbnet-expected.txt");
  out.precision(17);
  for (size_t i = 0; i < unseen.size(); ++i) out << unseen.canonical(i) << " " << ms[i] << "\n";
}

} // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: make_capi_fixture DIR\n";
    return 1;
  }
  const std::string dir = argv[1];
  std::filesystem::create_directories(dir);
  predict::TrainingPool pool;
  pool.descriptorKind = "specs";
  for (int c = 0; c < nb201::kSpaceSize; c += 7) pool.architectures.push_back(searchspace::nb201Architecture(nb201::cellFromCode(c)));
  for (int d = 0; d < 4; ++d) {
    pool.devices.push_back("synthetic" + std::to_string(d));
    pool.descriptors.push_back(specs(kSpeeds[d], kMems[d], "synthetic"));
    std::vector<double> ms;
    for (const auto& g : pool.architectures.genotypes) ms.push_back(syntheticMs(searchspace::cellOf(g), kSpeeds[d], kMems[d]));
    pool.latencyMs.push_back(ms);
  }
  auto trained = predict::train(predict::defaultMethod(), pool, {});
  predictfile::Creation created;
  created.provenance = "make_capi_fixture: synthetic pool of 4 devices";
  predictfile::writePredictorFile(dir + "/pool.maplepred", predictfile::fileFromPredictor(*trained, created));
  // The same pool with an index table (index i -> cell code (7i + 3) mod 15625), as a file made in
  // a project holding the whole table carries.
  auto indexed = predictfile::fileFromPredictor(*trained, created);
  for (int i = 0; i < nb201::kSpaceSize; ++i) indexed.indexTable.push_back((7 * i + 3) % nb201::kSpaceSize);
  predictfile::writePredictorFile(dir + "/indexed.maplepred", indexed);

  predict::Target target{"unseen", specs(3.0, 1.2, "fixture"), {}, {}};
  nlohmann::json descriptorFile{{"maple_descriptor", 1}, {"device", "unseen"}, {"kind", "specs"}, {"version", 1},
                                {"names", target.descriptor.names}, {"values", target.descriptor.values}};
  std::ofstream(dir + "/descriptor.json") << descriptorFile.dump(2) << "\n";
  const auto bound = trained->adapt(target);
  std::vector<nb201::Cell> cells;
  for (int c = 0; c < nb201::kSpaceSize; c += 125) cells.push_back(nb201::cellFromCode(c));
  const auto ms = bound->predictMs(searchspace::nb201Set(cells));
  std::FILE* out = std::fopen((dir + "/expected.txt").c_str(), "w");
  if (!out) return 1;
  for (size_t i = 0; i < cells.size(); ++i) std::fprintf(out, "%d %.17g\n", nb201::cellCode(cells[i]), ms[i]);
  std::fclose(out);
  writeFbnet(dir, target, created);
  return 0;
}
