// SQL for the job search: applications, their events and contact links, contacts with their
// links and interactions, and reminders.
#include <unordered_map>

#include <fmt/format.h>

#include "core/error.h"
#include "core/text.h"
#include "storage/sqlite/sqlite_store.h"

namespace jobfit::sqlite {

namespace {

constexpr std::string_view kApplicationColumns =
    "id, company, title, posting_id, url, channel, resume, salary, learned";

Application readApplication(const Statement& st) {
  Application a;
  a.id = st.integer(0);
  a.company = st.text(1);
  a.title = st.text(2);
  a.postingId = st.optionalInteger(3);
  a.url = st.text(4);
  a.channel = requireChannel(st.text(5));
  a.resume = st.text(6);
  a.salary = st.text(7);
  a.learned = st.text(8);
  return a;
}

void bindApplication(Statement& st, const Application& a) {
  st.bind(1, a.company).bind(2, normalizeKey(a.company)).bind(3, a.title);
  st.bind(4, normalizeKey(a.title)).bind(5, a.postingId).bind(6, a.url);
  st.bind(7, toString(a.channel)).bind(8, a.resume).bind(9, a.salary).bind(10, a.learned);
  st.bind(11, toString(currentStage(a)));
  st.bind(12, formatDate(startDate(a))).bind(13, formatDate(lastEventDate(a)));
}

void requireEvents(const Application& a) {
  if (a.events.empty())
    throw Error(ErrorCode::invalid, fmt::format("application {} has no history", a.id), "events");
}

}  // namespace

void SqliteApplicationStore::writeChildren(const Application& a) {
  db_.prepare("DELETE FROM application_events WHERE application_id = ?").bind(1, a.id).run();
  db_.prepare("DELETE FROM application_contacts WHERE application_id = ?").bind(1, a.id).run();
  auto ev = db_.prepare(
      "INSERT INTO application_events (id, application_id, position, day, kind, stage, text) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)");
  // Events that keep their id go in first, so that a new event cannot be given one of them.
  for (bool kept : {true, false}) {
    for (size_t i = 0; i < a.events.size(); ++i) {
      const auto& e = a.events[i];
      if ((e.id > 0) != kept) continue;
      ev.reset();
      if (e.id > 0)
        ev.bind(1, e.id);
      else
        ev.bindNull(1);
      ev.bind(2, a.id).bind(3, static_cast<int64_t>(i)).bind(4, formatDate(e.date));
      ev.bind(5, toString(e.kind));
      if (e.stage)
        ev.bind(6, toString(*e.stage));
      else
        ev.bindNull(6);
      ev.bind(7, e.text).run();
    }
  }
  auto link = db_.prepare(
      "INSERT INTO application_contacts (application_id, contact_id, referrer) VALUES (?, ?, ?)");
  for (const auto& c : a.contacts) {
    link.reset();
    link.bind(1, a.id).bind(2, c.contactId).bind(3, c.referrer ? 1 : 0).run();
  }
}

int64_t SqliteApplicationStore::add(const Application& a) {
  requireEvents(a);
  auto st = db_.prepare(
      "INSERT INTO applications (company, company_key, title, title_key, posting_id, url, "
      "channel, resume, salary, learned, stage, started, last_event, id) "
      "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  bindApplication(st, a);
  if (a.id > 0)
    st.bind(14, a.id);
  else
    st.bindNull(14);
  st.run();
  Application stored = a;
  stored.id = db_.lastInsertId();
  writeChildren(stored);
  return stored.id;
}

void SqliteApplicationStore::update(const Application& a) {
  requireEvents(a);
  auto st = db_.prepare(
      "UPDATE applications SET company=?, company_key=?, title=?, title_key=?, posting_id=?, "
      "url=?, channel=?, resume=?, salary=?, learned=?, stage=?, started=?, last_event=? "
      "WHERE id=?");
  bindApplication(st, a);
  st.bind(14, a.id).run();
  if (db_.changes() == 0)
    throw Error(ErrorCode::not_found, fmt::format("no application with id {}", a.id), "id");
  writeChildren(a);
}

void SqliteApplicationStore::remove(int64_t id) {
  db_.prepare("DELETE FROM applications WHERE id = ?").bind(1, id).run();
  if (db_.changes() == 0)
    throw Error(ErrorCode::not_found, fmt::format("no application with id {}", id), "id");
}

std::vector<Application> SqliteApplicationStore::select(
    std::string_view where, const std::function<void(Statement&)>& bind) {
  auto st = db_.prepare(
      fmt::format("SELECT {} FROM applications {} ORDER BY id", kApplicationColumns, where));
  bind(st);
  std::vector<Application> out;
  std::unordered_map<int64_t, size_t> index;
  while (st.step()) {
    index[st.integer(0)] = out.size();
    out.push_back(readApplication(st));
  }
  if (out.empty()) return out;
  // Children for the whole result in two queries.
  std::string filter;
  if (!where.empty()) {
    std::vector<std::string> ids;
    for (const auto& a : out) ids.push_back(std::to_string(a.id));
    filter = fmt::format("WHERE application_id IN ({})", join(ids, ","));
  }
  auto ev = db_.prepare(fmt::format(
      "SELECT application_id, id, day, kind, stage, text FROM application_events {} "
      "ORDER BY application_id, position",
      filter));
  while (ev.step()) {
    auto it = index.find(ev.integer(0));
    if (it == index.end()) continue;
    ApplicationEvent e;
    e.id = ev.integer(1);
    e.date = parseDate(ev.text(2));
    e.kind = parseEventKind(ev.text(3)).value_or(EventKind::note);
    if (auto s = ev.optionalText(4)) e.stage = requireStage(*s);
    e.text = ev.text(5);
    out[it->second].events.push_back(std::move(e));
  }
  auto links = db_.prepare(fmt::format(
      "SELECT application_id, contact_id, referrer FROM application_contacts {} "
      "ORDER BY application_id, referrer DESC, contact_id",
      filter));
  while (links.step()) {
    auto it = index.find(links.integer(0));
    if (it != index.end())
      out[it->second].contacts.push_back({links.integer(1), links.integer(2) != 0});
  }
  return out;
}

std::optional<Application> SqliteApplicationStore::find(int64_t id) {
  auto rows = select("WHERE id = ?", [&](Statement& st) { st.bind(1, id); });
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

std::vector<Application> SqliteApplicationStore::list() {
  return select("", [](Statement&) {});
}

std::vector<Application> SqliteApplicationStore::inStage(Stage stage) {
  return select("WHERE stage = ?", [&](Statement& st) { st.bind(1, toString(stage)); });
}

std::vector<Application> SqliteApplicationStore::withContact(int64_t contactId) {
  return select(
      "WHERE id IN (SELECT application_id FROM application_contacts WHERE contact_id = ?)",
      [&](Statement& st) { st.bind(1, contactId); });
}

int64_t SqliteApplicationStore::count() {
  auto st = db_.prepare("SELECT count(*) FROM applications");
  st.step();
  return st.integer(0);
}

// Contacts.

void SqliteContactStore::writeChildren(const Contact& c) {
  db_.prepare("DELETE FROM contact_links WHERE contact_id = ?").bind(1, c.id).run();
  db_.prepare("DELETE FROM contact_interactions WHERE contact_id = ?").bind(1, c.id).run();
  auto link = db_.prepare("INSERT INTO contact_links (contact_id, position, url) VALUES (?,?,?)");
  for (size_t i = 0; i < c.links.size(); ++i) {
    link.reset();
    link.bind(1, c.id).bind(2, static_cast<int64_t>(i)).bind(3, c.links[i]).run();
  }
  auto in = db_.prepare(
      "INSERT INTO contact_interactions (contact_id, position, day, text, application_id) "
      "VALUES (?,?,?,?,?)");
  for (size_t i = 0; i < c.interactions.size(); ++i) {
    const auto& it = c.interactions[i];
    in.reset();
    in.bind(1, c.id).bind(2, static_cast<int64_t>(i)).bind(3, formatDate(it.date));
    in.bind(4, it.text).bind(5, it.applicationId).run();
  }
}

int64_t SqliteContactStore::add(const Contact& c) {
  auto st = db_.prepare(
      "INSERT INTO contacts (name, name_key, company, role, how, email, phone, notes, id) "
      "VALUES (?,?,?,?,?,?,?,?,?)");
  st.bind(1, c.name).bind(2, normalizeKey(c.name)).bind(3, c.company).bind(4, c.role);
  st.bind(5, c.how).bind(6, c.email).bind(7, c.phone).bind(8, c.notes);
  if (c.id > 0)
    st.bind(9, c.id);
  else
    st.bindNull(9);
  st.run();
  Contact stored = c;
  stored.id = db_.lastInsertId();
  writeChildren(stored);
  return stored.id;
}

void SqliteContactStore::update(const Contact& c) {
  auto st = db_.prepare(
      "UPDATE contacts SET name=?, name_key=?, company=?, role=?, how=?, email=?, phone=?, "
      "notes=? WHERE id=?");
  st.bind(1, c.name).bind(2, normalizeKey(c.name)).bind(3, c.company).bind(4, c.role);
  st.bind(5, c.how).bind(6, c.email).bind(7, c.phone).bind(8, c.notes).bind(9, c.id).run();
  if (db_.changes() == 0)
    throw Error(ErrorCode::not_found, fmt::format("no contact with id {}", c.id), "id");
  writeChildren(c);
}

void SqliteContactStore::remove(int64_t id) {
  db_.prepare("DELETE FROM contacts WHERE id = ?").bind(1, id).run();
  if (db_.changes() == 0)
    throw Error(ErrorCode::not_found, fmt::format("no contact with id {}", id), "id");
}

std::vector<Contact> SqliteContactStore::select(std::optional<int64_t> id) {
  std::string where = id ? "WHERE id = ?" : "";
  auto st = db_.prepare(fmt::format(
      "SELECT id, name, company, role, how, email, phone, notes FROM contacts {} ORDER BY id",
      where));
  if (id) st.bind(1, *id);
  std::vector<Contact> out;
  std::unordered_map<int64_t, size_t> index;
  while (st.step()) {
    index[st.integer(0)] = out.size();
    out.push_back({st.integer(0), st.text(1), st.text(2), st.text(3), st.text(4), st.text(5),
                   st.text(6), {}, st.text(7), {}});
  }
  if (out.empty()) return out;
  std::string filter = id ? "WHERE contact_id = ?" : "";
  auto links = db_.prepare(fmt::format(
      "SELECT contact_id, url FROM contact_links {} ORDER BY contact_id, position", filter));
  if (id) links.bind(1, *id);
  while (links.step())
    if (auto it = index.find(links.integer(0)); it != index.end())
      out[it->second].links.push_back(links.text(1));
  auto in = db_.prepare(fmt::format(
      "SELECT contact_id, day, text, application_id FROM contact_interactions {} "
      "ORDER BY contact_id, position",
      filter));
  if (id) in.bind(1, *id);
  while (in.step())
    if (auto it = index.find(in.integer(0)); it != index.end())
      out[it->second].interactions.push_back(
          {parseDate(in.text(1)), in.text(2), in.optionalInteger(3)});
  return out;
}

std::optional<Contact> SqliteContactStore::find(int64_t id) {
  auto rows = select(id);
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

std::vector<Contact> SqliteContactStore::list() { return select(std::nullopt); }

// Reminders.

namespace {

constexpr std::string_view kReminderColumns =
    "id, application_id, kind, due, at_utc, minutes, text, done, created_utc";

Reminder readReminder(const Statement& st) {
  Reminder r;
  r.id = st.integer(0);
  r.applicationId = st.integer(1);
  r.kind = parseReminderKind(st.text(2)).value_or(ReminderKind::followup);
  r.due = parseDate(st.text(3));
  if (auto at = st.optionalInteger(4)) r.at = Instant{std::chrono::seconds{*at}};
  r.minutes = static_cast<int>(st.integer(5));
  r.text = st.text(6);
  if (auto done = st.optionalText(7)) r.done = parseDate(*done);
  r.created = Instant{std::chrono::seconds{st.integer(8)}};
  return r;
}

void bindReminder(Statement& st, const Reminder& r) {
  st.bind(1, r.applicationId).bind(2, toString(r.kind)).bind(3, formatDate(r.due));
  if (r.at)
    st.bind(4, static_cast<int64_t>(r.at->time_since_epoch().count()));
  else
    st.bindNull(4);
  st.bind(5, r.minutes).bind(6, r.text);
  if (r.done)
    st.bind(7, formatDate(*r.done));
  else
    st.bindNull(7);
  st.bind(8, static_cast<int64_t>(r.created.time_since_epoch().count()));
}

}  // namespace

int64_t SqliteReminderStore::add(const Reminder& r) {
  auto st = db_.prepare(
      "INSERT INTO reminders (application_id, kind, due, at_utc, minutes, text, done, "
      "created_utc, id) VALUES (?,?,?,?,?,?,?,?,?)");
  bindReminder(st, r);
  if (r.id > 0)
    st.bind(9, r.id);
  else
    st.bindNull(9);
  st.run();
  return db_.lastInsertId();
}

void SqliteReminderStore::update(const Reminder& r) {
  auto st = db_.prepare(
      "UPDATE reminders SET application_id=?, kind=?, due=?, at_utc=?, minutes=?, text=?, "
      "done=?, created_utc=? WHERE id=?");
  bindReminder(st, r);
  st.bind(9, r.id).run();
  if (db_.changes() == 0)
    throw Error(ErrorCode::not_found, fmt::format("no reminder with id {}", r.id), "id");
}

void SqliteReminderStore::remove(int64_t id) {
  db_.prepare("DELETE FROM reminders WHERE id = ?").bind(1, id).run();
  if (db_.changes() == 0)
    throw Error(ErrorCode::not_found, fmt::format("no reminder with id {}", id), "id");
}

std::optional<Reminder> SqliteReminderStore::find(int64_t id) {
  auto st = db_.prepare(fmt::format("SELECT {} FROM reminders WHERE id = ?", kReminderColumns));
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  return readReminder(st);
}

std::vector<Reminder> SqliteReminderStore::list(bool includeDone) {
  auto st = db_.prepare(fmt::format("SELECT {} FROM reminders {} ORDER BY due, at_utc, id",
                                    kReminderColumns, includeDone ? "" : "WHERE done IS NULL"));
  std::vector<Reminder> out;
  while (st.step()) out.push_back(readReminder(st));
  return out;
}

std::vector<Reminder> SqliteReminderStore::forApplication(int64_t applicationId) {
  auto st = db_.prepare(fmt::format(
      "SELECT {} FROM reminders WHERE application_id = ? ORDER BY due, at_utc, id",
      kReminderColumns));
  st.bind(1, applicationId);
  std::vector<Reminder> out;
  while (st.step()) out.push_back(readReminder(st));
  return out;
}

}  // namespace jobfit::sqlite
