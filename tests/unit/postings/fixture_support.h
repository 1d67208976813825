// Reading the posting fixtures under tests/fixtures/postings for the posting tests.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "postings/analyze.h"
#include "postings/formats.h"

namespace jobfit::testing {

inline std::filesystem::path postingFixtures() {
  return std::filesystem::path(JOBFIT_SOURCE_DIR) / "tests" / "fixtures" / "postings";
}

inline std::string readFile(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct ReadResult {
  std::vector<PostingInput> records;
  std::vector<std::string> rejected;  // "where: why"
};

inline ReadResult readAllPostings(std::istream& in, const std::string& name,
                                  InputFormat format = InputFormat::detect,
                                  const ColumnMapping& mapping = {}) {
  ReadResult r;
  RecordSink sink;
  sink.accept = [&](PostingInput&& p) { r.records.push_back(std::move(p)); };
  sink.reject = [&](const std::string& where, const std::string& why) {
    r.rejected.push_back(where + ": " + why);
  };
  readPostings(in, name, format, mapping, sink);
  return r;
}

inline ReadResult readPostingString(const std::string& text, const std::string& name,
                                    InputFormat format = InputFormat::detect,
                                    const ColumnMapping& mapping = {}) {
  std::istringstream in(text);
  return readAllPostings(in, name, format, mapping);
}

inline ReadResult readPostingFile(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return readAllPostings(in, p.filename().string());
}

}  // namespace jobfit::testing
