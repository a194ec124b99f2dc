#pragma once
// The portable predictor file (.maplepred): a trained predictor's ModelState with everything needed
// to use it elsewhere, in a layout of our own (docs/predictor-file.md). No library's object layout
// is stored, so a file keeps loading across upgrades.
//
// Layout, format version 2 (all integers little-endian):
//   offset 0   8 bytes   magic "MAPLPRED"
//          8   u32       format version (2)
//         12   u32       header length H (bytes, at most kMaxHeaderBytes)
//         16   H bytes   header: UTF-8 JSON object (see headerJson below)
//              u32       architecture list count A (at most kMaxArrays)
//              A times:  u16 name length L (1..kMaxNameBytes), L bytes name (UTF-8),
//                        u32 entry count E, E times: u16 length S (1..kMaxArchitectureBytes),
//                        S bytes: a canonical architecture string of the header's search space
//              u32       array count N (at most kMaxArrays)
//              N times:  u16 name length L (1..kMaxNameBytes), L bytes name (UTF-8),
//                        u8 element type (1 = IEEE-754 binary64), u64 element count C,
//                        C x 8 bytes values (finite)
//              u32       CRC-32 (IEEE) of every byte before it
// Format 1 is the same without the architecture lists (its pool was NAS-Bench-201 cell codes).
// Reading checks, in this order: magic, version (a newer one is refused before anything else is
// interpreted), size limits, checksum, then every length against the bytes that remain; nothing is
// allocated from a length that was not checked first and nothing is read past the buffer. The
// header's search space must be one this build knows, of the space version it knows, and every
// architecture string must parse in it and be canonical.
#include "predict/model_state.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace maple::predictfile {

inline constexpr std::uint32_t kFormatVersion = 2; // the newest this build writes and reads
inline constexpr std::uint64_t kMaxFileBytes = 256ull << 20;
inline constexpr std::uint32_t kMaxHeaderBytes = 16u << 20;
inline constexpr std::uint32_t kMaxArrays = 1u << 16;
inline constexpr std::uint16_t kMaxNameBytes = 1024;
inline constexpr std::uint16_t kMaxArchitectureBytes = 4096; // an FBNet string is about 250
inline constexpr int kMaxHeaderDepth = 64; // JSON nesting; the header this build writes nests 4 deep
inline constexpr std::string_view kExtension = ".maplepred";

// Who made a file, where, when and from what. `parent` is the Creation of the predictor this one
// was adapted from (null for one trained on a pool), so provenance survives every step.
struct Creation {
  std::string tool;       // "maple 0.1.0"
  std::string host;
  std::string time;       // ISO 8601, UTC
  std::string project;    // the project it was trained or adapted in
  std::string provenance; // how: the command and its inputs
  nlohmann::json parent;  // null or a Creation as JSON
};
// tool, host and time of this process; the caller fills project, provenance and parent.
Creation creationHere();
nlohmann::json toJson(const Creation& c);
Creation creationFromJson(const nlohmann::json& j); // BadInput on wrong types

struct PredictorFile {
  std::uint32_t formatVersion = kFormatVersion; // as read; files are always written as kFormatVersion
  predict::ModelState state; // meta must hold method, descriptor_kind, search_space, space_version, feature_layout
  std::string targetDevice;                     // empty for a pool-trained predictor
  nlohmann::json evaluation = nlohmann::json::object(); // the figures it was exported with
  Creation created;
  // NAS-Bench-201's own index order: entry i is the cell code of index i. Written when the file is
  // made in a project that imported the whole table, so the file alone maps indices (the array
  // kIndexTableArray); empty otherwise.
  std::vector<int> indexTable;
};

inline constexpr std::string_view kIndexTableArray = "file.nb201_index_codes";
// The cell code of NAS-Bench-201 index `index`; Usage naming the fix when the file has no table,
// BadInput when the index is outside the space.
int codeOfIndex(const PredictorFile& file, long long index);
// The inverse table (cell code -> index); empty when the file has none.
std::vector<int> indexOfCode(const PredictorFile& file);

// What a file says about itself, without restoring the model.
struct Summary {
  std::string searchSpace, method, descriptorKind, targetDevice;
  int descriptorVersion = 1;
  std::vector<std::string> trainingDevices;
};
Summary summarise(const PredictorFile& file);

// The header as stored: search_space, space_version, feature_layout, method, descriptor {kind,
// version, names, normalisation}, feature_scaling, training_devices, target_device, evaluation,
// created, and model (the rest of the ModelState meta). Usage error when the meta lacks method,
// descriptor_kind or search_space. A format-1 file read back may lack feature_layout; encode()
// refuses that, since format 2 records it.
nlohmann::json headerJson(const PredictorFile& file);

std::vector<std::uint8_t> encode(const PredictorFile& file);
// `name` (a path, usually) starts every error message. BadInput for anything malformed, foreign,
// truncated, corrupt, oversized, newer, or for a search space (or space version) this build does
// not know. A format-1 file is returned in format 2's form: space version 1, its pool's cell codes
// as the architecture list "pool.architectures".
PredictorFile decode(std::span<const std::uint8_t> bytes, const std::string& name);

// Atomic: written to a temporary file beside `path`, flushed, then renamed over it.
void writePredictorFile(const std::string& path, const PredictorFile& file);
// Refuses a file over kMaxFileBytes before reading it.
PredictorFile readPredictorFile(const std::string& path);
// Raw bytes with the same size check and the same atomic write, for copying a file in or out of a
// project unchanged (its checksum and provenance intact).
std::vector<std::uint8_t> readFileBytes(const std::string& path);
void writeFileBytes(const std::string& path, std::span<const std::uint8_t> bytes);

} // namespace maple::predictfile
