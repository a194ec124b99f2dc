#pragma once
// What Project::open checks before SQLite touches a file, and how it may be opened: a refused
// file is read with plain syscalls (no -wal/-shm is created beside it), a FIFO or device is never
// opened blocking, and a project in a read-only place is opened read-only.
#include <cstdint>
#include <string>

namespace maple::store {

// The fields of the 100-byte SQLite header that decide whether a file is one of our projects.
struct FileHeader {
  bool sqlite = false;
  std::int32_t userVersion = 0;  // our schema version (signed, as SQLite stores it)
  std::int32_t applicationId = 0;
};

// Io for a missing, unreadable or looping path; BadInput for a folder, FIFO, device or a file too
// short to be a database. Never blocks.
FileHeader readFileHeader(const std::string& path);

// Whether this process may write the file, the folder beside it (SQLite's -wal and -shm live
// there) and the file system it is on.
bool canWriteProject(const std::string& path);

// True when `path-wal` exists: another connection may be writing, so reads must go through SQLite's
// shared-memory index rather than an immutable snapshot.
bool hasWalFile(const std::string& path);

} // namespace maple::store
