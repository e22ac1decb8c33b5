#include "formats/csv.h"

#include <array>
#include <cstring>
#include <utility>

#include <fmt/format.h>

#include "formats/charset.h"

namespace allies::formats {
namespace {

using core::ErrorCode;
using core::Fail;

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr std::size_t kMaxShown = 40;

std::string Shown(std::string_view value) {
  if (value.size() <= kMaxShown) return std::string(value);
  // Cut on a character boundary so that the message stays valid UTF-8.
  std::size_t cut = kMaxShown;
  while (cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80) --cut;
  return fmt::format("{}...", value.substr(0, cut));
}

struct Decoded {
  std::string text;
  std::string charset;
};

// Counts what the Shift_JIS reading of `bytes` looks like (see ReadCsv's contract); false when the
// bytes are not Shift_JIS at all.
bool LooksJapanese(std::string_view bytes) {
  std::size_t japanese = 0;
  std::size_t latin = 0;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    const auto lead = static_cast<unsigned char>(bytes[i]);
    if (lead < 0x80) continue;
    if (lead >= 0xA1 && lead <= 0xDF) {  // a half-width katakana, or À..ß in Latin-1
      ++latin;
      continue;
    }
    const bool lead_ok = (lead >= 0x81 && lead <= 0x9F) || (lead >= 0xE0 && lead <= 0xFC);
    if (!lead_ok || i + 1 == bytes.size()) return false;
    const auto trail = static_cast<unsigned char>(bytes[++i]);
    if (trail < 0x40 || trail == 0x7F || trail > 0xFC) return false;
    if (lead <= 0x9F || trail >= 0x80) {
      ++japanese;
    } else {
      ++latin;
    }
  }
  return japanese > latin;
}

core::Result<Decoded> Decode(std::string_view bytes, const std::string& charset) {
  if (!charset.empty()) {
    ALLIES_TRY(std::string text, ToUtf8(bytes, charset));
    if (std::string_view(text).starts_with(kUtf8Bom)) text.erase(0, kUtf8Bom.size());
    return Decoded{std::move(text), charset};
  }
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(bytes[i]); };
  if (bytes.starts_with(kUtf8Bom)) {
    ALLIES_TRY(std::string text, ToUtf8(bytes.substr(kUtf8Bom.size()), "UTF-8"));
    return Decoded{std::move(text), "UTF-8"};
  }
  if (bytes.size() >= 2 &&
      ((byte(0) == 0xFF && byte(1) == 0xFE) || (byte(0) == 0xFE && byte(1) == 0xFF))) {
    const char* name = byte(0) == 0xFF ? "UTF-16LE" : "UTF-16BE";
    ALLIES_TRY(std::string text, ToUtf8(bytes.substr(2), name));
    return Decoded{std::move(text), name};
  }
  if (bytes.size() >= 2 && (byte(0) == 0) != (byte(1) == 0)) {
    const char* name = byte(1) == 0 ? "UTF-16LE" : "UTF-16BE";
    ALLIES_TRY(std::string text, ToUtf8(bytes, name));
    return Decoded{std::move(text), name};
  }
  if (IsValidUtf8(bytes)) return Decoded{std::string(bytes), "UTF-8"};
  if (LooksJapanese(bytes)) {
    // CP932 can still refuse a pair that is well formed but unassigned; then Latin it is.
    if (auto text = ToUtf8(bytes, "CP932")) return Decoded{std::move(*text), "CP932"};
  }
  if (auto text = ToUtf8(bytes, "windows-1252")) return Decoded{std::move(*text), "windows-1252"};
  ALLIES_TRY(std::string text, ToUtf8(bytes, "ISO-8859-1"));
  return Decoded{std::move(text), "ISO-8859-1"};
}

// The first line with a candidate delimiter outside quotes decides (see ReadCsv's contract).
char DetectDelimiter(std::string_view text) {
  constexpr std::array<char, 3> kCandidates = {',', ';', '\t'};
  std::array<std::size_t, 3> counts{};
  bool quoted = false;
  for (char c : text) {
    if (c == '"') {
      quoted = !quoted;  // a doubled quote flips twice, so it changes nothing
    } else if (!quoted && (c == '\n' || c == '\r')) {
      if (counts[0] + counts[1] + counts[2] > 0) break;
    } else if (!quoted) {
      for (std::size_t i = 0; i < kCandidates.size(); ++i) {
        if (c == kCandidates[i]) ++counts[i];
      }
    }
  }
  std::size_t best = 0;
  for (std::size_t i = 1; i < kCandidates.size(); ++i) {
    if (counts[i] > counts[best]) best = i;
  }
  return kCandidates[best];
}

// Line ends inside `chunk`: CRLF, LF and a lone CR each count once. A CR at the very end of a
// chunk is lone, because chunks end where a quote starts.
std::size_t CountLineEnds(std::string_view chunk) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < chunk.size(); ++i) {
    const bool lone_cr = chunk[i] == '\r' && (i + 1 == chunk.size() || chunk[i + 1] != '\n');
    if (chunk[i] == '\n' || lone_cr) ++count;
  }
  return count;
}

// One pass over the decoded text. An unquoted field is copied once from a view of the text; a
// quoted one is built from the chunks between its quotes.
class Parser {
 public:
  Parser(std::string_view text, char delimiter) : text_(text), delimiter_(delimiter) {}

  core::Result<void> Run(CsvTable& table) {
    while (position_ < text_.size()) {
      table.row_lines.push_back(line_);
      table.rows.emplace_back();
      if (AtLineEnd()) {
        SkipLineEnd();
        continue;
      }
      ALLIES_TRY_VOID(ReadRow(table.rows.back()));
    }
    return {};
  }

 private:
  bool IsBlank(char c) const { return (c == ' ' || c == '\t') && c != delimiter_; }
  bool AtLineEnd() const { return text_[position_] == '\r' || text_[position_] == '\n'; }

  void SkipLineEnd() {
    if (position_ >= text_.size()) return;
    if (text_[position_] == '\r' && position_ + 1 < text_.size() && text_[position_ + 1] == '\n') {
      ++position_;
    }
    ++position_;
    ++line_;
  }

  core::Result<void> ReadRow(std::vector<std::string>& fields) {
    while (true) {
      std::size_t p = position_;
      while (p < text_.size() && IsBlank(text_[p])) ++p;
      if (p < text_.size() && text_[p] == '"') {
        position_ = p + 1;
        ALLIES_TRY(std::string value, ReadQuoted());
        fields.push_back(std::move(value));
      } else {
        const std::size_t start = position_;
        while (position_ < text_.size() && text_[position_] != delimiter_ && !AtLineEnd()) {
          ++position_;
        }
        fields.emplace_back(text_.substr(start, position_ - start));
      }
      if (position_ < text_.size() && text_[position_] == delimiter_) {
        ++position_;
        continue;
      }
      SkipLineEnd();
      return {};
    }
  }

  // Reads a quoted field whose opening quote is just behind position_, and the blanks after it.
  core::Result<std::string> ReadQuoted() {
    const std::size_t opened_on = line_;
    std::string value;
    while (true) {
      const std::size_t quote = text_.find('"', position_);
      if (quote == std::string_view::npos) {
        return Fail(ErrorCode::kInvalidArgument,
                    fmt::format("line {}: the quoted field that starts here is not closed before "
                                "the end of the file (a closing \" is missing)",
                                opened_on));
      }
      const std::string_view chunk = text_.substr(position_, quote - position_);
      line_ += CountLineEnds(chunk);
      value.append(chunk);
      position_ = quote + 1;
      if (position_ < text_.size() && text_[position_] == '"') {
        value.push_back('"');
        ++position_;
        continue;
      }
      break;
    }
    while (position_ < text_.size() && IsBlank(text_[position_])) ++position_;
    if (position_ < text_.size() && text_[position_] != delimiter_ && !AtLineEnd()) {
      std::size_t end = position_;
      while (end < text_.size() && text_[end] != delimiter_ && text_[end] != '\r' &&
             text_[end] != '\n') {
        ++end;
      }
      return Fail(ErrorCode::kInvalidArgument,
                  fmt::format("line {}: text \"{}\" follows the closing quote of a field (a field "
                              "with quotes in it must be quoted whole, each inner quote doubled)",
                              line_, Shown(text_.substr(position_, end - position_))));
    }
    return value;
  }

  std::string_view text_;
  char delimiter_;
  std::size_t position_ = 0;
  std::size_t line_ = 1;
};

bool NeedsQuotes(std::string_view field) {
  return field.find_first_of(",\";\t\r\n") != std::string_view::npos;
}

}  // namespace

core::Result<CsvTable> ReadCsv(std::string_view bytes, const CsvOptions& options) {
  if (options.delimiter == '"' || options.delimiter == '\r' || options.delimiter == '\n') {
    return Fail(ErrorCode::kInvalidArgument,
                fmt::format("the delimiter cannot be a quote or a line end (got 0x{:02X}; "
                            "expected ',', ';', TAB or another character)",
                            static_cast<unsigned char>(options.delimiter)));
  }
  ALLIES_TRY(Decoded decoded, Decode(bytes, options.charset));
  CsvTable table;
  table.charset = std::move(decoded.charset);
  table.delimiter = options.delimiter != 0 ? options.delimiter : DetectDelimiter(decoded.text);
  Parser parser(decoded.text, table.delimiter);
  ALLIES_TRY_VOID(parser.Run(table));
  return table;
}

std::string WriteCsv(const std::vector<std::vector<std::string>>& rows) {
  std::string out;
  for (const auto& row : rows) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i > 0) out.push_back(',');
      const std::string& field = row[i];
      if (!NeedsQuotes(field) && !(field.empty() && row.size() == 1)) {
        out.append(field);
        continue;
      }
      out.push_back('"');
      for (char c : field) {
        if (c == '"') out.push_back('"');
        out.push_back(c);
      }
      out.push_back('"');
    }
    out.append("\r\n");
  }
  return out;
}

}  // namespace allies::formats
