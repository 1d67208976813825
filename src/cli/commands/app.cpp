// jobfit app add|move|show|note|edit|rm|close|feedback
#include <fmt/format.h>

#include "applications/applications_json.h"
#include "applications/inbox.h"
#include "cli/commands.h"
#include "cli/commands/registry.h"
#include "cli/commands/search_common.h"
#include "cli/table.h"
#include "core/error.h"
#include "core/text.h"

namespace jobfit::cli {

namespace {

// The id of a stored posting; throws Error(not_found) for an id no posting has.
int64_t storedPostingId(Store& store, const std::string& text) {
  int64_t id = parseId(text, "posting");
  requirePostingId(store, id);
  return id;
}

// Tells the person, before they try again, that this company left them without an answer.
void noteUnanswered(Context& ctx, const std::vector<Application>& unanswered,
                    const SilenceThresholds& thresholds, Date today) {
  if (unanswered.empty()) return;
  ctx.err() << fmt::format("note: {} left you without an answer before:\n",
                           unanswered.front().company);
  for (const auto& app : unanswered) {
    const auto* a = &app;
    auto applied = appliedDate(*a);
    auto quiet = silence(*a, thresholds, today);
    std::string state =
        currentStage(*a) == Stage::closed
            ? fmt::format("closed {} with no response",
                          formatDate(finalDate(*a).value_or(lastEventDate(*a))))
            : fmt::format("no answer for {} days", quiet ? quiet->days : 0L);
    ctx.err() << fmt::format("  #{} {}: applied {}, {}{}\n", a->id, a->title,
                             applied ? formatDate(*applied) : "-", state,
                             a->learned.empty() ? "" : fmt::format(" (learned: {})", a->learned));
  }
}

void printShow(Context& ctx, Store& store, const Application& a) {
  auto today = ctx.clock().today();
  auto status = statusOf(a, silenceThresholds(store), today);
  auto& out = ctx.out();
  out << ctx.bold(fmt::format("#{} {}", a.id, describe(a))) << '\n';
  std::string stage = std::string(toString(status.stage));
  if (status.silence)
    stage += ctx.yellow(fmt::format(" (silent: no news for {} days)", status.silence->days));
  out << "stage: " << stage << '\n';
  std::vector<std::string> facts{fmt::format("channel: {}", toString(a.channel))};
  if (!a.resume.empty()) facts.push_back("résumé: " + a.resume);
  if (!a.salary.empty()) facts.push_back("salary: " + a.salary);
  if (a.postingId) facts.push_back(fmt::format("posting: #{}", *a.postingId));
  out << join(facts, " · ") << '\n';
  if (!a.url.empty()) out << "url: " << a.url << '\n';
  if (status.applied) {
    out << "applied " << formatDate(*status.applied);
    if (status.firstResponse)
      out << fmt::format(" · first response {} ({} days later)", formatDate(*status.firstResponse),
                         daysBetween(*status.applied, *status.firstResponse));
    else
      out << fmt::format(" · no response yet ({} days)", daysBetween(*status.applied, today));
    out << '\n';
  }
  out << '\n' << ctx.bold("History") << '\n';
  for (const auto& e : a.events) {
    std::string what = e.kind == EventKind::stage ? std::string(toString(*e.stage))
                                                  : std::string(toString(e.kind));
    out << fmt::format("  {}  {}\n", formatDate(e.date),
                       e.text.empty() ? what : fmt::format("{:<12}  {}", what, e.text));
  }
  if (!a.contacts.empty()) {
    out << '\n' << ctx.bold("Contacts") << '\n';
    for (const auto& link : a.contacts) {
      auto c = store.contacts().find(link.contactId);
      if (!c) continue;
      std::vector<std::string> parts;
      std::string who = c->role;
      if (!c->company.empty()) who += (who.empty() ? "at " : " at ") + c->company;
      if (!who.empty()) parts.push_back(who);
      if (auto last = lastContacted(*c)) parts.push_back("last contacted " + formatDate(*last));
      out << fmt::format("  #{} {}{}{}\n", c->id, c->name, link.referrer ? " (referrer)" : "",
                         parts.empty() ? "" : " · " + join(parts, " · "));
    }
  }
  auto reminders = store.reminders().forApplication(a.id);
  if (!reminders.empty()) {
    out << '\n' << ctx.bold("Reminders") << '\n';
    for (const auto& r : reminders) {
      std::string when = r.at ? formatLocal(ctx.clock(), *r.at) : formatDate(r.due);
      out << fmt::format("  #{} {} {}{}{}\n", r.id, when, toString(r.kind),
                         r.text.empty() ? "" : ": " + r.text,
                         r.done ? fmt::format(" (done {})", formatDate(*r.done)) : "");
    }
  }
  if (!a.learned.empty()) out << '\n' << ctx.bold("Learned") << '\n' << "  " << a.learned << '\n';
}

// The flags that describe an application, shared by add and edit.
struct AppFlags {
  std::optional<std::string> company, title, posting, url, channel, referrer, resume, salary;
  void attach(CLI::App& cmd) {
    cmd.add_option("--company", company, "The employer");
    cmd.add_option("--title", title, "The role's title");
    cmd.add_option("--posting", posting, "The id of the posting it is for");
    cmd.add_option("--url", url, "Where the job is described");
    cmd.add_option("--channel", channel,
                   "How you came to apply: referral, recruiter, network, cold, job-board, other");
    cmd.add_option("--referrer", referrer, "The contact (id or name) who referred you");
    cmd.add_option("--resume", resume, "Which version of your résumé you sent");
    cmd.add_option("--salary", salary, "The pay as you noted it");
  }
  // The edit these flags describe, with the referrer resolved to a contact.
  ApplicationEdit edit(Store& store) const {
    ApplicationEdit e;
    e.company = company;
    e.title = title;
    if (posting) e.posting = storedPostingId(store, *posting);
    e.url = url;
    if (channel) e.channel = requireChannel(*channel);
    e.resume = resume;
    e.salary = salary;
    if (referrer)
      e.referrer = trim(*referrer).empty()
                       ? std::nullopt
                       : std::optional<int64_t>(resolveContact(store, *referrer, "referrer").id);
    return e;
  }
};

void attachAdd(CLI::App& group, Context& ctx) {
  struct Args {
    AppFlags flags;
    std::optional<std::string> applied, note;
    std::string stage = "applied";
    bool force = false;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = group.add_subcommand("add", "Add an application");
  args->flags.attach(*cmd);
  cmd->get_option("--company")->required();
  cmd->get_option("--title")->required();
  cmd->add_option("--applied", args->applied, "When you applied (or saved it), YYYY-MM-DD; default today");
  cmd->add_option("--stage", args->stage, "saved or applied (default applied)");
  cmd->add_option("--note", args->note, "A first note");
  cmd->add_flag("--force", args->force, "Add it even if it looks like a duplicate");
  cmd->footer(
      "Example: jobfit app add --company Acme --title \"Data Analyst\" --channel referral "
      "--referrer \"Jane Doe\" --applied 2026-03-02\n");
  cmd->callback([args, &ctx] {
    auto& store = ctx.store();
    Date today = ctx.clock().today();
    Stage stage = requireStage(args->stage);
    Application a;
    applyEdit(a, args->flags.edit(store));
    Date on = args->applied ? parseDate(*args->applied, "applied") : today;
    startApplication(a, stage, on, args->note.value_or(""), today);
    auto prior = priorAttempts(store, a, today);
    noteUnanswered(ctx, prior.unanswered, silenceThresholds(store), today);
    if (!prior.duplicates.empty() && !args->force) refuseDuplicate(a, prior.duplicates.front());
    int64_t id = 0;
    store.transaction([&] { id = store.applications().add(a); });
    ctx.out() << id << '\n';
  });
}

void attachMove(CLI::App& group, Context& ctx) {
  struct Args {
    std::string id, stage;
    std::optional<std::string> date, note;
    bool force = false;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = group.add_subcommand("move", "Record a stage change");
  cmd->add_option("id", args->id, "Application id")->required();
  cmd->add_option("stage", args->stage,
                  "saved, applied, screening, interviewing, offer, accepted, rejected, withdrawn, "
                  "closed")
      ->required();
  cmd->add_option("--date", args->date, "When it happened, YYYY-MM-DD (default today)");
  cmd->add_option("--note", args->note, "What happened");
  cmd->add_flag("--force", args->force, "Record it even if dated before the last event");
  cmd->footer("Moves may skip stages and may go back; every move is kept in the history.\n");
  cmd->callback([args, &ctx] {
    auto& store = ctx.store();
    Date today = ctx.clock().today();
    auto a = requireApplication(store, parseId(args->id, "application id"));
    Stage from = currentStage(a);
    Stage to = requireStage(args->stage);
    Date on = args->date ? parseDate(*args->date) : today;
    moveTo(a, to, on, args->note.value_or(""), args->force, today);
    store.transaction([&] { store.applications().update(a); });
    ctx.out() << fmt::format("Application {}: {} -> {} on {}\n", a.id, toString(from),
                             toString(currentStage(a)), formatDate(on));
  });
}

void attachShow(CLI::App& group, Context& ctx) {
  auto id = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  auto* cmd = group.add_subcommand("show", "Show an application: timeline, contacts, reminders");
  cmd->add_option("id", *id, "Application id")->required();
  cmd->add_flag("--json", *json, "Print JSON");
  cmd->callback([=, &ctx] {
    auto& store = ctx.store();
    auto a = requireApplication(store, parseId(*id, "application id"));
    if (!*json) {
      printShow(ctx, store, a);
      return;
    }
    printJson(ctx, applicationDetailJson(store, a, ctx.clock().today()));
  });
}

void attachNote(CLI::App& group, Context& ctx) {
  struct Args {
    std::string id, text;
    std::optional<std::string> date;
    bool reply = false, followup = false, force = false;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = group.add_subcommand("note", "Add a note, a reply you received or a follow-up you sent");
  cmd->add_option("id", args->id, "Application id")->required();
  cmd->add_option("text", args->text, "The note")->required();
  cmd->add_option("--date", args->date, "When, YYYY-MM-DD (default today)");
  auto* reply = cmd->add_flag("--reply", args->reply,
                              "It is a reply from the employer (counts as a response)");
  auto* followup = cmd->add_flag("--followup", args->followup, "It is a follow-up you sent");
  reply->excludes(followup);
  cmd->add_flag("--force", args->force, "Record it even if dated before the last event");
  cmd->callback([args, &ctx] {
    auto& store = ctx.store();
    Date today = ctx.clock().today();
    auto a = requireApplication(store, parseId(args->id, "application id"));
    EventKind kind = args->reply ? EventKind::reply
                                 : args->followup ? EventKind::followup : EventKind::note;
    Date on = args->date ? parseDate(*args->date) : today;
    addEvent(a, kind, on, args->text, args->force, today);
    store.transaction([&] { store.applications().update(a); });
    ctx.out() << fmt::format("Added a {} to application {}\n", toString(kind), a.id);
  });
}

void attachEdit(CLI::App& group, Context& ctx) {
  struct Args {
    std::string id;
    AppFlags flags;
    std::optional<std::string> learned;
    std::vector<std::string> link, unlink;
    bool noPosting = false;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = group.add_subcommand("edit", "Change an application: only the flags given change");
  cmd->add_option("id", args->id, "Application id")->required();
  args->flags.attach(*cmd);
  cmd->add_flag("--no-posting", args->noPosting, "Remove the link to a posting");
  cmd->add_option("--learned", args->learned, "What you learned from it");
  cmd->add_option("--contact", args->link, "Link a contact (id or name); repeatable");
  cmd->add_option("--unlink", args->unlink, "Unlink a contact (id or name); repeatable");
  cmd->footer("--referrer \"\" removes the referrer.\n");
  cmd->callback([args, &ctx] {
    auto& store = ctx.store();
    auto a = requireApplication(store, parseId(args->id, "application id"));
    auto edit = args->flags.edit(store);
    if (args->noPosting) edit.posting = std::optional<int64_t>();
    edit.learned = args->learned;
    for (const auto& text : args->link) edit.link.push_back(resolveContact(store, text, "contact").id);
    for (const auto& text : args->unlink)
      edit.unlink.push_back(resolveContact(store, text, "unlink").id);
    applyEdit(a, edit);
    validateApplication(a);
    store.transaction([&] { store.applications().update(a); });
    ctx.out() << fmt::format("Updated application {}\n", a.id);
  });
}

void attachRm(CLI::App& group, Context& ctx) {
  auto id = std::make_shared<std::string>();
  auto* cmd = group.add_subcommand("rm", "Delete an application with its history and reminders");
  cmd->add_option("id", *id, "Application id")->required();
  cmd->footer("To keep it in your statistics, close it instead: jobfit app close ID\n");
  cmd->callback([=, &ctx] {
    auto& store = ctx.store();
    auto a = requireApplication(store, parseId(*id, "application id"));
    store.transaction([&] { store.applications().remove(a.id); });
    ctx.out() << fmt::format("Deleted application {} ({})\n", a.id, describe(a));
  });
}

void attachClose(CLI::App& group, Context& ctx) {
  struct Args {
    std::string id, reason = "silent";
    std::optional<std::string> learned, date;
    bool force = false;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = group.add_subcommand("close", "Close an application, with what you learned");
  cmd->add_option("id", args->id, "Application id")->required();
  cmd->add_option("--reason", args->reason,
                  "silent (no response: stage closed), rejected or withdrawn; default silent");
  cmd->add_option("--learned", args->learned, "A short reflection to keep with it");
  cmd->add_option("--date", args->date, "When, YYYY-MM-DD (default today)");
  cmd->add_flag("--force", args->force, "Record it even if dated before the last event");
  cmd->callback([args, &ctx] {
    auto& store = ctx.store();
    Date today = ctx.clock().today();
    auto a = requireApplication(store, parseId(args->id, "application id"));
    Stage to = closeApplication(a, args->reason, args->learned,
                                args->date ? parseDate(*args->date) : today, args->force, today);
    store.transaction([&] { store.applications().update(a); });
    ctx.out() << fmt::format("Closed application {} ({}): {}\n", a.id, describe(a),
                             to == Stage::closed ? "no response" : toString(to));
    if (to == Stage::rejected)
      ctx.out() << fmt::format("Ask what would have made the difference: jobfit app feedback {}\n",
                               a.id);
  });
}

void attachFeedback(CLI::App& group, Context& ctx) {
  auto id = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  auto* cmd = group.add_subcommand(
      "feedback", "After a rejection, draft a short note asking what would have made the difference");
  cmd->add_option("id", *id, "Application id")->required();
  cmd->add_flag("--json", *json, "Print JSON (subject, body)");
  cmd->callback([=, &ctx] {
    auto& store = ctx.store();
    auto a = requireApplication(store, parseId(*id, "application id"));
    auto note = feedbackFor(store, a);
    if (*json) {
      printJson(ctx, feedbackJson(a, note));
      return;
    }
    ctx.out() << "Subject: " << note.subject << "\n\n" << note.body;
  });
}

}  // namespace

void attachApp(CLI::App& parent, Context& ctx, const CommandSpec& spec) {
  auto* group = parent.add_subcommand(std::string(spec.name), std::string(spec.summary));
  group->require_subcommand(1);
  attachAdd(*group, ctx);
  attachMove(*group, ctx);
  attachShow(*group, ctx);
  attachNote(*group, ctx);
  attachEdit(*group, ctx);
  attachRm(*group, ctx);
  attachClose(*group, ctx);
  attachFeedback(*group, ctx);
}

}  // namespace jobfit::cli
