// libFuzzer target for the whole path a predictor file takes in `maple predict`, the C API and
// `predictors --import`: decode, restore the model, adapt a pool-trained one to a made-up device,
// predict. Each input is tried as given and with its last four bytes replaced by the matching
// CRC-32, so that mutations reach the header, the shapes and the methods behind the checksum.
// Only maple::Error may come out; anything else (a crash, another exception) is a finding.
#include "common/error.hpp"
#include "predict/predictor.hpp"
#include "predictfile/checksum.hpp"
#include "predictfile/predictor_file.hpp"

#include <cstdint>
#include <vector>

namespace {

using namespace maple;

void loadRestorePredict(std::span<const std::uint8_t> bytes) {
  const auto file = predictfile::decode(bytes, "fuzz");
  auto p = predict::restore(file.state);
  // Three architectures of the predictor's own space: its first references.
  const auto& space = searchspace::space(p->searchSpace());
  const auto refs = space.referenceArchitectures();
  const searchspace::ArchitectureSet cells{&space, {space.parse(refs[0]), space.parse(refs[1]), space.parse(refs[2])}};
  if (p->targetDevice().empty()) {
    predict::Target t;
    t.device = "fuzz";
    t.descriptor.kind = p->descriptorKind();
    for (const auto& n : file.state.meta.value("descriptor_names", std::vector<std::string>{})) {
      t.descriptor.names.push_back(n);
      t.descriptor.values.push_back(0.5);
    }
    t.shots = {{cells.genotypes[0], 1.5}, {cells.genotypes[1], 3.0}, {cells.genotypes[2], 6.0}};
    p = p->adapt(t);
  }
  std::vector<double> spread;
  p->predictMs(cells, &spread);
}

void attempt(std::span<const std::uint8_t> bytes) {
  try {
    loadRestorePredict(bytes);
  } catch (const Error&) {
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  attempt({data, size});
  if (size >= 4) {
    std::vector<std::uint8_t> b(data, data + size);
    const auto crc = predictfile::crc32(b.data(), b.size() - 4);
    for (int i = 0; i < 4; ++i) b[b.size() - 4 + i] = static_cast<std::uint8_t>(crc >> (8 * i));
    attempt(b);
  }
  return 0;
}
