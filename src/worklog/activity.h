// The activity taxonomy: what a person recognises doing in a workday ("writing",
// "managing-people"), each tied to the O*NET Generalized Work Activities it covers.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace jobfit {

struct Activity {
  std::string id;           // kebab-case, e.g. "managing-people"
  std::string label;        // "Managing people"
  std::string description;  // one line a person recognises
  std::vector<std::string> onet;  // O*NET GWA element ids, e.g. "4.A.4.b.4"
  bool custom = false;      // added by the user rather than shipped
};

// The built-in taxonomy plus the user's own activities.
class ActivityCatalog {
 public:
  // The taxonomy shipped in data/activities.json.
  static const ActivityCatalog& builtIn();

  void add(Activity activity);
  const Activity* find(std::string_view id) const;
  const std::vector<Activity>& all() const { return activities_; }
  // Throws Error(usage) naming the field when id is not in the catalog, suggesting close ids.
  const Activity& require(std::string_view id, std::string_view field = "activity") const;

 private:
  std::vector<Activity> activities_;
};

// A new activity of the user's own, checked: a valid id that is not built in (Error(conflict)
// otherwise) and a non-empty label.
Activity customActivity(std::string_view id, std::string_view label, std::string description,
                        std::vector<std::string> onet);

// Throws Error(usage) unless id is 2-40 characters of a-z, 0-9 and single dashes.
void validateActivityId(std::string_view id);

}  // namespace jobfit
