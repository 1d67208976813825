// A thin RAII layer over the SQLite C API: one connection, prepared statements, errors as
// jobfit::Error. Only code under storage/sqlite/ uses it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include <sqlite3.h>

namespace jobfit::sqlite {

class Statement;

class Connection {
 public:
  // Opens path read-write, creating it if create is true.
  Connection(const std::string& path, bool create);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Runs one or more statements without results.
  void exec(std::string_view sql);
  // A prepared statement for sql. Statements are cached per connection: when the Statement
  // goes away it is reset and kept for the next prepare of the same text.
  Statement prepare(std::string_view sql);
  int64_t lastInsertId() const;
  int changes() const;
  sqlite3* handle() const { return db_; }

 private:
  friend class Statement;
  // Takes back a statement that is done (reset, bindings cleared).
  void keep(sqlite3_stmt* stmt);

  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, sqlite3_stmt*> idle_;  // by SQL text
};

class Statement {
 public:
  Statement(sqlite3* db, std::string_view sql);
  // Wraps a statement that goes back to owner's cache when done.
  Statement(Connection& owner, sqlite3_stmt* stmt);
  ~Statement();
  Statement(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Binds by 1-based index; returns *this for chaining.
  Statement& bind(int index, int64_t value);
  Statement& bind(int index, int value) { return bind(index, static_cast<int64_t>(value)); }
  Statement& bind(int index, double value);
  Statement& bind(int index, std::string_view value);
  Statement& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
  Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
  Statement& bindNull(int index);
  template <typename T>
  Statement& bind(int index, const std::optional<T>& value) {
    return value ? bind(index, *value) : bindNull(index);
  }

  // Steps once: true when a row is available.
  bool step();
  // Steps to completion (for INSERT/UPDATE/DELETE).
  void run();
  void reset();

  bool isNull(int column) const;
  int64_t integer(int column) const;
  double real(int column) const;
  std::string text(int column) const;
  // The text without a copy, valid until the next step or reset.
  std::string_view textView(int column) const;
  std::optional<int64_t> optionalInteger(int column) const;
  std::optional<std::string> optionalText(int column) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  Connection* owner_ = nullptr;  // the cache to return to, or none: finalized
};

// Throws jobfit::Error(io) with SQLite's message when rc is an error code.
void check(sqlite3* db, int rc, std::string_view what);

}  // namespace jobfit::sqlite
