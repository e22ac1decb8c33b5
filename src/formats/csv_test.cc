#include "formats/csv.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace allies::formats {
namespace {

using Rows = std::vector<std::vector<std::string>>;
using Lines = std::vector<std::size_t>;

CsvTable Read(std::string_view bytes, const CsvOptions& options = {}) {
  auto table = ReadCsv(bytes, options);
  EXPECT_TRUE(table) << (table ? "" : table.error().message);
  return table ? *table : CsvTable{};
}

std::string ErrorOf(std::string_view bytes, const CsvOptions& options = {}) {
  auto table = ReadCsv(bytes, options);
  EXPECT_FALSE(table);
  return table ? "" : table.error().message;
}

TEST(CsvReadTest, SplitsPlainFieldsAndRows) {
  const CsvTable table = Read("a,b,c\n1,2,3\n");
  EXPECT_EQ(table.rows, (Rows{{"a", "b", "c"}, {"1", "2", "3"}}));
  EXPECT_EQ(table.row_lines, (Lines{1, 2}));
  EXPECT_EQ(table.delimiter, ',');
  EXPECT_EQ(table.charset, "UTF-8");
}

TEST(CsvReadTest, AcceptsCrlfLfAndBareCrRowEndsMixed) {
  const CsvTable table = Read("a\r\nb\nc\rd");
  EXPECT_EQ(table.rows, (Rows{{"a"}, {"b"}, {"c"}, {"d"}}));
  EXPECT_EQ(table.row_lines, (Lines{1, 2, 3, 4}));
}

TEST(CsvReadTest, TrailingRowEndAddsNoRowButABlankLineIsAnEmptyRow) {
  EXPECT_EQ(Read("a,b\r\n").rows, (Rows{{"a", "b"}}));
  const CsvTable table = Read("a\n\nb\n");
  EXPECT_EQ(table.rows, (Rows{{"a"}, {}, {"b"}}));
  EXPECT_EQ(table.row_lines, (Lines{1, 2, 3}));
}

TEST(CsvReadTest, QuotedFieldsKeepDelimiterLineEndsAndTabs) {
  const CsvTable table = Read("\"a,b\",\"x\r\ny\",\"p\rq\",\"t\tu\",\"m\nn\"\r\nnext,row\r\n");
  ASSERT_EQ(table.rows.size(), 2u);
  EXPECT_EQ(table.rows[0], (std::vector<std::string>{"a,b", "x\r\ny", "p\rq", "t\tu", "m\nn"}));
  // Row 1 spans lines 1-4 (CRLF, bare CR and LF inside quotes count one each); row 2 is on 5.
  EXPECT_EQ(table.row_lines, (Lines{1, 5}));
}

TEST(CsvReadTest, DoubledQuotesAreOneQuote) {
  EXPECT_EQ(Read("\"\"\"worker\"\"\",\"say \"\"hi\"\"\",\"\"\n").rows,
            (Rows{{"\"worker\"", "say \"hi\"", ""}}));
}

TEST(CsvReadTest, EmptyFieldsAndTrailingDelimiter) {
  EXPECT_EQ(Read(",a,,\n").rows, (Rows{{"", "a", "", ""}}));
  EXPECT_EQ(Read("a,").rows, (Rows{{"a", ""}}));
}

TEST(CsvReadTest, BlanksAroundQuotedFieldsAreIgnoredUnquotedAreKept) {
  EXPECT_EQ(Read("a, \"b\" , c \n").rows, (Rows{{"a", "b", " c "}}));
}

TEST(CsvReadTest, QuoteInsideUnquotedFieldIsData) {
  EXPECT_EQ(Read("5\" disk,x\n").rows, (Rows{{"5\" disk", "x"}}));
}

TEST(CsvReadTest, RaggedRowsAreReturnedAsWritten) {
  EXPECT_EQ(Read("a,b,c\n1\n1,2,3,4\n").rows, (Rows{{"a", "b", "c"}, {"1"}, {"1", "2", "3", "4"}}));
}

TEST(CsvReadTest, UnclosedQuoteNamesTheLineWhereItOpened) {
  EXPECT_EQ(ErrorOf("a,b\nc,\"open\nstill open\n"),
            "line 2: the quoted field that starts here is not closed before the end of the file "
            "(a closing \" is missing)");
}

TEST(CsvReadTest, TextAfterClosingQuoteNamesLineAndText) {
  EXPECT_EQ(ErrorOf("a,b\n\"x\ny\"junk,c\n"),
            "line 3: text \"junk\" follows the closing quote of a field (a field with quotes in "
            "it must be quoted whole, each inner quote doubled)");
}

TEST(CsvReadTest, RemovesUtf8Bom) {
  const CsvTable table = Read("\xEF\xBB\xBFName,Email\nJos\xC3\xA9,j@x\n");
  EXPECT_EQ(table.rows[0][0], "Name");
  EXPECT_EQ(table.rows[1][0], "Jos\xC3\xA9");
  EXPECT_EQ(table.charset, "UTF-8");
}

std::string Utf16(std::u16string_view text, bool little_endian, bool bom) {
  std::string out;
  if (bom) out = little_endian ? "\xFF\xFE" : "\xFE\xFF";
  for (char16_t unit : text) {
    const char low = static_cast<char>(unit & 0xFF);
    const char high = static_cast<char>(unit >> 8);
    if (little_endian) {
      out.push_back(low);
      out.push_back(high);
    } else {
      out.push_back(high);
      out.push_back(low);
    }
  }
  return out;
}

TEST(CsvReadTest, DecodesUtf16WithBom) {
  const std::u16string text = u"Name,E-mail 1 - Value\r\nJos\u00e9 \u6a29,j@x\r\n";
  for (bool little : {true, false}) {
    const CsvTable table = Read(Utf16(text, little, true));
    EXPECT_EQ(table.charset, little ? "UTF-16LE" : "UTF-16BE");
    EXPECT_EQ(table.rows,
              (Rows{{"Name", "E-mail 1 - Value"}, {"Jos\xC3\xA9 \xE6\xA8\xA9", "j@x"}}));
  }
}

TEST(CsvReadTest, DecodesUtf16WithoutBomFromTheZeroBytes) {
  EXPECT_EQ(Read(Utf16(u"a,b\n", true, false)).charset, "UTF-16LE");
  EXPECT_EQ(Read(Utf16(u"a,b\n", false, false)).rows, (Rows{{"a", "b"}}));
}

TEST(CsvReadTest, OddLengthUtf16IsAnError) {
  const std::string message =
      ErrorOf(std::string("\xFF\xFE"
                          "a\0b",
                          5));
  EXPECT_NE(message.find("UTF-16LE"), std::string::npos) << message;
}

TEST(CsvReadTest, DetectsShiftJis) {
  // "名無し,権兵衛" in Shift_JIS, and a backslash that must stay one.
  const CsvTable table = Read("\x96\xBC\x96\xB3\x82\xB5,\x8C\xA0\x95\xBA\x89\x71,a\\b\r\n");
  EXPECT_EQ(table.charset, "CP932");
  EXPECT_EQ(table.rows, (Rows{{"\xE5\x90\x8D\xE7\x84\xA1\xE3\x81\x97",
                               "\xE6\xA8\xA9\xE5\x85\xB5\xE8\xA1\x9B", "a\\b"}}));
}

TEST(CsvReadTest, LatinTextThatIsAlsoValidShiftJisIsReadAsWindows1252) {
  // "Hélène,Andrée" in Latin-1: é+l, è+n and é+e are all well-formed Shift_JIS pairs.
  const CsvTable table = Read(
      "H\xE9l\xE8ne,Andr\xE9"
      "e\n");
  EXPECT_EQ(table.charset, "windows-1252");
  EXPECT_EQ(table.rows, (Rows{{"H\xC3\xA9l\xC3\xA8ne",
                               "Andr\xC3\xA9"
                               "e"}}));
}

TEST(CsvReadTest, Windows1252PunctuationAndLatin1Fallback) {
  const CsvTable smart = Read("\x93quoted\x94, caf\xE9\n");
  EXPECT_EQ(smart.charset, "windows-1252");
  EXPECT_EQ(smart.rows[0][0], "\xE2\x80\x9Cquoted\xE2\x80\x9D");
  // 0x81 is undefined in windows-1252: only ISO-8859-1 takes it.
  const CsvTable latin1 = Read("a\x81,caf\xE9\n");
  EXPECT_EQ(latin1.charset, "ISO-8859-1");
  EXPECT_EQ(latin1.rows[0][1], "caf\xC3\xA9");
}

TEST(CsvReadTest, CharsetOptionOverridesDetection) {
  // Valid Shift_JIS by the rules, but the user says Latin-1.
  const CsvTable table = Read("\x96\xBC\x96\xB3\n", CsvOptions{"ISO-8859-1", 0});
  EXPECT_EQ(table.charset, "ISO-8859-1");
  EXPECT_EQ(table.rows[0][0], "\xC2\x96\xC2\xBC\xC2\x96\xC2\xB3");
  EXPECT_NE(ErrorOf("a", CsvOptions{"klingon-8", 0}).find("klingon-8"), std::string::npos);
  EXPECT_NE(ErrorOf("caf\xE9", CsvOptions{"UTF-8", 0}).find("not valid UTF-8"), std::string::npos);
}

TEST(CsvReadTest, DetectsSemicolonAndTabDelimiters) {
  const CsvTable semi = Read("Name;E-Mail-Adresse;Firma\nRobin, Jr.;r@x;ACME\n");
  EXPECT_EQ(semi.delimiter, ';');
  EXPECT_EQ(semi.rows[1], (std::vector<std::string>{"Robin, Jr.", "r@x", "ACME"}));
  const CsvTable tab = Read("a\tb\tc\n1\t2\t3\n");
  EXPECT_EQ(tab.delimiter, '\t');
  EXPECT_EQ(tab.rows[1], (std::vector<std::string>{"1", "2", "3"}));
}

TEST(CsvReadTest, DelimiterDetectionIgnoresQuotedTextAndPreambleLines) {
  // The first line has commas only inside quotes, and semicolons outside.
  EXPECT_EQ(Read("\"a,b,c\";\"d\"\n").delimiter, ';');
  // A preamble of one field per line is passed over, as in LinkedIn's export.
  EXPECT_EQ(Read("Notes:\n\"It says, a lot; here\"\n\nA;B\n").delimiter, ';');
  // Nothing at all: ','.
  EXPECT_EQ(Read("single\ncolumn\n").delimiter, ',');
  // Most frequent wins; a tie goes to ','.
  EXPECT_EQ(Read("a;b;c,d\n").delimiter, ';');
  EXPECT_EQ(Read("a;b,c\n").delimiter, ',');
}

TEST(CsvReadTest, DelimiterOptionOverridesDetection) {
  const CsvTable table = Read("a;b,c\n", CsvOptions{"", ';'});
  EXPECT_EQ(table.rows, (Rows{{"a", "b,c"}}));
  EXPECT_NE(ErrorOf("a", CsvOptions{"", '"'}).find("delimiter"), std::string::npos);
}

TEST(CsvReadTest, TabDelimitedKeepsBlanksAroundQuotedFields) {
  EXPECT_EQ(Read("a\t\"b\"\t c\n", CsvOptions{"", '\t'}).rows, (Rows{{"a", "b", " c"}}));
}

TEST(CsvWriteTest, QuotesOnlyWhenNeededAndEndsRowsWithCrlf) {
  EXPECT_EQ(WriteCsv({{"a", "b c", ""}, {"x,y", "say \"hi\"", "l1\nl2", "semi;colon", "t\tab"}}),
            "a,b c,\r\n\"x,y\",\"say \"\"hi\"\"\",\"l1\nl2\",\"semi;colon\",\"t\tab\"\r\n");
}

TEST(CsvWriteTest, LoneEmptyFieldIsQuotedSoItIsNotABlankLine) {
  EXPECT_EQ(WriteCsv({{""}, {}}), "\"\"\r\n\r\n");
}

TEST(CsvWriteTest, ReadingWhatWasWrittenGivesTheRowsBack) {
  const Rows rows = {{"Name", "Note", "Tags"},
                     {"Jos\xC3\xA9 \"Pepe\" Garc\xC3\xAD"
                      "a",
                      "line 1\r\nline 2\rline 3", "a;b"},
                     {""},
                     {},
                     {" lead", "trail ", "\t"},
                     {"\xE5\x90\x8D\xE7\x84\xA1\xE3\x81\x97", "comma, inside", "\"\""}};
  const CsvTable table = Read(WriteCsv(rows));
  EXPECT_EQ(table.rows, rows);
  EXPECT_EQ(table.delimiter, ',');
}

}  // namespace
}  // namespace allies::formats
