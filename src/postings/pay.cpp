#include "postings/pay.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <string>

namespace jobfit {

double annualise(double amount, PayPeriod period) {
  switch (period) {
    case PayPeriod::hour: return amount * 2080;
    case PayPeriod::day: return amount * 260;
    case PayPeriod::week: return amount * 52;
    case PayPeriod::month: return amount * 12;
    case PayPeriod::year: return amount;
  }
  return amount;
}

namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool isAlnum(char c) { return isDigit(c) || isAlpha(c); }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// Length of the white space at i (ASCII space, tab, line breaks, no-break and thin spaces).
size_t spaceAt(std::string_view s, size_t i) {
  if (i >= s.size()) return 0;
  char c = s[i];
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r') return 1;
  if (c != '\xC2' && c != '\xE2') return 0;
  if (s.compare(i, 2, "\xC2\xA0") == 0) return 2;
  if (s.compare(i, 3, "\xE2\x80\x89") == 0 || s.compare(i, 3, "\xE2\x80\xAF") == 0) return 3;
  return 0;
}

size_t skipSpaces(std::string_view s, size_t i, size_t limit = 8) {
  size_t n = 0;
  while (n < limit) {
    size_t len = spaceAt(s, i);
    if (!len) break;
    i += len;
    ++n;
  }
  return i;
}

// Case-insensitive "s has word at i", where word ends at a non-letter.
bool wordAt(std::string_view s, size_t i, std::string_view word) {
  if (i + word.size() > s.size()) return false;
  for (size_t k = 0; k < word.size(); ++k)
    if (lower(s[i + k]) != word[k]) return false;
  size_t e = i + word.size();
  return e >= s.size() || !isAlpha(s[e]) || !isAlpha(word.back());
}

bool prefixAt(std::string_view s, size_t i, std::string_view p) {
  return i + p.size() <= s.size() && s.compare(i, p.size(), p) == 0;
}

struct CurrencyToken {
  std::string_view text;
  std::string_view code;
  bool letters;  // a code spelled in letters: must not touch other letters
};

// Longest first, so "US$" wins over "$".
constexpr std::array<CurrencyToken, 40> kPrefixes{{
    {"US$", "USD", false}, {"CA$", "CAD", false}, {"AU$", "AUD", false}, {"NZ$", "NZD", false},
    {"HK$", "HKD", false}, {"R$", "BRL", false},  {"C$", "CAD", false},  {"A$", "AUD", false},
    {"S$", "SGD", false},  {"$", "USD", false},   {"\xC2\xA3", "GBP", false},
    {"\xE2\x82\xAC", "EUR", false}, {"\xC2\xA5", "JPY", false}, {"\xE2\x82\xB9", "INR", false},
    {"\xE2\x82\xAA", "ILS", false}, {"USD", "USD", true}, {"EUR", "EUR", true},
    {"GBP", "GBP", true}, {"CAD", "CAD", true}, {"AUD", "AUD", true}, {"NZD", "NZD", true},
    {"SGD", "SGD", true}, {"HKD", "HKD", true}, {"CHF", "CHF", true}, {"SEK", "SEK", true},
    {"NOK", "NOK", true}, {"DKK", "DKK", true}, {"PLN", "PLN", true}, {"CZK", "CZK", true},
    {"JPY", "JPY", true}, {"INR", "INR", true}, {"CNY", "CNY", true}, {"MXN", "MXN", true},
    {"BRL", "BRL", true}, {"ZAR", "ZAR", true}, {"ILS", "ILS", true}, {"KRW", "KRW", true},
    {"HUF", "HUF", true}, {"RON", "RON", true}, {"Rs.", "INR", true},
}};

// The first bytes of the currency tokens, to rule most positions out at once.
const std::array<bool, 256>& currencyFirstBytes() {
  static const std::array<bool, 256> table = [] {
    std::array<bool, 256> t{};
    for (const auto& p : kPrefixes) t[static_cast<unsigned char>(p.text.front())] = true;
    return t;
  }();
  return table;
}

// A currency token at i: its length and code, or 0.
size_t currencyAt(std::string_view s, size_t i, std::string_view& code) {
  if (i >= s.size() || !currencyFirstBytes()[static_cast<unsigned char>(s[i])]) return 0;
  if (isAlpha(s[i]) && i > 0 && isAlpha(s[i - 1])) return 0;
  for (const auto& t : kPrefixes) {
    if (t.text.front() != s[i]) continue;
    if (!prefixAt(s, i, t.text)) continue;
    if (t.letters) {
      if (i > 0 && isAlpha(s[i - 1])) continue;
      size_t e = i + t.text.size();
      if (e < s.size() && isAlpha(s[e])) continue;
    }
    code = t.code;
    return t.text.size();
  }
  return 0;
}

bool highDenomination(std::string_view code) {
  return code == "JPY" || code == "INR" || code == "KRW" || code == "HUF" || code == "CZK";
}

bool commaDecimalCurrency(std::string_view code) {
  return code == "EUR" || code == "CHF" || code == "SEK" || code == "NOK" || code == "DKK" ||
         code == "PLN" || code == "CZK" || code == "BRL" || code == "RON" || code == "HUF";
}

struct Amount {
  size_t begin = 0, end = 0;
  std::string digits;  // the number as written: digits and separators
  double value = 0;
  bool k = false;      // "120k"
  bool large = false;  // "5M", "2 billion": never pay
  std::string currency;
};

// The value of a number as written, reading "." and "," as a person would: the last
// separator is the decimal point when both occur; "120,000" groups thousands; "50.000"
// groups thousands only in currencies written that way.
double numberValue(const std::string& token, std::string_view currency) {
  size_t commas = std::count(token.begin(), token.end(), ',');
  size_t dots = std::count(token.begin(), token.end(), '.');
  char decimal = 0;
  auto groupsOfThree = [&](char sep) {
    size_t pos = token.find(sep);
    while (pos != std::string::npos) {
      size_t next = token.find_first_of(".,", pos + 1);
      size_t len = (next == std::string::npos ? token.size() : next) - pos - 1;
      if (len != 3) return false;
      pos = token.find(sep, pos + 1);
    }
    return true;
  };
  if (commas && dots) {
    decimal = token.find_last_of(".,") == token.rfind('.') ? '.' : ',';
  } else if (commas) {
    decimal = (commas == 1 && !groupsOfThree(',')) ? ',' : 0;
  } else if (dots) {
    if (dots > 1)
      decimal = 0;
    else
      decimal = (groupsOfThree('.') && commaDecimalCurrency(currency)) ? 0 : '.';
  }
  double value = 0, scale = 0;
  for (char c : token) {
    if (isDigit(c)) {
      if (scale > 0) {
        value += (c - '0') * scale;
        scale /= 10;
      } else {
        value = value * 10 + (c - '0');
      }
    } else if (c == decimal) {
      scale = 0.1;
    }
  }
  return value;
}

// An amount at i: an optional currency, a number, an optional k / million suffix and an
// optional currency after it.
std::optional<Amount> amountAt(std::string_view s, size_t i) {
  Amount a;
  a.begin = i;
  std::string_view code;
  size_t j = i;
  if (size_t len = currencyAt(s, j, code)) {
    a.currency = std::string(code);
    j = skipSpaces(s, j + len, 1);
  }
  if (j >= s.size() || !isDigit(s[j])) return std::nullopt;
  while (j < s.size() && a.digits.size() < 16) {
    if (isDigit(s[j])) {
      a.digits += s[j++];
    } else if ((s[j] == ',' || s[j] == '.') && j + 1 < s.size() && isDigit(s[j + 1])) {
      a.digits += s[j++];
    } else {
      break;
    }
  }
  if (j < s.size() && isDigit(s[j])) return std::nullopt;  // absurdly long number
  // "401(k)", "403b": retirement plans, not pay.
  if (a.digits == "401" || a.digits == "403" || a.digits == "457") {
    if (j < s.size() && (s[j] == '(' || lower(s[j]) == 'k' || lower(s[j]) == 'b'))
      return std::nullopt;
  }
  if (j < s.size() && lower(s[j]) == 'k' && (j + 1 >= s.size() || !isAlpha(s[j + 1]))) {
    a.k = true;
    ++j;
  } else {
    size_t m = skipSpaces(s, j, 1);
    for (std::string_view w : {"million", "billion", "mm", "mn", "bn", "m", "b"}) {
      if (wordAt(s, m, w)) {
        a.large = true;
        j = m + w.size();
        break;
      }
    }
  }
  if (a.currency.empty()) {
    size_t m = skipSpaces(s, j, 1);
    if (size_t len = currencyAt(s, m, code); len && code != "USD" && s[m] != '$') {
      a.currency = std::string(code);
      j = m + len;
    } else if (prefixAt(s, m, "USD") && (m + 3 >= s.size() || !isAlpha(s[m + 3]))) {
      a.currency = "USD";
      j = m + 3;
    }
  }
  a.end = j;
  return a;
}

struct PeriodWord {
  std::string_view text;
  PayPeriod period;
};

// Said after an amount: "an hour", "/hr", "per annum", "a year", "monthly"...
constexpr std::array<PeriodWord, 40> kPeriodsAfter{{
    {"per hour", PayPeriod::hour},   {"an hour", PayPeriod::hour},   {"a hour", PayPeriod::hour},
    {"per hr", PayPeriod::hour},     {"an hr", PayPeriod::hour},     {"/hour", PayPeriod::hour},
    {"/ hour", PayPeriod::hour},     {"/hr", PayPeriod::hour},       {"/ hr", PayPeriod::hour},
    {"/h", PayPeriod::hour},         {"hourly", PayPeriod::hour},    {"p/h", PayPeriod::hour},
    {"per year", PayPeriod::year},   {"a year", PayPeriod::year},    {"/year", PayPeriod::year},
    {"/ year", PayPeriod::year},     {"/yr", PayPeriod::year},       {"per annum", PayPeriod::year},
    {"p.a.", PayPeriod::year},       {"pa", PayPeriod::year},        {"annually", PayPeriod::year},
    {"yearly", PayPeriod::year},     {"annual", PayPeriod::year},    {"/annum", PayPeriod::year},
    {"per yr", PayPeriod::year},     {"per month", PayPeriod::month}, {"a month", PayPeriod::month},
    {"/month", PayPeriod::month},    {"/mo", PayPeriod::month},      {"monthly", PayPeriod::month},
    {"pcm", PayPeriod::month},       {"per week", PayPeriod::week},  {"a week", PayPeriod::week},
    {"/week", PayPeriod::week},      {"/wk", PayPeriod::week},       {"weekly", PayPeriod::week},
    {"per day", PayPeriod::day},     {"a day", PayPeriod::day},      {"/day", PayPeriod::day},
    {"daily", PayPeriod::day},
}};

struct FoundPeriod {
  PayPeriod period;
  size_t end;
};

std::optional<FoundPeriod> periodAfter(std::string_view s, size_t i) {
  size_t j = skipSpaces(s, i, 2);
  // Fillers people put between the amount and the period.
  for (std::string_view filler : {"usd", "eur", "gbp", "cad", "gross", "base", "salary"}) {
    if (wordAt(s, j, filler)) {
      j = skipSpaces(s, j + filler.size(), 2);
      break;
    }
  }
  if (j < s.size() && s[j] == '(') j = skipSpaces(s, j + 1, 1);
  for (const auto& p : kPeriodsAfter) {
    bool slash = p.text.front() == '/';
    if (slash ? (j + p.text.size() <= s.size() &&
                 std::equal(p.text.begin(), p.text.end(), s.begin() + j,
                            [](char a, char b) { return a == lower(b); }) &&
                 (j + p.text.size() >= s.size() || !isAlpha(s[j + p.text.size()])))
              : wordAt(s, j, p.text)) {
      size_t end = j + p.text.size();
      if (end < s.size() && s[end] == ')') ++end;
      return FoundPeriod{p.period, end};
    }
  }
  return std::nullopt;
}

std::string lowerWindow(std::string_view s, size_t from, size_t to) {
  std::string out(s.substr(from, to - from));
  for (char& c : out) c = lower(c);
  return out;
}

// The last position in w of any of words, each starting a word and ending one (a word
// ending in '*' is a stem: "reimburs*" matches "reimbursement"); npos when none occurs.
size_t lastWord(const std::string& w, const std::vector<std::string_view>& words) {
  for (size_t pos = w.size(); pos-- > 0;) {
    if (pos > 0 && isAlnum(w[pos - 1])) continue;  // words start after a non-alphanumeric
    for (auto word : words) {
      if (word.front() != w[pos]) continue;
      bool stem = word.back() == '*';
      if (stem) word.remove_suffix(1);
      if (w.compare(pos, word.size(), word) != 0) continue;
      size_t e = pos + word.size();
      if (stem || e >= w.size() || !isAlnum(w[e])) return pos;
    }
  }
  return std::string::npos;
}

const std::vector<std::string_view> kPayWords = {
    "salary", "salaries", "pay", "pays", "paid", "paying", "compensation", "wage*", "rate",
    "rates", "earn*", "base", "ote", "remuneration", "income", "hourly", "annual"};
const std::vector<std::string_view> kNotPayBefore = {
    "raised", "raise", "raising", "fund*", "series", "revenue*", "valuation", "valued",
    "budget*", "bonus*", "stipend*", "allowance*", "reimburs*", "invest*", "grant*", "assets",
    "aum", "401", "403", "match*", "sales of", "portfolio", "worth", "spend*", "deal", "deals",
    "donat*", "tuition", "relocation", "referral", "gift*", "fee", "fees", "deductible",
    "premium*", "arr", "gmv", "capital", "contract value", "savings", "credit*", "per diem",
    "discount*"};
// The words right after an amount that say it is something else: "$5M in sales".
const std::vector<std::string_view> kNotPayAfter = {
    "in sales", "in revenue", "in funding", "in annual", "in arr", "in venture", "in series",
    "in assets", "in capital", "in grant", "in investment", "in gmv", "in bookings", "in new",
    "in seed", "in total", "of funding", "of revenue", "of investment", "of capital",
    "of sales", "signing", "sign-on", "sign on", "bonus", "bonuses", "stipend", "allowance",
    "budget", "revenue", "funding", "round", "raise", "valuation", "arr", "gmv", "grant",
    "reimbursement", "credit", "gift", "referral", "relocation", "series", "seed",
    "investment", "worth", "deductible", "match", "raised", "per employee", "users",
    "customers", "companies", "annual revenue", "in sales"};

struct Bounds {
  double low, high;
};

Bounds plausible(PayPeriod p) {
  switch (p) {
    case PayPeriod::hour: return {5, 1000};
    case PayPeriod::day: return {40, 5000};
    case PayPeriod::week: return {150, 25000};
    case PayPeriod::month: return {500, 100000};
    case PayPeriod::year: return {8000, 3000000};
  }
  return {0, 0};
}

bool candidateStart(std::string_view s, size_t i) {
  if (!isDigit(s[i])) {
    if (!currencyFirstBytes()[static_cast<unsigned char>(s[i])]) return false;
    std::string_view code;
    return currencyAt(s, i, code) > 0;
  }
  if (i == 0) return true;
  char p = s[i - 1];
  return !isAlnum(p) && p != '.' && p != ',' && p != '-' && p != '/' && p != '#' && p != ':';
}

}  // namespace

std::vector<PayMention> findPay(std::string_view s, uint32_t offset) {
  std::vector<PayMention> out;
  size_t i = 0;
  while (i < s.size()) {
    if (!candidateStart(s, i)) {
      ++i;
      continue;
    }
    auto a = amountAt(s, i);
    if (!a) {
      ++i;
      while (i < s.size() && (isDigit(s[i]) || s[i] == ',' || s[i] == '.')) ++i;
      continue;
    }
    size_t before = a->begin >= 60 ? a->begin - 60 : 0;
    // Only look back within the sentence: a full stop followed by a space or a line break.
    for (size_t k = a->begin; k > before; --k) {
      char c = s[k - 1];
      if (c == '\n' || ((c == '.' || c == ';' || c == '!' || c == '?') && k < s.size() &&
                        spaceAt(s, k))) {
        before = k;
        break;
      }
    }
    std::string back = lowerWindow(s, before, a->begin);

    std::optional<Amount> b;
    size_t end = a->end;
    size_t sep = skipSpaces(s, a->end, 2);
    size_t sepLen = 0;
    if (prefixAt(s, sep, "-") || prefixAt(s, sep, "~")) sepLen = 1;
    else if (prefixAt(s, sep, "\xE2\x80\x93") || prefixAt(s, sep, "\xE2\x80\x94") ||
             prefixAt(s, sep, "\xE2\x88\x92") || prefixAt(s, sep, "\xE2\x80\x91"))
      sepLen = 3;
    else if (wordAt(s, sep, "to")) sepLen = 2;
    else if (wordAt(s, sep, "and") && lastWord(back, {"between"}) != std::string::npos) sepLen = 3;
    if (sepLen) {
      size_t bStart = skipSpaces(s, sep + sepLen, 2);
      b = amountAt(s, bStart);
      if (b) end = b->end;
    }
    size_t resume = end;

    // Most numbers in a posting are not money: without a currency, a "k", a range or a
    // period after them, only a pay word just before ("Salary: 80,000") can make them pay.
    if (a->currency.empty() && !a->k && !b && !a->large) {
      bool cheapEvidence = periodAfter(s, end).has_value();
      if (!cheapEvidence) {
        size_t from = a->begin >= 24 ? a->begin - 24 : 0;
        cheapEvidence = lastWord(lowerWindow(s, from, a->begin), kPayWords) != std::string::npos;
      }
      if (!cheapEvidence) {
        i = std::max(end, i + 1);
        continue;
      }
    }
    bool large = a->large || (b && b->large);
    std::string currency = !a->currency.empty() ? a->currency : b ? b->currency : "";
    double lo = numberValue(a->digits, currency);
    double hi = b ? numberValue(b->digits, currency) : lo;
    bool k = a->k || (b && b->k);
    if (a->k) lo *= 1000;
    if (b && b->k) hi *= 1000;
    // "$120-150K": the k of the second figure covers the first.
    if (b && b->k && !a->k && lo < 1000) lo *= 1000;
    if (b && a->k && !b->k && hi < 1000) hi *= 1000;

    auto period = periodAfter(s, end);
    bool periodStated = period.has_value();
    if (period) end = period->end;

    // What follows the statement: "$5M in sales", "$10,000 signing bonus".
    bool refused = large;
    {
      size_t f = skipSpaces(s, end, 2);
      for (auto w : kNotPayAfter)
        if (wordAt(s, f, w)) refused = true;
      if (f < s.size() && s[f] == '%') refused = true;
    }
    size_t payWord = lastWord(back, kPayWords);
    size_t notPay = lastWord(back, kNotPayBefore);
    if (notPay != std::string::npos && (payWord == std::string::npos || payWord < notPay))
      refused = true;

    PayPeriod per = PayPeriod::year;
    if (period) {
      per = period->period;
    } else {
      // A period said before the amount: "Hourly rate: $20-25", "Annual salary $90,000".
      size_t hourly = lastWord(back, {"hourly", "per hour", "an hour"});
      size_t yearly = lastWord(back, {"annual", "yearly", "per year", "per annum", "annually"});
      size_t monthly = lastWord(back, {"monthly", "per month"});
      size_t weekly = lastWord(back, {"weekly", "per week"});
      size_t daily = lastWord(back, {"daily rate", "day rate", "per day"});
      size_t best = std::string::npos;
      auto consider = [&](size_t pos, PayPeriod p) {
        if (pos != std::string::npos && (best == std::string::npos || pos > best)) {
          best = pos;
          per = p;
        }
      };
      consider(hourly, PayPeriod::hour);
      consider(yearly, PayPeriod::year);
      consider(monthly, PayPeriod::month);
      consider(weekly, PayPeriod::week);
      consider(daily, PayPeriod::day);
      if (best != std::string::npos) {
        periodStated = true;
      } else if (std::max(lo, hi) >= 10000) {
        per = PayPeriod::year;
      } else if (payWord != std::string::npos && !currency.empty() && std::max(lo, hi) <= 300) {
        per = PayPeriod::hour;
      } else {
        refused = true;
      }
    }
    bool hasWord = payWord != std::string::npos;
    // Something must say this is money: a currency, a period, or a pay word.
    if (currency.empty() && !period && !hasWord) refused = true;
    if (currency.empty()) currency = "USD";

    if (b && lo > hi) std::swap(lo, hi);
    Bounds bounds = plausible(per);
    if (highDenomination(currency)) bounds = {bounds.low * 20, bounds.high * 500};
    if (lo < bounds.low || hi > bounds.high) refused = true;
    if (b && lo > 0 && hi / lo > 10) refused = true;

    if (!refused) {
      PayMention m;
      size_t begin = a->begin;
      Pay& pay = m.pay;
      pay.currency = currency;
      pay.period = per;
      if (b) {
        pay.min = lo;
        pay.max = hi;
      } else {
        // "up to $80k" gives a ceiling; "from $20/hour", "$90k+" a floor.
        size_t tail = back.size();
        auto near = [&](std::string_view w) {
          size_t pos = back.rfind(w);
          return pos != std::string::npos && tail - pos <= w.size() + 3;
        };
        bool plus = a->end < s.size() && s[a->end] == '+';
        if (near("up to") || near("upto") || near("maximum") || near("max") ||
            near("as much as")) {
          pay.max = lo;
          for (std::string_view w : {"up to", "upto", "maximum", "max", "as much as"})
            if (near(w)) {
              begin = before + back.rfind(w);
              break;
            }
        } else if (plus || near("from") || near("starting at") || near("starts at") ||
                   near("minimum") || near("min") || near("at least") || near("starting from")) {
          pay.min = lo;
          if (plus && end == a->end) end = a->end + 1;
        } else {
          pay.min = lo;
          pay.max = lo;
        }
      }
      if (pay.min) pay.annualMin = annualise(*pay.min, per);
      if (pay.max) pay.annualMax = annualise(*pay.max, per);
      Span span;
      span.begin = offset + static_cast<uint32_t>(begin);
      span.end = offset + static_cast<uint32_t>(end);
      span.text = std::string(s.substr(begin, end - begin));
      pay.evidence.push_back(std::move(span));
      // "$150,000 base salary" beats the on-target earnings ("OTE $260,000") beside it.
      bool base = wordAt(s, skipSpaces(s, end, 2), "base") ||
                  lastWord(back, {"base"}) != std::string::npos;
      bool ote = lastWord(back, {"ote", "on-target", "on target"}) != std::string::npos;
      m.score = (a->currency.empty() && (!b || b->currency.empty()) ? 0 : 3) +
                (periodStated ? 3 : 0) + (hasWord ? 2 : 0) + (b ? 2 : 0) + (k ? 1 : 0) +
                (base ? 1 : 0) - (ote && !base ? 1 : 0);
      out.push_back(std::move(m));
      resume = end;
    }
    i = std::max(resume, i + 1);
  }
  return out;
}

std::optional<Pay> parsePay(std::string_view text) {
  auto all = findPay(text);
  if (all.empty()) return std::nullopt;
  const PayMention* best = &all.front();
  for (const auto& m : all)
    if (m.score > best->score) best = &m;
  return best->pay;
}

}  // namespace jobfit
