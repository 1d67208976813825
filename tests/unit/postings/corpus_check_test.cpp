// A spot-check of the analysis against the real labels of ../shared/corpus/gjobs_postings.csv
// (JOBFIT_CORPUS overrides the folder): its `salary` column is real pay text, `remote` marks
// remote jobs (`work_from_home` is empty in this file), `schedule_type` the employment type
// and ~20 0/1 columns name skills. The test prints what it measures and skips, saying so,
// when the file is absent; it asserts only floors far below what it measures, so a real
// regression fails it but a different corpus does not.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include <fmt/format.h>

#include "core/text.h"
#include "postings/analyze.h"
#include "postings/formats/readers.h"
#include "postings/pay.h"

namespace jobfit {
namespace {

namespace fs = std::filesystem;

fs::path gjobsFile() {
  if (const char* env = std::getenv("JOBFIT_CORPUS"); env && *env) {
    auto p = fs::path(env) / "gjobs_postings.csv";
    return fs::exists(p) ? p : fs::path();
  }
  for (const char* up : {"../shared/corpus", "../../shared/corpus"}) {
    auto p = fs::path(JOBFIT_SOURCE_DIR) / up / "gjobs_postings.csv";
    if (fs::exists(p)) return p;
  }
  return {};
}

// The salary text read independently of the pay parser: "105K–160K a year", "19.52–31.09 an
// hour", "85K a year", "88,608–122,741 a year".
struct SalaryLabel {
  double min = 0, max = 0;
  PayPeriod period = PayPeriod::year;
};

std::optional<SalaryLabel> readSalaryLabel(const std::string& text) {
  SalaryLabel l;
  std::string s = text;
  if (s.find("hour") != std::string::npos) l.period = PayPeriod::hour;
  else if (s.find("year") != std::string::npos) l.period = PayPeriod::year;
  else if (s.find("month") != std::string::npos) l.period = PayPeriod::month;
  else return std::nullopt;
  auto number = [](std::string part) {
    double k = part.find('K') != std::string::npos ? 1000 : 1;
    std::string digits;
    for (char c : part)
      if ((c >= '0' && c <= '9') || c == '.') digits += c;
    return digits.empty() ? -1 : std::stod(digits) * k;
  };
  auto dash = s.find("\xE2\x80\x93");
  std::string first = s.substr(0, dash == std::string::npos ? s.find(' ') : dash);
  l.min = number(first);
  l.max = dash == std::string::npos ? l.min : number(s.substr(dash + 3, s.find(' ', dash) - dash - 3));
  if (l.min < 0 || l.max < 0) return std::nullopt;
  return l;
}

EmploymentType labelType(const std::string& schedule) {
  // The first type named: "Full-time and Part-time" is a full-time job.
  std::string s = toLower(schedule);
  if (s.rfind("full", 0) == 0) return EmploymentType::full_time;
  if (s.rfind("part", 0) == 0) return EmploymentType::part_time;
  if (s.rfind("contract", 0) == 0) return EmploymentType::contract;
  if (s.rfind("temp", 0) == 0) return EmploymentType::temporary;
  if (s.rfind("intern", 0) == 0) return EmploymentType::internship;
  return EmploymentType::unknown;
}

TEST(PostingCorpusCheck, GjobsLabels) {
  auto path = gjobsFile();
  if (path.empty())
    GTEST_SKIP() << "../shared/corpus/gjobs_postings.csv is absent (set JOBFIT_CORPUS): nothing to check";
  std::ifstream in(path, std::ios::binary);
  formats::CsvRecords csv(in);
  std::vector<std::string> header, row;
  bool tooLong = false;
  ASSERT_TRUE(csv.next(header, tooLong));
  std::map<std::string, size_t> col;
  for (size_t i = 0; i < header.size(); ++i) col[header[i]] = i;
  for (const char* c : {"title", "company_name", "location", "description", "salary", "remote", "schedule_type"})
    ASSERT_TRUE(col.count(c)) << c;
  const std::map<std::string, std::string> skillColumns{
      {"tableau", "Tableau"}, {"power_bi", "Power BI"},    {"excel", "Excel"},
      {"qlik", "Qlik"},       {"domo", "Domo"},            {"sap", "SAP"},
      {"spss", "SPSS"},       {"looker", "Looker"},        {"sas", "SAS"},
      {"python", "Python"},   {"r", "R"},                  {"sql", "SQL"},
      {"vba", "VBA"},         {"javascript", "JavaScript"}, {"sql_server", "SQL Server"},
      {"mysql", "MySQL"},     {"postgresql", "PostgreSQL"}, {"mongodb", "MongoDB"},
      {"snowflake", "Snowflake"}, {"databricks", "Databricks"}, {"bigquery", "BigQuery"},
      {"oracle", "Oracle"}};

  size_t rows = 0, salaries = 0, salaryParsed = 0, salaryExact = 0;
  size_t descPay = 0, descPayAgrees = 0;
  double remoteTp = 0, remotePred = 0, remoteTrue = 0;
  double typeCorrect = 0, typePred = 0, typeTrue = 0;
  double skillTp = 0, skillPred = 0, skillTrue = 0;
  std::map<std::string, std::array<double, 3>> perSkill;  // tp, predicted, true
  while (csv.next(row, tooLong)) {
    if (row.size() < header.size()) continue;
    ++rows;
    auto at = [&](const char* c) { return row[col.at(c)]; };
    PostingInput input;
    input.source = "csv";
    input.title = at("title");
    input.company = at("company_name");
    input.locations = {std::string(trim(at("location")))};
    input.description = at("description");
    // The description alone: the labels must not leak into the analysis.
    Posting p = PostingAnalyzer::shared().analyze(input);

    std::string salary(trim(at("salary")));
    if (!salary.empty()) {
      ++salaries;
      auto label = readSalaryLabel(salary);
      auto parsed = parsePay(salary);
      if (parsed) ++salaryParsed;
      if (parsed && label && parsed->period == label->period && parsed->min && parsed->max &&
          std::fabs(*parsed->min - label->min) < 0.01 && std::fabs(*parsed->max - label->max) < 0.01)
        ++salaryExact;
      if (p.pay) {
        ++descPay;
        if (label && p.pay->period == label->period && p.pay->min &&
            std::fabs(*p.pay->min - label->min) < 0.01)
          ++descPayAgrees;
      }
    }
    bool remote = at("remote") == "1";
    remoteTrue += remote;
    remotePred += p.workMode == WorkMode::remote;
    remoteTp += remote && p.workMode == WorkMode::remote;

    EmploymentType want = labelType(at("schedule_type"));
    typeTrue += want != EmploymentType::unknown;
    typePred += p.employmentType != EmploymentType::unknown;
    typeCorrect += want != EmploymentType::unknown && p.employmentType == want;

    std::set<std::string> found(p.skills.begin(), p.skills.end());
    for (const auto& [column, name] : skillColumns) {
      if (!col.count(column)) continue;
      bool labelled = row[col.at(column)] == "1";
      bool predicted = found.count(name) > 0;
      skillTrue += labelled;
      skillPred += predicted;
      skillTp += labelled && predicted;
      auto& s = perSkill[name];
      s[0] += labelled && predicted;
      s[1] += predicted;
      s[2] += labelled;
    }
  }
  auto ratio = [](double a, double b) { return b ? a / b : 1.0; };
  std::string report = fmt::format(
      "gjobs_postings.csv: {} postings\n"
      "  salary column: {} texts, pay parser reads {} ({:.3f}), {} exactly as labelled ({:.3f})\n"
      "  pay found in the description of those {}: {} ({} agreeing with the salary column)\n"
      "  remote: precision {:.3f} recall {:.3f} (predicted {}, labelled {})\n"
      "  employment type (first schedule_type): precision {:.3f} recall {:.3f} (predicted {}, labelled {})\n"
      "  skills (0/1 columns): precision {:.3f} recall {:.3f} (predicted {}, labelled {})\n",
      rows, salaries, salaryParsed, ratio(salaryParsed, salaries), salaryExact,
      ratio(salaryExact, salaries), salaries, descPay, descPayAgrees, ratio(remoteTp, remotePred),
      ratio(remoteTp, remoteTrue), remotePred, remoteTrue, ratio(typeCorrect, typePred),
      ratio(typeCorrect, typeTrue), typePred, typeTrue, ratio(skillTp, skillPred),
      ratio(skillTp, skillTrue), skillPred, skillTrue);
  for (const auto& [name, s] : perSkill)
    if (s[1] + s[2] > 0)
      report += fmt::format("    {:<12} precision {:.2f} recall {:.2f} (predicted {}, labelled {})\n",
                            name, ratio(s[0], s[1]), ratio(s[0], s[2]), s[1], s[2]);
  std::cout << report;
  EXPECT_GE(ratio(salaryExact, salaries), 0.9) << report;
  EXPECT_GE(ratio(skillTp, skillPred), 0.7) << report;
}

}  // namespace
}  // namespace jobfit
