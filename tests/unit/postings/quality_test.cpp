// Precision and recall of the analysis on the hand-labelled fixture postings
// (tests/fixtures/postings/labelled, labels.json), per field, with floors the analysis must
// keep: 0.9 for pay and work mode, lower where the wording of postings is looser.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "fixture_support.h"
#include "postings/posting_json.h"

namespace jobfit {
namespace {

using nlohmann::json;
using testing::postingFixtures;

struct Score {
  double predicted = 0, actual = 0, correct = 0;
  double precision() const { return predicted ? correct / predicted : 1.0; }
  double recall() const { return actual ? correct / actual : 1.0; }
};

bool samePay(const json& got, const json& want) {
  auto close = [](const json& a, const json& b) {
    if (a.is_null() || b.is_null()) return a.is_null() && b.is_null();
    return std::fabs(a.get<double>() - b.get<double>()) <= 0.005 * std::fabs(b.get<double>()) + 1e-9;
  };
  return close(got["min"], want["min"]) && close(got["max"], want["max"]) &&
         got["currency"] == want["currency"] && got["period"] == want["period"];
}

TEST(PostingQuality, PrecisionAndRecallPerFieldOnLabelledFixtures) {
  auto dir = postingFixtures() / "labelled";
  json labels = json::parse(testing::readFile(dir / "labels.json"));
  std::map<std::string, Score> scores;
  std::vector<std::string> misses;
  size_t records = 0;
  for (const auto& [file, expected] : labels["labels"].items()) {
    auto read = testing::readPostingFile(dir / file);
    ASSERT_TRUE(read.rejected.empty()) << file << ": " << read.rejected.front();
    ASSERT_EQ(read.records.size(), expected.size()) << file;
    for (size_t i = 0; i < expected.size(); ++i) {
      ++records;
      json got = toJson(PostingAnalyzer::shared().analyze(read.records[i]));
      const json& want = expected[i];
      std::string where = fmt::format("{}[{}] {}", file, i, read.records[i].title);
      auto note = [&](const std::string& field, const json& g, const json& w) {
        misses.push_back(fmt::format("{}: {} got {} want {}", where, field, g.dump(), w.dump()));
      };
      for (std::string field : {"work_mode", "employment_type", "seniority"}) {
        auto& s = scores[field];
        bool predicted = got[field] != "unknown", actual = want[field] != "unknown";
        s.predicted += predicted;
        s.actual += actual;
        if (predicted && got[field] == want[field]) ++s.correct;
        if (got[field] != want[field]) note(field, got[field], want[field]);
      }
      {
        auto& s = scores["pay"];
        s.predicted += !got["pay"].is_null();
        s.actual += !want["pay"].is_null();
        bool ok = got["pay"].is_null() == want["pay"].is_null() &&
                  (got["pay"].is_null() || samePay(got["pay"], want["pay"]));
        if (!got["pay"].is_null() && !want["pay"].is_null() && ok) ++s.correct;
        if (!ok) note("pay", got["pay"], want["pay"]);
      }
      {
        auto& s = scores["travel_share"];
        const json &g = got["travel_share"], &w = want["travel_share"];
        s.predicted += !g.is_null();
        s.actual += !w.is_null();
        bool ok = g.is_null() == w.is_null() &&
                  (g.is_null() || std::fabs(g.get<double>() - w.get<double>()) <= 0.05);
        if (!g.is_null() && ok) ++s.correct;
        if (!ok) note("travel_share", g, w);
      }
      auto flag = [&](const std::string& field, const json& g, const json& w) {
        auto& s = scores[field];
        s.predicted += g.get<bool>();
        s.actual += w.get<bool>();
        s.correct += g.get<bool>() && w.get<bool>();
        if (g != w) note(field, g, w);
      };
      for (std::string f : {"on_call", "shifts", "weekends", "overtime"})
        flag(f, got["schedule"][f], want[f]);
      flag("manages_people", got["management"]["manages_people"], want["manages_people"]);
      {
        auto& s = scores["reports"];
        const json &g = got["management"]["reports"], &w = want["reports"];
        s.predicted += !g.is_null();
        s.actual += !w.is_null();
        if (!g.is_null() && g == w) ++s.correct;
        if (g != w) note("reports", g, w);
      }
      {
        auto& s = scores["skills"];
        std::set<std::string> g = got["skills"], w = want["skills"];
        s.predicted += static_cast<double>(g.size());
        s.actual += static_cast<double>(w.size());
        for (const auto& x : g) s.correct += w.count(x);
        if (g != w) note("skills", got["skills"], want["skills"]);
      }
    }
  }
  EXPECT_GE(records, 60u);

  // The floors: pay and work mode must be right nine times in ten.
  const std::map<std::string, std::pair<double, double>> floors{
      {"work_mode", {0.9, 0.9}},      {"pay", {0.9, 0.9}},         {"employment_type", {0.9, 0.85}},
      {"seniority", {0.85, 0.8}},     {"travel_share", {0.8, 0.75}}, {"on_call", {0.8, 0.8}},
      {"shifts", {0.85, 0.8}},        {"weekends", {0.8, 0.85}},   {"overtime", {0.9, 0.9}},
      {"manages_people", {0.9, 0.85}}, {"reports", {0.85, 0.75}},   {"skills", {0.9, 0.9}}};
  std::string table = fmt::format("{} labelled fixture postings\n{:<16} {:>9} {:>9} {:>6} {:>6}\n",
                                  records, "field", "precision", "recall", "pred", "true");
  for (const auto& [field, s] : scores)
    table += fmt::format("{:<16} {:>9.3f} {:>9.3f} {:>6} {:>6}\n", field, s.precision(), s.recall(),
                         s.predicted, s.actual);
  std::cout << table;
  for (const auto& m : misses) std::cout << "  miss: " << m << "\n";
  for (const auto& [field, floor] : floors) {
    ASSERT_TRUE(scores.count(field)) << field;
    EXPECT_GE(scores[field].precision(), floor.first) << field << " precision\n" << table;
    EXPECT_GE(scores[field].recall(), floor.second) << field << " recall\n" << table;
  }
}

}  // namespace
}  // namespace jobfit
