#include "evidence/statistics.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace jobfit {

namespace {

// Continued fraction for the regularized incomplete beta function (modified Lentz method).
double betaContinuedFraction(double a, double b, double x) {
  constexpr double tiny = 1e-300;
  constexpr double epsilon = 1e-15;
  double qab = a + b, qap = a + 1, qam = a - 1;
  double c = 1, d = 1 - qab * x / qap;
  if (std::fabs(d) < tiny) d = tiny;
  d = 1 / d;
  double h = d;
  for (int m = 1; m <= 1000; ++m) {
    double m2 = 2.0 * m;
    double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (std::fabs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (std::fabs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (std::fabs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (std::fabs(c) < tiny) c = tiny;
    d = 1 / d;
    double delta = d * c;
    h *= delta;
    if (std::fabs(delta - 1) < epsilon) break;
  }
  return h;
}

// I_x(a, b), the regularized incomplete beta function.
double regularizedBeta(double a, double b, double x) {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  double front = std::exp(std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) +
                          a * std::log(x) + b * std::log1p(-x));
  if (x < (a + 1) / (a + b + 2)) return front * betaContinuedFraction(a, b, x) / a;
  return 1 - front * betaContinuedFraction(b, a, 1 - x) / b;
}

// P(T <= t) for Student's t with df degrees of freedom.
double studentTCdf(double t, double df) {
  double tail = 0.5 * regularizedBeta(df / 2, 0.5, df / (df + t * t));
  return t >= 0 ? 1 - tail : tail;
}

}  // namespace

double studentTQuantile(double p, double df) {
  if (!(p > 0 && p < 1) || !(df >= 1)) throw std::invalid_argument("studentTQuantile: bad argument");
  if (p == 0.5) return 0;
  if (p < 0.5) return -studentTQuantile(1 - p, df);
  // Bracket, then bisect: the CDF is monotone, and 200 halvings reach double precision.
  double lo = 0, hi = 1;
  while (studentTCdf(hi, df) < p) hi *= 2;
  for (int i = 0; i < 200 && hi - lo > 1e-13 * hi; ++i) {
    double mid = (lo + hi) / 2;
    (studentTCdf(mid, df) < p ? lo : hi) = mid;
  }
  return (lo + hi) / 2;
}

namespace {

// t(0.975, df) for the small df that intervals over episodes use, computed once.
double t975(int df) {
  static const std::vector<double> table = [] {
    std::vector<double> t(201);
    for (int d = 1; d <= 200; ++d) t[d] = studentTQuantile(0.975, d);
    return t;
  }();
  return df <= 200 ? table[df] : studentTQuantile(0.975, df);
}

}  // namespace

std::optional<Estimate> weightedEstimate(const std::vector<Weighted>& observations) {
  double total = 0, weightedSum = 0;
  for (const auto& o : observations) {
    total += o.weight;
    weightedSum += o.weight * o.value;
  }
  if (observations.empty() || !(total > 0)) return std::nullopt;
  Estimate e;
  e.n = static_cast<int>(observations.size());
  e.mean = weightedSum / total;
  e.shrunk = e.mean;
  if (e.n >= 2) {
    double spread = 0;
    for (const auto& o : observations) {
      double d = o.weight * (o.value - e.mean);
      spread += d * d;
    }
    double n = e.n;
    double se = std::sqrt(n / (n - 1) * spread) / total;
    double t = t975(e.n - 1);
    e.se = se;
    e.low = e.mean - t * se;
    e.high = e.mean + t * se;
  }
  return e;
}

double shrink(double mean, int n, double prior, double k) {
  if (n + k <= 0) return mean;
  return (n * mean + k * prior) / (n + k);
}

std::optional<double> median(std::vector<double> values) {
  if (values.empty()) return std::nullopt;
  std::sort(values.begin(), values.end());
  size_t mid = values.size() / 2;
  if (values.size() % 2) return values[mid];
  return (values[mid - 1] + values[mid]) / 2;
}

}  // namespace jobfit
