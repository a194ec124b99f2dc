#pragma once
// CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320), the checksum that closes a .maplepred
// file. Written here so the format depends on no library's implementation.
#include <cstddef>
#include <cstdint>

namespace maple::predictfile {

std::uint32_t crc32(const std::uint8_t* data, std::size_t size, std::uint32_t crc = 0);

} // namespace maple::predictfile
