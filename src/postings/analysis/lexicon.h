// The phrase lexicons of posting analysis (data/posting_signals.json, the "phrases" of each
// activity in data/activities.json, data/skills.json), compiled into ONE Hyperscan database:
// a single pass over a text finds every phrase of every lexicon, with its start and end.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

struct hs_database;

namespace jobfit::analysis {

// What a phrase is evidence of.
enum class Group : uint8_t {
  work_mode,        // value: WorkMode
  employment_type,  // value: EmploymentType
  seniority,        // value: Seniority
  years,            // "5+ years" (checked for "experience" nearby)
  on_call,
  shifts,
  weekends,
  overtime,
  travel_word,   // "travel": pairs with a percentage
  travel_level,  // value: 0 none, 1 light, 2 moderate, 3 heavy
  percent,       // "25%"
  manages,       // managing people
  manages_none,  // "individual contributor", "no direct reports"
  team_of,       // "team of": a count may follow
  pay_trigger,   // where pay may be stated: the pay parser reads around it
  activity,      // value: index into activityIds()
  skill,         // value: index into skillNames()
};

struct Pattern {
  Group group;
  int value = 0;
  bool titleOnly = false;  // counts only in the title or after a label ("Job type: ...")
  std::string phrase;      // as written in the data file
  // How this variant is matched: the Hyperscan expression (a literal unless the phrase is a
  // "re:" expression) and the word-boundary checks made on each match, which keep the
  // database free of \b assertions (they make compiling ~80 times slower).
  std::string expression;
  bool caseSensitive = false, wordStart = false, wordEnd = false, stem = false;
  uint32_t literalLength = 0;  // bytes of a literal; 0 for a "re:" expression
};

// One phrase found: the pattern and its byte range [from, to).
struct Hit {
  uint32_t pattern;
  uint32_t from, to;
};

class Lexicon {
 public:
  // Reads the embedded data files and compiles them; throws Error(invalid) naming a phrase
  // Hyperscan refuses.
  Lexicon();
  ~Lexicon();
  Lexicon(const Lexicon&) = delete;
  Lexicon& operator=(const Lexicon&) = delete;

  const std::vector<Pattern>& patterns() const { return patterns_; }
  const std::vector<std::string>& activityIds() const { return activityIds_; }
  const std::vector<std::string>& skillNames() const { return skillNames_; }

  // Appends every phrase found in text to hits (in the order Hyperscan reports them).
  // Thread-safe: each thread scans with its own scratch space.
  void scan(std::string_view text, std::vector<Hit>& hits) const;
  // The same scan with a callback that only counts: the baseline the benchmark compares
  // the analysis with.
  size_t countMatches(std::string_view text) const;

  // The patterns a phrase of the data files stands for (syntax in posting_signals.json):
  // one per spelling of its hyphens ("on-call", "on call", "oncall").
  static std::vector<Pattern> expand(const Pattern& lexiconEntry);

 private:
  void scanWith(std::string_view text, int (*onMatch)(unsigned, unsigned long long,
                                                      unsigned long long, unsigned, void*),
                void* context) const;
  std::vector<Pattern> patterns_;
  std::vector<std::string> activityIds_;
  std::vector<std::string> skillNames_;
  hs_database* db_ = nullptr;
  uint64_t generation_ = 0;
};

}  // namespace jobfit::analysis
