// CSV (RFC 4180) and JSON Lines: the first byte picks the format, the rest is the file.
#include "harness.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  bool csv = data[0] % 2 == 0;
  jobfit::fuzz::readAll(data + 1, size - 1, csv ? jobfit::InputFormat::csv : jobfit::InputFormat::jsonl,
                        csv ? "postings.csv" : "postings.jsonl");
  return 0;
}
