#include "formats/windows_zones.h"

#include <gtest/gtest.h>

namespace allies::formats {
namespace {

TEST(WindowsZonesTest, KnownZoneIdsMapToCldrGoldenZones) {
  EXPECT_EQ(IanaForWindowsZone("W. Europe Standard Time"), "Europe/Berlin");
  EXPECT_EQ(IanaForWindowsZone("Eastern Standard Time"), "America/New_York");
  EXPECT_EQ(IanaForWindowsZone("Tokyo Standard Time"), "Asia/Tokyo");
  EXPECT_EQ(IanaForWindowsZone("Pacific Standard Time"), "America/Los_Angeles");
  EXPECT_EQ(IanaForWindowsZone("GMT Standard Time"), "Europe/London");
  EXPECT_EQ(IanaForWindowsZone("AUS Eastern Standard Time"), "Australia/Sydney");
  EXPECT_EQ(IanaForWindowsZone("US Mountain Standard Time"), "America/Phoenix");
  EXPECT_EQ(IanaForWindowsZone("Jordan Standard Time"), "Asia/Amman");
}

TEST(WindowsZonesTest, ZoneIdMatchIgnoresCaseAndExtraBlanks) {
  EXPECT_EQ(IanaForWindowsZone("  w. europe   standard TIME "), "Europe/Berlin");
}

TEST(WindowsZonesTest, UnknownOrIanaNamesAreNotWindowsIds) {
  EXPECT_FALSE(IanaForWindowsZone("Europe/Berlin").has_value());
  EXPECT_FALSE(IanaForWindowsZone("Western/Central Europe").has_value());
  EXPECT_FALSE(IanaForWindowsZone("").has_value());
  // A display name is not an id; ParseWindowsDisplayName handles those.
  EXPECT_FALSE(IanaForWindowsZone("(UTC-05:00) Eastern Time (US & Canada)").has_value());
}

TEST(WindowsZonesTest, OwaUtcDisplayNameResolvesThroughItsPlaceList) {
  auto eastern = ParseWindowsDisplayName("(UTC-05:00) Eastern Time (US & Canada)");
  ASSERT_TRUE(eastern.has_value());
  EXPECT_EQ(eastern->offset, std::chrono::minutes(-300));
  EXPECT_EQ(eastern->iana, "America/New_York");

  auto bangkok = ParseWindowsDisplayName("(UTC+07:00) Bangkok, Hanoi, Jakarta");
  ASSERT_TRUE(bangkok.has_value());
  EXPECT_EQ(bangkok->offset, std::chrono::minutes(420));
  EXPECT_EQ(bangkok->iana, "Asia/Bangkok");
}

TEST(WindowsZonesTest, OldGmtDisplayNameResolvesLikeTheUtcOne) {
  auto sydney = ParseWindowsDisplayName("(GMT+10:00) Canberra, Melbourne, Sydney");
  ASSERT_TRUE(sydney.has_value());
  EXPECT_EQ(sydney->offset, std::chrono::minutes(600));
  EXPECT_EQ(sydney->iana, "Australia/Sydney");
}

TEST(WindowsZonesTest, DisplayNameWithUnknownPlacesKeepsTheStatedOffset) {
  auto unknown = ParseWindowsDisplayName("(UTC+05:45) Somewhere Else");
  ASSERT_TRUE(unknown.has_value());
  EXPECT_EQ(unknown->offset, std::chrono::minutes(345));
  EXPECT_FALSE(unknown->iana.has_value());

  auto zero = ParseWindowsDisplayName("(UTC) Coordinated Universal Time");
  ASSERT_TRUE(zero.has_value());
  EXPECT_EQ(zero->offset, std::chrono::minutes(0));
  EXPECT_EQ(zero->iana, "Etc/UTC");
}

TEST(WindowsZonesTest, TextWithoutAnOffsetPrefixIsNotADisplayName) {
  EXPECT_FALSE(ParseWindowsDisplayName("Eastern Standard Time").has_value());
  EXPECT_FALSE(ParseWindowsDisplayName("GMT +0100 (Standard) / GMT +0200 (Daylight)").has_value());
  EXPECT_FALSE(ParseWindowsDisplayName("(UTC+25:00) Nowhere").has_value());
  EXPECT_FALSE(ParseWindowsDisplayName("(UTC+").has_value());
}

}  // namespace
}  // namespace allies::formats
