#include "support/cli.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <random>
#include <sstream>

#include <gtest/gtest.h>

extern char** environ;

namespace jobfit::testing {

namespace fs = std::filesystem;

TempDir::TempDir() {
  std::random_device rd;
  path_ = fs::temp_directory_path() / ("jobfit-test-" + std::to_string(::getpid()) + "-" +
                                       std::to_string(rd()));
  fs::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

std::string readFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

void writeFile(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

namespace {

std::vector<std::string> environment(const std::map<std::string, std::string>& overrides) {
  std::map<std::string, std::string> vars;
  for (char** e = environ; *e; ++e) {
    std::string kv(*e);
    auto eq = kv.find('=');
    if (eq != std::string::npos) vars[kv.substr(0, eq)] = kv.substr(eq + 1);
  }
  vars.erase("JOBFIT_DB");
  vars.erase("JOBFIT_NOW");
  vars["NO_COLOR"] = "1";
  for (const auto& [k, v] : overrides) vars[k] = v;
  std::vector<std::string> out;
  for (const auto& [k, v] : vars) out.push_back(k + "=" + v);
  return out;
}

int spawn(const std::vector<std::string>& args, const std::map<std::string, std::string>& env,
          const fs::path& in, const fs::path& out, const fs::path& err) {
  std::vector<std::string> argvStrings{JOBFIT_EXE};
  argvStrings.insert(argvStrings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argvStrings) argv.push_back(a.data());
  argv.push_back(nullptr);
  auto envStrings = environment(env);
  std::vector<char*> envp;
  for (auto& e : envStrings) envp.push_back(e.data());
  envp.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  if (!in.empty()) posix_spawn_file_actions_addopen(&actions, 0, in.c_str(), O_RDONLY, 0);
  else posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_addopen(&actions, 2, err.empty() ? "/dev/null" : err.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0600);
  pid_t pid = -1;
  int rc = posix_spawn(&pid, JOBFIT_EXE, &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) return -1;
  return pid;
}

}  // namespace

int spawnJobfit(const std::vector<std::string>& args, const std::map<std::string, std::string>& env,
                const fs::path& stdoutFile) {
  return spawn(args, env, {}, stdoutFile, {});
}

Jobfit::Jobfit(std::string now, std::string tz) {
  db_ = dir_ / "data" / "jobfit.db";
  env["JOBFIT_DB"] = db_.string();
  env["JOBFIT_NOW"] = std::move(now);
  env["TZ"] = std::move(tz);
}

CliResult Jobfit::run(const std::vector<std::string>& args, const std::string& input) const {
  static int counter = 0;
  auto base = dir_ / ("run" + std::to_string(++counter));
  fs::path in;
  if (!input.empty()) {
    in = base.string() + ".in";
    writeFile(in, input);
  }
  fs::path out = base.string() + ".out", err = base.string() + ".err";
  int pid = spawn(args, env, in, out, err);
  CliResult r;
  if (pid < 0) return r;
  int status = 0;
  waitpid(pid, &status, 0);
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = readFile(out);
  r.err = readFile(err);
  return r;
}

std::string Jobfit::ok(const std::vector<std::string>& args, const std::string& input) const {
  auto r = run(args, input);
  std::string joined;
  for (const auto& a : args) joined += a + " ";
  EXPECT_EQ(r.status, 0) << "jobfit " << joined << "\nstdout: " << r.out << "\nstderr: " << r.err;
  return r.out;
}

void addPostings(const Jobfit& jf, int count) {
  std::string csv = "title,company,location,description\n";
  for (int i = 1; i <= count; ++i)
    csv += "Role " + std::to_string(i) + ",Company " + std::to_string(i) + ",Berlin,Work number " +
           std::to_string(i) + ".\n";
  jf.ok({"postings", "import", "-", "--format", "csv"}, csv);
}

}  // namespace jobfit::testing
