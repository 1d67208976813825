// Storage for the job search: applications (with their events and contact links), contacts
// (with their links and interactions) and reminders. Part of the narrow Store interface.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "applications/application.h"
#include "applications/contact.h"
#include "applications/reminder.h"

namespace jobfit {

class ApplicationStore {
 public:
  virtual ~ApplicationStore() = default;
  // Stores a new application with its events and links; returns its id (a.id when non-zero).
  virtual int64_t add(const Application& a) = 0;
  // Replaces the application with a.id, its events and its links; throws Error(not_found).
  virtual void update(const Application& a) = 0;
  // Removes it with its events, links and reminders; throws Error(not_found).
  virtual void remove(int64_t id) = 0;
  virtual std::optional<Application> find(int64_t id) = 0;
  // All applications, by id, with events (history order) and links.
  virtual std::vector<Application> list() = 0;
  // Those in the given current stage, by id.
  virtual std::vector<Application> inStage(Stage stage) = 0;
  // Applications that link a contact, by id.
  virtual std::vector<Application> withContact(int64_t contactId) = 0;
  virtual int64_t count() = 0;
};

class ContactStore {
 public:
  virtual ~ContactStore() = default;
  virtual int64_t add(const Contact& c) = 0;
  // Replaces fields, links and interactions; throws Error(not_found).
  virtual void update(const Contact& c) = 0;
  // Removes it, its interactions and its links to applications; throws Error(not_found).
  virtual void remove(int64_t id) = 0;
  virtual std::optional<Contact> find(int64_t id) = 0;
  // By id.
  virtual std::vector<Contact> list() = 0;
};

class ReminderStore {
 public:
  virtual ~ReminderStore() = default;
  virtual int64_t add(const Reminder& r) = 0;
  virtual void update(const Reminder& r) = 0;
  virtual void remove(int64_t id) = 0;
  virtual std::optional<Reminder> find(int64_t id) = 0;
  // By due date, then time, then id; done ones only when asked.
  virtual std::vector<Reminder> list(bool includeDone) = 0;
  virtual std::vector<Reminder> forApplication(int64_t applicationId) = 0;
};

}  // namespace jobfit
