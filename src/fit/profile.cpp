#include "fit/profile.h"

#include "postings/pay.h"

namespace jobfit {

std::optional<Value> parseValue(std::string_view name) {
  for (size_t i = 0; i < kValueCount; ++i)
    if (kValueNames[i] == name) return static_cast<Value>(i);
  return std::nullopt;
}

bool Values::any() const {
  for (double w : weight)
    if (w > 0) return true;
  return false;
}

double MinPay::annual() const { return annualise(amount, period); }

const ActivityEvidence* Evidence::find(std::string_view activity) const {
  for (const auto& a : activities)
    if (a.activity == activity) return &a;
  return nullptr;
}

}  // namespace jobfit
