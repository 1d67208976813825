// The statements that read the ranking features (forEachFeatures): the compact features table
// and the value signals, each in posting id order so that they are merge-walked in one pass,
// or probed by id for a few postings. Public so that the benchmark's floor steps exactly the
// same statements.
#pragma once

#include <array>

namespace jobfit::sqlite {

#define JOBFIT_FEATURE_COLUMNS                                                                 \
  "SELECT posting_id, work_mode, employment_type, pay_annual_min, pay_annual_max, "            \
  "pay_currency, travel_share, on_call, locations, activities FROM posting_fit_features "
#define JOBFIT_SIGNAL_COLUMNS                                                                  \
  "SELECT posting_id, learning, autonomy, pay, stability, time_and_health, people, meaning, " \
  "status FROM posting_value_signals "

// Every posting: features, then value signals.
inline constexpr std::array<const char*, 2> kFeatureQueries = {
    JOBFIT_FEATURE_COLUMNS "ORDER BY posting_id",
    JOBFIT_SIGNAL_COLUMNS "ORDER BY posting_id",
};
// One posting by id: features, then value signals.
inline constexpr std::array<const char*, 2> kFeatureProbes = {
    JOBFIT_FEATURE_COLUMNS "WHERE posting_id = ?",
    JOBFIT_SIGNAL_COLUMNS "WHERE posting_id = ?",
};

// The id range of the features, and a count over part of it in each table (which reads the
// range's pages and nothing else: the prefetch of feature_prefetch.h).
// (Two subqueries: min() and max() together in one would scan the table instead of reading
// its two ends.)
inline constexpr const char* kFeatureIdRange =
    "SELECT (SELECT min(posting_id) FROM posting_fit_features), "
    "(SELECT max(posting_id) FROM posting_fit_features)";
inline constexpr std::array<const char*, 2> kFeatureRangeCounts = {
    "SELECT count(*) FROM posting_fit_features WHERE posting_id BETWEEN ? AND ?",
    "SELECT count(*) FROM posting_value_signals WHERE posting_id BETWEEN ? AND ?",
};

#undef JOBFIT_FEATURE_COLUMNS
#undef JOBFIT_SIGNAL_COLUMNS

}  // namespace jobfit::sqlite
