#include "cli/predictor_support.hpp"

#include "cli/interrupt.hpp"
#include "cli/output.hpp"
#include "common/error.hpp"
#include "common/text.hpp"
#include "store/open_checks.hpp"
#include "store/schema.hpp"

#include <algorithm>
#include <cmath>
#include <sys/stat.h>

namespace maple::cli {

predict::ProgressFn progressOnStderr(const std::string& verb) {
  return [verb, last = -1](double fraction, const std::string& stage) mutable {
    const int pct = static_cast<int>(std::lround(100 * fraction));
    if (pct != last) {
      progressLine(verb + ": " + stage + " " + std::to_string(pct) + " %", pct >= 100);
      last = pct;
    }
    return !InterruptGuard::interrupted();
  };
}

std::unique_ptr<predict::Predictor> fromFile(const predictfile::PredictorFile& file, const std::string& name) {
  try {
    return predict::restore(file.state);
  } catch (const Error& e) {
    badInput(name + ": the predictor inside cannot be rebuilt: " + e.what());
  }
}

void checkOutput(const std::string& path, bool force) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return; // nothing there (or unreachable: the write will say why)
  bool project = false;
  try {
    const auto h = store::readFileHeader(path);
    project = h.sqlite && h.applicationId == store::kApplicationId;
  } catch (const Error&) {
  }
  if (project)
    fail(ErrorKind::Usage, "refusing to overwrite " + text::quote(path) +
                               ": it is a MAPLE project, which --out never replaces (--force only replaces other files)");
  if (!force)
    fail(ErrorKind::Usage, "refusing to overwrite " + text::quote(path) + ": choose another --out or add --force");
}

void checkDescriptor(const predict::Predictor& p, const predictfile::PredictorFile& file,
                     const descriptor::Descriptor& d, const std::string& from) {
  if (d.kind != p.descriptorKind())
    fail(ErrorKind::Usage, from + " gives a '" + d.kind + "' descriptor but the predictor was trained on '" +
                               p.descriptorKind() + "' descriptors: give one of that kind");
  // Predictors match values by name and use those present, so a subset is fine; none is not.
  const auto names = file.state.meta.value("descriptor_names", std::vector<std::string>{});
  for (const auto& n : d.names)
    if (std::find(names.begin(), names.end(), n) != names.end()) return;
  if (names.empty()) return; // the method keeps no names: it checks the values itself
  fail(ErrorKind::Usage, from + " shares no value name with the predictor, which expects " + text::quote(names.front()) +
                             (names.size() > 1 ? " and " + std::to_string(names.size() - 1) + " more" : std::string()));
}

} // namespace maple::cli
