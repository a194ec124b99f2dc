#include "predictfile/predictor_file.hpp"

#include "common/error.hpp"
#include "common/json_parse.hpp"
#include "predictfile/checksum.hpp"
#include "searchspace/nb201.hpp"
#include "searchspace/space.hpp"

#include <bit>
#include <cmath>
#include <cstring>

namespace maple::predictfile {
namespace {

constexpr char kMagic[8] = {'M', 'A', 'P', 'L', 'P', 'R', 'E', 'D'};
constexpr std::uint8_t kFloat64 = 1;
// Meta keys the header stores at its top level (header key, meta key).
constexpr std::pair<const char*, const char*> kLifted[] = {
    {"search_space", "search_space"},         {"space_version", "space_version"}, {"feature_layout", "feature_layout"},
    {"method", "method"},                     {"feature_scaling", "feature_scaling"},
    {"training_devices", "training_devices"}};
// Format 1 kept the pool's architectures as NAS-Bench-201 cell codes in this array (its shape in
// meta "shapes"), or, for other spaces, as canonical strings in this meta key; format 2 keeps both
// as the architecture list kPoolList.
constexpr const char* kV1CodeArray = "pool.cell_codes";
constexpr const char* kV1PoolMeta = "pool_architectures";
constexpr const char* kPoolList = "pool.architectures";

class Writer {
public:
  void bytes(const void* p, std::size_t n) {
    const auto* b = static_cast<const std::uint8_t*>(p);
    out_.insert(out_.end(), b, b + n);
  }
  template <class T> void le(T v) {
    for (std::size_t i = 0; i < sizeof(T); ++i) out_.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
  }
  void doubles(const std::vector<double>& v) {
    if constexpr (std::endian::native == std::endian::little) {
      bytes(v.data(), v.size() * sizeof(double));
    } else {
      for (double d : v) le(std::bit_cast<std::uint64_t>(d));
    }
  }
  std::vector<std::uint8_t>& out() { return out_; }

private:
  std::vector<std::uint8_t> out_;
};

// A bounds-checked cursor: every read first checks the bytes that remain.
class Reader {
public:
  Reader(std::span<const std::uint8_t> b, const std::string& name) : b_(b), name_(name) {}
  std::size_t remaining() const { return b_.size() - pos_; }
  void need(std::uint64_t n, const char* what) const {
    if (n > remaining())
      fail(std::string("truncated: ") + what + " needs " + std::to_string(n) + " bytes at offset " +
           std::to_string(pos_) + ", " + std::to_string(remaining()) + " remain");
  }
  template <class T> T le(const char* what) {
    need(sizeof(T), what);
    T v = 0;
    for (std::size_t i = 0; i < sizeof(T); ++i) v |= static_cast<T>(static_cast<T>(b_[pos_ + i]) << (8 * i));
    pos_ += sizeof(T);
    return v;
  }
  std::string_view text(std::size_t n, const char* what) {
    need(n, what);
    std::string_view s(reinterpret_cast<const char*>(b_.data() + pos_), n);
    pos_ += n;
    return s;
  }
  std::vector<double> doubles(std::size_t count) {
    std::vector<double> v(count);
    if constexpr (std::endian::native == std::endian::little) {
      if (count > 0) std::memcpy(v.data(), b_.data() + pos_, count * sizeof(double));
      pos_ += count * sizeof(double);
    } else {
      for (auto& d : v) d = std::bit_cast<double>(le<std::uint64_t>("value"));
    }
    return v;
  }
  std::size_t pos() const { return pos_; }
  [[noreturn]] void fail(const std::string& why) const { badInput(name_ + ": " + why); }

private:
  std::span<const std::uint8_t> b_;
  const std::string& name_;
  std::size_t pos_ = 0;
};

std::string metaString(const nlohmann::json& meta, const char* key) {
  auto it = meta.find(key);
  if (it == meta.end() || !it->is_string() || it->get<std::string>().empty())
    fail(ErrorKind::Usage, std::string("predictor state has no '") + key + "' in its meta");
  return it->get<std::string>();
}

// Rebuilds the ModelState meta from a header, checking the type of everything it lifts.
nlohmann::json metaFromHeader(const nlohmann::json& h, std::uint32_t version, const Reader& r) {
  auto requireType = [&](const char* key, bool ok, const char* type) {
    if (!ok) r.fail(std::string("header field '") + key + "' is missing or not " + type);
  };
  requireType("model", h.contains("model") && h["model"].is_object(), "an object");
  nlohmann::json meta = h["model"];
  for (const char* key : {"search_space", "method"})
    requireType(key, h.contains(key) && h[key].is_string() && !h[key].get<std::string>().empty(), "a string");
  requireType("training_devices", h.contains("training_devices") && h["training_devices"].is_array(), "an array");
  for (const auto& d : h["training_devices"])
    if (!d.is_string()) r.fail("header field 'training_devices' holds a non-string");
  if (version >= 2) {
    requireType("space_version", h.contains("space_version") && h["space_version"].is_number_integer(), "an integer");
    requireType("feature_layout", h.contains("feature_layout") && h["feature_layout"].is_array(), "an array");
    for (const auto& f : h["feature_layout"])
      if (!f.is_string() || f.get<std::string>().empty()) r.fail("header field 'feature_layout' holds an empty or non-string name");
  }
  requireType("descriptor", h.contains("descriptor") && h["descriptor"].is_object(), "an object");
  const auto& d = h["descriptor"];
  requireType("descriptor.kind", d.contains("kind") && d["kind"].is_string(), "a string");
  requireType("descriptor.version", d.contains("version") && d["version"].is_number_integer(), "an integer");
  for (const auto& [hk, mk] : kLifted)
    if (h.contains(hk)) meta[mk] = h[hk];
  meta["descriptor_kind"] = d["kind"];
  meta["descriptor_version"] = d["version"];
  if (d.contains("names")) {
    requireType("descriptor.names", d["names"].is_array(), "an array");
    for (const auto& n : d["names"])
      if (!n.is_string()) r.fail("header field 'descriptor.names' holds a non-string");
    meta["descriptor_names"] = d["names"];
  }
  if (d.contains("normalisation")) meta["descriptor_normalisation"] = d["normalisation"];
  return meta;
}

// A table maps every index to a distinct cell code (a permutation of the space).
template <class Fail> void checkIndexTable(const std::vector<int>& table, Fail&& failWith) {
  if (table.size() != static_cast<size_t>(nb201::kSpaceSize))
    failWith("has " + std::to_string(table.size()) + " entries, not one per architecture (" + std::to_string(nb201::kSpaceSize) + ")");
  std::vector<bool> seen(table.size());
  for (int code : table) {
    if (code < 0 || code >= nb201::kSpaceSize) failWith("holds cell code " + std::to_string(code) + ", outside the space");
    if (seen[static_cast<size_t>(code)]) failWith("maps two indices to cell code " + std::to_string(code));
    seen[static_cast<size_t>(code)] = true;
  }
}

const searchspace::SearchSpace& knownSpace(const nlohmann::json& meta, const Reader& r) {
  const auto name = meta["search_space"].get<std::string>();
  if (const auto* space = searchspace::findSpace(name)) return *space;
  std::string known;
  for (auto n : searchspace::spaceNames()) known += (known.empty() ? "'" : ", '") + std::string(n) + "'";
  r.fail("the predictor is for search space '" + name + "', which this build does not know (known: " + known + ")");
}

// A space version other than this build's: its canonical strings, network or encodings differ.
void checkSpaceVersion(const nlohmann::json& meta, const searchspace::SearchSpace& space, const Reader& r) {
  const auto& v = meta["space_version"];
  if (!v.is_number_integer()) r.fail("the space version is not an integer");
  if (v.get<std::int64_t>() == searchspace::kSpaceVersion) return;
  r.fail("the predictor is for " + std::string(space.name()) + " version " + v.dump() + ", this build knows version " +
         std::to_string(searchspace::kSpaceVersion) +
         (v.get<std::int64_t>() > searchspace::kSpaceVersion ? ": upgrade MAPLE Workbench to read it"
                                                             : ": retrain it with this build"));
}

// An architecture string of a file: it must parse in the file's space and be canonical, so one
// architecture has one spelling in every file.
searchspace::Genotype architectureOf(std::string_view text, const searchspace::SearchSpace& space,
                                     const std::string& where, const Reader& r) {
  searchspace::Genotype g;
  try {
    g = space.parse(text);
  } catch (const Error& e) {
    r.fail(where + " is not an architecture of " + std::string(space.name()) + ": " + e.what());
  }
  if (space.format(g) != text)
    r.fail(where + " is not canonical: '" + std::string(text) + "' is written '" + space.format(g) + "'");
  return g;
}

void writeArchitectureLists(Writer& w, const predict::ModelState& state, const searchspace::SearchSpace& space) {
  if (state.architectures.size() > kMaxArrays) fail(ErrorKind::Usage, "predictor has more architecture lists than the format allows");
  w.le<std::uint32_t>(static_cast<std::uint32_t>(state.architectures.size()));
  for (const auto& [name, genotypes] : state.architectures) {
    if (name.empty() || name.size() > kMaxNameBytes)
      fail(ErrorKind::Usage, "predictor architecture list name '" + name + "' is empty or longer than 1024 bytes");
    if (genotypes.size() > 0xFFFFFFFFu) fail(ErrorKind::Usage, "predictor architecture list '" + name + "' is too long");
    w.le<std::uint16_t>(static_cast<std::uint16_t>(name.size()));
    w.bytes(name.data(), name.size());
    w.le<std::uint32_t>(static_cast<std::uint32_t>(genotypes.size()));
    for (const auto& g : genotypes) {
      const auto text = space.format(g); // Usage for a genotype not of the space
      if (text.size() > kMaxArchitectureBytes)
        fail(ErrorKind::Usage, "an architecture of list '" + name + "' is longer than the format's 4096 bytes");
      w.le<std::uint16_t>(static_cast<std::uint16_t>(text.size()));
      w.bytes(text.data(), text.size());
    }
  }
}

void readArchitectureLists(Reader& in, const searchspace::SearchSpace& space,
                           std::map<std::string, std::vector<searchspace::Genotype>>& lists) {
  const auto count = in.le<std::uint32_t>("architecture list count");
  constexpr std::size_t kMinListBytes = 2 + 1 + 4; // a one-byte name and no entries
  if (count > kMaxArrays || count > in.remaining() / kMinListBytes)
    in.fail("architecture list count " + std::to_string(count) + " does not fit the file (" +
            std::to_string(in.remaining()) + " bytes remain)");
  for (std::uint32_t l = 0; l < count; ++l) {
    const auto nameBytes = in.le<std::uint16_t>("architecture list name length");
    if (nameBytes == 0 || nameBytes > kMaxNameBytes)
      in.fail("architecture list " + std::to_string(l) + " has a name length of " + std::to_string(nameBytes) +
              " (1..1024 allowed)");
    std::string name(in.text(nameBytes, "architecture list name"));
    const auto entries = in.le<std::uint32_t>("architecture list length");
    constexpr std::size_t kMinEntryBytes = 2 + 1;
    if (entries > in.remaining() / kMinEntryBytes)
      in.fail("architecture list '" + name + "' claims " + std::to_string(entries) + " architectures but only " +
              std::to_string(in.remaining()) + " bytes remain");
    std::vector<searchspace::Genotype> genotypes;
    genotypes.reserve(entries);
    for (std::uint32_t e = 0; e < entries; ++e) {
      const auto where = "architecture " + std::to_string(e) + " of list '" + name + "'";
      const auto bytes = in.le<std::uint16_t>("architecture length");
      if (bytes == 0 || bytes > kMaxArchitectureBytes)
        in.fail(where + " has a length of " + std::to_string(bytes) + " (1..4096 allowed)");
      genotypes.push_back(architectureOf(in.text(bytes, "architecture"), space, where, in));
    }
    if (!lists.emplace(std::move(name), std::move(genotypes)).second) in.fail("architecture list name appears twice");
  }
}

// Format 1's pool (cell codes, or strings in the meta) as format 2's list.
void upgradeFromVersion1(predict::ModelState& s, const searchspace::SearchSpace& space, const Reader& in) {
  if (auto codes = s.arrays.extract(kV1CodeArray)) {
    if (!space.size()) in.fail("a format-1 file of " + std::string(space.name()) + " holds cell codes");
    auto& pool = s.architectures[kPoolList];
    for (double code : codes.mapped()) {
      if (!(code >= 0 && code < static_cast<double>(*space.size())) || code != std::floor(code))
        in.fail("the pool holds " + std::to_string(code) + ", which is not a cell code of " + std::string(space.name()));
      pool.push_back(space.fromIndex(static_cast<std::int64_t>(code)));
    }
    if (s.meta.contains("shapes") && s.meta["shapes"].is_object()) s.meta["shapes"].erase(kV1CodeArray);
  }
  if (s.meta.contains(kV1PoolMeta)) {
    const auto& names = s.meta[kV1PoolMeta];
    if (!names.is_array()) in.fail("the model's 'pool_architectures' is not an array");
    auto& pool = s.architectures[kPoolList];
    for (size_t i = 0; i < names.size(); ++i) {
      const auto where = "pool architecture " + std::to_string(i);
      if (!names[i].is_string()) in.fail(where + " is not a string");
      pool.push_back(architectureOf(names[i].get<std::string>(), space, where, in));
    }
    s.meta.erase(kV1PoolMeta);
  }
}

} // namespace

int codeOfIndex(const PredictorFile& file, long long index) {
  if (file.indexTable.empty())
    fail(ErrorKind::Usage, "this predictor file carries no NAS-Bench-201 index table (it was made in a project "
                           "without the imported table): give architecture strings or cell codes instead");
  if (index < 0 || index >= static_cast<long long>(file.indexTable.size()))
    badInput("NAS-Bench-201 index " + std::to_string(index) + " is outside 0.." + std::to_string(file.indexTable.size() - 1));
  return file.indexTable[static_cast<size_t>(index)];
}

std::vector<int> indexOfCode(const PredictorFile& file) {
  std::vector<int> inverse(file.indexTable.empty() ? 0 : file.indexTable.size());
  for (size_t i = 0; i < file.indexTable.size(); ++i) inverse[static_cast<size_t>(file.indexTable[i])] = static_cast<int>(i);
  return inverse;
}

Summary summarise(const PredictorFile& file) {
  const auto& m = file.state.meta;
  Summary s;
  s.searchSpace = m.value("search_space", "");
  s.method = m.value("method", "");
  s.descriptorKind = m.value("descriptor_kind", "");
  s.descriptorVersion = m.contains("descriptor_version") && m["descriptor_version"].is_number_integer()
                            ? m["descriptor_version"].get<int>()
                            : 1;
  if (m.contains("training_devices") && m["training_devices"].is_array())
    for (const auto& d : m["training_devices"])
      if (d.is_string()) s.trainingDevices.push_back(d.get<std::string>());
  s.targetDevice = file.targetDevice;
  return s;
}

nlohmann::json headerJson(const PredictorFile& file) {
  const auto& meta = file.state.meta;
  nlohmann::json h = nlohmann::json::object();
  h["search_space"] = metaString(meta, "search_space");
  h["space_version"] = meta.value("space_version", nlohmann::json(searchspace::kSpaceVersion));
  if (meta.contains("feature_layout")) h["feature_layout"] = meta["feature_layout"];
  h["method"] = metaString(meta, "method");
  nlohmann::json d{{"kind", metaString(meta, "descriptor_kind")}, {"version", summarise(file).descriptorVersion}};
  if (meta.contains("descriptor_names")) d["names"] = meta["descriptor_names"];
  if (meta.contains("descriptor_normalisation")) d["normalisation"] = meta["descriptor_normalisation"];
  h["descriptor"] = d;
  h["feature_scaling"] = meta.value("feature_scaling", nlohmann::json());
  h["training_devices"] = meta.value("training_devices", nlohmann::json::array());
  h["target_device"] = file.targetDevice.empty() ? nlohmann::json() : nlohmann::json(file.targetDevice);
  h["evaluation"] = file.evaluation;
  h["created"] = toJson(file.created);
  nlohmann::json model = meta;
  for (const auto& [hk, mk] : kLifted) model.erase(mk);
  for (const char* k : {"descriptor_kind", "descriptor_version", "descriptor_names", "descriptor_normalisation"}) model.erase(k);
  h["model"] = model;
  return h;
}

std::vector<std::uint8_t> encode(const PredictorFile& file) {
  if (!file.state.meta.contains("feature_layout") || !file.state.meta["feature_layout"].is_array())
    fail(ErrorKind::Usage, "predictor state has no 'feature_layout' in its meta (a format-1 file from before layouts "
                           "were recorded): adapt or retrain it to write it in format 2");
  const auto& space = searchspace::space(metaString(file.state.meta, "search_space"));
  const std::string header = headerJson(file).dump();
  if (header.size() > kMaxHeaderBytes) fail(ErrorKind::Usage, "predictor header exceeds the format's 16 MiB limit");
  if (file.state.arrays.size() > kMaxArrays) fail(ErrorKind::Usage, "predictor has more arrays than the format allows");
  Writer w;
  w.bytes(kMagic, sizeof kMagic);
  w.le<std::uint32_t>(kFormatVersion);
  w.le<std::uint32_t>(static_cast<std::uint32_t>(header.size()));
  w.bytes(header.data(), header.size());
  writeArchitectureLists(w, file.state, space);
  auto arrays = file.state.arrays;
  if (arrays.count(std::string(kIndexTableArray))) fail(ErrorKind::Usage, "predictor array name is reserved for the index table");
  if (!file.indexTable.empty()) {
    checkIndexTable(file.indexTable, [](const std::string& why) { fail(ErrorKind::Usage, "predictor index table: " + why); });
    arrays[std::string(kIndexTableArray)].assign(file.indexTable.begin(), file.indexTable.end());
  }
  w.le<std::uint32_t>(static_cast<std::uint32_t>(arrays.size()));
  for (const auto& [name, values] : arrays) {
    if (name.empty() || name.size() > kMaxNameBytes)
      fail(ErrorKind::Usage, "predictor array name '" + name + "' is empty or longer than 1024 bytes");
    for (double v : values)
      if (!std::isfinite(v)) fail(ErrorKind::Usage, "predictor array '" + name + "' holds a non-finite value");
    w.le<std::uint16_t>(static_cast<std::uint16_t>(name.size()));
    w.bytes(name.data(), name.size());
    w.le<std::uint8_t>(kFloat64);
    w.le<std::uint64_t>(values.size());
    w.doubles(values);
  }
  if (w.out().size() + 4 > kMaxFileBytes) fail(ErrorKind::Usage, "predictor file would exceed the format's 256 MiB limit");
  w.le<std::uint32_t>(crc32(w.out().data(), w.out().size()));
  return std::move(w.out());
}

PredictorFile decode(std::span<const std::uint8_t> bytes, const std::string& name) {
  Reader r(bytes, name);
  if (bytes.empty()) r.fail("empty: not a MAPLE predictor file");
  if (bytes.size() < sizeof kMagic && std::memcmp(bytes.data(), kMagic, bytes.size()) == 0)
    r.fail("truncated: " + std::to_string(bytes.size()) + " bytes, not even the signature is complete");
  if (bytes.size() < sizeof kMagic || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0)
    r.fail("not a MAPLE predictor file (no 'MAPLPRED' signature at its start)");
  r.text(sizeof kMagic, "signature");
  PredictorFile file;
  file.formatVersion = r.le<std::uint32_t>("format version");
  if (file.formatVersion > kFormatVersion)
    r.fail("written by a newer MAPLE (format " + std::to_string(file.formatVersion) + ", this build reads up to " +
           std::to_string(kFormatVersion) + "): upgrade MAPLE Workbench to read it");
  if (file.formatVersion == 0) r.fail("format version 0 does not exist: the file is corrupt");
  if (bytes.size() > kMaxFileBytes)
    r.fail("oversized: " + std::to_string(bytes.size()) + " bytes, the format allows at most " +
           std::to_string(kMaxFileBytes));
  if (bytes.size() < 8 + 4 + 4 + 4 + 4) r.fail("truncated: " + std::to_string(bytes.size()) + " bytes is too short");
  const std::size_t body = bytes.size() - 4;
  std::uint32_t stored = 0;
  for (int i = 0; i < 4; ++i) stored |= static_cast<std::uint32_t>(bytes[body + i]) << (8 * i);
  if (crc32(bytes.data(), body) != stored)
    r.fail("checksum mismatch: the file is corrupt or truncated; export it again from its project");
  // From here on the checksum has matched; the lengths are still checked as if it had not.
  Reader in(bytes.first(body), name);
  in.text(sizeof kMagic + 4, "signature and version");
  const auto headerBytes = in.le<std::uint32_t>("header length");
  if (headerBytes > kMaxHeaderBytes) in.fail("header length " + std::to_string(headerBytes) + " exceeds the 16 MiB limit");
  const auto headerText = in.text(headerBytes, "header");
  const nlohmann::json header = parseJson(headerText, name + ": header", {kMaxHeaderBytes, kMaxHeaderDepth});
  if (!header.is_object()) in.fail("the header is not a JSON object");
  file.state.meta = metaFromHeader(header, file.formatVersion, in);
  const auto& space = knownSpace(file.state.meta, in);
  if (file.formatVersion == 1 && !file.state.meta.contains("space_version")) file.state.meta["space_version"] = 1;
  checkSpaceVersion(file.state.meta, space, in);
  const auto& target = header.contains("target_device") ? header["target_device"] : nlohmann::json();
  if (!target.is_null() && !target.is_string()) in.fail("header field 'target_device' is not a string");
  if (target.is_string()) file.targetDevice = target.get<std::string>();
  if (header.contains("evaluation")) {
    if (!header["evaluation"].is_object()) in.fail("header field 'evaluation' is not an object");
    file.evaluation = header["evaluation"];
  }
  try {
    file.created = creationFromJson(header.value("created", nlohmann::json::object()));
  } catch (const Error& e) {
    in.fail(std::string("header: ") + e.what());
  }

  if (file.formatVersion >= 2) readArchitectureLists(in, space, file.state.architectures);
  const auto count = in.le<std::uint32_t>("array count");
  constexpr std::size_t kMinArrayBytes = 2 + 1 + 1 + 8; // a one-byte name and no values
  if (count > kMaxArrays || count > in.remaining() / kMinArrayBytes)
    in.fail("array count " + std::to_string(count) + " does not fit the file (" + std::to_string(in.remaining()) +
            " bytes remain)");
  for (std::uint32_t a = 0; a < count; ++a) {
    const auto nameBytes = in.le<std::uint16_t>("array name length");
    if (nameBytes == 0 || nameBytes > kMaxNameBytes)
      in.fail("array " + std::to_string(a) + " has a name length of " + std::to_string(nameBytes) + " (1..1024 allowed)");
    std::string arrayName(in.text(nameBytes, "array name"));
    const auto type = in.le<std::uint8_t>("array element type");
    if (type != kFloat64) in.fail("array '" + arrayName + "' has unknown element type " + std::to_string(type));
    const auto elements = in.le<std::uint64_t>("array length");
    if (elements > in.remaining() / sizeof(double))
      in.fail("array '" + arrayName + "' claims " + std::to_string(elements) + " values but only " +
              std::to_string(in.remaining()) + " bytes remain");
    auto values = in.doubles(static_cast<std::size_t>(elements));
    for (std::size_t i = 0; i < values.size(); ++i)
      if (!std::isfinite(values[i])) in.fail("array '" + arrayName + "' holds a non-finite value at " + std::to_string(i));
    if (!file.state.arrays.emplace(std::move(arrayName), std::move(values)).second)
      in.fail("array name appears twice");
  }
  if (in.remaining() != 0) in.fail(std::to_string(in.remaining()) + " unexpected bytes after the last array");
  if (file.formatVersion == 1) upgradeFromVersion1(file.state, space, in);
  if (auto table = file.state.arrays.extract(std::string(kIndexTableArray))) {
    for (double v : table.mapped()) {
      if (v != std::floor(v) || v < 0 || v >= nb201::kSpaceSize) in.fail("the index table holds a value that is not a cell code");
      file.indexTable.push_back(static_cast<int>(v));
    }
    checkIndexTable(file.indexTable, [&](const std::string& why) { in.fail("the index table " + why); });
  }
  return file;
}

} // namespace maple::predictfile
