// One error model for the whole program: a typed error that the CLI turns into a message and
// an exit status, and the HTTP server into a status code and a JSON body.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace jobfit {

enum class ErrorCode {
  usage,      // a bad flag or argument value (exit 2, HTTP 400)
  invalid,    // bad data in a file or document (exit 1, HTTP 400)
  not_found,  // no such record (exit 1, HTTP 404)
  conflict,   // the request contradicts stored state (exit 1, HTTP 409)
  too_large,  // input over a limit (exit 1, HTTP 413)
  refused,    // not allowed (exit 1, HTTP 403)
  io,         // the file system, network or database failed (exit 1, HTTP 500)
};

class Error : public std::runtime_error {
 public:
  Error(ErrorCode code, std::string message, std::string field = {}, std::string hint = {})
      : std::runtime_error(std::move(message)),
        code_(code),
        field_(std::move(field)),
        hint_(std::move(hint)) {}

  ErrorCode code() const { return code_; }
  // The input field the error is about ("happy", "episodes[3].minutes"), or empty.
  const std::string& field() const { return field_; }
  // What the user can do about it, or empty.
  const std::string& hint() const { return hint_; }

 private:
  ErrorCode code_;
  std::string field_;
  std::string hint_;
};

// Stable machine-readable name of a code ("usage", "not_found", ...).
std::string_view codeName(ErrorCode code);
// The process exit status for an error: 2 for usage errors, 1 otherwise.
int exitStatus(ErrorCode code);
// The HTTP status for an error.
int httpStatus(ErrorCode code);

}  // namespace jobfit
