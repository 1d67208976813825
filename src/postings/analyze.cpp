#include "postings/analyze.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <map>

#include "postings/analysis/lexicon.h"
#include "postings/pay.h"

namespace jobfit {

using analysis::Group;
using analysis::Hit;
using analysis::Pattern;

namespace {

// At most this many supporting phrases are kept per fact.
constexpr size_t kMaxEvidence = 5;

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
bool isAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool isDigit(char c) { return c >= '0' && c <= '9'; }

bool containsLine(std::string_view text, std::string_view line) {
  size_t pos = text.find(line);
  while (pos != std::string_view::npos) {
    bool startOk = pos == 0 || text[pos - 1] == '\n';
    bool endOk = pos + line.size() == text.size() || text[pos + line.size()] == '\n' ||
                 text[pos + line.size()] == '\r';
    if (startOk && endOk) return true;
    pos = text.find(line, pos + 1);
  }
  return false;
}

bool mentionsRemote(const std::string& location) {
  std::string l;
  for (char c : location) l += lower(c);
  return l.find("remote") != std::string::npos || l.find("anywhere") != std::string::npos;
}

// The labelled lines a source's structured fields add to the description, so that the text
// alone carries every fact and re-analysing a stored posting gives the same result.
std::string describeHints(const PostingInput& in) {
  std::vector<std::string> lines;
  auto add = [&](std::string_view label, const std::string& value) {
    if (value.empty()) return;
    std::string line = std::string(label) + ": " + value;
    for (char& c : line)
      if (c == '\n' || c == '\r') c = ' ';
    if (!containsLine(in.description, line)) lines.push_back(std::move(line));
  };
  add("Employment type", in.employmentTypeHint);
  add("Work mode", in.workModeHint);
  add("Pay", in.payHint);
  // A location says the work is remote only when every location does ("Remote - US"; not
  // "Atlanta, GA" or "Remote").
  // (Not when a work mode line is there already, as in a stored posting analysed again.)
  bool statedMode = !in.workModeHint.empty() || in.description.find("\nWork mode: ") != std::string::npos;
  if (!statedMode && !in.locations.empty() &&
      std::all_of(in.locations.begin(), in.locations.end(), mentionsRemote))
    add("Location", in.locations.front());
  std::string out;
  for (const auto& l : lines) out += "\n" + l;
  if (!out.empty() && !in.description.empty()) out = "\n" + out;
  return out;
}

struct Text {
  std::string_view s;
  uint32_t titleEnd;

  Span span(uint32_t from, uint32_t to) const {
    return Span{from, to, std::string(s.substr(from, to - from))};
  }
  Span span(const Hit& h) const { return span(h.from, h.to); }

  // "Job type: Contract", "Location: London (hybrid)": the hit is in the short value after a
  // label of at most four words and a colon, at the start of a line.
  bool labelled(const Hit& h) const {
    size_t floor = h.from > 82 ? h.from - 82 : 0;
    const void* nl = memrchr(s.data() + floor, '\n', h.from - floor);
    size_t start = nl ? static_cast<size_t>(static_cast<const char*>(nl) - s.data()) + 1 : floor;
    if (!nl && floor > 0) return false;
    const void* found = std::memchr(s.data() + start, ':', std::min<size_t>(h.from - start, 42));
    if (!found) return false;
    size_t colon = static_cast<size_t>(static_cast<const char*>(found) - s.data());
    if (h.from - colon > 40) return false;
    if (std::count(s.begin() + static_cast<std::ptrdiff_t>(start),
                   s.begin() + static_cast<std::ptrdiff_t>(colon), ' ') > 3)
      return false;
    size_t end = s.find('\n', h.to);
    return (end == std::string_view::npos ? s.size() : end) - h.to <= 60;
  }

  bool inTitle(const Hit& h) const { return h.to <= titleEnd; }

  // The sentence around pos starts after the last ". ", "\n", ";" or "!" before it.
  size_t sentenceStart(size_t pos, size_t limit) const {
    size_t floor = pos > limit ? pos - limit : 0;
    for (size_t k = pos; k > floor; --k) {
      char c = s[k - 1];
      if (c == '\n' || c == ';' || c == '!' || c == '?' || c == '\xE2') return k;
      if (c == '.' && k < s.size() && (s[k] == ' ' || s[k] == '\n')) return k;
    }
    return floor;
  }

  // "no on-call", "not required to work weekends", "without travel": a negation among the
  // words before the hit in its sentence (at most 40 bytes back).
  bool negated(const Hit& h) const {
    size_t start = sentenceStart(h.from, 40);
    size_t k = h.from;
    while (k > start) {
      // The word ending at k (letters and apostrophes).
      while (k > start && !isAlpha(s[k - 1])) --k;
      size_t end = k;
      while (k > start && (isAlpha(s[k - 1]) || s[k - 1] == '\'')) --k;
      std::string_view w = s.substr(k, end - k);
      if (w.empty()) break;
      auto is = [&](std::string_view n) {
        if (w.size() != n.size()) return false;
        for (size_t i = 0; i < n.size(); ++i)
          if (lower(w[i]) != n[i]) return false;
        return true;
      };
      if (is("no") || is("not") || is("never") || is("without") || is("non") || is("zero") ||
          is("nor") || is("none") || is("free"))
        return true;
      if (w.size() > 3 && lower(w[w.size() - 3]) == 'n' && w[w.size() - 2] == '\'' &&
          lower(w.back()) == 't')
        return true;
      // "don’t" with a typographic apostrophe: "don" followed by E2 80 99 "t".
      if (end + 4 <= s.size() && s.compare(end, 3, "\xE2\x80\x99") == 0 && lower(s[end + 3]) == 't' &&
          lower(w.back()) == 'n')
        return true;
    }
    return false;
  }
};

// A number written in digits or words ("8", "eight") at i, with its end.
std::optional<std::pair<int, size_t>> countAt(std::string_view s, size_t i) {
  if (i < s.size() && isDigit(s[i])) {
    int v = 0;
    size_t j = i;
    while (j < s.size() && isDigit(s[j]) && v < 100000) v = v * 10 + (s[j++] - '0');
    if (j < s.size() && isAlpha(s[j])) return std::nullopt;
    return std::make_pair(v, j);
  }
  static constexpr std::array<std::string_view, 20> kWords{
      "one",    "two",     "three",    "four",     "five",    "six",     "seven",
      "eight",  "nine",    "ten",      "eleven",   "twelve",  "thirteen", "fourteen",
      "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"};
  for (size_t w = 0; w < kWords.size(); ++w) {
    auto word = kWords[w];
    if (i + word.size() > s.size()) continue;
    bool match = true;
    for (size_t k = 0; k < word.size() && match; ++k) match = lower(s[i + k]) == word[k];
    if (match && (i + word.size() == s.size() || !isAlpha(s[i + word.size()])))
      return std::make_pair(static_cast<int>(w + 1), i + word.size());
  }
  return std::nullopt;
}

// The number written just before pos ("5+ ", "3-5 ", "five (5) ", "25 "), as its lower
// figure, with where it starts.
std::optional<std::pair<int, size_t>> numberBefore(std::string_view s, size_t pos) {
  size_t i = pos;
  auto skipBack = [&] {
    while (i > 0 && (s[i - 1] == ' ' || s[i - 1] == '+' || s[i - 1] == '\t')) --i;
  };
  skipBack();
  // "five (5) years": the figure in brackets.
  if (i > 0 && s[i - 1] == ')') {
    --i;
    skipBack();
  }
  size_t end = i;
  while (i > 0 && isDigit(s[i - 1]) && end - i < 3) --i;
  if (i < end) {
    if (i > 0 && (isAlpha(s[i - 1]) || isDigit(s[i - 1]) || s[i - 1] == '.' || s[i - 1] == ','))
      return std::nullopt;
    size_t start = i;
    if (start > 0 && s[start - 1] == '(') --start;
    int value = 0;
    for (size_t k = i; k < end; ++k) value = value * 10 + (s[k] - '0');
    // "3-5 years", "3 to 5 years": the lower figure.
    size_t j = start;
    while (j > 0 && s[j - 1] == ' ') --j;
    bool range = false;
    if (j > 0 && s[j - 1] == '-') {
      --j;
      range = true;
    } else if (j >= 3 && s[j - 1] == '\x93' && s[j - 2] == '\x80' && s[j - 3] == '\xE2') {
      j -= 3;
      range = true;
    } else if (j >= 2 && lower(s[j - 1]) == 'o' && lower(s[j - 2]) == 't' && (j == 2 || s[j - 3] == ' ')) {
      j -= 2;
      range = true;
    }
    if (range) {
      while (j > 0 && s[j - 1] == ' ') --j;
      size_t e = j;
      while (j > 0 && isDigit(s[j - 1]) && e - j < 3) --j;
      if (j < e && (j == 0 || !isAlpha(s[j - 1]))) {
        int low = 0;
        for (size_t k = j; k < e; ++k) low = low * 10 + (s[k] - '0');
        return std::make_pair(low, j);
      }
    }
    // "five (5) years" also starts at the word.
    size_t w = start;
    while (w > 0 && s[w - 1] == ' ') --w;
    size_t wordStart = w;
    while (wordStart > 0 && isAlpha(s[wordStart - 1])) --wordStart;
    if (wordStart < w && countAt(s, wordStart)) start = wordStart;
    return std::make_pair(value, start);
  }
  // "five years"
  size_t wordEnd = i;
  while (i > 0 && isAlpha(s[i - 1])) --i;
  if (i < wordEnd) {
    if (auto n = countAt(s, i); n && n->second == wordEnd) return std::make_pair(n->first, i);
  }
  return std::nullopt;
}

bool wordAt(std::string_view s, size_t i, std::string_view w) {
  if (i + w.size() > s.size()) return false;
  for (size_t k = 0; k < w.size(); ++k)
    if (lower(s[i + k]) != w[k]) return false;
  return i + w.size() == s.size() || !isAlpha(s[i + w.size()]);
}

size_t skipSpaces(std::string_view s, size_t i) {
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
  return i;
}

// "team of 8", "a team of 5-7 engineers", "6 direct reports", "manage 4 analysts":
// the stated number of reports in [from, to), or nullopt.
std::optional<int> reportsIn(std::string_view s, size_t from, size_t to) {
  static constexpr std::array<std::string_view, 16> kPeople{
      "direct", "reports", "engineers", "people", "employees", "analysts", "staff",
      "associates", "designers", "scientists", "members", "managers", "nurses",
      "technicians", "specialists", "representatives"};
  to = std::min(to, s.size());
  for (size_t i = from; i < to; ++i) {
    if (i > 0 && (isAlpha(s[i - 1]) || isDigit(s[i - 1]))) continue;
    auto n = countAt(s, i);
    if (!n) continue;
    int value = n->first;
    size_t j = skipSpaces(s, n->second);
    // "5-7 engineers", "5 to 7 engineers": the larger figure.
    if (j < s.size() && (s[j] == '-' || wordAt(s, j, "to"))) {
      size_t k = skipSpaces(s, j + (s[j] == '-' ? 1 : 2));
      if (auto m = countAt(s, k)) {
        value = std::max(value, m->first);
        j = skipSpaces(s, m->second);
      }
    }
    if (wordAt(s, j, "+")) j = skipSpaces(s, j + 1);
    // "team of 8" counts on its own; a bare number needs a word for people after it.
    bool afterTeamOf = false;
    for (std::string_view lead : {"team of ", "group of ", "staff of "}) {
      if (i >= lead.size()) {
        bool match = true;
        for (size_t k = 0; k < lead.size() && match; ++k)
          match = lower(s[i - lead.size() + k]) == lead[k];
        afterTeamOf = afterTeamOf || match;
      }
    }
    bool people = false;
    for (auto w : kPeople) people = people || wordAt(s, j, w);
    // A word between ("8 software engineers") is fine.
    if (!people) {
      size_t k = j;
      while (k < s.size() && isAlpha(s[k])) ++k;
      k = skipSpaces(s, k);
      for (auto w : kPeople) people = people || (k > j && wordAt(s, k, w));
    }
    if ((afterTeamOf || people) && value > 0 && value <= 500) return value;
  }
  return std::nullopt;
}

Seniority seniorityForYears(int years) {
  if (years <= 2) return Seniority::entry;
  if (years <= 4) return Seniority::mid;
  if (years <= 7) return Seniority::senior;
  return Seniority::lead;
}

constexpr std::array<double, 4> kTravelLevelShare{0.0, 0.1, 0.25, 0.5};

// Whether [from, to) sits in a list: a comma, "and", "or", "with", "in" or an opening
// bracket before it, or a comma, "and", "or" or a closing bracket after it.
bool inSkillList(std::string_view s, size_t from, size_t to) {
  auto word = [&](size_t i, std::string_view w) {
    return i + w.size() <= s.size() && s.compare(i, w.size(), w) == 0 &&
           (i + w.size() == s.size() || !isAlpha(s[i + w.size()]));
  };
  size_t b = from;
  while (b > 0 && s[b - 1] == ' ') --b;
  if (b > 0 && (s[b - 1] == '&' || s[b - 1] == '/' || s[b - 1] == '-' || s[b - 1] == '\''))
    return false;
  if (to < s.size() && (s[to] == '&' || s[to] == '/' || s[to] == '-' || s[to] == '\'' ||
                        (s[to] == '.' && to + 1 < s.size() && isAlpha(s[to + 1]))))
    return false;
  if (b > 0 && (s[b - 1] == ',' || s[b - 1] == '(' || s[b - 1] == ';' || s[b - 1] == ':'))
    return true;
  for (std::string_view w : {"and", "or", "with", "in", "using"})
    if (b >= w.size() + 1 && word(b - w.size(), w) && !isAlpha(s[b - w.size() - 1])) return true;
  size_t a = to;
  while (a < s.size() && s[a] == ' ') ++a;
  if (a < s.size() && (s[a] == ',' || s[a] == ')' || s[a] == ';')) return true;
  return word(a, "and") || word(a, "or");
}

}  // namespace

struct PostingAnalyzer::Impl {
  analysis::Lexicon lexicon;
};

PostingAnalyzer::PostingAnalyzer() : impl_(std::make_unique<Impl>()) {}
PostingAnalyzer::~PostingAnalyzer() = default;

const PostingAnalyzer& PostingAnalyzer::shared() {
  static const PostingAnalyzer analyzer;
  return analyzer;
}

Posting PostingAnalyzer::analyze(const PostingInput& in) const {
  const auto& lex = impl_->lexicon;
  const auto& patterns = lex.patterns();

  Posting p;
  p.title = in.title;
  p.company = in.company;
  p.locations = in.locations;
  p.url = in.url;
  p.source = in.source;
  p.sourceId = in.sourceId;
  p.postedDate = in.postedDate;
  p.description = in.description + describeHints(in);

  // Scratch buffers reused by each thread, so an analysis allocates little.
  thread_local std::string buffer;
  thread_local std::vector<Hit> raw, hits;
  buffer.clear();
  raw.clear();
  hits.clear();
  for (char c : in.title) buffer += (c == '\n' || c == '\r') ? ' ' : c;
  buffer += '\n';
  buffer += p.description;
  Text t{buffer, static_cast<uint32_t>(in.title.size())};

  lex.scan(buffer, raw);

  // Title-only phrases count in the title or after a label; then a phrase inside a longer
  // phrase of the same lexicon group ("remote" in "not remote") gives way to it.
  for (const auto& h : raw) {
    const Pattern& pat = patterns[h.pattern];
    if (pat.titleOnly && !t.inTitle(h) && !t.labelled(h)) continue;
    hits.push_back(h);
  }
  std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
    if (a.from != b.from) return a.from < b.from;
    if (a.to != b.to) return a.to > b.to;
    return a.pattern < b.pattern;
  });
  {
    // How far the kept hits of each group (of each activity and skill) reach.
    constexpr size_t kGroups = static_cast<size_t>(Group::skill) + 1;
    const size_t activities = lex.activityIds().size();
    std::vector<uint32_t> reach(kGroups + activities + lex.skillNames().size(), 0);
    size_t kept = 0;
    for (const auto& h : hits) {
      const Pattern& pat = patterns[h.pattern];
      size_t key = pat.group == Group::activity ? kGroups + static_cast<size_t>(pat.value)
                   : pat.group == Group::skill  ? kGroups + activities + static_cast<size_t>(pat.value)
                                                : static_cast<size_t>(pat.group);
      if (h.to <= reach[key]) continue;
      reach[key] = h.to;
      hits[kept++] = h;
    }
    hits.resize(kept);
  }

  auto groupOf = [&](const Hit& h) { return patterns[h.pattern].group; };
  auto valueOf = [&](const Hit& h) { return patterns[h.pattern].value; };
  auto addEvidence = [&](std::vector<Span>& to, const Span& s) {
    if (to.size() >= kMaxEvidence) return;
    for (const auto& e : to)
      if (e.begin == s.begin && e.end == s.end) return;
    to.push_back(s);
  };

  // Work mode: a labelled statement ("Work mode: Remote") decides; otherwise hybrid
  // wording beats remote wording, which beats on-site wording. "Not remote" is on-site.
  {
    std::array<std::vector<const Hit*>, 4> labelled, anywhere;
    for (const auto& h : hits) {
      if (groupOf(h) != Group::work_mode) continue;
      int v = valueOf(h);
      if (t.negated(h)) {
        if (v == static_cast<int>(WorkMode::remote)) v = static_cast<int>(WorkMode::onsite);
        else continue;
      }
      (t.labelled(h) || t.inTitle(h) ? labelled : anywhere)[static_cast<size_t>(v)].push_back(&h);
    }
    auto pick = [&](const std::array<std::vector<const Hit*>, 4>& found) {
      for (WorkMode m : {WorkMode::hybrid, WorkMode::remote, WorkMode::onsite}) {
        const auto& list = found[static_cast<size_t>(m)];
        if (list.empty()) continue;
        p.workMode = m;
        for (const Hit* h : list) addEvidence(p.workModeEvidence, t.span(*h));
        return true;
      }
      return false;
    };
    if (!pick(labelled)) pick(anywhere);
  }

  // Employment type: a label or the title decides; otherwise the type the text names most.
  {
    const Hit* decided = nullptr;
    std::map<int, std::vector<const Hit*>> byType;
    for (const auto& h : hits) {
      if (groupOf(h) != Group::employment_type || t.negated(h)) continue;
      if (!decided && (t.labelled(h) || t.inTitle(h))) decided = &h;
      byType[valueOf(h)].push_back(&h);
    }
    int chosen = -1;
    if (decided) {
      chosen = valueOf(*decided);
    } else {
      size_t best = 0;
      uint32_t firstAt = 0;
      for (const auto& [type, list] : byType) {
        if (list.size() > best || (list.size() == best && list.front()->from < firstAt)) {
          best = list.size();
          firstAt = list.front()->from;
          chosen = type;
        }
      }
    }
    if (chosen >= 0) {
      p.employmentType = static_cast<EmploymentType>(chosen);
      if (decided) addEvidence(p.employmentTypeEvidence, t.span(*decided));
      for (const Hit* h : byType[chosen]) addEvidence(p.employmentTypeEvidence, t.span(*h));
    }
  }

  // Seniority: the title's highest level; else the years of experience asked; else the text.
  {
    const Hit* titleHit = nullptr;
    const Hit* textHit = nullptr;
    const Hit* yearsHit = nullptr;
    uint32_t yearsFrom = 0;
    int years = -1;
    for (const auto& h : hits) {
      Group g = groupOf(h);
      if (g == Group::seniority) {
        if (t.inTitle(h) || (patterns[h.pattern].titleOnly && t.labelled(h))) {
          if (!titleHit || valueOf(h) > valueOf(*titleHit)) titleHit = &h;
        } else if (!textHit && !t.negated(h)) {
          textHit = &h;
        }
      } else if (g == Group::years) {
        // Years count when "experience" is said near them.
        size_t from = t.sentenceStart(h.from, 60);
        size_t to = std::min<size_t>(t.s.size(), h.to + 60);
        std::string around;
        for (size_t k = from; k < to; ++k) around += lower(t.s[k]);
        if (around.find("experience") == std::string::npos &&
            around.find(" exp ") == std::string::npos)
          continue;
        auto n = numberBefore(t.s, h.from);
        if (!n || n->first > 30) continue;
        if (n->first > years) {
          years = n->first;
          yearsHit = &h;
          yearsFrom = static_cast<uint32_t>(n->second);
        }
      }
    }
    if (titleHit) {
      p.seniority = static_cast<Seniority>(valueOf(*titleHit));
      addEvidence(p.seniorityEvidence, t.span(*titleHit));
    } else if (yearsHit) {
      p.seniority = seniorityForYears(years);
      addEvidence(p.seniorityEvidence, t.span(yearsFrom, yearsHit->to));
    } else if (textHit) {
      p.seniority = static_cast<Seniority>(valueOf(*textHit));
      addEvidence(p.seniorityEvidence, t.span(*textHit));
    }
  }

  // Pay: the pay parser reads a window around each place pay may be stated.
  {
    std::vector<std::pair<uint32_t, uint32_t>> windows;
    for (const auto& h : hits) {
      if (groupOf(h) != Group::pay_trigger) continue;
      uint32_t from = h.from > 100 ? h.from - 100 : 0;
      uint32_t to = std::min<uint32_t>(static_cast<uint32_t>(t.s.size()), h.to + 100);
      // Do not cut a number or a word in two.
      while (from > 0 && t.s[from - 1] != ' ' && t.s[from - 1] != '\n' && h.from - from < 130)
        --from;
      while (to < t.s.size() && t.s[to] != ' ' && t.s[to] != '\n' && to - h.to < 130) ++to;
      if (!windows.empty() && from <= windows.back().second)
        windows.back().second = std::max(windows.back().second, to);
      else
        windows.emplace_back(from, to);
    }
    std::optional<PayMention> best;
    for (const auto& [from, to] : windows) {
      for (auto& m : findPay(t.s.substr(from, to - from), from)) {
        if (!best || m.score > best->score) best = std::move(m);
      }
    }
    if (best) p.pay = std::move(best->pay);
  }

  // Travel: a percentage said with "travel"; else the strongest travel wording.
  {
    std::vector<const Hit*> words, percents;
    const Hit* levelHit = nullptr;
    for (const auto& h : hits) {
      Group g = groupOf(h);
      if (g == Group::travel_word) words.push_back(&h);
      else if (g == Group::percent) percents.push_back(&h);
      else if (g == Group::travel_level) {
        int v = valueOf(h);
        if (v > 0 && t.negated(h)) v = 0;
        if (!levelHit || v > valueOf(*levelHit)) levelHit = &h;
      }
    }
    std::optional<double> share;
    for (const Hit* pc : percents) {
      for (const Hit* w : words) {
        uint32_t from = std::min(pc->from > 3 ? pc->from - 3 : 0, w->from), to = std::max(pc->to, w->to);
        if (to - from > 80) continue;
        // Same sentence: no full stop or line break between.
        bool sameSentence = true;
        for (uint32_t k = from; k + 1 < to; ++k)
          if (t.s[k] == '\n' || (t.s[k] == '.' && t.s[k + 1] == ' ')) sameSentence = false;
        if (!sameSentence) continue;
        auto n = numberBefore(t.s, pc->from);
        if (!n || n->first > 100) continue;
        from = std::min(from, static_cast<uint32_t>(n->second));
        double v = n->first / 100.0;
        if (!share || v > *share) {
          share = v;
          p.travelEvidence.clear();
        }
        addEvidence(p.travelEvidence, t.span(from, to));
        break;
      }
    }
    if (!share && levelHit) {
      int v = valueOf(*levelHit);
      if (t.negated(*levelHit)) v = 0;
      share = kTravelLevelShare[static_cast<size_t>(v)];
      addEvidence(p.travelEvidence, t.span(*levelHit));
    }
    p.travelShare = share;
  }

  // Schedule signals and people management.
  const Hit* noManagement = nullptr;
  for (const auto& h : hits) {
    Group g = groupOf(h);
    Flag* flag = g == Group::on_call    ? &p.onCall
                 : g == Group::shifts   ? &p.shifts
                 : g == Group::weekends ? &p.weekends
                 : g == Group::overtime ? &p.overtime
                 : g == Group::manages  ? &p.managesPeople
                                        : nullptr;
    if (g == Group::manages_none && !noManagement) noManagement = &h;
    if (g == Group::team_of) {
      // "lead a team of 6": a team counts when managing it is said in the same sentence.
      size_t from = t.sentenceStart(h.from, 50);
      std::string before;
      for (size_t k = from; k < h.from; ++k) before += lower(t.s[k]);
      bool leads = false;
      for (std::string_view w : {"manag", "lead", "supervis", "oversee", "direct", "run "})
        leads = leads || before.find(w) != std::string::npos;
      if (leads && !t.negated(h) && reportsIn(t.s, h.to, h.to + 30)) flag = &p.managesPeople;
    }
    if (g == Group::weekends && patterns[h.pattern].value == 1) continue;  // weekends off
    if (!flag || t.negated(h)) continue;
    flag->value = true;
    addEvidence(flag->evidence, t.span(h));
  }
  if (noManagement) {
    p.managesPeople = Flag{};
  } else if (p.managesPeople.value) {
    for (const auto& e : p.managesPeople.evidence) {
      size_t from = e.begin > 30 ? e.begin - 30 : 0;
      if (auto n = reportsIn(t.s, from, e.end + 40)) {
        p.reports = n;
        break;
      }
    }
  }

  // Activities: each activity's share of the activity phrases found.
  {
    const auto& ids = lex.activityIds();
    std::vector<std::vector<const Hit*>> byActivity(ids.size());
    for (const auto& h : hits)
      if (groupOf(h) == Group::activity)
        byActivity[static_cast<size_t>(valueOf(h))].push_back(&h);
    // Facts decided above overrule the wording: no people management, no travel.
    auto drop = [&](std::string_view id) {
      for (size_t i = 0; i < ids.size(); ++i)
        if (ids[i] == id) byActivity[i].clear();
    };
    if (!p.managesPeople.value) drop("managing-people");
    if (p.travelShare && *p.travelShare == 0) drop("travel");
    size_t total = 0;
    for (const auto& list : byActivity) total += list.size();
    for (size_t i = 0; i < ids.size() && total > 0; ++i) {
      if (byActivity[i].empty()) continue;
      ActivityShare a;
      a.activity = ids[i];
      a.share = static_cast<double>(byActivity[i].size()) / static_cast<double>(total);
      for (const Hit* h : byActivity[i]) addEvidence(a.evidence, t.span(*h));
      p.activities.push_back(std::move(a));
    }
    std::stable_sort(p.activities.begin(), p.activities.end(),
                     [](const ActivityShare& a, const ActivityShare& b) { return a.share > b.share; });
  }

  // Skills, in the order the posting names them.
  {
    const auto& names = lex.skillNames();
    std::vector<bool> seen(names.size(), false);
    for (const auto& h : hits) {
      if (groupOf(h) != Group::skill) continue;
      size_t v = static_cast<size_t>(valueOf(h));
      if (seen[v]) continue;
      // A name of one or two letters ("R", "Go") is a skill only in a list of them:
      // "Python, R and SQL", "Go and Rust", "(R)"; not "R&D", "HVAC/R", "Go-to-market".
      if (h.to - h.from <= 2 && patterns[h.pattern].caseSensitive && !inSkillList(t.s, h.from, h.to))
        continue;
      seen[v] = true;
      p.skills.push_back(names[v]);
      p.skillEvidence.push_back(t.span(h));
    }
  }
  return p;
}

}  // namespace jobfit
