#pragma once
// Work the CLI leaves to a process of its own after a command: the influence refresh (issue 5;
// README.md, "The influence snapshot").

#include <string>

#include "core/result.h"
#include "core/time.h"

namespace allies::cli {

// Starts `allies --db DATABASE --now NOW influence refresh --if-due --no-wait` (this same
// executable, /proc/self/exe) in a session of its own, so that it outlives the command, is not
// interrupted by a Ctrl-C meant for the terminal's next command, and holds none of the command's
// output streams: its stdin and stdout are /dev/null, its stderr RefreshLogPath(database), which
// stays empty unless it fails. Does not wait for it; when this process ends first, the system
// adopts it. kIo when it cannot be started.
[[nodiscard]] core::Result<void> StartInfluenceRefresh(const std::string& database,
                                                       core::TimePoint now);

// "<database>-refresh.log": what the last background refresh wrote to stderr.
std::string RefreshLogPath(const std::string& database);

// What the last background refresh of `database` reported, trimmed: its error, or "" when it
// succeeded, is still running without a word, or never ran.
std::string LastRefreshError(const std::string& database);

}  // namespace allies::cli
