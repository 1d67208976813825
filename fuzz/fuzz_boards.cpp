// Greenhouse, Lever and Ashby board JSON: the first byte picks the board, the rest is the
// document.
#include "harness.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static constexpr jobfit::InputFormat kBoards[] = {
      jobfit::InputFormat::greenhouse, jobfit::InputFormat::lever, jobfit::InputFormat::ashby,
      jobfit::InputFormat::detect};
  jobfit::fuzz::readAll(data + 1, size - 1, kBoards[data[0] % 4], "board.json");
  return 0;
}
