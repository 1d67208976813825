#include "applications/archive_section.h"

#include <map>
#include <memory>
#include <set>

#include <fmt/format.h>

#include "applications/applications_json.h"
#include "archive/section_helpers.h"
#include "core/error.h"
#include "core/json_read.h"

namespace jobfit {

using nlohmann::json;
using archive::atPath;
using archive::existsWithOtherContent;
using archive::invalidAt;

namespace {

Application withoutEventIds(Application a) {
  for (auto& e : a.events) e.id = 0;
  return a;
}

// Checks the ids of one kind of record; returns false when the record is already stored as it
// is (nothing to write).
template <typename T, typename Find>
bool checkId(T& record, const std::string& path, std::string_view what, std::set<int64_t>& ids,
             const ImportOptions& options, Find&& findSame) {
  if (record.id < 0) throw invalidAt(path + ".id", "id must be positive");
  if (options.newIds) return true;
  if (record.id == 0) return true;
  if (!ids.insert(record.id).second)
    throw invalidAt(path + ".id", fmt::format("id {} appears twice", record.id));
  auto same = findSame(record);
  if (!same) return true;
  if (*same) return false;
  throw existsWithOtherContent(path, what, record.id);
}

struct SearchImport {
  std::vector<Contact> contacts;
  std::vector<Application> applications;
  std::vector<Reminder> reminders;
  std::set<int64_t> docContactIds, docApplicationIds;
};

void planSearchImport(const json& document, Store& store, const Clock& clock,
                      const ImportOptions& options, ImportPlan& plan) {
  JsonReader r(document, "");
  Date today = clock.today();
  auto in = std::make_shared<SearchImport>();
  std::set<int64_t> contactIds, applicationIds, reminderIds;
  int unchangedContacts = 0, unchangedApplications = 0, unchangedReminders = 0;

  // Every id the document uses, so that references can be checked against it.
  const auto& contacts = r.array("contacts");
  const auto& applications = r.array("applications");
  const auto& reminders = r.array("reminders");
  for (const auto& c : contacts)
    if (c.is_object() && c.contains("id") && c["id"].is_number_integer())
      in->docContactIds.insert(c["id"].get<int64_t>());
  for (const auto& a : applications)
    if (a.is_object() && a.contains("id") && a["id"].is_number_integer())
      in->docApplicationIds.insert(a["id"].get<int64_t>());
  auto contactKnown = [&](int64_t id) {
    return in->docContactIds.count(id) || (!options.newIds && store.contacts().find(id));
  };
  auto applicationKnown = [&](int64_t id) {
    return in->docApplicationIds.count(id) || (!options.newIds && store.applications().find(id));
  };

  for (size_t i = 0; i < contacts.size(); ++i) {
    auto path = fmt::format("contacts[{}]", i);
    Contact c = contactFromJson(contacts[i], path);
    atPath(path, [&] { validateContact(c, today); });
    for (size_t k = 0; k < c.interactions.size(); ++k)
      if (auto app = c.interactions[k].applicationId; app && !applicationKnown(*app))
        throw invalidAt(fmt::format("{}.interactions[{}].application_id", path, k),
                        fmt::format("no application {}", *app));
    if (options.newIds && c.id == 0)
      throw invalidAt(path + ".id", "--new-ids needs the ids in the file to follow references");
    bool write = checkId(c, path, "contact", contactIds, options, [&](const Contact& x) {
      auto stored = store.contacts().find(x.id);
      return stored ? std::optional<bool>(*stored == x) : std::nullopt;
    });
    if (write)
      in->contacts.push_back(std::move(c));
    else
      ++unchangedContacts;
  }

  for (size_t i = 0; i < applications.size(); ++i) {
    auto path = fmt::format("applications[{}]", i);
    Application a = applicationFromJson(applications[i], path);
    atPath(path, [&] {
      validateApplication(a);
      validateEvents(a.events, today);
    });
    for (size_t k = 0; k < a.contacts.size(); ++k)
      if (!contactKnown(a.contacts[k].contactId))
        throw invalidAt(fmt::format("{}.contacts[{}].contact_id", path, k),
                        fmt::format("no contact {}", a.contacts[k].contactId));
    sortLinks(a.contacts);
    if (options.newIds && a.id == 0)
      throw invalidAt(path + ".id", "--new-ids needs the ids in the file to follow references");
    bool write = checkId(a, path, "application", applicationIds, options, [&](const Application& x) {
      auto stored = store.applications().find(x.id);
      return stored ? std::optional<bool>(withoutEventIds(*stored) == x) : std::nullopt;
    });
    if (write)
      in->applications.push_back(std::move(a));
    else
      ++unchangedApplications;
  }

  for (size_t i = 0; i < reminders.size(); ++i) {
    auto path = fmt::format("reminders[{}]", i);
    Reminder m = reminderFromJson(reminders[i], path);
    atPath(path, [&] { validateReminder(m); });
    if (!applicationKnown(m.applicationId))
      throw invalidAt(path + ".application_id", fmt::format("no application {}", m.applicationId));
    bool write = checkId(m, path, "reminder", reminderIds, options, [&](const Reminder& x) {
      auto stored = store.reminders().find(x.id);
      return stored ? std::optional<bool>(*stored == x) : std::nullopt;
    });
    if (write)
      in->reminders.push_back(std::move(m));
    else
      ++unchangedReminders;
  }

  auto summary = [&](size_t n, int unchanged, std::string_view what) {
    if (n == 0 && unchanged == 0) return;
    plan.summary.push_back(archive::summaryLine(n, unchanged, what));
  };
  summary(in->contacts.size(), unchangedContacts, "contacts");
  summary(in->applications.size(), unchangedApplications, "applications");
  summary(in->reminders.size(), unchangedReminders, "reminders");
  if (in->contacts.empty() && in->applications.empty() && in->reminders.empty()) return;

  bool newIds = options.newIds;
  plan.writes.push_back([in, newIds](Store& store) {
    std::map<int64_t, int64_t> contactId, applicationId;
    auto mapContact = [&](int64_t id) {
      auto it = contactId.find(id);
      return it != contactId.end() ? it->second : id;
    };
    auto mapApplication = [&](int64_t id) {
      auto it = applicationId.find(id);
      return it != applicationId.end() ? it->second : id;
    };
    // Contacts first without the applications their interactions mention (not stored yet),
    // then applications, then those interactions' links, then reminders.
    for (const auto& c : in->contacts) {
      Contact copy = c;
      if (newIds) copy.id = 0;
      for (auto& i : copy.interactions) i.applicationId.reset();
      contactId[c.id] = store.contacts().add(copy);
    }
    for (const auto& a : in->applications) {
      Application copy = a;
      if (newIds) copy.id = 0;
      for (auto& link : copy.contacts) link.contactId = mapContact(link.contactId);
      sortLinks(copy.contacts);
      applicationId[a.id] = store.applications().add(copy);
    }
    for (const auto& c : in->contacts) {
      bool linked = std::any_of(c.interactions.begin(), c.interactions.end(),
                                [](const Interaction& i) { return i.applicationId.has_value(); });
      if (!linked) continue;
      Contact copy = c;
      copy.id = contactId[c.id];
      for (auto& i : copy.interactions)
        if (i.applicationId) i.applicationId = mapApplication(*i.applicationId);
      store.contacts().update(copy);
    }
    for (const auto& m : in->reminders) {
      Reminder copy = m;
      if (newIds) copy.id = 0;
      copy.applicationId = mapApplication(m.applicationId);
      store.reminders().add(copy);
    }
  });
}

void noImport(const json&, Store&, const Clock&, const ImportOptions&, ImportPlan&) {}

}  // namespace

ArchiveSection searchContactsSection() {
  return {"contacts",
          [](Store& store) {
            json out = json::array();
            for (const auto& c : store.contacts().list()) {
              json j = toJson(c);
              j.erase("last_contacted");  // derived from the interactions
              out.push_back(std::move(j));
            }
            return out;
          },
          planSearchImport};
}

ArchiveSection searchApplicationsSection() {
  return {"applications",
          [](Store& store) {
            json out = json::array();
            for (const auto& a : store.applications().list()) out.push_back(toJson(a));
            return out;
          },
          noImport};
}

ArchiveSection searchRemindersSection() {
  return {"reminders",
          [](Store& store) {
            json out = json::array();
            for (const auto& r : store.reminders().list(true)) out.push_back(toJson(r));
            return out;
          },
          noImport};
}

}  // namespace jobfit
