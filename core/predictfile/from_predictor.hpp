#pragma once
// The predictor file for a live Predictor (CLI `maple train/adapt`, the workbench's File > Export
// predictor). Header-only: it uses the contract's virtual interface, so this module need not link
// the predict module (which sits above the store, which uses this module).
#include "predict/predictor.hpp"
#include "predictfile/predictor_file.hpp"

namespace maple::predictfile {

// `created` is completed with this process's tool, host and time; the caller sets project,
// provenance and, for an adapted predictor, the parent file's Creation.
inline PredictorFile fileFromPredictor(const predict::Predictor& p, Creation created,
                                       nlohmann::json evaluation = nlohmann::json::object()) {
  const auto here = creationHere();
  created.tool = here.tool;
  created.host = here.host;
  created.time = here.time;
  PredictorFile f;
  f.state = p.state();
  f.targetDevice = p.targetDevice();
  f.evaluation = std::move(evaluation);
  f.created = std::move(created);
  return f;
}

} // namespace maple::predictfile
