// The jobfit command line: builds the commands from the table and maps errors to exit codes.
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/run.h"

int main(int argc, char** argv) {
  return jobfit::cli::run(argc, argv, std::cout, std::cerr, std::cin);
}
