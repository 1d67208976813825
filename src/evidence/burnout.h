// The Copenhagen Burnout Inventory, personal and work-related scales, with the published item
// wording and scoring of:
//   Kristensen, T. S., Borritz, M., Villadsen, E., & Christensen, K. B. (2005). The Copenhagen
//   Burnout Inventory: A new tool for the assessment of burnout. Work & Stress, 19(3), 192-207.
//   https://doi.org/10.1080/02678370500297720
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/time.h"

namespace jobfit {

inline constexpr std::string_view kCbiSource =
    "Kristensen, Borritz, Villadsen & Christensen (2005), The Copenhagen Burnout Inventory: "
    "A new tool for the assessment of burnout. Work & Stress 19(3), 192-207. "
    "doi:10.1080/02678370500297720";

enum class CbiScale { personal, work };
// Frequency items are answered Always .. Never/almost never; degree items To a very high
// degree .. To a very low degree.
enum class CbiResponse { frequency, degree };

struct CbiItem {
  std::string_view key;  // p1..p6, w1..w7, in the inventory's order
  CbiScale scale;
  CbiResponse response;
  bool reversed;  // scored 100 - score
  std::string_view question;
};

inline constexpr std::array<CbiItem, 13> kCbiItems{{
    {"p1", CbiScale::personal, CbiResponse::frequency, false, "How often do you feel tired?"},
    {"p2", CbiScale::personal, CbiResponse::frequency, false,
     "How often are you physically exhausted?"},
    {"p3", CbiScale::personal, CbiResponse::frequency, false,
     "How often are you emotionally exhausted?"},
    {"p4", CbiScale::personal, CbiResponse::frequency, false,
     "How often do you think: \"I can't take it anymore\"?"},
    {"p5", CbiScale::personal, CbiResponse::frequency, false, "How often do you feel worn out?"},
    {"p6", CbiScale::personal, CbiResponse::frequency, false,
     "How often do you feel weak and susceptible to illness?"},
    {"w1", CbiScale::work, CbiResponse::degree, false, "Is your work emotionally exhausting?"},
    {"w2", CbiScale::work, CbiResponse::degree, false,
     "Do you feel burnt out because of your work?"},
    {"w3", CbiScale::work, CbiResponse::degree, false, "Does your work frustrate you?"},
    {"w4", CbiScale::work, CbiResponse::frequency, false,
     "Do you feel worn out at the end of the working day?"},
    {"w5", CbiScale::work, CbiResponse::frequency, false,
     "Are you exhausted in the morning at the thought of another day at work?"},
    {"w6", CbiScale::work, CbiResponse::frequency, false,
     "Do you feel that every working hour is tiring for you?"},
    {"w7", CbiScale::work, CbiResponse::frequency, true,
     "Do you have enough energy for family and friends during leisure time?"},
}};

// One answer category: its command-line word, the published label, and its score.
struct CbiAnswer {
  std::string_view word;   // "often", "very-high"
  std::string_view label;  // "Often", "To a very high degree"
  int score;               // 100, 75, 50, 25, 0 (before any reversal)
};

inline constexpr std::array<CbiAnswer, 5> kFrequencyAnswers{{
    {"always", "Always", 100},
    {"often", "Often", 75},
    {"sometimes", "Sometimes", 50},
    {"seldom", "Seldom", 25},
    {"never", "Never/almost never", 0},
}};
inline constexpr std::array<CbiAnswer, 5> kDegreeAnswers{{
    {"very-high", "To a very high degree", 100},
    {"high", "To a high degree", 75},
    {"somewhat", "Somewhat", 50},
    {"low", "To a low degree", 25},
    {"very-low", "To a very low degree", 0},
}};

// Answers needed for a scale score (fewer: no score, as the inventory prescribes).
inline constexpr int kPersonalMinAnswers = 3;
inline constexpr int kWorkMinAnswers = 4;
// A scale score at or above this reads as a high degree of burnout.
inline constexpr double kHighBurnout = 50;

const std::array<CbiAnswer, 5>& answersFor(const CbiItem& item);

// One dated check-in. answers[i] is the unreversed score (100/75/50/25/0) given to
// kCbiItems[i], or nothing when the item was skipped.
struct Checkin {
  int64_t id = 0;
  Date date;
  std::array<std::optional<int>, kCbiItems.size()> answers;
  bool operator==(const Checkin&) const = default;
};

struct BurnoutScore {
  std::optional<double> personal, work;  // 0..100, nothing with too few answers
  int personalAnswered = 0, workAnswered = 0;
};

// Item score: the answer's score, 100 - score for a reversed item.
int itemScore(const CbiItem& item, int answer);
// Scale score = mean of the answered items' scores; needs kPersonalMinAnswers / kWorkMinAnswers.
BurnoutScore burnoutScore(const Checkin& c);
bool isHigh(std::optional<double> score);

// Parses "p1=often,w1=very-high,..."; throws Error(usage) naming the item on an unknown item,
// a repeated item, or an answer from the wrong scale. Items not named stay unanswered.
std::array<std::optional<int>, kCbiItems.size()> parseCbiAnswers(std::string_view text);
// The word for an item's stored answer ("often"); throws Error(invalid) if it is not a score.
std::string_view answerWord(const CbiItem& item, int score);
// Parses one word for an item; throws Error(usage) naming the item.
int parseCbiAnswer(const CbiItem& item, std::string_view word);
// Throws Error(usage) on a score that is not 100/75/50/25/0, or a check-in with no answer.
void validateCheckin(const Checkin& c);

// A check-in with its scores and the change since the previous check-in.
struct CheckinTrendPoint {
  Checkin checkin;
  BurnoutScore score;
  std::optional<double> personalChange, workChange;  // vs the previous check-in with a score
};

// Check-ins oldest first with scores and changes.
std::vector<CheckinTrendPoint> checkinTrend(std::vector<Checkin> checkins);

}  // namespace jobfit
