#include "predict/harness.hpp"

#include "common/cpus.hpp"
#include "common/error.hpp"
#include "common/parallel_for.hpp"
#include "common/setting.hpp"
#include "descriptor/from_data.hpp"
#include "predict/shared_progress.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <mutex>
#include <random>
#include <set>

namespace maple::predict {

EvalProtocol parseProtocol(const std::string& name) {
  if (name == "full") return EvalProtocol::Full;
  if (name == "help") return EvalProtocol::Help;
  fail(ErrorKind::Usage, "unknown protocol '" + name + "' (known: full, help)");
}

std::string protocolName(EvalProtocol p) { return p == EvalProtocol::Full ? "full" : "help"; }

namespace {

size_t deviceIndex(const EvalData& data, const std::string& name) {
  auto it = std::find(data.devices.begin(), data.devices.end(), name);
  if (it == data.devices.end()) {
    std::string known;
    for (const auto& d : data.devices) known += (known.empty() ? "" : ", ") + d;
    fail(ErrorKind::Usage, "device '" + name + "' is not in the evaluation data (known: " + known + ")");
  }
  return static_cast<size_t>(it - data.devices.begin());
}

// The position of each of the space's reference architectures in the data, by canonical string.
std::map<std::string, size_t> referencePositions(const EvalData& data) {
  std::map<std::string, size_t> out;
  const auto refs = data.architectures.space->referenceArchitectures();
  std::set<std::string> wanted(refs.begin(), refs.end());
  for (size_t c = 0; c < data.architectures.size(); ++c)
    if (auto s = data.architectures.canonical(c); wanted.count(s)) out[s] = c;
  return out;
}

std::map<std::string, double> referenceLatencies(const EvalData& data, const std::map<std::string, size_t>& refs, size_t dev) {
  std::map<std::string, double> out;
  for (const auto& [canonical, c] : refs)
    if (const double ms = data.latencyMs[dev][c]; std::isfinite(ms)) out[canonical] = ms;
  return out;
}

// The architectures scored on a device under a protocol.
std::vector<size_t> scoredCells(const EvalData& data, size_t dev, EvalProtocol protocol) {
  std::vector<size_t> out;
  for (size_t c = 0; c < data.architectures.size(); ++c) {
    if (!std::isfinite(data.latencyMs[dev][c])) continue;
    if (protocol == EvalProtocol::Help && !(data.spaceIndex[c] && *data.spaceIndex[c] >= 900 && *data.spaceIndex[c] <= 1899))
      continue;
    out.push_back(c);
  }
  if (protocol == EvalProtocol::Help) {
    if (out.size() < 10)
      badInput("device '" + data.devices[dev] +
               "' has fewer than 10 measured architectures with NAS-Bench-201 indices 900..1899: the help protocol "
               "needs them (use " + setting("protocol", "full") + ")");
    std::sort(out.begin(), out.end(), [&](size_t a, size_t b) { return data.latencyMs[dev][a] < data.latencyMs[dev][b]; });
    const size_t drop = out.size() / 10;
    out = std::vector<size_t>(out.begin() + static_cast<std::ptrdiff_t>(drop), out.end() - static_cast<std::ptrdiff_t>(drop));
    std::sort(out.begin(), out.end());
  }
  return out;
}

// The k shots of one test device (see the header). Random draws use a partial Fisher-Yates on the
// raw generator output, so the draw is the same on every platform; they are seeded by the device's
// name, not its place in the list, so a device draws the same shots whichever devices it is tested with.
std::vector<size_t> drawShots(const EvalData& data, size_t dev, int k, ShotPolicy policy, const Predictor& trained,
                              const std::map<std::string, size_t>& refs, std::uint64_t seed) {
  std::vector<size_t> measured;
  for (size_t c = 0; c < data.architectures.size(); ++c)
    if (std::isfinite(data.latencyMs[dev][c])) measured.push_back(c);
  std::vector<size_t> shots;
  if (k == 0) return shots;
  if (policy == ShotPolicy::Design) {
    for (size_t pick : trained.designShots(data.architectures.subset(measured), static_cast<size_t>(k)))
      shots.push_back(measured[pick]);
    return shots;
  }
  if (policy == ShotPolicy::Reference)
    for (const auto& ref : data.architectures.space->referenceArchitectures()) {
      if (static_cast<int>(shots.size()) == k) break;
      auto it = refs.find(ref);
      if (it == refs.end() || !std::isfinite(data.latencyMs[dev][it->second]))
        badInput("device '" + data.devices[dev] + "' lacks reference architecture " + ref +
                 ", which the reference shot policy measures first: measure it or use " +
                 setting("shot-policy", "design"));
      shots.push_back(it->second);
    }
  std::vector<size_t> pool;
  for (size_t c : measured)
    if (std::find(shots.begin(), shots.end(), c) == shots.end()) pool.push_back(c);
  std::vector<std::uint32_t> words{static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32), static_cast<std::uint32_t>(k)};
  for (unsigned char c : data.devices[dev]) words.push_back(c);
  std::seed_seq seq(words.begin(), words.end());
  std::mt19937_64 rng(seq);
  for (size_t i = 0; static_cast<int>(shots.size()) < k; ++i) {
    const size_t j = i + static_cast<size_t>(rng() % (pool.size() - i));
    std::swap(pool[i], pool[j]);
    shots.push_back(pool[i]);
  }
  return shots;
}

void validate(const EvalData& data, const EvalOptions& o) {
  if (o.trainDevices.empty()) fail(ErrorKind::Usage, "no training devices: choose them (" + setting("train-devices", "A,B,..") + ")");
  if (o.testDevices.empty()) fail(ErrorKind::Usage, "no test devices: choose them (" + setting("test-devices", "C,D,..") + ")");
  if (o.seeds < 1) fail(ErrorKind::Usage, setting("seeds") + " must be at least 1");
  if (o.shots.empty()) fail(ErrorKind::Usage, "no shot counts: give them (" + setting("shots", "3,10") + ")");
  for (const auto& t : o.testDevices) {
    if (std::find(o.trainDevices.begin(), o.trainDevices.end(), t) != o.trainDevices.end())
      fail(ErrorKind::Usage, "device '" + t + "' is both a training and a test device: an unseen device must be unseen");
    deviceIndex(data, t);
  }
  for (const auto& t : o.trainDevices) deviceIndex(data, t);
  std::set<std::string> unique(o.testDevices.begin(), o.testDevices.end());
  if (unique.size() != o.testDevices.size()) fail(ErrorKind::Usage, "a test device is listed twice");
  for (int k : o.shots) {
    if (k < 0) fail(ErrorKind::Usage, "shot counts must be 0 or more");
    if (k == 0 && o.descriptorKind == descriptor::kReferenceLatency)
      fail(ErrorKind::Usage, "the reference-latency descriptor is built from measured latencies, so it needs at least 1 "
                             "shot: use " + setting("shots", "1") + " or more, or " + setting("descriptor", "specs") +
                                 " for zero shots");
    for (const auto& t : o.testDevices) {
      const auto& lat = data.latencyMs[deviceIndex(data, t)];
      const auto have = std::count_if(lat.begin(), lat.end(), [](double v) { return std::isfinite(v); });
      if (k > have)
        fail(ErrorKind::Usage, std::to_string(k) + " shots asked on '" + t + "', which has only " + std::to_string(have) +
                                   " measured architectures");
    }
  }
}

} // namespace

EvalResult evaluate(const EvalData& data, const EvalOptions& o, const ProgressFn& progress) {
  validate(data, o);
  const bool refKind = o.descriptorKind == descriptor::kReferenceLatency;
  const auto refs = referencePositions(data);

  TrainingPool pool;
  pool.descriptorKind = o.descriptorKind;
  pool.devices = o.trainDevices;
  std::vector<size_t> trainIdx;
  for (const auto& t : o.trainDevices) {
    const size_t dev = deviceIndex(data, t);
    trainIdx.push_back(dev);
    if (refKind)
      pool.descriptors.push_back(
          descriptor::referenceLatencyDescriptor(*data.architectures.space, referenceLatencies(data, refs, dev), t));
    else pool.descriptors.push_back(data.descriptors.at(t));
  }
  pool.latencyMs.assign(trainIdx.size(), {});
  pool.architectures.space = data.architectures.space;
  for (size_t c = 0; c < data.architectures.size(); ++c) {
    bool complete = true;
    for (size_t dev : trainIdx) complete = complete && std::isfinite(data.latencyMs[dev][c]);
    if (!complete) continue;
    pool.architectures.genotypes.push_back(data.architectures.genotypes[c]);
    for (size_t i = 0; i < trainIdx.size(); ++i) pool.latencyMs[i].push_back(data.latencyMs[trainIdx[i]][c]);
  }
  if (pool.architectures.size() < 20)
    badInput("the training devices share only " + std::to_string(pool.architectures.size()) +
             " architectures measured on all of them");

  SharedProgress shared(progress);
  TrainOptions to;
  to.seed = o.seed;
  to.threads = o.threads;
  auto trained = train(o.method, pool, to, [&](double f, const std::string& stage) { return shared.report(0.5 * f, "training: " + stage); });

  struct Job {
    size_t shotSlot, seedSlot, testSlot;
  };
  std::vector<Job> jobs;
  for (size_t k = 0; k < o.shots.size(); ++k)
    for (size_t s = 0; s < static_cast<size_t>(o.seeds); ++s)
      for (size_t t = 0; t < o.testDevices.size(); ++t) jobs.push_back({k, s, t});

  EvalResult result;
  result.options = o;
  result.results.resize(o.shots.size());
  for (size_t k = 0; k < o.shots.size(); ++k) {
    result.results[k].shots = o.shots[k];
    result.results[k].runs.resize(static_cast<size_t>(o.seeds));
    for (size_t s = 0; s < static_cast<size_t>(o.seeds); ++s) result.results[k].runs[s].seed = o.seed + s;
  }
  std::vector<std::vector<size_t>> scored;
  for (const auto& t : o.testDevices) scored.push_back(scoredCells(data, deviceIndex(data, t), o.protocol));

  std::mutex resultMutex;
  std::atomic<size_t> done{0};
  // One job per (shot count, seed, test device); a failure or a cancel stops the others pulling more.
  parallelFor(jobs.size(), o.threads > 0 ? o.threads : availableCpus(), [&](size_t j) {
        const auto& job = jobs[j];
        const int k = o.shots[job.shotSlot];
        const std::uint64_t seed = o.seed + job.seedSlot;
        const auto& name = o.testDevices[job.testSlot];
        const size_t dev = deviceIndex(data, name);
        const auto shots = drawShots(data, dev, k, o.shotPolicy, *trained, refs, seed);
        std::vector<Shot> shotList;
        for (size_t c : shots) shotList.push_back({data.architectures.genotypes[c], data.latencyMs[dev][c]});
        const auto* stored = refKind ? nullptr : &data.descriptors.at(name);
        auto adapted = trained->adapt(targetFromShots(name, o.descriptorKind, *data.architectures.space, std::move(shotList),
                                                      stored, o.shotPolicy));
        const auto& cellsIdx = scored[job.testSlot];
        std::vector<double> measured;
        for (size_t c : cellsIdx) measured.push_back(data.latencyMs[dev][c]);
        std::vector<double> spread;
        const auto predicted = adapted->predictMs(data.architectures.subset(cellsIdx), &spread);
        // Scored on the architectures the adaptation did not see: a shot is training data.
        std::set<size_t> shotSet(shots.begin(), shots.end());
        std::vector<double> p, m, sp;
        for (size_t i = 0; i < cellsIdx.size(); ++i)
          if (!shotSet.count(cellsIdx[i])) {
            p.push_back(predicted[i]), m.push_back(measured[i]);
            if (!spread.empty()) sp.push_back(spread[i]);
          }
        // Every scored architecture a shot (k = all measured): scored in sample, and marked so.
        const bool inSample = p.empty();
        auto metrics = inSample ? computeMetrics(predicted, measured) : computeMetrics(p, m);
        metrics.inSample = inSample;
        if (!spread.empty() && !inSample) addCoverage(metrics, p, m, sp);
        std::vector<ScoredPrediction> preds;
        for (size_t i = 0; i < cellsIdx.size(); ++i)
          preds.push_back({cellsIdx[i], predicted[i], measured[i], shotSet.count(cellsIdx[i]) > 0});
        {
          std::lock_guard lock(resultMutex);
          auto& run = result.results[job.shotSlot].runs[job.seedSlot];
          run.devices[name] = metrics;
          run.predictions[name] = std::move(preds);
        }
        const size_t finished = ++done;
        shared.report(0.5 + 0.5 * static_cast<double>(finished) / static_cast<double>(jobs.size()),
                      "adapting and scoring " + std::to_string(finished) + "/" + std::to_string(jobs.size()));
      },
      shared.stopFlag());
  if (shared.cancelled()) fail(ErrorKind::Cancelled, "evaluation cancelled");

  for (auto& r : result.results) {
    for (auto& run : r.runs) {
      std::vector<Metrics> all;
      for (const auto& t : o.testDevices) all.push_back(run.devices.at(t));
      run.mean = meanMetrics(all);
    }
    std::vector<Metrics> seedMeans;
    for (const auto& run : r.runs) seedMeans.push_back(run.mean);
    r.sd = sdMetrics(seedMeans);
    std::vector<Metrics> perDevice;
    for (const auto& t : o.testDevices) {
      std::vector<Metrics> seeds;
      for (const auto& run : r.runs) seeds.push_back(run.devices.at(t));
      r.devices[t] = meanMetrics(seeds);
      perDevice.push_back(r.devices[t]);
    }
    r.mean = meanMetrics(perDevice);
  }
  return result;
}

nlohmann::json toJson(const EvalResult& r) {
  nlohmann::json results = nlohmann::json::array();
  for (const auto& s : r.results) {
    nlohmann::json devices = nlohmann::json::object();
    for (const auto& [name, m] : s.devices) devices[name] = toJson(m);
    results.push_back({{"shots", s.shots}, {"devices", devices}, {"mean", toJson(s.mean)}, {"sd", toJson(s.sd)}});
  }
  return {{"method", r.options.method},
          {"descriptor", r.options.descriptorKind},
          {"protocol", protocolName(r.options.protocol)},
          {"shot_policy", shotPolicyName(r.options.shotPolicy)},
          {"deterministic", isDeterministic(r.options.shotPolicy)},
          {"seeds", r.options.seeds},
          {"train_devices", r.options.trainDevices},
          {"test_devices", r.options.testDevices},
          {"results", results}};
}

nlohmann::json storedMetrics(const std::map<std::string, Metrics>& devices, const Metrics& mean,
                             const std::vector<std::string>& trainDevices, const std::vector<std::string>& testDevices) {
  nlohmann::json perDevice = nlohmann::json::object();
  for (const auto& [name, m] : devices) perDevice[name] = toJson(m);
  return {{"devices", perDevice}, {"mean", toJson(mean)}, {"train_devices", trainDevices}, {"test_devices", testDevices}};
}

} // namespace maple::predict
