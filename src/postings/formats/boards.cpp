// The public job-board JSON of Greenhouse, Lever and Ashby, with their documented fields:
//  Greenhouse GET /v1/boards/{token}/jobs?content=true -> {"jobs": [{id, title, absolute_url,
//    location{name}, content (HTML-escaped HTML), updated_at, first_published, company_name,
//    metadata[], pay_input_ranges[]}], "meta": {...}}
//  Lever GET /v0/postings/{site}?mode=json -> [{id, text, hostedUrl, applyUrl, categories{
//    location, commitment, team, department, allLocations[]}, descriptionPlain, lists[{text,
//    content}], additionalPlain, workplaceType, salaryRange{min, max, currency, interval},
//    salaryDescriptionPlain, createdAt}]
//  Ashby GET /posting-api/job-board/{name}?includeCompensation=true -> {"jobs": [{id, title,
//    location, secondaryLocations[{location}], employmentType, isRemote, workplaceType,
//    descriptionPlain, descriptionHtml, jobUrl, publishedAt, compensation{
//    compensationTierSummary, summaryComponents[{compensationType, interval, currencyCode,
//    minValue, maxValue}]}}]}
#include <fmt/format.h>

#include "core/error.h"
#include "core/text.h"
#include "postings/formats/readers.h"

namespace jobfit::formats {

using nlohmann::json;

namespace {

json parseBoard(std::string_view document, std::string_view board) {
  auto j = parseLenientJson(document);
  if (!j)
    throw Error(ErrorCode::invalid, fmt::format("the {} board is not valid JSON", board), "",
                "was the file saved completely?");
  return *j;
}

const json* member(const json& j, std::string_view key) {
  if (!j.is_object()) return nullptr;
  auto it = j.find(key);
  return it == j.end() || it->is_null() ? nullptr : &*it;
}

void addLocation(std::vector<std::string>& out, std::string value) {
  value = std::string(trim(value));
  if (!value.empty() && std::find(out.begin(), out.end(), value) == out.end())
    out.push_back(std::move(value));
}

// Reads each job with `read`; a job that fails is rejected by its index and reading goes on.
template <typename Read>
void eachJob(const json& jobs, std::string_view path, const RecordSink& sink, Read read) {
  for (size_t i = 0; i < jobs.size(); ++i) {
    std::string where = fmt::format("{}[{}]", path, i);
    try {
      if (!jobs[i].is_object()) throw Error(ErrorCode::invalid, "it is not an object");
      PostingInput in = read(jobs[i]);
      if (in.title.empty()) throw Error(ErrorCode::invalid, "it has no title");
      sink.accept(std::move(in));
    } catch (const Error& e) {
      sink.reject(where, e.what());
    } catch (const json::exception& e) {
      sink.reject(where, e.what());
    }
  }
}

const json& jobsArray(const json& doc, std::string_view board) {
  const json* jobs = member(doc, "jobs");
  if (!jobs || !jobs->is_array())
    throw Error(ErrorCode::invalid, fmt::format("the {} board has no \"jobs\" array", board));
  return *jobs;
}

}  // namespace

void readGreenhouse(std::string_view document, std::string_view name, const RecordSink& sink) {
  json doc = parseBoard(document, "Greenhouse");
  std::string board = boardName(name, "/boards/");
  // One job (GET /v1/boards/{token}/jobs/{id}) or the whole board.
  json single;
  const json* jobs = nullptr;
  if (doc.is_object() && !member(doc, "jobs") && member(doc, "title")) {
    single = json::array({doc});
    jobs = &single;
  } else {
    jobs = &jobsArray(doc, "Greenhouse");
  }
  eachJob(*jobs, "jobs", sink, [&](const json& job) {
    PostingInput in;
    in.source = "greenhouse";
    in.sourceId = jsonText(job, "id");
    in.title = std::string(trim(jsonText(job, "title")));
    in.url = jsonText(job, "absolute_url");
    in.company = jsonText(job, "company_name");
    if (in.company.empty()) in.company = board;
    if (const json* loc = member(job, "location")) addLocation(in.locations, jsonText(*loc, "name"));
    // content is HTML that was HTML-escaped once more.
    in.description = htmlToText(decodeEntities(jsonText(job, "content")));
    in.postedDate = dateOnly(jsonText(job, "first_published"));
    if (in.postedDate.empty()) in.postedDate = dateOnly(jsonText(job, "updated_at"));
    if (const json* meta = member(job, "metadata"); meta && meta->is_array()) {
      for (const auto& m : *meta) {
        std::string key = toLower(jsonText(m, "name"));
        std::string value = jsonText(m, "value");
        if (value.empty()) continue;
        if (key.find("employment") != std::string::npos || key == "job type")
          in.employmentTypeHint = value;
        else if (key.find("remote") != std::string::npos || key.find("workplace") != std::string::npos)
          in.workModeHint = value;
      }
    }
    if (const json* ranges = member(job, "pay_input_ranges"); ranges && ranges->is_array() &&
                                                               !ranges->empty()) {
      const json& r = ranges->front();
      const json* lo = member(r, "min_cents");
      const json* hi = member(r, "max_cents");
      if (lo && hi && lo->is_number() && hi->is_number())
        in.payHint = fmt::format("{} {} - {}", jsonText(r, "currency_type"),
                                 formatAmount(lo->get<double>() / 100),
                                 formatAmount(hi->get<double>() / 100));
    }
    return in;
  });
}

void readLever(std::string_view document, std::string_view name, const RecordSink& sink) {
  json doc = parseBoard(document, "Lever");
  std::string site = boardName(name, "/postings/");
  json single;
  const json* jobs = &doc;
  if (doc.is_object() && member(doc, "data") && member(doc, "data")->is_array()) {
    jobs = member(doc, "data");
  } else if (doc.is_object()) {
    single = json::array({doc});
    jobs = &single;
  } else if (!doc.is_array()) {
    throw Error(ErrorCode::invalid, "the Lever board is not a list of postings");
  }
  eachJob(*jobs, "postings", sink, [&](const json& job) {
    PostingInput in;
    in.source = "lever";
    in.sourceId = jsonText(job, "id");
    in.title = std::string(trim(jsonText(job, "text")));
    in.url = jsonText(job, "hostedUrl");
    in.company = site;
    if (const json* cats = member(job, "categories")) {
      addLocation(in.locations, jsonText(*cats, "location"));
      if (const json* all = member(*cats, "allLocations"); all && all->is_array())
        for (const auto& l : *all)
          if (l.is_string()) addLocation(in.locations, l.get<std::string>());
      in.employmentTypeHint = jsonText(*cats, "commitment");
    }
    std::string description = jsonText(job, "descriptionPlain");
    if (description.empty()) description = htmlToText(jsonText(job, "description"));
    if (const json* lists = member(job, "lists"); lists && lists->is_array()) {
      for (const auto& l : *lists) {
        description += "\n\n" + jsonText(l, "text") + "\n" + htmlToText(jsonText(l, "content"));
      }
    }
    std::string additional = jsonText(job, "additionalPlain");
    if (additional.empty()) additional = htmlToText(jsonText(job, "additional"));
    if (!additional.empty()) description += "\n\n" + additional;
    std::string salaryText = jsonText(job, "salaryDescriptionPlain");
    if (!salaryText.empty()) description += "\n\n" + salaryText;
    in.description = std::string(trim(description));
    std::string workplace = toLower(jsonText(job, "workplaceType"));
    if (workplace == "remote") in.workModeHint = "Remote";
    else if (workplace == "hybrid") in.workModeHint = "Hybrid";
    else if (workplace == "on-site" || workplace == "onsite") in.workModeHint = "On-site";
    if (const json* salary = member(job, "salaryRange")) {
      const json* lo = member(*salary, "min");
      const json* hi = member(*salary, "max");
      std::string interval = toLower(jsonText(*salary, "interval"));
      std::string per = interval.find("hour") != std::string::npos    ? " per hour"
                        : interval.find("day") != std::string::npos   ? " per day"
                        : interval.find("week") != std::string::npos  ? " per week"
                        : interval.find("month") != std::string::npos ? " per month"
                        : interval.find("year") != std::string::npos  ? " per year"
                                                                      : "";
      if (lo && hi && lo->is_number() && hi->is_number() && interval != "one-time")
        in.payHint = fmt::format("{} {} - {}{}", jsonText(*salary, "currency"),
                                 formatAmount(lo->get<double>()), formatAmount(hi->get<double>()), per);
    }
    if (const json* created = member(job, "createdAt"); created && created->is_number_integer())
      in.postedDate = dateFromEpochMillis(created->get<int64_t>());
    return in;
  });
}

void readAshby(std::string_view document, std::string_view name, const RecordSink& sink) {
  json doc = parseBoard(document, "Ashby");
  std::string board = boardName(name, "/job-board/");
  eachJob(jobsArray(doc, "Ashby"), "jobs", sink, [&](const json& job) {
    PostingInput in;
    in.source = "ashby";
    in.sourceId = jsonText(job, "id");
    in.title = std::string(trim(jsonText(job, "title")));
    in.url = jsonText(job, "jobUrl");
    in.company = board;
    addLocation(in.locations, jsonText(job, "location"));
    if (const json* more = member(job, "secondaryLocations"); more && more->is_array())
      for (const auto& l : *more)
        addLocation(in.locations, l.is_string() ? l.get<std::string>() : jsonText(l, "location"));
    in.description = jsonText(job, "descriptionPlain");
    if (in.description.empty()) in.description = htmlToText(jsonText(job, "descriptionHtml"));
    in.description = std::string(trim(in.description));
    in.employmentTypeHint = jsonText(job, "employmentType");
    std::string workplace = toLower(jsonText(job, "workplaceType"));
    if (workplace == "remote") in.workModeHint = "Remote";
    else if (workplace == "hybrid") in.workModeHint = "Hybrid";
    else if (workplace == "onsite" || workplace == "on-site") in.workModeHint = "OnSite";
    else if (const json* remote = member(job, "isRemote"); remote && remote->is_boolean() && remote->get<bool>())
      in.workModeHint = "Remote";
    in.postedDate = dateOnly(jsonText(job, "publishedAt"));
    if (const json* comp = member(job, "compensation")) {
      if (const json* parts = member(*comp, "summaryComponents"); parts && parts->is_array()) {
        for (const auto& c : *parts) {
          if (toLower(jsonText(c, "compensationType")) != "salary") continue;
          const json* lo = member(c, "minValue");
          const json* hi = member(c, "maxValue");
          std::string interval = toLower(jsonText(c, "interval"));
          std::string per = interval.find("hour") != std::string::npos    ? " per hour"
                            : interval.find("day") != std::string::npos   ? " per day"
                            : interval.find("week") != std::string::npos  ? " per week"
                            : interval.find("month") != std::string::npos ? " per month"
                            : interval.find("year") != std::string::npos  ? " per year"
                                                                          : "";
          std::string cur = jsonText(c, "currencyCode");
          if (lo && lo->is_number() && hi && hi->is_number())
            in.payHint = fmt::format("{} {} - {}{}", cur, formatAmount(lo->get<double>()),
                                     formatAmount(hi->get<double>()), per);
          else if ((lo && lo->is_number()) || (hi && hi->is_number()))
            in.payHint = fmt::format("{} {}{}", cur,
                                     formatAmount((lo && lo->is_number() ? lo : hi)->get<double>()), per);
          break;
        }
      }
      if (in.payHint.empty()) in.payHint = jsonText(*comp, "compensationTierSummary");
    }
    return in;
  });
}

}  // namespace jobfit::formats
