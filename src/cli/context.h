// What every command receives: where the database is, the clock, and the terminal.
// Passed explicitly; there is no global context.
#pragma once

#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "core/time.h"
#include "storage/store.h"

namespace jobfit::cli {

class Context {
 public:
  Context(Clock clock, std::ostream& out, std::ostream& err, std::istream& in);

  // The database, opened (and created or migrated) on first use.
  Store& store();
  std::filesystem::path databasePath() const;
  // The --db flag's value, read when the database is first opened.
  void setDatabaseFlag(const std::string* flag) { dbFlag_ = flag; }

  const Clock& clock() const { return clock_; }
  std::ostream& out() { return out_; }
  std::ostream& err() { return err_; }
  std::istream& in() { return in_; }
  // Whether stdout is a terminal (progress bars, interactive questions).
  bool interactive() const { return interactive_; }
  // Whether to colour output: a terminal and NO_COLOR unset.
  bool color() const { return color_; }
  // ANSI styling that collapses to plain text when colour is off.
  std::string bold(std::string_view s) const;
  std::string dim(std::string_view s) const;
  std::string green(std::string_view s) const;
  std::string red(std::string_view s) const;
  std::string yellow(std::string_view s) const;

  // Builds the clock from the environment: JOBFIT_NOW (ISO instant, for tests) or the system
  // clock, and TZ (else the system zone).
  static Clock clockFromEnvironment();

 private:
  Clock clock_;
  std::ostream& out_;
  std::ostream& err_;
  std::istream& in_;
  bool interactive_;
  bool color_;
  const std::string* dbFlag_ = nullptr;
  std::unique_ptr<Store> store_;
};

}  // namespace jobfit::cli
