#include "storage/posting_store.h"

#include <gtest/gtest.h>

#include <set>

#include "core/error.h"
#include "storage/sqlite/sqlite_store.h"
#include "storage/store.h"
#include "support/cli.h"

namespace jobfit {
namespace {

using testing::TempDir;

const Instant kMonday = Instant{std::chrono::seconds{1773043200}};  // 2026-03-09T08:00:00Z
const Instant kFriday = kMonday + std::chrono::hours{96};

Posting makePosting(std::string title, std::string company, std::string description) {
  Posting p;
  p.title = std::move(title);
  p.company = std::move(company);
  p.description = std::move(description);
  p.locations = {"Berlin, Germany"};
  p.source = "text";
  return p;
}

// A posting with every field and some evidence for each fact.
Posting fullPosting() {
  Posting p = makePosting("Senior Data Engineer", "Acme GmbH",
                          "You will build pipelines in Python and SQL. Fully remote. "
                          "Manage a team of 4. On-call one week a month. Travel up to 20%.");
  p.locations = {"Berlin, Germany", "Remote, EU"};
  p.url = "https://boards.greenhouse.io/acme/jobs/123?gh_src=abc";
  p.source = "greenhouse";
  p.sourceId = "123";
  p.postedDate = "2026-03-01";
  p.workMode = WorkMode::remote;
  p.workModeEvidence = {{60, 72, "Fully remote"}};
  p.employmentType = EmploymentType::full_time;
  p.seniority = Seniority::senior;
  p.seniorityEvidence = {{0, 6, "Senior"}};
  Pay pay;
  pay.min = 70000;
  pay.max = 90000;
  pay.currency = "EUR";
  pay.period = PayPeriod::year;
  pay.annualMin = 70000;
  pay.annualMax = 90000;
  pay.evidence = {{1, 2, "€70,000–90,000"}};
  p.pay = pay;
  p.travelShare = 0.2;
  p.travelEvidence = {{130, 149, "Travel up to 20%"}};
  p.onCall = {true, {{96, 103, "On-call"}}};
  p.managesPeople = {true, {{74, 92, "Manage a team of 4"}}};
  p.reports = 4;
  p.activities = {{"building", 0.6, {{30, 45, "build pipelines"}}},
                  {"managing-people", 0.4, {{74, 92, "Manage a team of 4"}}}};
  p.skills = {"python", "sql"};
  p.skillEvidence = {{49, 55, "Python"}, {60, 63, "SQL"}};
  return p;
}

class PostingStoreTest : public ::testing::Test {
 protected:
  TempDir dir;
  std::unique_ptr<Store> store = openSqliteStore(dir / "jobfit.db");
  PostingStore& postings() { return store->postings(); }
  UpsertResult upsert(const Posting& p, Instant at = kMonday) {
    UpsertResult r;
    store->transaction([&] { r = postings().upsert(p, at); });
    return r;
  }
  std::vector<int64_t> searchIds(const std::string& q, PostingQuery query = {}) {
    std::vector<int64_t> ids;
    for (const auto& h : postings().search(q, query)) ids.push_back(h.posting.id);
    return ids;
  }
};

TEST_F(PostingStoreTest, StoresEveryFactAndReadsItBackEqual) {
  Posting p = fullPosting();
  auto r = upsert(p);
  EXPECT_EQ(r.outcome, UpsertOutcome::added);
  auto stored = postings().find(r.id);
  ASSERT_TRUE(stored);
  p.id = r.id;
  EXPECT_EQ(stored->posting, p);
  EXPECT_EQ(stored->firstSeen, kMonday);
  EXPECT_EQ(stored->lastSeen, kMonday);
  EXPECT_EQ(postings().count(), 1);
}

TEST_F(PostingStoreTest, TheSameContentAgainIsUnchangedAndOnlyMovesLastSeen) {
  auto first = upsert(fullPosting(), kMonday);
  auto again = upsert(fullPosting(), kFriday);
  EXPECT_EQ(again.outcome, UpsertOutcome::unchanged);
  EXPECT_EQ(again.id, first.id);
  auto stored = postings().find(first.id);
  EXPECT_EQ(stored->firstSeen, kMonday);
  EXPECT_EQ(stored->lastSeen, kFriday);
  EXPECT_EQ(postings().count(), 1);
}

TEST_F(PostingStoreTest, DeduplicatesByAtsId) {
  auto first = upsert(fullPosting());
  Posting changed = fullPosting();
  changed.title = "Staff Data Engineer";
  changed.url = "https://example.com/elsewhere";
  changed.company = "Acme";
  auto second = upsert(changed, kFriday);
  EXPECT_EQ(second.outcome, UpsertOutcome::updated);
  EXPECT_EQ(second.id, first.id);
  EXPECT_EQ(postings().count(), 1);
  auto stored = postings().find(first.id);
  EXPECT_EQ(stored->posting.title, "Staff Data Engineer");
  EXPECT_EQ(stored->firstSeen, kMonday);
  EXPECT_EQ(stored->lastSeen, kFriday);
  // The text index follows the update.
  EXPECT_EQ(searchIds("staff"), std::vector<int64_t>{first.id});
  EXPECT_TRUE(searchIds("senior").empty());
}

TEST_F(PostingStoreTest, DeduplicatesByCanonicalUrl) {
  Posting a = makePosting("Analyst", "", "Look at numbers.");
  a.url = "http://www.Example.com/jobs/42/?utm_source=newsletter#apply";
  Posting b = makePosting("Data Analyst", "", "Look at numbers all day.");
  b.url = "https://example.com/jobs/42";
  auto first = upsert(a);
  auto second = upsert(b);
  EXPECT_EQ(second.outcome, UpsertOutcome::updated);
  EXPECT_EQ(second.id, first.id);
  EXPECT_EQ(postings().count(), 1);
}

TEST_F(PostingStoreTest, DeduplicatesByNormalisedCompanyTitleAndLocation) {
  Posting a = makePosting("Data Analyst", "ACME, Inc.", "Numbers.");
  a.source = "csv";
  Posting b = makePosting("data analyst", "Acme Inc", "Numbers, and more numbers.");
  b.locations = {"Berlin  Germany"};
  b.source = "jsonl";
  auto first = upsert(a);
  auto second = upsert(b);
  EXPECT_EQ(second.id, first.id);
  EXPECT_EQ(second.outcome, UpsertOutcome::updated);
  Posting elsewhere = b;
  elsewhere.locations = {"Munich, Germany"};
  EXPECT_EQ(upsert(elsewhere).outcome, UpsertOutcome::added);
  EXPECT_EQ(postings().count(), 2);
}

TEST_F(PostingStoreTest, TwoOpeningsWithDifferentAtsIdsStayApart) {
  Posting a = fullPosting();
  Posting b = fullPosting();
  b.sourceId = "124";
  b.url = "https://boards.greenhouse.io/acme/jobs/124";
  EXPECT_EQ(upsert(a).outcome, UpsertOutcome::added);
  EXPECT_EQ(upsert(b).outcome, UpsertOutcome::added);
  EXPECT_EQ(postings().count(), 2);
}

TEST_F(PostingStoreTest, PostingsWithoutKeysMergeOnlyWhenIdentical) {
  auto first = upsert(makePosting("", "", "First text"));
  EXPECT_EQ(first.outcome, UpsertOutcome::added);
  EXPECT_EQ(upsert(makePosting("", "", "Second text")).outcome, UpsertOutcome::added);
  auto again = upsert(makePosting("", "", "First text"), kFriday);
  EXPECT_EQ(again.outcome, UpsertOutcome::unchanged);
  EXPECT_EQ(again.id, first.id);
  EXPECT_EQ(postings().count(), 2);
}

TEST_F(PostingStoreTest, SearchRanksTitleMatchesFirstAndFilters) {
  Posting inTitle = makePosting("Python Developer", "Alpha", "Build services.");
  inTitle.workMode = WorkMode::remote;
  Posting inText = makePosting("Backend Developer", "Beta",
                               "Build services. Some python scripting now and then.");
  inText.pay = Pay{100000, 120000, "USD", PayPeriod::year, 100000, 120000, {}};
  Posting unrelated = makePosting("Accountant", "Gamma", "Ledgers and invoices.");
  int64_t title = upsert(inTitle).id, text = upsert(inText).id;
  upsert(unrelated);

  EXPECT_EQ(searchIds("python"), (std::vector<int64_t>{title, text}));
  EXPECT_EQ(searchIds("Python developer"), (std::vector<int64_t>{title, text}));
  EXPECT_EQ(searchIds("\"python scripting\""), std::vector<int64_t>{text});
  EXPECT_EQ(searchIds("ledgers OR pyth*").size(), 3u);

  PostingQuery remote;
  remote.filter.workMode = WorkMode::remote;
  EXPECT_EQ(searchIds("python", remote), std::vector<int64_t>{title});
  PostingQuery paid;
  paid.filter.minAnnualPay = 110000;
  EXPECT_EQ(searchIds("python", paid), std::vector<int64_t>{text});
  paid.filter.minAnnualPay = 130000;
  EXPECT_TRUE(searchIds("python", paid).empty());

  auto hits = postings().search("scripting", {});
  ASSERT_EQ(hits.size(), 1u);
  ASSERT_EQ(hits[0].highlights.size(), 1u);
  auto [b, e] = hits[0].highlights[0];
  EXPECT_EQ(hits[0].snippet.substr(b, e - b), "scripting");
  EXPECT_GT(hits[0].score, 0);
}

TEST_F(PostingStoreTest, SearchTreatsPunctuationAsText) {
  upsert(makePosting("C++ Engineer", "Delta", "Modern C++ and some \"quotes\"."));
  EXPECT_EQ(searchIds("C++").size(), 1u);
  EXPECT_EQ(searchIds("\"quotes").size(), 1u);
  EXPECT_EQ(searchIds("engineer AND NOT -").size(), 0u);  // AND and NOT are words here
  try {
    postings().search("  ++ ", {});
    ADD_FAILURE() << "a query without words was accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::usage);
  }
}

TEST_F(PostingStoreTest, ListFiltersAndOrdersByLastSeen) {
  Posting a = makePosting("A", "One", "a");
  a.workMode = WorkMode::hybrid;
  Posting b = makePosting("B", "Two", "b");
  b.onCall.value = true;
  int64_t ida = upsert(a, kMonday).id, idb = upsert(b, kFriday).id;
  auto all = postings().list({});
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].id, idb);
  EXPECT_EQ(all[0].locations, std::vector<std::string>{"Berlin, Germany"});
  PostingQuery q;
  q.filter.noOnCall = true;
  auto quiet = postings().list(q);
  ASSERT_EQ(quiet.size(), 1u);
  EXPECT_EQ(quiet[0].id, ida);
  q = {};
  q.limit = 1;
  q.offset = 1;
  EXPECT_EQ(postings().list(q).at(0).id, ida);
}

TEST_F(PostingStoreTest, RemoveTakesTheChildRowsAndTheIndexEntry) {
  auto r = upsert(fullPosting());
  store->transaction([&] { postings().remove(r.id); });
  EXPECT_FALSE(postings().find(r.id));
  EXPECT_TRUE(searchIds("pipelines").empty());
  EXPECT_THROW(postings().remove(r.id), Error);
  // Nothing of it is left to be merged into.
  EXPECT_EQ(upsert(fullPosting()).outcome, UpsertOutcome::added);
}

TEST_F(PostingStoreTest, AFailedTransactionLeavesNothingBehind) {
  upsert(makePosting("Kept", "Keeper", "kept text"));
  try {
    store->transaction([&] {
      postings().upsert(fullPosting(), kMonday);
      Posting bad = makePosting("Bad", "Badco", "bad text");
      bad.travelShare = 3;  // violates the table's CHECK
      postings().upsert(bad, kMonday);
    });
    ADD_FAILURE() << "the bad posting was stored";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::conflict);
  }
  EXPECT_EQ(postings().count(), 1);
  EXPECT_TRUE(searchIds("pipelines").empty());
  EXPECT_TRUE(searchIds("bad").empty());
  EXPECT_EQ(searchIds("kept").size(), 1u);
}

TEST_F(PostingStoreTest, ANestedFailureRollsBackOnlyThatPosting) {
  store->transaction([&] {
    postings().upsert(makePosting("First", "One", "first"), kMonday);
    try {
      store->transaction([&] {
        Posting bad = fullPosting();
        bad.activities.push_back({"writing", 2.0, {}});  // share out of range
        postings().upsert(bad, kMonday);
      });
    } catch (const Error&) {
    }
    postings().upsert(makePosting("Third", "Three", "third"), kMonday);
  });
  EXPECT_EQ(postings().count(), 2);
  EXPECT_TRUE(searchIds("pipelines").empty());
}

TEST_F(PostingStoreTest, RestoreKeepsIdsAndSeenDates) {
  StoredPosting sp{fullPosting(), kMonday, kFriday};
  sp.posting.id = 77;
  store->transaction([&] { postings().restore(sp); });
  auto back = postings().find(77);
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, sp);
}

// What a features visit shows, copied out of the views.
struct SeenFeatures {
  int64_t id = 0;
  WorkMode workMode = WorkMode::unknown;
  std::optional<double> annualMax;
  std::string currency, locations;
  bool onCall = false;
  std::vector<std::pair<std::string, float>> activities;
  std::vector<float> signals;
};

std::vector<SeenFeatures> features(PostingStore& store, const std::set<int64_t>* only = nullptr) {
  std::vector<SeenFeatures> seen;
  store.forEachFeatures(only, [&](const PostingFeatures& f) {
    SeenFeatures s{f.id, f.workMode, f.annualMax, std::string(f.currency), std::string(f.locations),
                   f.onCall, {}, {f.valueSignals.begin(), f.valueSignals.end()}};
    for (const auto& [activity, share] : f.activities) s.activities.emplace_back(activity, share);
    seen.push_back(std::move(s));
  });
  return seen;
}

TEST_F(PostingStoreTest, FeaturesStreamInIdOrderWithTheirActivitiesAndLocations) {
  Posting plain = makePosting("Plain", "P", "plain");
  plain.locations.clear();
  int64_t a = upsert(fullPosting()).id, b = upsert(plain).id;
  auto seen = features(postings());
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[0].id, a);
  EXPECT_EQ(seen[0].workMode, WorkMode::remote);
  EXPECT_EQ(seen[0].annualMax, 90000);
  EXPECT_EQ(seen[0].currency, "EUR");
  EXPECT_TRUE(seen[0].onCall);
  EXPECT_EQ(seen[0].locations, "Berlin, Germany; Remote, EU");
  ASSERT_EQ(seen[0].activities.size(), 2u);
  EXPECT_EQ(seen[0].activities[1].first, "managing-people");
  EXPECT_EQ(seen[0].activities[1].second, 0.4f);
  EXPECT_TRUE(seen[0].signals.empty());  // none computed yet
  EXPECT_EQ(seen[1].id, b);
  EXPECT_TRUE(seen[1].activities.empty());
  EXPECT_TRUE(seen[1].locations.empty());
  EXPECT_FALSE(seen[1].annualMax);
}

TEST_F(PostingStoreTest, FeaturesFollowUpdatesAndDeletesAndReadOnlyTheIdsAsked) {
  Posting p = fullPosting();
  int64_t a = upsert(p).id;
  int64_t b = upsert(makePosting("Other", "Q", "other work")).id;
  store->transaction([&] { store->fit().setValueSignals(b, {0.5f, 0, 0, 0, -0.25f, 0, 0, 0}); });
  p.activities = {{"writing", 1.0, {{0, 5, "write"}}}};
  p.onCall = {};
  p.description += " Changed.";
  EXPECT_EQ(upsert(p).outcome, UpsertOutcome::updated);
  auto seen = features(postings());
  ASSERT_EQ(seen.size(), 2u);
  ASSERT_EQ(seen[0].activities.size(), 1u);
  EXPECT_EQ(seen[0].activities[0].first, "writing");
  EXPECT_FALSE(seen[0].onCall);
  EXPECT_EQ(seen[1].signals, (std::vector<float>{0.5f, 0, 0, 0, -0.25f, 0, 0, 0}));

  // A few ids are probed one by one; the same answer as the full pass.
  std::set<int64_t> only{b, b + 100};
  auto probed = features(postings(), &only);
  ASSERT_EQ(probed.size(), 1u);
  EXPECT_EQ(probed[0].id, b);
  EXPECT_EQ(probed[0].signals, seen[1].signals);

  store->transaction([&] { postings().remove(a); });
  seen = features(postings());
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].id, b);
}

TEST_F(PostingStoreTest, TheMigrationFillsTheFeaturesOfPostingsStoredBeforeIt) {
  Posting thirds = makePosting("Thirds", "T", "thirds");
  thirds.activities = {{"writing", 1.0 / 3, {}}, {"meetings", 2.0 / 3, {}}};
  upsert(fullPosting());
  upsert(thirds);
  upsert(makePosting("Plain", "P", "plain"));
  auto written = features(postings());
  // Back to schema 6, as a database stored before the features table.
  static_cast<sqlite::SqliteStore&>(*store).connection().exec(
      "DROP TABLE posting_fit_features; PRAGMA user_version = 6");
  store.reset();
  store = openSqliteStore(dir / "jobfit.db");
  auto migrated = features(postings());
  ASSERT_EQ(migrated.size(), written.size());
  for (size_t i = 0; i < written.size(); ++i) {
    EXPECT_EQ(migrated[i].id, written[i].id);
    EXPECT_EQ(migrated[i].workMode, written[i].workMode);
    EXPECT_EQ(migrated[i].annualMax, written[i].annualMax);
    EXPECT_EQ(migrated[i].currency, written[i].currency);
    EXPECT_EQ(migrated[i].locations, written[i].locations);
    EXPECT_EQ(migrated[i].onCall, written[i].onCall);
    EXPECT_EQ(migrated[i].activities, written[i].activities);
  }
}

TEST_F(PostingStoreTest, ValueSignalsAreStoredWithThePosting) {
  std::array<float, kValueCount> signals{};
  signals[0] = 0.5f;
  signals[7] = -0.25f;
  auto signalsStored = [&] { return features(postings()).back().signals; };
  UpsertResult r;
  store->transaction([&] { r = postings().upsert(fullPosting(), kMonday, &signals); });
  EXPECT_TRUE(store->fit().postingsWithoutValueSignals().empty());
  ASSERT_EQ(signalsStored().size(), kValueCount);
  EXPECT_FLOAT_EQ(signalsStored()[0], 0.5f);
  EXPECT_FLOAT_EQ(signalsStored()[7], -0.25f);

  // A changed text brings new signals in the same transaction.
  Posting changed = fullPosting();
  changed.description += " Mentoring included.";
  signals[0] = 0.75f;
  store->transaction([&] { r = postings().upsert(changed, kFriday, &signals); });
  EXPECT_EQ(r.outcome, UpsertOutcome::updated);
  EXPECT_TRUE(store->fit().postingsWithoutValueSignals().empty());
  EXPECT_FLOAT_EQ(signalsStored()[0], 0.75f);

  // Without signals a changed text leaves them to be computed later (refreshValueSignals).
  changed.description += " Again.";
  upsert(changed, kFriday);
  EXPECT_EQ(store->fit().postingsWithoutValueSignals(), std::vector<int64_t>{r.id});
}

TEST(CanonicalUrl, DropsWhatDoesNotNameTheJob) {
  EXPECT_EQ(canonicalUrl("HTTP://WWW.Example.COM/Jobs/1/"), "https://example.com/Jobs/1");
  EXPECT_EQ(canonicalUrl("https://jobs.lever.co/acme/abc?lever-source=LinkedIn&utm_medium=x"),
            "https://jobs.lever.co/acme/abc");
  EXPECT_EQ(canonicalUrl("https://acme.com/careers?gh_jid=123&gh_src=x#top"),
            "https://acme.com/careers?gh_jid=123");
  EXPECT_EQ(canonicalUrl("https://a.com/j?b=2&a=1"), canonicalUrl("https://a.com/j?a=1&b=2"));
  EXPECT_EQ(canonicalUrl("  "), "");
}

TEST(IdentityKey, NeedsCompanyAndTitle) {
  Posting p = makePosting("Data Analyst", "", "x");
  EXPECT_EQ(identityKey(p), "");
  p.company = "ACME, Inc.";
  EXPECT_EQ(identityKey(p), "acme inc|data analyst|berlin germany");
}

TEST(ContentHash, ChangesWithEveryFactButNotTheId) {
  Posting p = fullPosting();
  uint64_t h = contentHash(p);
  Posting withId = p;
  withId.id = 9;
  EXPECT_EQ(contentHash(withId), h);
  Posting other = p;
  other.pay->annualMax = 95000;
  EXPECT_NE(contentHash(other), h);
  other = p;
  other.activities[0].evidence[0].begin = 31;
  EXPECT_NE(contentHash(other), h);
  other = p;
  other.weekends.value = true;
  EXPECT_NE(contentHash(other), h);
}

}  // namespace
}  // namespace jobfit
