// SQL for the evidence capability: check-ins, expectations, calendar drafts.
#include <fmt/format.h>

#include "core/error.h"
#include "storage/sqlite/sqlite_store.h"

namespace jobfit::sqlite {

namespace {

// Column lists generated from the item tables, so that they cannot drift from the model.
std::string cbiColumns() {
  std::string out;
  for (const auto& item : kCbiItems) out += fmt::format(", {}", item.key);
  return out;
}

std::string ratingColumns() {
  std::string out;
  for (const auto& item : kRatingItems) out += fmt::format(", {}", item.name);
  return out;
}

std::string placeholders(size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += i ? ",?" : "?";
  return out;
}

Checkin readCheckin(const Statement& st) {
  Checkin c;
  c.id = st.integer(0);
  c.date = parseDate(st.text(1));
  for (size_t i = 0; i < kCbiItems.size(); ++i)
    if (auto v = st.optionalInteger(static_cast<int>(2 + i))) c.answers[i] = static_cast<int>(*v);
  return c;
}

Expectation readExpectation(const Statement& st) {
  Expectation e;
  e.id = st.integer(0);
  e.activity = st.text(1);
  e.date = parseDate(st.text(2));
  int column = 3;
  for (const auto& item : kRatingItems) {
    if (auto v = st.optionalInteger(column)) e.ratings.*item.member = static_cast<int>(*v);
    ++column;
  }
  return e;
}

constexpr std::string_view kDraftColumns =
    "id, source, start_utc, day, minutes, title, activity, status, episode_id";

Draft readDraft(const Statement& st) {
  Draft d;
  d.id = st.integer(0);
  d.source = st.text(1);
  d.start = Instant{std::chrono::seconds{st.integer(2)}};
  d.date = parseDate(st.text(3));
  d.minutes = static_cast<int>(st.integer(4));
  d.title = st.text(5);
  d.activity = st.text(6);
  d.status = parseDraftStatus(st.text(7));
  d.episodeId = st.optionalInteger(8);
  return d;
}

void bindDraft(Statement& st, const Draft& d) {
  st.bind(1, d.source)
      .bind(2, static_cast<int64_t>(d.start.time_since_epoch().count()))
      .bind(3, formatDate(d.date))
      .bind(4, d.minutes)
      .bind(5, d.title)
      .bind(6, d.activity)
      .bind(7, draftStatusName(d.status))
      .bind(8, d.episodeId);
}

}  // namespace

int64_t SqliteCheckinStore::add(const Checkin& c) {
  auto st = db_.prepare(fmt::format("INSERT INTO checkins (id, day{}) VALUES ({})", cbiColumns(),
                                    placeholders(2 + kCbiItems.size())));
  if (c.id > 0)
    st.bind(1, c.id);
  else
    st.bindNull(1);
  st.bind(2, formatDate(c.date));
  for (size_t i = 0; i < kCbiItems.size(); ++i) st.bind(static_cast<int>(3 + i), c.answers[i]);
  st.run();
  return db_.lastInsertId();
}

void SqliteCheckinStore::update(const Checkin& c) {
  std::string sets = "day = ?";
  for (const auto& item : kCbiItems) sets += fmt::format(", {} = ?", item.key);
  auto st = db_.prepare(fmt::format("UPDATE checkins SET {} WHERE id = ?", sets));
  st.bind(1, formatDate(c.date));
  for (size_t i = 0; i < kCbiItems.size(); ++i) st.bind(static_cast<int>(2 + i), c.answers[i]);
  st.bind(static_cast<int>(2 + kCbiItems.size()), c.id).run();
  if (db_.changes() == 0)
    throw Error(ErrorCode::not_found, fmt::format("no check-in with id {}", c.id), "id");
}

std::optional<Checkin> SqliteCheckinStore::find(int64_t id) {
  auto st = db_.prepare(fmt::format("SELECT id, day{} FROM checkins WHERE id = ?", cbiColumns()));
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  return readCheckin(st);
}

std::optional<Checkin> SqliteCheckinStore::findByDate(Date date) {
  auto st = db_.prepare(fmt::format("SELECT id, day{} FROM checkins WHERE day = ?", cbiColumns()));
  st.bind(1, formatDate(date));
  if (!st.step()) return std::nullopt;
  return readCheckin(st);
}

std::vector<Checkin> SqliteCheckinStore::list() {
  auto st = db_.prepare(fmt::format("SELECT id, day{} FROM checkins ORDER BY day, id", cbiColumns()));
  std::vector<Checkin> out;
  while (st.step()) out.push_back(readCheckin(st));
  return out;
}

int64_t SqliteExpectationStore::add(const Expectation& e) {
  auto st = db_.prepare(fmt::format("INSERT INTO expectations (id, activity, day{}) VALUES ({})",
                                    ratingColumns(), placeholders(3 + kRatingItems.size())));
  if (e.id > 0)
    st.bind(1, e.id);
  else
    st.bindNull(1);
  st.bind(2, e.activity).bind(3, formatDate(e.date));
  int index = 4;
  for (const auto& item : kRatingItems) st.bind(index++, e.ratings.*item.member);
  st.run();
  return db_.lastInsertId();
}

std::optional<Expectation> SqliteExpectationStore::find(int64_t id) {
  auto st = db_.prepare(
      fmt::format("SELECT id, activity, day{} FROM expectations WHERE id = ?", ratingColumns()));
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  return readExpectation(st);
}

std::vector<Expectation> SqliteExpectationStore::list() {
  auto st = db_.prepare(fmt::format(
      "SELECT id, activity, day{} FROM expectations ORDER BY day, id", ratingColumns()));
  std::vector<Expectation> out;
  while (st.step()) out.push_back(readExpectation(st));
  return out;
}

int64_t SqliteDraftStore::add(const Draft& d) {
  auto st = db_.prepare(
      "INSERT INTO drafts (source, start_utc, day, minutes, title, activity, status, episode_id, "
      "id) VALUES (?,?,?,?,?,?,?,?,?)");
  bindDraft(st, d);
  if (d.id > 0)
    st.bind(9, d.id);
  else
    st.bindNull(9);
  st.run();
  return db_.lastInsertId();
}

void SqliteDraftStore::update(const Draft& d) {
  auto st = db_.prepare(
      "UPDATE drafts SET source=?, start_utc=?, day=?, minutes=?, title=?, activity=?, status=?, "
      "episode_id=? WHERE id=?");
  bindDraft(st, d);
  st.bind(9, d.id).run();
  if (db_.changes() == 0)
    throw Error(ErrorCode::not_found, fmt::format("no draft with id {}", d.id), "id");
}

std::optional<Draft> SqliteDraftStore::find(int64_t id) {
  auto st = db_.prepare(fmt::format("SELECT {} FROM drafts WHERE id = ?", kDraftColumns));
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  return readDraft(st);
}

std::optional<Draft> SqliteDraftStore::findBySource(const std::string& source, Instant start) {
  auto st = db_.prepare(
      fmt::format("SELECT {} FROM drafts WHERE source = ? AND start_utc = ?", kDraftColumns));
  st.bind(1, source).bind(2, static_cast<int64_t>(start.time_since_epoch().count()));
  if (!st.step()) return std::nullopt;
  return readDraft(st);
}

std::vector<Draft> SqliteDraftStore::list(std::optional<DraftStatus> status) {
  std::string sql = fmt::format("SELECT {} FROM drafts", kDraftColumns);
  if (status) sql += " WHERE status = ?";
  sql += " ORDER BY start_utc, id";
  auto st = db_.prepare(sql);
  if (status) st.bind(1, draftStatusName(*status));
  std::vector<Draft> out;
  while (st.step()) out.push_back(readDraft(st));
  return out;
}

}  // namespace jobfit::sqlite
