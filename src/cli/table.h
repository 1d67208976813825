// A plain terminal table: headers, rows, columns aligned by display width.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace jobfit::cli {

class Table {
 public:
  enum class Align { left, right };
  void column(std::string header, Align align = Align::left);
  void row(std::vector<std::string> cells);
  bool empty() const { return rows_.empty(); }
  void print(std::ostream& out) const;

 private:
  std::vector<std::string> headers_;
  std::vector<Align> aligns_;
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace jobfit::cli
