// Reading pay out of the words postings really use: "$120,000 - $150,000", "$53K-$91K",
// "105K–160K a year", "19.52–31.09 an hour", "£40,000 per annum", "€50/hour", "up to $80k".
// Amounts that are not pay (a 401(k), a funding round, revenue, "$5M in sales", a signing
// bonus, a stipend) are refused. The rules are written down in docs/postings.md.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "postings/posting.h"

namespace jobfit {

// Hours, days, weeks and months in a working year: an hour is 1/2080 of a year (40 hours a
// week, 52 weeks), a day 1/260, a week 1/52, a month 1/12.
double annualise(double amount, PayPeriod period);

// One pay statement found in a text: the pay (evidence spans relative to the text searched,
// shifted by `offset`) and how convincing it is (a range, a currency, a stated period and a
// pay word nearby each add to the score).
struct PayMention {
  Pay pay;
  int score = 0;
};

// Every pay statement in text, in order. `offset` is added to the evidence spans, for a
// text that is a window of a larger one.
std::vector<PayMention> findPay(std::string_view text, uint32_t offset = 0);

// The most convincing pay statement in text (the highest score, the first on ties).
std::optional<Pay> parsePay(std::string_view text);

}  // namespace jobfit
