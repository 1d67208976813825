#include "fit/profile.h"

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

double annualize(double amount, PayPeriod period) {
  switch (period) {
    case PayPeriod::hour: return amount * 2080;
    case PayPeriod::day: return amount * 260;
    case PayPeriod::week: return amount * 52;
    case PayPeriod::month: return amount * 12;
    case PayPeriod::year: return amount;
  }
  return amount;
}

double MinPay::annual() const { return annualize(amount, period); }

const ActivityEvidence* Evidence::find(std::string_view activity) const {
  for (const auto& a : activities)
    if (a.activity == activity) return &a;
  return nullptr;
}

}  // namespace jobfit
