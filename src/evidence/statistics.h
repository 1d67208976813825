// The small amount of statistics the evidence needs: duration-weighted means with a
// t-interval, and Student's t quantiles. Pure functions, no I/O.
#pragma once

#include <optional>
#include <vector>

namespace jobfit {

// One observation: a value and its weight (an episode's rating and its minutes).
struct Weighted {
  double value = 0;
  double weight = 0;
};

// A duration-weighted mean with its uncertainty, over the episodes that rated it.
struct Estimate {
  int n = 0;                         // episodes that contribute
  double mean = 0;                   // sum(w x) / sum(w)
  std::optional<double> se;          // standard error of the mean, when n >= 2
  std::optional<double> low, high;   // 95% t-interval, when n >= 2
  double shrunk = 0;                 // (n mean + k prior) / (n + k); equals mean until shrunk
};

// The duration-weighted mean of the observations and its 95% t-interval (n >= 2):
//   mean = sum(w_i x_i) / W,  W = sum(w_i)
//   se^2 = n / (n - 1) * sum(w_i^2 (x_i - mean)^2) / W^2
//   low, high = mean -/+ t(0.975, n - 1) * se
// With equal weights se is the textbook s / sqrt(n). Scaling every weight by the same factor
// changes nothing. Returns nothing for an empty set or one with zero total weight.
std::optional<Estimate> weightedEstimate(const std::vector<Weighted>& observations);

// m = (n * mean + k * prior) / (n + k): pulls a mean from few episodes toward the prior.
double shrink(double mean, int n, double prior, double k);

// The p-quantile of Student's t distribution with df degrees of freedom (df >= 1, 0 < p < 1).
double studentTQuantile(double p, double df);

// Median of the values (the mean of the middle two for an even count); nothing when empty.
std::optional<double> median(std::vector<double> values);

}  // namespace jobfit
