// Each plan step becomes a few library calls recorded as closures; run() replays them between two
// CUDA events. Descriptors, weights and buffers live in Resources, which frees them also when
// preparing fails half-way.
#include "engine/cuda/cuda_network.hpp"

#include "common/error.hpp"
#include "engine/cuda/cuda_check.hpp"

#include <algorithm>
#include <functional>
#include <string>

namespace maple::engine::cuda {
namespace {

constexpr float kOne = 1, kZero = 0;

struct Resources {
  cudaStream_t stream = nullptr;
  cudaEvent_t start = nullptr, stop = nullptr;
  cudnnHandle_t cudnn = nullptr;
  cublasHandle_t cublas = nullptr;
  cudnnActivationDescriptor_t relu = nullptr;
  cudnnOpTensorDescriptor_t add = nullptr, mul = nullptr;
  std::vector<cudnnTensorDescriptor_t> tensors;
  std::vector<cudnnFilterDescriptor_t> filters;
  std::vector<cudnnConvolutionDescriptor_t> convolutions;
  std::vector<cudnnPoolingDescriptor_t> pools;
  std::vector<void*> memory;

  ~Resources() {
    if (stream) cudaStreamSynchronize(stream);
    for (auto d : tensors) cudnnDestroyTensorDescriptor(d);
    for (auto d : filters) cudnnDestroyFilterDescriptor(d);
    for (auto d : convolutions) cudnnDestroyConvolutionDescriptor(d);
    for (auto d : pools) cudnnDestroyPoolingDescriptor(d);
    if (relu) cudnnDestroyActivationDescriptor(relu);
    if (add) cudnnDestroyOpTensorDescriptor(add);
    if (mul) cudnnDestroyOpTensorDescriptor(mul);
    for (void* p : memory) cudaFree(p);
    if (cublas) cublasDestroy(cublas);
    if (cudnn) cudnnDestroy(cudnn);
    if (start) cudaEventDestroy(start);
    if (stop) cudaEventDestroy(stop);
    if (stream) cudaStreamDestroy(stream);
  }
};

class CudaNetwork final : public PreparedNetwork {
public:
  CudaNetwork(int device, const Plan& plan) : batch_(plan.batch), classes_(plan.classes) {
    check(cudaSetDevice(device), "cudaSetDevice");
    createHandles();
    for (std::size_t floats : plan.bufferFloats) buffers_.push_back(alloc(floats));
    upload(plan.input, buffers_[0]);
    for (const Step& s : plan.steps) addStep(s);
    workspace_ = alloc((workspaceBytes_ + sizeof(float) - 1) / sizeof(float));
    logits_ = buffers_[plan.output];
    check(cudaStreamSynchronize(r_.stream), "uploading the weights");
  }

  void run() override {
    check(cudaEventRecord(r_.start, r_.stream), "cudaEventRecord");
    for (auto& call : calls_) call();
    check(cudaEventRecord(r_.stop, r_.stream), "cudaEventRecord");
    check(cudaEventSynchronize(r_.stop), "running the network");
    float ms = 0;
    check(cudaEventElapsedTime(&ms, r_.start, r_.stop), "cudaEventElapsedTime");
    lastMs_ = ms;
  }

  std::vector<float> output() override {
    std::vector<float> out(static_cast<std::size_t>(batch_) * classes_);
    check(cudaMemcpy(out.data(), logits_, out.size() * sizeof(float), cudaMemcpyDeviceToHost), "reading the logits");
    return out;
  }

  double lastRunDeviceMs() const override { return lastMs_; }

private:
  void createHandles() {
    check(cudaStreamCreate(&r_.stream), "cudaStreamCreate");
    check(cudaEventCreate(&r_.start), "cudaEventCreate");
    check(cudaEventCreate(&r_.stop), "cudaEventCreate");
    check(cudnnCreate(&r_.cudnn), "cudnnCreate");
    check(cudnnSetStream(r_.cudnn, r_.stream), "cudnnSetStream");
    check(cublasCreate(&r_.cublas), "cublasCreate");
    check(cublasSetStream(r_.cublas, r_.stream), "cublasSetStream");
    check(cudnnCreateActivationDescriptor(&r_.relu), "cudnnCreateActivationDescriptor");
    check(cudnnSetActivationDescriptor(r_.relu, CUDNN_ACTIVATION_RELU, CUDNN_NOT_PROPAGATE_NAN, 0.0),
          "cudnnSetActivationDescriptor");
    for (auto [desc, op] : {std::pair{&r_.add, CUDNN_OP_TENSOR_ADD}, std::pair{&r_.mul, CUDNN_OP_TENSOR_MUL}}) {
      check(cudnnCreateOpTensorDescriptor(desc), "cudnnCreateOpTensorDescriptor");
      check(cudnnSetOpTensorDescriptor(*desc, op, CUDNN_DATA_FLOAT, CUDNN_NOT_PROPAGATE_NAN), "cudnnSetOpTensorDescriptor");
    }
  }

  // --- resources -------------------------------------------------------------------------------
  float* alloc(std::size_t floats) {
    void* p = nullptr;
    check(cudaMalloc(&p, std::max<std::size_t>(floats, 1) * sizeof(float)), "cudaMalloc");
    r_.memory.push_back(p);
    return static_cast<float*>(p);
  }
  void upload(const std::vector<float>& host, float* device) {
    check(cudaMemcpy(device, host.data(), host.size() * sizeof(float), cudaMemcpyHostToDevice), "uploading");
  }
  const float* constant(const std::vector<float>& host) {
    float* p = alloc(host.size());
    upload(host, p);
    return p;
  }
  cudnnTensorDescriptor_t tensor(const Layout& l) {
    cudnnTensorDescriptor_t d;
    check(cudnnCreateTensorDescriptor(&d), "cudnnCreateTensorDescriptor");
    r_.tensors.push_back(d);
    check(cudnnSetTensor4dDescriptorEx(d, CUDNN_DATA_FLOAT, l.dims[0], l.dims[1], l.dims[2], l.dims[3], l.strides[0],
                                       l.strides[1], l.strides[2], l.strides[3]),
          "cudnnSetTensor4dDescriptorEx");
    return d;
  }
  cudnnTensorDescriptor_t tensor(const Dims& d) {
    return tensor(Layout{{d.n, d.c, d.h, d.w}, {d.c * d.h * d.w, d.h * d.w, d.w, 1}});
  }
  float* in(const Step& s, int i) const { return buffers_[s.in[static_cast<std::size_t>(i)]]; }
  float* out(const Step& s) const { return buffers_[s.out]; }

  // --- steps -----------------------------------------------------------------------------------
  void addStep(const Step& s) {
    switch (s.kind) {
    case StepKind::Conv: return addConv(s);
    case StepKind::Affine: return addAffine(s);
    case StepKind::Sum: return addSum(s);
    case StepKind::Pool: return addPool(s);
    case StepKind::Shuffle: return addShuffle(s);
    case StepKind::Linear: return addLinear(s);
    }
  }

  // Queues `call` (returning a CUDA, cuDNN or cuBLAS status) for run(); a failure names it and
  // the step's layer.
  template <class Call>
  void queue(const Step& s, const char* name, Call call) {
    calls_.push_back([call, what = std::string(name) + " of '" + s.layer + "'"] { check(call(), what.c_str()); });
  }

  // y += bias (per channel, broadcast over images and pixels).
  void addBias(const Step& s) {
    const auto bd = tensor(Dims{1, s.outDims.c, 1, 1}), yd = tensor(s.outDims);
    const float* b = constant(s.bias);
    float* y = out(s);
    queue(s, "bias", [=, this] { return cudnnAddTensor(r_.cudnn, &kOne, bd, b, &kOne, yd, y); });
  }
  void reluInPlace(const Step& s) {
    const auto yd = tensor(s.outDims);
    float* y = out(s);
    queue(s, "ReLU", [=, this] { return cudnnActivationForward(r_.cudnn, r_.relu, &kOne, yd, y, &kZero, yd, y); });
  }

  cudnnConvolutionDescriptor_t convolution(const Step& s) {
    cudnnConvolutionDescriptor_t cd;
    check(cudnnCreateConvolutionDescriptor(&cd), "cudnnCreateConvolutionDescriptor");
    r_.convolutions.push_back(cd);
    check(cudnnSetConvolution2dDescriptor(cd, s.padding, s.padding, s.stride, s.stride, 1, 1, CUDNN_CROSS_CORRELATION,
                                          CUDNN_DATA_FLOAT),
          "cudnnSetConvolution2dDescriptor");
    check(cudnnSetConvolutionGroupCount(cd, s.groups), "cudnnSetConvolutionGroupCount");
    check(cudnnSetConvolutionMathType(cd, CUDNN_FMA_MATH), "cudnnSetConvolutionMathType");
    return cd;
  }

  cudnnConvolutionFwdAlgo_t algorithm(const Step& s, cudnnTensorDescriptor_t x, cudnnFilterDescriptor_t f,
                                      cudnnConvolutionDescriptor_t cd, cudnnTensorDescriptor_t y) {
    cudnnConvolutionFwdAlgoPerf_t perf[CUDNN_CONVOLUTION_FWD_ALGO_COUNT];
    int found = 0;
    check(cudnnGetConvolutionForwardAlgorithm_v7(r_.cudnn, x, f, cd, y, CUDNN_CONVOLUTION_FWD_ALGO_COUNT, &found, perf),
          "cudnnGetConvolutionForwardAlgorithm_v7");
    std::vector<AlgoOption> options;
    for (int i = 0; i < found; ++i)
      options.push_back({perf[i].status == CUDNN_STATUS_SUCCESS, perf[i].memory, perf[i].mathType == CUDNN_FMA_MATH});
    const int pick = pickAlgorithm(options);
    // Implicit GEMM supports every convolution without workspace: the fallback when cuDNN lists
    // no FP32 FMA option within the limit.
    const auto algo = pick < 0 ? CUDNN_CONVOLUTION_FWD_ALGO_IMPLICIT_GEMM : perf[pick].algo;
    std::size_t bytes = 0;
    const std::string what = "workspace size for convolution '" + s.layer + "'";
    check(cudnnGetConvolutionForwardWorkspaceSize(r_.cudnn, x, f, cd, y, algo, &bytes), what.c_str());
    workspaceBytes_ = std::max(workspaceBytes_, bytes);
    return algo;
  }

  void addConv(const Step& s) {
    const Dims& xs = s.inDims[0];
    cudnnFilterDescriptor_t f;
    check(cudnnCreateFilterDescriptor(&f), "cudnnCreateFilterDescriptor");
    r_.filters.push_back(f);
    check(cudnnSetFilter4dDescriptor(f, CUDNN_DATA_FLOAT, CUDNN_TENSOR_NCHW, s.outDims.c, xs.c / s.groups, s.kernelH,
                                     s.kernelW),
          "cudnnSetFilter4dDescriptor");
    const auto xd = tensor(xs), yd = tensor(s.outDims);
    const auto cd = convolution(s);
    const auto algo = algorithm(s, xd, f, cd, yd);
    const float* weights = constant(s.weights);
    const float* x = in(s, 0);
    float* y = out(s);
    queue(s, "convolution", [=, this] {
      return cudnnConvolutionForward(r_.cudnn, &kOne, xd, x, f, weights, cd, algo, workspace_, workspaceBytes_, &kZero,
                                     yd, y);
    });
    addBias(s);
    if (s.relu) reluInPlace(s);
  }

  // y = x * scale + shift [then ReLU]; without a scale y = ReLU(x).
  void addAffine(const Step& s) {
    const auto xd = tensor(s.inDims[0]), yd = tensor(s.outDims);
    const float* x = in(s, 0);
    float* y = out(s);
    if (s.scale.empty()) {
      queue(s, "ReLU", [=, this] { return cudnnActivationForward(r_.cudnn, r_.relu, &kOne, xd, x, &kZero, yd, y); });
      return;
    }
    const auto sd = tensor(Dims{1, s.outDims.c, 1, 1});
    const float* scale = constant(s.scale);
    queue(s, "batch-norm scale",
          [=, this] { return cudnnOpTensor(r_.cudnn, r_.mul, &kOne, xd, x, &kOne, sd, scale, &kZero, yd, y); });
    addBias(s);
    if (s.relu) reluInPlace(s);
  }

  void addSum(const Step& s) {
    const auto yd = tensor(s.outDims);
    float* y = out(s);
    const std::size_t bytes = s.outDims.count() * sizeof(float);
    if (s.in.size() < 2) {
      const float* x = s.in.empty() ? nullptr : in(s, 0);
      queue(s, "sum of fewer than two tensors", [=, this] {
        return x ? cudaMemcpyAsync(y, x, bytes, cudaMemcpyDeviceToDevice, r_.stream) : cudaMemsetAsync(y, 0, bytes, r_.stream);
      });
      return;
    }
    const float *a = in(s, 0), *b = in(s, 1);
    queue(s, "add", [=, this] { return cudnnOpTensor(r_.cudnn, r_.add, &kOne, yd, a, &kOne, yd, b, &kZero, yd, y); });
    for (int i = 2; i < static_cast<int>(s.in.size()); ++i) {
      const float* x = in(s, i);
      queue(s, "add", [=, this] { return cudnnAddTensor(r_.cudnn, &kOne, yd, x, &kOne, yd, y); });
    }
  }

  void addPool(const Step& s) {
    cudnnPoolingDescriptor_t pd;
    check(cudnnCreatePoolingDescriptor(&pd), "cudnnCreatePoolingDescriptor");
    r_.pools.push_back(pd);
    const auto mode = s.countIncludePad ? CUDNN_POOLING_AVERAGE_COUNT_INCLUDE_PADDING : CUDNN_POOLING_AVERAGE_COUNT_EXCLUDE_PADDING;
    check(cudnnSetPooling2dDescriptor(pd, mode, CUDNN_NOT_PROPAGATE_NAN, s.kernelH, s.kernelW, s.padding, s.padding, s.stride,
                                      s.stride),
          "cudnnSetPooling2dDescriptor");
    const auto xd = tensor(s.inDims[0]), yd = tensor(s.outDims);
    const float* x = in(s, 0);
    float* y = out(s);
    queue(s, "average pool", [=, this] { return cudnnPoolingForward(r_.cudnn, pd, &kOne, xd, x, &kZero, yd, y); });
  }

  void addShuffle(const Step& s) {
    const auto layouts = shuffleLayouts(s.inDims[0], s.groups);
    const auto xd = tensor(layouts.from), yd = tensor(layouts.to);
    const float* x = in(s, 0);
    float* y = out(s);
    queue(s, "channel shuffle", [=, this] { return cudnnTransformTensor(r_.cudnn, &kOne, xd, x, &kZero, yd, y); });
  }

  // logits (batch x out, row-major) = x (batch x in) * W^T; column-major: L = W * X with W (in x out).
  void addLinear(const Step& s) {
    const int inFeatures = static_cast<int>(s.inDims[0].count() / static_cast<std::size_t>(s.inDims[0].n));
    const int outFeatures = s.outDims.c, batch = s.outDims.n;
    const float* weights = constant(s.weights);
    const float* x = in(s, 0);
    float* y = out(s);
    queue(s, "linear layer", [=, this] {
      return cublasSgemm(r_.cublas, CUBLAS_OP_T, CUBLAS_OP_N, outFeatures, batch, inFeatures, &kOne, weights, inFeatures, x,
                         inFeatures, &kZero, y, outFeatures);
    });
    addBias(s);
  }

  Resources r_; // first member: destroyed last, and also when the constructor throws
  int batch_, classes_;
  std::vector<float*> buffers_;
  float* workspace_ = nullptr;
  std::size_t workspaceBytes_ = 0;
  const float* logits_ = nullptr;
  std::vector<std::function<void()>> calls_;
  double lastMs_ = -1;
};

} // namespace

std::unique_ptr<PreparedNetwork> prepareNetwork(int device, const Plan& plan) {
  return std::make_unique<CudaNetwork>(device, plan);
}

} // namespace maple::engine::cuda
