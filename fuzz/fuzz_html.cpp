// HTML pages and JSON-LD (including malformed JSON-LD) through the HTML reader.
#include "harness.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  jobfit::fuzz::readAll(data, size, jobfit::InputFormat::html, "page.html");
  return 0;
}
