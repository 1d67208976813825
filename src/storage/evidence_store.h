// Storage for the evidence capability: burnout check-ins, expectations and calendar drafts.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/time.h"
#include "evidence/burnout.h"
#include "evidence/draft.h"
#include "evidence/expectation.h"

namespace jobfit {

// One check-in per date.
class CheckinStore {
 public:
  virtual ~CheckinStore() = default;
  // Stores a new check-in and returns its id (c.id when non-zero, as on import).
  virtual int64_t add(const Checkin& c) = 0;
  // Replaces the answers of the check-in with c.id; throws Error(not_found).
  virtual void update(const Checkin& c) = 0;
  virtual std::optional<Checkin> find(int64_t id) = 0;
  virtual std::optional<Checkin> findByDate(Date date) = 0;
  // Oldest first.
  virtual std::vector<Checkin> list() = 0;
};

// Expectations are kept as history; the latest per activity counts.
class ExpectationStore {
 public:
  virtual ~ExpectationStore() = default;
  virtual int64_t add(const Expectation& e) = 0;
  virtual std::optional<Expectation> find(int64_t id) = 0;
  // Oldest first (by date, then id).
  virtual std::vector<Expectation> list() = 0;
};

class DraftStore {
 public:
  virtual ~DraftStore() = default;
  virtual int64_t add(const Draft& d) = 0;
  // Replaces the draft with d.id; throws Error(not_found).
  virtual void update(const Draft& d) = 0;
  virtual std::optional<Draft> find(int64_t id) = 0;
  // The draft imported from this event occurrence, whatever its status.
  virtual std::optional<Draft> findBySource(const std::string& source, Instant start) = 0;
  // By start, then id; only the given status when one is given.
  virtual std::vector<Draft> list(std::optional<DraftStatus> status) = 0;
};

}  // namespace jobfit
