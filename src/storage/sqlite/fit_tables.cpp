// SQL for fit: appeal ratings and value signals.
#include <fmt/format.h>

#include "core/error.h"
#include "storage/sqlite/sqlite_store.h"

namespace jobfit::sqlite {

void SqliteFitStore::setAppeal(const Appeal& a) {
  auto exists = db_.prepare("SELECT 1 FROM postings WHERE id = ?");
  exists.bind(1, a.postingId);
  if (!exists.step())
    throw Error(ErrorCode::not_found, fmt::format("no posting with id {}", a.postingId), "id");
  auto st = db_.prepare(
      "INSERT INTO posting_appeal (posting_id, appeal, day) VALUES (?, ?, ?) "
      "ON CONFLICT (posting_id) DO UPDATE SET appeal = excluded.appeal, day = excluded.day");
  st.bind(1, a.postingId).bind(2, a.appeal).bind(3, formatDate(a.day)).run();
}

void SqliteFitStore::removeAppeal(int64_t postingId) {
  db_.prepare("DELETE FROM posting_appeal WHERE posting_id = ?").bind(1, postingId).run();
  if (db_.changes() == 0)
    throw Error(ErrorCode::not_found, fmt::format("posting {} has no appeal rating", postingId), "id");
}

std::vector<Appeal> SqliteFitStore::appeals() {
  auto st = db_.prepare("SELECT posting_id, appeal, day FROM posting_appeal ORDER BY posting_id");
  std::vector<Appeal> out;
  while (st.step())
    out.push_back({st.integer(0), static_cast<int>(st.integer(1)), parseDate(st.text(2))});
  return out;
}

std::vector<int64_t> SqliteFitStore::postingsWithoutValueSignals() {
  auto st = db_.prepare(
      "SELECT p.id FROM postings p LEFT JOIN posting_value_signals v ON v.posting_id = p.id "
      "WHERE v.posting_id IS NULL ORDER BY p.id");
  std::vector<int64_t> out;
  while (st.step()) out.push_back(st.integer(0));
  return out;
}

void SqliteFitStore::setValueSignals(int64_t postingId,
                                     const std::array<float, kValueCount>& signals) {
  auto st = db_.prepare(
      "INSERT OR REPLACE INTO posting_value_signals (posting_id, learning, autonomy, pay, "
      "stability, time_and_health, people, meaning, status) VALUES (?,?,?,?,?,?,?,?,?)");
  st.bind(1, postingId);
  for (size_t i = 0; i < kValueCount; ++i) st.bind(static_cast<int>(i + 2), static_cast<double>(signals[i]));
  st.run();
}

}  // namespace jobfit::sqlite
