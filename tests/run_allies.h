#pragma once
// Runs the real `allies` binary in a private directory, the way a user would, and captures what
// it prints and its exit code.

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace allies::testing {

struct Output {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// A throwaway home for one test: its own database, TZ=UTC and a fixed ALLIES_NOW.
class Sandbox {
 public:
  Sandbox();
  ~Sandbox();
  Sandbox(const Sandbox&) = delete;
  Sandbox& operator=(const Sandbox&) = delete;

  // Runs allies with `args`; ALLIES_DB points at db() unless `extra_env` overrides it.
  Output Run(const std::vector<std::string>& args,
             const std::vector<std::string>& extra_env = {}) const;
  // Runs with --json and parses stdout; fails the test when it is not JSON.
  nlohmann::json Json(const std::vector<std::string>& args) const;

  const std::filesystem::path& dir() const { return dir_; }
  std::filesystem::path db() const { return dir_ / "allies.db"; }
  // The database file's bytes, for "nothing changed" checks.
  std::string DbBytes() const;

 private:
  std::filesystem::path dir_;
};

inline constexpr const char* kNow = "2026-11-26T09:00:00Z";

}  // namespace allies::testing
