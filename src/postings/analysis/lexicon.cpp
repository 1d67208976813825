#include "postings/analysis/lexicon.h"

#include <atomic>
#include <map>

#include <fmt/format.h>
#include <hs/hs.h>
#include <nlohmann/json.hpp>

#include "core/error.h"
#include "postings/posting.h"

namespace jobfit {
namespace embedded {
extern const std::string_view kActivitiesJson;
extern const std::string_view kPostingSignalsJson;
extern const std::string_view kSkillsJson;
}  // namespace embedded

namespace analysis {

namespace {

bool isWordByte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// "work_mode.remote@title" -> group, value, titleOnly.
Pattern patternFor(const std::string& lexicon) {
  Pattern p{};
  std::string name = lexicon;
  if (name.size() > 6 && name.compare(name.size() - 6, 6, "@title") == 0) {
    p.titleOnly = true;
    name.resize(name.size() - 6);
  }
  auto dot = name.find('.');
  std::string head = name.substr(0, dot);
  std::string tail = dot == std::string::npos ? "" : name.substr(dot + 1);
  auto fail = [&]() -> Pattern {
    throw Error(ErrorCode::invalid, fmt::format("unknown lexicon '{}' in posting_signals.json", lexicon));
  };
  if (head == "work_mode") {
    auto v = parseWorkMode(tail);
    if (!v) return fail();
    p.group = Group::work_mode;
    p.value = static_cast<int>(*v);
  } else if (head == "employment_type") {
    auto v = parseEmploymentType(tail);
    if (!v) return fail();
    p.group = Group::employment_type;
    p.value = static_cast<int>(*v);
  } else if (head == "seniority") {
    if (tail == "years") {
      p.group = Group::years;
    } else {
      auto v = parseSeniority(tail);
      if (!v) return fail();
      p.group = Group::seniority;
      p.value = static_cast<int>(*v);
    }
  } else if (head == "schedule") {
    static const std::map<std::string, Group> kSchedule{{"on_call", Group::on_call},
                                                        {"shifts", Group::shifts},
                                                        {"weekends", Group::weekends},
                                                        {"overtime", Group::overtime}};
    auto it = kSchedule.find(tail);
    if (tail == "weekends_off") {
      // "home every weekend": weekends are free. In the weekends group, so that "weekend"
      // inside it gives way; value 1 marks it as not a weekend-work signal.
      p.group = Group::weekends;
      p.value = 1;
    } else if (it == kSchedule.end()) {
      return fail();
    } else {
      p.group = it->second;
    }
  } else if (head == "travel") {
    static const std::map<std::string, int> kLevels{
        {"none", 0}, {"light", 1}, {"moderate", 2}, {"heavy", 3}};
    if (tail == "word") {
      p.group = Group::travel_word;
    } else {
      auto it = kLevels.find(tail);
      if (it == kLevels.end()) return fail();
      p.group = Group::travel_level;
      p.value = it->second;
    }
  } else if (head == "percent") {
    p.group = Group::percent;
  } else if (head == "management") {
    if (tail == "manages") p.group = Group::manages;
    else if (tail == "none") p.group = Group::manages_none;
    else if (tail == "team_of") p.group = Group::team_of;
    else return fail();
  } else if (head == "pay") {
    if (tail != "trigger") return fail();
    p.group = Group::pay_trigger;
  } else {
    return fail();
  }
  return p;
}

std::atomic<uint64_t> nextGeneration{1};

// One scratch space per thread, grown for every database the thread scans with.
struct ThreadScratch {
  hs_scratch_t* scratch = nullptr;
  uint64_t generation = 0;
  ~ThreadScratch() {
    if (scratch) hs_free_scratch(scratch);
  }
};
thread_local ThreadScratch tScratch;

struct Collector {
  std::vector<Hit>* hits;
  const std::vector<Pattern>* patterns;
};

int collect(unsigned id, unsigned long long from, unsigned long long to, unsigned, void* ctx) {
  auto* c = static_cast<Collector*>(ctx);
  // A literal's start is its end minus its length; only expressions report their start.
  uint32_t length = (*c->patterns)[id].literalLength;
  c->hits->push_back(Hit{id, length ? static_cast<uint32_t>(to) - length : static_cast<uint32_t>(from),
                         static_cast<uint32_t>(to)});
  return 0;
}

int count(unsigned, unsigned long long, unsigned long long, unsigned, void* ctx) {
  ++*static_cast<size_t*>(ctx);
  return 0;
}

}  // namespace

std::vector<Pattern> Lexicon::expand(const Pattern& entry) {
  std::string_view phrase = entry.phrase;
  Pattern base = entry;
  if (phrase.substr(0, 3) == "re:") {
    base.expression = std::string(phrase.substr(3));
    return {base};
  }
  bool exact = phrase.substr(0, 6) == "exact:";
  if (exact) phrase.remove_prefix(6);
  if (phrase.substr(0, 3) == "cs:") {
    base.caseSensitive = true;
    phrase.remove_prefix(3);
  }
  base.stem = !phrase.empty() && phrase.back() == '*';
  if (base.stem) phrase.remove_suffix(1);
  base.wordStart = !phrase.empty() && isWordByte(phrase.front());
  base.wordEnd = !base.stem && !phrase.empty() && isWordByte(phrase.back());
  // Each hyphen between words may be written as a hyphen, a space or nothing.
  std::vector<std::string> spellings{""};
  for (size_t i = 0; i < phrase.size(); ++i) {
    char c = phrase[i];
    bool between = c == '-' && i > 0 && i + 1 < phrase.size() && isWordByte(phrase[i - 1]) &&
                   isWordByte(phrase[i + 1]);
    if (between && !exact && spellings.size() < 9) {
      std::vector<std::string> more;
      for (const auto& s : spellings)
        for (std::string_view sep : {"-", " ", ""}) more.push_back(s + std::string(sep));
      spellings.swap(more);
    } else {
      for (auto& s : spellings) s += c;
    }
  }
  std::vector<Pattern> out;
  for (const auto& s : spellings) {
    Pattern p = base;
    p.literalLength = static_cast<uint32_t>(s.size());
    for (char c : s) {
      if (isWordByte(c) || c == ' ') p.expression += c;
      else if (static_cast<unsigned char>(c) >= 0x80)
        p.expression += fmt::format("\\x{:02X}", static_cast<unsigned char>(c));
      else {
        p.expression += '\\';
        p.expression += c;
      }
    }
    out.push_back(std::move(p));
  }
  return out;
}

Lexicon::Lexicon() : generation_(nextGeneration++) {
  auto signals = nlohmann::json::parse(embedded::kPostingSignalsJson);
  for (const auto& [lexicon, phrases] : signals.at("signals").items()) {
    Pattern base = patternFor(lexicon);
    for (const auto& phrase : phrases) {
      Pattern p = base;
      p.phrase = phrase.get<std::string>();
      for (auto& v : expand(p)) patterns_.push_back(std::move(v));
    }
  }
  auto activities = nlohmann::json::parse(embedded::kActivitiesJson);
  for (const auto& a : activities.at("activities")) {
    int index = static_cast<int>(activityIds_.size());
    activityIds_.push_back(a.at("id").get<std::string>());
    if (!a.contains("phrases")) continue;
    for (const auto& phrase : a.at("phrases"))
      for (auto& v : expand(Pattern{Group::activity, index, false, phrase.get<std::string>()}))
        patterns_.push_back(std::move(v));
  }
  auto skills = nlohmann::json::parse(embedded::kSkillsJson);
  for (const auto& s : skills.at("skills")) {
    int index = static_cast<int>(skillNames_.size());
    skillNames_.push_back(s.at("name").get<std::string>());
    for (const auto& phrase : s.at("phrases"))
      for (auto& v : expand(Pattern{Group::skill, index, false, phrase.get<std::string>()}))
        patterns_.push_back(std::move(v));
  }

  std::vector<const char*> pointers;
  std::vector<unsigned> flags, ids;
  for (size_t i = 0; i < patterns_.size(); ++i) {
    pointers.push_back(patterns_[i].expression.c_str());
    // Literals know their length, so only expressions ask Hyperscan for the start of
    // match (which costs scan speed).
    unsigned som = patterns_[i].literalLength ? 0u : HS_FLAG_SOM_LEFTMOST;
    flags.push_back(som | (patterns_[i].caseSensitive ? 0u : HS_FLAG_CASELESS));
    ids.push_back(static_cast<unsigned>(i));
  }
  hs_compile_error_t* error = nullptr;
  hs_database_t* db = nullptr;
  if (hs_compile_multi(pointers.data(), flags.data(), ids.data(),
                       static_cast<unsigned>(pointers.size()), HS_MODE_BLOCK, nullptr, &db,
                       &error) != HS_SUCCESS) {
    std::string message = error && error->message ? error->message : "unknown error";
    std::string phrase = error && error->expression >= 0
                             ? patterns_[static_cast<size_t>(error->expression)].phrase
                             : std::string();
    hs_free_compile_error(error);
    throw Error(ErrorCode::invalid,
                fmt::format("the posting lexicons do not compile: {} ({})", message, phrase));
  }
  db_ = db;
}

Lexicon::~Lexicon() {
  if (db_) hs_free_database(db_);
}

void Lexicon::scanWith(std::string_view text,
                       int (*onMatch)(unsigned, unsigned long long, unsigned long long, unsigned,
                                      void*),
                       void* context) const {
  if (tScratch.generation != generation_) {
    if (hs_alloc_scratch(db_, &tScratch.scratch) != HS_SUCCESS)
      throw Error(ErrorCode::io, "could not allocate Hyperscan scratch space");
    tScratch.generation = generation_;
  }
  // Hyperscan takes lengths as unsigned int; postings are far smaller, but scan in pieces
  // rather than misread a huge text.
  if (text.size() > 0xFFFFFFF0u) text = text.substr(0, 0xFFFFFFF0u);
  if (hs_scan(db_, text.data(), static_cast<unsigned>(text.size()), 0, tScratch.scratch,
              onMatch, context) != HS_SUCCESS)
    throw Error(ErrorCode::io, "Hyperscan scan failed");
}

void Lexicon::scan(std::string_view text, std::vector<Hit>& hits) const {
  size_t first = hits.size();
  Collector collector{&hits, &patterns_};
  scanWith(text, collect, &collector);
  // Whole words only: the boundary checks the expressions leave out.
  size_t kept = first;
  for (size_t i = first; i < hits.size(); ++i) {
    Hit h = hits[i];
    const Pattern& p = patterns_[h.pattern];
    if (p.wordStart && h.from > 0 && isWordByte(text[h.from - 1])) continue;
    if (p.wordEnd && h.to < text.size() && isWordByte(text[h.to])) continue;
    if (p.stem)
      while (h.to < text.size() && isWordByte(text[h.to])) ++h.to;
    hits[kept++] = h;
  }
  hits.resize(kept);
}

size_t Lexicon::countMatches(std::string_view text) const {
  size_t n = 0;
  scanWith(text, count, &n);
  return n;
}

}  // namespace analysis
}  // namespace jobfit
