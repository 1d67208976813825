#include "evidence/operations.h"

#include <fmt/format.h>

#include "core/error.h"

namespace jobfit {

void validateInsightOptions(const InsightOptions& options) {
  if (options.from && options.to && *options.from > *options.to)
    throw Error(ErrorCode::usage, "from is after to", "from");
  if (!(options.shrinkK >= 0 && options.shrinkK <= 1000))
    throw Error(ErrorCode::usage, "shrink must be a number from 0 to 1000", "shrink");
}

Insights loadInsights(Store& store, const InsightOptions& options) {
  validateInsightOptions(options);
  EpisodeQuery q;
  q.from = options.from;
  q.to = options.to;
  return computeInsights(store.episodes().list(q), store.expectations().list(), loadCatalog(store),
                         options);
}

SavedCheckin saveCheckin(Store& store, Checkin c, const Clock& clock) {
  if (daysBetween(clock.today(), c.date) > 1)
    throw Error(ErrorCode::usage,
                fmt::format("date {} is more than a day in the future", formatDate(c.date)),
                "date");
  validateCheckin(c);
  bool replaced = false;
  store.transaction([&] {
    if (auto existing = store.checkins().findByDate(c.date)) {
      c.id = existing->id;
      store.checkins().update(c);
      replaced = true;
    } else {
      c.id = store.checkins().add(c);
    }
  });
  BurnoutScore score = burnoutScore(c);
  return {std::move(c), replaced, score};
}

CheckinHistory loadCheckinHistory(Store& store, Date today) {
  auto checkins = store.checkins().list();
  EpisodeQuery q;
  q.from = addDays(today, -(kWarningWindowDays - 1));
  q.to = today;
  auto warning = earlyWarning(store.episodes().list(q), checkins, today);
  return {checkinTrend(std::move(checkins)), std::move(warning)};
}

Expectation recordExpectation(Store& store, Expectation e) {
  validateExpectation(e, loadCatalog(store));
  store.transaction([&] { e.id = store.expectations().add(e); });
  return e;
}

CalendarImport importCalendar(Store& store, std::string_view ics, const Clock& clock,
                              std::optional<Date> from, std::optional<Date> to) {
  CalendarImport out;
  out.to = to.value_or(clock.today());
  out.from = from.value_or(addDays(out.to, -13));
  if (out.from > out.to) throw Error(ErrorCode::usage, "from is after to", "from");
  if (daysBetween(out.from, out.to) > 366)
    throw Error(ErrorCode::usage, "the dates span more than a year", "from",
                "import a year or less at a time");
  if (ics.size() > kMaxCalendarBytes)
    throw Error(ErrorCode::too_large,
                fmt::format("the calendar is larger than {} MB", kMaxCalendarBytes / 1024 / 1024),
                "file");
  out.read = readCalendar(ics, clock, out.from, out.to, loadCatalog(store));
  store.transaction([&] {
    for (auto d : out.read.drafts) {
      if (store.drafts().findBySource(d.source, d.start)) {
        ++out.alreadyImported;
        continue;
      }
      d.id = store.drafts().add(d);
      out.added.push_back(std::move(d));
    }
  });
  return out;
}

Draft requireDraft(Store& store, int64_t id) {
  auto d = store.drafts().find(id);
  if (!d)
    throw Error(ErrorCode::not_found, fmt::format("no draft with id {}", id), "id",
                "list them with 'jobfit drafts'");
  return *d;
}

namespace {

void requirePending(const Draft& d) {
  if (d.status == DraftStatus::rated)
    throw Error(ErrorCode::conflict,
                d.episodeId
                    ? fmt::format("draft {} was already rated as episode {}", d.id, *d.episodeId)
                    : fmt::format("draft {} was already rated", d.id),
                "id");
  if (d.status == DraftStatus::discarded)
    throw Error(ErrorCode::conflict, fmt::format("draft {} was discarded", d.id), "id");
}

bool anyRating(const Ratings& r) {
  for (const auto& item : kRatingItems)
    if ((r.*item.member).has_value()) return true;
  return false;
}

}  // namespace

int64_t rateDraft(Store& store, int64_t draftId, const std::function<void(Episode&)>& edit,
                  const Clock& clock) {
  Draft d = requireDraft(store, draftId);
  requirePending(d);
  Episode e = episodeFromDraft(d);
  edit(e);
  if (!anyRating(e.ratings))
    throw Error(ErrorCode::usage,
                "give at least one rating (happy, engaged, stressed, frustrated, tired, "
                "meaningful or energy)",
                "ratings");
  if (e.activities.empty())
    throw Error(ErrorCode::usage,
                fmt::format("draft {} ('{}') has no activity guess", d.id, d.title), "activities",
                "name what you did, e.g. meetings");
  validateEpisode(e, loadCatalog(store), clock);
  int64_t episodeId = 0;
  store.transaction([&] {
    requirePending(requireDraft(store, draftId));  // not rated meanwhile by another writer
    episodeId = store.episodes().add(e);
    d.status = DraftStatus::rated;
    d.episodeId = episodeId;
    store.drafts().update(d);
  });
  return episodeId;
}

void discardDrafts(Store& store, const std::vector<int64_t>& ids) {
  std::vector<Draft> drafts;
  for (int64_t id : ids) {
    Draft d = requireDraft(store, id);
    requirePending(d);
    d.status = DraftStatus::discarded;
    drafts.push_back(std::move(d));
  }
  store.transaction([&] {
    for (const auto& d : drafts) {
      requirePending(requireDraft(store, d.id));
      store.drafts().update(d);
    }
  });
}

WeeklyReport loadWeeklyReport(Store& store, Date day, Date today, const ReportOptions& options) {
  EpisodeQuery q;
  q.from = reportFirstDate(day, options);
  q.to = addDays(weekStart(day), 6);
  return buildWeeklyReport(store.episodes().list(q), store.checkins().list(),
                           store.expectations().list(), loadCatalog(store), day, today, options);
}

}  // namespace jobfit
