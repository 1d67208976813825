#include "core/error.h"

namespace jobfit {

std::string_view codeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::usage: return "bad_request";
    case ErrorCode::invalid: return "invalid";
    case ErrorCode::not_found: return "not_found";
    case ErrorCode::conflict: return "conflict";
    case ErrorCode::too_large: return "too_large";
    case ErrorCode::refused: return "refused";
    case ErrorCode::io: return "io";
  }
  return "io";
}

int exitStatus(ErrorCode code) { return code == ErrorCode::usage ? 2 : 1; }

int httpStatus(ErrorCode code) {
  switch (code) {
    case ErrorCode::usage:
    case ErrorCode::invalid: return 400;
    case ErrorCode::not_found: return 404;
    case ErrorCode::conflict: return 409;
    case ErrorCode::too_large: return 413;
    case ErrorCode::refused: return 403;
    case ErrorCode::io: return 500;
  }
  return 500;
}

}  // namespace jobfit
