// Runs the command line against the given streams; returns the exit status.
#pragma once

#include <iostream>

namespace jobfit::cli {

int run(int argc, char** argv, std::ostream& out, std::ostream& err, std::istream& in);

}  // namespace jobfit::cli
