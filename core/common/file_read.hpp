#pragma once
// Reading a whole input file with the checks every reader needs: a FIFO or device is refused
// instead of blocking or reading forever, and a size limit is checked before anything is read.
#include <cstddef>
#include <string>

namespace maple {

// The file's bytes. Io when it cannot be opened (the message names the path and the errno text);
// BadInput when it is not a regular file or is larger than `maxBytes`. `what` names the kind of
// file in messages ("descriptor file", "architecture list").
std::string readRegularFile(const std::string& path, std::size_t maxBytes, const std::string& what);

// Opens `path` for reading without blocking on a FIFO and refuses anything but a regular file;
// returns the descriptor (the caller closes it). Same errors as readRegularFile.
int openRegularFile(const std::string& path, const std::string& what);

} // namespace maple
