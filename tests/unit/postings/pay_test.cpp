#include "postings/pay.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <fmt/format.h>

namespace jobfit {
namespace {

struct Case {
  std::string text;
  std::optional<double> min, max;
  std::string currency;
  PayPeriod period;
};

TEST(PayParser, ReadsThePhrasingsPostingsUse) {
  const std::vector<Case> cases{
      {"$120,000 - $150,000", 120000, 150000, "USD", PayPeriod::year},
      {"$53K-$91K (employer est.)", 53000, 91000, "USD", PayPeriod::year},
      {"105K\xE2\x80\x93" "160K a year", 105000, 160000, "USD", PayPeriod::year},
      {"19.52\xE2\x80\x93" "31.09 an hour", 19.52, 31.09, "USD", PayPeriod::hour},
      {"\xC2\xA3" "40,000 per annum", 40000, 40000, "GBP", PayPeriod::year},
      {"\xE2\x82\xAC" "50/hour", 50, 50, "EUR", PayPeriod::hour},
      {"up to $80k", std::nullopt, 80000, "USD", PayPeriod::year},
      {"$25 to $30 per hour", 25, 30, "USD", PayPeriod::hour},
      {"between $90,000 and $110,000 annually", 90000, 110000, "USD", PayPeriod::year},
      {"Salary: 80,000 - 95,000", 80000, 95000, "USD", PayPeriod::year},
      {"EUR 62.000 - 74.000 per year", 62000, 74000, "EUR", PayPeriod::year},
      {"$120-150K", 120000, 150000, "USD", PayPeriod::year},
      {"CA$150,000\xE2\x80\x94" "CA$175,000 per year", 150000, 175000, "CAD", PayPeriod::year},
      {"Hourly rate: $30 - $36", 30, 36, "USD", PayPeriod::hour},
      {"$1,400 - $1,700 a week", 1400, 1700, "USD", PayPeriod::week},
      {"starting at $20/hr", 20, std::nullopt, "USD", PayPeriod::hour},
      {"$4,500 per month", 4500, 4500, "USD", PayPeriod::month},
      {"12 an hour", 12, 12, "USD", PayPeriod::hour},
      {"$90k+", 90000, std::nullopt, "USD", PayPeriod::year},
      {"USD 120000 - 150000 per year", 120000, 150000, "USD", PayPeriod::year},
  };
  for (const auto& c : cases) {
    auto pay = parsePay(c.text);
    ASSERT_TRUE(pay) << c.text;
    EXPECT_EQ(pay->min, c.min) << c.text;
    EXPECT_EQ(pay->max, c.max) << c.text;
    EXPECT_EQ(pay->currency, c.currency) << c.text;
    EXPECT_EQ(pay->period, c.period) << c.text;
    ASSERT_EQ(pay->evidence.size(), 1u);
    EXPECT_EQ(c.text.substr(pay->evidence[0].begin, pay->evidence[0].end - pay->evidence[0].begin),
              pay->evidence[0].text);
  }
}

TEST(PayParser, RefusesAmountsThatAreNotPay) {
  for (std::string text :
       {"We offer a 401(k) with a 4% match.", "401k plan and 403(b)", "We raised $50M in our Series B.",
        "The team drove $5M in sales last year.", "$10,000 signing bonus",
        "Tuition reimbursement up to $5,250 per year", "We have 2,000 customers and $3M ARR.",
        "3-5 years of experience", "Call 555-123-4567", "a $2 billion company",
        "$1,000 home office stipend", "Backed by $120M in funding", "50K users a day",
        "our revenue of $30 million", "We are a team of 45 across 3 offices"}) {
    EXPECT_FALSE(parsePay(text)) << text << " -> " << (parsePay(text) ? parsePay(text)->evidence[0].text : "");
  }
}

TEST(PayParser, PrefersBaseSalaryOverOnTargetEarnings) {
  auto pay = parsePay("OTE $260,000 with a $150,000 base salary.");
  ASSERT_TRUE(pay);
  EXPECT_EQ(pay->min, 150000);
}

TEST(PayParser, AnnualisesByWorkingYear) {
  EXPECT_EQ(annualise(20, PayPeriod::hour), 41600);
  EXPECT_EQ(annualise(200, PayPeriod::day), 52000);
  EXPECT_EQ(annualise(1000, PayPeriod::week), 52000);
  EXPECT_EQ(annualise(5000, PayPeriod::month), 60000);
  EXPECT_EQ(annualise(90000, PayPeriod::year), 90000);
  auto pay = parsePay("$25 - $30 an hour");
  ASSERT_TRUE(pay);
  EXPECT_EQ(pay->annualMin, 52000);
  EXPECT_EQ(pay->annualMax, 62400);
}

RC_GTEST_PROP(PayParser, ReadsAnyDollarRangeItIsGiven, ()) {
  const int lo = *rc::gen::inRange(20, 400) * 500;
  const int hi = lo + *rc::gen::inRange(0, 200) * 500;
  auto text = fmt::format("The salary is ${:L} - ${} per year.", lo, hi);
  auto pay = parsePay(text);
  RC_ASSERT(pay.has_value());
  RC_ASSERT(*pay->min == lo);
  RC_ASSERT(*pay->max == hi);
  RC_ASSERT(pay->period == PayPeriod::year);
}

RC_GTEST_PROP(PayParser, NeverFailsOnArbitraryText, (const std::string& text)) {
  for (const auto& m : findPay(text)) {
    RC_ASSERT(m.pay.evidence.size() == 1u);
    RC_ASSERT(m.pay.evidence[0].end <= text.size());
    RC_ASSERT(m.pay.min || m.pay.max);
  }
}

}  // namespace
}  // namespace jobfit
