#include "applications/application.h"

#include <algorithm>

#include <fmt/format.h>

#include "core/error.h"
#include "core/text.h"

namespace jobfit {

namespace {

constexpr std::array<std::string_view, 9> kStageNames{
    "saved", "applied", "screening", "interviewing", "offer", "accepted", "rejected", "withdrawn",
    "closed"};
constexpr std::array<std::string_view, 6> kChannelNames{"referral", "recruiter", "network",
                                                        "cold",     "job-board", "other"};
constexpr std::array<std::string_view, 4> kKindNames{"stage", "note", "reply", "followup"};

template <typename E, size_t N>
std::optional<E> lookup(const std::array<std::string_view, N>& names, std::string_view s) {
  std::string key = toLower(trim(s));
  for (size_t i = 0; i < N; ++i)
    if (names[i] == key) return static_cast<E>(i);
  return std::nullopt;
}

template <size_t N>
std::string listNames(const std::array<std::string_view, N>& names) {
  std::vector<std::string> out(names.begin(), names.end());
  return join(out, ", ");
}

bool isResponse(const ApplicationEvent& e) {
  if (e.kind == EventKind::reply) return true;
  if (e.kind != EventKind::stage || !e.stage) return false;
  auto rank = pipelineRank(*e.stage);
  return (rank && *rank >= 2) || *e.stage == Stage::rejected;
}

bool isSending(Stage s) {
  auto rank = pipelineRank(s);
  return (rank && *rank >= 1) || s == Stage::rejected;
}

}  // namespace

std::string_view toString(Stage s) { return kStageNames[static_cast<size_t>(s)]; }
std::string_view toString(Channel c) { return kChannelNames[static_cast<size_t>(c)]; }
std::string_view toString(EventKind k) { return kKindNames[static_cast<size_t>(k)]; }

std::optional<Stage> parseStage(std::string_view s) { return lookup<Stage>(kStageNames, s); }
std::optional<Channel> parseChannel(std::string_view s) {
  std::string key = toLower(trim(s));
  if (key == "job_board" || key == "jobboard") key = "job-board";
  return lookup<Channel>(kChannelNames, key);
}
std::optional<EventKind> parseEventKind(std::string_view s) {
  return lookup<EventKind>(kKindNames, s);
}

Stage requireStage(std::string_view s, std::string_view field) {
  if (auto v = parseStage(s)) return *v;
  throw Error(ErrorCode::usage, fmt::format("unknown stage '{}'", s), std::string(field),
              "stages: " + listNames(kStageNames));
}

Channel requireChannel(std::string_view s, std::string_view field) {
  if (auto v = parseChannel(s)) return *v;
  throw Error(ErrorCode::usage, fmt::format("unknown channel '{}'", s), std::string(field),
              "channels: " + listNames(kChannelNames));
}

bool isFinal(Stage s) {
  return s == Stage::accepted || s == Stage::rejected || s == Stage::withdrawn ||
         s == Stage::closed;
}

std::optional<int> pipelineRank(Stage s) {
  int v = static_cast<int>(s);
  if (v <= static_cast<int>(Stage::accepted)) return v;
  return std::nullopt;
}

void sortEvents(std::vector<ApplicationEvent>& events) {
  std::stable_sort(events.begin(), events.end(),
                   [](const ApplicationEvent& a, const ApplicationEvent& b) { return a.date < b.date; });
}

void sortLinks(std::vector<ContactLink>& links) {
  std::sort(links.begin(), links.end(), [](const ContactLink& a, const ContactLink& b) {
    if (a.referrer != b.referrer) return a.referrer;
    return a.contactId < b.contactId;
  });
}

Stage currentStage(const Application& a) {
  for (auto it = a.events.rbegin(); it != a.events.rend(); ++it)
    if (it->kind == EventKind::stage && it->stage) return *it->stage;
  return Stage::saved;
}

Date startDate(const Application& a) { return a.events.front().date; }
Date lastEventDate(const Application& a) { return a.events.back().date; }

std::optional<Date> appliedDate(const Application& a) {
  for (const auto& e : a.events)
    if (e.kind == EventKind::stage && e.stage && isSending(*e.stage)) return e.date;
  return std::nullopt;
}

std::optional<Date> firstResponseDate(const Application& a) {
  bool sent = false;
  for (const auto& e : a.events) {
    if (e.kind == EventKind::stage && e.stage && isSending(*e.stage)) sent = true;
    if (sent && isResponse(e)) return e.date;
  }
  return std::nullopt;
}

Stage furthestStage(const Application& a) {
  int best = 0;
  for (const auto& e : a.events)
    if (e.kind == EventKind::stage && e.stage) {
      if (auto rank = pipelineRank(*e.stage)) best = std::max(best, *rank);
      // A rejection means the application was at least sent.
      if (*e.stage == Stage::rejected) best = std::max(best, 1);
    }
  return kPipeline[static_cast<size_t>(best)];
}

std::optional<Date> finalDate(const Application& a) {
  for (const auto& e : a.events)
    if (e.kind == EventKind::stage && e.stage && isFinal(*e.stage)) return e.date;
  return std::nullopt;
}

std::optional<Date> dateReached(const Application& a, Stage s) {
  for (const auto& e : a.events)
    if (e.kind == EventKind::stage && e.stage == s) return e.date;
  return std::nullopt;
}

std::optional<int64_t> referrerOf(const Application& a) {
  for (const auto& c : a.contacts)
    if (c.referrer) return c.contactId;
  return std::nullopt;
}

void validateApplication(const Application& a) {
  if (trim(a.company).empty())
    throw Error(ErrorCode::usage, "company must not be empty", "company");
  if (trim(a.title).empty()) throw Error(ErrorCode::usage, "title must not be empty", "title");
  if (a.company.size() > 200) throw Error(ErrorCode::usage, "company is too long (200 max)", "company");
  if (a.title.size() > 300) throw Error(ErrorCode::usage, "title is too long (300 max)", "title");
  if (a.postingId && *a.postingId <= 0)
    throw Error(ErrorCode::usage, "posting must be a positive id", "posting");
  if (!a.url.empty() && a.url.find("://") == std::string::npos)
    throw Error(ErrorCode::usage, fmt::format("url '{}' needs a scheme such as https://", a.url),
                "url");
  int referrers = 0;
  for (size_t i = 0; i < a.contacts.size(); ++i) {
    if (a.contacts[i].referrer) ++referrers;
    for (size_t j = 0; j < i; ++j)
      if (a.contacts[j].contactId == a.contacts[i].contactId)
        throw Error(ErrorCode::usage, "a contact is linked twice", "contacts");
  }
  if (referrers > 1)
    throw Error(ErrorCode::usage, "an application has at most one referrer", "referrer");
}

void validateEvents(const std::vector<ApplicationEvent>& events, Date today) {
  if (events.empty() || events.front().kind != EventKind::stage)
    throw Error(ErrorCode::usage, "the history must start with a stage", "events");
  for (size_t i = 0; i < events.size(); ++i) {
    const auto& e = events[i];
    auto field = fmt::format("events[{}]", i);
    if ((e.kind == EventKind::stage) != e.stage.has_value())
      throw Error(ErrorCode::usage,
                  e.stage ? "only stage events have a stage" : "a stage event needs a stage",
                  field + ".stage");
    if (e.date > today)
      throw Error(ErrorCode::usage,
                  fmt::format("{} is in the future (today is {})", formatDate(e.date),
                              formatDate(today)),
                  field + ".date");
    if (i > 0 && e.date < events[i - 1].date)
      throw Error(ErrorCode::usage, "events must be in date order", field + ".date");
  }
}

namespace {

void checkDate(const Application& a, Date on, bool force, Date today) {
  if (on > today)
    throw Error(ErrorCode::usage,
                fmt::format("{} is in the future (today is {})", formatDate(on), formatDate(today)),
                "date", "record what has happened; use 'jobfit remind' for what is planned");
  if (!a.events.empty() && on < lastEventDate(a) && !force)
    throw Error(ErrorCode::conflict,
                fmt::format("{} is before the last event of application {} ({})", formatDate(on),
                            a.id, formatDate(lastEventDate(a))),
                "date", "pass --force to record it in the past anyway");
}

}  // namespace

void moveTo(Application& a, Stage to, Date on, std::string note, bool force, Date today) {
  if (!a.events.empty() && currentStage(a) == to)
    throw Error(ErrorCode::conflict,
                fmt::format("application {} is already {}", a.id, toString(to)), "stage");
  checkDate(a, on, force, today);
  a.events.push_back({0, on, EventKind::stage, to, std::move(note)});
  sortEvents(a.events);
}

void addEvent(Application& a, EventKind kind, Date on, std::string text, bool force, Date today) {
  if (kind == EventKind::stage)
    throw Error(ErrorCode::usage, "use a move to change the stage", "kind");
  if (trim(text).empty()) throw Error(ErrorCode::usage, "the text must not be empty", "text");
  checkDate(a, on, force, today);
  a.events.push_back({0, on, kind, std::nullopt, std::move(text)});
  sortEvents(a.events);
}

void applyEdit(Application& a, const ApplicationEdit& e) {
  if (e.company) a.company = std::string(trim(*e.company));
  if (e.title) a.title = std::string(trim(*e.title));
  if (e.posting) a.postingId = *e.posting;
  if (e.url) a.url = std::string(trim(*e.url));
  if (e.channel) a.channel = *e.channel;
  if (e.resume) a.resume = *e.resume;
  if (e.salary) a.salary = *e.salary;
  if (e.learned) a.learned = *e.learned;
  if (e.referrer) {
    std::erase_if(a.contacts, [](const ContactLink& l) { return l.referrer; });
    if (auto id = *e.referrer) {
      std::erase_if(a.contacts, [&](const ContactLink& l) { return l.contactId == *id; });
      a.contacts.push_back({*id, true});
      if (!e.channel) a.channel = Channel::referral;
    }
  }
  for (auto id : e.link)
    if (std::none_of(a.contacts.begin(), a.contacts.end(),
                     [&](const ContactLink& l) { return l.contactId == id; }))
      a.contacts.push_back({id, false});
  for (auto id : e.unlink)
    std::erase_if(a.contacts, [&](const ContactLink& l) { return l.contactId == id; });
  sortLinks(a.contacts);
}

void startApplication(Application& a, Stage stage, Date on, const std::string& note, Date today) {
  if (stage != Stage::saved && stage != Stage::applied)
    throw Error(ErrorCode::usage, "a new application starts as saved or applied", "stage",
                "add it, then move it to the stage it is in");
  a.events.clear();
  a.events.push_back({0, on, EventKind::stage, stage, ""});
  if (!trim(note).empty()) a.events.push_back({0, on, EventKind::note, std::nullopt, note});
  validateApplication(a);
  validateEvents(a.events, today);
}

Stage closeApplication(Application& a, std::string_view reason,
                       const std::optional<std::string>& learned, Date on, bool force, Date today) {
  auto key = toLower(trim(reason));
  Stage to = key == "silent"      ? Stage::closed
             : key == "rejected"  ? Stage::rejected
             : key == "withdrawn" ? Stage::withdrawn
                                  : throw Error(ErrorCode::usage,
                                                fmt::format("unknown reason '{}'", reason),
                                                "reason", "reasons: silent, rejected, withdrawn");
  bool already = currentStage(a) == to;
  if (already && !learned)
    throw Error(ErrorCode::conflict, fmt::format("application {} is already {}", a.id, toString(to)),
                "id", "add a reflection (learned)");
  if (!already) moveTo(a, to, on, "", force, today);
  if (learned) a.learned = *learned;
  return to;
}

DuplicateCheck checkDuplicates(const Application& candidate, Date candidateDate,
                               const std::vector<Application>& existing,
                               const std::function<bool(const Application&)>& silent) {
  DuplicateCheck out;
  auto company = normalizeKey(candidate.company);
  auto title = normalizeKey(candidate.title);
  for (const auto& a : existing) {
    if (a.id == candidate.id && candidate.id != 0) continue;
    bool samePosting = candidate.postingId && a.postingId == candidate.postingId;
    bool sameCompany = normalizeKey(a.company) == company;
    Date when = appliedDate(a).value_or(startDate(a));
    bool recentSameTitle = sameCompany && normalizeKey(a.title) == title &&
                           std::abs(daysBetween(when, candidateDate)) <= kDuplicateWindowDays;
    if (samePosting || recentSameTitle) out.duplicates.push_back(&a);
    if (sameCompany && appliedDate(a) && !firstResponseDate(a) &&
        (currentStage(a) == Stage::closed || silent(a)))
      out.unanswered.push_back(&a);
  }
  return out;
}

}  // namespace jobfit
