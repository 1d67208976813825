// Golden tests, one per input format: the analysis JSON of every record of a fixture file
// must equal tests/fixtures/postings/golden/<name>.json. After a deliberate change, rewrite
// them with JOBFIT_UPDATE_GOLDEN=1 and review the diff.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include <nlohmann/json.hpp>

#include "fixture_support.h"
#include "postings/posting_json.h"

namespace jobfit {
namespace {

using testing::postingFixtures;

class PostingGolden : public ::testing::TestWithParam<std::pair<std::string, std::string>> {};

TEST_P(PostingGolden, AnalysisMatchesGoldenFile) {
  const auto& [input, golden] = GetParam();
  auto read = testing::readPostingFile(postingFixtures() / "labelled" / input);
  ASSERT_TRUE(read.rejected.empty()) << read.rejected.front();
  nlohmann::json got = nlohmann::json::array();
  for (const auto& r : read.records) got.push_back(toJson(PostingAnalyzer::shared().analyze(r)));
  auto path = postingFixtures() / "golden" / golden;
  if (const char* update = std::getenv("JOBFIT_UPDATE_GOLDEN"); update && *update == '1') {
    std::ofstream(path) << got.dump(1) << "\n";
    GTEST_SKIP() << "rewrote " << path;
  }
  ASSERT_TRUE(std::filesystem::exists(path)) << path << " is missing: run with JOBFIT_UPDATE_GOLDEN=1";
  auto want = nlohmann::json::parse(testing::readFile(path));
  EXPECT_EQ(got, want) << "diff (RFC 6902): " << nlohmann::json::diff(want, got).dump(1);
}

INSTANTIATE_TEST_SUITE_P(
    Formats, PostingGolden,
    ::testing::Values(std::make_pair("text/01_backend_remote.txt", "text.json"),
                      std::make_pair("html/02_jsonld_graph.html", "html_jsonld_graph.json"),
                      std::make_pair("html/03_jsonld_array_malformed.html", "html_jsonld_array.json"),
                      std::make_pair("html/05_plain_page.html", "html_main_text.json"),
                      std::make_pair("greenhouse.json", "greenhouse.json"),
                      std::make_pair("lever.json", "lever.json"),
                      std::make_pair("ashby.json", "ashby.json"),
                      std::make_pair("postings.csv", "csv.json"),
                      std::make_pair("postings.jsonl", "jsonl.json")),
    [](const auto& info) {
      std::string name = info.param.second.substr(0, info.param.second.find('.'));
      return name;
    });

}  // namespace
}  // namespace jobfit
