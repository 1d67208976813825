// Export -> import into an empty database -> export gives the identical document.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "archive/archive.h"
#include "support/cli.h"

namespace jobfit {
namespace {

const Clock kClock = Clock::fixed(parseInstant("2026-03-13T17:00:00Z"), date::locate_zone("Europe/Berlin"));

rc::Gen<std::string> text() {
  return rc::gen::map(rc::gen::container<std::vector<int>>(rc::gen::inRange(0, 12)),
                      [](const std::vector<int>& picks) {
                        static const char* pieces[] = {"a", "Z", " ", "\"", "\\", "\n", "ü",
                                                       "✓", "{", "0", "é", "\t"};
                        std::string s;
                        for (int p : picks) s += pieces[p];
                        return s;
                      });
}

std::optional<int> rating(int lo, int hi) {
  if (*rc::gen::inRange(0, 3) == 0) return std::nullopt;
  return *rc::gen::inRange(lo, hi + 1);
}

rc::Gen<Episode> episode() {
  static const std::vector<std::string> ids = {"writing", "meetings", "analysis", "selling",
                                               "managing-people", "travel", "mine"};
  return rc::gen::exec([] {
    Episode e;
    int day = *rc::gen::inRange(0, 700);
    e.date = addDays(parseDate("2024-04-01"), day);
    if (*rc::gen::arbitrary<bool>())
      e.start = kClock.startOf(e.date) + std::chrono::seconds{*rc::gen::inRange(0, 86399)};
    e.minutes = *rc::gen::inRange(1, 1441);
    for (const auto& id : ids)
      if (*rc::gen::inRange(0, 4) == 0) e.activities.push_back(id);
    if (e.activities.empty()) e.activities.push_back("writing");
    e.with = *text();
    e.note = *text();
    e.ratings = Ratings{rating(0, 6), rating(0, 6), rating(0, 6), rating(0, 6),
                        rating(0, 6), rating(0, 6), rating(-2, 2)};
    return e;
  });
}

RC_GTEST_PROP(Archive, ExportImportExportIsIdentity, ()) {
  auto episodes = *rc::gen::resize(30, rc::gen::container<std::vector<Episode>>(episode()));
  testing::TempDir dir;
  auto a = openSqliteStore(dir / "a.db");
  a->transaction([&] {
    a->activities().add(Activity{"mine", "Mine", "my own", {"4.A.1.a.1"}, true});
    for (const auto& e : episodes) a->episodes().add(e);
    a->settings().set("silence.applied", "30");
  });
  auto first = exportArchive(*a);
  auto b = openSqliteStore(dir / "b.db");
  importArchive(*b, first, kClock);
  auto second = exportArchive(*b);
  RC_ASSERT(first.dump() == second.dump());
}

}  // namespace
}  // namespace jobfit
