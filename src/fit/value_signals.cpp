#include "fit/value_signals.h"

#include <hs.h>

#include <algorithm>
#include <mutex>
#include <stdexcept>

#include "core/error.h"

namespace jobfit {

namespace {

struct Phrase {
  const char* pattern;  // Hyperscan regex, matched caselessly
  Value value;
  double weight;
  const char* reason;
};

// Kept short and specific: each phrase is a signal a careful reader would also take.
constexpr Phrase kPhrases[] = {
    {R"(\bmentor(ship|ing)\b)", Value::learning, 0.35, "mentorship"},
    {R"(\b(training|learning|education|conference)\s+budget\b)", Value::learning, 0.45, "learning budget"},
    {R"(\bprofessional\s+development\b)", Value::learning, 0.35, "professional development"},
    {R"(\btuition\s+(reimbursement|assistance)\b)", Value::learning, 0.35, "tuition support"},
    {R"(\b(learning\s+and\s+development|career\s+growth|upskill\w*)\b)", Value::learning, 0.3, "growth"},
    {R"(\bautonom(y|ous)\b)", Value::autonomy, 0.4, "autonomy"},
    {R"(\b(ownership|self-directed|self-starter)\b)", Value::autonomy, 0.3, "ownership"},
    {R"(\bwork\s+independently\b)", Value::autonomy, 0.3, "work independently"},
    {R"(\bflexible\s+(hours|schedule|working\s+hours)\b)", Value::autonomy, 0.3, "flexible hours"},
    {R"(\b(closely\s+supervised|micromanag\w*|strict\s+schedule)\b)", Value::autonomy, -0.4, "close supervision"},
    {R"(\b(pension|job\s+security|permanent\s+(role|position|contract))\b)", Value::stability, 0.35, "security"},
    {R"(\b(well-established|established\s+company|stable\s+company)\b)", Value::stability, 0.3, "established"},
    {R"(\b(start-?up|early-stage|fast-growing|seed-stage|series\s+a)\b)", Value::stability, -0.3, "startup"},
    {R"(\bfast[-\s]paced\b)", Value::time_and_health, -0.25, "fast-paced"},
    {R"(\b(high[-\s]pressure|tight\s+deadlines|long\s+hours|hustle|work\s+hard,?\s+play\s+hard)\b)", Value::time_and_health, -0.35, "pressure"},
    {R"(\bwork[-\s]life\s+balance\b)", Value::time_and_health, 0.3, "work-life balance"},
    {R"(\b(flexible\s+working|(four|4)[-\s]day\s+(work\s*)?week|well-?being|generous\s+(leave|pto|vacation))\b)", Value::time_and_health, 0.3, "time for life"},
    {R"(\b(collaborative|cross-functional|supportive\s+team|team\s+player)\b)", Value::people, 0.3, "collaborative"},
    {R"(\b(client|customer)-facing\b)", Value::people, 0.25, "people-facing"},
    {R"(\b(our\s+mission|mission-driven|social\s+good|non-?profit|make\s+a\s+difference|underserved)\b)", Value::meaning, 0.4, "mission"},
    {R"(\b(patients|climate|sustainability|public\s+health|education\s+for)\b)", Value::meaning, 0.3, "meaningful cause"},
    {R"(\b(prestigious|industry-leading|world-class|award-winning|fortune\s+500)\b)", Value::status, 0.3, "prestige"},
};

class Lexicon {
 public:
  Lexicon() {
    std::vector<const char*> patterns;
    std::vector<unsigned> flags, ids;
    for (unsigned i = 0; i < std::size(kPhrases); ++i) {
      patterns.push_back(kPhrases[i].pattern);
      flags.push_back(HS_FLAG_CASELESS | HS_FLAG_SOM_LEFTMOST | HS_FLAG_UTF8);
      ids.push_back(i);
    }
    hs_compile_error_t* err = nullptr;
    if (hs_compile_multi(patterns.data(), flags.data(), ids.data(),
                         static_cast<unsigned>(patterns.size()), HS_MODE_BLOCK, nullptr, &db_,
                         &err) != HS_SUCCESS) {
      std::string message = err ? err->message : "unknown error";
      hs_free_compile_error(err);
      throw std::runtime_error("value lexicon does not compile: " + message);
    }
  }
  ~Lexicon() { hs_free_database(db_); }
  const hs_database_t* db() const { return db_; }

 private:
  hs_database_t* db_ = nullptr;
};

const Lexicon& lexicon() {
  static const Lexicon instance;
  return instance;
}

struct Match {
  unsigned id;
  unsigned long long from, to;
};

std::vector<Match> scan(const std::string& text) {
  thread_local hs_scratch_t* scratch = nullptr;
  if (!scratch && hs_alloc_scratch(lexicon().db(), &scratch) != HS_SUCCESS)
    throw Error(ErrorCode::io, "cannot allocate Hyperscan scratch space");
  std::vector<Match> matches;
  hs_scan(
      lexicon().db(), text.data(), static_cast<unsigned>(text.size()), 0, scratch,
      [](unsigned id, unsigned long long from, unsigned long long to, unsigned, void* ctx) -> int {
        static_cast<std::vector<Match>*>(ctx)->push_back({id, from, to});
        return 0;
      },
      &matches);
  return matches;
}

}  // namespace

ValueSignals valueSignals(const Posting& p) {
  ValueSignals out;
  auto add = [&](Value v, double w, std::string reason, std::vector<Span> evidence) {
    out.hits.push_back({v, w, std::move(reason), std::move(evidence)});
  };
  // Facts the analysis extracted.
  if (p.onCall.value) add(Value::time_and_health, -0.4, "on-call", p.onCall.evidence);
  if (p.overtime.value) add(Value::time_and_health, -0.3, "overtime", p.overtime.evidence);
  if (p.weekends.value) add(Value::time_and_health, -0.3, "weekend work", p.weekends.evidence);
  if (p.shifts.value) add(Value::time_and_health, -0.2, "shift work", p.shifts.evidence);
  if (p.travelShare && *p.travelShare > 0)
    add(Value::time_and_health, -std::min(1.0, *p.travelShare * 1.5), "travel", p.travelEvidence);
  if (p.workMode == WorkMode::remote)
    add(Value::autonomy, 0.2, "remote work", p.workModeEvidence);
  switch (p.employmentType) {
    case EmploymentType::full_time: add(Value::stability, 0.3, "full-time", p.employmentTypeEvidence); break;
    case EmploymentType::contract:
    case EmploymentType::temporary: add(Value::stability, -0.5, "fixed-term", p.employmentTypeEvidence); break;
    default: break;
  }
  if (p.managesPeople.value) add(Value::people, 0.2, "leads people", p.managesPeople.evidence);
  static constexpr double kStatus[] = {0, -0.6, -0.3, 0, 0.3, 0.5, 0.5, 0.8, 1.0};
  double status = kStatus[static_cast<int>(p.seniority)];
  if (status != 0) add(Value::status, status, std::string(toString(p.seniority)) + " level", p.seniorityEvidence);

  // Phrases, each counted once per posting.
  std::string text = p.title + "\n" + p.description;
  std::vector<bool> seen(std::size(kPhrases), false);
  for (const auto& m : scan(text)) {
    if (seen[m.id]) continue;
    seen[m.id] = true;
    const auto& ph = kPhrases[m.id];
    Span span{static_cast<uint32_t>(m.from), static_cast<uint32_t>(m.to),
              text.substr(m.from, m.to - m.from)};
    add(ph.value, ph.weight, ph.reason, {span});
  }
  for (const auto& h : out.hits) out.signal[static_cast<size_t>(h.value)] += static_cast<float>(h.weight);
  for (auto& s : out.signal) s = std::clamp(s, -1.0f, 1.0f);
  return out;
}

}  // namespace jobfit
