// Edits, starting and closing an application, and contact edits: the rules the CLI commands
// and the HTTP API share.
#include <gtest/gtest.h>

#include "applications/application.h"
#include "applications/contact.h"
#include "core/error.h"

namespace jobfit {
namespace {

Date d(const char* s) { return parseDate(s); }

ErrorCode codeOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.code();
  }
  ADD_FAILURE() << "no error";
  return ErrorCode::io;
}

Application started(Stage stage = Stage::applied, const char* on = "2026-03-01") {
  Application a;
  a.id = 1;
  applyEdit(a, {.company = " Acme ", .title = "Analyst"});
  startApplication(a, stage, d(on), "", d("2026-03-13"));
  return a;
}

TEST(ApplicationEdits, OnlyWhatIsSetChanges) {
  auto a = started();
  EXPECT_EQ(a.company, "Acme");  // trimmed
  applyEdit(a, {.salary = "60k", .channel = Channel::cold});
  EXPECT_EQ(a.title, "Analyst");
  EXPECT_EQ(a.salary, "60k");
  EXPECT_EQ(a.channel, Channel::cold);
  applyEdit(a, {.url = "", .salary = ""});
  EXPECT_EQ(a.salary, "");
}

TEST(ApplicationEdits, AReferrerImpliesTheReferralChannelUnlessOneIsGiven) {
  auto a = started();
  applyEdit(a, {.referrer = std::optional<int64_t>(7), .link = {3}});
  EXPECT_EQ(a.channel, Channel::referral);
  ASSERT_EQ(a.contacts.size(), 2u);
  EXPECT_EQ(a.contacts[0], (ContactLink{7, true}));  // the referrer first
  EXPECT_EQ(a.contacts[1], (ContactLink{3, false}));
  // Making a linked contact the referrer replaces the plain link; removing it keeps the rest.
  applyEdit(a, {.channel = Channel::network, .referrer = std::optional<int64_t>(3)});
  EXPECT_EQ(a.channel, Channel::network);
  ASSERT_EQ(a.contacts.size(), 1u);
  EXPECT_EQ(a.contacts[0], (ContactLink{3, true}));
  applyEdit(a, {.referrer = std::optional<int64_t>(), .link = {5, 5}});
  ASSERT_EQ(a.contacts.size(), 1u);
  EXPECT_EQ(a.contacts[0], (ContactLink{5, false}));
  applyEdit(a, {.unlink = {5}});
  EXPECT_TRUE(a.contacts.empty());
}

TEST(ApplicationEdits, ANewApplicationStartsSavedOrApplied) {
  auto a = started(Stage::saved);
  EXPECT_EQ(currentStage(a), Stage::saved);
  Application b;
  applyEdit(b, {.company = "Acme", .title = "Analyst"});
  startApplication(b, Stage::applied, d("2026-03-02"), "via the portal", d("2026-03-13"));
  ASSERT_EQ(b.events.size(), 2u);
  EXPECT_EQ(b.events[1].kind, EventKind::note);
  EXPECT_EQ(codeOf([&] { startApplication(b, Stage::offer, d("2026-03-02"), "", d("2026-03-13")); }),
            ErrorCode::usage);
  EXPECT_EQ(codeOf([&] { startApplication(b, Stage::applied, d("2026-03-14"), "", d("2026-03-13")); }),
            ErrorCode::usage);  // in the future
  Application nameless;
  EXPECT_EQ(codeOf([&] {
              startApplication(nameless, Stage::applied, d("2026-03-02"), "", d("2026-03-13"));
            }),
            ErrorCode::usage);
}

TEST(ApplicationEdits, ClosingMovesAndKeepsTheReflection) {
  auto a = started();
  Date today = d("2026-03-13");
  EXPECT_EQ(closeApplication(a, "Rejected", std::string("more SQL"), today, false, today),
            Stage::rejected);
  EXPECT_EQ(currentStage(a), Stage::rejected);
  EXPECT_EQ(a.learned, "more SQL");
  // Already rejected: only a new reflection is accepted, without another event.
  EXPECT_EQ(codeOf([&] { closeApplication(a, "rejected", std::nullopt, today, false, today); }),
            ErrorCode::conflict);
  closeApplication(a, "rejected", std::string("apply sooner"), today, false, today);
  EXPECT_EQ(a.learned, "apply sooner");
  EXPECT_EQ(a.events.size(), 2u);
  EXPECT_EQ(codeOf([&] { closeApplication(a, "ghosted", std::nullopt, today, false, today); }),
            ErrorCode::usage);
  auto b = started();
  EXPECT_EQ(closeApplication(b, "silent", std::nullopt, today, false, today), Stage::closed);
}

TEST(ContactEdits, LinksAreAddedOnceOrReplaced) {
  Contact c;
  applyEdit(c, {.name = " Jane ", .links = {"https://a.example", "https://a.example"}});
  EXPECT_EQ(c.name, "Jane");
  EXPECT_EQ(c.links.size(), 1u);
  applyEdit(c, {.role = "Manager", .links = {"https://b.example"}});
  EXPECT_EQ(c.links.size(), 2u);
  applyEdit(c, {.clearLinks = true, .links = {"https://c.example"}});
  EXPECT_EQ(c.links, std::vector<std::string>{"https://c.example"});
  EXPECT_EQ(c.role, "Manager");
  Date today = d("2026-03-13");
  logInteraction(c, {d("2026-03-10"), "coffee", std::nullopt}, today);
  logInteraction(c, {d("2026-03-01"), "intro", std::nullopt}, today);
  EXPECT_EQ(c.interactions.front().text, "intro");  // kept in date order
  EXPECT_EQ(lastContacted(c), d("2026-03-10"));
  EXPECT_EQ(codeOf([&] { logInteraction(c, {d("2026-03-20"), "later", std::nullopt}, today); }),
            ErrorCode::usage);
}

}  // namespace
}  // namespace jobfit
