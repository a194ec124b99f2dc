// Writes the fuzzer's seed corpus: well-formed predictor files (the sample, one without arrays,
// one with a wrong search space) so that mutations start from valid structure.
#include "predictfile/predictor_file.hpp"
#include "predictor_file_sample.hpp"

#include <filesystem>
#include <iostream>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: write_seeds DIR\n";
    return 1;
  }
  namespace pf = maple::predictfile;
  std::filesystem::create_directories(argv[1]);
  const std::string dir = argv[1];
  auto f = maple::testing::samplePredictorFile();
  pf::writePredictorFile(dir + "/seed-sample.maplepred", f);
  auto bare = f;
  bare.state.arrays.clear();
  bare.created = {};
  bare.evaluation = nlohmann::json::object();
  pf::writePredictorFile(dir + "/seed-bare.maplepred", bare);
  auto space = f;
  space.state.meta["search_space"] = "fbnet";
  pf::writePredictorFile(dir + "/seed-space.maplepred", space);
  return 0;
}
