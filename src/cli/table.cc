#include "cli/table.h"

#include <algorithm>

#include "core/check.h"
#include "core/text.h"

namespace allies::cli {

Table::Table(std::vector<Column> columns) : columns_(std::move(columns)) {}

void Table::AddRow(std::vector<std::string> cells) {
  ALLIES_CHECK(cells.size() == columns_.size());
  for (std::size_t i = 0; i < cells.size(); ++i) {
    cells[i] = Truncate(cells[i], columns_[i].max_width);
  }
  rows_.push_back(std::move(cells));
}

std::string Truncate(const std::string& text, std::size_t width) {
  if (core::DisplayWidth(text) <= width) return text;
  std::string out;
  std::size_t pos = 0;
  // Copies whole UTF-8 sequences until one more column would not leave room for the ellipsis.
  while (pos < text.size()) {
    std::size_t next = pos + 1;
    while (next < text.size() && (static_cast<unsigned char>(text[next]) & 0xC0) == 0x80) ++next;
    std::string candidate = out + text.substr(pos, next - pos);
    if (core::DisplayWidth(candidate) + 1 > width) break;
    out = std::move(candidate);
    pos = next;
  }
  return out + "…";
}

void Table::Print(std::ostream& out, int indent) const {
  std::vector<std::size_t> widths;
  for (const auto& column : columns_) widths.push_back(core::DisplayWidth(column.header));
  for (const auto& row : rows_) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      widths[i] = std::max(widths[i], core::DisplayWidth(row[i]));
    }
  }
  auto line = [&](const std::vector<std::string>& cells) {
    std::string text(static_cast<std::size_t>(indent), ' ');
    for (std::size_t i = 0; i < cells.size(); ++i) {
      std::size_t pad = widths[i] - core::DisplayWidth(cells[i]);
      bool last = i + 1 == cells.size();
      if (columns_[i].align == Align::kRight) text.append(pad, ' ');
      text += cells[i];
      if (columns_[i].align == Align::kLeft && !last) text.append(pad, ' ');
      if (!last) text += "  ";
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    out << text << '\n';
  };
  std::vector<std::string> headers;
  std::vector<std::string> rules;
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    headers.push_back(columns_[i].header);
    std::string rule;
    for (std::size_t k = 0; k < widths[i]; ++k) rule += "─";
    rules.push_back(rule);
  }
  line(headers);
  line(rules);
  for (const auto& row : rows_) line(row);
}

}  // namespace allies::cli
