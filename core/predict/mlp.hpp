#pragma once
// A small MLP in Eigen (float): in -> hidden ReLU -> hidden ReLU -> 1, trained with Adam on
// weighted mini-batches. All parameters live in one flat vector so Adam, copies and the model
// state handle them in one piece.
#include <Eigen/Dense>

#include <functional>
#include <span>

namespace maple::predict {

// Row-major: a table gathered by rows in any order reads each row's values together.
using RowMajorMatrixXf = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

class Mlp {
public:
  Mlp() = default;
  Mlp(int inputs, int hidden, std::uint64_t seed); // He-initialised from the seed

  int inputs() const { return in_; }
  int hidden() const { return hid_; }
  const Eigen::VectorXf& parameters() const { return theta_; }
  Eigen::VectorXf& parameters() { return theta_; }
  void setParameters(int inputs, int hidden, const Eigen::VectorXf& theta); // BadInput on a size mismatch

  Eigen::VectorXf forward(const Eigen::MatrixXf& x) const; // one output per row
  // The same for rows [head_i, tail] with one tail for all: its first-layer product is done once.
  Eigen::VectorXf forward(const Eigen::MatrixXf& head, const Eigen::RowVectorXf& tail) const;
  // The same for the heads at `rows` of a table (a row per architecture, say): only those are read,
  // a block at a time, and nothing the size of the batch is allocated but the result.
  Eigen::VectorXf forward(const RowMajorMatrixXf& heads, std::span<const Eigen::Index> rows,
                          const Eigen::RowVectorXf& tail) const;
  // Weighted squared error over the batch (sum w (f - y)^2 / sum w) and its gradient.
  float lossAndGradient(const Eigen::MatrixXf& x, const Eigen::VectorXf& y, const Eigen::VectorXf& w,
                        Eigen::VectorXf& grad) const;

private:
  int in_ = 0, hid_ = 0;
  Eigen::VectorXf theta_;
};

class Adam {
public:
  Adam(Eigen::Index size, float lr) : m_(Eigen::VectorXf::Zero(size)), v_(Eigen::VectorXf::Zero(size)), lr_(lr) {}
  void step(Eigen::VectorXf& theta, const Eigen::VectorXf& grad);

private:
  Eigen::VectorXf m_, v_;
  float lr_;
  int t_ = 0;
};

// The gradient of a batch split over `threads` threads (rows in contiguous chunks).
float parallelLossAndGradient(const Mlp& net, const Eigen::MatrixXf& x, const Eigen::VectorXf& y, const Eigen::VectorXf& w,
                              Eigen::VectorXf& grad, int threads);

} // namespace maple::predict
