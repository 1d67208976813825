#include "demo/demo.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <sstream>

#include <fmt/format.h>

#include "applications/silence.h"
#include "core/error.h"
#include "demo/random.h"
#include "evidence/calendar.h"
#include "fit/profile_settings.h"

namespace jobfit {

namespace {

using demo::Random;

int clamp(int v, int lo, int hi) { return std::max(lo, std::min(hi, v)); }

// How an activity usually feels in the story, before noise and the last two weeks' slide.
struct Feel {
  std::string activity;
  int happy, engaged, stressed, frustrated, tired, meaningful, energy;
  std::string with;
  int minMinutes, maxMinutes;
};

const std::vector<Feel>& feels() {
  static const std::vector<Feel> list = {
      {"writing", 5, 5, 1, 1, 2, 5, 2, "alone", 60, 120},
      {"analysis", 5, 6, 1, 1, 2, 5, 1, "alone", 60, 150},
      {"building", 4, 5, 2, 2, 2, 4, 1, "alone", 60, 120},
      {"mentoring", 4, 4, 1, 1, 2, 5, 1, "team", 30, 60},
      {"planning", 3, 3, 2, 2, 3, 3, 0, "team", 45, 90},
      {"messages", 3, 2, 2, 2, 3, 2, 0, "", 20, 45},
      {"presenting", 3, 4, 4, 2, 3, 4, 0, "clients", 30, 60},
      {"meetings", 2, 2, 3, 3, 4, 2, -1, "team", 30, 75},
      {"managing-people", 1, 3, 5, 4, 5, 3, -2, "reports", 45, 90},
      {"hiring", 2, 3, 3, 2, 4, 3, -1, "team", 45, 60},
  };
  return list;
}

const Feel& feel(const std::string& activity) {
  for (const auto& f : feels())
    if (f.activity == activity) return f;
  return feels().front();
}

// The day's plan. Early weeks have room for focused work; the last two weeks fill with
// meetings and managing people, and what is left of writing gets shorter.
std::vector<std::string> dayPlan(Random& rng, bool late) {
  std::vector<std::string> plan = {"messages"};
  if (!late) {
    plan.push_back(rng.chance(0.5) ? "writing" : "analysis");
    plan.push_back("meetings");
    plan.push_back(rng.pick(std::vector<std::string>{"analysis", "building", "writing"}));
    if (rng.chance(0.35)) plan.push_back("managing-people");
    plan.push_back(rng.pick(std::vector<std::string>{"mentoring", "planning", "writing", "presenting"}));
  } else {
    plan.push_back("meetings");
    plan.push_back("managing-people");
    if (rng.chance(0.5)) plan.push_back("hiring");
    plan.push_back(rng.pick(std::vector<std::string>{"writing", "analysis"}));
    plan.push_back(rng.chance(0.6) ? "meetings" : "planning");
  }
  return plan;
}

const std::vector<std::string> kNotes = {
    "finished the churn analysis",       "drafted the onboarding guide",
    "two hard 1:1s",                     "quarterly planning ran two hours over",
    "good flow, no interruptions",       "status meeting that could have been an email",
    "performance review prep",           "wrote the migration plan",
    "stakeholder call went in circles",  "paired with the new analyst",
};

int writeEpisodes(Store& store, const Clock& clock, Random& rng) {
  auto catalog = loadCatalog(store);
  Date today = clock.today();
  Instant now = clock.now();
  int written = 0;
  for (int back = 41; back >= 0; --back) {
    Date day = addDays(today, -back);
    date::weekday wd{date::sys_days{day}};
    if (wd == date::Saturday || wd == date::Sunday) continue;
    bool late = back < 14;
    auto minute = std::chrono::minutes(9 * 60 + rng.between(0, 4) * 5);
    for (const auto& activity : dayPlan(rng, late)) {
      const Feel& f = feel(activity);
      Episode e;
      e.activities = {activity};
      if (activity == "managing-people" && rng.chance(0.4)) e.activities.push_back("meetings");
      e.minutes = rng.between(f.minMinutes / 5, f.maxMinutes / 5) * 5;
      bool longMeeting = activity == "meetings" && (late ? rng.chance(0.6) : rng.chance(0.2));
      if (longMeeting) e.minutes = rng.between(18, 30) * 5;
      if (late && (activity == "writing" || activity == "analysis")) e.minutes = std::max(30, e.minutes / 2);
      Instant start = clock.fromLocal(date::local_days{day} + minute);
      minute += std::chrono::minutes(e.minutes + rng.between(0, 3) * 5);
      if (start + std::chrono::minutes(e.minutes) > now) break;  // nothing later than now
      e.start = start;
      e.date = day;
      e.with = f.with;
      // The slide: in the last two weeks everything feels a little worse, long meetings more so.
      int slide = late ? 1 : 0;
      int drain = slide + (longMeeting ? 1 : 0);
      auto noise = [&] { return rng.between(-1, 1); };
      e.ratings.happy = clamp(f.happy - slide + noise(), 0, 6);
      e.ratings.engaged = clamp(f.engaged - slide + noise(), 0, 6);
      e.ratings.stressed = clamp(f.stressed + drain + noise(), 0, 6);
      e.ratings.frustrated = clamp(f.frustrated + drain + noise(), 0, 6);
      e.ratings.tired = clamp(f.tired + drain + noise(), 0, 6);
      e.ratings.meaningful = clamp(f.meaningful + noise(), 0, 6);
      e.ratings.energy = clamp(f.energy - (late && rng.chance(0.6) ? 1 : 0) - (longMeeting ? 1 : 0), -2, 2);
      if (rng.chance(0.12)) e.note = rng.pick(kNotes);
      validateEpisode(e, catalog, clock);
      store.episodes().add(e);
      ++written;
    }
  }
  return written;
}

// Weekly Copenhagen Burnout Inventory answers that rise from "seldom" towards "often".
int writeCheckins(Store& store, const Clock& clock, Random& rng) {
  Date today = clock.today();
  int written = 0;
  for (int week = 0; week < 6; ++week) {
    Checkin c;
    c.date = addDays(today, -7 * (5 - week));
    int level = 25 + week * 9 + (week >= 4 ? 6 : 0);  // the score the answers gather around
    for (size_t i = 0; i < kCbiItems.size(); ++i) {
      const auto& item = kCbiItems[i];
      int target = clamp(level + (item.scale == CbiScale::work ? 5 : 0) + rng.between(-15, 15), 0, 100);
      int score = clamp(static_cast<int>(std::lround(target / 25.0)) * 25, 0, 100);
      // The reversed item asks about energy left for family and friends: less of it is worse.
      c.answers[i] = item.reversed ? 100 - score : score;
    }
    validateCheckin(c);
    store.checkins().add(c);
    ++written;
  }
  return written;
}

// What the person believed before the evidence came in: managing people and meetings were
// supposed to feel good; writing was expected to be merely fine.
int writeExpectations(Store& store, const Clock& clock) {
  auto catalog = loadCatalog(store);
  Date on = addDays(clock.today(), -44);
  std::vector<Expectation> list = {
      {0, "managing-people", on, {.happy = 5, .engaged = 5, .stressed = 1, .energy = 2}},
      {0, "meetings", on, {.happy = 4, .engaged = 4, .stressed = 1, .energy = 1}},
      {0, "presenting", on, {.happy = 5, .stressed = 2, .energy = 2}},
      {0, "writing", on, {.happy = 3, .engaged = 3, .stressed = 2, .energy = 0}},
  };
  for (const auto& e : list) {
    validateExpectation(e, catalog);
    store.expectations().add(e);
  }
  return static_cast<int>(list.size());
}

// Yesterday's and today's calendar events, read by the real calendar reader, as drafts to rate.
int writeDrafts(Store& store, const Clock& clock) {
  Date today = clock.today();
  auto stamp = [&](Date d, int hour, int minute) {
    auto local = date::local_days{d} + std::chrono::hours(hour) + std::chrono::minutes(minute);
    return date::format("%Y%m%dT%H%M%S", local);
  };
  Date yesterday = addDays(today, -1);
  std::string ics =
      "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//jobfit//demo//EN\r\n"
      "BEGIN:VEVENT\r\nUID:demo-standup\r\nSUMMARY:Team standup\r\nDTSTART:" +
      stamp(yesterday, 9, 30) + "\r\nDTEND:" + stamp(yesterday, 9, 45) +
      "\r\nEND:VEVENT\r\n"
      "BEGIN:VEVENT\r\nUID:demo-1on1\r\nSUMMARY:1:1 with Priya\r\nDTSTART:" +
      stamp(yesterday, 14, 0) + "\r\nDTEND:" + stamp(yesterday, 14, 45) +
      "\r\nEND:VEVENT\r\n"
      "BEGIN:VEVENT\r\nUID:demo-report\r\nSUMMARY:Write the quarterly report\r\nDTSTART:" +
      stamp(yesterday, 16, 0) + "\r\nDTEND:" + stamp(yesterday, 17, 30) +
      "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
  auto read = readCalendar(ics, clock, yesterday, today, loadCatalog(store));
  int written = 0;
  for (const auto& d : read.drafts) {
    if (store.drafts().findBySource(d.source, d.start)) continue;
    validateDraft(d);
    store.drafts().add(d);
    ++written;
  }
  return written;
}

struct DemoContact {
  std::string name, company, role, how;
};

const std::vector<DemoContact> kContacts = {
    {"Priya Raman", "Larkspur Analytics", "Analytics lead", "former colleague"},
    {"Tomás Ferreira", "Quillon Software", "Staff engineer", "university friend"},
    {"Hannah Becker", "Meridian Learning", "Head of content", "met at a writing meetup"},
    {"Jonas Lindqvist", "Pinecrest Labs", "Research scientist", "conference talk"},
    {"Amara Okafor", "Brightwater Health", "Data manager", "former manager"},
    {"Lena Hoffmann", "Talentbridge Recruiting", "Recruiter", "reached out on LinkedIn"},
    {"Marco Bianchi", "Foxglove Media", "Editor", "friend of a friend"},
    {"Sofia Novak", "Lumen Civic Tech", "Product manager", "volunteer project"},
    {"Daniel Kim", "Bluefin Payments", "Engineering manager", "former colleague"},
    {"Grace Adeyemi", "Granite Peak Consulting", "Partner", "alumni network"},
};

// Which stored postings the applications can point at: (id, title, company).
struct PostingRef {
  int64_t id;
  std::string title, company;
};

struct Written {
  int applications = 0, reminders = 0;
};

Written writeSearch(Store& store, const Clock& clock, Random& rng, const std::vector<int64_t>& contactIds,
                    const std::vector<PostingRef>& postings) {
  Date today = clock.today();
  Written written;
  // Forty applications: the channel decides how likely a reply is, as in most searches.
  // A referral is answered sooner, too.
  struct Plan {
    Channel channel;
    int count;
    double reply;
    int soonest, latest;  // days from applying to the first reply
  };
  const std::vector<Plan> plans = {{Channel::referral, 8, 0.85, 2, 6},
                                   {Channel::network, 6, 0.55, 3, 9},
                                   {Channel::recruiter, 6, 0.6, 2, 7},
                                   {Channel::job_board, 10, 0.2, 5, 14},
                                   {Channel::cold, 10, 0.1, 7, 20}};
  const std::vector<std::string> resumes = {"resume-analyst-v3.pdf", "resume-writer-v2.pdf",
                                            "resume-general-v5.pdf"};
  const std::vector<std::string> learned = {
      "Applied too late in the cycle; apply in the first week a posting is up.",
      "A cold application to a big company goes nowhere without a contact.",
      "The role wanted a manager; I do not want to manage people.",
  };
  int n = 0;
  size_t referrer = 0;  // contacts 0-4 refer, 6-9 are the network
  for (const auto& plan : plans) {
    for (int k = 0; k < plan.count; ++k, ++n) {
      Application a;
      if (!postings.empty() && n % 3 != 2) {
        const auto& p = postings[static_cast<size_t>(n * 7) % postings.size()];
        a.postingId = p.id;
        a.title = p.title;
        a.company = p.company;
      } else {
        a.title = rng.pick(std::vector<std::string>{"Data Analyst", "Technical Writer", "Research Analyst",
                                                    "Documentation Engineer", "Analytics Engineer"});
        a.company = rng.pick(std::vector<std::string>{"Harborview Bank", "Oakridge Retail", "Kestrel Robotics",
                                                      "Saltmarsh Games", "Marigold Foods", "Tidewell Insurance"});
      }
      a.channel = plan.channel;
      a.resume = rng.pick(resumes);
      if (rng.chance(0.4)) a.salary = fmt::format("{}-{}k EUR", rng.between(55, 65), rng.between(70, 85));
      if (plan.channel == Channel::referral) {
        a.contacts.push_back({contactIds[referrer % 5], true});
        ++referrer;
      } else if (plan.channel == Channel::network) {
        a.contacts.push_back({contactIds[6 + static_cast<size_t>(k) % 4], false});
      } else if (plan.channel == Channel::recruiter) {
        a.contacts.push_back({contactIds[5], false});
      }
      sortLinks(a.contacts);

      // Two were only saved; the rest were sent some time in the last nine weeks.
      bool savedOnly = plan.channel == Channel::job_board && k < 2;
      int ago = savedOnly ? rng.between(1, 6) : rng.between(4, 62);
      Date on = addDays(today, -ago);
      a.events.push_back({0, on, EventKind::stage, savedOnly ? Stage::saved : Stage::applied, ""});
      if (rng.chance(0.3)) a.events.push_back({0, on, EventKind::note, std::nullopt, "Tailored the summary to the role."});
      validateApplication(a);
      validateEvents(a.events, today);

      Date at = on;
      auto later = [&](int lo, int hi) -> std::optional<Date> {
        Date d = addDays(at, rng.between(lo, hi));
        if (d > today) return std::nullopt;
        at = d;
        return d;
      };
      if (!savedOnly) {
        bool replied = rng.chance(plan.reply);
        if (replied) {
          if (auto d = later(plan.soonest, plan.latest)) {
            bool formRejection = rng.chance(0.2);
            moveTo(a, formRejection ? Stage::rejected : Stage::screening, *d,
                   formRejection ? "Form rejection by email" : "Recruiter call booked", false, today);
            if (!formRejection && rng.chance(0.6)) {
              if (auto d2 = later(4, 10)) {
                moveTo(a, Stage::interviewing, *d2, "First interview with the hiring manager", false, today);
                if (auto d3 = later(5, 12)) {
                  double r = static_cast<double>(rng.between(0, 99)) / 100;
                  if (r < 0.2) moveTo(a, Stage::offer, *d3, "Offer by phone; written offer to follow", false, today);
                  else if (r < 0.55) moveTo(a, Stage::rejected, *d3, "They chose a candidate with more management experience", false, today);
                  else addEvent(a, EventKind::reply, *d3, "Second round being scheduled", false, today);
                }
              }
            }
          }
        } else if (ago > 30) {
          // No answer after a month: some were closed with a reflection, the rest are silent.
          if (auto d = later(8, 14)) addEvent(a, EventKind::followup, *d, "Polite follow-up by email", false, today);
          if (rng.chance(0.5)) {
            if (auto d = later(10, 20)) {
              moveTo(a, Stage::closed, *d, "No response", false, today);
              a.learned = rng.pick(learned);
            }
          }
        }
        if (n == 5 && currentStage(a) != Stage::withdrawn && !isFinal(currentStage(a)))
          if (auto d = later(1, 3)) moveTo(a, Stage::withdrawn, *d, "The role turned out to be mostly people management", false, today);
      }
      int64_t id = store.applications().add(a);
      ++written.applications;

      // Reminders: interviews ahead for those in the middle of the process, follow-ups for the
      // recent ones without a reply.
      Stage stage = currentStage(a);
      if (stage == Stage::screening || stage == Stage::interviewing) {
        Reminder r;
        r.applicationId = id;
        r.kind = ReminderKind::interview;
        r.due = addDays(today, rng.between(1, 8));
        r.at = clock.fromLocal(date::local_days{r.due} + std::chrono::hours(rng.between(9, 16)));
        r.minutes = stage == Stage::screening ? 30 : kDefaultInterviewMinutes;
        r.text = stage == Stage::screening ? "Screening call" : "Interview with the team";
        r.created = clock.now();
        validateReminder(r);
        store.reminders().add(r);
        ++written.reminders;
      } else if (stage == Stage::applied && ago >= 7 && ago <= 25) {
        Reminder r;
        r.applicationId = id;
        r.kind = ReminderKind::followup;
        r.due = addDays(on, 10 + rng.between(0, 4));
        if (r.due > addDays(today, 7)) r.due = addDays(today, 2);
        r.text = "Follow up if no answer";
        r.created = clock.now();
        if (r.due < addDays(today, -3) && rng.chance(0.5)) r.done = addDays(r.due, 1);
        validateReminder(r);
        store.reminders().add(r);
        ++written.reminders;
      }
    }
  }
  return written;
}

// What this person wants from work and will not accept, set as `jobfit values set` and
// `constraints set` would; and how much a few postings appeal to them. The manager roles they
// were promoted towards appeal most, though their days say managing people drains them: the
// ranking flags those as "mostly the idea of it". Returns how many postings were rated.
// Values and constraints someone set already (a demo added with --force) are kept.
int writeFitProfile(Store& store, const Clock& clock, const std::vector<PostingRef>& stored) {
  if (!readValues(store.settings()).any())
    setValues(store, {"learning=3", "autonomy=4", "time_and_health=4", "meaning=2", "pay=2", "status=1"});
  if (readConstraints(store.settings()) == Constraints{})
    setConstraints(store, {"min_pay=50000", "currency=EUR", "period=year", "work_modes=remote,hybrid",
                           "max_travel=0.3", "on_call=no"});
  // The first posting of each of these roles, with its appeal.
  const std::vector<std::pair<std::string, int>> appeal = {
      {"Engineering Manager", 5}, {"Analytics Manager", 5}, {"Product Manager", 4},
      {"Data Analyst", 3},        {"Technical Writer", 3},  {"Account Executive", 1}};
  int rated = 0;
  for (const auto& [role, value] : appeal)
    for (const auto& p : stored)
      if (p.title == role) {
        store.fit().setAppeal({p.id, value, addDays(clock.today(), -rated)});
        ++rated;
        break;
      }
  return rated;
}

std::vector<int64_t> writeContacts(Store& store, const Clock& clock, Random& rng) {
  Date today = clock.today();
  std::vector<int64_t> ids;
  for (const auto& dc : kContacts) {
    Contact c;
    c.name = dc.name;
    c.company = dc.company;
    c.role = dc.role;
    c.how = dc.how;
    std::string handle = dc.name.substr(0, dc.name.find(' '));
    std::transform(handle.begin(), handle.end(), handle.begin(),
                   [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    c.email = handle + "@example.com";
    int chats = rng.between(1, 3);
    for (int i = 0; i < chats; ++i)
      c.interactions.push_back({addDays(today, -rng.between(2, 70)),
                                rng.pick(std::vector<std::string>{"Coffee chat about their team",
                                                                  "Asked about the hiring process",
                                                                  "Thanked them for the introduction",
                                                                  "Video call about open roles"}),
                                std::nullopt});
    sortInteractions(c.interactions);
    validateContact(c, today);
    ids.push_back(store.contacts().add(c));
  }
  return ids;
}

}  // namespace

bool holdsData(Store& store) {
  return store.episodes().count() > 0 || store.postings().count() > 0 ||
         store.applications().count() > 0 || !store.contacts().list().empty() ||
         !store.reminders().list(true).empty() || !store.checkins().list().empty() ||
         !store.expectations().list().empty() || !store.drafts().list(std::nullopt).empty() ||
         !store.activities().custom().empty();
}

DemoSummary writeDemo(Store& store, const Clock& clock, const DemoOptions& options) {
  if (!options.force && holdsData(store))
    throw Error(ErrorCode::conflict,
                fmt::format("{} already holds data; the demo is written only into an empty one",
                            store.location()),
                "db", "give a new file with --db PATH, or --force to add the demo beside your data");
  DemoSummary summary;
  Random rng(options.seed);
  Date today = clock.today();
  store.transaction([&] {
    summary.episodes = writeEpisodes(store, clock, rng);
    summary.checkins = writeCheckins(store, clock, rng);
    summary.expectations = writeExpectations(store, clock);
    summary.drafts = writeDrafts(store, clock);

    // The postings go through the real reader, analyzer and import, as a file would.
    std::istringstream jsonl(demoPostingsJsonl(options.seed, today, 100));
    std::vector<PostingRef> stored;
    PostingImportOptions importOptions;
    importOptions.format = InputFormat::jsonl;
    importOptions.stored = [&](const Posting& p, const UpsertResult& r) {
      stored.push_back({r.id, p.title, p.company});
    };
    summary.postings = importPostings(store, jsonl, "demo-postings.jsonl", importOptions, clock.now());

    summary.appeals = writeFitProfile(store, clock, stored);
    auto contactIds = writeContacts(store, clock, rng);
    summary.contacts = static_cast<int>(contactIds.size());
    auto search = writeSearch(store, clock, rng, contactIds, stored);
    summary.applications = search.applications;
    summary.reminders = search.reminders;
  });
  return summary;
}

}  // namespace jobfit
