#include "common/file_read.hpp"

#include "common/error.hpp"
#include "common/text.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace maple {
namespace {

struct Fd {
  int fd;
  ~Fd() { ::close(fd); }
};

} // namespace

int openRegularFile(const std::string& path, const std::string& what) {
  // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    const int err = errno;
    if (err == ELOOP)
      fail(ErrorKind::Io, "cannot open " + what + " " + text::quote(path) + ": too many levels of symbolic links (a symlink loop)");
    fail(ErrorKind::Io, "cannot open " + what + " " + text::quote(path) + ": " + std::strerror(err) +
                            " (check the path and permissions)");
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    badInput(text::quote(path) + " is not a regular file (a FIFO, device or directory); give the " + what +
             " as a plain file");
  }
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  return fd;
}

std::string readRegularFile(const std::string& path, std::size_t maxBytes, const std::string& what) {
  Fd in{openRegularFile(path, what)};
  struct stat st {};
  ::fstat(in.fd, &st);
  if (static_cast<std::size_t>(st.st_size) > maxBytes)
    badInput(text::quote(path) + ": " + std::to_string(st.st_size) + " bytes is larger than a " + what +
             " can be (at most " + std::to_string(maxBytes) + ")");
  std::string bytes;
  char buf[1 << 16];
  for (;;) {
    const auto n = ::read(in.fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) fail(ErrorKind::Io, "cannot read " + what + " " + text::quote(path) + ": " + std::strerror(errno));
    if (n == 0) return bytes;
    if (bytes.size() + static_cast<std::size_t>(n) > maxBytes)
      badInput(text::quote(path) + ": grew past " + std::to_string(maxBytes) + " bytes while being read");
    bytes.append(buf, static_cast<std::size_t>(n));
  }
}

} // namespace maple
