// Where a posting comes from on the command line: a file, standard input ("-") or a URL.
// Shared by `posting add|analyze`, `postings import` and `fit`.
#pragma once

#include <istream>
#include <memory>
#include <optional>
#include <string>

#include "cli/context.h"
#include "postings/formats.h"

namespace jobfit::cli {

// The --format flag: detect when absent; throws Error(usage) on an unknown name.
InputFormat formatFlag(const std::optional<std::string>& format);

// Opens a file, standard input ("-") or a URL (fetched whole) as a stream.
class Source {
 public:
  Source(Context& ctx, const std::string& where);
  std::istream& stream() { return *stream_; }
  const std::string& name() const { return name_; }

 private:
  std::string name_;
  std::unique_ptr<std::istream> owned_;
  std::istream* stream_ = nullptr;
};

}  // namespace jobfit::cli
