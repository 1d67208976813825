#include "cli/commands/checkin_prompt.h"

#include <istream>
#include <ostream>
#include <string>

#include <fmt/format.h>

#include "core/error.h"
#include "core/text.h"

namespace jobfit::cli {

std::array<std::optional<int>, kCbiItems.size()> askCbiItems(std::istream& in, std::ostream& out) {
  std::array<std::optional<int>, kCbiItems.size()> answers;
  out << "Copenhagen Burnout Inventory (" << kCbiSource << ")\n"
      << "Answer with the number or the word; press Enter to skip a question.\n";
  std::optional<CbiScale> scale;
  for (size_t i = 0; i < kCbiItems.size(); ++i) {
    const auto& item = kCbiItems[i];
    if (scale != item.scale) {
      scale = item.scale;
      out << (item.scale == CbiScale::personal ? "\nPart one: personal burnout\n"
                                               : "\nPart two: work-related burnout\n");
    }
    const auto& options = answersFor(item);
    std::string menu;
    for (size_t k = 0; k < options.size(); ++k)
      menu += fmt::format("{}{}) {}", k ? "  " : "", k + 1, options[k].label);
    while (true) {
      out << fmt::format("\n{}. {}\n   {}\n> ", item.key, item.question, menu) << std::flush;
      std::string line;
      if (!std::getline(in, line)) {
        out << '\n';
        return answers;
      }
      auto text = trim(line);
      if (text.empty()) break;
      if (text.size() == 1 && text[0] >= '1' && text[0] <= '5') {
        answers[i] = options[static_cast<size_t>(text[0] - '1')].score;
        break;
      }
      try {
        answers[i] = parseCbiAnswer(item, text);
        break;
      } catch (const Error& e) {
        out << "   " << e.what() << '\n';
      }
    }
  }
  return answers;
}

}  // namespace jobfit::cli
