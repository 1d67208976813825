#include <gtest/gtest.h>

#include "applications/application.h"
#include "core/error.h"

namespace jobfit {
namespace {

Date d(const char* s) { return parseDate(s); }

Application applied(const char* on) {
  Application a;
  a.id = 1;
  a.company = "Acme";
  a.title = "Data Analyst";
  a.events.push_back({0, d(on), EventKind::stage, Stage::applied, ""});
  return a;
}

ErrorCode codeOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.code();
  }
  ADD_FAILURE() << "no error";
  return ErrorCode::io;
}

TEST(Stages, NamesRoundTrip) {
  for (auto s : kStages) EXPECT_EQ(parseStage(toString(s)), s);
  for (auto c : kChannels) EXPECT_EQ(parseChannel(toString(c)), c);
  EXPECT_EQ(parseChannel("job_board"), Channel::job_board);
  EXPECT_EQ(toString(Channel::job_board), "job-board");
  EXPECT_FALSE(parseStage("hired"));
  EXPECT_EQ(codeOf([] { requireStage("nope"); }), ErrorCode::usage);
}

TEST(Stages, MovesMaySkipAndGoBackAndEveryMoveIsKept) {
  auto a = applied("2026-03-01");
  Date today = d("2026-03-20");
  moveTo(a, Stage::interviewing, d("2026-03-05"), "", false, today);  // skips screening
  moveTo(a, Stage::screening, d("2026-03-06"), "back: another screen", false, today);
  EXPECT_EQ(currentStage(a), Stage::screening);
  ASSERT_EQ(a.events.size(), 3u);
  EXPECT_EQ(furthestStage(a), Stage::interviewing);
  EXPECT_EQ(dateReached(a, Stage::interviewing), d("2026-03-05"));
}

TEST(Stages, AMoveDatedBeforeTheLastEventNeedsForce) {
  auto a = applied("2026-03-10");
  Date today = d("2026-03-20");
  EXPECT_EQ(codeOf([&] { moveTo(a, Stage::screening, d("2026-03-09"), "", false, today); }),
            ErrorCode::conflict);
  EXPECT_EQ(a.events.size(), 1u);
  // Same day as the last event is fine.
  moveTo(a, Stage::screening, d("2026-03-10"), "", false, today);
  // Forced: recorded in date order, so the history stays chronological.
  moveTo(a, Stage::rejected, d("2026-03-05"), "", true, today);
  ASSERT_EQ(a.events.size(), 3u);
  EXPECT_EQ(a.events[0].stage, Stage::rejected);
  EXPECT_EQ(currentStage(a), Stage::screening);
}

TEST(Stages, RefusesTheFutureAndTheSameStage) {
  auto a = applied("2026-03-10");
  Date today = d("2026-03-20");
  EXPECT_EQ(codeOf([&] { moveTo(a, Stage::screening, d("2026-03-21"), "", false, today); }),
            ErrorCode::usage);
  EXPECT_EQ(codeOf([&] { moveTo(a, Stage::applied, d("2026-03-12"), "", false, today); }),
            ErrorCode::conflict);
}

TEST(Stages, NotesRepliesAndFollowupsAreEventsButNotMoves) {
  auto a = applied("2026-03-01");
  Date today = d("2026-03-20");
  addEvent(a, EventKind::note, d("2026-03-02"), "sent portfolio", false, today);
  EXPECT_EQ(currentStage(a), Stage::applied);
  EXPECT_FALSE(firstResponseDate(a));
  addEvent(a, EventKind::reply, d("2026-03-04"), "they will call next week", false, today);
  EXPECT_EQ(firstResponseDate(a), d("2026-03-04"));
  EXPECT_EQ(lastEventDate(a), d("2026-03-04"));
  EXPECT_EQ(codeOf([&] { addEvent(a, EventKind::stage, d("2026-03-05"), "x", false, today); }),
            ErrorCode::usage);
  EXPECT_EQ(codeOf([&] { addEvent(a, EventKind::note, d("2026-03-05"), "  ", false, today); }),
            ErrorCode::usage);
}

TEST(Stages, AppliedAndFirstResponseComeFromTheHistory) {
  Application a;
  a.company = "Acme";
  a.title = "Analyst";
  a.events = {{0, d("2026-02-01"), EventKind::stage, Stage::saved, ""}};
  EXPECT_FALSE(appliedDate(a));
  a.events.push_back({0, d("2026-02-03"), EventKind::stage, Stage::applied, ""});
  a.events.push_back({0, d("2026-02-10"), EventKind::stage, Stage::rejected, ""});
  EXPECT_EQ(appliedDate(a), d("2026-02-03"));
  EXPECT_EQ(firstResponseDate(a), d("2026-02-10"));  // a rejection is an answer
  EXPECT_EQ(finalDate(a), d("2026-02-10"));

  // Closing without an answer is not a response; a rejection straight from saved means it
  // was sent.
  Application b = a;
  b.events = {{0, d("2026-02-01"), EventKind::stage, Stage::applied, ""},
              {0, d("2026-03-01"), EventKind::stage, Stage::closed, ""}};
  EXPECT_FALSE(firstResponseDate(b));
  Application c = a;
  c.events = {{0, d("2026-02-01"), EventKind::stage, Stage::saved, ""},
              {0, d("2026-02-05"), EventKind::stage, Stage::rejected, ""}};
  EXPECT_EQ(appliedDate(c), d("2026-02-05"));
  EXPECT_EQ(furthestStage(c), Stage::applied);
}

TEST(Stages, ValidatesHistories) {
  Date today = d("2026-03-20");
  std::vector<ApplicationEvent> noStage{{0, d("2026-03-01"), EventKind::note, std::nullopt, "x"}};
  EXPECT_EQ(codeOf([&] { validateEvents(noStage, today); }), ErrorCode::usage);
  std::vector<ApplicationEvent> unordered{
      {0, d("2026-03-05"), EventKind::stage, Stage::applied, ""},
      {0, d("2026-03-01"), EventKind::stage, Stage::screening, ""}};
  EXPECT_EQ(codeOf([&] { validateEvents(unordered, today); }), ErrorCode::usage);
  std::vector<ApplicationEvent> stageless{{0, d("2026-03-05"), EventKind::stage, std::nullopt, ""}};
  EXPECT_EQ(codeOf([&] { validateEvents(stageless, today); }), ErrorCode::usage);
}

TEST(Duplicates, SamePostingOrSameCompanyAndTitleWithin90Days) {
  Application old = applied("2026-01-01");
  old.postingId = 42;
  Application candidate;
  candidate.company = "ACME";
  candidate.title = "data-analyst";
  auto never = [](const Application&) { return false; };
  EXPECT_EQ(checkDuplicates(candidate, d("2026-03-31"), {old}, never).duplicates.size(), 1u);  // 89 days
  EXPECT_EQ(checkDuplicates(candidate, d("2026-04-02"), {old}, never).duplicates.size(), 0u);  // 91 days
  Application other;
  other.company = "Other";
  other.title = "Other";
  other.postingId = 42;
  EXPECT_EQ(checkDuplicates(other, d("2026-09-01"), {old}, never).duplicates.size(), 1u);
}

TEST(Duplicates, ReportsEarlierApplicationsLeftWithoutAnAnswer) {
  Application closed = applied("2025-06-01");
  moveTo(closed, Stage::closed, d("2025-08-01"), "", false, d("2025-08-01"));
  Application answered = applied("2025-06-01");
  answered.id = 2;
  answered.title = "Engineer";
  moveTo(answered, Stage::rejected, d("2025-06-10"), "", false, d("2025-08-01"));
  Application candidate;
  candidate.company = "Acme";
  candidate.title = "Scientist";
  std::vector<Application> stored{closed, answered};
  auto check = checkDuplicates(candidate, d("2026-03-01"), stored,
                               [](const Application&) { return false; });
  EXPECT_TRUE(check.duplicates.empty());
  ASSERT_EQ(check.unanswered.size(), 1u);
  EXPECT_EQ(check.unanswered[0]->id, 1);
}

}  // namespace
}  // namespace jobfit
