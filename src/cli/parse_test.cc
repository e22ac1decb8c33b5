#include "cli/parse.h"

#include <cstdlib>

#include <gtest/gtest.h>

namespace allies::cli {
namespace {

TEST(ParseTest, IntOutOfRangeQuotesValueAndRange) {
  auto value = ParseInt("7", "--energy", 1, 5);
  ASSERT_FALSE(value);
  EXPECT_EQ(value.error().message, "--energy 7 is out of range (expected 1 to 5)");
}

TEST(ParseTest, IntRejectsTextAndTrailingJunk) {
  auto text = ParseInt("ten", "--minutes", 0, 10);
  ASSERT_FALSE(text);
  EXPECT_EQ(text.error().message, "--minutes \"ten\" is not a whole number (expected 0 to 10)");
  EXPECT_FALSE(ParseInt("5x", "--minutes", 0, 10));
  EXPECT_FALSE(ParseInt("", "--minutes", 0, 10));
  EXPECT_EQ(*ParseInt("-3", "--x", -5, 5), -3);
}

TEST(ParseTest, NumberRejectsInfinityAndText) {
  EXPECT_FALSE(ParseNumber("inf", "--value"));
  EXPECT_FALSE(ParseNumber("2.5kg", "--value"));
  EXPECT_DOUBLE_EQ(*ParseNumber("2.5", "--value"), 2.5);
}

TEST(ParseTest, OfferNeedsKeyAndRating) {
  auto offer = ParseOffer("cloud contracts=4");
  ASSERT_TRUE(offer);
  EXPECT_EQ(offer->key, "cloud contracts");
  EXPECT_EQ(offer->rating, 4);
  auto bad = ParseOffer("budget=9");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().message, "--offer rating 9 is out of range (expected 0 to 5)");
  EXPECT_FALSE(ParseOffer("budget"));
}

TEST(ParseTest, InstantWithOffsetIgnoresTimeZone) {
  auto at = ParseInstant("2026-11-26T10:00+01:00", "--at");
  ASSERT_TRUE(at);
  EXPECT_EQ(core::FormatUtc(*at), "2026-11-26T09:00:00Z");
}

TEST(ParseTest, InstantErrorNamesTheOption) {
  auto at = ParseInstant("yesterday", "--at");
  ASSERT_FALSE(at);
  EXPECT_EQ(at.error().message.rfind("--at: \"yesterday\" is not a date-time", 0), 0u);
}

}  // namespace
}  // namespace allies::cli
