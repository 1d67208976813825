// Shared by the harnesses: read an input with readPostings and check what comes out.
#pragma once

#include <cstdlib>
#include <sstream>
#include <string>

#include "core/error.h"
#include "postings/formats.h"

namespace jobfit::fuzz {

// Reads data as format; a parser may refuse the input as a whole (Error) but must not
// crash, leak or hand on a record without a title and a description.
inline void readAll(const uint8_t* data, size_t size, InputFormat format, const char* name) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  RecordSink sink;
  sink.accept = [](PostingInput&& p) {
    if (p.title.empty() && p.description.empty()) std::abort();
  };
  sink.reject = [](const std::string& where, const std::string&) {
    if (where.empty()) std::abort();
  };
  try {
    readPostings(in, name, format, {}, sink);
  } catch (const Error&) {
  }
}

}  // namespace jobfit::fuzz
