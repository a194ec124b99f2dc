#include "store/open_checks.hpp"

#include "common/error.hpp"
#include "common/file_read.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

namespace maple::store {
namespace {

std::int32_t bigEndian32(const unsigned char* p) {
  return static_cast<std::int32_t>(static_cast<std::uint32_t>(p[0]) << 24 | static_cast<std::uint32_t>(p[1]) << 16 |
                                   static_cast<std::uint32_t>(p[2]) << 8 | static_cast<std::uint32_t>(p[3]));
}

std::string folderOf(const std::string& path) {
  const auto parent = std::filesystem::path(path).parent_path();
  return parent.empty() ? "." : parent.string();
}

} // namespace

FileHeader readFileHeader(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    const int err = errno;
    if (err == ENOENT) fail(ErrorKind::Io, path + ": no such project file (create one with 'maple new " + path + "')");
    if (err == ELOOP) fail(ErrorKind::Io, path + ": a symbolic link loop (too many levels of symbolic links): fix the link");
    fail(ErrorKind::Io, path + ": cannot be read: " + std::strerror(err) + " (check the path and its permissions)");
  }
  if (S_ISDIR(st.st_mode)) badInput(path + ": is a folder, not a project file");
  if (!S_ISREG(st.st_mode)) badInput(path + ": not a regular file (a FIFO, socket or device), so not a MAPLE project");
  const int fd = openRegularFile(path, "project file");
  unsigned char h[100] = {};
  std::size_t got = 0;
  while (got < sizeof h) {
    const auto n = ::read(fd, h + got, sizeof h - got);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    got += static_cast<std::size_t>(n);
  }
  ::close(fd);
  FileHeader header;
  header.sqlite = got == sizeof h && std::memcmp(h, "SQLite format 3", 16) == 0;
  if (!header.sqlite) return header;
  header.userVersion = bigEndian32(h + 60);
  header.applicationId = bigEndian32(h + 68);
  return header;
}

bool canWriteProject(const std::string& path) {
  struct statvfs fs {};
  if (::statvfs(path.c_str(), &fs) == 0 && (fs.f_flag & ST_RDONLY)) return false;
  return ::access(path.c_str(), W_OK) == 0 && ::access(folderOf(path).c_str(), W_OK) == 0;
}

bool hasWalFile(const std::string& path) {
  struct stat st {};
  return ::stat((path + "-wal").c_str(), &st) == 0;
}

} // namespace maple::store
