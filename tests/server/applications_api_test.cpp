// The job search API against the real server: the same rules and JSON as the CLI commands.
// Now is 2026-03-13 (Friday) 18:00 in Berlin.
#include <gtest/gtest.h>

#include "support/cli.h"
#include "support/server.h"

namespace jobfit::testing {
namespace {

using nlohmann::json;

const std::string kJson = "application/json";

class SearchApi : public ::testing::Test {
 protected:
  TestServer s;
  std::unique_ptr<httplib::Client> c = s.client();

  json send(const std::string& method, const std::string& path, const json& body,
            int expected) {
    httplib::Request req;
    req.method = method;
    req.path = path;
    req.headers = s.writeHeaders();
    req.set_header("Content-Type", kJson);
    if (!body.is_null()) req.body = body.dump();
    auto r = c->send(req);
    EXPECT_TRUE(r);
    if (!r) return nullptr;
    EXPECT_EQ(r->status, expected) << method << " " << path << ": " << r->body;
    return r->body.empty() ? json() : json::parse(r->body);
  }
  json post(const std::string& path, const json& body, int expected = 201) {
    return send("POST", path, body, expected);
  }
  json get(const std::string& path, int expected = 200) {
    auto r = c->Get(path);
    EXPECT_TRUE(r);
    if (!r) return nullptr;
    EXPECT_EQ(r->status, expected) << path << ": " << r->body;
    return parse(r);
  }
  // The CLI over the server's database.
  Jobfit jf;
  void SetUp() override { jf.env["JOBFIT_DB"] = s.db().string(); }
};

TEST_F(SearchApi, AddMoveAndShowMatchTheCli) {
  auto jane = post("/api/contacts", {{"name", "Jane Doe"}, {"company", "Acme"}});
  ASSERT_EQ(jane["id"], 1);
  auto made = post("/api/applications", {{"company", "Acme"},
                                         {"title", "Data Analyst"},
                                         {"referrer_id", 1},
                                         {"date", "2026-02-01"},
                                         {"resume", "v3"},
                                         {"note", "sent through the portal"}});
  ASSERT_TRUE(made.is_object());
  EXPECT_EQ(made["channel"], "referral");  // implied by the referrer, as at the command line
  EXPECT_EQ(made["status"]["stage"], "applied");
  EXPECT_EQ(made["events"].size(), 2u);
  EXPECT_EQ(made["linked_contacts"][0]["name"], "Jane Doe");
  EXPECT_EQ(made["earlier_unanswered"], json::array());
  int64_t id = made["id"];
  auto path = "/api/applications/" + std::to_string(id);

  auto moved = post(path + "/moves", {{"stage", "screening"}, {"date", "2026-02-05"},
                                      {"note", "recruiter call"}});
  EXPECT_EQ(moved["status"]["stage"], "screening");
  EXPECT_EQ(moved["status"]["first_response"], "2026-02-05");
  post(path + "/moves", {{"stage", "interviewing"}});  // today
  post(path + "/notes", {{"text", "thanked them"}, {"kind", "followup"}});

  auto shown = get(path);
  EXPECT_EQ(json::parse(jf.ok({"app", "show", std::to_string(id), "--json"})), shown);
  EXPECT_EQ(json::parse(jf.ok({"apps", "--json"})), get("/api/applications"));
  EXPECT_EQ(json::parse(jf.ok({"contacts", "--json"})), get("/api/contacts"));
  EXPECT_EQ(get("/api/applications?stage=interviewing").size(), 1u);
  EXPECT_EQ(get("/api/applications?stage=applied").size(), 0u);
  EXPECT_EQ(get("/api/applications?silent=true").size(), 0u);
  EXPECT_EQ(get("/api/applications?stage=hired", 400)["error"]["field"], "stage");
}

TEST_F(SearchApi, MovesFollowTheSameRulesAsAppMove) {
  post("/api/applications", {{"company", "Acme"}, {"title", "Analyst"}, {"date", "2026-03-01"}});
  auto before = post("/api/applications/1/moves", {{"stage", "screening"}, {"date", "2026-02-20"}}, 409);
  EXPECT_EQ(before["error"]["field"], "date");
  post("/api/applications/1/moves", {{"stage", "screening"}, {"date", "2026-02-20"}, {"force", true}});
  EXPECT_EQ(post("/api/applications/1/moves", {{"stage", "offer"}, {"date", "2026-03-14"}}, 400)
                ["error"]["code"],
            "bad_request");  // no moves into the future
  post("/api/applications/1/moves", {{"stage", "hired"}}, 400);
  // The forced move sorts before the first event, so the application is still applied.
  post("/api/applications/1/moves", {{"stage", "applied"}}, 409);  // already there
  post("/api/applications/9/moves", {{"stage", "offer"}}, 404);
  post("/api/applications/x/moves", {{"stage", "offer"}}, 400);
  post("/api/applications/1/moves", {{"stage", "offer"}, {"extra", 1}}, 400);
  post("/api/applications/1/moves", {{"stage", 3}}, 400);
  post("/api/applications/1/moves", json::array({1}), 400);
  post("/api/applications/1/moves", {{"stage", "offer"}});
  auto back = post("/api/applications/1/moves", {{"stage", "interviewing"}, {"note", "reopened"}});
  EXPECT_EQ(back["status"]["stage"], "interviewing");  // a move back is allowed and kept
  EXPECT_EQ(back["events"].size(), 4u);
}

TEST_F(SearchApi, DuplicatesAreRefusedUnlessForced) {
  post("/api/applications", {{"company", "Acme"}, {"title", "Analyst"}, {"date", "2026-01-02"}});
  auto dup = post("/api/applications", {{"company", "ACME"}, {"title", "analyst"}}, 409);
  EXPECT_EQ(dup["error"]["field"], "title");
  EXPECT_EQ(get("/api/applications").size(), 1u);
  // Forced: added, and told that Acme left the first one without an answer (silent by now).
  auto forced = post("/api/applications", {{"company", "Acme"}, {"title", "Analyst"}, {"force", true}});
  ASSERT_EQ(forced["earlier_unanswered"].size(), 1u);
  EXPECT_EQ(forced["earlier_unanswered"][0]["id"], 1);
  post("/api/applications", {{"company", "Acme"}}, 400);
  post("/api/applications", {{"company", "Acme"}, {"title", "X"}, {"stage", "offer"}}, 400);
  post("/api/applications", {{"company", "Acme"}, {"title", "X"}, {"channel", "fax"}}, 400);
  post("/api/applications", {{"company", "Acme"}, {"title", "X"}, {"referrer_id", 5}}, 404);
  post("/api/applications", {{"company", "Acme"}, {"title", "X"}, {"url", "acme.example"}}, 400);
}

TEST_F(SearchApi, EditsCloseAndFeedback) {
  post("/api/contacts", {{"name", "Jane Doe"}});
  post("/api/applications", {{"company", "Acme"}, {"title", "Analyst"}, {"date", "2026-02-01"},
                             {"url", "https://acme.example/jobs/1"}});
  auto edited = send("PUT", "/api/applications/1",
                     {{"salary", "60-70k EUR"}, {"url", nullptr}, {"link", {1}}}, 200);
  EXPECT_EQ(edited["salary"], "60-70k EUR");
  EXPECT_EQ(edited["url"], nullptr);
  EXPECT_EQ(edited["contacts"][0]["contact_id"], 1);
  EXPECT_EQ(edited["title"], "Analyst");
  send("PUT", "/api/applications/1", {{"title", " "}}, 400);
  send("PUT", "/api/applications/1", {{"events", json::array()}}, 400);
  send("PUT", "/api/applications/7", {{"title", "X"}}, 404);

  get("/api/applications/1/feedback", 409);  // not rejected
  auto closed = post("/api/applications/1/close",
                     {{"reason", "rejected"}, {"learned", "they wanted SQL depth"}}, 200);
  EXPECT_EQ(closed["status"]["stage"], "rejected");
  EXPECT_EQ(closed["learned"], "they wanted SQL depth");
  post("/api/applications/1/close", {{"reason", "rejected"}}, 409);  // already, no reflection
  post("/api/applications/1/close", {{"reason", "bored"}}, 400);
  auto note = get("/api/applications/1/feedback");
  EXPECT_EQ(note["application_id"], 1);
  EXPECT_NE(note["body"].get<std::string>().find("Jane"), std::string::npos);
  EXPECT_EQ(json::parse(jf.ok({"app", "feedback", "1", "--json"})), note);

  send("DELETE", "/api/applications/1", nullptr, 204);
  send("DELETE", "/api/applications/1", nullptr, 404);
}

TEST_F(SearchApi, RemindersInboxAndCalendar) {
  post("/api/applications", {{"company", "Acme"}, {"title", "Analyst"}, {"date", "2026-02-01"}});
  post("/api/applications", {{"company", "Initech"}, {"title", "Engineer"}, {"date", "2026-03-10"}});
  auto followup = post("/api/reminders", {{"application_id", 2}, {"due", "2026-03-12"},
                                          {"text", "ask about the timeline"}});
  EXPECT_EQ(followup["kind"], "followup");
  auto interview = post("/api/reminders", {{"application_id", 2}, {"due", "2026-03-16"},
                                           {"at", "14:00"}, {"interview", true}});
  EXPECT_EQ(interview["at"], "2026-03-16T13:00:00Z");
  EXPECT_EQ(interview["minutes"], 60);
  post("/api/reminders", {{"application_id", 9}, {"due", "2026-03-16"}}, 404);
  post("/api/reminders", {{"application_id", 2}, {"due", "2026-03-16"}, {"interview", true}}, 400);
  post("/api/reminders", {{"application_id", 2}, {"due", "16.03.2026"}}, 400);

  auto inbox = get("/api/inbox");
  EXPECT_EQ(json::parse(jf.ok({"inbox", "--json"})), inbox);
  ASSERT_EQ(inbox["items"].size(), 3u);
  EXPECT_EQ(inbox["items"][0]["kind"], "interview");
  EXPECT_EQ(inbox["items"][1]["kind"], "followup");
  EXPECT_EQ(inbox["items"][2]["kind"], "silent");
  EXPECT_EQ(inbox["items"][2]["application_id"], 1);
  EXPECT_FALSE(inbox["items"][2]["suggestion"].get<std::string>().empty());

  auto r = c->Get("/api/calendar.ics");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("Content-Type"), "text/calendar; charset=utf-8");
  EXPECT_NE(r->body.find("BEGIN:VCALENDAR"), std::string::npos);
  EXPECT_EQ(r->body, jf.ok({"calendar", "export", "-"}));

  // Done: a follow-up is recorded on the application, which is news (not silent any more).
  auto done = send("PATCH", "/api/reminders/" + std::to_string(followup["id"].get<int>()),
                   {{"done", true}}, 200);
  EXPECT_EQ(done["done"], "2026-03-13");
  EXPECT_EQ(get("/api/applications/2")["events"].back()["kind"], "followup");
  post("/api/reminders/" + std::to_string(followup["id"].get<int>()) + "/done", nullptr, 409);
  send("PATCH", "/api/reminders/2", {{"done", false}}, 400);
  post("/api/reminders/2/done", nullptr, 200);
  EXPECT_EQ(get("/api/reminders").size(), 0u);
  EXPECT_EQ(get("/api/reminders?all=true").size(), 2u);
  send("DELETE", "/api/reminders/2", nullptr, 204);
  send("DELETE", "/api/reminders/2", nullptr, 404);
}

TEST_F(SearchApi, ContactsAddEditLogAndDelete) {
  auto made = post("/api/contacts", {{"name", "Jane Doe"},
                                     {"company", "Acme"},
                                     {"links", {"https://example.org/jane"}}});
  EXPECT_EQ(made["last_contacted"], nullptr);
  post("/api/contacts", {{"company", "Acme"}}, 400);
  post("/api/contacts", {{"name", "X"}, {"email", "not an address"}}, 400);
  post("/api/contacts", {{"name", "X"}, {"links", {"example.org"}}}, 400);
  post("/api/contacts", {{"name", "X"}, {"nickname", "x"}}, 400);

  auto edited = send("PUT", "/api/contacts/1", {{"role", "Engineering manager"}, {"links", json::array()}}, 200);
  EXPECT_EQ(edited["role"], "Engineering manager");
  EXPECT_EQ(edited["company"], "Acme");
  EXPECT_EQ(edited["links"], json::array());

  post("/api/applications", {{"company", "Acme"}, {"title", "Analyst"}, {"date", "2026-03-01"}});
  auto logged = post("/api/contacts/1/log", {{"text", "coffee"}, {"date", "2026-03-05"},
                                             {"application_id", 1}});
  EXPECT_EQ(logged["last_contacted"], "2026-03-05");
  post("/api/contacts/1/log", {{"text", "call"}, {"date", "2026-03-20"}}, 400);  // future
  post("/api/contacts/1/log", {{"text", "call"}, {"application_id", 5}}, 404);
  post("/api/contacts/2/log", {{"text", "call"}}, 404);
  EXPECT_EQ(get("/api/contacts/1"), json::parse(jf.ok({"contact", "show", "1", "--json"})));

  send("DELETE", "/api/contacts/1", nullptr, 204);
  get("/api/contacts/1", 404);
}

TEST_F(SearchApi, StatsAndCsvAreTheCliOutput) {
  post("/api/applications", {{"company", "Acme"}, {"title", "Analyst"}, {"date", "2026-02-02"},
                             {"channel", "job-board"}});
  post("/api/applications/1/moves", {{"stage", "screening"}, {"date", "2026-02-09"}});
  post("/api/applications", {{"company", "Initech"}, {"title", "Engineer, \"data\""},
                             {"date", "2026-02-03"}, {"channel", "cold"}});
  auto stats = get("/api/stats");
  EXPECT_EQ(json::parse(jf.ok({"stats", "--json"})), stats);
  EXPECT_EQ(stats["sent"], 2);
  EXPECT_EQ(stats["time_to_response"]["responses"], 1);
  EXPECT_EQ(get("/api/stats?from=2026-02-03")["applications"], 1);
  EXPECT_EQ(get("/api/stats?from=2026-03-01&to=2026-02-01", 400)["error"]["field"], "from");
  get("/api/stats?from=yesterday", 400);

  auto r = c->Get("/api/applications.csv");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->get_header_value("Content-Type"), "text/csv; charset=utf-8");
  EXPECT_EQ(r->body, jf.ok({"apps", "export", "--csv", "-"}));
  r = c->Get("/api/applications/history.csv");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, jf.ok({"apps", "history", "--csv", "-"}));
}

TEST_F(SearchApi, WritesNeedTheCsrfToken) {
  auto r = c->Post("/api/applications", json{{"company", "A"}, {"title", "B"}}.dump(), kJson);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 403);
  EXPECT_EQ(get("/api/applications").size(), 0u);
}

}  // namespace
}  // namespace jobfit::testing
