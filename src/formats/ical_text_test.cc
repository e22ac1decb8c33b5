#include "formats/ical_text.h"

#include <gtest/gtest.h>

namespace allies::formats::ical {
namespace {

TEST(IcalTextTest, NormaliseLineEndsTurnsBareCrIntoLf) {
  std::string text = "a\rb\r\nc\nd\r";
  NormaliseLineEnds(text);
  EXPECT_EQ(text, "a\nb\r\nc\nd\n");
}

TEST(IcalTextTest, OnlyACrWithoutLfIsBare) {
  EXPECT_FALSE(HasBareCr(""));
  EXPECT_FALSE(HasBareCr("a\r\nb\nc\r\n"));
  EXPECT_TRUE(HasBareCr("a\r\nb\rc"));
  EXPECT_TRUE(HasBareCr("a\r\nb\r"));  // at the very end
  EXPECT_TRUE(HasBareCr("\r\r\n"));
}

TEST(IcalTextTest, LayoutFindsEventsAndZonesWithTheirLines) {
  std::string text =
      "BEGIN:VCALENDAR\r\nPRODID:-//A\\, B//EN\r\nmethod:request\r\nBEGIN:VTIMEZONE\r\n"
      "TZID:X\r\nEND:VTIMEZONE\r\nBEGIN:VEVENT\r\nBEGIN:VALARM\r\nEND:VALARM\r\n"
      "END:VEVENT\r\nbegin:vevent\r\nUID:2\r\nend:vevent\r\nEND:VCALENDAR\r\n";
  Layout layout = ScanLayout(text);
  EXPECT_TRUE(layout.has_vcalendar);
  EXPECT_EQ(layout.producer, "-//A, B//EN");
  EXPECT_EQ(layout.method, "REQUEST");
  ASSERT_EQ(layout.timezones.size(), 1U);
  EXPECT_EQ(layout.timezones[0].line, 4U);
  ASSERT_EQ(layout.events.size(), 2U);
  EXPECT_EQ(layout.events[0].line, 7U);
  EXPECT_EQ(text.substr(layout.events[0].begin, layout.events[0].end - layout.events[0].begin),
            "BEGIN:VEVENT\r\nBEGIN:VALARM\r\nEND:VALARM\r\nEND:VEVENT\r\n");
  EXPECT_EQ(layout.events[1].line, 11U);
}

TEST(IcalTextTest, MissingEndClosesTheEventWhereItsParentEnds) {
  std::string text = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:1\nEND:VCALENDAR\n";
  Layout layout = ScanLayout(text);
  ASSERT_EQ(layout.events.size(), 1U);
  EXPECT_EQ(text.substr(layout.events[0].begin, layout.events[0].end - layout.events[0].begin),
            "BEGIN:VEVENT\nUID:1\n");
  Layout truncated = ScanLayout("BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:1");
  ASSERT_EQ(truncated.events.size(), 1U);
  EXPECT_FALSE(ScanLayout("BEGIN:VCARD\nEND:VCARD\n").has_vcalendar);
}

TEST(IcalTextTest, PropertiesAreUnfoldedAndSplitOutsideQuotes) {
  std::vector<RawProperty> properties = ScanProperties(
      "BEGIN:VEVENT\nDTSTART;TZID=\"A: B\";VALUE=DATE-TIME:2020\n 0101T000000\n"
      "DTSTART;TZID=\"W:2020\"\nX:\nEND:VEVENT\n",
      10);
  ASSERT_EQ(properties.size(), 5U);
  EXPECT_EQ(properties[1].name, "DTSTART");
  EXPECT_EQ(properties[1].line, 11U);
  EXPECT_EQ(properties[1].params, "TZID=\"A: B\";VALUE=DATE-TIME");
  EXPECT_EQ(properties[1].value, "20200101T000000");
  EXPECT_TRUE(properties[1].has_colon);
  EXPECT_EQ(properties[2].line, 13U);
  EXPECT_FALSE(properties[2].has_colon);
  EXPECT_EQ(properties[2].params, "TZID=\"W:2020\"");
  EXPECT_TRUE(properties[3].has_colon);
  EXPECT_EQ(properties[3].value, "");
  EXPECT_EQ(ParamValue(properties[1].params, "tzid"), "A: B");
  EXPECT_EQ(ParamValue(properties[1].params, "VALUE"), "DATE-TIME");
  EXPECT_EQ(ParamValue(properties[1].params, "RANGE"), "");
}

TEST(IcalTextTest, EventHashIgnoresDtstampAndLineEnds) {
  std::uint64_t lf = HashEventText("BEGIN:VEVENT\nDTSTAMP:1\n 2\nSUMMARY:x\nEND:VEVENT\n");
  EXPECT_EQ(HashEventText("BEGIN:VEVENT\r\nDTSTAMP:9\r\nSUMMARY:x\r\nEND:VEVENT\r\n"), lf);
  EXPECT_NE(HashEventText("BEGIN:VEVENT\nSUMMARY:y\nEND:VEVENT\n"), lf);
}

}  // namespace
}  // namespace allies::formats::ical
