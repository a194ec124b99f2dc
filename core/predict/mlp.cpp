#include "predict/mlp.hpp"

#include "common/error.hpp"
#include "common/parallel_for.hpp"
#include "engine/cpu/gemm.hpp"

#include <algorithm>
#include <cmath>
#include <random>
#include <type_traits>
#include <utility>
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
// Rows per block of a forward pass: a block's inputs and both hidden layers stay in cache across
// the kernel's column panels, and no pass allocates more than a block. A multiple of 48 (the
// kernels' widest strip: 3 vectors of 16 or of 8 rows), so a block is whole strips, and only the
// batch's last rows take the GEMM's scalar tail, as in one product over the whole batch: every
// row's arithmetic is the same whatever the blocking.
constexpr Eigen::Index kBlock = 144;

engine::cpu::GemmWeights packed(const Eigen::MatrixXf& w) {
  return engine::cpu::packWeights(std::vector<float>(w.data(), w.data() + w.size()), static_cast<int>(w.rows()),
                                  static_cast<int>(w.cols()));
}

// out's first `rows` rows = max(0, bias + a * w): a dense ReLU layer through the CPU engine's GEMM,
// whose kernels are chosen at run time (AVX-512, AVX2+FMA), where Eigen in a portable build is
// limited to SSE2. a is column-major with leading dimension lda.
void denseRelu(const float* a, Eigen::Index lda, Eigen::Index rows, const engine::cpu::GemmWeights& w,
               const Eigen::RowVectorXf& bias, Eigen::MatrixXf& out) {
  auto top = out.topRows(rows);
  top = bias.replicate(rows, 1);
  engine::cpu::gemmAccumulate(a, lda, rows, w, out.data(), out.rows());
  top = top.cwiseMax(0.f);
}

// The network on n rows, a block at a time: inputs(first, rows) points at a block's first-layer
// inputs (column-major) and gives their leading dimension; w1 and bias1 are that layer's.
template <class Inputs>
Eigen::VectorXf forwardBlocks(const Views<const Eigen::VectorXf>& v, Eigen::Index n, const engine::cpu::GemmWeights& w1,
                              const Eigen::RowVectorXf& bias1, Inputs inputs) {
  const auto w2 = packed(v.w2);
  const Eigen::RowVectorXf bias2 = v.b2.transpose();
  Eigen::MatrixXf h1(std::min(n, kBlock + 1), v.w2.rows()), h2(h1.rows(), h1.cols());
  Eigen::VectorXf out(n);
  for (Eigen::Index first = 0; first < n;) {
    // A last block of one row joins the one before: Eigen takes a one-row product for a dot
    // product, which sums in another order.
    const Eigen::Index rows = n - first <= kBlock + 1 ? n - first : kBlock;
    const auto [a, lda] = inputs(first, rows);
    denseRelu(a, lda, rows, w1, bias1, h1);
    denseRelu(h1.data(), h1.rows(), rows, w2, bias2, h2);
    out.segment(first, rows) = (h2.topRows(rows) * v.w3).array() + *v.b3;
    first += rows;
  }
  return out;
}

// The first layer's bias with the tail's share folded in: the inputs after the first headColumns.
Eigen::RowVectorXf tailBias(const Views<const Eigen::VectorXf>& v, Eigen::Index headColumns, const Eigen::RowVectorXf& tail) {
  return v.b1.transpose() + tail * v.w1.bottomRows(v.w1.rows() - headColumns);
}

// A materialised input's blocks: pointers into it.
auto blocksOf(const Eigen::MatrixXf& x) {
  return [&x](Eigen::Index first, Eigen::Index) { return std::pair{x.data() + first, x.rows()}; };
}
} // namespace

Eigen::VectorXf Mlp::forward(const Eigen::MatrixXf& x) const {
  Views<const Eigen::VectorXf> v(theta_, in_, hid_);
  return forwardBlocks(v, x.rows(), packed(v.w1), v.b1.transpose(), blocksOf(x));
}

Eigen::VectorXf Mlp::forward(const Eigen::MatrixXf& head, const Eigen::RowVectorXf& tail) const {
  Views<const Eigen::VectorXf> v(theta_, in_, hid_);
  return forwardBlocks(v, head.rows(), packed(v.w1.topRows(head.cols())), tailBias(v, head.cols(), tail), blocksOf(head));
}

Eigen::VectorXf Mlp::forward(const RowMajorMatrixXf& heads, std::span<const Eigen::Index> rows,
                             const Eigen::RowVectorXf& tail) const {
  Views<const Eigen::VectorXf> v(theta_, in_, hid_);
  const auto n = static_cast<Eigen::Index>(rows.size());
  Eigen::MatrixXf block(std::min(n, kBlock + 1), heads.cols());
  auto gathered = [&](Eigen::Index first, Eigen::Index count) {
    for (Eigen::Index i = 0; i < count; ++i) block.row(i) = heads.row(rows[static_cast<size_t>(first + i)]);
    return std::pair{static_cast<const float*>(block.data()), block.rows()};
  };
  return forwardBlocks(v, n, packed(v.w1.topRows(heads.cols())), tailBias(v, heads.cols(), tail), gathered);
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
