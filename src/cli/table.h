#pragma once
// Aligned text tables for human output. Widths count terminal columns, so accented and wide
// characters line up.

#include <ostream>
#include <string>
#include <vector>

namespace allies::cli {

enum class Align { kLeft, kRight };

class Table {
 public:
  struct Column {
    std::string header;
    Align align = Align::kLeft;
    std::size_t max_width = 40;  // longer cells are cut with "…"
  };

  explicit Table(std::vector<Column> columns);

  // One cell per column.
  void AddRow(std::vector<std::string> cells);
  bool Empty() const { return rows_.empty(); }

  // Writes the header, a rule and the rows, each line indented by `indent` spaces.
  void Print(std::ostream& out, int indent = 0) const;

 private:
  std::vector<Column> columns_;
  std::vector<std::vector<std::string>> rows_;
};

// Cuts `text` to at most `width` terminal columns, ending with "…" when cut.
std::string Truncate(const std::string& text, std::size_t width);

}  // namespace allies::cli
