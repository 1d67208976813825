// `jobfit demo`: a realistic database to look around in, written through the same engine and
// store functions as the commands. Six weeks of workday episodes ending today with a story
// (writing and analysis energize; managing people and long meetings drain; energy falls in the
// last two weeks), weekly burnout check-ins that rise, expectations the episodes contradict,
// calendar drafts to rate, a hundred postings written for the demo and read by the real
// analyzer and import, values, constraints and appeal ratings for fit (so the ranking and a
// "mostly the idea of it" flag show), and forty applications with their history, contacts and
// reminders.
// The same seed and the same day always give the same data.
#pragma once

#include <cstdint>

#include "core/time.h"
#include "postings/import.h"
#include "storage/store.h"

namespace jobfit {

struct DemoOptions {
  uint64_t seed = 20260313;
  // Write even when the database already holds data (the demo is added beside it).
  bool force = false;
};

struct DemoSummary {
  int episodes = 0, checkins = 0, expectations = 0, drafts = 0;
  int applications = 0, contacts = 0, reminders = 0;
  int appeals = 0;  // postings rated for appeal
  PostingImportReport postings;
};

// Whether the store holds anything a person wrote: episodes, check-ins, expectations, drafts,
// postings, applications, contacts, reminders or their own activities.
bool holdsData(Store& store);

// Writes the demo in one transaction: all of it, or nothing. Throws Error(conflict) when the
// store already holds data and options.force is not set.
DemoSummary writeDemo(Store& store, const Clock& clock, const DemoOptions& options = {});

// The demo's postings as JSON Lines (one posting a line, plain-text descriptions), `count` of
// them, posted within the weeks before `today`. Deterministic for a seed.
std::string demoPostingsJsonl(uint64_t seed, Date today, int count);

}  // namespace jobfit
