// Store::LockInfluenceWork for SQLite: flock(2) on a file beside the database, "<db>-work.lock".
// The kernel releases it when the descriptor closes, also when the process is killed, so a
// crashed refresh never leaves the lock held. The file itself stays, empty, like SQLite's -shm.

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "store/sqlite/sqlite_store_impl.h"

namespace allies::store::sqlite {

namespace {

class FileLock final : public WorkLock {
 public:
  explicit FileLock(int fd) : fd_(fd) {}
  ~FileLock() override {
    if (fd_ >= 0) ::close(fd_);  // closing the only descriptor releases the flock
  }
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;

 private:
  int fd_;
};

// An in-memory database belongs to one connection: nobody else can want its lock.
class NoLock final : public WorkLock {};

}  // namespace

Result<std::unique_ptr<WorkLock>> SqliteStore::LockInfluenceWork(bool wait) {
  if (path_ == ":memory:") return std::unique_ptr<WorkLock>(std::make_unique<NoLock>());
  const std::string lock_path = path_ + "-work.lock";
  // O_CLOEXEC: a process started from this one (the background refresh) must not inherit it.
  const int fd = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) {
    return Fail(ErrorCode::kIo, fmt::format("cannot open the lock file \"{}\": {}", lock_path,
                                            std::strerror(errno)));
  }
  int status = 0;
  do {
    status = ::flock(fd, LOCK_EX | (wait ? 0 : LOCK_NB));
  } while (status != 0 && errno == EINTR);
  if (status != 0) {
    const int error = errno;
    ::close(fd);
    if (error == EWOULDBLOCK) return std::unique_ptr<WorkLock>();
    return Fail(ErrorCode::kIo,
                fmt::format("cannot lock \"{}\": {}", lock_path, std::strerror(error)));
  }
  return std::unique_ptr<WorkLock>(std::make_unique<FileLock>(fd));
}

}  // namespace allies::store::sqlite
