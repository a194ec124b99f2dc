#include "predict/mlp.hpp"

#include "common/error.hpp"
#include "common/parallel_for.hpp"
#include "engine/cpu/gemm.hpp"

#include <algorithm>
#include <cmath>
#include <random>
#include <type_traits>
#include <vector>

namespace maple::predict {
namespace {

Eigen::Index parameterCount(int in, int hid) {
  return static_cast<Eigen::Index>(in) * hid + hid + static_cast<Eigen::Index>(hid) * hid + hid + hid + 1;
}

// Views into the flat vector: W1 (in x hid), b1, W2 (hid x hid), b2, W3 (hid), b3.
template <class V> struct Views {
  Eigen::Map<std::conditional_t<std::is_const_v<V>, const Eigen::MatrixXf, Eigen::MatrixXf>> w1, w2;
  Eigen::Map<std::conditional_t<std::is_const_v<V>, const Eigen::VectorXf, Eigen::VectorXf>> b1, b2, w3;
  std::conditional_t<std::is_const_v<V>, const float*, float*> b3;
  Views(V& t, int in, int hid)
      : w1(t.data(), in, hid), w2(t.data() + in * hid + hid, hid, hid), b1(t.data() + in * hid, hid),
        b2(t.data() + in * hid + hid + hid * hid, hid), w3(t.data() + in * hid + 2 * hid + hid * hid, hid),
        b3(&t(in * hid + 3 * hid + hid * hid)) {}
};

} // namespace

Mlp::Mlp(int inputs, int hidden, std::uint64_t seed) : in_(inputs), hid_(hidden), theta_(parameterCount(inputs, hidden)) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<float> normal(0.f, 1.f);
  theta_.setZero();
  Views<Eigen::VectorXf> v(theta_, in_, hid_);
  for (Eigen::Index i = 0; i < v.w1.size(); ++i) v.w1.data()[i] = normal(rng) * std::sqrt(2.f / static_cast<float>(in_));
  for (Eigen::Index i = 0; i < v.w2.size(); ++i) v.w2.data()[i] = normal(rng) * std::sqrt(2.f / static_cast<float>(hid_));
  for (Eigen::Index i = 0; i < v.w3.size(); ++i) v.w3(i) = normal(rng) * std::sqrt(1.f / static_cast<float>(hid_));
}

void Mlp::setParameters(int inputs, int hidden, const Eigen::VectorXf& theta) {
  if (inputs <= 0 || hidden <= 0 || theta.size() != parameterCount(inputs, hidden))
    badInput("MLP state holds " + std::to_string(theta.size()) + " parameters, not the " +
             std::to_string(parameterCount(inputs, hidden)) + " of a " + std::to_string(inputs) + "-" +
             std::to_string(hidden) + " network");
  in_ = inputs, hid_ = hidden, theta_ = theta;
}

namespace {
// A dense ReLU layer through the CPU engine's GEMM: its kernels are chosen at run time (AVX-512,
// AVX2+FMA), where Eigen in a portable build is limited to SSE2; prediction of the whole space is
// these two products.
Eigen::MatrixXf denseRelu(const Eigen::MatrixXf& x, const Eigen::MatrixXf& w, const Eigen::RowVectorXf& bias) {
  Eigen::MatrixXf out = bias.replicate(x.rows(), 1);
  const auto packed = engine::cpu::packWeights(std::vector<float>(w.data(), w.data() + w.size()), static_cast<int>(w.rows()),
                                               static_cast<int>(w.cols()));
  // In row blocks, so that a block of x stays in cache across the kernel's column panels.
  constexpr Eigen::Index kBlock = 512;
  for (Eigen::Index r = 0; r < x.rows(); r += kBlock)
    engine::cpu::gemmAccumulate(x.data() + r, x.rows(), std::min(kBlock, x.rows() - r), packed, out.data() + r, out.rows());
  return out.cwiseMax(0.f);
}
} // namespace

Eigen::VectorXf Mlp::forward(const Eigen::MatrixXf& x) const {
  Views<const Eigen::VectorXf> v(theta_, in_, hid_);
  const Eigen::MatrixXf h2 = denseRelu(denseRelu(x, v.w1, v.b1.transpose()), v.w2, v.b2.transpose());
  return (h2 * v.w3).array() + *v.b3;
}

Eigen::VectorXf Mlp::forward(const Eigen::MatrixXf& head, const Eigen::RowVectorXf& tail) const {
  Views<const Eigen::VectorXf> v(theta_, in_, hid_);
  const auto nh = head.cols();
  const Eigen::RowVectorXf bias = v.b1.transpose() + tail * v.w1.bottomRows(in_ - nh);
  const Eigen::MatrixXf h2 = denseRelu(denseRelu(head, v.w1.topRows(nh), bias), v.w2, v.b2.transpose());
  return (h2 * v.w3).array() + *v.b3;
}

float Mlp::lossAndGradient(const Eigen::MatrixXf& x, const Eigen::VectorXf& y, const Eigen::VectorXf& w,
                           Eigen::VectorXf& grad) const {
  Views<const Eigen::VectorXf> v(theta_, in_, hid_);
  const Eigen::MatrixXf h1 = ((x * v.w1).rowwise() + v.b1.transpose()).cwiseMax(0.f);
  const Eigen::MatrixXf h2 = ((h1 * v.w2).rowwise() + v.b2.transpose()).cwiseMax(0.f);
  const Eigen::VectorXf out = (h2 * v.w3).array() + *v.b3;
  const Eigen::VectorXf err = out - y;
  // Unnormalised: the caller divides by the total weight of the whole batch.
  const float loss = (w.array() * err.array().square()).sum();
  const Eigen::VectorXf d3 = 2.f * w.cwiseProduct(err);
  grad.setZero(theta_.size());
  Views<Eigen::VectorXf> g(grad, in_, hid_);
  g.w3 = h2.transpose() * d3;
  *g.b3 = d3.sum();
  const Eigen::MatrixXf d2 = (d3 * v.w3.transpose()).cwiseProduct((h2.array() > 0.f).cast<float>().matrix());
  g.w2 = h1.transpose() * d2;
  g.b2 = d2.colwise().sum().transpose();
  const Eigen::MatrixXf d1 = (d2 * v.w2.transpose()).cwiseProduct((h1.array() > 0.f).cast<float>().matrix());
  g.w1 = x.transpose() * d1;
  g.b1 = d1.colwise().sum().transpose();
  return loss;
}

float parallelLossAndGradient(const Mlp& net, const Eigen::MatrixXf& x, const Eigen::VectorXf& y, const Eigen::VectorXf& w,
                              Eigen::VectorXf& grad, int threads) {
  const Eigen::Index n = x.rows();
  const float total = w.sum();
  threads = static_cast<int>(std::max<Eigen::Index>(1, std::min<Eigen::Index>(threads, n / 64)));
  std::vector<Eigen::VectorXf> grads(static_cast<size_t>(threads));
  std::vector<float> losses(static_cast<size_t>(threads), 0.f);
  auto part = [&](int t) {
    const Eigen::Index lo = n * t / threads, hi = n * (t + 1) / threads;
    losses[static_cast<size_t>(t)] = net.lossAndGradient(x.middleRows(lo, hi - lo), y.segment(lo, hi - lo),
                                                         w.segment(lo, hi - lo), grads[static_cast<size_t>(t)]);
  };
  parallelFor(static_cast<size_t>(threads), threads, [&](size_t t) { part(static_cast<int>(t)); });
  grad = grads[0];
  float loss = losses[0];
  for (int t = 1; t < threads; ++t) grad += grads[static_cast<size_t>(t)], loss += losses[static_cast<size_t>(t)];
  grad /= total;
  return loss / total;
}

void Adam::step(Eigen::VectorXf& theta, const Eigen::VectorXf& grad) {
  constexpr float b1 = 0.9f, b2 = 0.999f, eps = 1e-8f;
  ++t_;
  m_ = b1 * m_ + (1 - b1) * grad;
  v_ = b2 * v_ + (1 - b2) * grad.cwiseProduct(grad);
  const float c1 = 1 - std::pow(b1, static_cast<float>(t_)), c2 = 1 - std::pow(b2, static_cast<float>(t_));
  theta.array() -= lr_ * (m_.array() / c1) / ((v_.array() / c2).sqrt() + eps);
}

} // namespace maple::predict
