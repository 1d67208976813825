// Runs the real build/jobfit against a throw-away database, for end-to-end tests.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace jobfit::testing {

// A temporary directory removed when the object goes away.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

struct CliResult {
  int status = -1;
  std::string out, err;
};

// A jobfit with its own database, a pinned clock ("now") and a pinned time zone.
class Jobfit {
 public:
  explicit Jobfit(std::string now = "2026-03-13T17:00:00Z", std::string tz = "Europe/Berlin");
  CliResult run(const std::vector<std::string>& args, const std::string& input = "") const;
  // Runs and fails the test (with the output) unless the status is 0; returns stdout.
  std::string ok(const std::vector<std::string>& args, const std::string& input = "") const;
  const std::filesystem::path& db() const { return db_; }
  const TempDir& dir() const { return dir_; }
  std::map<std::string, std::string> env;

 private:
  TempDir dir_;
  std::filesystem::path db_;
};

// Starts build/jobfit with args and the environment; does not wait. Returns the pid.
int spawnJobfit(const std::vector<std::string>& args, const std::map<std::string, std::string>& env,
                const std::filesystem::path& stdoutFile);
// Imports `count` small postings (ids 1..count in a new database), for records that link one.
void addPostings(const Jobfit& jf, int count);
std::string readFile(const std::filesystem::path& path);
void writeFile(const std::filesystem::path& path, const std::string& text);

}  // namespace jobfit::testing
