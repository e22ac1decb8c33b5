#include "scoring/tie_strength.h"

#include <chrono>
#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include "scoring/decay.h"

namespace allies::scoring {
namespace {

using core::InteractionKind;
using core::PersonId;
using core::Setting;
using core::TimePoint;
using std::chrono::days;
using std::chrono::hours;

// Noon UTC, so that "n days ago" and "n days ago, 3 hours earlier" fall on the same UTC day.
constexpr TimePoint kNow{std::chrono::sys_days{std::chrono::year{2024} / 6 / 1} + hours{12}};
constexpr double kTolerance = 1e-9;

TimePoint DaysAgo(int count) { return kNow - days{count}; }

Contact Lunch(TimePoint at, Side initiated_by = Side::kNone) {
  return {at, 3.0, initiated_by, false};
}

Contact Message(TimePoint at, Side initiated_by) { return {at, 0.5, initiated_by, true}; }

TieStrength Score(const std::vector<Contact>& contacts,
                  const std::optional<Closeness>& closeness = std::nullopt) {
  return ComputeTieStrength(contacts, closeness, kNow, Params{});
}

TEST(DecayTest, CountsFullAtAgeZeroHalfAtOneHalfLifeQuarterAtTwo) {
  EXPECT_DOUBLE_EQ(Decay(0, 90), 1.0);
  EXPECT_DOUBLE_EQ(Decay(90, 90), 0.5);
  EXPECT_DOUBLE_EQ(Decay(180, 90), 0.25);
  EXPECT_DOUBLE_EQ(Decay(180, 180), 0.5);
}

TEST(ContactWeightTest, TwoPeopleWeighBySettingAndKind) {
  Params params;
  EXPECT_DOUBLE_EQ(ContactWeight(InteractionKind::kLunch, Setting::kRelaxed, 2, params), 3.0);
  EXPECT_DOUBLE_EQ(ContactWeight(InteractionKind::kCoffee, Setting::kRelaxed, 2, params), 3.0);
  EXPECT_DOUBLE_EQ(ContactWeight(InteractionKind::kWalk, Setting::kRelaxed, 2, params), 3.0);
  EXPECT_DOUBLE_EQ(ContactWeight(InteractionKind::kOffsite, Setting::kRelaxed, 2, params), 3.0);
  EXPECT_DOUBLE_EQ(ContactWeight(InteractionKind::kMeeting, Setting::kFormal, 2, params), 2.0);
  EXPECT_DOUBLE_EQ(ContactWeight(InteractionKind::kLunch, Setting::kFormal, 2, params), 2.0);
  EXPECT_DOUBLE_EQ(ContactWeight(InteractionKind::kMeeting, Setting::kRelaxed, 2, params), 3.0);
  EXPECT_DOUBLE_EQ(ContactWeight(InteractionKind::kCall, Setting::kFormal, 2, params), 1.5);
  EXPECT_DOUBLE_EQ(ContactWeight(InteractionKind::kVideo, Setting::kRelaxed, 2, params), 1.5);
  EXPECT_DOUBLE_EQ(ContactWeight(InteractionKind::kEvent, Setting::kFormal, 2, params), 1.0);
  EXPECT_DOUBLE_EQ(ContactWeight(InteractionKind::kMessage, Setting::kFormal, 2, params), 0.5);
}

TEST(ContactWeightTest, GroupOfNCountsTwoOverNMinusOneExceptEventsAndMessages) {
  Params params;
  // 2.0 / (3 - 1) = 1.0; 2.0 / (5 - 1) = 0.5; 2.0 / (4 - 1) = 0.666...
  EXPECT_DOUBLE_EQ(ContactWeight(InteractionKind::kMeeting, Setting::kFormal, 3, params), 1.0);
  EXPECT_DOUBLE_EQ(ContactWeight(InteractionKind::kMeeting, Setting::kFormal, 5, params), 0.5);
  EXPECT_DOUBLE_EQ(ContactWeight(InteractionKind::kLunch, Setting::kRelaxed, 4, params), 2.0 / 3);
  EXPECT_DOUBLE_EQ(ContactWeight(InteractionKind::kVideo, Setting::kFormal, 3, params), 1.0);
  EXPECT_DOUBLE_EQ(ContactWeight(InteractionKind::kEvent, Setting::kFormal, 40, params), 1.0);
  EXPECT_DOUBLE_EQ(ContactWeight(InteractionKind::kMessage, Setting::kFormal, 6, params), 0.5);
}

TEST(ContactWeightTest, DefaultSettingIsRelaxedForLunchCoffeeWalkAndOffsite) {
  EXPECT_EQ(DefaultSetting(InteractionKind::kLunch), Setting::kRelaxed);
  EXPECT_EQ(DefaultSetting(InteractionKind::kCoffee), Setting::kRelaxed);
  EXPECT_EQ(DefaultSetting(InteractionKind::kWalk), Setting::kRelaxed);
  EXPECT_EQ(DefaultSetting(InteractionKind::kOffsite), Setting::kRelaxed);
  EXPECT_EQ(DefaultSetting(InteractionKind::kMeeting), Setting::kFormal);
  EXPECT_EQ(DefaultSetting(InteractionKind::kCall), Setting::kFormal);
  EXPECT_EQ(DefaultSetting(InteractionKind::kVideo), Setting::kFormal);
  EXPECT_EQ(DefaultSetting(InteractionKind::kMessage), Setting::kFormal);
  EXPECT_EQ(DefaultSetting(InteractionKind::kEvent), Setting::kFormal);
}

TEST(TieStrengthTest, NoContactIsZeroStrength) {
  TieStrength tie = Score({});
  EXPECT_EQ(tie.strength, 0);
  EXPECT_EQ(tie.components.contact_days, 0);
  EXPECT_EQ(tie.components.reciprocity, 1);
  EXPECT_FALSE(tie.components.last_contact);
  EXPECT_FALSE(tie.components.median_gap_days);
  EXPECT_FALSE(tie.components.one_way);
}

TEST(TieStrengthTest, OneRelaxedLunchNinetyDaysAgoInitiatedByMe) {
  // contact = 3 * 2^(-90/90) = 1.5; S = 1 - exp(-1.5/6) = 1 - exp(-0.25) = 0.221199217;
  // a = 1, b = 0 -> r = 1 - 1/1 = 0, factor = 0.75 + 0.25 * 0 = 0.75 -> 0.165899413.
  TieStrength tie = Score({Lunch(DaysAgo(90), Side::kA)});
  EXPECT_NEAR(tie.components.contact, 1.5, kTolerance);
  EXPECT_NEAR(tie.components.saturation, 0.221199217, 1e-9);
  EXPECT_EQ(tie.components.initiated_a, 1);
  EXPECT_EQ(tie.components.initiated_b, 0);
  EXPECT_NEAR(tie.components.reciprocity, 0, kTolerance);
  EXPECT_NEAR(tie.components.reciprocity_factor, 0.75, kTolerance);
  EXPECT_NEAR(tie.strength, 0.165899413, 1e-9);
  EXPECT_FALSE(tie.components.one_way);
  EXPECT_EQ(tie.components.contact_days, 1);
  EXPECT_EQ(tie.components.last_contact, DaysAgo(90));
}

TEST(TieStrengthTest, UnknownInitiatorCountsAsFullyReciprocal) {
  // Same lunch, nobody recorded as initiator: r = 1, factor 1 -> S = 0.221199217.
  TieStrength tie = Score({Lunch(DaysAgo(90))});
  EXPECT_NEAR(tie.components.reciprocity, 1, kTolerance);
  EXPECT_NEAR(tie.strength, 0.221199217, 1e-9);
}

TEST(TieStrengthTest, TwoHalfLivesAgoCountsAQuarter) {
  // contact = 3 * 2^(-180/90) = 0.75; S = 1 - exp(-0.125) = 0.117503097.
  TieStrength tie = Score({Lunch(DaysAgo(180))});
  EXPECT_NEAR(tie.components.contact, 0.75, kTolerance);
  EXPECT_NEAR(tie.strength, 0.117503097, 1e-9);
}

TEST(TieStrengthTest, OnlyTheHeaviestContactOfADayCounts) {
  // A message at 09:00 and a lunch at 12:00 today: contact = max(0.5, 3) = 3, not 3.5.
  // S = 1 - exp(-3/6) = 0.393469340. Both initiations still count: a = 1, b = 1 -> r = 1.
  TieStrength tie = Score({Message(kNow - hours{3}, Side::kA), Lunch(kNow, Side::kB)});
  EXPECT_NEAR(tie.components.contact, 3.0, kTolerance);
  EXPECT_EQ(tie.components.contact_days, 1);
  EXPECT_EQ(tie.components.initiated_a, 1);
  EXPECT_EQ(tie.components.initiated_b, 1);
  EXPECT_NEAR(tie.strength, 0.393469340, 1e-9);
}

TEST(TieStrengthTest, ReciprocityOfThreeToOneScalesByEightySevenAndAHalfPercent) {
  // Formal 1:1s (weight 2) 0, 90, 180 and 270 days ago:
  // contact = 2 * (1 + 0.5 + 0.25 + 0.125) = 3.75; S = 1 - exp(-0.625) = 0.464738571;
  // a = 3, b = 1 -> r = 1 - 2/4 = 0.5, factor = 0.75 + 0.25 * 0.5 = 0.875 -> 0.406646250.
  std::vector<Contact> contacts = {
      {DaysAgo(0), 2.0, Side::kA, false},
      {DaysAgo(90), 2.0, Side::kB, false},
      {DaysAgo(180), 2.0, Side::kA, false},
      {DaysAgo(270), 2.0, Side::kA, false},
  };
  TieStrength tie = Score(contacts);
  EXPECT_NEAR(tie.components.contact, 3.75, kTolerance);
  EXPECT_NEAR(tie.components.reciprocity, 0.5, kTolerance);
  EXPECT_NEAR(tie.components.reciprocity_factor, 0.875, kTolerance);
  EXPECT_NEAR(tie.strength, 0.406646250, 1e-9);
}

TEST(TieStrengthTest, ClosenessIsBlendedInEqually) {
  // Lunch 90 days ago, no initiator: S = 0.221199217; closeness 5 rated today: c = 5/5 = 1;
  // (0.221199217 + 1) / 2 = 0.610599608.
  TieStrength tie = Score({Lunch(DaysAgo(90))}, Closeness{5, kNow});
  ASSERT_TRUE(tie.components.closeness);
  EXPECT_NEAR(*tie.components.closeness, 1.0, kTolerance);
  EXPECT_NEAR(tie.strength, 0.610599608, 1e-9);
}

TEST(TieStrengthTest, ClosenessLosesFifteenPercentAYear) {
  // Rating 4 -> 0.8. One year (365.25 days) later 0.8 * 0.85 = 0.68, two years 0.8 * 0.7225 =
  // 0.578; with no contact S = 0, so the strength is half of it: 0.34 and 0.289.
  const TimePoint one_year_ago = kNow - std::chrono::seconds{31557600};
  const TimePoint two_years_ago = kNow - std::chrono::seconds{2 * 31557600};
  TieStrength tie = Score({}, Closeness{4, one_year_ago});
  EXPECT_NEAR(*tie.components.closeness, 0.68, kTolerance);
  EXPECT_NEAR(tie.strength, 0.34, kTolerance);
  tie = Score({}, Closeness{4, two_years_ago});
  EXPECT_NEAR(*tie.components.closeness, 0.578, kTolerance);
  EXPECT_NEAR(tie.strength, 0.289, kTolerance);
}

TEST(TieStrengthTest, ClosenessRatedInTheFutureDoesNotDecay) {
  // 4/5 = 0.8, no decay; (0 + 0.8) / 2 = 0.4.
  TieStrength tie = Score({}, Closeness{4, kNow + days{30}});
  EXPECT_NEAR(*tie.components.closeness, 0.8, kTolerance);
  EXPECT_NEAR(tie.strength, 0.4, kTolerance);
}

std::vector<Contact> TenDailyMessages(Side from) {
  std::vector<Contact> contacts;
  contacts.reserve(10);
  for (int day = 0; day < 10; ++day) contacts.push_back(Message(DaysAgo(day), from));
  return contacts;
}

TEST(TieStrengthTest, MessagesFromOneSideOnlyAreCappedAtPointTwo) {
  // contact = 0.5 * Σ_{k=0..9} 2^(-k/90) = 4.830863433; S = 1 - exp(-4.830863433/6) =
  // 0.552976407; a = 10, b = 0 -> factor 0.75 -> 0.414732305, above the cap of 0.2.
  TieStrength tie = Score(TenDailyMessages(Side::kA));
  EXPECT_NEAR(tie.components.contact, 4.830863433, 1e-9);
  EXPECT_NEAR(tie.components.saturation * tie.components.reciprocity_factor, 0.414732305, 1e-9);
  EXPECT_TRUE(tie.components.one_way);
  EXPECT_TRUE(tie.components.capped);
  EXPECT_DOUBLE_EQ(tie.strength, 0.2);
}

TEST(TieStrengthTest, MessagesWithNoKnownInitiatorAreOneWay) {
  TieStrength tie = Score(TenDailyMessages(Side::kNone));
  EXPECT_TRUE(tie.components.one_way);
  EXPECT_TRUE(tie.components.capped);
  EXPECT_DOUBLE_EQ(tie.strength, 0.2);
}

TEST(TieStrengthTest, OneWayCapDoesNotApplyOnceTheyInitiated) {
  // The same ten messages with one from b: a = 9, b = 1 -> r = 1 - 8/10 = 0.2, factor 0.8;
  // 0.552976407 * 0.8 = 0.442381126.
  std::vector<Contact> contacts = TenDailyMessages(Side::kA);
  contacts[4].initiated_by = Side::kB;
  TieStrength tie = Score(contacts);
  EXPECT_FALSE(tie.components.one_way);
  EXPECT_FALSE(tie.components.capped);
  EXPECT_NEAR(tie.strength, 0.442381126, 1e-9);
}

TEST(TieStrengthTest, OneWayCapDoesNotApplyToALunch) {
  // Lunches I initiated today and yesterday: contact = 3 + 3 * 2^(-1/90) = 5.976983839;
  // S = 1 - exp(-5.976983839/6) = 0.630706653; factor 0.75 -> 0.473029990.
  TieStrength tie = Score({Lunch(DaysAgo(1), Side::kA), Lunch(DaysAgo(0), Side::kA)});
  EXPECT_FALSE(tie.components.one_way);
  EXPECT_FALSE(tie.components.capped);
  EXPECT_NEAR(tie.strength, 0.473029990, 1e-9);
}

TEST(TieStrengthTest, OneWayCapDoesNotRaiseAWeakerTie) {
  // One message from a today: contact 0.5, S = 1 - exp(-0.5/6) = 0.079955585, factor 0.75 ->
  // 0.059966689; one-way, but below the cap, so not capped.
  TieStrength tie = Score({Message(kNow, Side::kA)});
  EXPECT_TRUE(tie.components.one_way);
  EXPECT_FALSE(tie.components.capped);
  EXPECT_NEAR(tie.strength, 0.059966689, 1e-9);
}

TEST(TieStrengthTest, FutureContactsAreIgnored) {
  // Only the lunch 90 days ago counts: 0.221199217, as above.
  TieStrength tie = Score({Lunch(kNow + days{1}, Side::kA), Lunch(DaysAgo(90))});
  EXPECT_NEAR(tie.strength, 0.221199217, 1e-9);
  EXPECT_EQ(tie.components.initiated_a, 0);
  EXPECT_EQ(tie.components.contact_days, 1);
  EXPECT_EQ(tie.components.last_contact, DaysAgo(90));
}

TEST(TieStrengthTest, MedianGapOfAnEvenCountIsTheMeanOfTheMiddleTwo) {
  // Days 30, 10 and 0 ago (given out of order): gaps 20 and 10 -> median (10 + 20) / 2 = 15.
  TieStrength tie = Score({Lunch(DaysAgo(0)), Lunch(DaysAgo(30)), Lunch(DaysAgo(10))});
  ASSERT_TRUE(tie.components.median_gap_days);
  EXPECT_DOUBLE_EQ(*tie.components.median_gap_days, 15);
  EXPECT_EQ(tie.components.last_contact, DaysAgo(0));
}

TEST(TieStrengthTest, MedianGapOfAnOddCountIsTheMiddleOne) {
  // Days 31, 30, 10 and 0 ago: gaps 1, 20, 10 -> sorted 1, 10, 20 -> median 10.
  TieStrength tie =
      Score({Lunch(DaysAgo(31)), Lunch(DaysAgo(30)), Lunch(DaysAgo(10)), Lunch(DaysAgo(0))});
  EXPECT_DOUBLE_EQ(*tie.components.median_gap_days, 10);
  EXPECT_EQ(tie.components.contact_days, 4);
}

TEST(TieStrengthTest, MedianGapCountsWholeDaysAndNeedsTwoDays) {
  // 23:00 yesterday and 01:00 today are two hours apart but one day apart.
  const TimePoint today_one_am = kNow - hours{11};
  TieStrength tie = Score({Lunch(today_one_am - hours{2}), Lunch(today_one_am)});
  EXPECT_DOUBLE_EQ(*tie.components.median_gap_days, 1);
  EXPECT_EQ(tie.components.contact_days, 2);
  // Two contacts on one day make a single contact day: no gap.
  tie = Score({Lunch(kNow - hours{2}), Lunch(kNow)});
  EXPECT_EQ(tie.components.contact_days, 1);
  EXPECT_FALSE(tie.components.median_gap_days);
}

// ScoreTies over hand-built interactions.

core::Interaction Meeting(const std::vector<std::int64_t>& attendees, TimePoint at,
                          std::optional<std::int64_t> initiator = std::nullopt) {
  core::Interaction interaction;
  interaction.at = at;
  interaction.kind = InteractionKind::kMeeting;
  interaction.setting = Setting::kFormal;
  for (std::int64_t id : attendees) interaction.attendees.push_back(PersonId{id});
  if (initiator) interaction.initiator = PersonId{*initiator};
  return interaction;
}

TEST(ScoreTiesTest, ThreePersonMeetingGivesThreePairsOfWeightOne) {
  // weight 2.0 / (3 - 1) = 1.0; S = 1 - exp(-1/6) = 0.153518275. Person 1 initiated: in pairs
  // (1, 2) and (1, 3), a = 1 and b = 0 -> factor 0.75 -> 0.115138706; in (2, 3) nobody did -> r
  // = 1.
  std::vector<core::Interaction> interactions = {Meeting({3, 1, 2}, kNow, 1)};
  std::vector<PairTie> ties = ScoreTies(interactions, kNow, Params{});
  ASSERT_EQ(ties.size(), 3U);
  EXPECT_EQ(ties[0].a, PersonId{1});
  EXPECT_EQ(ties[0].b, PersonId{2});
  EXPECT_EQ(ties[1].a, PersonId{1});
  EXPECT_EQ(ties[1].b, PersonId{3});
  EXPECT_EQ(ties[2].a, PersonId{2});
  EXPECT_EQ(ties[2].b, PersonId{3});
  for (const PairTie& tie : ties) EXPECT_NEAR(tie.tie.components.contact, 1.0, kTolerance);
  EXPECT_EQ(ties[0].tie.components.initiated_a, 1);
  EXPECT_NEAR(ties[0].tie.strength, 0.115138706, 1e-9);
  EXPECT_NEAR(ties[1].tie.strength, 0.115138706, 1e-9);
  EXPECT_NEAR(ties[2].tie.strength, 0.153518275, 1e-9);
}

TEST(ScoreTiesTest, StrengthsAloneEqualTheFullScores) {
  // Same three-person meeting plus a later 1:1 of 2 and 3: the strength-only path must agree.
  std::vector<core::Interaction> interactions = {Meeting({3, 1, 2}, kNow - days{10}, 1),
                                                 Meeting({2, 3}, kNow - days{3}, 3)};
  std::vector<PairTie> full = ScoreTies(interactions, kNow, Params{});
  std::vector<PairStrength> strengths = ScoreTieStrengths(interactions, kNow, Params{});
  ASSERT_EQ(strengths.size(), full.size());
  for (std::size_t i = 0; i < full.size(); ++i) {
    EXPECT_EQ(strengths[i].a, full[i].a);
    EXPECT_EQ(strengths[i].b, full[i].b);
    EXPECT_DOUBLE_EQ(strengths[i].strength, full[i].tie.strength);
  }
  // (1, 2): 1 / (3-1) * 2 = 1.0 contact ten days ago, one-sided: 0.75 * (1 - exp(-2^(-10/90)/6)).
  EXPECT_NEAR(strengths[0].strength, 0.75 * (1 - std::exp(-std::exp2(-10.0 / 90) / 6)), 1e-12);
}

TEST(PairCollectorTest, InteractionsInAnyOrderGiveEachPairsStrengthFromItsOwnContacts) {
  // Given newest first, with person ids first seen in descending order: the collector must
  // still order each pair's contacts by time and name the sides by id.
  core::Interaction message = Meeting({9, 4}, kNow - days{2}, 9);
  message.kind = InteractionKind::kMessage;
  core::Interaction lunch = Meeting({4, 9}, kNow - days{40}, 4);
  lunch.kind = InteractionKind::kLunch;
  lunch.setting = Setting::kRelaxed;
  std::vector<core::Interaction> newest_first = {
      message,
      Meeting({9, 4, 7}, kNow - days{20}, 7),
      lunch,
      Meeting({4, 9}, kNow - days{40} - hours{1}),  // same day as the lunch, lighter: ignored
      Meeting({7, 4}, kNow - days{60}, 4),
  };
  PairCollector collector(kNow);
  for (const core::Interaction& interaction : newest_first) collector.Add(interaction);
  std::vector<PairStrength> strengths = collector.TakeStrengths(Params{});
  ASSERT_EQ(strengths.size(), 3U);

  // (4, 7): the group meeting (weight 2/2 = 1, initiated by 7: side b) and a 1:1 initiated by 4.
  std::vector<Contact> four_seven = {{kNow - days{60}, 2.0, Side::kA, false},
                                     {kNow - days{20}, 1.0, Side::kB, false}};
  // (4, 9): the day of the lunch (the meeting an hour before it weighs less), the group
  // meeting, and the message from 9.
  std::vector<Contact> four_nine = {{kNow - days{40} - hours{1}, 2.0, Side::kNone, false},
                                    {kNow - days{40}, 3.0, Side::kA, false},
                                    {kNow - days{20}, 1.0, Side::kNone, false},
                                    {kNow - days{2}, 0.5, Side::kB, true}};
  // (7, 9): the group meeting, initiated by 7 (side a).
  std::vector<Contact> seven_nine = {{kNow - days{20}, 1.0, Side::kA, false}};
  EXPECT_EQ(strengths[0].a, PersonId{4});
  EXPECT_EQ(strengths[0].b, PersonId{7});
  EXPECT_DOUBLE_EQ(strengths[0].strength,
                   ComputeTieStrength(four_seven, std::nullopt, kNow, Params{}).strength);
  EXPECT_EQ(strengths[1].a, PersonId{4});
  EXPECT_EQ(strengths[1].b, PersonId{9});
  EXPECT_DOUBLE_EQ(strengths[1].strength,
                   ComputeTieStrength(four_nine, std::nullopt, kNow, Params{}).strength);
  EXPECT_EQ(strengths[2].a, PersonId{7});
  EXPECT_EQ(strengths[2].b, PersonId{9});
  EXPECT_DOUBLE_EQ(strengths[2].strength,
                   ComputeTieStrength(seven_nine, std::nullopt, kNow, Params{}).strength);
  // Initiations of 4 and 9 are one each (the lunch and the message): fully reciprocal.
  EXPECT_NEAR(strengths[1].strength,
              1 - std::exp(-(3.0 * std::exp2(-40.0 / 90) + std::exp2(-20.0 / 90) +
                             0.5 * std::exp2(-2.0 / 90)) /
                           6),
              1e-12);

  // The same interactions oldest first give the same values, bit for bit, and TakeStrengths
  // left the first collector empty.
  PairCollector forward(kNow);
  for (auto it = newest_first.rbegin(); it != newest_first.rend(); ++it) forward.Add(*it);
  std::vector<PairStrength> again = forward.TakeStrengths(Params{});
  ASSERT_EQ(again.size(), strengths.size());
  for (std::size_t i = 0; i < again.size(); ++i) {
    EXPECT_EQ(again[i].a, strengths[i].a);
    EXPECT_EQ(again[i].b, strengths[i].b);
    EXPECT_EQ(again[i].strength, strengths[i].strength);
  }
  EXPECT_TRUE(collector.TakeStrengths(Params{}).empty());
}

TEST(ScoreTiesTest, InitiatorIsSideBWhenTheirIdIsLarger) {
  std::vector<core::Interaction> interactions = {Meeting({5, 9}, kNow, 9)};
  std::vector<PairTie> ties = ScoreTies(interactions, kNow, Params{});
  ASSERT_EQ(ties.size(), 1U);
  EXPECT_EQ(ties[0].a, PersonId{5});
  EXPECT_EQ(ties[0].tie.components.initiated_a, 0);
  EXPECT_EQ(ties[0].tie.components.initiated_b, 1);
}

TEST(ScoreTiesTest, DeletedFutureAndSolitaryInteractionsAreIgnored) {
  core::Interaction deleted = Meeting({1, 2}, kNow);
  deleted.stamps.deleted_at = kNow;
  std::vector<core::Interaction> interactions = {
      deleted,
      Meeting({1, 3}, kNow + days{1}),
      Meeting({4}, kNow),
      Meeting({5, 5}, kNow),
  };
  EXPECT_TRUE(ScoreTies(interactions, kNow, Params{}).empty());
}

TEST(ScoreTiesTest, RepeatedAttendeeCountsOnce) {
  // {1, 2, 2} is a formal 1:1 (weight 2), not a meeting of three: S = 1 - exp(-2/6) = 0.283468689.
  std::vector<core::Interaction> interactions = {Meeting({1, 2, 2}, kNow)};
  std::vector<PairTie> ties = ScoreTies(interactions, kNow, Params{});
  ASSERT_EQ(ties.size(), 1U);
  EXPECT_NEAR(ties[0].tie.components.contact, 2.0, kTolerance);
  EXPECT_NEAR(ties[0].tie.strength, 0.283468689, 1e-9);
}

TEST(ScoreTiesTest, ContactsOfAPairAcrossInteractionsAreCombined) {
  // Lunch (3.0) and a message (0.5) today between 1 and 2: one day, contact 3;
  // a 4-person meeting 90 days ago: 2/3 * 0.5 = 1/3; contact = 3.333333333;
  // S = 1 - exp(-3.333333333/6) = 0.426246579.
  core::Interaction lunch = Meeting({2, 1}, kNow);
  lunch.kind = InteractionKind::kLunch;
  lunch.setting = Setting::kRelaxed;
  core::Interaction message = Meeting({1, 2}, kNow - hours{1});
  message.kind = InteractionKind::kMessage;
  std::vector<core::Interaction> interactions = {lunch, Meeting({1, 2, 3, 4}, DaysAgo(90)),
                                                 message};
  std::vector<PairTie> ties = ScoreTies(interactions, kNow, Params{});
  ASSERT_EQ(ties.size(), 6U);
  EXPECT_EQ(ties[0].a, PersonId{1});
  EXPECT_EQ(ties[0].b, PersonId{2});
  EXPECT_EQ(ties[0].tie.components.contact_days, 2);
  EXPECT_NEAR(ties[0].tie.components.contact, 3.333333333, 1e-9);
  EXPECT_NEAR(ties[0].tie.strength, 0.426246579, 1e-9);
  EXPECT_DOUBLE_EQ(*ties[0].tie.components.median_gap_days, 90);
}

TEST(ScoreTiesTest, LargeIdsAreSortedByPair) {
  const std::int64_t big = 1'000'000'000'000;
  std::vector<core::Interaction> interactions = {Meeting({big, 7}, kNow),
                                                 Meeting({big + 1, -3}, kNow)};
  std::vector<PairTie> ties = ScoreTies(interactions, kNow, Params{});
  ASSERT_EQ(ties.size(), 2U);
  EXPECT_EQ(ties[0].a, PersonId{-3});
  EXPECT_EQ(ties[0].b, PersonId{big + 1});
  EXPECT_EQ(ties[1].a, PersonId{7});
  EXPECT_EQ(ties[1].b, PersonId{big});
}

TEST(ScoreTiesTest, OwnerKeepsOnlyTheOwnersPairs) {
  std::vector<core::Interaction> interactions = {Meeting({1, 2, 3}, kNow), Meeting({1, 3}, kNow)};
  ScoreTiesOptions options;
  options.owner = PersonId{2};
  std::vector<PairTie> ties = ScoreTies(interactions, kNow, Params{}, options);
  ASSERT_EQ(ties.size(), 2U);
  EXPECT_EQ(ties[0].a, PersonId{1});
  EXPECT_EQ(ties[0].b, PersonId{2});
  EXPECT_EQ(ties[1].a, PersonId{2});
  EXPECT_EQ(ties[1].b, PersonId{3});
  // Group weights still use all three attendees: 2 / (3 - 1) = 1.
  EXPECT_NEAR(ties[0].tie.components.contact, 1.0, kTolerance);
}

TEST(ScoreTiesTest, OwnerWhoMetNobodyHasNoTies) {
  std::vector<core::Interaction> interactions = {Meeting({1, 3}, kNow)};
  ScoreTiesOptions options;
  options.owner = PersonId{2};
  EXPECT_TRUE(ScoreTies(interactions, kNow, Params{}, options).empty());
}

TEST(ScoreTiesTest, ClosenessOnlyTieExistsForTheOwner) {
  // Person 9 rated 5 today, never met: S = 0, c = 1 -> (0 + 1) / 2 = 0.5.
  // Person 1 rated 5 today and met in a 3-person meeting 1 initiated: S = 0.153518275 * 0.75 =
  // 0.115138706 -> (0.115138706 + 1) / 2 = 0.557569353.
  std::vector<core::Interaction> interactions = {Meeting({1, 2, 3}, kNow, 1)};
  std::vector<std::pair<PersonId, Closeness>> ratings = {{PersonId{9}, {5, kNow}},
                                                         {PersonId{1}, {5, kNow}}};
  ScoreTiesOptions options;
  options.owner = PersonId{2};
  options.closeness = &ratings;
  std::vector<PairTie> ties = ScoreTies(interactions, kNow, Params{}, options);
  ASSERT_EQ(ties.size(), 3U);
  EXPECT_EQ(ties[0].a, PersonId{1});
  EXPECT_EQ(ties[0].b, PersonId{2});
  EXPECT_NEAR(ties[0].tie.strength, 0.557569353, 1e-9);
  EXPECT_EQ(ties[1].a, PersonId{2});
  EXPECT_EQ(ties[1].b, PersonId{3});
  EXPECT_FALSE(ties[1].tie.components.closeness);
  EXPECT_EQ(ties[2].a, PersonId{2});
  EXPECT_EQ(ties[2].b, PersonId{9});
  EXPECT_EQ(ties[2].tie.components.contact_days, 0);
  EXPECT_NEAR(ties[2].tie.strength, 0.5, kTolerance);
}

TEST(ScoreTiesTest, ClosenessIsIgnoredWithoutAnOwner) {
  std::vector<core::Interaction> interactions = {Meeting({1, 2}, kNow)};
  std::vector<std::pair<PersonId, Closeness>> ratings = {{PersonId{9}, {5, kNow}}};
  ScoreTiesOptions options;
  options.closeness = &ratings;
  std::vector<PairTie> ties = ScoreTies(interactions, kNow, Params{}, options);
  ASSERT_EQ(ties.size(), 1U);
  EXPECT_FALSE(ties[0].tie.components.closeness);
}

}  // namespace
}  // namespace allies::scoring
