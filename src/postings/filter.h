// Posting filters as people write them (the CLI's flags, the API's query parameters), checked
// and turned into the store's PostingFilter, so both read them the same way.
#pragma once

#include <optional>
#include <string>

#include "storage/posting_store.h"

namespace jobfit {

struct PostingFilterWords {
  bool remote = false;    // same as mode = "remote"
  bool noOnCall = false;  // leave out postings that mention on-call duty
  std::optional<std::string> mode, type, seniority, currency;
  std::optional<double> minPay;     // annual pay in the posting's currency, >= 0
  std::optional<double> maxTravel;  // 0-1
};

// Throws Error(usage) naming the field ("mode", "type", "seniority", "currency", "min_pay",
// "max_travel") on a value it does not know.
PostingFilter parsePostingFilter(const PostingFilterWords& words);

}  // namespace jobfit
