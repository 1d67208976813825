#include "cli/table.h"

#include <algorithm>

#include "core/text.h"

namespace jobfit::cli {

void Table::column(std::string header, Align align) {
  headers_.push_back(std::move(header));
  aligns_.push_back(align);
}

void Table::row(std::vector<std::string> cells) {
  cells.resize(headers_.size());
  rows_.push_back(std::move(cells));
}

void Table::print(std::ostream& out) const {
  std::vector<size_t> widths(headers_.size());
  for (size_t c = 0; c < headers_.size(); ++c) {
    widths[c] = displayWidth(headers_[c]);
    for (const auto& r : rows_) widths[c] = std::max(widths[c], displayWidth(r[c]));
  }
  auto line = [&](const std::vector<std::string>& cells) {
    std::string text;
    for (size_t c = 0; c < cells.size(); ++c) {
      size_t pad = widths[c] - displayWidth(cells[c]);
      bool last = c + 1 == cells.size();
      if (aligns_[c] == Align::right) text.append(pad, ' ');
      text += cells[c];
      if (aligns_[c] == Align::left && !last) text.append(pad, ' ');
      if (!last) text += "  ";
    }
    out << text << '\n';
  };
  line(headers_);
  std::vector<std::string> rule;
  for (auto w : widths) rule.emplace_back(w, '-');
  line(rule);
  for (const auto& r : rows_) line(r);
}

}  // namespace jobfit::cli
