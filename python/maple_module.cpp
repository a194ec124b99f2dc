// The `maple` Python module: predictor files with numpy in and out (docs/python.md).
#include "common/error.hpp"
#include "common/setting.hpp"
#include "descriptor/from_shots.hpp"
#include "predict/predictor.hpp"
#include "predictfile/from_predictor.hpp"
#include "predictfile/predictor_file.hpp"
#include "searchspace/cost.hpp"
#include "descriptor/from_data.hpp"
#include "searchspace/architecture.hpp"

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <cmath>
#include <filesystem>
#include <map>
#include <optional>

namespace py = pybind11;
using namespace maple;

namespace {

// Strings of `space`, or integer codes of an enumerable space (a numpy integer array or a list of
// ints; nb201: cell codes); one string alone too.
searchspace::ArchitectureSet toSet(const searchspace::SearchSpace& space, const py::object& archs) {
  searchspace::ArchitectureSet set{&space, {}};
  auto fromCode = [&](long long code) {
    if (!space.size())
      fail(ErrorKind::Usage, std::string(space.name()) + " has no integer index: give architecture strings");
    if (code < 0 || code >= *space.size())
      badInput("cell code " + std::to_string(code) + " is outside 0.." + std::to_string(*space.size() - 1));
    return space.fromIndex(code);
  };
  if (py::isinstance<py::str>(archs)) return {&space, {space.parse(archs.cast<std::string>())}};
  if (py::isinstance<py::array>(archs) && py::array(archs.cast<py::array>()).dtype().kind() == 'i') {
    for (auto code : py::array_t<long long, py::array::forcecast>(archs).cast<std::vector<long long>>())
      set.genotypes.push_back(fromCode(code));
    return set;
  }
  size_t i = 0;
  for (const auto& a : archs) {
    try {
      if (py::isinstance<py::str>(a)) set.genotypes.push_back(space.parse(a.cast<std::string>()));
      else set.genotypes.push_back(fromCode(a.cast<long long>()));
    } catch (const py::cast_error&) {
      badInput("architecture " + std::to_string(i) + " is neither a string nor an integer cell code");
    } catch (const std::exception& e) {
      badInput("architecture " + std::to_string(i) + ": " + e.what());
    }
    ++i;
  }
  return set;
}

py::array_t<double> toArray(const std::vector<double>& v) {
  py::array_t<double> out(static_cast<py::ssize_t>(v.size()));
  std::copy(v.begin(), v.end(), out.mutable_data());
  return out;
}

class PyPredictor {
public:
  explicit PyPredictor(const std::string& path) : file_(predictfile::readPredictorFile(path)) {
    try {
      model_ = predict::restore(file_.state);
    } catch (const std::exception& e) {
      badInput(path + ": the predictor inside cannot be rebuilt: " + e.what());
    }
  }
  PyPredictor(predictfile::PredictorFile file, std::unique_ptr<predict::Predictor> model)
      : file_(std::move(file)), model_(std::move(model)) {}

  py::array_t<double> predict(const py::object& archs) const { return toArray(model_->predictMs(toSet(space(), archs))); }

  py::array_t<double> predictAll() const {
    if (!space().size())
      fail(ErrorKind::Usage, std::string(space().name()) + " is not enumerable: predict a list of architectures instead");
    return toArray(model_->predictMs({&space(), space().enumerate()}));
  }

  py::array_t<double> spread(const py::object& archs) const {
    std::vector<double> spread;
    model_->predictMs(toSet(space(), archs), &spread);
    if (spread.empty())
      fail(ErrorKind::Usage, "method '" + model_->method() + "' gives no per-prediction uncertainty");
    return toArray(spread);
  }

  PyPredictor adapt(const py::object& archs, const py::object& latencies, const std::optional<std::map<std::string, double>>& descriptor,
                    const std::string& device) const {
    if (!model_->targetDevice().empty())
      fail(ErrorKind::Usage, "this predictor is adapted to '" + model_->targetDevice() +
                                 "' already: adapt the pool-trained predictor it came from");
    const auto set = toSet(space(), archs);
    const auto ms = py::array_t<double, py::array::forcecast>(latencies).cast<std::vector<double>>();
    if (ms.size() != set.size())
      badInput(std::to_string(set.size()) + " architectures but " + std::to_string(ms.size()) + " latencies");
    predict::Target t;
    t.device = device;
    t.descriptor = descriptor ? fromDict(*descriptor) : referenceDescriptor(set, ms);
    for (size_t i = 0; i < set.size(); ++i) {
      if (!(ms[i] > 0) || !std::isfinite(ms[i])) badInput("latency " + std::to_string(i) + " is not a positive number of ms");
      t.shots.push_back({set.genotypes[i], ms[i]});
    }
    auto adapted = model_->adapt(t);
    predictfile::Creation created;
    created.provenance = "maple Python module: adapt to " + device + " with " + std::to_string(set.size()) + " shots";
    created.parent = predictfile::toJson(file_.created);
    auto file = predictfile::fileFromPredictor(*adapted, created);
    file.indexTable = file_.indexTable;
    return {std::move(file), std::move(adapted)};
  }

  // NAS-Bench-201 dataset indices -> cell codes, through the file's index table.
  py::array_t<long long> codesOfIndices(const py::object& indices) const {
    std::vector<long long> codes;
    for (auto i : py::array_t<long long, py::array::forcecast>(indices).cast<std::vector<long long>>())
      codes.push_back(predictfile::codeOfIndex(file_, i));
    py::array_t<long long> out(static_cast<py::ssize_t>(codes.size()));
    std::copy(codes.begin(), codes.end(), out.mutable_data());
    return out;
  }

  py::object indexTable() const {
    if (file_.indexTable.empty()) return py::none();
    py::array_t<long long> out(static_cast<py::ssize_t>(file_.indexTable.size()));
    std::copy(file_.indexTable.begin(), file_.indexTable.end(), out.mutable_data());
    return out;
  }

  void save(const std::string& path, bool overwrite) const {
    if (!overwrite && std::filesystem::exists(path))
      fail(ErrorKind::Usage, path + " exists: pass overwrite=True to replace it");
    predictfile::writePredictorFile(path, file_);
  }

  std::string infoJson() const { return predictfile::headerJson(file_).dump(); }
  std::string method() const { return model_->method(); }
  std::string spaceName() const { return std::string(model_->searchSpace()); }
  std::string kind() const { return model_->descriptorKind(); }
  std::string device() const { return model_->targetDevice(); }
  std::vector<std::string> trainingDevices() const { return model_->trainingDevices(); }

private:
  const searchspace::SearchSpace& space() const { return searchspace::space(model_->searchSpace()); }

  descriptor::Descriptor fromDict(const std::map<std::string, double>& values) const {
    descriptor::Descriptor d;
    d.kind = model_->descriptorKind();
    d.provenance = "Python dict";
    for (const auto& [name, value] : values) {
      d.names.push_back(name);
      d.values.push_back(value);
    }
    if (d.names.empty()) badInput("the descriptor is empty");
    return d;
  }

  descriptor::Descriptor referenceDescriptor(const searchspace::ArchitectureSet& shots, const std::vector<double>& ms) const {
    if (model_->descriptorKind() != "reference-latency")
      fail(ErrorKind::Usage, "a " + model_->descriptorKind() + " predictor needs the device's descriptor: pass descriptor= "
                                                             "(a dict, or a file from maple descriptor)");
    return descriptor::referenceLatencyFromShots(shots, ms, "the device");
  }

  predictfile::PredictorFile file_;
  std::unique_ptr<predict::Predictor> model_;
};

template <class F> py::array_t<double> costOf(const py::object& archs, const std::string& space, F field) {
  std::vector<double> v;
  const auto& s = searchspace::space(space);
  for (const auto& g : toSet(s, archs).genotypes) v.push_back(field(s.features(g)));
  return toArray(v);
}

} // namespace

PYBIND11_MODULE(_maple, m) {
  m.doc() = "MAPLE Workbench predictor files (see the package docstring)";
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const Error& e) {
      const auto text = plainSettings(e.what()); // no face of its own: plain words
      if (e.kind() == ErrorKind::Io) PyErr_SetString(PyExc_OSError, text.c_str());
      else PyErr_SetString(PyExc_ValueError, text.c_str());
    }
  });
  m.attr("SPACE_SIZE") = nb201::kSpaceSize;
  py::dict refs; // NAS-Bench-201's, by HELP index
  const auto& nb201 = searchspace::nb201Space();
  const auto nb201Refs = nb201.referenceArchitectures();
  for (size_t k = 0; k < nb201Refs.size(); ++k) refs[py::int_(*descriptor::referenceDatasetIndex(nb201, k))] = nb201Refs[k];
  m.attr("REFERENCE_ARCHS") = refs;
  m.attr("SEARCH_SPACES") = [] {
    std::vector<std::string> names;
    for (auto n : searchspace::spaceNames()) names.emplace_back(n);
    return names;
  }();
  m.def("reference_archs", [](const std::string& space) { return searchspace::space(space).referenceArchitectures(); },
        py::arg("space"), "The search space's reference architectures (HELP's), in order");
  m.def("canonical", [](const std::string& space, const std::string& arch) { return searchspace::space(space).canonical(arch); },
        py::arg("space"), py::arg("arch"), "The canonical string of an architecture of a search space");
  m.def("arch_code", [](const std::string& s) { return nb201::cellCode(nb201::parseCell(s)); },
        "The cell code (0..15624) of an architecture string");
  m.def("arch_string", [](int code) { return nb201::toString(nb201::cellFromCode(code)); },
        "The architecture string of a cell code");
  m.def("macs", [](const py::object& a, const std::string& s) { return costOf(a, s, [](const searchspace::Features& f) { return f.macs; }); },
        py::arg("archs"), py::arg("space") = "nb201",
        "Multiply-accumulates of each architecture's whole network (NAS-Bench-201's FLOPs), batch 1");
  m.def("params", [](const py::object& a, const std::string& s) { return costOf(a, s, [](const searchspace::Features& f) { return f.params; }); },
        py::arg("archs"), py::arg("space") = "nb201", "Parameters of each architecture's whole network");

  py::class_<PyPredictor>(m, "Predictor")
      .def(py::init<const std::string&>(), py::arg("path"), "Opens and validates a .maplepred file")
      .def("predict", &PyPredictor::predict, py::arg("archs"), "Latency in ms of each architecture (numpy array)")
      .def("predict_all", &PyPredictor::predictAll, "Latency in ms of all 15,625 cells, in cell-code order")
      .def("spread", &PyPredictor::spread, py::arg("archs"),
           "Per-prediction uncertainty (relative, 1 sigma in log space) of each architecture")
      .def("_adapt_native", &PyPredictor::adapt, py::arg("archs"), py::arg("latencies_ms"), py::arg("descriptor"),
           py::arg("device"))
      .def("save", &PyPredictor::save, py::arg("path"), py::arg("overwrite") = false,
           "Writes the predictor to a .maplepred file (refuses to replace one unless overwrite=True)")
      .def_property_readonly("info", [](const PyPredictor& p) { return py::module_::import("json").attr("loads")(p.infoJson()); },
                             "The file's header as a dict")
      .def("codes_of_indices", &PyPredictor::codesOfIndices, py::arg("indices"),
           "Cell codes of NAS-Bench-201 dataset indices, from the file's index table (numpy array)")
      .def_property_readonly("index_table", &PyPredictor::indexTable,
                             "Cell code of each NAS-Bench-201 dataset index (numpy array), or None when the file carries no table")
      .def_property_readonly("method", &PyPredictor::method)
      .def_property_readonly("search_space", &PyPredictor::spaceName, "The search space its architectures are of")
      .def_property_readonly("descriptor_kind", &PyPredictor::kind)
      .def_property_readonly("device", &PyPredictor::device, "The device it is adapted to ('' when pool-trained)")
      .def_property_readonly("training_devices", &PyPredictor::trainingDevices);
}
