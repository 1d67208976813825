// SQL for postings: the row, its child tables (locations, activities, skills, evidence), the
// duplicate lookup, listing with filters and FTS5 search.
#include <charconv>
#include <cmath>
#include <map>
#include <variant>

#include <fmt/format.h>

#include "core/error.h"
#include "core/text.h"
#include "storage/sqlite/feature_prefetch.h"
#include "storage/sqlite/feature_sql.h"
#include "storage/sqlite/sqlite_store.h"

namespace jobfit::sqlite {

namespace {

constexpr std::string_view kInsertRow =
    "INSERT INTO postings (title, company, url, canonical_url, source, source_id, identity_key, "
    "description, skills, posted_date, work_mode, employment_type, seniority, pay_period, "
    "pay_min, pay_max, pay_currency, pay_annual_min, pay_annual_max, travel_share, on_call, "
    "shifts, weekends, overtime, manages_people, reports, content_hash, first_seen, last_seen, id) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, "
    "?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30)";

// Same numbering as kInsertRow; first_seen (?28) is kept.
constexpr std::string_view kUpdateRow =
    "UPDATE postings SET title=?1, company=?2, url=?3, canonical_url=?4, source=?5, "
    "source_id=?6, identity_key=?7, description=?8, skills=?9, posted_date=?10, work_mode=?11, "
    "employment_type=?12, seniority=?13, pay_period=?14, pay_min=?15, pay_max=?16, "
    "pay_currency=?17, pay_annual_min=?18, pay_annual_max=?19, travel_share=?20, on_call=?21, "
    "shifts=?22, weekends=?23, overtime=?24, manages_people=?25, reports=?26, content_hash=?27, "
    "last_seen=max(last_seen, ?29) WHERE id=?30";

// BM25 column weights: title, company, description, skills (the title weighs most). The same
// as the index's configured rank (migration 3), which other tools' ORDER BY rank uses.
constexpr std::string_view kRankWeights = "8.0, 4.0, 1.0, 4.0";

constexpr std::string_view kSummaryColumns =
    "p.id, p.title, p.company, p.work_mode, p.employment_type, p.seniority, p.pay_period, "
    "p.pay_min, p.pay_max, p.pay_currency, p.pay_annual_min, p.pay_annual_max, p.source, p.url, "
    "p.posted_date, p.first_seen, p.last_seen, "
    "(SELECT group_concat(location, char(31)) FROM (SELECT location FROM posting_locations "
    "WHERE posting_id = p.id ORDER BY position))";

std::optional<double> optionalReal(const Statement& st, int column) {
  if (st.isNull(column)) return std::nullopt;
  return st.real(column);
}

Instant instantAt(int64_t seconds) { return Instant{std::chrono::seconds{seconds}}; }
int64_t secondsOf(Instant t) { return static_cast<int64_t>(t.time_since_epoch().count()); }

template <typename E>
E enumColumn(const Statement& st, int column, std::optional<E> (*parse)(std::string_view)) {
  return parse(st.textView(column)).value_or(E{});
}

std::vector<std::string> splitUnits(const std::string& joined) {
  std::vector<std::string> out;
  if (joined.empty()) return out;
  size_t start = 0;
  while (true) {
    size_t end = joined.find('\x1f', start);
    out.push_back(joined.substr(start, end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

// Reads the pay columns starting at `column` (period, min, max, currency, annual min, max).
std::optional<Pay> readPay(const Statement& st, int column) {
  if (st.isNull(column)) return std::nullopt;
  Pay pay;
  pay.period = parsePayPeriod(st.text(column)).value_or(PayPeriod::year);
  pay.min = optionalReal(st, column + 1);
  pay.max = optionalReal(st, column + 2);
  pay.currency = st.text(column + 3);
  pay.annualMin = optionalReal(st, column + 4);
  pay.annualMax = optionalReal(st, column + 5);
  return pay;
}

PostingSummary readSummary(const Statement& st) {
  PostingSummary s;
  s.id = st.integer(0);
  s.title = st.text(1);
  s.company = st.text(2);
  s.workMode = enumColumn(st, 3, parseWorkMode);
  s.employmentType = enumColumn(st, 4, parseEmploymentType);
  s.seniority = enumColumn(st, 5, parseSeniority);
  s.pay = readPay(st, 6);
  s.source = st.text(12);
  s.url = st.text(13);
  s.postedDate = st.text(14);
  s.firstSeen = instantAt(st.integer(15));
  s.lastSeen = instantAt(st.integer(16));
  s.locations = splitUnits(st.text(17));
  return s;
}

// Parameters of a dynamically built WHERE clause, bound in order.
using Parameter = std::variant<int64_t, double, std::string>;

std::string filterSql(const PostingFilter& f, std::vector<Parameter>& params) {
  std::string sql;
  if (f.workMode) {
    sql += " AND p.work_mode = ?";
    params.emplace_back(std::string(toString(*f.workMode)));
  }
  if (f.minAnnualPay) {
    sql += " AND coalesce(p.pay_annual_max, p.pay_annual_min) >= ?";
    params.emplace_back(*f.minAnnualPay);
  }
  if (f.currency) {
    sql += " AND p.pay_currency = ?";
    params.emplace_back(*f.currency);
  }
  if (f.employmentType) {
    sql += " AND p.employment_type = ?";
    params.emplace_back(std::string(toString(*f.employmentType)));
  }
  if (f.seniority) {
    sql += " AND p.seniority = ?";
    params.emplace_back(std::string(toString(*f.seniority)));
  }
  if (f.noOnCall) sql += " AND p.on_call = 0";
  if (f.maxTravel) {
    sql += " AND (p.travel_share IS NULL OR p.travel_share <= ?)";
    params.emplace_back(*f.maxTravel);
  }
  return sql;
}

int bindAll(Statement& st, const std::vector<Parameter>& params, int index = 1) {
  for (const auto& p : params) std::visit([&](const auto& v) { st.bind(index++, v); }, p);
  return index;
}

// Turns what a person types into an FTS5 query: each word or "quoted phrase" becomes a quoted
// FTS5 string (so punctuation such as C++ or "-" cannot break the syntax), a trailing * keeps
// prefix matching, and OR between terms is kept. Terms are otherwise all required.
std::string ftsQuery(std::string_view text) {
  std::vector<std::string> terms;
  size_t i = 0;
  auto quote = [](std::string_view s) {
    std::string out = "\"";
    for (char c : s) {
      if (c == '"') out += '"';
      out += c;
    }
    return out + "\"";
  };
  while (i < text.size()) {
    char c = text[i];
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
      continue;
    }
    if (c == '"') {
      size_t end = text.find('"', i + 1);
      if (end == std::string_view::npos) end = text.size();
      auto phrase = trim(text.substr(i + 1, end - i - 1));
      if (!phrase.empty()) terms.push_back(quote(phrase));
      i = end + 1;
      continue;
    }
    size_t end = i;
    while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end])) &&
           text[end] != '"')
      ++end;
    std::string_view word = text.substr(i, end - i);
    i = end;
    if (word == "OR") {
      if (!terms.empty() && terms.back() != "OR") terms.emplace_back("OR");
      continue;
    }
    bool prefix = word.size() > 1 && word.back() == '*';
    if (prefix) word.remove_suffix(1);
    // A word that is only punctuation has no tokens; FTS5 would reject the empty string.
    bool hasToken = false;
    for (unsigned char ch : word) hasToken = hasToken || std::isalnum(ch) || ch >= 0x80;
    if (!hasToken) continue;
    terms.push_back(quote(word) + (prefix ? "*" : ""));
  }
  while (!terms.empty() && terms.back() == "OR") terms.pop_back();
  if (!terms.empty() && terms.front() == "OR") terms.erase(terms.begin());
  return join(terms, " ");
}

struct FactEvidence {
  std::string_view fact;
  std::vector<Span> Posting::*spans;
};

// Facts whose evidence sits directly in a Posting member.
constexpr FactEvidence kSpanFacts[] = {
    {"work_mode", &Posting::workModeEvidence},
    {"employment_type", &Posting::employmentTypeEvidence},
    {"seniority", &Posting::seniorityEvidence},
    {"travel", &Posting::travelEvidence},
    {"skills", &Posting::skillEvidence},
};

struct FlagFact {
  std::string_view fact;
  Flag Posting::*flag;
};

constexpr FlagFact kFlagFacts[] = {
    {"on_call", &Posting::onCall},   {"shifts", &Posting::shifts},
    {"weekends", &Posting::weekends}, {"overtime", &Posting::overtime},
    {"manages_people", &Posting::managesPeople},
};

}  // namespace

constexpr size_t kEvidenceRowsPerInsert = 16;

constexpr std::string_view kSignalsInto =
    " INTO posting_value_signals (posting_id, learning, autonomy, pay, stability, "
    "time_and_health, people, meaning, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

struct SqlitePostingStore::Prepared {
  explicit Prepared(Connection& db)
      : insertRow(db.prepare(kInsertRow)),
        updateRow(db.prepare(kUpdateRow)),
        touch(db.prepare("UPDATE postings SET last_seen = max(last_seen, ?) WHERE id = ?")),
        // A candidate whose ATS id (same source, both ids known) differs is another job.
        bySourceId(db.prepare("SELECT id, content_hash FROM postings WHERE source = ?3 AND "
                              "source_id = ?1 AND source_id <> '' ORDER BY id LIMIT 1")),
        byUrl(db.prepare("SELECT id, content_hash FROM postings WHERE canonical_url = ?1 AND "
                         "canonical_url <> '' AND NOT (?2 <> '' AND source = ?3 AND "
                         "source_id <> '' AND source_id <> ?2) ORDER BY id LIMIT 1")),
        byIdentity(db.prepare("SELECT id, content_hash FROM postings WHERE identity_key = ?1 "
                              "AND identity_key <> '' AND NOT (?2 <> '' AND source = ?3 AND "
                              "source_id <> '' AND source_id <> ?2) ORDER BY id LIMIT 1")),
        indexed(db.prepare(
            "SELECT title, company, description, skills FROM postings WHERE id = ?")),
        indexInsert(db.prepare("INSERT INTO postings_fts (rowid, title, company, description, "
                               "skills) VALUES (?, ?, ?, ?, ?)")),
        indexDelete(db.prepare("INSERT INTO postings_fts (postings_fts, rowid, title, company, "
                               "description, skills) VALUES ('delete', ?, ?, ?, ?, ?)")),
        byContent(db.prepare("SELECT id FROM postings WHERE content_hash = ? ORDER BY id LIMIT 1")),
        deleteLocations(db.prepare("DELETE FROM posting_locations WHERE posting_id = ?")),
        deleteActivities(db.prepare("DELETE FROM posting_activities WHERE posting_id = ?")),
        deleteSkills(db.prepare("DELETE FROM posting_skills WHERE posting_id = ?")),
        deleteEvidence(db.prepare("DELETE FROM posting_evidence WHERE posting_id = ?")),
        insertLocation(db.prepare(
            "INSERT INTO posting_locations (posting_id, position, location) VALUES (?, ?, ?)")),
        insertActivity(db.prepare("INSERT INTO posting_activities (posting_id, position, "
                                  "activity, share) VALUES (?, ?, ?, ?)")),
        insertSkill(db.prepare(
            "INSERT INTO posting_skills (posting_id, position, skill) VALUES (?, ?, ?)")),
        writeFeatures(db.prepare(
            "INSERT OR REPLACE INTO posting_fit_features (posting_id, work_mode, employment_type, "
            "pay_annual_min, pay_annual_max, pay_currency, travel_share, on_call, locations, "
            "activities) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")),
        replaceSignals(db.prepare(std::string("INSERT OR REPLACE") + std::string(kSignalsInto))),
        keepSignals(db.prepare(std::string("INSERT OR IGNORE") + std::string(kSignalsInto))) {}

  // The statement inserting n evidence rows at once, prepared on first use.
  Statement& insertEvidence(Connection& db, size_t n) {
    auto it = evidenceInserts.find(n);
    if (it != evidenceInserts.end()) return it->second;
    std::string sql =
        "INSERT INTO posting_evidence (posting_id, fact, item, position, span_begin, span_end, "
        "phrase) VALUES (?, ?, ?, ?, ?, ?, ?)";
    for (size_t i = 1; i < n; ++i) sql += ", (?, ?, ?, ?, ?, ?, ?)";
    return evidenceInserts.emplace(n, db.prepare(sql)).first->second;
  }

  Statement insertRow, updateRow, touch, bySourceId, byUrl, byIdentity, indexed, indexInsert,
      indexDelete, byContent;
  Statement deleteLocations, deleteActivities, deleteSkills, deleteEvidence;
  Statement insertLocation, insertActivity, insertSkill;
  Statement writeFeatures, replaceSignals, keepSignals;
  std::map<size_t, Statement> evidenceInserts;
};

SqlitePostingStore::Prepared& SqlitePostingStore::prepared() {
  if (!prepared_) prepared_ = std::make_shared<Prepared>(db_);
  return *prepared_;
}

namespace {

void bindRow(Statement& st, const Posting& p, uint64_t hash) {
  st.bind(1, p.title).bind(2, p.company).bind(3, p.url).bind(4, canonicalUrl(p.url));
  st.bind(5, p.source).bind(6, p.sourceId).bind(7, identityKey(p)).bind(8, p.description);
  st.bind(9, join(p.skills, "\n")).bind(10, p.postedDate);
  st.bind(11, toString(p.workMode)).bind(12, toString(p.employmentType));
  st.bind(13, toString(p.seniority));
  if (p.pay) {
    st.bind(14, toString(p.pay->period)).bind(15, p.pay->min).bind(16, p.pay->max);
    st.bind(17, p.pay->currency).bind(18, p.pay->annualMin).bind(19, p.pay->annualMax);
  } else {
    for (int i = 14; i <= 19; ++i) st.bindNull(i);
  }
  st.bind(20, p.travelShare);
  st.bind(21, p.onCall.value ? 1 : 0).bind(22, p.shifts.value ? 1 : 0);
  st.bind(23, p.weekends.value ? 1 : 0).bind(24, p.overtime.value ? 1 : 0);
  st.bind(25, p.managesPeople.value ? 1 : 0).bind(26, p.reports);
  st.bind(27, static_cast<int64_t>(hash));
}

}  // namespace

void SqlitePostingStore::indexAdd(int64_t id, const Posting& p) {
  pendingIndex_.push_back({false, id, p.title, p.company, p.description, join(p.skills, "\n")});
  if (sqlite3_get_autocommit(db_.handle())) flushIndex();
}

void SqlitePostingStore::indexRemove(int64_t id) {
  // An external-content index forgets a row only when told the exact values it indexed:
  // the row as it is now (a queued write for it comes first in the queue).
  auto& s = prepared();
  s.indexed.reset();
  s.indexed.bind(1, id);
  if (!s.indexed.step()) return;
  pendingIndex_.push_back({true, id, s.indexed.text(0), s.indexed.text(1), s.indexed.text(2),
                           s.indexed.text(3)});
  s.indexed.reset();
  if (sqlite3_get_autocommit(db_.handle())) flushIndex();
}

void SqlitePostingStore::flushIndex() {
  if (pendingIndex_.empty()) return;
  auto& s = prepared();
  for (const auto& w : pendingIndex_) {
    auto& st = w.remove ? s.indexDelete : s.indexInsert;
    st.reset();
    st.bind(1, w.id).bind(2, w.title).bind(3, w.company).bind(4, w.description).bind(5, w.skills);
    st.run();
  }
  pendingIndex_.clear();
}

int64_t SqlitePostingStore::insertRow(const Posting& p, int64_t id, Instant firstSeen,
                                      Instant lastSeen, uint64_t hash) {
  auto& st = prepared().insertRow;
  st.reset();
  bindRow(st, p, hash);
  st.bind(28, secondsOf(firstSeen)).bind(29, secondsOf(lastSeen));
  if (id > 0)
    st.bind(30, id);
  else
    st.bindNull(30);
  st.run();
  int64_t rowId = db_.lastInsertId();
  indexAdd(rowId, p);
  return rowId;
}

void SqlitePostingStore::updateRow(const Posting& p, int64_t id, Instant lastSeen,
                                   uint64_t hash) {
  indexRemove(id);
  auto& st = prepared().updateRow;
  st.reset();
  bindRow(st, p, hash);
  st.bind(29, secondsOf(lastSeen)).bind(30, id).run();
  indexAdd(id, p);
}

void SqlitePostingStore::writeChildren(int64_t id, const Posting& p, bool replace) {
  auto& s = prepared();
  if (replace) {
    for (auto* del : {&s.deleteLocations, &s.deleteActivities, &s.deleteSkills, &s.deleteEvidence}) {
      del->reset();
      del->bind(1, id).run();
    }
  }
  writeFeatures(id, p);
  for (size_t i = 0; i < p.locations.size(); ++i) {
    s.insertLocation.reset();
    s.insertLocation.bind(1, id).bind(2, static_cast<int64_t>(i)).bind(3, p.locations[i]).run();
  }
  for (size_t i = 0; i < p.activities.size(); ++i) {
    s.insertActivity.reset();
    s.insertActivity.bind(1, id).bind(2, static_cast<int64_t>(i)).bind(3, p.activities[i].activity)
        .bind(4, p.activities[i].share).run();
  }
  for (size_t i = 0; i < p.skills.size(); ++i) {
    s.insertSkill.reset();
    s.insertSkill.bind(1, id).bind(2, static_cast<int64_t>(i)).bind(3, p.skills[i]).run();
  }
  // Evidence is most of the rows a posting has: written several rows per statement.
  struct Row {
    std::string_view fact, item;
    size_t position;
    const Span* span;
  };
  std::vector<Row> rows;
  auto evidence = [&](std::string_view fact, std::string_view item, const std::vector<Span>& spans) {
    for (size_t i = 0; i < spans.size(); ++i) rows.push_back({fact, item, i, &spans[i]});
  };
  for (const auto& f : kSpanFacts) evidence(f.fact, "", p.*f.spans);
  for (const auto& f : kFlagFacts) evidence(f.fact, "", (p.*f.flag).evidence);
  if (p.pay) evidence("pay", "", p.pay->evidence);
  for (const auto& a : p.activities) evidence("activity", a.activity, a.evidence);
  for (size_t start = 0; start < rows.size(); start += kEvidenceRowsPerInsert) {
    size_t n = std::min(kEvidenceRowsPerInsert, rows.size() - start);
    auto& st = s.insertEvidence(db_, n);
    st.reset();
    int index = 1;
    for (size_t r = start; r < start + n; ++r) {
      st.bind(index, id).bind(index + 1, rows[r].fact).bind(index + 2, rows[r].item);
      st.bind(index + 3, static_cast<int64_t>(rows[r].position));
      st.bind(index + 4, static_cast<int64_t>(rows[r].span->begin));
      st.bind(index + 5, static_cast<int64_t>(rows[r].span->end));
      st.bind(index + 6, rows[r].span->text);
      index += 7;
    }
    st.run();
  }
}

void SqlitePostingStore::writeValueSignals(int64_t id,
                                           const std::array<float, kValueCount>& signals,
                                           bool replace) {
  auto& st = replace ? prepared().replaceSignals : prepared().keepSignals;
  st.reset();
  st.bind(1, id);
  for (size_t i = 0; i < kValueCount; ++i)
    st.bind(static_cast<int>(i + 2), static_cast<double>(signals[i]));
  st.run();
}

UpsertResult SqlitePostingStore::upsert(const Posting& p, Instant seenAt,
                                        const std::array<float, kValueCount>* valueSignals) {
  auto& s = prepared();
  uint64_t hash = contentHash(p);
  // The strongest key first: the ATS id, then the canonical URL, then company + title + place.
  std::optional<std::pair<int64_t, uint64_t>> match;
  auto take = [&](Statement& st, std::string_view key) {
    if (match || key.empty()) return;
    st.reset();
    st.bind(1, key).bind(2, p.sourceId).bind(3, p.source);
    if (st.step()) match.emplace(st.integer(0), static_cast<uint64_t>(st.integer(1)));
    st.reset();
  };
  std::string url = canonicalUrl(p.url), identity = identityKey(p);
  if (!p.sourceId.empty()) take(s.bySourceId, p.sourceId);
  take(s.byUrl, url);
  take(s.byIdentity, identity);
  // A posting without any key (pasted text naming no company) still is not stored twice.
  if (p.sourceId.empty() && url.empty() && identity.empty()) {
    s.byContent.reset();
    s.byContent.bind(1, static_cast<int64_t>(hash));
    if (s.byContent.step()) match.emplace(s.byContent.integer(0), hash);
    s.byContent.reset();
  }

  if (!match) {
    int64_t id = insertRow(p, 0, seenAt, seenAt, hash);
    writeChildren(id, p, false);
    if (valueSignals) writeValueSignals(id, *valueSignals, true);
    return {id, UpsertOutcome::added};
  }
  auto [id, storedHash] = *match;
  if (storedHash == hash) {
    s.touch.reset();
    s.touch.bind(1, secondsOf(seenAt)).bind(2, id).run();
    if (valueSignals) writeValueSignals(id, *valueSignals, false);
    return {id, UpsertOutcome::unchanged};
  }
  updateRow(p, id, seenAt, hash);
  writeChildren(id, p, true);
  // After the row: changing the text drops the stored signals (migration 5's trigger).
  if (valueSignals) writeValueSignals(id, *valueSignals, true);
  return {id, UpsertOutcome::updated};
}

int64_t SqlitePostingStore::restore(const StoredPosting& sp) {
  int64_t id = insertRow(sp.posting, sp.posting.id, sp.firstSeen, sp.lastSeen,
                         contentHash(sp.posting));
  writeChildren(id, sp.posting, false);
  return id;
}

void SqlitePostingStore::readChildren(int64_t id, Posting& p) {
  auto locations = db_.prepare(
      "SELECT location FROM posting_locations WHERE posting_id = ? ORDER BY position");
  locations.bind(1, id);
  while (locations.step()) p.locations.push_back(locations.text(0));
  auto activities = db_.prepare(
      "SELECT activity, share FROM posting_activities WHERE posting_id = ? ORDER BY position");
  activities.bind(1, id);
  while (activities.step()) p.activities.push_back({activities.text(0), activities.real(1), {}});
  auto skills =
      db_.prepare("SELECT skill FROM posting_skills WHERE posting_id = ? ORDER BY position");
  skills.bind(1, id);
  while (skills.step()) p.skills.push_back(skills.text(0));
  auto evidence = db_.prepare(
      "SELECT fact, item, span_begin, span_end, phrase FROM posting_evidence WHERE posting_id = ? "
      "ORDER BY fact, item, position");
  evidence.bind(1, id);
  while (evidence.step()) {
    std::string fact = evidence.text(0), item = evidence.text(1);
    Span span{static_cast<uint32_t>(evidence.integer(2)), static_cast<uint32_t>(evidence.integer(3)),
              evidence.text(4)};
    std::vector<Span>* into = nullptr;
    for (const auto& f : kSpanFacts)
      if (f.fact == fact) into = &(p.*f.spans);
    for (const auto& f : kFlagFacts)
      if (f.fact == fact) into = &(p.*f.flag).evidence;
    if (fact == "pay" && p.pay) into = &p.pay->evidence;
    if (fact == "activity")
      for (auto& a : p.activities)
        if (a.activity == item) into = &a.evidence;
    if (into) into->push_back(std::move(span));
  }
}

std::optional<StoredPosting> SqlitePostingStore::find(int64_t id) {
  auto st = db_.prepare(
      "SELECT id, title, company, url, source, source_id, description, posted_date, work_mode, "
      "employment_type, seniority, pay_period, pay_min, pay_max, pay_currency, pay_annual_min, "
      "pay_annual_max, travel_share, on_call, shifts, weekends, overtime, manages_people, reports, "
      "first_seen, last_seen FROM postings WHERE id = ?");
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  StoredPosting sp;
  Posting& p = sp.posting;
  p.id = st.integer(0);
  p.title = st.text(1);
  p.company = st.text(2);
  p.url = st.text(3);
  p.source = st.text(4);
  p.sourceId = st.text(5);
  p.description = st.text(6);
  p.postedDate = st.text(7);
  p.workMode = enumColumn(st, 8, parseWorkMode);
  p.employmentType = enumColumn(st, 9, parseEmploymentType);
  p.seniority = enumColumn(st, 10, parseSeniority);
  p.pay = readPay(st, 11);
  p.travelShare = optionalReal(st, 17);
  int column = 18;
  for (const auto& f : kFlagFacts) (p.*f.flag).value = st.integer(column++) != 0;
  if (auto r = st.optionalInteger(23)) p.reports = static_cast<int>(*r);
  sp.firstSeen = instantAt(st.integer(24));
  sp.lastSeen = instantAt(st.integer(25));
  readChildren(id, p);
  return sp;
}

void SqlitePostingStore::remove(int64_t id) {
  indexRemove(id);
  auto st = db_.prepare("DELETE FROM postings WHERE id = ?");
  st.bind(1, id).run();
  if (db_.changes() == 0)
    throw Error(ErrorCode::not_found, fmt::format("no posting with id {}", id), "id",
                "list them with 'jobfit postings'");
}

std::vector<PostingSummary> SqlitePostingStore::list(const PostingQuery& q) {
  std::vector<Parameter> params;
  std::string sql = fmt::format("SELECT {} FROM postings p WHERE 1{} ORDER BY p.last_seen DESC, "
                                "p.id DESC LIMIT ? OFFSET ?",
                                kSummaryColumns, filterSql(q.filter, params));
  auto st = db_.prepare(sql);
  int i = bindAll(st, params);
  st.bind(i, static_cast<int64_t>(q.limit.value_or(-1)));
  st.bind(i + 1, static_cast<int64_t>(q.offset));
  std::vector<PostingSummary> out;
  while (st.step()) out.push_back(readSummary(st));
  return out;
}

namespace {

// The FTS5 expression for a search; throws Error(usage) when it has no words.
std::string matchExpression(const std::string& text) {
  std::string match = ftsQuery(text);
  if (match.empty())
    throw Error(ErrorCode::usage, "the search has no words to look for", "query",
                "for example: jobfit postings search \"data engineer\"");
  return match;
}

Error unreadableQuery(const std::string& text, const Error& e) {
  return Error(ErrorCode::usage, fmt::format("cannot search for '{}': {}", text, e.what()), "query");
}

}  // namespace

std::set<int64_t> SqlitePostingStore::matchingIds(const std::string& text) {
  flushIndex();
  std::string match = matchExpression(text);
  std::set<int64_t> ids;
  try {
    auto st = db_.prepare("SELECT rowid FROM postings_fts WHERE postings_fts MATCH ?");
    st.bind(1, match);
    while (st.step()) ids.insert(ids.end(), st.integer(0));
  } catch (const Error& e) {
    throw unreadableQuery(text, e);
  }
  return ids;
}

std::vector<SearchHit> SqlitePostingStore::search(const std::string& text, const PostingQuery& q) {
  flushIndex();
  std::string match = matchExpression(text);
  // First the ids in rank order, then the summaries and snippets of only the hits shown.
  // jobfit_rank (fts_rank.h) is FTS5's bm25 with the weights below, exact for the first
  // limit + offset rows, without reading the length of rows that cannot reach them. Filters
  // become one set of ids, read from the covering index postings_by_facts (migration 6), that
  // each match is checked against: a posting's own row holds its facts after the description,
  // in overflow pages, and the '+' keeps SQLite from probing the index once per id instead.
  std::vector<Parameter> params;
  std::string filters = filterSql(q.filter, params);
  int64_t keep = q.limit ? static_cast<int64_t>(*q.limit) + q.offset : 0;
  std::string sql = fmt::format(
      "SELECT f.rowid, jobfit_rank(f.postings_fts, ?, {}) AS score FROM postings_fts f WHERE "
      "f.postings_fts MATCH ?{} ORDER BY score LIMIT ? OFFSET ?",
      kRankWeights,
      filters.empty() ? "" : fmt::format(" AND +f.rowid IN (SELECT p.id FROM postings p WHERE 1{})", filters));
  std::vector<std::pair<int64_t, double>> ranked;
  try {
    auto st = db_.prepare(sql);
    st.bind(1, keep).bind(2, match);
    int i = bindAll(st, params, 3);
    st.bind(i, static_cast<int64_t>(q.limit.value_or(-1)));
    st.bind(i + 1, static_cast<int64_t>(q.offset));
    while (st.step()) ranked.emplace_back(st.integer(0), st.real(1));
  } catch (const Error& e) {
    throw unreadableQuery(text, e);
  }
  std::vector<SearchHit> hits;
  if (ranked.empty()) return hits;
  auto summary = db_.prepare(fmt::format("SELECT {} FROM postings p WHERE p.id = ?", kSummaryColumns));
  // Snippet markers are control characters that cannot occur in the indexed text.
  auto snippet = db_.prepare(
      "SELECT snippet(postings_fts, 2, char(1), char(2), '…', 24) FROM postings_fts WHERE "
      "postings_fts MATCH ? AND rowid = ?");
  for (const auto& [id, rank] : ranked) {
    summary.reset();
    summary.bind(1, id);
    if (!summary.step()) continue;
    SearchHit hit;
    hit.posting = readSummary(summary);
    hit.score = -rank;
    snippet.reset();
    snippet.bind(1, match).bind(2, id);
    if (snippet.step()) {
      for (char c : snippet.text(0)) {
        if (c == '\x01')
          hit.highlights.emplace_back(hit.snippet.size(), hit.snippet.size());
        else if (c == '\x02' && !hit.highlights.empty())
          hit.highlights.back().second = hit.snippet.size();
        else
          hit.snippet += c;
      }
    }
    hits.push_back(std::move(hit));
  }
  return hits;
}

int64_t SqlitePostingStore::count() {
  auto st = db_.prepare("SELECT count(*) FROM postings");
  st.step();
  return st.integer(0);
}

void SqlitePostingStore::optimizeIndex() {
  flushIndex();
  db_.exec("INSERT INTO postings_fts (postings_fts) VALUES ('optimize')");
}

void SqlitePostingStore::forEach(const std::function<void(const StoredPosting&)>& visit) {
  auto ids = db_.prepare("SELECT id FROM postings ORDER BY id");
  while (ids.step())
    if (auto sp = find(ids.integer(0))) visit(*sp);
}

void SqlitePostingStore::writeFeatures(int64_t id, const Posting& p) {
  std::string activities;
  for (const auto& a : p.activities) {
    if (!activities.empty()) activities += ';';
    // The shortest text that reads back as the same float: the ranking holds floats.
    activities += fmt::format("{}={}", a.activity, static_cast<float>(a.share));
  }
  auto& st = prepared().writeFeatures;
  st.reset();
  st.bind(1, id).bind(2, toString(p.workMode)).bind(3, toString(p.employmentType));
  if (p.pay)
    st.bind(4, p.pay->annualMin).bind(5, p.pay->annualMax).bind(6, p.pay->currency);
  else
    st.bindNull(4).bindNull(5).bind(6, "");
  st.bind(7, p.travelShare).bind(8, p.onCall.value ? 1 : 0).bind(9, join(p.locations, "; "));
  st.bind(10, activities).run();
}

namespace {

// Reads features rows (kFeatureQueries[0] or kFeatureProbes[0]) into one PostingFeatures,
// reusing its buffer for the parsed activity shares.
class FeatureReader {
 public:
  const PostingFeatures& read(const Statement& st) {
    f_.id = st.integer(0);
    f_.workMode = enumColumn(st, 1, parseWorkMode);
    f_.employmentType = enumColumn(st, 2, parseEmploymentType);
    f_.annualMin = optionalReal(st, 3);
    f_.annualMax = optionalReal(st, 4);
    f_.currency = st.textView(5);
    f_.travelShare = optionalReal(st, 6);
    f_.onCall = st.integer(7) != 0;
    f_.locations = st.textView(8);
    shares_.clear();
    std::string_view text = st.textView(9);
    while (!text.empty()) {
      size_t end = text.find(';');
      std::string_view item = text.substr(0, end);
      size_t eq = item.find('=');
      float share = 0;
      if (eq != std::string_view::npos) {
        std::from_chars(item.data() + eq + 1, item.data() + item.size(), share);
        shares_.emplace_back(item.substr(0, eq), share);
      }
      text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    }
    f_.activities = shares_;
    f_.valueSignals = {};
    return f_;
  }
  // Attaches the value signals in columns 1-8 of st.
  const PostingFeatures& withSignals(const Statement& st) {
    for (int i = 0; i < 8; ++i) signals_[static_cast<size_t>(i)] = static_cast<float>(st.real(i + 1));
    f_.valueSignals = signals_;
    return f_;
  }

 private:
  PostingFeatures f_;
  std::vector<std::pair<std::string_view, float>> shares_;
  std::array<float, 8> signals_{};
};

// Below this many ids, `only` is read by probing each id rather than by the full pass.
constexpr size_t kProbeAtMost = 50'000;
// Connections warming the pages of a full pass.
constexpr int kPrefetchReaders = 4;

}  // namespace

void SqlitePostingStore::forEachFeatures(const std::set<int64_t>* only,
                                         const std::function<void(const PostingFeatures&)>& visit) {
  FeatureReader reader;
  if (only && only->size() <= kProbeAtMost) {
    auto rows = db_.prepare(kFeatureProbes[0]);
    auto signals = db_.prepare(kFeatureProbes[1]);
    for (int64_t id : *only) {
      rows.reset();
      rows.bind(1, id);
      if (!rows.step()) continue;
      const PostingFeatures* f = &reader.read(rows);
      signals.reset();
      signals.bind(1, id);
      if (signals.step()) f = &reader.withSignals(signals);
      visit(*f);
    }
    return;
  }
  // Readers of their own warm the pages ahead of the pass (feature_prefetch.h).
  std::optional<FeaturePrefetch> prefetch;
  if (auto range = db_.prepare(kFeatureIdRange); range.step() && !range.isNull(0))
    prefetch.emplace(sqlite3_db_filename(db_.handle(), "main"), range.integer(0), range.integer(1),
                     kPrefetchReaders);
  // Two cursors in posting id order, merged: one pass over each table, nothing held.
  auto rows = db_.prepare(kFeatureQueries[0]);
  auto signals = db_.prepare(kFeatureQueries[1]);
  bool moreSignals = signals.step();
  auto wanted = only ? only->begin() : std::set<int64_t>::const_iterator{};
  while (rows.step()) {
    int64_t id = rows.integer(0);
    if (only) {
      while (wanted != only->end() && *wanted < id) ++wanted;
      if (wanted == only->end()) break;
      if (*wanted != id) continue;
    }
    const PostingFeatures* f = &reader.read(rows);
    while (moreSignals && signals.integer(0) < id) moreSignals = signals.step();
    if (moreSignals && signals.integer(0) == id) f = &reader.withSignals(signals);
    visit(*f);
  }
}

}  // namespace jobfit::sqlite
