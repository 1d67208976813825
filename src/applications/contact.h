// Contacts: people the person knows in the search, records of their own, linked to many
// applications, with a log of interactions (the latest gives "last contacted").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/time.h"

namespace jobfit {

struct Interaction {
  Date date;
  std::string text;
  std::optional<int64_t> applicationId;  // the application it was about, if any
  bool operator==(const Interaction&) const = default;
};

struct Contact {
  int64_t id = 0;
  std::string name, company, role;
  std::string how;  // how the person knows them
  std::string email, phone;
  std::vector<std::string> links;
  std::string notes;
  std::vector<Interaction> interactions;  // oldest first
  bool operator==(const Contact&) const = default;
};

std::optional<Date> lastContacted(const Contact& c);
// Keeps interactions in date order (ties keep the order they were logged in).
void sortInteractions(std::vector<Interaction>& interactions);
// A change to a contact's fields: what is set changes. Links are added (once each), after
// removing the old ones when `clearLinks`.
struct ContactEdit {
  std::optional<std::string> name, company, role, how, email, phone, notes;
  bool clearLinks = false;
  std::vector<std::string> links;
};
void applyEdit(Contact& c, const ContactEdit& edit);
// Adds an interaction in date order; throws Error(usage) (leaving the contact as it was) when
// the result is not valid.
void logInteraction(Contact& c, Interaction i, Date today);

// Throws Error(usage) naming the field.
void validateContact(const Contact& c, Date today);

}  // namespace jobfit
