// The demo's postings, written from templates of our own: role families (what the job would
// have you do), companies, places with their currencies, pay phrasings, work modes, manager or
// individual-contributor roles, travel and on-call. Plain text, so the real analyzer has to
// find every fact itself.
#include <cmath>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "demo/demo.h"
#include "demo/random.h"

namespace jobfit {

namespace {

using demo::Random;

struct Family {
  std::string title;
  bool manager;
  int payLow, payHigh;  // annual, in thousands of the place's currency (EUR scale)
  std::vector<std::string> duties;
  std::vector<std::string> skills;
  bool onCall = false;
  bool travels = false;
};

const std::vector<Family>& families() {
  static const std::vector<Family> list = {
      {"Data Analyst", false, 52, 72,
       {"Analyze product and sales data to answer the questions our teams bring you.",
        "Write reports and short memos that explain what the numbers mean.",
        "Present findings to stakeholders in a monthly review.",
        "Build dashboards that people actually open."},
       {"SQL", "Python", "Tableau", "statistics"}},
      {"Data Engineer", false, 68, 95,
       {"Design and build the data pipelines that feed our analytics.",
        "Write code in Python and SQL, and take part in code reviews.",
        "Improve the monitoring of our batch jobs.",
        "Collaborate with analysts on data models."},
       {"Python", "SQL", "Airflow", "dbt"},
       true},
      {"Technical Writer", false, 50, 70,
       {"Write documentation for our public APIs and SDKs.",
        "Draft tutorials and release notes with the engineers who built the features.",
        "Keep the style guide and the docs site in good shape.",
        "Collaborate with product managers to explain new features clearly."},
       {"Markdown", "Git", "OpenAPI"}},
      {"Engineering Manager", true, 95, 130,
       {"Manage a team of {n} engineers: one-on-ones, performance reviews and career growth.",
        "Hiring: run interviews and grow the team.",
        "Plan the roadmap with product and design, and coordinate with other teams in weekly "
        "meetings.",
        "Stay close enough to the code to join design reviews."},
       {"Go", "Kubernetes", "agile"}},
      {"Product Manager", false, 78, 110,
       {"Own the roadmap for our mobile app and prioritize ruthlessly.",
        "Collaborate with design and engineering every day; many meetings with stakeholders.",
        "Present to leadership every quarter.",
        "Analyze usage data to decide what to build next."},
       {"Jira", "SQL", "Figma"}},
      {"UX Researcher", false, 62, 85,
       {"Plan and run research studies with our customers.",
        "Analyze what you observe and present findings to product teams.",
        "Write research reports that teams can act on.",
        "Design experiments together with our data scientists."},
       {"Figma", "statistics"}},
      {"Account Executive", false, 55, 80,
       {"Sell our platform to mid-sized retailers and close deals.",
        "Own a quarterly quota and a healthy pipeline through prospecting.",
        "Give demos to buyers and build relationships with their teams.",
        "Travel to customer sites up to {travel}% of the time."},
       {"Salesforce", "negotiation"},
       false,
       true},
      {"Customer Success Manager", false, 48, 68,
       {"Own customer success for a portfolio of 40 accounts.",
        "Handle escalated support tickets and troubleshoot customer issues with our engineers.",
        "Build relationships and present quarterly business reviews.",
        "Answer questions by email and chat."},
       {"Zendesk", "Salesforce"}},
      {"Site Reliability Engineer", false, 82, 120,
       {"Keep our services running: monitoring, incident response and capacity planning.",
        "You will join the on-call rotation one week in six.",
        "Write code to automate what we now do by hand.",
        "Troubleshoot production issues with the product teams."},
       {"Kubernetes", "Terraform", "Go", "Linux"},
       true},
      {"Backend Developer", false, 65, 98,
       {"Build software that handles millions of payments a day: write code in Go and Java.",
        "Take part in code reviews and mentor junior developers.",
        "Design and build APIs with the frontend team.",
        "Keep learning new tools with a yearly training budget."},
       {"Go", "Java", "PostgreSQL", "Docker"}},
      {"Content Strategist", false, 48, 66,
       {"Write and edit articles, guides and newsletters.",
        "Plan the editorial calendar and the content strategy.",
        "Creative work with our designers on campaigns.",
        "Analyze what readers read and adjust."},
       {"SEO", "copywriting"}},
      {"Research Scientist", false, 72, 100,
       {"Research new methods for demand forecasting and run experiments.",
        "Write papers and internal reports on what you find.",
        "Present at conferences and at our internal research days.",
        "Mentor PhD interns."},
       {"Python", "PyTorch", "statistics"}},
      {"Operations Coordinator", false, 34, 44,
       {"Administrative work that keeps the warehouse office running: scheduling, data entry and "
        "invoices.",
        "Coordinate with drivers and suppliers by phone and email.",
        "Rotating shifts, including some Saturdays.",
        "Paperwork for customs and deliveries."},
       {"Excel", "SAP"}},
      {"Learning Designer", false, 50, 66,
       {"Design courses and training programs for our 3,000 employees.",
        "Teach workshops and coach new managers.",
        "Write course material and short videos.",
        "Travel to our regional offices a few times a year."},
       {"Articulate", "instructional design"},
       false,
       true},
      {"Analytics Manager", true, 88, 118,
       {"Lead a team of {n} analysts, with direct reports in two countries.",
        "Set the analytics strategy with the leadership team.",
        "Coordinate with finance, marketing and product in recurring meetings.",
        "Review analyses before they go out."},
       {"SQL", "Looker", "statistics"}},
      {"Solutions Engineer", false, 78, 108,
       {"Give technical demos and present to customers' engineering teams.",
        "Support the sales team from first call to signed contract.",
        "Build proofs of concept that answer hard questions.",
        "Travel to client sites up to {travel}% of the time."},
       {"Python", "APIs", "AWS"},
       false,
       true},
  };
  return list;
}

const std::vector<std::string> kCompanies = {
    "Larkspur Analytics", "Brightwater Health",   "Copperleaf Energy",  "Northbeam Logistics",
    "Tidewell Insurance", "Quillon Software",     "Meridian Learning",  "Foxglove Media",
    "Harborview Bank",    "Saltmarsh Games",      "Kestrel Robotics",   "Oakridge Retail",
    "Pinecrest Labs",     "Silverline Travel",    "Bluefin Payments",   "Ember & Oak Publishing",
    "Granite Peak Consulting", "Lumen Civic Tech", "Marigold Foods",    "Nimbus Cloudworks",
};

struct Place {
  std::string city, currency, symbol, region;
  double scale;  // pay relative to the EUR figures of the families
};

const std::vector<Place> kPlaces = {
    {"Berlin, Germany", "EUR", "€", "the EU", 1.0},
    {"Munich, Germany", "EUR", "€", "the EU", 1.08},
    {"Hamburg, Germany", "EUR", "€", "the EU", 1.0},
    {"Amsterdam, Netherlands", "EUR", "€", "the EU", 1.05},
    {"Lisbon, Portugal", "EUR", "€", "the EU", 0.7},
    {"Vienna, Austria", "EUR", "€", "the EU", 0.95},
    {"London, United Kingdom", "GBP", "£", "the UK", 0.95},
    {"Manchester, United Kingdom", "GBP", "£", "the UK", 0.8},
    {"New York, NY", "USD", "$", "the US", 1.45},
    {"Austin, TX", "USD", "$", "the US", 1.3},
    {"Toronto, Canada", "CAD", "CA$", "Canada", 1.35},
};

// 65000 -> "65,000" (the demo's figures stay below a million).
std::string thousands(int v) {
  return v >= 1000 ? fmt::format("{},{:03}", v / 1000, v % 1000) : std::to_string(v);
}

std::string replaceAll(std::string text, std::string_view what, const std::string& with) {
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + with.size()))
    text.replace(at, what.size(), with);
  return text;
}

// One of several ways postings state pay, or nothing (about one in six says nothing).
std::string payLine(Random& rng, const Place& place, int low, int high, bool& hourly) {
  hourly = false;
  const auto& s = place.symbol;
  const auto& c = place.currency;
  switch (rng.between(0, 11)) {
    case 0:
    case 1: return "";
    case 2: {
      hourly = true;
      int rate = static_cast<int>(std::round(low * 1000.0 / 1700 / 5) * 5);
      return fmt::format("This is a contract role paid {}{} per hour.", s, rate);
    }
    case 3:
      return fmt::format("We pay {}{} per month, fourteen times a year.", s,
                         thousands(static_cast<int>(std::round(high * 1000.0 / 14 / 100) * 100)));
    case 4: return fmt::format("Up to {}{} a year, depending on experience.", s, thousands(high * 1000));
    case 5: return fmt::format("Compensation: {}{}k–{}k base salary plus equity.", s, low, high);
    case 6:
      return fmt::format("The pay range for this role is {} {} – {} annually.", c,
                         thousands(low * 1000), thousands(high * 1000));
    default:
      return fmt::format("Salary: {}{} - {}{} per year.", s, thousands(low * 1000), s,
                         thousands(high * 1000));
  }
}

std::string modeLine(Random& rng, int mode, const Place& place) {
  std::string city = place.city.substr(0, place.city.find(','));
  switch (mode) {
    case 0:
      return rng.chance(0.5) ? fmt::format("This role is fully remote within {}.", place.region)
                             : fmt::format("We are remote-first: work from home anywhere in {}.",
                                           place.region);
    case 1:
      return rng.chance(0.5)
                 ? fmt::format("Hybrid: {} days a week in the office in {}.", rng.between(2, 3), city)
                 : fmt::format("This is a hybrid role with our team in {}.", city);
    default:
      return rng.chance(0.5) ? fmt::format("This is an on-site role at our {} office.", city)
                             : fmt::format("You will work on-site in {}, five days a week.", city);
  }
}

}  // namespace

std::string demoPostingsJsonl(uint64_t seed, Date today, int count) {
  Random rng(seed ^ 0x706F7374696E6773ULL);
  const auto& fams = families();
  std::string out;
  for (int i = 0; i < count; ++i) {
    const Family& f = fams[static_cast<size_t>(i) % fams.size()];
    const std::string& company = kCompanies[static_cast<size_t>(rng.between(0, static_cast<int>(kCompanies.size()) - 1))];
    const Place& place = rng.pick(kPlaces);
    int level = rng.between(0, 9);  // 0-1 junior, 2-6 mid, 7-8 senior, 9 lead
    std::string prefix = f.manager ? (level >= 7 ? "Senior " : "")
                         : level <= 1 ? "Junior "
                         : level >= 9 ? "Lead "
                         : level >= 7 ? "Senior "
                                      : "";
    double levelScale = level <= 1 ? 0.8 : level >= 9 ? 1.3 : level >= 7 ? 1.15 : 1.0;
    int low = static_cast<int>(std::round(f.payLow * place.scale * levelScale));
    int high = static_cast<int>(std::round(f.payHigh * place.scale * levelScale));
    int mode = rng.between(0, 9) < 3 ? 0 : rng.chance(0.6) ? 1 : 2;
    bool hourly = false;
    std::string pay = payLine(rng, place, low, high, hourly);
    std::string title = prefix + f.title;

    std::string text;
    bool vowel = std::string_view("AEIOU").find(title.front()) != std::string_view::npos;
    text += fmt::format("{} is looking for {} {}{}.\n\n", company, vowel ? "an" : "a", title,
                        mode == 0 ? "" : " in " + place.city.substr(0, place.city.find(',')));
    text += "What you will do:\n";
    for (const auto& duty : f.duties) {
      std::string d = replaceAll(duty, "{n}", std::to_string(rng.between(4, 9)));
      d = replaceAll(d, "{travel}", std::to_string(rng.pick(std::vector<int>{20, 30, 40, 50})));
      text += "- " + d + "\n";
    }
    if (!f.manager && rng.chance(0.3)) text += "- This is an individual contributor role.\n";
    if (!f.onCall && rng.chance(0.08)) text += "- Occasional after-hours support during launches.\n";
    if (f.travels && rng.chance(0.3)) text += "- Occasional overnight travel for team events.\n";
    text += "\nWhat you bring:\n";
    text += fmt::format("- {} or more years of experience with {}.\n", level <= 1 ? 1 : level >= 7 ? 6 : 3,
                        f.skills.front());
    if (f.skills.size() > 1) text += fmt::format("- Comfort with {}.\n", f.skills[1]);
    text += "\nHow we work:\n";
    text += modeLine(rng, mode, place) + "\n";
    text += hourly ? "Contract position for 12 months, with a chance to extend.\n"
                   : "Full-time, permanent position.\n";
    if (!pay.empty()) text += pay + "\n";
    if (rng.chance(0.25)) text += "We keep meetings short and protect focus time.\n";

    nlohmann::json record = {
        {"id", fmt::format("demo-{:03}", i + 1)},
        {"title", title},
        {"company", company},
        {"location", mode == 0 ? "Remote (" + place.region.substr(place.region.rfind(' ') + 1) + ")"
                               : place.city},
        {"description", text},
        {"posted_date", formatDate(addDays(today, -rng.between(1, 40)))},
    };
    out += record.dump() + "\n";
  }
  return out;
}

}  // namespace jobfit
