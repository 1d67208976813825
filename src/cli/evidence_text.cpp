#include "cli/evidence_text.h"

#include <cmath>

#include <fmt/format.h>

#include "cli/table.h"

namespace jobfit::cli {

namespace {

std::string oneDecimal(const std::optional<double>& v) {
  return v ? fmt::format("{:.1f}", *v) : "·";
}

std::string interval(const std::optional<Estimate>& e) {
  if (!e || !e->low) return "·";
  return fmt::format("{}..{}", signedFixed(*e->low), signedFixed(*e->high));
}

std::string meanCell(const std::optional<Estimate>& e) {
  return e ? signedFixed(e->mean) : "·";
}

std::string scoreCell(const std::optional<double>& score) {
  if (!score) return "·";
  return fmt::format("{:.1f}{}", *score, isHigh(score) ? " high" : "");
}

std::string periodText(const Insights& insights) {
  const auto& o = insights.options;
  if (o.from && o.to) return fmt::format("{} .. {}", formatDate(*o.from), formatDate(*o.to));
  if (o.from) return fmt::format("from {}", formatDate(*o.from));
  if (o.to) return fmt::format("up to {}", formatDate(*o.to));
  return "all episodes";
}

}  // namespace

std::string affectCell(const std::optional<double>& v) { return v ? signedFixed(*v) : "·"; }

std::string percentCell(const std::optional<double>& v) {
  return v ? fmt::format("{:.0f}%", *v * 100) : "·";
}

void printInsights(std::ostream& out, const Insights& insights) {
  const AffectStats& all = insights.overall;
  out << fmt::format("Evidence, {}: {} episode{}, {}\n", periodText(insights), all.n,
                     all.n == 1 ? "" : "s", formatDuration(all.minutes));
  if (all.n == 0) {
    out << "No episodes in this period. Log some with: jobfit log 1h writing --happy 4 "
           "--stressed 1\n";
    return;
  }
  std::string overall = fmt::format("Overall: net affect {}", meanCell(all.netAffect));
  if (all.netAffect && all.netAffect->low) overall += fmt::format(" (95% CI {})", interval(all.netAffect));
  overall += fmt::format(", U-index {}, energy {}\n", percentCell(all.uIndex),
                         all.energy ? signedFixed(all.energy->mean) : "·");
  out << overall;
  if (all.excluded)
    out << fmt::format(
        "{} episode{} without both a positive and a negative rating: counted in time, not in net "
        "affect or U-index.\n",
        all.excluded, all.excluded == 1 ? "" : "s");

  out << "\nBy activity (net affect = mean of happy, engaged minus mean of stressed, frustrated; "
         "duration-weighted)\n";
  Table t;
  t.column("Activity");
  t.column("Episodes", Table::Align::right);
  t.column("Time", Table::Align::right);
  t.column("Share", Table::Align::right);
  t.column("Net affect", Table::Align::right);
  t.column("95% CI", Table::Align::right);
  t.column("Shrunk", Table::Align::right);
  t.column("U-index", Table::Align::right);
  t.column("Energy", Table::Align::right);
  t.column("Engaged", Table::Align::right);
  t.column("Tired", Table::Align::right);
  t.column("Meaningful", Table::Align::right);
  for (const auto& a : insights.activities) {
    const auto& s = a.stats;
    t.row({a.label, std::to_string(s.n), formatDuration(s.minutes), percentCell(s.share),
           meanCell(s.netAffect), interval(s.netAffect),
           s.netAffect ? signedFixed(s.netAffect->shrunk) : "·", percentCell(s.uIndex),
           meanCell(s.energy), oneDecimal(s.engaged), oneDecimal(s.tired),
           oneDecimal(s.meaningful)});
  }
  t.print(out);

  auto list = [&](std::string_view title, const std::vector<std::string>& ids) {
    if (ids.empty()) return;
    out << '\n' << title << '\n';
    for (const auto& id : ids) out << "  " << insights.find(id)->line << '\n';
  };
  out << fmt::format("\nRanked by shrunken net affect (k = {:g}, toward your overall mean):\n",
                     insights.options.shrinkK);
  if (insights.energizers.empty() && insights.drainers.empty())
    out << fmt::format("  No activity has {} episodes with a net affect yet.\n",
                       insights.options.minEvidence);
  list("Energizers", insights.energizers);
  list("Drainers", insights.drainers);
  list("Not enough evidence yet", insights.notEnoughEvidence);

  if (!insights.company.empty()) {
    out << "\nWith whom\n";
    Table c;
    c.column("With");
    c.column("Episodes", Table::Align::right);
    c.column("Time", Table::Align::right);
    c.column("Net affect", Table::Align::right);
    c.column("U-index", Table::Align::right);
    c.column("Energy", Table::Align::right);
    for (const auto& w : insights.company)
      c.row({w.with.empty() ? "(not said)" : w.with, std::to_string(w.stats.n),
             formatDuration(w.stats.minutes), meanCell(w.stats.netAffect),
             percentCell(w.stats.uIndex), meanCell(w.stats.energy)});
    c.print(out);
  }

  if (!insights.weeks.empty()) {
    out << "\nWeekly trend\n";
    Table w;
    w.column("Week of");
    w.column("Episodes", Table::Align::right);
    w.column("Time", Table::Align::right);
    w.column("Net affect", Table::Align::right);
    w.column("U-index", Table::Align::right);
    w.column("Energy", Table::Align::right);
    for (const auto& week : insights.weeks)
      w.row({formatDate(week.week), std::to_string(week.stats.n),
             week.stats.minutes ? formatDuration(week.stats.minutes) : "·",
             meanCell(week.stats.netAffect), percentCell(week.stats.uIndex),
             meanCell(week.stats.energy)});
    w.print(out);
  }

  if (!insights.gaps.empty()) {
    out << "\nExpected vs experienced (largest gaps first)\n";
    for (const auto& g : insights.gaps) out << "  " << g.line << '\n';
  }
}

void printCheckins(std::ostream& out, const std::vector<CheckinTrendPoint>& trend) {
  if (trend.empty()) {
    out << "No check-ins yet. Take one with: jobfit checkin\n";
    return;
  }
  Table t;
  t.column("ID", Table::Align::right);
  t.column("Date");
  t.column("Personal", Table::Align::right);
  t.column("Change", Table::Align::right);
  t.column("Work", Table::Align::right);
  t.column("Change", Table::Align::right);
  t.column("Answered", Table::Align::right);
  for (const auto& p : trend)
    t.row({std::to_string(p.checkin.id), formatDate(p.checkin.date), scoreCell(p.score.personal),
           affectCell(p.personalChange), scoreCell(p.score.work), affectCell(p.workChange),
           fmt::format("{}/6 {}/7", p.score.personalAnswered, p.score.workAnswered)});
  t.print(out);
  const auto& last = trend.back();
  if (trend.size() >= 2) {
    const auto& first = trend.front();
    auto move = [](std::optional<double> a, std::optional<double> b) -> std::string {
      if (!a || !b) return "·";
      return fmt::format("{:.1f} -> {:.1f} ({})", *a, *b, signedFixed(*b - *a));
    };
    out << fmt::format("Trend since {}: personal {}, work-related {}\n", formatDate(first.checkin.date),
                       move(first.score.personal, last.score.personal),
                       move(first.score.work, last.score.work));
  }
  out << fmt::format(
      "Scores are 0-100; {:g} or more reads as a high degree of burnout. A scale needs {} "
      "(personal) or {} (work) answers.\nCopenhagen Burnout Inventory: {}\n",
      kHighBurnout, kPersonalMinAnswers, kWorkMinAnswers, kCbiSource);
}

void printWarning(std::ostream& out, const EarlyWarning& warning) {
  out << warning.summary << '\n';
  for (const auto& o : warning.observations) out << "  - " << o << '\n';
}

void printReport(std::ostream& out, const WeeklyReport& r) {
  out << fmt::format("Your week at work: Monday {} to Sunday {}\n\n", formatDate(r.weekStart),
                     formatDate(r.weekEnd));
  out << "Burnout early warning\n";
  printWarning(out, r.warning);

  const AffectStats& w = r.week.overall;
  out << fmt::format("\nThis week: {} episode{}, {}", w.n, w.n == 1 ? "" : "s",
                     formatDuration(w.minutes));
  if (w.n)
    out << fmt::format("; net affect {}, U-index {}, energy {}",
                       w.netAffect ? signedFixed(w.netAffect->mean) : "·", percentCell(w.uIndex),
                       w.energy ? signedFixed(w.energy->mean) : "·");
  out << '\n';
  if (!r.week.activities.empty()) {
    out << "\nTime by activity\n";
    int most = r.week.activities.front().stats.minutes;
    Table t;
    t.column("Activity");
    t.column("Time", Table::Align::right);
    t.column("Share", Table::Align::right);
    t.column("");
    for (const auto& a : r.week.activities) {
      int width = most > 0 ? static_cast<int>(std::lround(30.0 * a.stats.minutes / most)) : 0;
      std::string bar;
      for (int i = 0; i < std::max(width, 1); ++i) bar += "█";
      t.row({a.label, formatDuration(a.stats.minutes), percentCell(a.stats.share), bar});
    }
    t.print(out);
  }

  out << fmt::format("\nThe last {} weeks\n", r.options.evidenceWeeks);
  printInsights(out, r.evidence);

  out << fmt::format("\nU-index and energy, the last {} weeks\n", r.options.trendWeeks);
  Table t;
  t.column("Week of");
  t.column("U-index", Table::Align::right);
  t.column("");
  t.column("Energy", Table::Align::right);
  for (const auto& week : r.trend.weeks) {
    std::string bar;
    if (week.stats.uIndex)
      for (int i = 0; i < static_cast<int>(std::lround(*week.stats.uIndex * 20)); ++i) bar += "█";
    t.row({formatDate(week.week), percentCell(week.stats.uIndex), bar,
           week.stats.energy ? signedFixed(week.stats.energy->mean) : "·"});
  }
  t.print(out);

  out << "\nBurnout check-ins\n";
  printCheckins(out, r.burnout);
}

}  // namespace jobfit::cli
