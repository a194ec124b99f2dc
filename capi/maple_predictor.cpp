// The C API over the core's predictor file and predictor contract. No exception crosses it: every
// entry point catches and records the text for maple_last_error().
#include "maple/maple_predictor.h"

#include "common/error.hpp"
#include "common/setting.hpp"
#include "descriptor/from_shots.hpp"
#include "predict/predictor.hpp"
#include "predictfile/from_predictor.hpp"
#include "predictfile/predictor_file.hpp"
#include "searchspace/architecture.hpp"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <cmath>
#include <memory>
#include <string>
#include <vector>

struct maple_predictor {
  maple::predictfile::PredictorFile file;
  std::unique_ptr<maple::predict::Predictor> base;  // as stored
  std::unique_ptr<maple::predict::Predictor> bound; // base adapted to a descriptor (pool-trained files)
  std::string info, kind, device, space;
  std::vector<std::string> names;

  const maple::predict::Predictor& active() const {
    if (bound) return *bound;
    if (!base->targetDevice().empty()) return *base;
    throw maple::Error(maple::ErrorKind::Usage, "the predictor is pool-trained and not bound to a device: call "
                                                "maple_predictor_bind with the device's descriptor first");
  }
};

namespace {

thread_local std::string tLastError;

template <class F> auto guarded(F&& f, decltype(f()) onError) noexcept -> decltype(f()) {
  try {
    tLastError.clear();
    return f();
  } catch (const std::exception& e) {
    tLastError = maple::plainSettings(e.what()); // no face of its own: plain words
  } catch (...) {
    tLastError = "unknown error";
  }
  return onError;
}

void need(bool ok, const char* what) {
  if (!ok) throw maple::Error(maple::ErrorKind::Usage, what);
}

const maple::searchspace::SearchSpace& spaceOf(const maple_predictor* p) { return maple::searchspace::space(p->space); }

// Architectures by code: only an enumerable space has codes (nb201: its cell codes).
maple::searchspace::ArchitectureSet codesOf(const maple_predictor* p, const int32_t* codes, size_t count) {
  const auto& space = spaceOf(p);
  if (!space.size())
    throw maple::Error(maple::ErrorKind::Usage, std::string(space.name()) + " has no integer index: give architecture "
                                                "strings (maple_predictor_predict_strings)");
  maple::searchspace::ArchitectureSet set{&space, {}};
  set.genotypes.reserve(count);
  for (size_t i = 0; i < count; ++i) set.genotypes.push_back(space.fromIndex(codes[i]));
  return set;
}

// Architectures by string, parsed with the predictor's own space.
maple::searchspace::ArchitectureSet stringsOf(const maple_predictor* p, const char* const* archs, size_t count,
                                              const char* what) {
  const auto& space = spaceOf(p);
  maple::searchspace::ArchitectureSet set{&space, {}};
  set.genotypes.reserve(count);
  for (size_t i = 0; i < count; ++i) {
    need(archs[i] != nullptr, what);
    try {
      set.genotypes.push_back(space.parse(archs[i]));
    } catch (const std::exception& e) {
      throw maple::Error(maple::ErrorKind::BadInput, "architecture " + std::to_string(i) + ": " + e.what());
    }
  }
  return set;
}

// The handle for a predictor made here (adapted): its file is what maple_predictor_save writes.
maple_predictor* wrap(maple::predictfile::PredictorFile file, std::unique_ptr<maple::predict::Predictor> model) {
  auto p = std::make_unique<maple_predictor>();
  p->file = std::move(file);
  p->base = std::move(model);
  p->info = maple::predictfile::headerJson(p->file).dump();
  p->kind = p->base->descriptorKind();
  p->device = p->base->targetDevice();
  p->space = std::string(p->base->searchSpace());
  p->names = p->file.state.meta.value("descriptor_names", std::vector<std::string>{});
  return p.release();
}

int predictSet(const maple_predictor* p, const maple::searchspace::ArchitectureSet& set, double* out) {
  const auto ms = p->active().predictMs(set);
  std::copy(ms.begin(), ms.end(), out);
  return 0;
}

// A new handle: `p` adapted to a device from shots (architectures of p's space and their ms).
maple_predictor* adaptTo(const maple_predictor* p, const char* device, const maple::searchspace::ArchitectureSet& shots,
                         const double* latencies_ms, const char* const* names, const double* values, size_t value_count) {
  if (!p->base->targetDevice().empty())
    throw maple::Error(maple::ErrorKind::Usage, "the predictor is adapted to '" + p->base->targetDevice() +
                                                    "' already: adapt the pool-trained predictor it came from");
  maple::predict::Target t;
  t.device = device && *device ? device : "adapted";
  const std::vector<double> ms(latencies_ms, latencies_ms + shots.size());
  for (size_t i = 0; i < shots.size(); ++i) {
    need(ms[i] > 0, "maple_predictor_adapt: a latency is not a positive number of ms");
    t.shots.push_back({shots.genotypes[i], ms[i]});
  }
  if (value_count > 0) {
    t.descriptor.kind = p->kind;
    for (size_t i = 0; i < value_count; ++i) {
      need(names[i] != nullptr, "maple_predictor_adapt: a descriptor name is NULL");
      t.descriptor.names.emplace_back(names[i]);
      t.descriptor.values.push_back(values[i]);
    }
  } else if (p->kind == "reference-latency") {
    t.descriptor = maple::descriptor::referenceLatencyFromShots(shots, ms, t.device);
  } else {
    throw maple::Error(maple::ErrorKind::Usage, "a " + p->kind + " predictor needs the device's descriptor values "
                                                                "(names and values; maple descriptor writes them)");
  }
  auto adapted = p->base->adapt(t);
  maple::predictfile::Creation created;
  created.provenance = "C API: maple_predictor_adapt to " + t.device + " with " + std::to_string(shots.size()) + " shots";
  created.parent = maple::predictfile::toJson(p->file.created);
  auto file = maple::predictfile::fileFromPredictor(*adapted, created); // before adapted is moved from
  file.indexTable = p->file.indexTable;
  return wrap(std::move(file), std::move(adapted));
}

// snprintf's contract: writes what fits of `text` NUL-terminated, returns its full length.
int copyOut(const std::string& text, char* buf, size_t size) {
  if (buf && size > 0) {
    const size_t n = std::min(size - 1, text.size());
    std::memcpy(buf, text.data(), n);
    buf[n] = '\0';
  }
  return static_cast<int>(text.size());
}

} // namespace

extern "C" {

int maple_predictor_api_version(void) { return MAPLE_PREDICTOR_API_VERSION; }

maple_predictor* maple_predictor_open(const char* path) {
  return guarded(
      [&]() -> maple_predictor* {
        need(path != nullptr, "maple_predictor_open: path is NULL");
        auto file = maple::predictfile::readPredictorFile(path);
        std::unique_ptr<maple::predict::Predictor> model;
        try {
          model = maple::predict::restore(file.state);
          // An adapted predictor is tried once: weights that restore but cannot predict (forged
          // to overflow) fail here, at open, not in the caller's first prediction.
          if (!model->targetDevice().empty()) {
            const auto& space = maple::searchspace::space(model->searchSpace());
            model->predictMs({&space, {space.parse(space.referenceArchitectures().front())}});
          }
        } catch (const std::exception& e) {
          throw maple::Error(maple::ErrorKind::BadInput, std::string(path) + ": the predictor inside cannot be rebuilt: " + e.what());
        }
        return wrap(std::move(file), std::move(model));
      },
      nullptr);
}

void maple_predictor_close(maple_predictor* p) { delete p; }

const char* maple_predictor_info(const maple_predictor* p) {
  return guarded([&]() -> const char* { need(p, "maple_predictor_info: handle is NULL"); return p->info.c_str(); }, nullptr);
}

const char* maple_predictor_descriptor_kind(const maple_predictor* p) {
  return guarded([&]() -> const char* { need(p, "maple_predictor_descriptor_kind: handle is NULL"); return p->kind.c_str(); },
                 nullptr);
}

size_t maple_predictor_descriptor_count(const maple_predictor* p) { return p ? p->names.size() : 0; }

const char* maple_predictor_descriptor_name(const maple_predictor* p, size_t i) {
  return guarded(
      [&]() -> const char* {
        need(p && i < p->names.size(), "maple_predictor_descriptor_name: no such descriptor value");
        return p->names[i].c_str();
      },
      nullptr);
}

const char* maple_predictor_search_space(const maple_predictor* p) {
  return guarded([&]() -> const char* { need(p, "maple_predictor_search_space: handle is NULL"); return p->space.c_str(); },
                 nullptr);
}

const char* maple_predictor_device(const maple_predictor* p) {
  return guarded([&]() -> const char* { need(p, "maple_predictor_device: handle is NULL"); return p->device.c_str(); },
                 nullptr);
}

int maple_predictor_bind(maple_predictor* p, const char* device, const char* const* names, const double* values,
                         size_t count) {
  return guarded(
      [&]() -> int {
        need(p && names && values && count > 0, "maple_predictor_bind: handle, names and values are required");
        if (!p->base->targetDevice().empty())
          throw maple::Error(maple::ErrorKind::Usage,
                             "the predictor is adapted to '" + p->base->targetDevice() + "' already; it cannot be bound");
        maple::predict::Target t;
        t.device = device ? device : "bound";
        t.descriptor.kind = p->kind;
        for (size_t i = 0; i < count; ++i) {
          need(names[i] != nullptr, "maple_predictor_bind: a descriptor name is NULL");
          if (!p->names.empty() && std::find(p->names.begin(), p->names.end(), names[i]) == p->names.end())
            throw maple::Error(maple::ErrorKind::Usage, std::string("descriptor value '") + names[i] +
                                                            "' is not one the predictor was trained with (see "
                                                            "maple_predictor_descriptor_name)");
          if (!std::isfinite(values[i]))
            throw maple::Error(maple::ErrorKind::BadInput, std::string("descriptor value '") + names[i] +
                                                               "' is not a finite number");
          t.descriptor.names.emplace_back(names[i]);
          t.descriptor.values.push_back(values[i]);
        }
        p->bound = p->base->adapt(t);
        p->device = t.device;
        return 0;
      },
      -1);
}

int maple_predictor_predict_strings(const maple_predictor* p, const char* const* archs, size_t count, double* out_ms) {
  return guarded(
      [&]() -> int {
        need(p && (count == 0 || (archs && out_ms)), "maple_predictor_predict_strings: NULL argument");
        return predictSet(p, stringsOf(p, archs, count, "maple_predictor_predict_strings: an architecture is NULL"), out_ms);
      },
      -1);
}

int maple_predictor_predict_codes(const maple_predictor* p, const int32_t* codes, size_t count, double* out_ms) {
  return guarded(
      [&]() -> int {
        need(p && (count == 0 || (codes && out_ms)), "maple_predictor_predict_codes: NULL argument");
        return predictSet(p, codesOf(p, codes, count), out_ms);
      },
      -1);
}

int maple_predictor_spread_codes(const maple_predictor* p, const int32_t* codes, size_t count, double* out_spread) {
  return guarded(
      [&]() -> int {
        need(p && (count == 0 || (codes && out_spread)), "maple_predictor_spread_codes: NULL argument");
        std::vector<double> spread;
        p->active().predictMs(codesOf(p, codes, count), &spread);
        if (spread.size() != count)
          throw maple::Error(maple::ErrorKind::Usage, "method '" + p->base->method() + "' gives no per-prediction uncertainty");
        std::copy(spread.begin(), spread.end(), out_spread);
        return 0;
      },
      -1);
}

maple_predictor* maple_predictor_adapt(const maple_predictor* p, const char* device, const int32_t* codes,
                                       const double* latencies_ms, size_t count, const char* const* names,
                                       const double* values, size_t value_count) {
  return guarded(
      [&]() -> maple_predictor* {
        need(p && (count == 0 || (codes && latencies_ms)) && (value_count == 0 || (names && values)),
             "maple_predictor_adapt: NULL argument");
        return adaptTo(p, device, codesOf(p, codes, count), latencies_ms, names, values, value_count);
      },
      nullptr);
}

maple_predictor* maple_predictor_adapt_strings(const maple_predictor* p, const char* device, const char* const* archs,
                                               const double* latencies_ms, size_t count, const char* const* names,
                                               const double* values, size_t value_count) {
  return guarded(
      [&]() -> maple_predictor* {
        need(p && (count == 0 || (archs && latencies_ms)) && (value_count == 0 || (names && values)),
             "maple_predictor_adapt_strings: NULL argument");
        return adaptTo(p, device, stringsOf(p, archs, count, "maple_predictor_adapt_strings: an architecture is NULL"),
                       latencies_ms, names, values, value_count);
      },
      nullptr);
}

int maple_predictor_index_codes(const maple_predictor* p, const int64_t* indices, size_t count, int32_t* out_codes) {
  return guarded(
      [&]() -> int {
        need(p && (count == 0 || (indices && out_codes)), "maple_predictor_index_codes: NULL argument");
        for (size_t i = 0; i < count; ++i) out_codes[i] = maple::predictfile::codeOfIndex(p->file, indices[i]);
        return 0;
      },
      -1);
}

int maple_predictor_save(const maple_predictor* p, const char* path, int overwrite) {
  return guarded(
      [&]() -> int {
        need(p && path, "maple_predictor_save: NULL argument");
        if (!overwrite && std::filesystem::exists(path))
          throw maple::Error(maple::ErrorKind::Usage, std::string(path) + " exists: pass overwrite 1 to replace it");
        maple::predictfile::writePredictorFile(path, p->file);
        return 0;
      },
      -1);
}

int maple_arch_string(int32_t code, char* buf, size_t size) {
  return guarded(
      [&]() -> int {
        const auto text = maple::nb201::toString(maple::nb201::cellFromCode(code));
        return copyOut(text, buf, size);
      },
      -1);
}

int maple_arch_canonical(const char* space, const char* arch, char* buf, size_t size) {
  return guarded(
      [&]() -> int {
        need(space && arch, "maple_arch_canonical: NULL argument");
        const auto text = maple::searchspace::space(space).canonical(arch);
        return copyOut(text, buf, size);
      },
      -1);
}

int32_t maple_arch_code(const char* arch) {
  return guarded([&]() -> int32_t { need(arch, "maple_arch_code: NULL"); return maple::nb201::cellCode(maple::nb201::parseCell(arch)); },
                 -1);
}

const char* maple_last_error(void) { return tLastError.c_str(); }

} // extern "C"
