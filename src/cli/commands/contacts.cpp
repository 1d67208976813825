// jobfit contacts [--json]
// jobfit contact add|show|edit|rm|log
#include <fmt/format.h>

#include "applications/applications_json.h"
#include "cli/commands.h"
#include "cli/commands/registry.h"
#include "cli/commands/search_common.h"
#include "cli/table.h"
#include "core/error.h"
#include "core/text.h"

namespace jobfit::cli {

namespace {

struct ContactFlags {
  std::optional<std::string> company, role, how, email, phone, notes;
  std::vector<std::string> links;
  void attach(CLI::App& cmd) {
    cmd.add_option("--company", company, "Where they work");
    cmd.add_option("--role", role, "What they do");
    cmd.add_option("--how", how, "How you know them");
    cmd.add_option("--email", email, "Email address");
    cmd.add_option("--phone", phone, "Phone number");
    cmd.add_option("--link", links, "A profile or page (https://...); repeatable");
    cmd.add_option("--notes", notes, "Notes");
  }
  ContactEdit edit() const {
    return {.company = company, .role = role, .how = how, .email = email, .phone = phone,
            .notes = notes, .links = links};
  }
};

void printContact(Context& ctx, Store& store, const Contact& c) {
  auto& out = ctx.out();
  out << ctx.bold(fmt::format("#{} {}", c.id, c.name)) << '\n';
  std::string who = c.role;
  if (!c.company.empty()) who += (who.empty() ? "at " : " at ") + c.company;
  if (!who.empty()) out << who << '\n';
  if (!c.how.empty()) out << "how you know them: " << c.how << '\n';
  if (!c.email.empty()) out << "email: " << c.email << '\n';
  if (!c.phone.empty()) out << "phone: " << c.phone << '\n';
  for (const auto& l : c.links) out << "link: " << l << '\n';
  if (!c.notes.empty()) out << "notes: " << c.notes << '\n';
  auto last = lastContacted(c);
  out << "last contacted: " << (last ? formatDate(*last) : "never") << '\n';
  if (!c.interactions.empty()) {
    out << '\n' << ctx.bold("Interactions") << '\n';
    for (const auto& i : c.interactions)
      out << fmt::format("  {}  {}{}\n", formatDate(i.date), i.text,
                         i.applicationId ? fmt::format(" (application {})", *i.applicationId) : "");
  }
  auto apps = store.applications().withContact(c.id);
  if (!apps.empty()) {
    out << '\n' << ctx.bold("Applications") << '\n';
    for (const auto& a : apps) {
      bool referred = std::any_of(a.contacts.begin(), a.contacts.end(), [&](const ContactLink& l) {
        return l.contactId == c.id && l.referrer;
      });
      out << fmt::format("  #{} {} · {}{}\n", a.id, describe(a), toString(currentStage(a)),
                         referred ? " · referred by them" : "");
    }
  }
}

}  // namespace

void attachContacts(CLI::App& parent, Context& ctx, const CommandSpec& spec) {
  auto json = std::make_shared<bool>(false);
  auto* cmd = parent.add_subcommand(std::string(spec.name), std::string(spec.summary));
  cmd->add_flag("--json", *json, "Print JSON");
  cmd->callback([=, &ctx] {
    auto& store = ctx.store();
    if (*json) {
      printJson(ctx, contactsJson(store));
      return;
    }
    auto contacts = store.contacts().list();
    std::map<int64_t, std::pair<size_t, size_t>> use;  // applications, referrals
    for (const auto& a : store.applications().list())
      for (const auto& link : a.contacts) {
        ++use[link.contactId].first;
        if (link.referrer) ++use[link.contactId].second;
      }
    if (contacts.empty()) {
      ctx.out() << "No contacts yet. Add one with: jobfit contact add \"Jane Doe\" --company Acme\n";
      return;
    }
    Table t;
    t.column("ID", Table::Align::right);
    t.column("Name");
    t.column("Company");
    t.column("Role");
    t.column("How");
    t.column("Last contacted");
    t.column("Apps", Table::Align::right);
    t.column("Referred", Table::Align::right);
    for (const auto& c : contacts) {
      auto last = lastContacted(c);
      auto [apps, referrals] = use[c.id];
      t.row({std::to_string(c.id), cut(c.name, 28), cut(c.company, 20), cut(c.role, 20),
             cut(c.how, 24), last ? formatDate(*last) : "", std::to_string(apps),
             std::to_string(referrals)});
    }
    t.print(ctx.out());
  });
}

void attachContact(CLI::App& parent, Context& ctx, const CommandSpec& spec) {
  auto* group = parent.add_subcommand(std::string(spec.name), std::string(spec.summary));
  group->require_subcommand(1);

  struct AddArgs {
    std::string name;
    ContactFlags flags;
  };
  auto add = std::make_shared<AddArgs>();
  auto* addCmd = group->add_subcommand("add", "Add a contact");
  addCmd->add_option("name", add->name, "Their name")->required();
  add->flags.attach(*addCmd);
  addCmd->callback([add, &ctx] {
    auto& store = ctx.store();
    Contact c;
    c.name = std::string(trim(add->name));
    applyEdit(c, add->flags.edit());
    validateContact(c, ctx.clock().today());
    int64_t id = 0;
    store.transaction([&] { id = store.contacts().add(c); });
    ctx.out() << id << '\n';
  });

  auto showId = std::make_shared<std::string>();
  auto showJson = std::make_shared<bool>(false);
  auto* show = group->add_subcommand("show", "Show a contact, their interactions and applications");
  show->add_option("id", *showId, "Contact id")->required();
  show->add_flag("--json", *showJson, "Print JSON");
  show->callback([=, &ctx] {
    auto& store = ctx.store();
    auto c = requireContact(store, parseId(*showId, "contact id"));
    if (*showJson) {
      printJson(ctx, contactJson(store, c));
    } else {
      printContact(ctx, store, c);
    }
  });

  struct EditArgs {
    std::string id;
    std::optional<std::string> name;
    ContactFlags flags;
    bool clearLinks = false;
  };
  auto edit = std::make_shared<EditArgs>();
  auto* editCmd = group->add_subcommand("edit", "Change a contact: only the flags given change");
  editCmd->add_option("id", edit->id, "Contact id")->required();
  editCmd->add_option("--name", edit->name, "Their name");
  edit->flags.attach(*editCmd);
  editCmd->add_flag("--clear-links", edit->clearLinks, "Remove their links (before adding --link)");
  editCmd->callback([edit, &ctx] {
    auto& store = ctx.store();
    auto c = requireContact(store, parseId(edit->id, "contact id"));
    auto change = edit->flags.edit();
    change.name = edit->name;
    change.clearLinks = edit->clearLinks;
    applyEdit(c, change);
    validateContact(c, ctx.clock().today());
    store.transaction([&] { store.contacts().update(c); });
    ctx.out() << fmt::format("Updated contact {}\n", c.id);
  });

  auto rmId = std::make_shared<std::string>();
  auto* rm = group->add_subcommand("rm", "Delete a contact and their interaction log");
  rm->add_option("id", *rmId, "Contact id")->required();
  rm->callback([=, &ctx] {
    auto& store = ctx.store();
    auto c = requireContact(store, parseId(*rmId, "contact id"));
    auto linked = store.applications().withContact(c.id).size();
    store.transaction([&] { store.contacts().remove(c.id); });
    ctx.out() << fmt::format("Deleted contact {} ({}){}\n", c.id, c.name,
                             linked ? fmt::format("; unlinked from {} applications", linked) : "");
  });

  struct LogArgs {
    std::string id, text;
    std::optional<std::string> date, app;
  };
  auto log = std::make_shared<LogArgs>();
  auto* logCmd = group->add_subcommand("log", "Log an interaction with a contact");
  logCmd->add_option("id", log->id, "Contact id")->required();
  logCmd->add_option("text", log->text, "What happened")->required();
  logCmd->add_option("--date", log->date, "When, YYYY-MM-DD (default today)");
  logCmd->add_option("--app", log->app, "The application it was about");
  logCmd->callback([log, &ctx] {
    auto& store = ctx.store();
    Interaction i;
    i.date = log->date ? parseDate(*log->date) : ctx.clock().today();
    i.text = log->text;
    if (log->app) i.applicationId = parseId(*log->app, "app");
    Contact c;
    store.transaction([&] {
      c = logContactInteraction(store, parseId(log->id, "contact id"), std::move(i),
                                ctx.clock().today());
    });
    ctx.out() << fmt::format("Logged for contact {}; last contacted {}\n", c.id,
                             formatDate(*lastContacted(c)));
  });
}

}  // namespace jobfit::cli
