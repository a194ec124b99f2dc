// The NAS-Bench-201 network on cuDNN + cuBLAS. Prepare builds a list of steps (each one library
// call on the network's stream) with BN folded into conv weights and biases; run() replays them
// between two CUDA events.
//
// Pruning keeps the unpruned network's outputs: an edge whose target never reaches the cell output
// is skipped; a node that receives nothing is zero, so a skip or pooling of it adds nothing and a
// ReLU-conv-BN of it adds just the folded BN bias (conv of zeros is zero, padding included).
#include "common/setting.hpp"
#include "common/text.hpp"
#include "engine/cpu/network_weights.hpp"
#include "engine/cuda/cuda_check.hpp"
#include "engine/cuda/cuda_plugin.hpp"

#include <cmath>
#include <functional>

namespace maple::engine {

namespace {

using cuda::check;
namespace w = cpu; // the CPU engine owns the weights: both engines run the very same numbers

constexpr size_t kMaxWorkspace = size_t(256) << 20;

struct Shape {
  int n, c, h, w;
  size_t count() const { return size_t(n) * c * h * w; }
};

struct Buffer {
  float* p = nullptr;
  Shape shape{};
};

// Folded ReLU-conv-BN (or plain conv when bn is null): w' = w * s, b' = beta - mean * s,
// s = gamma / sqrt(var + eps).
void fold(std::vector<float>& weight, std::vector<float>& bias, const w::BatchNorm* bn, int out) {
  bias.assign(out, 0.0f);
  if (!bn) return;
  const size_t per = weight.size() / out;
  for (int o = 0; o < out; ++o) {
    const float s = bn->gamma[o] / std::sqrt(bn->var[o] + w::kBnEps);
    for (size_t i = 0; i < per; ++i) weight[o * per + i] *= s;
    bias[o] = bn->beta[o] - bn->mean[o] * s;
  }
}

class CudaNetwork final : public PreparedNetwork {
public:
  CudaNetwork(int device, const nb201::Cell& cell, const RunConfig& config) : batch_(config.batch), seed_(config.seed) {
    check(cudaSetDevice(device), "cudaSetDevice");
    check(cudaStreamCreate(&stream_), "cudaStreamCreate");
    check(cudaEventCreate(&start_), "cudaEventCreate");
    check(cudaEventCreate(&stop_), "cudaEventCreate");
    check(cudnnCreate(&cudnn_), "cudnnCreate");
    check(cudnnSetStream(cudnn_, stream_), "cudnnSetStream");
    check(cublasCreate(&cublas_), "cublasCreate");
    check(cublasSetStream(cublas_, stream_), "cublasSetStream");
    build(cell);
    check(cudaStreamSynchronize(stream_), "uploading weights");
  }

  ~CudaNetwork() override {
    if (stream_) cudaStreamSynchronize(stream_);
    for (auto d : tensorDescs_) cudnnDestroyTensorDescriptor(d);
    for (auto d : filterDescs_) cudnnDestroyFilterDescriptor(d);
    for (auto d : convDescs_) cudnnDestroyConvolutionDescriptor(d);
    for (auto d : poolDescs_) cudnnDestroyPoolingDescriptor(d);
    if (relu_) cudnnDestroyActivationDescriptor(relu_);
    if (mul_) cudnnDestroyOpTensorDescriptor(mul_);
    for (void* p : allocations_) cudaFree(p);
    if (cublas_) cublasDestroy(cublas_);
    if (cudnn_) cudnnDestroy(cudnn_);
    if (start_) cudaEventDestroy(start_);
    if (stop_) cudaEventDestroy(stop_);
    if (stream_) cudaStreamDestroy(stream_);
  }

  void run() override {
    check(cudaEventRecord(start_, stream_), "cudaEventRecord");
    for (auto& step : steps_) step();
    check(cudaEventRecord(stop_, stream_), "cudaEventRecord");
    check(cudaEventSynchronize(stop_), "running the network");
    float ms = 0;
    check(cudaEventElapsedTime(&ms, start_, stop_), "cudaEventElapsedTime");
    lastMs_ = ms;
  }

  std::vector<float> output() override {
    std::vector<float> out(size_t(batch_) * w::kClasses);
    check(cudaMemcpy(out.data(), logits_, out.size() * sizeof(float), cudaMemcpyDeviceToHost), "reading the logits");
    return out;
  }

  double lastRunDeviceMs() const override { return lastMs_; }

private:
  // --- resources -------------------------------------------------------------------------------
  float* alloc(size_t count) {
    void* p = nullptr;
    check(cudaMalloc(&p, std::max<size_t>(count, 1) * sizeof(float)), "cudaMalloc");
    allocations_.push_back(p);
    return static_cast<float*>(p);
  }
  Buffer buffer(Shape s) { return {alloc(s.count()), s}; }
  float* upload(const std::vector<float>& host) {
    float* p = alloc(host.size());
    check(cudaMemcpyAsync(p, host.data(), host.size() * sizeof(float), cudaMemcpyHostToDevice, stream_), "upload");
    // The host vector may die before the copy runs: wait for it.
    check(cudaStreamSynchronize(stream_), "upload");
    return p;
  }
  cudnnTensorDescriptor_t desc(Shape s) {
    cudnnTensorDescriptor_t d;
    check(cudnnCreateTensorDescriptor(&d), "cudnnCreateTensorDescriptor");
    tensorDescs_.push_back(d);
    check(cudnnSetTensor4dDescriptor(d, CUDNN_TENSOR_NCHW, CUDNN_DATA_FLOAT, s.n, s.c, s.h, s.w), "tensor descriptor");
    return d;
  }
  float* workspace(size_t bytes) {
    if (bytes > workspaceBytes_) {
      workspace_ = alloc((bytes + sizeof(float) - 1) / sizeof(float));
      workspaceBytes_ = bytes;
    }
    return workspace_;
  }

  // --- layers (each appends steps) ---------------------------------------------------------------
  void zero(const Buffer& dst) {
    steps_.push_back([this, dst] { check(cudaMemsetAsync(dst.p, 0, dst.shape.count() * sizeof(float), stream_), "memset"); });
  }
  void relu(const Buffer& src, const Buffer& dst) {
    auto sd = desc(src.shape), dd = desc(dst.shape);
    steps_.push_back([=, this] {
      const float one = 1, zero = 0;
      check(cudnnActivationForward(cudnn_, relu_, &one, sd, src.p, &zero, dd, dst.p), "ReLU");
    });
  }
  // dst = src + beta * dst, or with a per-channel src (1 x C x 1 x 1) broadcast.
  void add(const Buffer& src, const Buffer& dst, float beta) {
    auto sd = desc(src.shape), dd = desc(dst.shape);
    steps_.push_back([=, this] {
      const float one = 1;
      check(cudnnAddTensor(cudnn_, &one, sd, src.p, &beta, dd, dst.p), "add");
    });
  }
  void pool(const Buffer& src, const Buffer& dst, int window, int stride, int pad, float beta) {
    cudnnPoolingDescriptor_t pd;
    check(cudnnCreatePoolingDescriptor(&pd), "cudnnCreatePoolingDescriptor");
    poolDescs_.push_back(pd);
    check(cudnnSetPooling2dDescriptor(pd, CUDNN_POOLING_AVERAGE_COUNT_EXCLUDE_PADDING, CUDNN_NOT_PROPAGATE_NAN, window,
                                      window, pad, pad, stride, stride),
          "pooling descriptor");
    auto sd = desc(src.shape), dd = desc(dst.shape);
    steps_.push_back([=, this] {
      const float one = 1;
      check(cudnnPoolingForward(cudnn_, pd, &one, sd, src.p, &beta, dd, dst.p), "average pooling");
    });
  }
  // dst = conv(src, weight) + beta * dst, then + bias (when given). weight is OIHW.
  void conv(const Buffer& src, const Buffer& dst, const std::vector<float>& weight, const std::vector<float>* bias,
            int kernel, int stride, float beta) {
    cudnnFilterDescriptor_t fd;
    check(cudnnCreateFilterDescriptor(&fd), "cudnnCreateFilterDescriptor");
    filterDescs_.push_back(fd);
    check(cudnnSetFilter4dDescriptor(fd, CUDNN_DATA_FLOAT, CUDNN_TENSOR_NCHW, dst.shape.c, src.shape.c, kernel, kernel),
          "filter descriptor");
    cudnnConvolutionDescriptor_t cd;
    check(cudnnCreateConvolutionDescriptor(&cd), "cudnnCreateConvolutionDescriptor");
    convDescs_.push_back(cd);
    check(cudnnSetConvolution2dDescriptor(cd, kernel / 2, kernel / 2, stride, stride, 1, 1, CUDNN_CROSS_CORRELATION,
                                          CUDNN_DATA_FLOAT),
          "convolution descriptor");
    // Plain FP32 FMA kernels: TF32 tensor cores would cost ~1e-3 relative accuracy.
    check(cudnnSetConvolutionMathType(cd, CUDNN_FMA_MATH), "convolution math type");
    auto sd = desc(src.shape), dd = desc(dst.shape);
    cudnnConvolutionFwdAlgoPerf_t perf[CUDNN_CONVOLUTION_FWD_ALGO_COUNT];
    int found = 0;
    check(cudnnGetConvolutionForwardAlgorithm_v7(cudnn_, sd, fd, cd, dd, CUDNN_CONVOLUTION_FWD_ALGO_COUNT, &found, perf),
          "choosing a convolution algorithm");
    const cudnnConvolutionFwdAlgoPerf_t* pick = nullptr;
    for (int i = 0; i < found && !pick; ++i)
      if (perf[i].status == CUDNN_STATUS_SUCCESS && perf[i].memory <= kMaxWorkspace && perf[i].mathType == CUDNN_FMA_MATH)
        pick = &perf[i];
    if (!pick) fail(ErrorKind::Io, "cuDNN offers no FP32 convolution algorithm for a " + std::to_string(kernel) + "x" +
                                       std::to_string(kernel) + " convolution of " + std::to_string(src.shape.c) +
                                       " channels within 256 MiB of workspace");
    const auto algo = pick->algo;
    size_t bytes = 0;
    check(cudnnGetConvolutionForwardWorkspaceSize(cudnn_, sd, fd, cd, dd, algo, &bytes), "convolution workspace size");
    workspace(bytes);
    const float* wdev = upload(weight);
    steps_.push_back([=, this] {
      const float one = 1;
      check(cudnnConvolutionForward(cudnn_, &one, sd, src.p, fd, wdev, cd, algo, workspace_, workspaceBytes_, &beta, dd,
                                    dst.p),
            "convolution");
    });
    if (bias) add({upload(*bias), {1, dst.shape.c, 1, 1}}, dst, 1.0f);
  }

  // ReLU-conv-BN with the weights named `name` (`name`.conv, `name`.bn).
  void reluConvBn(const Buffer& reluOfSrc, const Buffer& dst, const std::string& name, int kernel, int stride, float beta) {
    auto weight = w::convWeight(seed_, name + ".conv", dst.shape.c, reluOfSrc.shape.c, kernel).data;
    const auto bn = w::batchNorm(seed_, name + ".bn", dst.shape.c);
    std::vector<float> bias;
    fold(weight, bias, &bn, dst.shape.c);
    conv(reluOfSrc, dst, weight, &bias, kernel, stride, beta);
  }
  // Just the folded BN bias of `name`: what ReLU-conv-BN gives for an all-zero input.
  void bnBiasOnly(const Buffer& dst, const std::string& name, bool first) {
    const auto bn = w::batchNorm(seed_, name + ".bn", dst.shape.c);
    std::vector<float> bias(dst.shape.c);
    for (int o = 0; o < dst.shape.c; ++o)
      bias[o] = bn.beta[o] - bn.mean[o] * bn.gamma[o] / std::sqrt(bn.var[o] + w::kBnEps);
    if (first) zero(dst);
    add({upload(bias), {1, dst.shape.c, 1, 1}}, dst, 1.0f);
  }

  // One cell: returns whether its output (written to `out`) is all zeros.
  bool cellLayer(const nb201::Cell& cell, int index, const Buffer& in, bool inZero, const Buffer& out,
                 std::array<Buffer, 4>& nodes, std::array<Buffer, 3>& relus) {
    const auto live = nb201::liveness(cell);
    std::array<bool, nb201::kNodes> isZero{inZero, true, true, true};
    std::array<bool, 3> reluDone{};
    nodes[0] = in;
    nodes[3] = out;
    for (int to = 1; to < nb201::kNodes; ++to) {
      if (!live.nodeReachesOut[to]) continue;
      bool first = true;
      for (int e = 0; e < nb201::kEdges; ++e) {
        const auto [edgeTo, from] = nb201::kEdgeList[e];
        const auto op = cell.ops[e];
        if (edgeTo != to || op == nb201::Op::None) continue;
        const float beta = first ? 0.0f : 1.0f;
        if (op == nb201::Op::Conv1x1 || op == nb201::Op::Conv3x3) {
          const auto name = w::edgeName(index, e);
          if (isZero[from]) {
            bnBiasOnly(nodes[to], name, first);
          } else {
            if (!reluDone[from]) relu(nodes[from], relus[from]), reluDone[from] = true;
            reluConvBn(relus[from], nodes[to], name, op == nb201::Op::Conv3x3 ? 3 : 1, 1, beta);
          }
        } else if (isZero[from]) {
          continue; // skip or pooling of zeros adds nothing
        } else if (op == nb201::Op::SkipConnect) {
          add(nodes[from], nodes[to], beta);
        } else {
          pool(nodes[from], nodes[to], 3, 1, 1, beta);
        }
        first = false;
        isZero[to] = false;
      }
    }
    if (isZero[3]) zero(out);
    return isZero[3];
  }

  void residual(int index, const Buffer& in, const Buffer& out) {
    const Shape half{batch_, in.shape.c, in.shape.h, in.shape.w};
    const Shape full{batch_, out.shape.c, out.shape.h, out.shape.w};
    const auto name = "cells." + std::to_string(index);
    auto r = buffer(half), a = buffer(full), ra = buffer(full), pooled = buffer({batch_, in.shape.c, full.h, full.w});
    relu(in, r);
    reluConvBn(r, a, name + ".conv_a", 3, 2, 0);
    relu(a, ra);
    reluConvBn(ra, out, name + ".conv_b", 3, 1, 0);
    pool(in, pooled, 2, 2, 0, 0);
    conv(pooled, out, w::convWeight(seed_, name + ".downsample.conv", full.c, in.shape.c, 1).data, nullptr, 1, 1, 1);
  }

  void build(const nb201::Cell& cell) {
    check(cudnnCreateActivationDescriptor(&relu_), "activation descriptor");
    check(cudnnSetActivationDescriptor(relu_, CUDNN_ACTIVATION_RELU, CUDNN_NOT_PROPAGATE_NAN, 0.0), "activation descriptor");
    check(cudnnCreateOpTensorDescriptor(&mul_), "op tensor descriptor");
    check(cudnnSetOpTensorDescriptor(mul_, CUDNN_OP_TENSOR_MUL, CUDNN_DATA_FLOAT, CUDNN_NOT_PROPAGATE_NAN), "op tensor descriptor");

    const Buffer input{upload(w::networkInput(seed_, batch_).data), {batch_, 3, 32, 32}};
    // Stem: conv3x3 3->16 + BN, no ReLU before it.
    Buffer x = buffer({batch_, 16, 32, 32});
    {
      auto weight = w::convWeight(seed_, "stem.conv", 16, 3, 3).data;
      const auto bn = w::batchNorm(seed_, "stem.bn", 16);
      std::vector<float> bias;
      fold(weight, bias, &bn, 16);
      conv(input, x, weight, &bias, 3, 1, 0);
    }
    bool xZero = false;
    for (int stage = 0; stage < 3; ++stage) {
      const Shape s{batch_, w::kStageChannels[stage], w::kStagePixels[stage], w::kStagePixels[stage]};
      if (stage > 0) {
        Buffer y = buffer(s);
        residual(w::cellIndex(stage, 0) - 1, x, y);
        x = y;
        xZero = false;
      }
      // Buffers shared by the stage's cells: they run one after another on one stream.
      std::array<Buffer, 4> nodes{Buffer{}, buffer(s), buffer(s), Buffer{}};
      std::array<Buffer, 3> relus{buffer(s), buffer(s), buffer(s)};
      Buffer io[2] = {buffer(s), buffer(s)};
      for (int i = 0; i < w::kCellsPerStage; ++i) {
        const Buffer& out = io[i % 2];
        xZero = cellLayer(cell, w::cellIndex(stage, i), x, xZero, out, nodes, relus);
        x = out;
      }
    }
    // Head: BN + ReLU, global average pool, linear.
    const auto bn = w::batchNorm(seed_, "lastact.bn", 64);
    std::vector<float> scale(64), shift(64);
    for (int c = 0; c < 64; ++c) {
      scale[c] = bn.gamma[c] / std::sqrt(bn.var[c] + w::kBnEps);
      shift[c] = bn.beta[c] - bn.mean[c] * scale[c];
    }
    const Buffer scaleBuf{upload(scale), {1, 64, 1, 1}}, shiftBuf{upload(shift), {1, 64, 1, 1}};
    Buffer h = buffer(x.shape);
    {
      auto xd = desc(x.shape), sd = desc(scaleBuf.shape), hd = desc(h.shape);
      steps_.push_back([=, this] {
        const float one = 1, zero = 0;
        check(cudnnOpTensor(cudnn_, mul_, &one, xd, x.p, &one, sd, scaleBuf.p, &zero, hd, h.p), "BN scale");
      });
    }
    add(shiftBuf, h, 1.0f);
    relu(h, h);
    Buffer gap = buffer({batch_, 64, 1, 1});
    pool(h, gap, w::kStagePixels[2], 1, 0, 0);
    // logits (batch x 10, row-major) = gap (batch x 64) * W^T + b; column-major: L = W * G.
    const float* weight = upload(w::linearWeight(seed_).data);
    const auto bias = w::linearBias(seed_).data;
    std::vector<float> biasRows;
    for (int b = 0; b < batch_; ++b) biasRows.insert(biasRows.end(), bias.begin(), bias.end());
    const float* biasDev = upload(biasRows);
    logits_ = alloc(biasRows.size());
    steps_.push_back([=, this] {
      check(cudaMemcpyAsync(logits_, biasDev, biasRows.size() * sizeof(float), cudaMemcpyDeviceToDevice, stream_),
            "classifier bias");
      const float one = 1;
      check(cublasSgemm(cublas_, CUBLAS_OP_T, CUBLAS_OP_N, w::kClasses, batch_, 64, &one, weight, 64, gap.p, 64, &one,
                        logits_, w::kClasses),
            "classifier");
    });
  }

  int batch_;
  std::uint64_t seed_;
  cudaStream_t stream_ = nullptr;
  cudaEvent_t start_ = nullptr, stop_ = nullptr;
  cudnnHandle_t cudnn_ = nullptr;
  cublasHandle_t cublas_ = nullptr;
  cudnnActivationDescriptor_t relu_ = nullptr;
  cudnnOpTensorDescriptor_t mul_ = nullptr;
  std::vector<cudnnTensorDescriptor_t> tensorDescs_;
  std::vector<cudnnFilterDescriptor_t> filterDescs_;
  std::vector<cudnnConvolutionDescriptor_t> convDescs_;
  std::vector<cudnnPoolingDescriptor_t> poolDescs_;
  std::vector<void*> allocations_;
  float* workspace_ = nullptr;
  size_t workspaceBytes_ = 0;
  float* logits_ = nullptr;
  std::vector<std::function<void()>> steps_;
  double lastMs_ = -1;
};

class CudaEngine final : public Engine {
public:
  explicit CudaEngine(int device) : device_(device) {}
  std::string name() const override { return "cuda"; }
  std::string version() const override {
    int runtime = 0, driver = 0;
    cudaRuntimeGetVersion(&runtime);
    cudaDriverGetVersion(&driver);
    const auto v = [](int x) { return std::to_string(x / 1000) + "." + std::to_string(x % 1000 / 10); };
    const size_t dnn = cudnnGetVersion();
    return "cuDNN " + std::to_string(dnn / 10000) + "." + std::to_string(dnn % 10000 / 100) + "." +
           std::to_string(dnn % 100) + ", cuBLAS " + std::to_string(CUBLAS_VER_MAJOR) + "." +
           std::to_string(CUBLAS_VER_MINOR) + ", CUDA runtime " + v(runtime) + ", driver " + v(driver);
  }
  // The layer graph of other spaces (cuDNN grouped convolutions) is not built yet.
  std::unique_ptr<PreparedNetwork> prepare(const searchspace::Architecture& arch, const RunConfig& config) override {
    if (arch.space != &searchspace::nb201Space())
      fail(ErrorKind::Usage, "the CUDA engine runs nb201 networks only so far; use " + setting("engine", "cpu") +
                                 " for " + std::string(arch.space ? arch.spaceName() : "this") + " architectures");
    if (config.batch < 1 || config.batch > 4096)
      fail(ErrorKind::Usage, "batch must lie in 1..4096 (got " + std::to_string(config.batch) + ")");
    return std::make_unique<CudaNetwork>(device_, searchspace::cellOf(arch.genotype), config);
  }

private:
  int device_;
};

} // namespace

std::unique_ptr<Engine> cuda::makeEngine(int deviceIndex) {
  std::string why;
  const auto gpus = cuda::devices(&why);
  if (gpus.empty()) fail(ErrorKind::Io, why + " (measure on this machine with " + setting("engine", "cpu") + ")");
  if (deviceIndex < 0 || deviceIndex >= static_cast<int>(gpus.size()))
    fail(ErrorKind::Usage, "CUDA device " + std::to_string(deviceIndex) + " does not exist (this machine has " +
                               std::to_string(gpus.size()) + ")");
  return std::make_unique<CudaEngine>(deviceIndex);
}

} // namespace maple::engine
