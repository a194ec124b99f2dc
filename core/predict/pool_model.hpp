#pragma once
// What every method keeps of its training pool, and the base class that implements the contract's
// bookkeeping (target binding, architecture lookup, state round-trip) so each method only fits and predicts
// in log-latency space.
#include "predict/design.hpp"
#include "predict/predictor.hpp"

#include <Eigen/Dense>

#include <functional>
#include <memory>
#include <string_view>
#include <unordered_map>

namespace maple::predict {

// The state's list of the pool's architectures, one per row of the pool arrays.
inline constexpr std::string_view kPoolArchitectures = "pool.architectures";

// The pool in the form the methods use: ln(ms) per architecture (rows) and training device
// (columns), standardised descriptors, and a linear map from architecture features to every
// device's ln latency for architectures outside the pool.
struct PoolData {
  const searchspace::SearchSpace* space = nullptr;
  std::string descriptorKind;
  int descriptorVersion = 1;
  std::vector<std::string> devices;
  std::vector<std::string> descNames;
  Eigen::VectorXd descCentre, descScale; // per name, over the training devices
  Eigen::MatrixXd desc;                  // devices x names, standardised; NaN where a device lacks a value
  searchspace::ArchitectureSet architectures; // one per row
  // Looked up by a view of the genotype's bytes: a prediction builds no string per architecture.
  struct KeyHash {
    using is_transparent = void;
    size_t operator()(std::string_view key) const { return std::hash<std::string_view>{}(key); }
  };
  std::unordered_map<std::string, Eigen::Index, KeyHash, std::equal_to<>> rowOf; // by rowKey
  Eigen::MatrixXd logLat;                // rows x devices
  Eigen::MatrixXd featureMap;            // (featureCount + 1) x devices, ridge fit of logLat on features

  static PoolData fromPool(const TrainingPool& pool); // BadInput for an inconsistent pool
  void save(ModelState& s) const;
  static PoolData load(const ModelState& s);

  // The key of rowOf: the genotype's choices as bytes (cheaper than its canonical string).
  static std::string_view rowKey(const searchspace::Genotype& g) {
    return {reinterpret_cast<const char*>(g.choices.data()), g.choices.size()};
  }
  // The pool row of g, or -1 for an architecture outside the pool. Row `guess` is compared first:
  // predicting the pool itself, in order, is the usual call, and a comparison is cheaper than a hash.
  Eigen::Index poolRow(const searchspace::Genotype& g, Eigen::Index guess = -1) const;
  // The pool's ln-latency row of each architecture, imputed through featureMap for architectures
  // outside the pool.
  Eigen::MatrixXd rowsFor(const searchspace::ArchitectureSet& architectures) const;
  // The target's standardised descriptor in descNames order (NaN for a name it lacks).
  Eigen::VectorXd standardise(const descriptor::Descriptor& d) const;
  // Weights over the training devices (sum 1) from descriptor distance: a Gaussian kernel whose
  // width is the median distance. Uniform when no value is shared.
  Eigen::VectorXd similarity(const descriptor::Descriptor& d) const;
  // The same for a standardised descriptor, among some training devices only (in that order).
  Eigen::VectorXd similarity(const Eigen::VectorXd& z, const std::vector<Eigen::Index>& among) const;
};

// Helpers for ModelState arrays (row-major).
void putMatrix(ModelState& s, const std::string& name, const Eigen::MatrixXd& m);
Eigen::MatrixXd getMatrix(const ModelState& s, const std::string& name);

class PoolPredictor : public Predictor {
public:
  std::string method() const override { return method_; }
  std::string descriptorKind() const override { return pool_->descriptorKind; }
  std::vector<std::string> trainingDevices() const override { return pool_->devices; }
  std::string_view searchSpace() const override { return pool_->space->name(); }
  std::string targetDevice() const override { return target_; }
  std::unique_ptr<Predictor> adapt(const Target& target, const ProgressFn& progress = {}) const override;
  std::vector<double> predictMs(const searchspace::ArchitectureSet& architectures,
                                std::vector<double>* spread = nullptr) const override;
  std::vector<Shot> adaptedOn() const override { return adaptedOn_; }
  std::string adaptedShotPolicy() const override { return shotPolicy_; }
  std::vector<size_t> designShots(const searchspace::ArchitectureSet& candidates, size_t k) const override;
  ModelState state() const override;

  // train(): binds the pool, then fits the method's pool-level parameters.
  void trainOn(const TrainingPool& pool, const TrainOptions& options, const ProgressFn& progress);
  // restore(): fills a default-constructed method object from its state.
  void load(const ModelState& s);

protected:
  explicit PoolPredictor(std::string method) : method_(std::move(method)) {}
  const PoolData& pool() const { return *pool_; }
  // The target's shots as architectures of the pool's space.
  searchspace::ArchitectureSet shotSet(const Target& target) const;

  virtual std::unique_ptr<PoolPredictor> clone() const = 0;
  virtual void trainModel(const TrainOptions&, const ProgressFn&) {}
  // y: ln(ms) of the shots, rows: their pool rows.
  virtual void fitTarget(const Target& target, const Eigen::MatrixXd& shotRows, const Eigen::VectorXd& y,
                         const ProgressFn& progress) = 0;
  // ln(ms) per architecture (of the pool's space); spread (may be null) gets a 1-sigma log-space
  // uncertainty where the method has one.
  virtual Eigen::VectorXd predictLog(const searchspace::ArchitectureSet& architectures, const Eigen::MatrixXd& rows,
                                     Eigen::VectorXd* spread) const = 0;
  // False for a method whose predictLog ignores `rows`: predictMs then passes an empty matrix
  // rather than gather (or impute) every architecture's pool row.
  virtual bool readsPoolRows() const { return true; }
  // The method's own pool-trained and adapted parameters; meta "hyperparameters" included.
  virtual void saveModel(ModelState& s) const = 0;
  virtual void loadModel(const ModelState& s) = 0;
  // The design problem of k shots under this method's prior (design.hpp): by default the pool's
  // ln-latency principal components, whatever k; opcost has its own.
  virtual DesignProblem designProblem(const searchspace::ArchitectureSet& candidates, size_t k) const;

private:
  std::string method_, target_, shotPolicy_;
  std::vector<Shot> adaptedOn_;
  std::shared_ptr<const PoolData> pool_; // immutable, shared by the pool-trained predictor and its adaptations
};

} // namespace maple::predict
