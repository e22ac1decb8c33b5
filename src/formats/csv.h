#pragma once
// Comma-separated values (RFC 4180) as spreadsheets and address books really write them: bytes in
// any common charset -> a table of UTF-8 strings, and a table -> RFC 4180 text. No meaning is given
// to any row here; contacts_csv.h reads contacts out of the table.
//
// What the reader accepts, beyond RFC 4180:
//  - Row ends: CRLF, LF or a bare CR, mixed freely. A trailing row end does not add a row.
//  - Quoted fields may hold the delimiter, CR, LF, CRLF and TAB; they are kept as written (a CRLF
//    inside quotes stays "\r\n"). A doubled quote inside quotes is one quote.
//  - Blanks (space, and TAB unless it is the delimiter) before an opening quote and after a
//    closing quote are ignored: `a, "b" ,c` reads as "a", "b", "c".
//  - A quote inside an unquoted field is data (`5" disk` stays as it is), as Excel reads it.
//  - Rows may have different numbers of fields; padding them is the caller's decision.
//  - Unquoted fields are not trimmed.
// What it refuses (kInvalidArgument, naming the line): a quoted field still open at the end of the
// file, and text other than blanks between a closing quote and the next delimiter or row end.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace allies::formats {

struct CsvOptions {
  // The file's charset, any name iconv knows ("UTF-8", "windows-1252", "Shift_JIS", ...). Empty:
  // detect it, as ReadCsv describes. A byte-order mark is removed either way.
  std::string charset;
  // The field delimiter. 0: detect it, as ReadCsv describes.
  char delimiter = 0;
};

struct CsvTable {
  // Every row in file order, fields decoded to UTF-8. A blank line is a row with no fields.
  std::vector<std::vector<std::string>> rows;
  // The 1-based physical line where each row starts (parallel to `rows`); a line end inside a
  // quoted field counts, and CRLF, LF and a bare CR each count as one.
  std::vector<std::size_t> row_lines;
  char delimiter = ',';  // the delimiter used
  std::string charset;   // the charset used: "UTF-8", "UTF-16LE", "UTF-16BE", "CP932",
                         // "windows-1252", "ISO-8859-1", or options.charset as given
};

// Reads CSV text.
//
// Charset, when options.charset is empty, decided in this order:
//  1. a byte-order mark: EF BB BF is UTF-8, FF FE is UTF-16LE, FE FF is UTF-16BE;
//  2. no mark, but a zero byte in one of the first two bytes (ASCII text in UTF-16): UTF-16LE when
//     the second byte is zero, UTF-16BE when the first is;
//  3. valid UTF-8 is UTF-8 (plain ASCII included);
//  4. otherwise Shift_JIS, decoded as CP932 (Windows' Shift_JIS, which keeps 0x5C a backslash),
//     when the bytes are valid Shift_JIS and look Japanese: more two-byte characters whose first
//     byte is 0x81-0x9F (punctuation, kana, common kanji) or whose second byte is 0x80 or above
//     than bytes that look like accented Latin letters read as Shift_JIS (a single byte 0xA1-0xDF,
//     or a pair led by 0xE0 or above followed by an ASCII byte). Latin-1 text that happens to be
//     valid Shift_JIS ("H\xE9l\xE8ne") pairs each accented letter with an ASCII letter, which real
//     Japanese text rarely does; a file of half-width katakana only is taken for windows-1252;
//  5. otherwise windows-1252 when every byte is defined there, else ISO-8859-1 (never fails).
// Options.charset overrides all of this for files the rules get wrong.
//
// Delimiter, when options.delimiter is 0: the first line that holds a ',', ';' or TAB outside
// quotes (so a preamble line or a one-column first row is passed over) decides; the one that occurs
// most often there wins, ties going to ',' then ';' then TAB. No such line: ','.
//
// Errors (kInvalidArgument): an unknown charset, bytes not valid in the given or detected charset
// (UTF-16 of odd length, say), and the malformed quoting described above, e.g.
// `line 7: the quoted field that starts here is not closed before the end of the file`.
// O(bytes) time; memory about twice the text.
[[nodiscard]] core::Result<CsvTable> ReadCsv(std::string_view bytes, const CsvOptions& options);

// Writes `rows` as RFC 4180 text: ',' between fields, CRLF after every row, UTF-8 as given (no
// byte-order mark). A field is quoted, with its quotes doubled, when it holds a ',', '"', CR, LF,
// ';' or TAB (the last two so that ReadCsv's delimiter detection cannot take them for the
// delimiter), and when it is the only field of its row and is empty (so that the row does not
// read back as a blank line). ReadCsv(WriteCsv(rows)) == rows for rows of valid UTF-8 (a row with
// no fields is written as, and read back from, a blank line). O(total bytes).
std::string WriteCsv(const std::vector<std::vector<std::string>>& rows);

}  // namespace allies::formats
