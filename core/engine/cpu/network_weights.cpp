#include "engine/cpu/network_weights.hpp"

#include "common/error.hpp"
#include "common/splitmix.hpp"
#include "common/text.hpp"

#include <cmath>
#include <bit>
#include <fstream>

namespace maple::engine::cpu {
namespace {

// A stream of uniform floats that depends only on (seed, name).
class Stream {
public:
  Stream(std::uint64_t seed, const std::string& name) {
    std::uint64_t h = 0xcbf29ce484222325ull; // FNV-1a
    for (unsigned char ch : name) h = (h ^ ch) * 0x100000001b3ull;
    state_ = seed ^ h;
    splitmix64(state_);
  }
  float uniform(float lo, float hi) {
    const float u = static_cast<float>(splitmix64(state_) >> 40) * (1.0f / 16777216.0f);
    return lo + (hi - lo) * u;
  }
  std::vector<float> uniform(std::size_t n, float lo, float hi) {
    std::vector<float> v(n);
    for (float& x : v) x = uniform(lo, hi);
    return v;
  }

private:
  std::uint64_t state_;
};

void putU32(std::ofstream& out, std::uint32_t v) {
  const unsigned char b[4] = {static_cast<unsigned char>(v), static_cast<unsigned char>(v >> 8),
                              static_cast<unsigned char>(v >> 16), static_cast<unsigned char>(v >> 24)};
  out.write(reinterpret_cast<const char*>(b), 4);
}

void putString(std::ofstream& out, const std::string& s) {
  putU32(out, static_cast<std::uint32_t>(s.size()));
  out.write(s.data(), static_cast<std::streamsize>(s.size()));
}

void addBn(std::vector<Tensor>& list, const std::string& name, const BatchNorm& bn) {
  const int c = static_cast<int>(bn.gamma.size());
  list.push_back({name + ".weight", {c}, bn.gamma});
  list.push_back({name + ".bias", {c}, bn.beta});
  list.push_back({name + ".running_mean", {c}, bn.mean});
  list.push_back({name + ".running_var", {c}, bn.var});
}

void addConvBn(std::vector<Tensor>& list, std::uint64_t seed, const std::string& name, int out, int in, int k) {
  list.push_back(convWeight(seed, name + ".conv", out, in, k));
  addBn(list, name + ".bn", batchNorm(seed, name + ".bn", out));
}

// magic, then each header string (u32 length + bytes), u32 batch, u32 tensor count, the tensors.
void writeTensors(const std::filesystem::path& file, const char* magic, const std::vector<std::string>& header,
                  int batch, const std::vector<Tensor>& tensors) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  if (!out)
    fail(ErrorKind::Io, "cannot write network weights to " + text::quote(file.string()) +
                            ": check that the folder exists and is writable");
  out.write(magic, 8);
  for (const auto& h : header) putString(out, h);
  putU32(out, static_cast<std::uint32_t>(batch));
  putU32(out, static_cast<std::uint32_t>(tensors.size()));
  for (const Tensor& t : tensors) {
    putString(out, t.name);
    putU32(out, static_cast<std::uint32_t>(t.shape.size()));
    for (int d : t.shape) putU32(out, static_cast<std::uint32_t>(d));
    static_assert(std::endian::native == std::endian::little, "the file format is little-endian");
    out.write(reinterpret_cast<const char*>(t.data.data()), static_cast<std::streamsize>(t.data.size() * 4));
  }
  out.close();
  if (!out) fail(ErrorKind::Io, "writing " + text::quote(file.string()) + " failed: check free disk space");
}

} // namespace

Tensor convWeight(std::uint64_t seed, const std::string& name, int out, int in, int kernel) {
  const float bound = std::sqrt(3.0f / static_cast<float>(in * kernel * kernel));
  Stream s(seed, name);
  return {name + ".weight", {out, in, kernel, kernel},
          s.uniform(static_cast<std::size_t>(out) * in * kernel * kernel, -bound, bound)};
}

BatchNorm batchNorm(std::uint64_t seed, const std::string& name, int channels) {
  Stream s(seed, name);
  BatchNorm bn;
  bn.gamma = s.uniform(channels, 0.5f, 1.5f);
  bn.beta = s.uniform(channels, -0.5f, 0.5f);
  bn.mean = s.uniform(channels, -0.5f, 0.5f);
  bn.var = s.uniform(channels, 0.5f, 2.0f);
  return bn;
}

Tensor linearWeight(std::uint64_t seed, const std::string& name, int out, int in) {
  const float bound = 1.0f / std::sqrt(static_cast<float>(in));
  Stream s(seed, name + ".weight");
  return {name + ".weight", {out, in}, s.uniform(static_cast<std::size_t>(out) * in, -bound, bound)};
}

Tensor linearBias(std::uint64_t seed, const std::string& name, int out) {
  Stream s(seed, name + ".bias");
  return {name + ".bias", {out}, s.uniform(static_cast<std::size_t>(out), -0.1f, 0.1f)};
}

Tensor linearWeight(std::uint64_t seed) { return linearWeight(seed, "classifier", kClasses, 64); }

Tensor linearBias(std::uint64_t seed) { return linearBias(seed, "classifier", kClasses); }

Tensor networkInput(std::uint64_t seed, int batch) {
  Tensor t{"input", {batch, 3, 32, 32}, {}};
  t.data.reserve(static_cast<std::size_t>(batch) * 3 * 32 * 32);
  for (int b = 0; b < batch; ++b) {
    auto image = Stream(seed, "input." + std::to_string(b)).uniform(3 * 32 * 32, -1.0f, 1.0f);
    t.data.insert(t.data.end(), image.begin(), image.end());
  }
  return t;
}

std::string edgeName(int cellIndex, int edge) {
  return "cells." + std::to_string(cellIndex) + ".edge" + std::to_string(edge);
}

std::vector<Tensor> networkTensors(const nb201::Cell& cell, const RunConfig& config) {
  const std::uint64_t seed = config.seed;
  std::vector<Tensor> list;
  addConvBn(list, seed, "stem", 16, 3, 3);
  for (int stage = 0; stage < 3; ++stage) {
    const int c = kStageChannels[stage];
    if (stage > 0) {
      const std::string res = "cells." + std::to_string(cellIndex(stage, 0) - 1);
      addConvBn(list, seed, res + ".conv_a", c, c / 2, 3);
      addConvBn(list, seed, res + ".conv_b", c, c, 3);
      list.push_back(convWeight(seed, res + ".downsample.conv", c, c / 2, 1));
    }
    for (int i = 0; i < kCellsPerStage; ++i)
      for (int e = 0; e < nb201::kEdges; ++e) {
        const nb201::Op op = cell.ops[e];
        if (op == nb201::Op::Conv1x1 || op == nb201::Op::Conv3x3)
          addConvBn(list, seed, edgeName(cellIndex(stage, i), e), c, c, op == nb201::Op::Conv3x3 ? 3 : 1);
      }
  }
  addBn(list, "lastact.bn", batchNorm(seed, "lastact.bn", 64));
  list.push_back(linearWeight(seed));
  list.push_back(linearBias(seed));
  list.push_back(networkInput(seed, config.batch));
  return list;
}

void exportNetwork(const nb201::Cell& cell, const RunConfig& config, const std::filesystem::path& file) {
  writeTensors(file, "MAPLENB1", {nb201::toString(cell)}, config.batch, networkTensors(cell, config));
}

std::vector<Tensor> graphTensors(const searchspace::LayerGraph& graph, const RunConfig& config) {
  using searchspace::LayerKind;
  const std::uint64_t seed = config.seed;
  std::vector<Tensor> list;
  for (const auto& l : graph.layers) {
    const auto& in = graph.layers[static_cast<std::size_t>(l.inputs.empty() ? 0 : l.inputs[0])].out;
    if (l.kind == LayerKind::Conv) {
      Tensor w = convWeight(seed, l.name, l.out.channels, in.channels / l.groups, l.kernel);
      list.push_back(std::move(w));
    } else if (l.kind == LayerKind::BatchNorm) {
      addBn(list, l.name, batchNorm(seed, l.name, l.out.channels));
    } else if (l.kind == LayerKind::Linear) {
      list.push_back(linearWeight(seed, l.name, l.out.channels, in.channels));
      list.push_back(linearBias(seed, l.name, l.out.channels));
    }
  }
  list.push_back(networkInput(seed, config.batch));
  return list;
}

void exportGraph(const std::string& space, const std::string& arch, const searchspace::LayerGraph& graph,
                 const RunConfig& config, const std::filesystem::path& file) {
  writeTensors(file, "MAPLENN2", {space, arch}, config.batch, graphTensors(graph, config));
}

} // namespace maple::engine::cpu
