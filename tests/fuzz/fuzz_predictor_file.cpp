// libFuzzer target for the predictor file loader. Each input is decoded twice: as given (checksum
// and all), and with its last four bytes replaced by the matching CRC-32 so that mutations reach
// the header and array checks behind the checksum. Only maple::Error may come out.
#include "common/error.hpp"
#include "predictfile/checksum.hpp"
#include "predictfile/predictor_file.hpp"

#include <cstdint>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace maple;
  try {
    predictfile::decode({data, size}, "fuzz");
  } catch (const Error&) {
  }
  if (size >= 4) {
    std::vector<std::uint8_t> b(data, data + size);
    const auto crc = predictfile::crc32(b.data(), b.size() - 4);
    for (int i = 0; i < 4; ++i) b[b.size() - 4 + i] = static_cast<std::uint8_t>(crc >> (8 * i));
    try {
      predictfile::decode(b, "fuzz");
    } catch (const Error&) {
    }
  }
  return 0;
}
