#include "evidence/report_html.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <vector>

#include <fmt/format.h>

namespace jobfit {

namespace {

constexpr int kWidth = 660;
constexpr int kLabelWidth = 190;
constexpr int kRowHeight = 26;
constexpr std::string_view kEnergizing = "#2e7d32";
constexpr std::string_view kDraining = "#c62828";
constexpr std::string_view kUnsure = "#8a8a8a";
constexpr std::string_view kTime = "#37699b";

std::string_view verdictColor(Verdict v) {
  switch (v) {
    case Verdict::clearly_energizing:
    case Verdict::leaning_energizing: return kEnergizing;
    case Verdict::clearly_draining:
    case Verdict::leaning_draining: return kDraining;
    default: return kUnsure;
  }
}

std::string num(double v) { return fmt::format("{:.1f}", v); }

std::string percentText(std::optional<double> v) {
  return v ? fmt::format("{:.0f}%", *v * 100) : "–";
}

std::string affectText(const std::optional<Estimate>& e) {
  return e ? signedFixed(e->mean) : "–";
}

// Cuts a label to fit the label column.
std::string shortLabel(const std::string& label, size_t max = 26) {
  if (label.size() <= max) return label;
  size_t cut = max - 1;
  while (cut > 0 && (static_cast<unsigned char>(label[cut]) & 0xC0) == 0x80) --cut;
  return label.substr(0, cut) + "…";
}

std::string svgOpen(int height, std::string_view title) {
  return fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {0} {1}\" width=\"{0}\" "
      "height=\"{1}\" role=\"img\" aria-label=\"{2}\"><title>{2}</title>\n",
      kWidth, height, htmlEscape(title));
}

// A horizontal scale from lo..hi onto the plot area right of the labels.
struct Scale {
  double lo, hi;
  double left = kLabelWidth, right = kWidth - 110;
  double x(double v) const { return left + (std::clamp(v, lo, hi) - lo) / (hi - lo) * (right - left); }
};

std::string axis(const Scale& s, int top, int bottom, double step, bool signedTicks) {
  std::string out;
  for (double t = std::ceil(s.lo / step) * step; t <= s.hi + 1e-9; t += step) {
    double x = s.x(t);
    bool zero = std::fabs(t) < 1e-9;
    out += fmt::format(
        "<line x1=\"{0:.1f}\" y1=\"{1}\" x2=\"{0:.1f}\" y2=\"{2}\" class=\"{3}\"/>"
        "<text x=\"{0:.1f}\" y=\"{4}\" class=\"tick\" text-anchor=\"middle\">{5}</text>\n",
        x, top, bottom, zero ? "zero" : "grid", bottom + 14,
        signedTicks ? signedFixed(t, 0) : fmt::format("{:g}", t));
  }
  return out;
}

struct Bar {
  std::string label, valueText;
  double value;
};

std::string barChart(const std::vector<Bar>& bars, std::string_view title) {
  int height = static_cast<int>(bars.size()) * kRowHeight + 10;
  double max = 0;
  for (const auto& b : bars) max = std::max(max, b.value);
  Scale s{0, max > 0 ? max : 1};
  std::string out = svgOpen(height, title);
  int y = 5;
  for (const auto& b : bars) {
    out += fmt::format(
        "<text x=\"{}\" y=\"{}\" class=\"label\" text-anchor=\"end\">{}</text>"
        "<rect x=\"{}\" y=\"{}\" width=\"{:.1f}\" height=\"{}\" fill=\"{}\" rx=\"2\"><title>{}: "
        "{}</title></rect><text x=\"{:.1f}\" y=\"{}\" class=\"value\">{}</text>\n",
        kLabelWidth - 8, y + 17, htmlEscape(shortLabel(b.label)), kLabelWidth, y + 4,
        std::max(1.0, s.x(b.value) - kLabelWidth), kRowHeight - 8, kTime, htmlEscape(b.label),
        htmlEscape(b.valueText), s.x(b.value) + 6, y + 17, htmlEscape(b.valueText));
    y += kRowHeight;
  }
  return out + "</svg>\n";
}

// Net affect by activity: the mean as a dot, its 95% interval as a line, the shrunken mean
// as a small diamond.
std::string intervalChart(const Insights& insights, std::string_view title) {
  std::vector<const ActivityInsight*> rows;
  for (const auto& a : insights.activities)
    if (a.stats.netAffect) rows.push_back(&a);
  std::sort(rows.begin(), rows.end(), [](const ActivityInsight* a, const ActivityInsight* b) {
    return a->stats.netAffect->shrunk > b->stats.netAffect->shrunk;
  });
  double lo = -1, hi = 1;
  for (const auto* a : rows) {
    const Estimate& e = *a->stats.netAffect;
    lo = std::min({lo, e.mean, e.low.value_or(e.mean)});
    hi = std::max({hi, e.mean, e.high.value_or(e.mean)});
  }
  Scale s{std::max(-6.0, std::floor(lo)), std::min(6.0, std::ceil(hi))};
  int top = 4, height = static_cast<int>(rows.size()) * kRowHeight + top + 24;
  int bottom = height - 20;
  std::string out = svgOpen(height, title);
  out += axis(s, top, bottom, (s.hi - s.lo) > 8 ? 2 : 1, true);
  int y = top;
  for (const auto* a : rows) {
    const Estimate& e = *a->stats.netAffect;
    std::string_view color = verdictColor(a->verdict);
    int cy = y + kRowHeight / 2;
    out += fmt::format("<g><title>{}</title><text x=\"{}\" y=\"{}\" class=\"label\" "
                       "text-anchor=\"end\">{}</text>",
                       htmlEscape(a->line), kLabelWidth - 8, cy + 4,
                       htmlEscape(shortLabel(a->label)));
    if (e.low)
      out += fmt::format(
          "<line x1=\"{:.1f}\" y1=\"{}\" x2=\"{:.1f}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"3\" "
          "stroke-linecap=\"round\" opacity=\"0.45\"/>",
          s.x(*e.low), cy, s.x(*e.high), cy, color);
    double sx = s.x(e.shrunk);
    out += fmt::format(
        "<circle cx=\"{:.1f}\" cy=\"{}\" r=\"5\" fill=\"{}\"/>"
        "<path d=\"M{:.1f} {} l4 4 l-4 4 l-4 -4 z\" fill=\"none\" stroke=\"#222\"/>"
        "<text x=\"{}\" y=\"{}\" class=\"value\">{} (n={})</text></g>\n",
        s.x(e.mean), cy, color, sx, cy - 4, kWidth - 100, cy + 4, signedFixed(e.mean), e.n);
    y += kRowHeight;
  }
  return out + "</svg>\n";
}

struct Series {
  std::string name;
  std::string_view color;
  std::vector<std::optional<double>> values;
};

// A line chart over categorical x positions; a missing value breaks the line.
std::string lineChart(const std::vector<std::string>& xLabels, const std::vector<Series>& series,
                      double lo, double hi, double step, std::optional<double> threshold,
                      std::string_view title, std::string (*format)(double)) {
  int height = 230, top = 12, bottom = 180, left = 56, right = kWidth - 20;
  size_t n = xLabels.size();
  auto x = [&](size_t i) {
    return n <= 1 ? (left + right) / 2.0 : left + double(i) * (right - left) / double(n - 1);
  };
  auto y = [&](double v) { return bottom - (std::clamp(v, lo, hi) - lo) / (hi - lo) * (bottom - top); };
  std::string out = svgOpen(height, title);
  for (double t = lo; t <= hi + 1e-9; t += step)
    out += fmt::format(
        "<line x1=\"{0}\" y1=\"{1:.1f}\" x2=\"{2}\" y2=\"{1:.1f}\" class=\"{3}\"/>"
        "<text x=\"{4}\" y=\"{5:.1f}\" class=\"tick\" text-anchor=\"end\">{6}</text>\n",
        left, y(t), right, std::fabs(t) < 1e-9 ? "zero" : "grid", left - 6, y(t) + 4, format(t));
  if (threshold)
    out += fmt::format(
        "<line x1=\"{0}\" y1=\"{1:.1f}\" x2=\"{2}\" y2=\"{1:.1f}\" class=\"threshold\"/>"
        "<text x=\"{2}\" y=\"{3:.1f}\" class=\"tick\" text-anchor=\"end\">high ({4})</text>\n",
        left, y(*threshold), right, y(*threshold) - 4, format(*threshold));
  size_t every = n > 12 ? (n + 11) / 12 : 1;
  for (size_t i = 0; i < n; i += every)
    out += fmt::format("<text x=\"{:.1f}\" y=\"{}\" class=\"tick\" text-anchor=\"middle\">{}</text>\n",
                       x(i), bottom + 16, htmlEscape(xLabels[i]));
  int legendX = left;
  for (const auto& s : series) {
    std::string path;
    bool pen = false;
    for (size_t i = 0; i < s.values.size() && i < n; ++i) {
      if (!s.values[i]) {
        pen = false;
        continue;
      }
      path += fmt::format("{}{:.1f} {:.1f} ", pen ? "L" : "M", x(i), y(*s.values[i]));
      pen = true;
    }
    if (!path.empty())
      out += fmt::format("<path d=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2\"/>\n", path,
                         s.color);
    for (size_t i = 0; i < s.values.size() && i < n; ++i)
      if (s.values[i])
        out += fmt::format(
            "<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"4\" fill=\"{}\"><title>{} {}: "
            "{}</title></circle>\n",
            x(i), y(*s.values[i]), s.color, htmlEscape(s.name), htmlEscape(xLabels[i]),
            format(*s.values[i]));
    out += fmt::format(
        "<rect x=\"{}\" y=\"{}\" width=\"12\" height=\"4\" fill=\"{}\"/><text x=\"{}\" y=\"{}\" "
        "class=\"label\">{}</text>\n",
        legendX, height - 14, s.color, legendX + 16, height - 9, htmlEscape(s.name));
    legendX += 40 + static_cast<int>(s.name.size()) * 7;
  }
  return out + "</svg>\n";
}

std::string percentTick(double v) { return fmt::format("{:.0f}%", v * 100); }
std::string signedTick(double v) { return signedFixed(v, std::fabs(v - std::round(v)) < 1e-9 ? 0 : 1); }
std::string scoreTick(double v) { return fmt::format("{:.0f}", v); }

// Expected (hollow) and experienced (filled) net affect per activity on one axis.
std::string gapChart(const std::vector<ExpectationGap>& gaps, std::string_view title) {
  std::vector<const ExpectationGap*> rows;
  for (const auto& g : gaps)
    if (g.gap) rows.push_back(&g);
  Scale s{-6, 6};
  int top = 4, height = static_cast<int>(rows.size()) * kRowHeight + top + 24;
  int bottom = height - 20;
  std::string out = svgOpen(height, title);
  out += axis(s, top, bottom, 2, true);
  int y = top;
  for (const auto* g : rows) {
    int cy = y + kRowHeight / 2;
    double ex = s.x(*g->expectedNetAffect), xp = s.x(*g->experiencedNetAffect);
    std::string_view color = *g->gap < 0 ? kDraining : kEnergizing;
    out += fmt::format(
        "<g><title>{}</title><text x=\"{}\" y=\"{}\" class=\"label\" text-anchor=\"end\">{}</text>"
        "<line x1=\"{:.1f}\" y1=\"{}\" x2=\"{:.1f}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"2\"/>"
        "<circle cx=\"{:.1f}\" cy=\"{}\" r=\"5\" fill=\"#fff\" stroke=\"#222\" stroke-width=\"1.5\"/>"
        "<circle cx=\"{:.1f}\" cy=\"{}\" r=\"5\" fill=\"{}\"/>"
        "<text x=\"{}\" y=\"{}\" class=\"value\">{}</text></g>\n",
        htmlEscape(g->line), kLabelWidth - 8, cy + 4, htmlEscape(shortLabel(g->label)), ex, cy, xp,
        cy, color, ex, cy, xp, cy, color, kWidth - 100, cy + 4, signedFixed(*g->gap));
    y += kRowHeight;
  }
  return out + "</svg>\n";
}

constexpr std::string_view kStyle = R"CSS(
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #222;
       max-width: 720px; margin: 2em auto; padding: 0 1em; background: #fff; }
h1 { font-size: 1.6em; margin-bottom: 0; }
h2 { font-size: 1.2em; margin-top: 2em; border-bottom: 1px solid #ddd; padding-bottom: .2em; }
h3 { font-size: 1em; margin: 1.2em 0 .4em; }
.sub, .note { color: #666; font-size: .9em; }
.warning { border-left: 5px solid #8a8a8a; padding: .6em 1em; background: #f6f6f6; }
.warning.watch { border-color: #ef6c00; background: #fff5eb; }
.warning.warning { border-color: #c62828; background: #fdeeee; }
.warning ul { margin: .4em 0 0; padding-left: 1.2em; color: #444; }
table { border-collapse: collapse; font-size: .88em; margin: .6em 0; }
th, td { padding: .2em .6em; text-align: right; border-bottom: 1px solid #eee; }
th:first-child, td:first-child { text-align: left; }
svg { max-width: 100%; height: auto; display: block; margin: .4em 0; }
svg text { font: 12px system-ui, sans-serif; fill: #333; }
svg .tick { fill: #777; font-size: 11px; }
svg .grid { stroke: #eee; }
svg .zero { stroke: #999; }
svg .threshold { stroke: #c62828; stroke-dasharray: 4 3; }
ul.lines li { margin: .15em 0; }
.energizing { color: #2e7d32; } .draining { color: #c62828; } .unsure { color: #666; }
)CSS";

std::string verdictClass(Verdict v) {
  std::string_view c = verdictColor(v);
  return c == kEnergizing ? "energizing" : c == kDraining ? "draining" : "unsure";
}

std::string lines(const Insights& insights, const std::vector<std::string>& ids) {
  std::string out = "<ul class=\"lines\">\n";
  for (const auto& id : ids) {
    const ActivityInsight* a = insights.find(id);
    out += fmt::format("<li class=\"{}\">{}</li>\n", verdictClass(a->verdict), htmlEscape(a->line));
  }
  return out + "</ul>\n";
}

std::string headline(const Insights& insights) {
  const AffectStats& s = insights.overall;
  std::string text = fmt::format("{} episode{}, {} logged", s.n, s.n == 1 ? "" : "s",
                                 formatDuration(s.minutes));
  if (s.n == 0) return text + ".";
  text += fmt::format("; net affect {}, U-index {}, energy {}", affectText(s.netAffect),
                      percentText(s.uIndex), affectText(s.energy));
  if (s.excluded)
    text += fmt::format(" ({} episode{} without a positive and a negative rating count in time "
                        "only)",
                        s.excluded, s.excluded == 1 ? "" : "s");
  return text + ".";
}

std::string activityTable(const Insights& insights) {
  std::string out =
      "<table><thead><tr><th>Activity</th><th>Episodes</th><th>Time</th><th>Net affect</th>"
      "<th>95% CI</th><th>Shrunk</th><th>U-index</th><th>Energy</th></tr></thead><tbody>\n";
  for (const auto& a : insights.activities) {
    const auto& s = a.stats;
    std::string ci = s.netAffect && s.netAffect->low
                         ? fmt::format("{}..{}", signedFixed(*s.netAffect->low),
                                       signedFixed(*s.netAffect->high))
                         : "–";
    out += fmt::format(
        "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>"
        "<td>{}</td></tr>\n",
        htmlEscape(a.label), s.n, formatDuration(s.minutes), affectText(s.netAffect), ci,
        s.netAffect ? signedFixed(s.netAffect->shrunk) : "–", percentText(s.uIndex),
        affectText(s.energy));
  }
  return out + "</tbody></table>\n";
}

}  // namespace

std::string htmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string renderReportHtml(const WeeklyReport& r) {
  const auto& ev = r.evidence;
  std::string out;
  out += fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta name=\"robots\" content=\"noindex\">\n"
      "<title>jobfit weekly report, week of {}</title>\n<style>{}</style>\n</head>\n<body>\n",
      formatDate(r.weekStart), kStyle);
  out += fmt::format(
      "<h1>Your week at work</h1>\n<p class=\"sub\">Monday {} to Sunday {}. Made on your own "
      "computer by jobfit; nothing in it left your machine.</p>\n",
      formatDate(r.weekStart), formatDate(r.weekEnd));

  out += fmt::format("<section class=\"warning {}\">\n<h2>Burnout early warning</h2>\n<p>{}</p>\n<ul>\n",
                     warningLevelName(r.warning.level), htmlEscape(r.warning.summary));
  for (const auto& o : r.warning.observations) out += fmt::format("<li>{}</li>\n", htmlEscape(o));
  out += "</ul>\n</section>\n";

  out += fmt::format("<section>\n<h2>This week</h2>\n<p>{}</p>\n", htmlEscape(headline(r.week)));
  if (!r.week.activities.empty()) {
    std::vector<Bar> bars;
    for (const auto& a : r.week.activities)
      bars.push_back({a.label, fmt::format("{} ({:.0f}%)", formatDuration(a.stats.minutes),
                                           a.stats.share * 100),
                      double(a.stats.minutes)});
    out += "<h3>Time by activity</h3>\n" + barChart(bars, "Time by activity this week");
    out += "<p class=\"note\">An episode with several activities counts fully toward each, so "
           "shares can add up to more than 100%.</p>\n";
  }
  out += "</section>\n";

  out += fmt::format(
      "<section>\n<h2>What energizes and drains you</h2>\n<p class=\"sub\">The last {} weeks, "
      "{} to {}: {}</p>\n",
      r.options.evidenceWeeks, formatDate(*ev.options.from), formatDate(*ev.options.to),
      htmlEscape(headline(ev)));
  if (ev.overall.netAffect) {
    out += "<h3>Net affect by activity, with 95% intervals</h3>\n";
    out += intervalChart(ev, "Net affect by activity with 95% intervals");
    out += fmt::format(
        "<p class=\"note\">Dot: duration-weighted mean net affect (happy, engaged minus "
        "stressed, frustrated; −6..+6). Bar: 95% interval. Diamond: the mean shrunk toward "
        "your overall mean with k = {:g}, used for ranking.</p>\n",
        r.options.shrinkK);
  }
  if (!ev.energizers.empty()) out += "<h3>Energizers</h3>\n" + lines(ev, ev.energizers);
  if (!ev.drainers.empty()) out += "<h3>Drainers</h3>\n" + lines(ev, ev.drainers);
  if (!ev.notEnoughEvidence.empty())
    out += "<h3>Not enough evidence yet</h3>\n" + lines(ev, ev.notEnoughEvidence);
  if (!ev.activities.empty()) out += activityTable(ev);
  out += "</section>\n";

  out += "<section>\n<h2>U-index and energy, week by week</h2>\n";
  std::vector<std::string> weekLabels;
  Series u{"U-index", "#6a1b9a", {}}, energy{"Energy", "#1565c0", {}};
  for (const auto& w : r.trend.weeks) {
    weekLabels.push_back(formatDate(w.week).substr(5));
    u.values.push_back(w.stats.uIndex);
    energy.values.push_back(w.stats.energy ? std::optional<double>(w.stats.energy->mean)
                                           : std::nullopt);
  }
  out += "<h3>U-index: share of rated time that was unpleasant</h3>\n";
  out += lineChart(weekLabels, {u}, 0, 1, 0.25, std::nullopt, "U-index by week", percentTick);
  out += "<h3>Energy (−2 drained .. +2 energized)</h3>\n";
  out += lineChart(weekLabels, {energy}, -2, 2, 1, std::nullopt, "Energy by week", signedTick);
  out += "</section>\n";

  out += "<section>\n<h2>Burnout check-ins</h2>\n";
  if (r.burnout.empty()) {
    out += "<p>No check-ins yet. Take one with <code>jobfit checkin</code>.</p>\n";
  } else {
    std::vector<std::string> dates;
    Series personal{"Personal", "#ef6c00", {}}, work{"Work-related", "#c62828", {}};
    for (const auto& p : r.burnout) {
      dates.push_back(formatDate(p.checkin.date).substr(5));
      personal.values.push_back(p.score.personal);
      work.values.push_back(p.score.work);
    }
    out += lineChart(dates, {personal, work}, 0, 100, 25, kHighBurnout,
                     "Copenhagen Burnout Inventory scores", scoreTick);
    out += "<table><thead><tr><th>Date</th><th>Personal</th><th>Work-related</th></tr></thead>"
           "<tbody>\n";
    for (const auto& p : r.burnout)
      out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                         formatDate(p.checkin.date),
                         p.score.personal ? num(*p.score.personal) : "–",
                         p.score.work ? num(*p.score.work) : "–");
    out += "</tbody></table>\n";
  }
  out += fmt::format(
      "<p class=\"note\">Scores 0–100; {:g} or more reads as a high degree of burnout. "
      "Copenhagen Burnout Inventory: {}.</p>\n</section>\n",
      kHighBurnout, htmlEscape(kCbiSource));

  out += "<section>\n<h2>Expected vs experienced</h2>\n";
  if (ev.gaps.empty()) {
    out += "<p>No activity has both an expectation and rated episodes in these weeks. Record "
           "what you expect with <code>jobfit expect ACTIVITY --happy N ...</code>.</p>\n";
  } else {
    out += gapChart(ev.gaps, "Expected and experienced net affect");
    out += "<p class=\"note\">Hollow: what you expected. Filled: what your episodes say. "
           "Largest gaps first.</p>\n<ul class=\"lines\">\n";
    for (const auto& g : ev.gaps) out += fmt::format("<li>{}</li>\n", htmlEscape(g.line));
    out += "</ul>\n";
  }
  out += "</section>\n";
  out += "<footer class=\"note\"><p>How every figure is computed: docs/evidence.md in jobfit. "
         "U-index after Kahneman &amp; Krueger (2006).</p></footer>\n</body>\n</html>\n";
  return out;
}

}  // namespace jobfit
