#include "run_allies.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

extern char** environ;

namespace allies::testing {

namespace {

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

Sandbox::Sandbox() {
  std::string pattern = (std::filesystem::temp_directory_path() / "allies-e2e-XXXXXX").string();
  char* made = mkdtemp(pattern.data());
  if (made == nullptr) std::abort();
  dir_ = made;
}

Sandbox::~Sandbox() {
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
}

Output Sandbox::Run(const std::vector<std::string>& args,
                    const std::vector<std::string>& extra_env) const {
  std::vector<std::string> argv_text{ALLIES_BINARY};
  argv_text.insert(argv_text.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& arg : argv_text) argv.push_back(arg.data());
  argv.push_back(nullptr);

  std::vector<std::string> env_text{"TZ=UTC", "HOME=" + dir_.string(), "ALLIES_DB=" + db().string(),
                                    std::string("ALLIES_NOW=") + kNow, "PATH=/usr/bin:/bin"};
  for (const auto& entry : extra_env) {
    auto name = entry.substr(0, entry.find('=') + 1);
    std::erase_if(env_text, [&](const std::string& e) { return e.rfind(name, 0) == 0; });
    if (entry.back() != '=') env_text.push_back(entry);  // "NAME=" alone unsets NAME
  }
  std::vector<char*> env;
  for (auto& entry : env_text) env.push_back(entry.data());
  env.push_back(nullptr);

  auto out_path = dir_ / "stdout.txt";
  auto err_path = dir_ / "stderr.txt";
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0644);
  posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0644);
  pid_t pid = 0;
  Output output;
  int spawned = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), env.data());
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) {
    ADD_FAILURE() << "cannot start " << argv[0];
    return output;
  }
  int status = 0;
  waitpid(pid, &status, 0);
  output.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  output.out = ReadFile(out_path);
  output.err = ReadFile(err_path);
  return output;
}

nlohmann::json Sandbox::Json(const std::vector<std::string>& args) const {
  std::vector<std::string> with_json = args;
  with_json.push_back("--json");
  Output output = Run(with_json);
  EXPECT_EQ(output.exit_code, 0) << output.err;
  try {
    return nlohmann::json::parse(output.out);
  } catch (const std::exception& e) {
    ADD_FAILURE() << "not JSON: " << e.what() << "\n" << output.out;
    return nullptr;
  }
}

std::string Sandbox::DbBytes() const { return ReadFile(db()); }

}  // namespace allies::testing
