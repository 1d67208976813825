// SQL for the work-day log: episodes, custom activities, settings.
#include <algorithm>

#include <fmt/format.h>

#include "core/error.h"
#include "core/text.h"
#include "storage/sqlite/sqlite_store.h"

namespace jobfit::sqlite {

namespace {

constexpr std::string_view kEpisodeColumns =
    "id, start_utc, day, minutes, with_whom, note, happy, engaged, stressed, frustrated, tired, "
    "meaningful, energy";

Episode readEpisode(const Statement& st) {
  Episode e;
  e.id = st.integer(0);
  if (auto s = st.optionalInteger(1)) e.start = Instant{std::chrono::seconds{*s}};
  e.date = parseDate(st.textView(2));
  e.minutes = static_cast<int>(st.integer(3));
  e.with = st.text(4);
  e.note = st.text(5);
  int column = 6;
  for (const auto& item : kRatingItems) {
    if (auto v = st.optionalInteger(column)) e.ratings.*item.member = static_cast<int>(*v);
    ++column;
  }
  return e;
}

void bindEpisode(Statement& st, const Episode& e) {
  if (e.start)
    st.bind(1, static_cast<int64_t>(e.start->time_since_epoch().count()));
  else
    st.bindNull(1);
  st.bind(2, formatDate(e.date)).bind(3, e.minutes).bind(4, e.with).bind(5, e.note);
  int index = 6;
  for (const auto& item : kRatingItems) st.bind(index++, e.ratings.*item.member);
}

}  // namespace

void SqliteEpisodeStore::writeActivities(int64_t id, const std::vector<std::string>& activities) {
  auto del = db_.prepare("DELETE FROM episode_activities WHERE episode_id = ?");
  del.bind(1, id).run();
  auto ins = db_.prepare(
      "INSERT INTO episode_activities (episode_id, position, activity) VALUES (?, ?, ?)");
  for (size_t i = 0; i < activities.size(); ++i) {
    ins.reset();
    ins.bind(1, id).bind(2, static_cast<int64_t>(i)).bind(3, activities[i]).run();
  }
}

int64_t SqliteEpisodeStore::add(const Episode& e) {
  auto st = db_.prepare(
      "INSERT INTO episodes (start_utc, day, minutes, with_whom, note, happy, engaged, stressed, "
      "frustrated, tired, meaningful, energy, id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)");
  bindEpisode(st, e);
  if (e.id > 0)
    st.bind(13, e.id);
  else
    st.bindNull(13);
  st.run();
  int64_t id = db_.lastInsertId();
  writeActivities(id, e.activities);
  return id;
}

void SqliteEpisodeStore::update(const Episode& e) {
  auto st = db_.prepare(
      "UPDATE episodes SET start_utc=?, day=?, minutes=?, with_whom=?, note=?, happy=?, "
      "engaged=?, stressed=?, frustrated=?, tired=?, meaningful=?, energy=? WHERE id=?");
  bindEpisode(st, e);
  st.bind(13, e.id).run();
  if (db_.changes() == 0)
    throw Error(ErrorCode::not_found, fmt::format("no episode with id {}", e.id), "id");
  writeActivities(e.id, e.activities);
}

void SqliteEpisodeStore::remove(int64_t id) {
  auto st = db_.prepare("DELETE FROM episodes WHERE id = ?");
  st.bind(1, id).run();
  if (db_.changes() == 0)
    throw Error(ErrorCode::not_found, fmt::format("no episode with id {}", id), "id");
}

std::optional<Episode> SqliteEpisodeStore::find(int64_t id) {
  auto st = db_.prepare(fmt::format("SELECT {} FROM episodes WHERE id = ?", kEpisodeColumns));
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  Episode e = readEpisode(st);
  auto acts = db_.prepare(
      "SELECT activity FROM episode_activities WHERE episode_id = ? ORDER BY position");
  acts.bind(1, id);
  while (acts.step()) e.activities.push_back(acts.text(0));
  return e;
}

std::vector<Episode> SqliteEpisodeStore::list(const EpisodeQuery& q) {
  std::string sql = fmt::format("SELECT {} FROM episodes WHERE day >= ? AND day <= ?",
                                kEpisodeColumns);
  if (q.activity)
    sql += " AND id IN (SELECT episode_id FROM episode_activities WHERE activity = ?)";
  sql += " ORDER BY day, start_utc, id LIMIT ? OFFSET ?";
  auto st = db_.prepare(sql);
  int i = 1;
  st.bind(i++, q.from ? formatDate(*q.from) : std::string("0000-00-00"));
  st.bind(i++, q.to ? formatDate(*q.to) : std::string("9999-99-99"));
  if (q.activity) st.bind(i++, *q.activity);
  st.bind(i++, static_cast<int64_t>(q.limit.value_or(-1)));
  st.bind(i++, static_cast<int64_t>(q.offset));
  std::vector<Episode> out;
  if (q.limit) out.reserve(static_cast<size_t>(std::clamp(*q.limit, 0, 1000)));
  while (st.step()) out.push_back(readEpisode(st));
  if (out.empty()) return out;
  // Activities for the whole page in one query, ordered by episode id: matched to the page's
  // episodes sorted the same way, in one pass.
  std::vector<Episode*> byId;
  byId.reserve(out.size());
  for (auto& e : out) byId.push_back(&e);
  std::sort(byId.begin(), byId.end(),
            [](const Episode* a, const Episode* b) { return a->id < b->id; });
  auto acts = db_.prepare(
      "SELECT episode_id, activity FROM episode_activities WHERE episode_id BETWEEN ? AND ? "
      "ORDER BY episode_id, position");
  acts.bind(1, byId.front()->id).bind(2, byId.back()->id);
  auto next = byId.begin();
  while (acts.step()) {
    int64_t id = acts.integer(0);
    while (next != byId.end() && (*next)->id < id) ++next;
    if (next != byId.end() && (*next)->id == id) (*next)->activities.emplace_back(acts.textView(1));
  }
  return out;
}

int64_t SqliteEpisodeStore::count() {
  auto st = db_.prepare("SELECT count(*) FROM episodes");
  st.step();
  return st.integer(0);
}

std::vector<Activity> SqliteActivityStore::custom() {
  auto st = db_.prepare("SELECT id, label, description, onet FROM activities ORDER BY id");
  std::vector<Activity> out;
  while (st.step()) {
    Activity a{st.text(0), st.text(1), st.text(2), splitList(st.text(3)), true};
    out.push_back(std::move(a));
  }
  return out;
}

void SqliteActivityStore::add(const Activity& a) {
  auto st = db_.prepare(
      "INSERT INTO activities (id, label, description, onet) VALUES (?,?,?,?) "
      "ON CONFLICT (id) DO UPDATE SET label=excluded.label, description=excluded.description, "
      "onet=excluded.onet");
  st.bind(1, a.id).bind(2, a.label).bind(3, a.description).bind(4, join(a.onet, ",")).run();
}

std::optional<std::string> SqliteSettingsStore::get(const std::string& key) {
  auto st = db_.prepare("SELECT value FROM settings WHERE key = ?");
  st.bind(1, key);
  if (!st.step()) return std::nullopt;
  return st.text(0);
}

void SqliteSettingsStore::set(const std::string& key, const std::string& value) {
  auto st = db_.prepare(
      "INSERT INTO settings (key, value) VALUES (?, ?) "
      "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
  st.bind(1, key).bind(2, value).run();
}

std::map<std::string, std::string> SqliteSettingsStore::all() {
  auto st = db_.prepare("SELECT key, value FROM settings ORDER BY key");
  std::map<std::string, std::string> out;
  while (st.step()) out[st.text(0)] = st.text(1);
  return out;
}

}  // namespace jobfit::sqlite
