// The inbox: what to do today. Interviews coming up, follow-ups that are due, and
// applications that went silent, each with one suggested next step.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "applications/application.h"
#include "applications/contact.h"
#include "applications/reminder.h"
#include "applications/silence.h"

namespace jobfit {

struct InboxItem {
  enum class Kind { interview, followup, silent };
  Kind kind = Kind::silent;
  int64_t applicationId = 0;
  std::string company, title;
  Stage stage = Stage::saved;
  std::optional<Reminder> reminder;  // interview and followup items
  std::optional<Silence> silence;    // silent items
  std::string suggestion;            // one next step, in words
  std::string command;               // the jobfit command that records it
};

std::string_view toString(InboxItem::Kind k);

struct Inbox {
  Date today;
  // Interviews in the coming week, then due follow-ups, then silent applications that have no
  // open reminder (those already have a next step planned).
  std::vector<InboxItem> items;
  bool empty() const { return items.empty(); }
};

inline constexpr int kInterviewLookaheadDays = 7;

// `reminders` are the open ones; `contacts` give referrers' names for suggestions.
Inbox buildInbox(const std::vector<Application>& applications,
                 const std::vector<Reminder>& reminders, const std::vector<Contact>& contacts,
                 const SilenceThresholds& thresholds, Date today);

// The short, polite note asking what would have made the difference after a rejection,
// filled with the application's details. Throws Error(conflict) unless it was rejected.
struct FeedbackNote {
  std::string subject, body;
};
FeedbackNote feedbackNote(const Application& a, const std::optional<Contact>& contact);

}  // namespace jobfit
