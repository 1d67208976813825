// The inbox, shared by `jobfit inbox` and `jobfit` with no arguments.
#pragma once

#include "cli/context.h"

namespace jobfit::cli {

// Prints what to do today (or its JSON form).
void showInbox(Context& ctx, bool json);

}  // namespace jobfit::cli
