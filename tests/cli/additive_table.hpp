#pragma once
// A synthetic NAS-Bench-201 table, exactly additive in the operations, for CLI tests that train and
// adapt: HELP's reference architectures (so reference-latency descriptors exist) plus `extra` others,
// on devA..devD (devD is devA at a third of the speed). Indices double as cell codes, so a test can
// compute any device's latency.
#include "searchspace/nb201.hpp"
#include "searchspace/space.hpp"

#include <QByteArray>

#include <algorithm>
#include <vector>

namespace maple::testing {

inline const double kSpeed[] = {1.0, 2.0, 4.0, 3.0}; // devA..devD

inline double latency(int code, int device) {
  double ms = 0.1;
  for (auto op : nb201::cellFromCode(code).ops)
    ms += (op == nb201::Op::Conv3x3 ? 1.0 : op == nb201::Op::Conv1x1 ? 0.3 : 0.05) / kSpeed[device];
  return ms;
}

// The references' cell codes, in HELP's order.
inline std::vector<int> referenceCodes() {
  std::vector<int> codes;
  for (const auto& ref : searchspace::nb201Space().referenceArchitectures()) codes.push_back(nb201::cellCode(nb201::parseCell(ref)));
  return codes;
}

// The references, then `extra` codes offset, offset + step, ... (a reference's code skipped), on
// the four devices.
inline QByteArray additiveTable(int extra, int step, int offset = 0) {
  QByteArray csv = "idx,arch_str,devA,devB,devC,devD\n";
  std::vector<int> codes = referenceCodes();
  for (int c = 0; static_cast<int>(codes.size()) < 10 + extra; ++c)
    if (std::find(codes.begin(), codes.begin() + 10, c * step + offset) == codes.begin() + 10) codes.push_back(c * step + offset);
  for (int code : codes) {
    csv += QByteArray::number(code) + "," + QByteArray::fromStdString(nb201::toString(nb201::cellFromCode(code)));
    for (int d = 0; d < 4; ++d) csv += "," + QByteArray::number(latency(code, d), 'g', 17);
    csv += "\n";
  }
  return csv;
}

} // namespace maple::testing
