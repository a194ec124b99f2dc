#pragma once
// The descriptor file `maple predict --descriptor FILE` reads (docs/predictor-file.md):
//   {"maple_descriptor": 1, "device": "my-board", "kind": "reference-latency", "version": 1,
//    "names": ["ref11982_ln_ms", ...], "values": [1.23, ...]}
// names and values pair up one to one; predictors match values by name.
#include "descriptor/descriptor.hpp"

#include <string>

namespace maple::cli {

struct DescriptorFile {
  std::string device; // may be empty
  descriptor::Descriptor descriptor;
};

// BadInput "file: reason" for anything malformed; Io when it cannot be read.
DescriptorFile readDescriptorFile(const std::string& path);

} // namespace maple::cli

namespace maple::cli {

// The same format, written atomically (temporary file beside it, then renamed); Io on failure.
void writeDescriptorFile(const std::string& path, const DescriptorFile& file);

} // namespace maple::cli
