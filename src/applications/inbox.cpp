#include "applications/inbox.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "core/error.h"

namespace jobfit {

std::string_view toString(InboxItem::Kind k) {
  switch (k) {
    case InboxItem::Kind::interview: return "interview";
    case InboxItem::Kind::followup: return "followup";
    case InboxItem::Kind::silent: return "silent";
  }
  return "silent";
}

namespace {

// One next step for a silent application: a nudge while it is fresh, closing once it has
// been quiet for twice its threshold.
void suggestForSilence(InboxItem& item, const Application& a,
                       const std::map<int64_t, const Contact*>& contacts) {
  const auto& s = *item.silence;
  bool long_ = s.days >= 2L * s.threshold;
  auto id = a.id;
  if (long_ && item.stage != Stage::offer) {
    item.suggestion = fmt::format(
        "No word for {} days. Close it, so it stops taking up room; note what you learned.",
        s.days);
    item.command = fmt::format("jobfit app close {} --reason silent --learned \"...\"", id);
    return;
  }
  const Contact* referrer = nullptr;
  if (auto r = referrerOf(a))
    if (auto it = contacts.find(*r); it != contacts.end()) referrer = it->second;
  switch (item.stage) {
    case Stage::applied:
      item.suggestion =
          referrer ? fmt::format("Ask {} whether they can find out where your application "
                                 "stands.",
                                 referrer->name)
                   : "Send one short follow-up to the recruiter or hiring manager.";
      break;
    case Stage::screening:
    case Stage::interviewing:
      item.suggestion = "Ask politely for an update on the next step and its timing.";
      break;
    case Stage::offer:
      item.suggestion = "Answer the offer, or ask until when they need your decision.";
      break;
    default:
      item.suggestion = "Decide whether to follow up or close it.";
      break;
  }
  item.command = fmt::format("jobfit app note {} \"followed up\" --followup", id);
}

}  // namespace

Inbox buildInbox(const std::vector<Application>& applications,
                 const std::vector<Reminder>& reminders, const std::vector<Contact>& contacts,
                 const SilenceThresholds& thresholds, Date today) {
  Inbox inbox;
  inbox.today = today;
  std::map<int64_t, const Application*> byId;
  for (const auto& a : applications) byId[a.id] = &a;
  std::map<int64_t, const Contact*> contactById;
  for (const auto& c : contacts) contactById[c.id] = &c;

  std::vector<InboxItem> interviews, followups, silent;
  for (const auto& r : reminders) {
    if (r.done) continue;
    auto it = byId.find(r.applicationId);
    if (it == byId.end()) continue;
    const auto& a = *it->second;
    InboxItem item;
    item.applicationId = a.id;
    item.company = a.company;
    item.title = a.title;
    item.stage = currentStage(a);
    item.reminder = r;
    if (r.kind == ReminderKind::interview) {
      // Interviews from today until a week ahead; past ones stay in 'jobfit reminders'.
      if (r.due < today || daysBetween(today, r.due) > kInterviewLookaheadDays) continue;
      item.kind = InboxItem::Kind::interview;
      item.suggestion = r.due == today
                            ? "Interview today: re-read the posting and your notes."
                            : "Prepare: re-read the posting, your notes and who you will meet.";
      item.command = fmt::format("jobfit app show {}", a.id);
      interviews.push_back(std::move(item));
    } else {
      if (r.due > today) continue;
      item.kind = InboxItem::Kind::followup;
      item.suggestion = r.text.empty() ? "Follow up on this application." : r.text;
      item.command = fmt::format("jobfit reminders --done {}", r.id);
      followups.push_back(std::move(item));
    }
  }
  // An application with an open reminder already has a next step planned.
  std::set<int64_t> planned;
  for (const auto& r : reminders)
    if (!r.done) planned.insert(r.applicationId);
  for (const auto& a : applications) {
    if (a.events.empty() || planned.count(a.id)) continue;
    auto s = silence(a, thresholds, today);
    if (!s) continue;
    InboxItem item;
    item.kind = InboxItem::Kind::silent;
    item.applicationId = a.id;
    item.company = a.company;
    item.title = a.title;
    item.stage = currentStage(a);
    item.silence = s;
    suggestForSilence(item, a, contactById);
    silent.push_back(std::move(item));
  }
  std::stable_sort(silent.begin(), silent.end(), [](const InboxItem& x, const InboxItem& y) {
    return x.silence->days > y.silence->days;
  });
  for (auto* part : {&interviews, &followups, &silent})
    for (auto& item : *part) inbox.items.push_back(std::move(item));
  return inbox;
}

FeedbackNote feedbackNote(const Application& a, const std::optional<Contact>& contact) {
  if (currentStage(a) != Stage::rejected)
    throw Error(ErrorCode::conflict,
                fmt::format("application {} is {}, not rejected", a.id, toString(currentStage(a))),
                "id", fmt::format("record the rejection first: jobfit app move {} rejected", a.id));
  FeedbackNote note;
  note.subject = fmt::format("Your decision on my application: {}", a.title);
  std::string greeting = "Hello,";
  if (contact && !contact->name.empty()) greeting = fmt::format("Hello {},", contact->name);
  std::string sent;
  if (auto applied = appliedDate(a)) sent = fmt::format(", which I sent on {}", formatDate(*applied));
  bool interviewed = *pipelineRank(furthestStage(a)) >= *pipelineRank(Stage::interviewing);
  note.body = fmt::format(
      "{}\n\n"
      "Thank you for letting me know your decision on my application for the {} role at {}{}.\n"
      "{}"
      "I respect the decision. If you can spare a minute, I would be grateful to hear what "
      "would have made the difference: in my experience, in my application, or in how I came "
      "across. A sentence or two would help me a great deal with the next one.\n\n"
      "Thank you again, and all the best with the search.\n\n"
      "Kind regards,\n",
      greeting, a.title, a.company, sent,
      interviewed ? "Thank you also for the time you and your colleagues spent with me in the "
                    "interviews.\n\n"
                  : "\n");
  return note;
}

}  // namespace jobfit
