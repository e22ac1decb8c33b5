#include "formats/charset.h"

#include <gtest/gtest.h>

namespace allies::formats {
namespace {

TEST(Charset, ValidatesUtf8) {
  EXPECT_TRUE(IsValidUtf8("plain ascii"));
  EXPECT_TRUE(IsValidUtf8("Jos\xC3\xA9 \xE2\x80\x93 \xF0\x9F\x98\x80"));
  EXPECT_FALSE(IsValidUtf8("\xC3"));              // truncated
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(IsValidUtf8("caf\xE9"));           // Latin-1
}

TEST(Charset, ConvertsLegacyCharsets) {
  EXPECT_EQ(ToUtf8("caf\xE9", "ISO-8859-1").value(), "caf\xC3\xA9");
  EXPECT_EQ(ToUtf8("\x93quoted\x94 \x80", "windows-1252").value(),
            "\xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x82\xAC");
  // "日本" in Shift_JIS.
  EXPECT_EQ(ToUtf8("\x93\xFA\x96\x7B", "Shift_JIS").value(), "\xE6\x97\xA5\xE6\x9C\xAC");
  EXPECT_EQ(ToUtf8(std::string_view("A\0\xE9\0", 4), "UTF-16LE").value(), "A\xC3\xA9");
  EXPECT_EQ(ToUtf8("d\xC3\xA9j\xC3\xA0", "utf8").value(), "d\xC3\xA9j\xC3\xA0");
}

TEST(Charset, ReportsBadInput) {
  auto unknown = ToUtf8("x", "klingon-8");
  ASSERT_FALSE(unknown);
  EXPECT_NE(unknown.error().message.find("klingon-8"), std::string::npos);
  auto bad = ToUtf8("ok\xFF", "UTF-8");
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("byte 2"), std::string::npos);
  EXPECT_FALSE(ToUtf8("\x81", "Shift_JIS"));  // a lead byte with nothing after it
}

TEST(Charset, RepairsWhatItCannotDecode) {
  EXPECT_EQ(RepairUtf8("a\xFF"
                       "b"),
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(RepairUtf8("ok \xC3\xA9"), "ok \xC3\xA9");
}

}  // namespace
}  // namespace allies::formats
