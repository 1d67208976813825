#include "evidence/burnout.h"

#include <algorithm>

#include <fmt/format.h>

#include "core/error.h"
#include "core/text.h"

namespace jobfit {

namespace {

std::string wordList(const std::array<CbiAnswer, 5>& answers) {
  std::vector<std::string> words;
  for (const auto& a : answers) words.emplace_back(a.word);
  return join(words, "|");
}

const CbiItem* findItem(std::string_view key) {
  for (const auto& item : kCbiItems)
    if (item.key == key) return &item;
  return nullptr;
}

}  // namespace

const std::array<CbiAnswer, 5>& answersFor(const CbiItem& item) {
  return item.response == CbiResponse::frequency ? kFrequencyAnswers : kDegreeAnswers;
}

int itemScore(const CbiItem& item, int answer) { return item.reversed ? 100 - answer : answer; }

BurnoutScore burnoutScore(const Checkin& c) {
  BurnoutScore s;
  double personalSum = 0, workSum = 0;
  for (size_t i = 0; i < kCbiItems.size(); ++i) {
    if (!c.answers[i]) continue;
    int score = itemScore(kCbiItems[i], *c.answers[i]);
    if (kCbiItems[i].scale == CbiScale::personal) {
      ++s.personalAnswered;
      personalSum += score;
    } else {
      ++s.workAnswered;
      workSum += score;
    }
  }
  if (s.personalAnswered >= kPersonalMinAnswers) s.personal = personalSum / s.personalAnswered;
  if (s.workAnswered >= kWorkMinAnswers) s.work = workSum / s.workAnswered;
  return s;
}

bool isHigh(std::optional<double> score) { return score && *score >= kHighBurnout; }

int parseCbiAnswer(const CbiItem& item, std::string_view word) {
  auto lowered = toLower(trim(word));
  for (const auto& a : answersFor(item))
    if (a.word == lowered) return a.score;
  bool otherScale = false;
  const auto& other = item.response == CbiResponse::frequency ? kDegreeAnswers : kFrequencyAnswers;
  for (const auto& a : other) otherScale = otherScale || a.word == lowered;
  throw Error(ErrorCode::usage,
              otherScale ? fmt::format("{} is answered with {}, not '{}'", item.key,
                                       wordList(answersFor(item)), word)
                         : fmt::format("'{}' is not an answer for {}; use {}", word, item.key,
                                       wordList(answersFor(item))),
              std::string(item.key),
              item.response == CbiResponse::degree
                  ? "w1..w3 ask to what degree; the other items ask how often"
                  : "");
}

std::array<std::optional<int>, kCbiItems.size()> parseCbiAnswers(std::string_view text) {
  std::array<std::optional<int>, kCbiItems.size()> answers;
  auto pairs = splitList(text, ',');
  if (pairs.empty())
    throw Error(ErrorCode::usage, "--answers is empty", "answers",
                "e.g. --answers p1=often,p2=sometimes,w1=high,w7=seldom");
  for (const auto& pair : pairs) {
    auto eq = pair.find('=');
    if (eq == std::string::npos)
      throw Error(ErrorCode::usage, fmt::format("'{}' is not ITEM=ANSWER", pair), "answers",
                  "e.g. p1=often or w1=very-high");
    auto key = toLower(trim(std::string_view(pair).substr(0, eq)));
    const CbiItem* item = findItem(key);
    if (!item)
      throw Error(ErrorCode::usage, fmt::format("unknown item '{}'", key), "answers",
                  "the items are p1..p6 (personal) and w1..w7 (work-related)");
    size_t index = static_cast<size_t>(item - kCbiItems.data());
    if (answers[index])
      throw Error(ErrorCode::usage, fmt::format("{} is answered twice", key), key);
    answers[index] = parseCbiAnswer(*item, std::string_view(pair).substr(eq + 1));
  }
  return answers;
}

std::string_view answerWord(const CbiItem& item, int score) {
  for (const auto& a : answersFor(item))
    if (a.score == score) return a.word;
  throw Error(ErrorCode::invalid, fmt::format("{} has no answer scored {}", item.key, score),
              std::string(item.key));
}

void validateCheckin(const Checkin& c) {
  if (!c.date.ok()) throw Error(ErrorCode::usage, "date is not a valid calendar date", "date");
  bool any = false;
  for (size_t i = 0; i < kCbiItems.size(); ++i) {
    if (!c.answers[i]) continue;
    any = true;
    int v = *c.answers[i];
    if (v != 0 && v != 25 && v != 50 && v != 75 && v != 100)
      throw Error(ErrorCode::usage,
                  fmt::format("{} must be scored 100, 75, 50, 25 or 0, got {}", kCbiItems[i].key, v),
                  std::string(kCbiItems[i].key));
  }
  if (!any) throw Error(ErrorCode::usage, "a check-in needs at least one answer", "answers");
}

std::vector<CheckinTrendPoint> checkinTrend(std::vector<Checkin> checkins) {
  std::sort(checkins.begin(), checkins.end(), [](const Checkin& a, const Checkin& b) {
    return std::tie(a.date, a.id) < std::tie(b.date, b.id);
  });
  std::vector<CheckinTrendPoint> out;
  std::optional<double> lastPersonal, lastWork;
  for (const auto& c : checkins) {
    CheckinTrendPoint p{c, {}, {}, {}};
    p.score = burnoutScore(p.checkin);
    if (p.score.personal && lastPersonal) p.personalChange = *p.score.personal - *lastPersonal;
    if (p.score.work && lastWork) p.workChange = *p.score.work - *lastWork;
    if (p.score.personal) lastPersonal = p.score.personal;
    if (p.score.work) lastWork = p.score.work;
    out.push_back(p);
  }
  return out;
}

}  // namespace jobfit
