// Writes the fuzzer's seed corpus: real predictor files, each method trained on a small synthetic
// pool, pool-trained and adapted (so mutations start from every method's real structure and
// reach restore, adapt and predict), each method adapted on an FBNet pool too (architecture lists
// of long strings), the checked-in format-1 file, plus the format tests' sample and a wrong
// search space.
#include "predictfile/from_predictor.hpp"
#include "predictor_file_sample.hpp"

#include <cmath>
#include <filesystem>
#include <iostream>

using namespace maple;

namespace {

predict::TrainingPool syntheticPool() {
  predict::TrainingPool pool;
  pool.descriptorKind = "specs";
  const double speeds[] = {1.0, 2.0, 4.0, 8.0}, mems[] = {1.0, 0.5, 2.0, 1.5};
  // Every 61st cell: about 256 architectures keep each file near 20 KB.
  for (int c = 0; c < nb201::kSpaceSize; c += 61) pool.architectures.push_back(searchspace::nb201Architecture(nb201::cellFromCode(c)));
  for (int d = 0; d < 4; ++d) {
    pool.devices.push_back("synthetic" + std::to_string(d));
    pool.descriptors.push_back({"specs", 1, {"ln_speed", "ln_mem"}, {std::log(speeds[d]), std::log(mems[d])}, "synthetic", 0});
    std::vector<double> ms;
    for (const auto& g : pool.architectures.genotypes) {
      const auto cell = searchspace::cellOf(g);
      double v = 0.2 * mems[d];
      for (auto op : cell.ops) v += (op == nb201::Op::Conv3x3 ? 1.0 : op == nb201::Op::Conv1x1 ? 0.3 : 0.05) / speeds[d];
      ms.push_back(v);
    }
    pool.latencyMs.push_back(ms);
  }
  return pool;
}

// 130 FBNet architectures (opcost needs 128) on the same devices, a cost per chosen block.
predict::TrainingPool fbnetPool(const predict::TrainingPool& nb201) {
  const auto& fbnet = searchspace::fbnetSpace();
  predict::TrainingPool pool = nb201;
  pool.architectures = {&fbnet, fbnet.sample(130, 3)};
  for (size_t d = 0; d < pool.devices.size(); ++d) {
    pool.latencyMs[d].clear();
    for (const auto& g : pool.architectures.genotypes) {
      double v = 0.2;
      for (auto block : g.choices) v += 0.01 * (1.0 + block) / static_cast<double>(d + 1);
      pool.latencyMs[d].push_back(v);
    }
  }
  return pool;
}

} // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: write_seeds DIR\n";
    return 1;
  }
  namespace pf = predictfile;
  std::filesystem::create_directories(argv[1]);
  const std::string dir = argv[1];
  auto f = testing::samplePredictorFile();
  pf::writePredictorFile(dir + "/seed-sample.maplepred", f);
  auto space = f;
  space.state.meta["search_space"] = "fbnet";
  space.state.architectures.clear(); // the sample's pool is of nb201
  pf::writePredictorFile(dir + "/seed-space.maplepred", space);

  const auto pool = syntheticPool();
  predict::Target target{"unseen", {"specs", 1, {"ln_speed", "ln_mem"}, {std::log(3.0), std::log(1.2)}, "seed", 0},
                         {{pool.architectures.genotypes[3], 2.0}, {pool.architectures.genotypes[9], 1.0}, {pool.architectures.genotypes[27], 3.5}}, "random"};
  for (const auto& method : predict::methodNames()) {
    const auto trained = predict::train(method, pool, {1, 1});
    pf::writePredictorFile(dir + "/seed-" + method + "-pool.maplepred", pf::fileFromPredictor(*trained, {}));
    const auto adapted = trained->adapt(target);
    pf::writePredictorFile(dir + "/seed-" + method + "-adapted.maplepred", pf::fileFromPredictor(*adapted, {}));
  }
  const auto fbnet = fbnetPool(pool);
  predict::Target fbnetTarget = target;
  for (size_t i = 0; i < fbnetTarget.shots.size(); ++i) fbnetTarget.shots[i].genotype = fbnet.architectures.genotypes[i * 9];
  for (const auto& method : predict::methodNames()) {
    const auto adapted = predict::train(method, fbnet, {1, 1})->adapt(fbnetTarget);
    pf::writePredictorFile(dir + "/seed-fbnet-" + method + "-adapted.maplepred", pf::fileFromPredictor(*adapted, {}));
  }
  pf::writeFileBytes(dir + "/seed-format1.maplepred", pf::readFileBytes(MAPLE_FORMAT1_FIXTURE));
  return 0;
}
