// Terminal forms of the evidence results, shared by `insights`, `checkins` and `report`.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "evidence/burnout.h"
#include "evidence/insights.h"
#include "evidence/report.h"
#include "evidence/warning.h"

namespace jobfit::cli {

// "+1.2", or "·" when absent.
std::string affectCell(const std::optional<double>& v);
// "18%", or "·" when absent.
std::string percentCell(const std::optional<double>& v);

// Overall figures, the per-activity table, energizers and drainers, with whom, the weekly
// trend and expected vs experienced.
void printInsights(std::ostream& out, const Insights& insights);
// The check-in history with scores and changes.
void printCheckins(std::ostream& out, const std::vector<CheckinTrendPoint>& trend);
void printWarning(std::ostream& out, const EarlyWarning& warning);
// The weekly report in text: the same sections as the HTML page, with bars drawn in text.
void printReport(std::ostream& out, const WeeklyReport& report);

}  // namespace jobfit::cli
