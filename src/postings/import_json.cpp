#include "postings/import_json.h"

namespace jobfit {

using nlohmann::json;

std::string_view toString(UpsertOutcome outcome) {
  switch (outcome) {
    case UpsertOutcome::added: return "added";
    case UpsertOutcome::updated: return "updated";
    case UpsertOutcome::unchanged: return "unchanged";
  }
  return "added";
}

json toJson(const PostingImportReport& report) {
  json rejections = json::array();
  for (const auto& r : report.rejections) rejections.push_back({{"where", r.where}, {"why", r.why}});
  return {{"new", report.added},
          {"updated", report.updated},
          {"unchanged", report.unchanged},
          {"rejected", report.rejected},
          {"summary", report.summary()},
          {"rejections", std::move(rejections)}};
}

json toJson(const PostingAddResult& result) {
  json j = toJson(result.report);
  json postings = json::array();
  for (const auto& p : result.stored)
    postings.push_back({{"id", p.id},
                        {"outcome", toString(p.outcome)},
                        {"title", p.title},
                        {"company", p.company}});
  j["postings"] = std::move(postings);
  return j;
}

}  // namespace jobfit
