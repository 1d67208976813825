// The job search over HTTP: applications with their stage events, notes, closing and the
// feedback note; the inbox; reminders; contacts; statistics; CSV and iCalendar exports. Every
// handler uses the same engine and store operations (applications/search_ops.h) and JSON forms
// as `jobfit app`, `apps`, `inbox`, `remind`, `reminders`, `contact(s)`, `stats` and `calendar`.
#include <initializer_list>

#include <fmt/format.h>

#include "applications/applications_json.h"
#include "applications/calendar.h"
#include "applications/search_ops.h"
#include "applications/spreadsheet.h"
#include "core/error.h"
#include "core/json_read.h"
#include "server/routes.h"

namespace jobfit::server {

using nlohmann::json;

namespace {

// The body as an object holding only the keys named; anything else is refused so that a
// misspelt key is not silently ignored.
json body(const ApiRequest& r, std::initializer_list<std::string_view> keys) {
  json j = r.json();
  if (!j.is_object()) throw Error(ErrorCode::invalid, "the body must be a JSON object", "body");
  for (const auto& [k, v] : j.items()) {
    bool known = false;
    for (auto key : keys) known = known || key == k;
    if (!known)
      throw Error(ErrorCode::invalid, fmt::format("unknown field '{}'", k), k,
                  "see /api/openapi.json for the fields this route reads");
  }
  return j;
}

// A text field that may be cleared: absent -> unchanged, null -> "", a string -> it.
std::optional<std::string> clearableText(const json& j, const JsonReader& r, const char* key) {
  if (!j.contains(key)) return std::nullopt;
  if (j[key].is_null()) return std::string();
  return r.optionalString(key);
}

// An id field that may be cleared: absent -> unchanged, null -> cleared.
std::optional<std::optional<int64_t>> clearableId(const json& j, const JsonReader& r,
                                                  const char* key) {
  if (!j.contains(key)) return std::nullopt;
  if (j[key].is_null()) return std::optional<int64_t>();
  auto id = r.optionalInt(key);
  if (*id <= 0) throw Error(ErrorCode::invalid, fmt::format("{} must be a positive id", key), key);
  return std::optional<int64_t>(id);
}

std::vector<int64_t> contactIds(Store& store, const JsonReader& r, const char* key) {
  std::vector<int64_t> out;
  const auto& arr = r.array(key);
  for (size_t i = 0; i < arr.size(); ++i) {
    auto field = fmt::format("{}[{}]", key, i);
    if (!arr[i].is_number_integer())
      throw Error(ErrorCode::invalid, fmt::format("{} must be a contact id", field), field);
    out.push_back(requireContact(store, arr[i].get<int64_t>(), field).id);
  }
  return out;
}

const std::initializer_list<std::string_view> kEditKeys{
    "company", "title",  "posting_id", "url",  "channel", "resume",
    "salary",  "learned", "referrer_id", "link", "unlink"};

// The fields of an application a body sets, with the contacts it names checked.
ApplicationEdit applicationEdit(Store& store, const json& j) {
  JsonReader r(j, "");
  ApplicationEdit e;
  e.company = r.optionalString("company");
  e.title = r.optionalString("title");
  e.posting = clearableId(j, r, "posting_id");
  e.url = clearableText(j, r, "url");
  if (auto channel = r.optionalString("channel")) e.channel = requireChannel(*channel);
  e.resume = clearableText(j, r, "resume");
  e.salary = clearableText(j, r, "salary");
  e.learned = clearableText(j, r, "learned");
  e.referrer = clearableId(j, r, "referrer_id");
  if (e.referrer && *e.referrer) requireContact(store, **e.referrer, "referrer_id");
  e.link = contactIds(store, r, "link");
  e.unlink = contactIds(store, r, "unlink");
  return e;
}

Date dateOr(const JsonReader& r, const char* key, Date fallback) {
  auto text = r.optionalString(key);
  return text ? parseDateField(*text, key) : fallback;
}

Reply detail(ApiRequest& r, const Application& a, int status = 200) {
  return Reply::ok(applicationDetailJson(r.store(), a, r.clock().today()), status);
}

// A stored application after a change made by `change` to its copy, in one transaction.
template <typename F>
Application changeApplication(ApiRequest& r, F&& change) {
  auto& store = r.store();
  Application a;
  store.transaction([&] {
    a = requireApplication(store, r.id());
    change(a);
    store.applications().update(a);
  });
  return a;
}

Reply text(std::string body, std::string contentType, std::string filename) {
  Reply reply{.status = 200, .json = std::nullopt};
  reply.raw = std::move(body);
  reply.contentType = std::move(contentType);
  reply.headers.emplace_back("Content-Disposition",
                             fmt::format("attachment; filename=\"{}\"", filename));
  return reply;
}

json ref(const char* name) { return {{"$ref", fmt::format("#/components/schemas/{}", name)}}; }
json str() { return {{"type", "string"}}; }
json nullableStr() { return {{"type", {"string", "null"}}}; }
json date() { return {{"type", "string"}, {"format", "date"}}; }
json nullableDate() { return {{"type", {"string", "null"}}, {"format", "date"}}; }
json integer() { return {{"type", "integer"}}; }
json nullableInt() { return {{"type", {"integer", "null"}}}; }
json arrayOf(json items) { return {{"type", "array"}, {"items", std::move(items)}}; }
json object(json props, json required = json::array()) {
  return {{"type", "object"}, {"required", std::move(required)}, {"properties", std::move(props)}};
}
json stageEnum() {
  json names = json::array();
  for (auto s : kStages) names.push_back(toString(s));
  return {{"type", "string"}, {"enum", names}};
}
json channelEnum() {
  json names = json::array();
  for (auto c : kChannels) names.push_back(toString(c));
  return {{"type", "string"}, {"enum", names}};
}

void addSchemas(RouteTable& t) {
  json event = object({{"date", date()},
                       {"kind", {{"type", "string"}, {"enum", {"stage", "note", "reply", "followup"}}}},
                       {"stage", {{"type", {"string", "null"}}}},
                       {"text", nullableStr()}},
                      {"date", "kind"});
  json status = object({{"stage", stageEnum()},
                        {"applied", nullableDate()},
                        {"first_response", nullableDate()},
                        {"last_event", date()},
                        {"silent", {{"type", "boolean"}}},
                        {"silent_since", nullableDate()},
                        {"days_since_last_event", nullableInt()}});
  json appProps = {{"id", integer()},
                   {"company", str()},
                   {"title", str()},
                   {"posting_id", nullableInt()},
                   {"url", nullableStr()},
                   {"channel", channelEnum()},
                   {"resume", nullableStr()},
                   {"salary", nullableStr()},
                   {"learned", nullableStr()},
                   {"contacts", arrayOf(object({{"contact_id", integer()},
                                                {"referrer", {{"type", "boolean"}}}}))},
                   {"events", {{"type", "array"},
                               {"items", event},
                               {"description", "The history, oldest first"}}},
                   {"status", status}};
  t.schema("Application", object(appProps, {"id", "company", "title", "channel", "events", "status"}));
  json detailProps = appProps;
  detailProps["reminders"] = arrayOf(ref("Reminder"));
  detailProps["linked_contacts"] = arrayOf(ref("Contact"));
  detailProps["earlier_unanswered"] = {
      {"type", "array"},
      {"items", ref("Application")},
      {"description", "POST only: earlier applications to the company left without an answer"}};
  t.schema("ApplicationDetail",
           object(detailProps, {"id", "company", "title", "events", "status", "reminders"}));
  json editProps = {{"company", str()},
                    {"title", str()},
                    {"posting_id", nullableInt()},
                    {"url", nullableStr()},
                    {"channel", channelEnum()},
                    {"resume", nullableStr()},
                    {"salary", nullableStr()},
                    {"learned", nullableStr()},
                    {"referrer_id", {{"type", {"integer", "null"}},
                                     {"description", "The contact who referred you (null removes "
                                                     "it); sets the channel to referral unless "
                                                     "channel is sent"}}},
                    {"link", {{"type", "array"}, {"items", integer()},
                              {"description", "Contact ids to link"}}},
                    {"unlink", {{"type", "array"}, {"items", integer()},
                                {"description", "Contact ids to unlink"}}}};
  t.schema("ApplicationEdit", {{"type", "object"},
                               {"properties", editProps},
                               {"additionalProperties", false},
                               {"description", "Only the fields sent change (as `jobfit app edit`)"}});
  json inputProps = editProps;
  inputProps["stage"] = {{"type", "string"}, {"enum", {"saved", "applied"}},
                         {"description", "Default applied"}};
  inputProps["date"] = {{"type", "string"}, {"format", "date"},
                        {"description", "When it was sent (or saved); default today"}};
  inputProps["note"] = str();
  inputProps["force"] = {{"type", "boolean"}, {"description", "Add it even if it looks like a duplicate"}};
  t.schema("ApplicationInput", {{"type", "object"},
                                {"required", {"company", "title"}},
                                {"properties", inputProps},
                                {"additionalProperties", false}});
  t.schema("Move", {{"type", "object"},
                    {"required", {"stage"}},
                    {"additionalProperties", false},
                    {"properties",
                     {{"stage", stageEnum()},
                      {"date", {{"type", "string"}, {"format", "date"}, {"description", "Default today"}}},
                      {"note", str()},
                      {"force", {{"type", "boolean"},
                                 {"description", "Record it even if dated before the last event"}}}}}});
  t.schema("NoteInput", {{"type", "object"},
                         {"required", {"text"}},
                         {"additionalProperties", false},
                         {"properties",
                          {{"text", str()},
                           {"kind", {{"type", "string"},
                                     {"enum", {"note", "reply", "followup"}},
                                     {"description", "A reply from the employer counts as a "
                                                     "response; default note"}}},
                           {"date", date()},
                           {"force", {{"type", "boolean"}}}}}});
  t.schema("CloseInput",
           {{"type", "object"},
            {"additionalProperties", false},
            {"properties",
             {{"reason", {{"type", "string"},
                          {"enum", {"silent", "rejected", "withdrawn"}},
                          {"description", "silent (no response: stage closed) is the default"}}},
              {"learned", {{"type", "string"}, {"description", "A short reflection to keep"}}},
              {"date", date()},
              {"force", {{"type", "boolean"}}}}}});
  t.schema("Feedback", object({{"application_id", integer()}, {"subject", str()}, {"body", str()}},
                              {"application_id", "subject", "body"}));
  t.schema("Reminder",
           object({{"id", integer()},
                   {"application_id", integer()},
                   {"kind", {{"type", "string"}, {"enum", {"followup", "interview"}}}},
                   {"due", date()},
                   {"at", {{"type", {"string", "null"}}, {"format", "date-time"}}},
                   {"minutes", integer()},
                   {"text", nullableStr()},
                   {"done", nullableDate()},
                   {"created", {{"type", "string"}, {"format", "date-time"}}}},
                  {"id", "application_id", "kind", "due"}));
  t.schema("ReminderInput",
           {{"type", "object"},
            {"required", {"application_id", "due"}},
            {"additionalProperties", false},
            {"properties",
             {{"application_id", integer()},
              {"due", date()},
              {"at", {{"type", "string"}, {"pattern", "^[0-9]{1,2}:[0-9]{2}$"},
                      {"description", "Local time HH:MM (needed for interviews)"}}},
              {"interview", {{"type", "boolean"}}},
              {"minutes", {{"type", "integer"}, {"description", "Interviews default to 60"}}},
              {"text", str()}}}});
  t.schema("ReminderPatch", {{"type", "object"},
                             {"required", {"done"}},
                             {"additionalProperties", false},
                             {"properties", {{"done", {{"const", true}}}}}});
  json contactProps = {{"name", str()},     {"company", nullableStr()}, {"role", nullableStr()},
                       {"how", nullableStr()}, {"email", nullableStr()},   {"phone", nullableStr()},
                       {"links", arrayOf(str())}, {"notes", nullableStr()}};
  json contactOut = contactProps;
  contactOut["id"] = integer();
  contactOut["last_contacted"] = nullableDate();
  contactOut["interactions"] = arrayOf(object(
      {{"date", date()}, {"text", str()}, {"application_id", nullableInt()}}, {"date", "text"}));
  contactOut["applications"] = arrayOf(integer());
  contactOut["referrals"] = arrayOf(integer());
  t.schema("Contact", object(contactOut, {"id", "name", "links", "interactions"}));
  t.schema("ContactInput", {{"type", "object"},
                            {"properties", contactProps},
                            {"additionalProperties", false},
                            {"description", "POST needs name; PUT changes the fields sent "
                                            "(links, when sent, replace the old ones)"}});
  t.schema("InteractionInput",
           {{"type", "object"},
            {"required", {"text"}},
            {"additionalProperties", false},
            {"properties",
             {{"text", str()},
              {"date", {{"type", "string"}, {"format", "date"}, {"description", "Default today"}}},
              {"application_id", {{"type", "integer"}, {"description", "The application it was about"}}}}}});
  t.schema("Inbox",
           object({{"today", date()},
                   {"items",
                    arrayOf(object({{"kind", {{"type", "string"},
                                              {"enum", {"interview", "followup", "silent"}}}},
                                    {"application_id", integer()},
                                    {"company", str()},
                                    {"title", str()},
                                    {"stage", stageEnum()},
                                    {"reminder", {{"oneOf", {ref("Reminder"), {{"type", "null"}}}}}},
                                    {"silent_since", nullableDate()},
                                    {"days_since_last_event", nullableInt()},
                                    {"suggestion", str()},
                                    {"command", str()}}))}},
                  {"today", "items"}));
  json curve = object({{"applications", integer()},
                       {"responses", integer()},
                       {"censored", integer()},
                       {"median_days", nullableInt()},
                       {"p25_days", nullableInt()},
                       {"p75_days", nullableInt()},
                       {"curve", arrayOf(object({{"days", integer()},
                                                 {"at_risk", integer()},
                                                 {"responses", integer()},
                                                 {"censored", integer()},
                                                 {"survival", {{"type", "number"}}}}))}});
  json rate = {{"type", {"number", "null"}}};
  t.schema("SearchStats",
           {{"type", "object"},
            {"description", "As `jobfit stats --json`; definitions in docs/applications.md"},
            {"properties",
             {{"as_of", date()},
              {"from", nullableDate()},
              {"to", nullableDate()},
              {"applications", integer()},
              {"sent", integer()},
              {"funnel", arrayOf(object({{"stage", stageEnum()},
                                         {"reached", integer()},
                                         {"conversion", rate}}))},
              {"outcomes", object({{"open", integer()},
                                   {"accepted", integer()},
                                   {"rejected", integer()},
                                   {"withdrawn", integer()},
                                   {"closed", integer()}})},
              {"by_channel", arrayOf(object({{"channel", channelEnum()},
                                             {"applications", integer()},
                                             {"responses", integer()},
                                             {"interviews", integer()},
                                             {"offers", integer()},
                                             {"response_rate", rate},
                                             {"interview_rate", rate},
                                             {"offer_rate", rate},
                                             {"median_days", nullableInt()},
                                             {"p25_days", nullableInt()},
                                             {"p75_days", nullableInt()}}))},
              {"time_to_response", curve},
              {"weekly", arrayOf(object({{"week", date()},
                                         {"applications", integer()},
                                         {"responses", integer()}}))},
              {"by_company", arrayOf(object({{"company", str()},
                                             {"applications", integer()},
                                             {"responses", integer()},
                                             {"median_days", nullableInt()}}))}}}});
}

void addApplicationPaths(RouteTable& t) {
  t.add({.method = Method::get,
         .path = "/api/applications",
         .summary = "Applications by id, each with its status (as `jobfit apps --json`)",
         .tag = "applications",
         .response = "Application[]",
         .query = {{"stage", "string", "Only those now in this stage"},
                   {"silent", "boolean", "Only those that went silent"}},
         .handler = [](ApiRequest& r) {
           std::optional<Stage> stage;
           if (auto s = r.query("stage")) stage = requireStage(*s, "stage");
           Date today = r.clock().today();
           auto& store = r.store();
           auto apps = listApplications(store, stage, r.queryFlag("silent"), today);
           return Reply::ok(applicationsJson(apps, silenceThresholds(store), today));
         },
         .cache = Caching::dataAndDay});

  t.add({.method = Method::post,
         .path = "/api/applications",
         .summary = "Add an application, saved or applied (as `jobfit app add`); a likely "
                    "duplicate is refused with 409 unless force",
         .tag = "applications",
         .request = "ApplicationInput",
         .response = "ApplicationDetail",
         .status = 201,
         .handler = [](ApiRequest& r) {
           auto j = body(r, {"company", "title", "posting_id", "url", "channel", "resume",
                             "salary", "learned", "referrer_id", "link", "unlink", "stage",
                             "date", "note", "force"});
           JsonReader in(j, "");
           in.requiredString("company");
           in.requiredString("title");
           auto& store = r.store();
           Date today = r.clock().today();
           Application a;
           applyEdit(a, applicationEdit(store, j));
           Stage stage = requireStage(in.optionalString("stage").value_or("applied"), "stage");
           startApplication(a, stage, dateOr(in, "date", today), in.optionalString("note").value_or(""),
                            today);
           bool force = in.optionalBool("force").value_or(false);
           PriorAttempts prior;
           int64_t id = 0;
           store.transaction([&] {
             prior = priorAttempts(store, a, today);
             if (!prior.duplicates.empty() && !force) refuseDuplicate(a, prior.duplicates.front());
             id = store.applications().add(a);
           });
           auto out = applicationDetailJson(store, requireApplication(store, id), today);
           out["earlier_unanswered"] = applicationsJson(prior.unanswered, silenceThresholds(store), today);
           return Reply::ok(std::move(out), 201);
         }});

  // Before /api/applications/{id}, which would otherwise take "history.csv" for an id.
  t.add({.method = Method::get,
         .path = "/api/applications/history.csv",
         .summary = "One CSV row per event of every application (as `jobfit apps history --csv`)",
         .tag = "applications",
         .handler = [](ApiRequest& r) {
           return text(historyCsv(r.store().applications().list()), "text/csv; charset=utf-8",
                       "jobfit-history.csv");
         },
         .responseType = "text/csv",
         .cache = Caching::data});

  t.add({.method = Method::get,
         .path = "/api/applications.csv",
         .summary = "One CSV row per application, stage dates as columns (as `jobfit apps "
                    "export --csv`)",
         .tag = "applications",
         .handler = [](ApiRequest& r) {
           auto& store = r.store();
           return text(applicationsCsv(store.applications().list(), store.contacts().list()),
                       "text/csv; charset=utf-8", "jobfit-applications.csv");
         },
         .responseType = "text/csv",
         .cache = Caching::data});

  t.add({.method = Method::get,
         .path = "/api/applications/{id}",
         .summary = "One application with its timeline, status, reminders and linked contacts "
                    "(as `jobfit app show --json`)",
         .tag = "applications",
         .response = "ApplicationDetail",
         .handler = [](ApiRequest& r) { return detail(r, requireApplication(r.store(), r.id())); },
         .cache = Caching::dataAndDay});

  t.add({.method = Method::put,
         .path = "/api/applications/{id}",
         .summary = "Change an application's fields: only those sent change (as `jobfit app "
                    "edit`); its history changes through moves and notes",
         .tag = "applications",
         .request = "ApplicationEdit",
         .response = "ApplicationDetail",
         .handler = [](ApiRequest& r) {
           auto j = body(r, kEditKeys);
           auto edit = applicationEdit(r.store(), j);
           return detail(r, changeApplication(r, [&](Application& a) {
                           applyEdit(a, edit);
                           validateApplication(a);
                         }));
         }});

  t.add(deleteRoute("/api/applications/{id}", "applications",
                    "Delete an application with its history and reminders (as `jobfit app rm`)",
                    [](Store& s, int64_t id) { s.applications().remove(id); }));

  t.add({.method = Method::post,
         .path = "/api/applications/{id}/moves",
         .summary = "Record a stage change (as `jobfit app move`): stages may be skipped or "
                    "gone back to; dated before the last event needs force",
         .tag = "applications",
         .request = "Move",
         .response = "ApplicationDetail",
         .status = 201,
         .handler = [](ApiRequest& r) {
           auto j = body(r, {"stage", "date", "note", "force"});
           JsonReader in(j, "");
           Stage to = requireStage(in.requiredString("stage"), "stage");
           Date today = r.clock().today();
           Date on = dateOr(in, "date", today);
           auto note = in.optionalString("note").value_or("");
           bool force = in.optionalBool("force").value_or(false);
           return detail(r,
                         changeApplication(r, [&](Application& a) {
                           moveTo(a, to, on, note, force, today);
                         }),
                         201);
         }});

  t.add({.method = Method::post,
         .path = "/api/applications/{id}/notes",
         .summary = "Add a note, a reply received or a follow-up sent (as `jobfit app note`)",
         .tag = "applications",
         .request = "NoteInput",
         .response = "ApplicationDetail",
         .status = 201,
         .handler = [](ApiRequest& r) {
           auto j = body(r, {"text", "kind", "date", "force"});
           JsonReader in(j, "");
           auto text = in.requiredString("text");
           auto kindText = in.optionalString("kind").value_or("note");
           auto kind = parseEventKind(kindText);
           if (!kind || *kind == EventKind::stage)
             throw Error(ErrorCode::usage, fmt::format("unknown kind '{}'", kindText), "kind",
                         "kinds: note, reply, followup (a stage change is a move)");
           Date today = r.clock().today();
           Date on = dateOr(in, "date", today);
           bool force = in.optionalBool("force").value_or(false);
           return detail(r,
                         changeApplication(r, [&](Application& a) {
                           addEvent(a, *kind, on, text, force, today);
                         }),
                         201);
         }});

  t.add({.method = Method::post,
         .path = "/api/applications/{id}/close",
         .summary = "Close an application with what you learned (as `jobfit app close`)",
         .tag = "applications",
         .request = "CloseInput",
         .response = "ApplicationDetail",
         .handler = [](ApiRequest& r) {
           auto j = body(r, {"reason", "learned", "date", "force"});
           JsonReader in(j, "");
           auto reason = in.optionalString("reason").value_or("silent");
           auto learned = in.optionalString("learned");
           Date today = r.clock().today();
           Date on = dateOr(in, "date", today);
           bool force = in.optionalBool("force").value_or(false);
           return detail(r, changeApplication(r, [&](Application& a) {
                           closeApplication(a, reason, learned, on, force, today);
                         }));
         }});

  t.add({.method = Method::get,
         .path = "/api/applications/{id}/feedback",
         .summary = "After a rejection, a short polite note asking what would have made the "
                    "difference (as `jobfit app feedback --json`); 409 unless rejected",
         .tag = "applications",
         .response = "Feedback",
         .handler = [](ApiRequest& r) {
           auto& store = r.store();
           auto a = requireApplication(store, r.id());
           return Reply::ok(feedbackJson(a, feedbackFor(store, a)));
         }});
}

void addReminderPaths(RouteTable& t) {
  t.add({.method = Method::get,
         .path = "/api/inbox",
         .summary = "What to do today: interviews this week, due follow-ups and silent "
                    "applications with a suggested next step (as `jobfit inbox --json`)",
         .tag = "applications",
         .response = "Inbox",
         .handler = [](ApiRequest& r) {
           return Reply::ok(toJson(inboxFor(r.store(), r.clock().today())));
         },
         .cache = Caching::dataAndDay});

  t.add({.method = Method::get,
         .path = "/api/reminders",
         .summary = "Open reminders by due date (as `jobfit reminders --json`)",
         .tag = "applications",
         .response = "Reminder[]",
         .query = {{"all", "boolean", "Include the ones already done"}},
         .handler = [](ApiRequest& r) {
           json out = json::array();
           for (const auto& m : r.store().reminders().list(r.queryFlag("all")))
             out.push_back(toJson(m));
           return Reply::ok(std::move(out));
         },
         .cache = Caching::data});

  t.add({.method = Method::post,
         .path = "/api/reminders",
         .summary = "Add a follow-up reminder or an interview (as `jobfit remind`)",
         .tag = "applications",
         .request = "ReminderInput",
         .response = "Reminder",
         .status = 201,
         .handler = [](ApiRequest& r) {
           auto j = body(r, {"application_id", "due", "at", "interview", "minutes", "text"});
           JsonReader in(j, "");
           ReminderRequest q;
           q.applicationId = in.requiredInt("application_id");
           q.due = parseDateField(in.requiredString("due"), "due");
           q.at = in.optionalString("at");
           q.interview = in.optionalBool("interview").value_or(false);
           if (auto m = in.optionalInt("minutes")) {
             if (*m < 0 || *m > 24 * 60)
               throw Error(ErrorCode::usage, "minutes must be from 0 to 1440", "minutes");
             q.minutes = static_cast<int>(*m);
           }
           q.text = in.optionalString("text").value_or("");
           auto& store = r.store();
           Reminder m;
           store.transaction([&] {
             m = makeReminder(store, q, r.clock());
             m.id = store.reminders().add(m);
           });
           return Reply::ok(toJson(requireReminder(store, m.id)), 201);
         }});

  auto done = [](ApiRequest& r) {
    auto& store = r.store();
    Reminder m;
    store.transaction([&] { m = markReminderDone(store, r.id(), r.clock().today()); });
    return Reply::ok(toJson(m));
  };
  t.add({.method = Method::patch,
         .path = "/api/reminders/{id}",
         .summary = "Mark a reminder done with {\"done\": true} (as `jobfit reminders --done`); "
                    "a follow-up is recorded on its application",
         .tag = "applications",
         .request = "ReminderPatch",
         .response = "Reminder",
         .handler = [done](ApiRequest& r) {
           auto j = body(r, {"done"});
           if (!j.contains("done") || j["done"] != true)
             throw Error(ErrorCode::invalid, "send {\"done\": true}", "done",
                         "a reminder cannot be reopened; add a new one");
           return done(r);
         }});
  t.add({.method = Method::post,
         .path = "/api/reminders/{id}/done",
         .summary = "Mark a reminder done (as `jobfit reminders --done`); a follow-up is "
                    "recorded on its application",
         .tag = "applications",
         .response = "Reminder",
         .handler = done});

  t.add(deleteRoute("/api/reminders/{id}", "applications",
                    "Delete a reminder (as `jobfit reminders --rm`)",
                    [](Store& s, int64_t id) { s.reminders().remove(id); }));

  t.add({.method = Method::get,
         .path = "/api/calendar.ics",
         .summary = "Interviews and open follow-ups as iCalendar events with alarms, stable UIDs "
                    "(as `jobfit calendar export`)",
         .tag = "applications",
         .handler = [](ApiRequest& r) {
           auto& store = r.store();
           return text(calendarIcs(store.reminders().list(false), store.applications().list(),
                                   r.clock()),
                       "text/calendar; charset=utf-8", "jobfit.ics");
         },
         .responseType = "text/calendar"});
}

ContactEdit contactEdit(const json& j) {
  JsonReader in(j, "");
  ContactEdit e;
  e.name = in.optionalString("name");
  e.company = clearableText(j, in, "company");
  e.role = clearableText(j, in, "role");
  e.how = clearableText(j, in, "how");
  e.email = clearableText(j, in, "email");
  e.phone = clearableText(j, in, "phone");
  e.notes = clearableText(j, in, "notes");
  if (j.contains("links")) {
    e.clearLinks = true;
    e.links = in.stringList("links");
  }
  return e;
}

const std::initializer_list<std::string_view> kContactKeys{
    "name", "company", "role", "how", "email", "phone", "links", "notes"};

void addContactPaths(RouteTable& t) {
  t.add({.method = Method::get,
         .path = "/api/contacts",
         .summary = "Contacts by id with their interactions and applications (as `jobfit "
                    "contacts --json`)",
         .tag = "applications",
         .response = "Contact[]",
         .handler = [](ApiRequest& r) { return Reply::ok(contactsJson(r.store())); },
         .cache = Caching::data});

  t.add({.method = Method::post,
         .path = "/api/contacts",
         .summary = "Add a contact (as `jobfit contact add`)",
         .tag = "applications",
         .request = "ContactInput",
         .response = "Contact",
         .status = 201,
         .handler = [](ApiRequest& r) {
           auto j = body(r, kContactKeys);
           JsonReader(j, "").requiredString("name");
           Contact c;
           applyEdit(c, contactEdit(j));
           validateContact(c, r.clock().today());
           auto& store = r.store();
           store.transaction([&] { c.id = store.contacts().add(c); });
           return Reply::ok(contactJson(store, requireContact(store, c.id)), 201);
         }});

  t.add({.method = Method::get,
         .path = "/api/contacts/{id}",
         .summary = "One contact (as `jobfit contact show --json`)",
         .tag = "applications",
         .response = "Contact",
         .handler = [](ApiRequest& r) {
           auto& store = r.store();
           return Reply::ok(contactJson(store, requireContact(store, r.id())));
         },
         .cache = Caching::data});

  t.add({.method = Method::put,
         .path = "/api/contacts/{id}",
         .summary = "Change a contact's fields: only those sent change; links sent replace the "
                    "old ones (as `jobfit contact edit`)",
         .tag = "applications",
         .request = "ContactInput",
         .response = "Contact",
         .handler = [](ApiRequest& r) {
           auto edit = contactEdit(body(r, kContactKeys));
           auto& store = r.store();
           Contact c;
           store.transaction([&] {
             c = requireContact(store, r.id());
             applyEdit(c, edit);
             validateContact(c, r.clock().today());
             store.contacts().update(c);
           });
           return Reply::ok(contactJson(store, c));
         }});

  t.add(deleteRoute("/api/contacts/{id}", "applications",
                    "Delete a contact, their interactions and their links to applications (as "
                    "`jobfit contact rm`)",
                    [](Store& s, int64_t id) { s.contacts().remove(id); }));

  t.add({.method = Method::post,
         .path = "/api/contacts/{id}/log",
         .summary = "Log an interaction with a contact (as `jobfit contact log`)",
         .tag = "applications",
         .request = "InteractionInput",
         .response = "Contact",
         .status = 201,
         .handler = [](ApiRequest& r) {
           auto j = body(r, {"text", "date", "application_id"});
           JsonReader in(j, "");
           Date today = r.clock().today();
           Interaction i{dateOr(in, "date", today), in.requiredString("text"),
                         in.optionalInt("application_id")};
           auto& store = r.store();
           Contact c;
           store.transaction([&] { c = logContactInteraction(store, r.id(), std::move(i), today); });
           return Reply::ok(contactJson(store, c), 201);
         }});

  t.add({.method = Method::get,
         .path = "/api/stats",
         .summary = "Statistics of the search: funnel, channels, time to first response "
                    "(Kaplan-Meier), weekly volume, companies (as `jobfit stats --json`)",
         .tag = "applications",
         .response = "SearchStats",
         .query = {{"from", "string", "Only applications sent (or added) on or after", "date"},
                   {"to", "string", "Only applications sent (or added) on or before", "date"}},
         .handler = [](ApiRequest& r) {
           StatsRange range{r.queryDate("from"), r.queryDate("to")};
           return Reply::ok(toJson(statsFor(r.store(), range, r.clock().today())));
         },
         .cache = Caching::dataAndDay});
}

}  // namespace

void addApplicationsRoutes(RouteTable& t) {
  addSchemas(t);
  addApplicationPaths(t);
  addReminderPaths(t);
  addContactPaths(t);
}

}  // namespace jobfit::server
