#include "cli/postings_view.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "cli/table.h"
#include "core/text.h"

namespace jobfit::cli {

namespace {

// 120000 -> "120,000"; 19.5 -> "19.50".
std::string amount(double v) {
  if (std::abs(v - std::round(v)) > 0.004) return fmt::format("{:.2f}", v);
  auto digits = fmt::format("{:.0f}", v);
  std::string out;
  size_t start = digits[0] == '-' ? 1 : 0;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > start && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string shortAmount(double v) {
  if (std::abs(v) >= 1000) return fmt::format("{:.0f}k", v / 1000);
  return amount(v);
}

std::string range(const std::optional<double>& lo, const std::optional<double>& hi,
                  std::string (*format)(double)) {
  if (lo && hi && *lo != *hi) return format(*lo) + "–" + format(*hi);
  if (lo) return format(*lo);
  if (hi) return "up to " + format(*hi);
  return "";
}

std::string_view perPeriod(PayPeriod p) {
  switch (p) {
    case PayPeriod::hour: return "an hour";
    case PayPeriod::day: return "a day";
    case PayPeriod::week: return "a week";
    case PayPeriod::month: return "a month";
    case PayPeriod::year: return "a year";
  }
  return "";
}

// Source data sometimes has line breaks inside a name ("Acme\n3.2"): one line in a listing.
std::string oneLine(std::string s) {
  for (char& c : s)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return s;
}

std::string cut(const std::string& raw, size_t width) {
  std::string s = oneLine(raw);
  if (displayWidth(s) <= width) return s;
  std::string out;
  size_t n = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if ((c & 0xC0) != 0x80 && ++n > width - 1) break;
    out += s[i];
  }
  return out + "…";
}

std::string quoted(const std::vector<Span>& spans, size_t most = 3) {
  std::vector<std::string> parts;
  for (size_t i = 0; i < spans.size() && i < most; ++i) parts.push_back("\"" + spans[i].text + "\"");
  if (spans.size() > most) parts.push_back(fmt::format("+{} more", spans.size() - most));
  return join(parts, ", ");
}

std::string locationsText(const std::vector<std::string>& locations) {
  if (locations.empty()) return "";
  if (locations.size() == 1) return oneLine(locations[0]);
  return fmt::format("{} (+{})", oneLine(locations[0]), locations.size() - 1);
}

}  // namespace

std::string formatPay(const std::optional<Pay>& pay) {
  if (!pay) return "";
  auto r = range(pay->min, pay->max, amount);
  if (r.empty()) return "";
  return fmt::format("{} {} {}", pay->currency, r, perPeriod(pay->period));
}

std::string formatAnnualPay(const std::optional<Pay>& pay) {
  if (!pay) return "";
  auto r = range(pay->annualMin, pay->annualMax, shortAmount);
  if (r.empty()) return "";
  return fmt::format("{} {}/yr", pay->currency, r);
}

void printPostingTable(Context& ctx, const std::vector<PostingSummary>& postings) {
  if (postings.empty()) {
    ctx.out() << "No postings. Add one with: jobfit posting add FILE|URL, or "
                 "jobfit postings import FILE\n";
    return;
  }
  Table t;
  t.column("ID", Table::Align::right);
  t.column("Title");
  t.column("Company");
  t.column("Location");
  t.column("Mode");
  t.column("Pay (annual)", Table::Align::right);
  t.column("Seen");
  for (const auto& p : postings)
    t.row({std::to_string(p.id), cut(p.title, 40), cut(p.company, 24),
           cut(locationsText(p.locations), 24), p.workMode == WorkMode::unknown ? "" : std::string(toString(p.workMode)),
           formatAnnualPay(p.pay), formatDate(ctx.clock().dateOf(p.lastSeen))});
  t.print(ctx.out());
  ctx.out() << fmt::format("{} posting{}\n", postings.size(), postings.size() == 1 ? "" : "s");
}

void printSearchHits(Context& ctx, const std::vector<SearchHit>& hits) {
  if (hits.empty()) {
    ctx.out() << "No posting matches.\n";
    return;
  }
  for (const auto& h : hits) {
    const auto& p = h.posting;
    std::vector<std::string> facts;
    if (auto l = locationsText(p.locations); !l.empty()) facts.push_back(l);
    if (p.workMode != WorkMode::unknown) facts.emplace_back(toString(p.workMode));
    if (auto pay = formatAnnualPay(p.pay); !pay.empty()) facts.push_back(pay);
    ctx.out() << fmt::format("{:>6}  {}{}{}\n", p.id, ctx.bold(oneLine(p.title)),
                             p.company.empty() ? "" : " — " + oneLine(p.company),
                             facts.empty() ? "" : ctx.dim("  · " + join(facts, " · ")));
    std::string snippet = h.snippet;
    std::replace(snippet.begin(), snippet.end(), '\n', ' ');
    ctx.out() << "        " << highlight(snippet, h.highlights, ctx.color()) << "\n";
  }
  ctx.out() << fmt::format("{} match{}\n", hits.size(), hits.size() == 1 ? "" : "es");
}

std::string highlight(const std::string& text, std::vector<std::pair<size_t, size_t>> spans,
                      bool color) {
  std::sort(spans.begin(), spans.end());
  // Overlapping spans (a skill inside an activity phrase) merge into one mark.
  std::vector<std::pair<size_t, size_t>> merged;
  for (auto [b, e] : spans) {
    b = std::min(b, text.size());
    e = std::min(e, text.size());
    if (b >= e) continue;
    if (!merged.empty() && b <= merged.back().second)
      merged.back().second = std::max(merged.back().second, e);
    else
      merged.emplace_back(b, e);
  }
  std::string_view open = color ? "\x1b[1;33m" : "[[", close = color ? "\x1b[0m" : "]]";
  std::string out;
  size_t at = 0;
  for (auto [b, e] : merged) {
    out.append(text, at, b - at);
    out += open;
    out.append(text, b, e - b);
    out += close;
    at = e;
  }
  out.append(text, at, std::string::npos);
  return out;
}

void printPosting(Context& ctx, const StoredPosting& sp, const ActivityCatalog& catalog) {
  const Posting& p = sp.posting;
  auto& out = ctx.out();
  out << fmt::format("{}  {}{}\n", ctx.dim(fmt::format("#{}", p.id)), ctx.bold(p.title.empty() ? "(no title)" : p.title),
                     p.company.empty() ? "" : " — " + p.company);
  if (!p.locations.empty()) out << "    " << join(p.locations, "; ") << "\n";
  out << "\n";
  auto line = [&](std::string_view label, const std::string& value, const std::vector<Span>& spans) {
    out << fmt::format("  {:<16}{}", label, value);
    if (!spans.empty()) out << "   " << ctx.dim("← " + quoted(spans));
    out << "\n";
  };
  line("Work mode", std::string(toString(p.workMode)), p.workModeEvidence);
  line("Employment", std::string(toString(p.employmentType)), p.employmentTypeEvidence);
  line("Seniority", std::string(toString(p.seniority)), p.seniorityEvidence);
  if (p.pay) {
    auto annual = formatAnnualPay(p.pay);
    line("Pay", formatPay(p.pay) + (annual.empty() || p.pay->period == PayPeriod::year ? "" : "  (" + annual + ")"),
         p.pay->evidence);
  } else {
    line("Pay", "not stated", {});
  }
  line("Travel", p.travelShare ? fmt::format("{:.0f}% of the time", *p.travelShare * 100) : "not stated",
       p.travelEvidence);
  struct {
    std::string_view name;
    const Flag& flag;
  } schedule[] = {{"on-call", p.onCall}, {"shifts", p.shifts}, {"weekends", p.weekends},
                  {"overtime", p.overtime}};
  std::vector<std::string> yes;
  std::vector<Span> scheduleSpans;
  for (const auto& s : schedule)
    if (s.flag.value) {
      yes.emplace_back(s.name);
      scheduleSpans.insert(scheduleSpans.end(), s.flag.evidence.begin(), s.flag.evidence.end());
    }
  line("Schedule", yes.empty() ? "nothing unusual stated" : join(yes, ", "), scheduleSpans);
  line("Manages people",
       p.managesPeople.value ? (p.reports ? fmt::format("yes, {} reports", *p.reports) : "yes") : "no",
       p.managesPeople.evidence);
  if (!p.activities.empty()) {
    out << "\n  What you would do\n";
    for (const auto& a : p.activities) {
      const Activity* act = catalog.find(a.activity);
      std::string bar(static_cast<size_t>(std::lround(a.share * 20)), '#');
      out << fmt::format("    {:<28}{:>4.0f}%  {:<20}", act ? act->label : a.activity, a.share * 100, bar);
      if (!a.evidence.empty()) out << ctx.dim(quoted(a.evidence, 2));
      out << "\n";
    }
  }
  if (!p.skills.empty()) out << "\n  " << fmt::format("{:<16}{}", "Skills", join(p.skills, ", ")) << "\n";
  out << "\n";
  if (!p.source.empty() || !p.url.empty())
    out << fmt::format("  {:<16}{}{}{}\n", "Source", p.source, p.sourceId.empty() ? "" : " " + p.sourceId,
                       p.url.empty() ? "" : "  " + p.url);
  if (!p.postedDate.empty()) out << fmt::format("  {:<16}{}\n", "Posted", p.postedDate);
  out << fmt::format("  {:<16}first {}, last {}\n", "Seen", formatDate(ctx.clock().dateOf(sp.firstSeen)),
                     formatDate(ctx.clock().dateOf(sp.lastSeen)));

  // The analysed text is title + "\n" + description; the spans point into it.
  std::vector<std::pair<size_t, size_t>> spans;
  auto add = [&](const std::vector<Span>& v) {
    for (const auto& s : v) spans.emplace_back(s.begin, s.end);
  };
  add(p.workModeEvidence);
  add(p.employmentTypeEvidence);
  add(p.seniorityEvidence);
  if (p.pay) add(p.pay->evidence);
  add(p.travelEvidence);
  for (const auto* f : {&p.onCall, &p.shifts, &p.weekends, &p.overtime, &p.managesPeople}) add(f->evidence);
  for (const auto& a : p.activities) add(a.evidence);
  add(p.skillEvidence);
  std::string text = p.title + "\n" + p.description;
  std::string marked = highlight(text, spans, ctx.color());
  // The title line is already shown above.
  auto newline = marked.find('\n');
  out << "\n" << (newline == std::string::npos ? marked : marked.substr(newline + 1)) << "\n";
}

void printImportReport(Context& ctx, const std::string& name, const PostingImportReport& report) {
  ctx.out() << fmt::format("{}: {}\n", name, report.summary());
  for (const auto& r : report.rejections) ctx.err() << fmt::format("  rejected {}: {}\n", r.where, r.why);
  if (report.rejected > static_cast<int64_t>(report.rejections.size()))
    ctx.err() << fmt::format("  ... and {} more rejected\n",
                             report.rejected - static_cast<int64_t>(report.rejections.size()));
}

ProgressBar::ProgressBar(Context& ctx, std::string label, int64_t totalBytes)
    : ctx_(ctx), label_(std::move(label)), totalBytes_(totalBytes),
      start_(std::chrono::steady_clock::now()) {}

ProgressBar::~ProgressBar() { finish(); }

void ProgressBar::update(const PostingImportProgress& progress) {
  // A few hundred records go by too fast to need a bar; pipes and files get none.
  if (!ctx_.interactive() || progress.records < 300) return;
  auto now = std::chrono::steady_clock::now();
  if (shown_ && now - lastDraw_ < std::chrono::milliseconds(100)) return;
  lastDraw_ = now;
  shown_ = true;
  double seconds = std::chrono::duration<double>(now - start_).count();
  std::string rate = seconds > 0 ? fmt::format("{:.0f}/s", progress.records / seconds) : "";
  std::string line;
  if (totalBytes_ > 0 && progress.bytesRead >= 0) {
    double done = std::min(1.0, static_cast<double>(progress.bytesRead) / static_cast<double>(totalBytes_));
    int filled = static_cast<int>(done * 30);
    line = fmt::format("{} [{}{}] {:3.0f}%  {} postings  {}", label_, std::string(filled, '#'),
                       std::string(30 - filled, '-'), done * 100, progress.records, rate);
  } else {
    line = fmt::format("{}  {} postings  {}", label_, progress.records, rate);
  }
  ctx_.out() << "\r\x1b[K" << line << std::flush;
}

void ProgressBar::finish() {
  if (!shown_) return;
  ctx_.out() << "\r\x1b[K" << std::flush;
  shown_ = false;
}

}  // namespace jobfit::cli
