// The posting model (PRODUCT.md): what a job posting would have a person do all day and on
// what terms, each fact with the words of the posting that support it.
//
// Two halves meet here:
//  - inputs (formats.h): HTML/JSON-LD, board JSON, CSV, JSON Lines, plain text -> PostingInput
//  - analysis (analyze.h): PostingInput -> Posting (the normalized, analysed posting)
// Storage, import with de-duplication, search and the CLI work on Posting.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jobfit {

// One record as a source gave it, before analysis. Structured fields a source states
// (JSON-LD employmentType, baseSalary, a board's location) are kept as text hints; the
// analysis prefers them to what it reads in the description.
struct PostingInput {
  std::string source;     // "html", "json-ld", "greenhouse", "lever", "ashby", "csv", "jsonl", "text"
  std::string sourceId;   // the ATS's job id, when there is one
  std::string url;
  std::string title;
  std::string company;
  std::vector<std::string> locations;
  std::string description;  // plain text (HTML already turned into text)
  // Hints from structured fields; empty when the source says nothing.
  std::string employmentTypeHint;  // e.g. "FULL_TIME", "Full-time", "Contract"
  std::string workModeHint;        // e.g. "TELECOMMUTE", "Remote", "Hybrid"
  std::string payHint;             // pay as text: "$120,000 - $150,000 a year", "USD 50/hour"
  std::string postedDate;          // YYYY-MM-DD when known
};

// A span of the analysed text that supports a fact: byte offsets into the text the analysis
// read (title + "\n" + description), and the phrase itself.
struct Span {
  uint32_t begin = 0, end = 0;
  std::string text;
  bool operator==(const Span&) const = default;
};

enum class WorkMode { unknown, remote, hybrid, onsite };
enum class EmploymentType { unknown, full_time, part_time, contract, temporary, internship, volunteer, other };
enum class Seniority { unknown, intern, entry, mid, senior, lead, manager, director, executive };
enum class PayPeriod { hour, day, week, month, year };

std::string_view toString(WorkMode v);
std::string_view toString(EmploymentType v);
std::string_view toString(Seniority v);
std::string_view toString(PayPeriod v);
// Parse the snake_case names above; nullopt on anything else.
std::optional<WorkMode> parseWorkMode(std::string_view s);
std::optional<EmploymentType> parseEmploymentType(std::string_view s);
std::optional<Seniority> parseSeniority(std::string_view s);
std::optional<PayPeriod> parsePayPeriod(std::string_view s);

struct Pay {
  std::optional<double> min, max;  // as stated, in `currency` per `period`
  std::string currency;            // ISO 4217, e.g. "USD"
  PayPeriod period = PayPeriod::year;
  std::optional<double> annualMin, annualMax;  // annualised (see docs/postings.md)
  std::vector<Span> evidence;
  bool operator==(const Pay&) const = default;
};

// A yes/no fact with its evidence (false with no evidence when not found).
struct Flag {
  bool value = false;
  std::vector<Span> evidence;
  bool operator==(const Flag&) const = default;
};

struct ActivityShare {
  std::string activity;  // an id of the activity taxonomy
  double share = 0;      // shares of the activities found sum to 1
  std::vector<Span> evidence;
  bool operator==(const ActivityShare&) const = default;
};

struct Posting {
  int64_t id = 0;  // 0 until stored
  std::string title, company;
  std::vector<std::string> locations;
  std::string url, source, sourceId;
  std::string description;  // the text analysed (kept so the analysis can be redone)
  std::string postedDate;

  WorkMode workMode = WorkMode::unknown;
  std::vector<Span> workModeEvidence;
  EmploymentType employmentType = EmploymentType::unknown;
  std::vector<Span> employmentTypeEvidence;
  Seniority seniority = Seniority::unknown;
  std::vector<Span> seniorityEvidence;
  std::optional<Pay> pay;
  std::optional<double> travelShare;  // 0-1
  std::vector<Span> travelEvidence;
  Flag onCall, shifts, weekends, overtime;  // schedule signals
  Flag managesPeople;
  std::optional<int> reports;  // number of direct reports when stated
  std::vector<ActivityShare> activities;
  std::vector<std::string> skills;
  std::vector<Span> skillEvidence;
  bool operator==(const Posting&) const = default;
};

}  // namespace jobfit
