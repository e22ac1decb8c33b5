#pragma once
// Internal to the vCard reader: bytes -> content lines. Not part of the formats API.
//
// A content line is `[group.]name *(;param[=value]) : value`. The lexer joins what the file split
// across physical lines (folds, and quoted-printable soft line breaks) and cuts the result into
// name, parameters and raw value, all as views. Nothing is decoded here: quoted-printable, base64,
// charsets and backslash escapes are the reader's business, because which of them apply depends
// on the property.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace allies::formats::vcard_internal {

// Physical lines of a file. A line ends at LF, and any CRs before that LF belong to the line end
// (so CRLF, LF and the iPhone's CR CR LF are all one line end). Only a file without a single LF
// is split at CR (classic Mac OS). In a file that has LFs a CR not before an LF is content:
// Thunderbird writes a raw CR inside a value and means it as part of the text.
class PhysicalLines {
 public:
  explicit PhysicalLines(std::string_view bytes) : PhysicalLines(bytes, TerminatorOf(bytes), 0) {}
  // Part of a file whose lines end at `terminator` (TerminatorOf the whole file), after
  // `lines_before` lines of it: the first line is number lines_before + 1.
  PhysicalLines(std::string_view bytes, char terminator, std::size_t lines_before)
      : bytes_(bytes), number_(lines_before), terminator_(terminator) {}

  // LF, or CR for a file without a single LF.
  static char TerminatorOf(std::string_view bytes);

  // The next line without its line end, and its 1-based number. False at the end of the bytes.
  bool Next(std::string_view& line, std::size_t& number);
  // The line Next() would return, without consuming it.
  [[nodiscard]] bool Peek(std::string_view& line) const;

 private:
  [[nodiscard]] std::size_t LineEnd(std::size_t from, std::size_t& next) const;

  std::string_view bytes_;
  std::size_t pos_ = 0;
  std::size_t number_ = 0;
  char terminator_ = '\n';
};

// Stable storage for the lines that had to be copied (joined folds, decoded parameters). Views into
// it stay valid until Reset(), which keeps the memory for the next card.
class Arena {
 public:
  std::string_view Copy(std::string_view text);
  void Reset();

 private:
  struct Block {
    std::unique_ptr<char[]> data;
    std::size_t capacity = 0;
    std::size_t used = 0;
  };
  std::vector<Block> blocks_;
  std::size_t current_ = 0;
};

struct Param {
  std::string_view name;   // as written; a bare vCard 2.1 parameter (`TEL;CELL`) gets "TYPE",
                           // or "ENCODING" for a bare QUOTED-PRINTABLE / BASE64 / 8BIT / 7BIT
  std::string_view value;  // quotes removed, RFC 6868 carets decoded; may be a comma list
};

struct ContentLine {
  std::string_view group;         // "item1" in `item1.EMAIL`; empty when there is none
  std::string_view name;          // as written (case is not normalised)
  std::uint32_t first_param = 0;  // index into the params vector given to Lexer::Next
  std::uint32_t param_count = 0;
  std::string_view value;  // raw bytes after the first colon outside quotes
  std::size_t line = 0;    // physical line the content line starts on
};

// Case-insensitive ASCII comparison, for property and parameter names.
bool EqualsIgnoreCase(std::string_view a, std::string_view b);
bool StartsWithIgnoreCase(std::string_view text, std::string_view prefix);

class Lexer {
 public:
  explicit Lexer(std::string_view bytes) : lines_(bytes) {}
  // Part of a file (PhysicalLines' second constructor).
  Lexer(std::string_view bytes, char terminator, std::size_t lines_before)
      : lines_(bytes, terminator, lines_before) {}

  enum class Status { kLine, kJunk, kEnd };

  // Reads the next content line: unfolds it (a physical line starting with a space or TAB
  // continues the previous one, minus that one character), and when it is quoted-printable and
  // ends with `=`, appends the following physical lines (vCard 2.1 soft line breaks; never a
  // BEGIN:VCARD or END:VCARD line). Parameters are appended to `params`. kJunk: a line that is
  // not a content line (blank, no colon, no name); `out.line` still says where it was. kEnd: no
  // more input. Views point into the input or into `arena`.
  Status Next(ContentLine& out, std::vector<Param>& params, Arena& arena);

 private:
  PhysicalLines lines_;
  std::string scratch_;
};

// Splits `line` (one whole logical line) into `out` and `params`. False when it is not a content
// line. Exposed for the tests.
bool SplitContentLine(std::string_view line, ContentLine& out, std::vector<Param>& params,
                      Arena& arena);

}  // namespace allies::formats::vcard_internal
