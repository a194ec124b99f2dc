// Reading and writing predictor files: size checked before reading, atomic replacement on write.
#include "common/error.hpp"
#include "common/file_read.hpp"
#include "predictfile/predictor_file.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace maple::predictfile {
namespace {

[[noreturn]] void ioError(const std::string& path, const std::string& what) {
  fail(ErrorKind::Io, path + ": " + what + ": " + std::strerror(errno));
}

// Closes the descriptor and, unless released, removes the temporary file.
struct TempFile {
  int fd = -1;
  std::string path;
  ~TempFile() {
    if (fd >= 0) ::close(fd);
    if (!path.empty()) ::unlink(path.c_str());
  }
};

} // namespace

std::vector<std::uint8_t> readFileBytes(const std::string& path) {
  const int fd = openRegularFile(path, "predictor file"); // a FIFO is refused, never waited on
  TempFile guard{fd, {}};
  struct stat st {};
  if (::fstat(fd, &st) != 0) ioError(path, "cannot stat");
  if (static_cast<std::uint64_t>(st.st_size) > kMaxFileBytes)
    badInput(path + ": oversized: " + std::to_string(st.st_size) + " bytes, a predictor file holds at most " +
             std::to_string(kMaxFileBytes));
  std::vector<std::uint8_t> bytes(static_cast<std::size_t>(st.st_size));
  std::size_t got = 0;
  while (got < bytes.size()) {
    const auto n = ::read(fd, bytes.data() + got, bytes.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) ioError(path, "read failed");
    if (n == 0) break; // shrank while reading: decode reports it truncated
    got += static_cast<std::size_t>(n);
  }
  bytes.resize(got);
  return bytes;
}

void writeFileBytes(const std::string& path, std::span<const std::uint8_t> bytes) {
  TempFile tmp;
  std::string pattern = path + ".tmp-XXXXXX";
  tmp.fd = ::mkstemp(pattern.data());
  if (tmp.fd < 0) ioError(path, "cannot create a temporary file beside it");
  tmp.path = pattern;
  std::size_t done = 0;
  while (done < bytes.size()) {
    const auto n = ::write(tmp.fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) ioError(path, "write failed");
    done += static_cast<std::size_t>(n);
  }
  if (::fchmod(tmp.fd, 0644) != 0 || ::fsync(tmp.fd) != 0) ioError(path, "cannot flush");
  if (::rename(tmp.path.c_str(), path.c_str()) != 0) ioError(path, "cannot rename the temporary file over it");
  tmp.path.clear();
}

void writePredictorFile(const std::string& path, const PredictorFile& file) {
  const auto bytes = encode(file);
  writeFileBytes(path, bytes);
}

PredictorFile readPredictorFile(const std::string& path) { return decode(readFileBytes(path), path); }

} // namespace maple::predictfile
