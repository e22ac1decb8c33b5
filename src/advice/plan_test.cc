#include "advice/plan.h"

#include <deque>
#include <map>

#include <gtest/gtest.h>

#include "advice/invitation.h"
#include "core/text.h"

namespace allies::advice {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::sys_days;

constexpr std::chrono::year_month_day kMonday{std::chrono::year{2026} / 11 / 30};

core::TimePoint At(int day, int hour, int minute = 0) {
  return core::TimePoint{sys_days{kMonday} + std::chrono::days{day} + hours{hour} +
                         minutes{minute}};
}

// Monday 30 November to Friday 4 December 2026, 09:00-17:00 UTC, lunch 12:00-14:00.
class PlanTest : public ::testing::Test {
 protected:
  PlanTest() {
    for (int d = 0; d < 5; ++d) {
      WorkDay day;
      day.date = core::Date{sys_days{kMonday} + std::chrono::days{d}};
      day.work = {At(d, 9), At(d, 17)};
      day.lunch = {At(d, 12), At(d, 14)};
      request_.days.push_back(day);
    }
    request_.week = "2026-W49";
    request_.now = At(0, 8);
    request_.my_name = "Dana Reyes";
    request_.budget_minutes = 180;
    request_.budget_energy = 10;
    request_.params = &params_;
  }

  // A person in `department` with the given influence and my tie strength.
  Candidate& Add(const std::string& name, const std::string& department, double influence,
                 double strength = 0) {
    core::Person& person = people_.emplace_back();
    person.id = core::PersonId{static_cast<std::int64_t>(people_.size()) + 1};
    person.name = name;
    person.department = department;
    person.emails.push_back({core::FoldCase(name.substr(0, name.find(' '))) + "@example.com", ""});
    Candidate& candidate = candidates_.emplace_back();
    candidate.person = &person;
    candidate.influence = influence;
    candidate.strength = strength;
    return candidate;
  }

  Plan Run() {
    std::vector<Candidate> list(candidates_.begin(), candidates_.end());
    return MakePlan(request_, list);
  }

  scoring::Params params_;
  PlanRequest request_;
  std::deque<core::Person> people_;  // stable addresses for Candidate::person
  std::deque<Candidate> candidates_;
};

TEST_F(PlanTest, PriorityIsInfluenceTimesGapTimesOnePlusRelevance) {
  Candidate& ana = Add("Ana Lima", "Finance", 0.5, 0.3);
  ana.overdue = 0.9;
  Priority plain = PriorityOf(ana, {});
  EXPECT_DOUBLE_EQ(plain.value, 0.5 * 0.9);
  std::vector<OpenAsk> asks{{ana.person->id, At(-3, 10), "small-ask", "budget review"}};
  EXPECT_DOUBLE_EQ(PriorityOf(ana, asks).value, 0.5 * 0.9 * 2);

  // Someone else whose offers match the words of my ask is relevant by their rating / 5.
  Candidate& ben = Add("Ben Okafor", "Finance", 0.4, 0.6);
  const_cast<core::Person*>(ben.person)->offers.push_back({"budget", 4});
  Priority relevant = PriorityOf(ben, asks);
  EXPECT_DOUBLE_EQ(relevant.relevance, 0.8);
  EXPECT_DOUBLE_EQ(relevant.value, 0.4 * 0.4 * 1.8);
}

TEST_F(PlanTest, RespectsBothBudgets) {
  for (int i = 0; i < 20; ++i) {
    Add("Person " + std::to_string(i), "Dept " + std::to_string(i), 0.9 - i * 0.01, 0.5);
  }
  request_.budget_minutes = 150;  // two lunches and a coffee at most
  request_.budget_energy = 3;     // a lunch (2) and a coffee (1)
  Plan plan = Run();
  ASSERT_FALSE(plan.items.empty());
  int minutes_sum = 0;
  double energy_sum = 0;
  for (const auto& item : plan.items) {
    minutes_sum += item.minutes;
    energy_sum += item.energy;
  }
  EXPECT_LE(minutes_sum, 150);
  EXPECT_LE(energy_sum, 3.0);
  EXPECT_EQ(plan.minutes_used, minutes_sum);
  EXPECT_DOUBLE_EQ(plan.energy_used, energy_sum);
  // Energy binds first: a lunch (2) and then a coffee (1) fill it exactly.
  EXPECT_DOUBLE_EQ(energy_sum, 3.0);
}

TEST_F(PlanTest, AtMostTwoPeoplePerDepartment) {
  for (int i = 0; i < 6; ++i) Add("Fin " + std::to_string(i), "Finance", 0.9);
  Add("Hana Sato", "HR", 0.2);
  Plan plan = Run();
  int finance = 0;
  int hr = 0;
  for (const auto& item : plan.items) {
    finance += item.department == "Finance" ? 1 : 0;
    hr += item.department == "HR" ? 1 : 0;
  }
  EXPECT_EQ(finance, 2);
  EXPECT_EQ(hr, 1);
  ASSERT_FALSE(plan.passed_over.empty());
  EXPECT_EQ(plan.passed_over.front().why, "department limit");
}

TEST_F(PlanTest, SameInputGivesTheSamePlan) {
  for (int i = 0; i < 12; ++i) {
    Add("Person " + std::to_string(i), "Dept " + std::to_string(i % 4), 0.5, (i % 3) * 0.3);
  }
  Plan first = Run();
  Plan second = Run();
  ASSERT_EQ(first.items.size(), second.items.size());
  for (std::size_t i = 0; i < first.items.size(); ++i) {
    EXPECT_EQ(first.items[i].person, second.items[i].person);
    EXPECT_EQ(first.items[i].slot.start, second.items[i].slot.start);
    EXPECT_EQ(first.items[i].invitation, second.items[i].invitation);
  }
}

TEST_F(PlanTest, ProposesRelaxedSettingsAndHonoursAPreference) {
  Add("Wei Chen", "Sales", 0.8, 0.05);     // weak tie: coffee
  Add("Olga Ivanova", "Legal", 0.8, 0.6);  // established tie: lunch
  Candidate& remote = Add("Raj Patel", "Research", 0.8, 0.6);
  const_cast<core::Person*>(remote.person)->tags.push_back("prefers:call");
  Plan plan = Run();
  ASSERT_EQ(plan.items.size(), 3U);
  for (const auto& item : plan.items) {
    if (item.name == "Wei Chen") {
      EXPECT_EQ(item.setting, Setting::kCoffee);
    }
    if (item.name == "Olga Ivanova") {
      EXPECT_EQ(item.setting, Setting::kLunch);
      // Lunch inside the lunch window.
      EXPECT_GE(item.slot.start - std::chrono::floor<std::chrono::days>(item.slot.start),
                hours{12});
      EXPECT_LE(item.slot.end - std::chrono::floor<std::chrono::days>(item.slot.end), hours{14});
    }
    if (item.name == "Raj Patel") {
      EXPECT_EQ(item.setting, Setting::kCall);
      EXPECT_FALSE(IsRelaxed(item.setting));
    } else {
      EXPECT_TRUE(IsRelaxed(item.setting)) << item.name;
    }
  }
}

TEST_F(PlanTest, NeverOverlapsBusyTimeOrAnotherItem) {
  // Busy all week except Friday 10:00-11:00 and 15:00-16:30.
  for (int d = 0; d < 4; ++d) request_.busy.push_back({At(d, 0), At(d + 1, 0)});
  request_.busy.push_back({At(4, 0), At(4, 10)});
  request_.busy.push_back({At(4, 11), At(4, 15)});
  request_.busy.push_back({At(4, 16, 30), At(5, 0)});
  for (int i = 0; i < 8; ++i) Add("Person " + std::to_string(i), "Dept " + std::to_string(i), 0.7);
  Plan plan = Run();
  ASSERT_FALSE(plan.items.empty());
  // Three coffees fit: 10:00, 10:30 and 15:00, 15:30, 16:00 (five in all).
  EXPECT_EQ(plan.items.size(), 5U);
  for (std::size_t i = 0; i < plan.items.size(); ++i) {
    const Interval& slot = plan.items[i].slot;
    for (const auto& busy : request_.busy) EXPECT_FALSE(busy.Overlaps(slot));
    for (std::size_t j = i + 1; j < plan.items.size(); ++j) {
      EXPECT_FALSE(plan.items[j].slot.Overlaps(slot));
    }
  }
  EXPECT_EQ(plan.passed_over.front().why, "no free slot");
}

TEST_F(PlanTest, CoffeesGoMidMorningAndMidAfternoonNeverBackToBack) {
  request_.days.resize(1);  // Monday only, so that the day's slots are what is tested
  for (int i = 0; i < 3; ++i) Add("Person " + std::to_string(i), "Dept " + std::to_string(i), 0.7);
  Plan plan = Run();
  ASSERT_EQ(plan.items.size(), 3U);
  // 09:00-12:00 centres on 10:30 and 14:00-17:00 on 15:30: a 30-minute coffee on the 30-minute
  // grid is 15 minutes off at 10:00 (the earlier of 10:00 and 10:30) and at 15:00. For the
  // third, 09:30, 10:30, 14:30 and 15:30 touch one of those (15 or 45 minutes + the back-to-back
  // hour), so 11:00 and 16:00 (45 minutes) are best, and 11:00 is earlier.
  EXPECT_EQ(plan.items[0].slot.start, At(0, 10));
  EXPECT_EQ(plan.items[1].slot.start, At(0, 11));
  EXPECT_EQ(plan.items[2].slot.start, At(0, 15));
  for (const auto& item : plan.items) EXPECT_EQ(item.setting, Setting::kCoffee);
}

TEST_F(PlanTest, ALunchStartsWithTheLunchWindow) {
  Add("Olga Ivanova", "Legal", 0.8, 0.6);
  Plan plan = Run();
  ASSERT_EQ(plan.items.size(), 1U);
  EXPECT_EQ(plan.items[0].setting, Setting::kLunch);
  EXPECT_EQ(plan.items[0].slot.start, At(0, 12));
}

TEST_F(PlanTest, TheQuietestDayComesFirst) {
  // Monday and Tuesday hold meetings (two hours and one); Wednesday to Friday are free.
  request_.busy.push_back({At(0, 9), At(0, 11)});
  request_.busy.push_back({At(1, 14), At(1, 15)});
  request_.busy.push_back({At(3, 9), At(3, 9, 30)});  // Thursday: half an hour
  for (int i = 0; i < 5; ++i) Add("Person " + std::to_string(i), "Dept " + std::to_string(i), 0.7);
  Plan plan = Run();
  ASSERT_EQ(plan.items.size(), 5U);
  // One a day; in the order of choosing (by priority, here by id): Wednesday, Friday,
  // Thursday, Tuesday, Monday. Items are listed by time, so check who went where.
  std::map<std::int64_t, int> day_of;
  for (const auto& item : plan.items) {
    day_of[item.person.value] = static_cast<int>(
        (std::chrono::floor<std::chrono::days>(item.slot.start) - sys_days{kMonday}).count());
  }
  EXPECT_EQ(day_of, (std::map<std::int64_t, int>{{2, 2}, {3, 4}, {4, 3}, {5, 1}, {6, 0}}));
}

TEST_F(PlanTest, ALapsedTieIsOfferedACoffeeNotALunch) {
  Candidate& amara = Add("Amara Thompson", "Sales", 0.6, 0.44);
  amara.overdue = 1;
  amara.days_since = 241;
  amara.cadence_days = 30;
  Plan plan = Run();
  ASSERT_EQ(plan.items.size(), 1U);
  EXPECT_EQ(plan.items[0].setting, Setting::kCoffee);
  EXPECT_DOUBLE_EQ(plan.items[0].priority.value, 0.6 * 1.0);
}

TEST_F(PlanTest, NoSlotStartsBeforeNow) {
  request_.now = At(2, 13);  // Wednesday 13:00
  for (int i = 0; i < 6; ++i) Add("Person " + std::to_string(i), "Dept " + std::to_string(i), 0.7);
  Plan plan = Run();
  ASSERT_FALSE(plan.items.empty());
  for (const auto& item : plan.items) EXPECT_GE(item.slot.start, request_.now);
}

TEST_F(PlanTest, OpenAskIsNamedAndTheInvitationNeverSaysNoAgenda) {
  Candidate& ana = Add("Ana Lima", "Finance", 0.8, 0.5);
  Add("Ben Okafor", "Legal", 0.8, 0.5);
  request_.asks.push_back({ana.person->id, At(-10, 9), "small-ask", "the budget review"});
  Plan plan = Run();
  ASSERT_EQ(plan.items.size(), 2U);
  for (const auto& item : plan.items) {
    std::string folded = core::FoldCase(item.invitation);
    EXPECT_NE(folded.find("get to know you"), std::string::npos) << item.invitation;
    if (item.name == "Ana Lima") {
      EXPECT_TRUE(item.open_ask);
      EXPECT_EQ(folded.find("no agenda"), std::string::npos) << item.invitation;
      EXPECT_NE(item.invitation.find("the budget review"), std::string::npos);
      ASSERT_FALSE(item.warnings.empty());
      EXPECT_NE(item.warnings.front().find("not a no-agenda meeting"), std::string::npos);
      bool reason = false;
      for (const auto& text : item.reasons) reason |= text.starts_with("relevant to an open ask");
      EXPECT_TRUE(reason);
    } else {
      EXPECT_FALSE(item.open_ask);
      EXPECT_NE(folded.find("no agenda"), std::string::npos) << item.invitation;
    }
  }
}

TEST_F(PlanTest, MeetsAConferenceAttendeeRightAfterIt) {
  Candidate& ana = Add("Ana Lima", "Finance", 0.6, 0.5);
  Conference summit{"Cloud Summit", {At(2, 9), At(2, 16)}, {"ana@example.com"}};
  request_.conferences.push_back(summit);
  request_.busy.push_back(summit.when);
  Plan plan = Run();
  ASSERT_EQ(plan.items.size(), 1U);
  EXPECT_EQ(plan.items[0].person, ana.person->id);
  EXPECT_EQ(plan.items[0].setting, Setting::kAfterConference);
  EXPECT_EQ(plan.items[0].conference, "Cloud Summit");
  EXPECT_EQ(plan.items[0].slot.start, At(2, 16));
  EXPECT_NE(plan.items[0].invitation.find("after Cloud Summit"), std::string::npos);
}

TEST_F(PlanTest, LeavesOutWhoIMetRecentlyAndWhoHasNoPriority) {
  Candidate& seen = Add("Ana Lima", "Finance", 0.9, 0.1);
  seen.days_since = 3;
  Add("Ben Okafor", "Legal", 0.0, 0.1);  // no influence: priority 0
  Add("Cleo Ruiz", "Sales", 0.5, 0.1);
  Plan plan = Run();
  ASSERT_EQ(plan.items.size(), 1U);
  EXPECT_EQ(plan.items[0].name, "Cleo Ruiz");
  EXPECT_EQ(plan.candidates, 1U);
}

TEST_F(PlanTest, TalkingPointsMatchTheirNeedsWithMyTeamsOffers) {
  Candidate& ana = Add("Ana Lima", "Finance", 0.8, 0.5);
  auto* person = const_cast<core::Person*>(ana.person);
  person->needs = {"faster month-end close", "cloud cost visibility"};
  person->notes.push_back({At(-40, 9), "daughter started university"});
  person->tags = {"erp-programme", "prefers:walk"};
  request_.my_tags = {"ERP-programme"};
  request_.team_offers.push_back({"Sam Lee", "cloud", 4});
  Plan plan = Run();
  ASSERT_EQ(plan.items.size(), 1U);
  const auto& points = plan.items[0].talking_points;
  ASSERT_GE(points.size(), 4U);
  EXPECT_EQ(points[0], "ask about: daughter started university (noted 2026-10-21)");
  EXPECT_EQ(points[1], "their need \"faster month-end close\": ask how it is going, and listen");
  EXPECT_EQ(points[2],
            "their need \"cloud cost visibility\": offer Sam Lee's cloud (4/5), even if they "
            "decline");
  EXPECT_EQ(points[3], "you share: erp-programme");
  EXPECT_EQ(plan.items[0].setting, Setting::kWalk);
}

TEST(InvitationTest, StatesTheLocalTimeAndTheNoAgendaPurpose) {
  InvitationInput input;
  input.their_name = "Ana Lima";
  input.my_name = "Dana Reyes";
  input.department = "Finance";
  input.setting = Setting::kLunch;
  input.start = At(1, 11);  // Tuesday 11:00 UTC
  input.utc_offset = hours{1};
  EXPECT_EQ(WriteInvitation(input),
            "Hi Ana,\n\nWould you have time for lunch on Tuesday 1 December at 12:00? There is no "
            "agenda: I would simply like to get to know you better and hear how things are going "
            "in Finance. Nothing to prepare.\n\nBest,\nDana");
}

TEST(InvitationTest, PreferenceComesFromTheTag) {
  EXPECT_EQ(PreferenceOf({"vendor", "Prefers:Off-site"}), Setting::kOffsite);
  EXPECT_EQ(PreferenceOf({"prefers:dinner"}), std::nullopt);
  EXPECT_EQ(ParsePreference("after-conference"), std::nullopt);
  EXPECT_EQ(ParsePreference("Coffee"), Setting::kCoffee);
}

}  // namespace
}  // namespace allies::advice
