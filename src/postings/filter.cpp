#include "postings/filter.h"

#include <cctype>
#include <cmath>

#include <fmt/format.h>

#include "core/error.h"

namespace jobfit {

PostingFilter parsePostingFilter(const PostingFilterWords& w) {
  PostingFilter f;
  if (w.remote) f.workMode = WorkMode::remote;
  if (w.mode) {
    auto m = parseWorkMode(*w.mode);
    if (!m)
      throw Error(ErrorCode::usage, fmt::format("unknown work mode '{}'", *w.mode), "mode",
                  "use remote, hybrid, onsite or unknown");
    if (w.remote && *m != WorkMode::remote)
      throw Error(ErrorCode::usage, "remote and mode disagree", "mode");
    f.workMode = m;
  }
  if (w.type) {
    f.employmentType = parseEmploymentType(*w.type);
    if (!f.employmentType)
      throw Error(ErrorCode::usage, fmt::format("unknown employment type '{}'", *w.type), "type",
                  "use full_time, part_time, contract, temporary, internship, volunteer, other");
  }
  if (w.seniority) {
    f.seniority = parseSeniority(*w.seniority);
    if (!f.seniority)
      throw Error(ErrorCode::usage, fmt::format("unknown seniority '{}'", *w.seniority),
                  "seniority", "use intern, entry, mid, senior, lead, manager, director or executive");
  }
  if (w.currency) {
    std::string c = *w.currency;
    for (char& ch : c) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    bool letters = c.size() == 3;
    for (char ch : c) letters = letters && ch >= 'A' && ch <= 'Z';
    if (!letters) throw Error(ErrorCode::usage, "currency takes a 3-letter ISO code", "currency");
    f.currency = c;
  }
  if (w.minPay && !(std::isfinite(*w.minPay) && *w.minPay >= 0))
    throw Error(ErrorCode::usage, "the minimum pay must be a number of at least 0", "min_pay");
  if (w.maxTravel && !(std::isfinite(*w.maxTravel) && *w.maxTravel >= 0 && *w.maxTravel <= 1))
    throw Error(ErrorCode::usage, "the maximum travel must be between 0 and 1", "max_travel",
                "for example 0.2 for a fifth of the time");
  f.minAnnualPay = w.minPay;
  f.noOnCall = w.noOnCall;
  f.maxTravel = w.maxTravel;
  return f;
}

}  // namespace jobfit
