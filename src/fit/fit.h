// The fit of one posting to one person, with the reasons: what in the posting and what in
// the person's own days produced the score, and how sure it is.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "fit/ranking.h"
#include "worklog/activity.h"

namespace jobfit {

struct Contribution {
  std::string kind;   // "activity" or "value"
  std::string name;   // activity id or value name
  double points = 0;  // its effect on the 0-100 score (see docs/fit.md)
  std::string text;   // "≈40% managing people · you rated 11 such episodes −1.4 on average"
  std::vector<Span> evidence;  // the posting's supporting phrases
};

struct FitResult {
  int64_t postingId = 0;
  std::string title, company;
  double score = 50, low = 50, high = 50;
  bool enoughEvidence = false;  // the person's evidence covers the job's main activities
  double coverage = 0;          // share of the job's day that evidence covers
  std::optional<double> expectedNetAffect;  // of a working day in this job
  std::optional<double> expectedEnergy;
  std::string basis;  // what the score rests on, in words
  std::vector<Violation> violations;
  std::vector<std::string> notes;
  std::vector<Contribution> contributions;  // largest effect first
  // The contribution with the largest effect, in words (for rankings).
  std::string topReason() const;
};

// What scores rest on for this profile, in words ("your episodes and your values", ...).
std::string fitBasis(const Profile& profile);

FitResult fitPosting(const Profile& profile, const Posting& posting, const ActivityCatalog& catalog);

// A posting the person rated for appeal (1-5), with its fit.
struct AppealRating {
  int64_t postingId = 0;
  std::string title;
  int appeal = 0;
  FitResult fit;
};

// "Mostly the idea of it": a posting whose appeal rank is far above its fit rank.
struct IdeaFlag {
  int64_t postingId = 0;
  std::string title;
  int appeal = 0;
  double score = 0;
  int appealRank = 0, fitRank = 0;  // 1 = highest among rated postings
  std::vector<std::string> drainingActivities;
  std::string text;
};

// Flags rated postings whose appeal rank is at least half the list above their fit rank
// (or that appeal 4-5 while fitting under 40). Sorted by the size of the gap.
std::vector<IdeaFlag> ideaFlags(const std::vector<AppealRating>& rated, const ActivityCatalog& catalog);

}  // namespace jobfit
