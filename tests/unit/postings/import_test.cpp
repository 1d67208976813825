#include "postings/import.h"

#include <gtest/gtest.h>

#include <sstream>

#include "fit/person.h"
#include "fit/value_signals.h"
#include "storage/store.h"
#include "support/cli.h"

namespace jobfit {
namespace {

using testing::TempDir;

const Instant kNow = Instant{std::chrono::seconds{1773043200}};

TEST(PostingImport, StoresEachPostingsValueSignalsWithIt) {
  TempDir dir;
  auto store = openSqliteStore(dir / "jobfit.db");
  std::istringstream in(
      "title,company,description\n"
      "Data Engineer,Acme,Mentorship from day one in a fast-paced start-up.\n"
      "Night Nurse,Care Home,Night shifts caring for patients; a pension and job security.\n");
  PostingImportOptions options;
  auto report = importPostings(*store, in, "postings.csv", options, kNow);
  ASSERT_EQ(report.added, 2);
  // Nothing is left for the first ranking to compute.
  EXPECT_TRUE(store->fit().postingsWithoutValueSignals().empty());
  EXPECT_EQ(refreshValueSignals(*store), 0u);
  int checked = 0;
  store->postings().forEachFeatures(nullptr, [&](const PostingFeatures& f) {
    auto expected = valueSignals(store->postings().find(f.id)->posting).signal;
    ASSERT_EQ(f.valueSignals.size(), kValueCount);
    for (size_t i = 0; i < kValueCount; ++i) EXPECT_FLOAT_EQ(f.valueSignals[i], expected[i]);
    ++checked;
  });
  EXPECT_EQ(checked, 2);
}

}  // namespace
}  // namespace jobfit
