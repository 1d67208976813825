// The weekly report as one self-contained HTML page: inline CSS and inline SVG charts, no
// scripts, no fonts or images from the network. Every piece of user text is escaped.
#pragma once

#include <string>
#include <string_view>

#include "evidence/report.h"

namespace jobfit {

std::string renderReportHtml(const WeeklyReport& report);

// Escapes &, <, >, " and ' for HTML text and attribute values.
std::string htmlEscape(std::string_view text);

}  // namespace jobfit
