#include "cli/background.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <unistd.h>

#include <cstring>
#include <fstream>
#include <sstream>
#include <vector>

#include <fmt/format.h>

#include "core/text.h"

extern char** environ;  // NOLINT(readability-redundant-declaration): POSIX declares it nowhere

namespace allies::cli {

core::Result<void> StartInfluenceRefresh(const std::string& database, core::TimePoint now) {
  std::vector<std::string> args{
      "allies",    "--db",    database,   "--now",    core::FormatUtc(now),
      "influence", "refresh", "--if-due", "--no-wait"};
  std::vector<char*> argv;
  argv.reserve(args.size() + 1);
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  const std::string log = RefreshLogPath(database);
  posix_spawn_file_actions_addopen(&actions, 2, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  // A session of its own (no controlling terminal: no SIGINT or SIGHUP from it), and no signal
  // blocked or ignored by this process carried over.
  sigset_t none;
  sigemptyset(&none);
  sigset_t defaults;
  sigemptyset(&defaults);
  for (int signal : {SIGINT, SIGTERM, SIGHUP, SIGPIPE}) sigaddset(&defaults, signal);
  posix_spawnattr_setsigmask(&attributes, &none);
  posix_spawnattr_setsigdefault(&attributes, &defaults);
  posix_spawnattr_setflags(&attributes,
                           POSIX_SPAWN_SETSID | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  pid_t pid = 0;
  const int status =
      posix_spawn(&pid, "/proc/self/exe", &actions, &attributes, argv.data(), environ);
  posix_spawnattr_destroy(&attributes);
  posix_spawn_file_actions_destroy(&actions);
  if (status != 0) {
    return core::Fail(core::ErrorCode::kIo,
                      fmt::format("cannot start the influence refresh in the background: {}",
                                  std::strerror(status)));
  }
  return {};
}

std::string RefreshLogPath(const std::string& database) { return database + "-refresh.log"; }

std::string LastRefreshError(const std::string& database) {
  std::ifstream file(RefreshLogPath(database), std::ios::binary);
  if (!file) return "";
  std::ostringstream text;
  text << file.rdbuf();
  return std::string(core::Trim(text.str()));
}

}  // namespace allies::cli
