#pragma once
// Predicted-versus-measured points, the shape every evaluation view reads: one point per
// (device, architecture) with both latencies. Points come from a stored evaluation
// (store/evaluations.hpp) or from a predictor run over measured latencies. Errors are relative
// ((predicted - measured) / measured), the unit users ask for.
#include "store/project.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace maple::evaluation {

struct Points {
  std::string label;                // what produced them, e.g. "mlp on counters, 5 shots"
  std::vector<std::string> devices; // names; Points::device indexes this
  std::vector<std::string> archs;   // architecture strings; Points::arch indexes this
  std::vector<int> archIndex;       // NAS-Bench-201 index per arch, -1 where unknown
  std::vector<std::uint16_t> device;
  std::vector<std::uint32_t> arch;
  std::vector<float> measuredMs, predictedMs;
  std::vector<std::uint8_t> isShot; // measured on the target and used to adapt: not a test point

  size_t size() const { return measuredMs.size(); }
  double relativeError(size_t i) const { return (predictedMs[i] - measuredMs[i]) / measuredMs[i]; }
};

struct DeviceMetrics {
  std::string device;
  long points = 0;            // test points (shots excluded)
  double mape = 0;            // mean |relative error|, %
  double within10 = 0;        // share with |relative error| <= 10 %, %
  double rmseMs = 0;
  double spearman = 0;        // rank correlation of predicted and measured
  double worstError = 0;      // largest |relative error|, %
};

// Per device in Points::devices order, then one row "all" over every point.
std::vector<DeviceMetrics> deviceMetrics(const Points& p);

// Positions of the n test points with the largest |relative error|, worst first.
std::vector<size_t> worstPoints(const Points& p, size_t n);

// Histogram of relative errors in % over [lo, hi), `bins` equal bins; points outside land in the
// first or last bin.
std::vector<long> errorHistogram(const Points& p, double loPercent, double hiPercent, int bins);

struct StoredEvaluation {
  std::int64_t id = 0;
  std::string name; // given by the user; empty until renamed
  std::string method, descriptorKind, protocol, createdAt;
  std::string space; // the search space of its architectures; empty without points
  int shots = 0;
  long points = 0;
};
// Newest first; of `space` alone when it is given (and those whose space is unknown: no points, or
// damaged ones, so they can still be seen and deleted).
std::vector<StoredEvaluation> listStoredEvaluations(store::Project& project, const std::string& space = {});
// BadInput naming the id when it is unknown.
Points loadEvaluation(store::Project& project, std::int64_t evaluationId);

} // namespace maple::evaluation
