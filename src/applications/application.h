// The job search model (PRODUCT.md, "Search model"): applications that move through stages,
// where every change is an event with its date, so that everything else (the current stage,
// the funnel, time to first response, silence) is computed from that history.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/time.h"

namespace jobfit {

// Pipeline stages in order, then the three ways an application ends without an acceptance.
enum class Stage { saved, applied, screening, interviewing, offer, accepted, rejected, withdrawn, closed };
inline constexpr std::array<Stage, 9> kStages{Stage::saved,     Stage::applied,  Stage::screening,
                                              Stage::interviewing, Stage::offer, Stage::accepted,
                                              Stage::rejected,  Stage::withdrawn, Stage::closed};
// The forward pipeline, saved .. accepted.
inline constexpr std::array<Stage, 6> kPipeline{Stage::saved,        Stage::applied, Stage::screening,
                                                Stage::interviewing, Stage::offer,   Stage::accepted};

// Where an application came from.
enum class Channel { referral, recruiter, network, cold, job_board, other };
inline constexpr std::array<Channel, 6> kChannels{Channel::referral, Channel::recruiter,
                                                  Channel::network,  Channel::cold,
                                                  Channel::job_board, Channel::other};

// What an event records: a stage change, a note, a reply from the employer that did not change
// the stage, or a follow-up the person sent.
enum class EventKind { stage, note, reply, followup };

std::string_view toString(Stage s);
std::string_view toString(Channel c);  // "job-board" for job_board
std::string_view toString(EventKind k);
std::optional<Stage> parseStage(std::string_view s);
std::optional<Channel> parseChannel(std::string_view s);
std::optional<EventKind> parseEventKind(std::string_view s);
// Parses or throws Error(usage) naming `field` and listing the accepted values.
Stage requireStage(std::string_view s, std::string_view field = "stage");
Channel requireChannel(std::string_view s, std::string_view field = "channel");

// True for accepted, rejected, withdrawn and closed: nothing more is expected.
bool isFinal(Stage s);
// Position in the pipeline (saved 0 .. accepted 5); nullopt for rejected, withdrawn, closed.
std::optional<int> pipelineRank(Stage s);

struct ApplicationEvent {
  int64_t id = 0;  // 0 until stored
  Date date;
  EventKind kind = EventKind::note;
  std::optional<Stage> stage;  // set for kind == stage only
  std::string text;
  bool operator==(const ApplicationEvent&) const = default;
};

// A contact linked to an application; `referrer` when they referred the person.
struct ContactLink {
  int64_t contactId = 0;
  bool referrer = false;
  bool operator==(const ContactLink&) const = default;
};

struct Application {
  int64_t id = 0;
  std::string company, title;
  // The posting this application is for, when it was added from one.
  std::optional<int64_t> postingId;
  std::string url;
  Channel channel = Channel::other;
  std::string resume;   // which version of the résumé was sent
  std::string salary;   // as the person noted it ("60-70k EUR")
  std::string learned;  // the reflection recorded when it was closed
  // Oldest first: by date, then in the order recorded. Never empty once stored.
  std::vector<ApplicationEvent> events;
  std::vector<ContactLink> contacts;
  bool operator==(const Application&) const = default;
};

// The stage of the latest stage event.
Stage currentStage(const Application& a);
// The first event's date: when the application entered jobfit's history.
Date startDate(const Application& a);
Date lastEventDate(const Application& a);
// The date it was first sent: the first stage event into applied, screening, interviewing,
// offer, accepted or rejected (nobody is rejected without applying). nullopt while it was
// only saved (or saved and then withdrawn or closed).
std::optional<Date> appliedDate(const Application& a);
// The first reply from the employer on or after the applied date: a stage event into
// screening or beyond (including offer, accepted and rejected) or a reply event.
std::optional<Date> firstResponseDate(const Application& a);
// The furthest pipeline stage ever reached (saved when nothing else).
Stage furthestStage(const Application& a);
// The date the first final stage was reached (for censoring), if any.
std::optional<Date> finalDate(const Application& a);
// The date a stage was first reached, if ever.
std::optional<Date> dateReached(const Application& a, Stage s);
std::optional<int64_t> referrerOf(const Application& a);

// Puts links in their stored order: the referrer first, then by contact id.
void sortLinks(std::vector<ContactLink>& links);
// Keeps events in history order (by date; ties keep the order they were recorded in).
void sortEvents(std::vector<ApplicationEvent>& events);

// Checks the fields of a new or edited application; throws Error(usage) naming the field.
void validateApplication(const Application& a);
// Events must start with a stage event, have a stage on stage events only and none dated after
// `today`. Throws Error(usage) naming the field.
void validateEvents(const std::vector<ApplicationEvent>& events, Date today);

// The rules for a move (ISSUE: moves may skip stages, a move back is allowed and recorded,
// a move dated before the previous event is refused unless forced, no moves into the future,
// no "move" to the stage it is already in). Appends the event; throws Error(conflict/usage).
void moveTo(Application& a, Stage to, Date on, std::string note, bool force, Date today);
// Appends a note, a reply or a follow-up. Dated before the last event needs `force`.
void addEvent(Application& a, EventKind kind, Date on, std::string text, bool force, Date today);

// A change to an application's own fields (not its history): what is set changes, the rest
// stays. Shared by `jobfit app add/edit` and the HTTP API.
struct ApplicationEdit {
  std::optional<std::string> company, title, url, resume, salary, learned;
  std::optional<Channel> channel;
  std::optional<std::optional<int64_t>> posting;   // a posting id, or nullopt to unlink
  std::optional<std::optional<int64_t>> referrer;  // a contact id, or nullopt to remove
  std::vector<int64_t> link, unlink;               // other contacts to link and unlink
};
// Applies an edit. Naming a referrer makes the channel "referral" unless the edit sets one.
// Contact ids are taken as given (the caller checks they exist); fields are not validated.
void applyEdit(Application& a, const ApplicationEdit& edit);

// A new application's first events: its stage (saved or applied) on `on`, then the note if
// any. Validates it; throws Error(usage) naming the field.
void startApplication(Application& a, Stage stage, Date on, const std::string& note, Date today);

// Closing an application: "silent" (no response: stage closed), "rejected" or "withdrawn".
// Moves it there on `on` (unless it is already there) and keeps the reflection when one is
// given. Throws Error(usage) for another reason and Error(conflict) when it is already there
// and no reflection was given. Returns the final stage.
Stage closeApplication(Application& a, std::string_view reason,
                       const std::optional<std::string>& learned, Date on, bool force, Date today);

// Duplicate detection for a new application against the stored ones.
struct DuplicateCheck {
  // Same posting, or same company and normalised title started within 90 days.
  std::vector<const Application*> duplicates;
  // Earlier applications to the same company that ended with no answer (closed) or are
  // silent now: the person should know before trying again.
  std::vector<const Application*> unanswered;
};
inline constexpr int kDuplicateWindowDays = 90;
// `silent` says whether a stored application is silent today (see silence.h).
DuplicateCheck checkDuplicates(const Application& candidate, Date candidateDate,
                               const std::vector<Application>& existing,
                               const std::function<bool(const Application&)>& silent);

}  // namespace jobfit
