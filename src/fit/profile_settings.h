// Values and constraints are kept as settings ("values.learning" = "3",
// "constraints.work_modes" = "remote,hybrid"); this is the one place that reads and writes them.
#pragma once

#include <string>
#include <vector>

#include "fit/profile.h"
#include "storage/store.h"

namespace jobfit {

Values readValues(SettingsStore& settings);
Constraints readConstraints(SettingsStore& settings);

// Applies assignments like "learning=3" or "target_pay=120000"; validates every one before
// writing any. Throws Error(usage) naming the key.
void setValues(Store& store, const std::vector<std::string>& assignments);
// Applies assignments like "min_pay=100000", "currency=USD", "period=year",
// "work_modes=remote,hybrid", "locations=Berlin;London", "employment_types=full_time",
// "max_travel=0.2", "on_call=no". An empty value ("locations=") clears the constraint.
void setConstraints(Store& store, const std::vector<std::string>& assignments);

}  // namespace jobfit
