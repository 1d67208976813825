#include "evidence/draft_json.h"

#include <fmt/format.h>

#include "core/error.h"
#include "core/json_read.h"

namespace jobfit {

using nlohmann::json;

json toJson(const Draft& d) {
  return json{{"id", d.id},
              {"source", d.source},
              {"start", formatInstant(d.start)},
              {"date", formatDate(d.date)},
              {"minutes", d.minutes},
              {"title", d.title},
              {"activity", d.activity.empty() ? json(nullptr) : json(d.activity)},
              {"status", draftStatusName(d.status)},
              {"episode_id", d.episodeId ? json(*d.episodeId) : json(nullptr)}};
}

Draft draftFromJson(const json& j, const std::string& path) {
  JsonReader r(j, path);
  Draft d;
  d.id = r.optionalInt("id").value_or(0);
  d.source = r.requiredString("source");
  d.start = parseInstantField(r.requiredString("start"), r.path("start"));
  d.date = parseDateField(r.requiredString("date"), r.path("date"));
  d.minutes = static_cast<int>(r.requiredInt("minutes"));
  d.title = r.optionalString("title").value_or("");
  d.activity = r.optionalString("activity").value_or("");
  try {
    d.status = parseDraftStatus(r.optionalString("status").value_or("pending"));
  } catch (const Error& e) {
    throw Error(ErrorCode::invalid, fmt::format("{}: {}", r.path("status"), e.what()),
                r.path("status"));
  }
  d.episodeId = r.optionalInt("episode_id");
  return d;
}

}  // namespace jobfit
