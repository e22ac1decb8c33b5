// The weekly plan on the demo organization (issue 5): budgets, the department limit, relaxed
// settings, busy time, open asks, and invitations read back by libical and python3-icalendar.
// The demo's "now" is Thursday 26 November 2026, 09:00 UTC (TZ=UTC); the plans are for the next
// week, 2026-W49: Monday 30 November to Friday 4 December.

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <sstream>
#include <thread>

#include <gtest/gtest.h>

#include "core/text.h"
#include "formats/ical.h"
#include "run_allies.h"

namespace allies::testing {
namespace {

using nlohmann::json;

const std::vector<std::string> kWeek = {"plan", "--week", "2026-W49"};

std::vector<std::string> With(std::vector<std::string> args, const std::vector<std::string>& more) {
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

void WriteText(const std::filesystem::path& path, const std::string& text) {
  std::ofstream file(path, std::ios::binary);
  file << text;
}

std::string ReadText(const std::filesystem::path& path) {
  std::ifstream file(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << file.rdbuf();
  return bytes.str();
}

bool SaysNoAgenda(const json& item) {
  return core::FoldCase(item["invitation"].get<std::string>()).find("no agenda") !=
         std::string::npos;
}

class PlanTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    box_ = new Sandbox();
    ASSERT_EQ(box_->Run({"demo"}).exit_code, 0);
  }
  static void TearDownTestSuite() {
    delete box_;
    box_ = nullptr;
  }
  static Sandbox* box_;
};

Sandbox* PlanTest::box_ = nullptr;

TEST_F(PlanTest, RespectsBothBudgetsAndTheDepartmentLimit) {
  for (const auto& budget :
       std::vector<std::pair<std::string, std::string>>{{"3", "10"}, {"1", "2"}, {"10", "4"}}) {
    json plan = box_->Json(With(kWeek, {"--hours", budget.first, "--energy", budget.second}));
    double hours = std::stod(budget.first);
    double energy = std::stod(budget.second);
    ASSERT_FALSE(plan["items"].empty()) << budget.first;
    int minutes_sum = 0;
    double energy_sum = 0;
    std::map<std::string, int> per_department;
    for (const auto& item : plan["items"]) {
      minutes_sum += item["minutes"].get<int>();
      energy_sum += item["energy"].get<double>();
      ++per_department[item["department"].get<std::string>()];
    }
    EXPECT_LE(minutes_sum, hours * 60);
    EXPECT_LE(energy_sum, energy);
    EXPECT_EQ(plan["budget"]["minutes_used"].get<int>(), minutes_sum);
    EXPECT_DOUBLE_EQ(plan["budget"]["energy_left"].get<double>(), energy - energy_sum);
    for (const auto& [department, count] : per_department) {
      EXPECT_LE(count, 2) << department;
    }
  }
}

TEST_F(PlanTest, IsTheSameForTheSameNow) {
  // A run that computes the influence snapshot and one that reuses it plan the same week; only
  // the influence's "snapshot" field (and why it was computed) tells them apart.
  json computed = box_->Json(With(kWeek, {"--fresh-influence"}));
  auto first = box_->Run(With(kWeek, {"--json"}));
  auto second = box_->Run(With(kWeek, {"--json"}));
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_EQ(first.out, second.out);
  json reused = json::parse(first.out);
  EXPECT_EQ(computed["influence"]["snapshot"], "computed");
  EXPECT_EQ(reused["influence"]["snapshot"], "reused");
  EXPECT_EQ(computed["items"], reused["items"]);
  EXPECT_EQ(computed["passed_over"], reused["passed_over"]);
  auto human = box_->Run(kWeek);
  ASSERT_EQ(human.exit_code, 0) << human.err;
  EXPECT_EQ(human.out, box_->Run(kWeek).out);
}

TEST_F(PlanTest, ItemsCarryTheDocumentedFieldsInWorkingHours) {
  json plan = box_->Json(kWeek);
  EXPECT_EQ(plan["week"], "2026-W49");
  EXPECT_EQ(plan["week_start"], "2026-11-30T00:00:00Z");
  EXPECT_EQ(plan["influence"]["scope"], "network");
  ASSERT_FALSE(plan["items"].empty());
  for (const auto& item : plan["items"]) {
    for (const char* key : {"person", "department", "minutes", "energy", "start", "end", "setting",
                            "reasons", "invitation", "talking_points", "warnings"}) {
      EXPECT_TRUE(item.contains(key)) << key;
    }
    // Working hours 09:00-17:00 UTC (TZ=UTC), Monday to Friday of that week.
    std::string start = item["start"];
    std::string end = item["end"];
    EXPECT_GE(start, "2026-11-30T09:00:00Z");
    EXPECT_LE(end, "2026-12-04T17:00:00Z");
    EXPECT_GE(start.substr(11), "09:00:00Z");
    EXPECT_LE(end.substr(11), "17:00:00Z");
    EXPECT_FALSE(item["reasons"].empty());
    EXPECT_NE(item["invitation"].get<std::string>().find("get to know you"), std::string::npos);
  }
}

TEST_F(PlanTest, ProposesRelaxedSettingsOnly) {
  json plan = box_->Json(kWeek);
  for (const auto& item : plan["items"]) {
    EXPECT_TRUE(item["relaxed"].get<bool>()) << item["setting"];
    std::string setting = item["setting"];
    EXPECT_TRUE(setting == "coffee" || setting == "lunch" || setting == "walk") << setting;
    if (setting == "lunch") {
      EXPECT_GE(item["start"].get<std::string>().substr(11), "12:00:00Z");
      EXPECT_LE(item["end"].get<std::string>().substr(11), "14:00:00Z");
    }
  }
}

TEST_F(PlanTest, NeverOverlapsBusyTime) {
  // Busy all of Monday to Thursday, and Friday but for 10:00-11:00 and 14:00-15:30.
  std::string ics =
      "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
      "BEGIN:VEVENT\r\nUID:block-1\r\nDTSTAMP:20261120T000000Z\r\n"
      "DTSTART;VALUE=DATE:20261130\r\nDTEND;VALUE=DATE:20261204\r\nSUMMARY:Budget week\r\n"
      "END:VEVENT\r\n"
      "BEGIN:VEVENT\r\nUID:block-2\r\nDTSTAMP:20261120T000000Z\r\n"
      "DTSTART:20261204T000000Z\r\nDTEND:20261204T100000Z\r\nSUMMARY:Early\r\nEND:VEVENT\r\n"
      "BEGIN:VEVENT\r\nUID:block-3\r\nDTSTAMP:20261120T000000Z\r\n"
      "DTSTART:20261204T110000Z\r\nDTEND:20261204T140000Z\r\nSUMMARY:Steering\r\nEND:VEVENT\r\n"
      "BEGIN:VEVENT\r\nUID:block-4\r\nDTSTAMP:20261120T000000Z\r\n"
      "DTSTART:20261204T153000Z\r\nDTEND:20261205T000000Z\r\nSUMMARY:Late\r\nEND:VEVENT\r\n"
      "END:VCALENDAR\r\n";
  auto busy = box_->dir() / "busy.ics";
  WriteText(busy, ics);
  json plan = box_->Json(With(kWeek, {"--busy", busy.string()}));
  EXPECT_EQ(plan["busy_events"], 4);
  ASSERT_FALSE(plan["items"].empty());
  std::vector<std::pair<std::string, std::string>> slots;
  for (const auto& item : plan["items"]) {
    std::string start = item["start"];
    std::string end = item["end"];
    bool morning = start >= "2026-12-04T10:00:00Z" && end <= "2026-12-04T11:00:00Z";
    bool afternoon = start >= "2026-12-04T14:00:00Z" && end <= "2026-12-04T15:30:00Z";
    EXPECT_TRUE(morning || afternoon) << start << " - " << end;
    for (const auto& [other_start, other_end] : slots) {
      EXPECT_TRUE(end <= other_start || start >= other_end) << start;
    }
    slots.emplace_back(start, end);
  }
  // 2.5 free hours, of which the lunch window holds none: five coffees at most.
  EXPECT_LE(plan["items"].size(), 5U);
}

TEST_F(PlanTest, InvitationsReadBackInLibicalAndPython) {
  auto file = box_->dir() / "invitations.ics";
  auto output = box_->Run(With(kWeek, {"--json", "--ics", file.string()}));
  ASSERT_EQ(output.exit_code, 0) << output.err;
  json plan = json::parse(output.out);
  ASSERT_FALSE(plan["items"].empty());
  std::string text = ReadText(file);

  formats::CalendarOptions options;
  options.since = core::TimePoint{std::chrono::sys_days{std::chrono::year{2026} / 11 / 30}};
  options.until = options.since + std::chrono::days{7};
  auto calendar = formats::ReadCalendar(text, options);
  ASSERT_TRUE(calendar) << calendar.error().message;
  EXPECT_TRUE(calendar->errors.empty());
  ASSERT_EQ(calendar->events.size(), plan["items"].size());
  for (std::size_t i = 0; i < calendar->events.size(); ++i) {
    const auto& event = calendar->events[i];
    const auto& item = plan["items"][i];
    EXPECT_EQ(core::FormatUtc(event.start), item["start"]);
    EXPECT_EQ(core::FormatUtc(event.end), item["end"]);
    EXPECT_EQ(event.description, item["invitation"]);
    ASSERT_TRUE(event.organizer);
    EXPECT_FALSE(event.organizer->email.empty());
    ASSERT_EQ(event.attendees.size(), 1U);
    EXPECT_EQ(event.attendees[0].email, item["person"]["email"]);
    EXPECT_EQ(event.attendees[0].partstat, "NEEDS-ACTION");
  }

  auto plan_file = box_->dir() / "plan.json";
  WriteText(plan_file, output.out);
  auto count_file = box_->dir() / "python-count.txt";
  std::string command = std::string("/usr/bin/python3 ") + ALLIES_TEST_DATA +
                        "/../check_invitations.py " + file.string() + " " + plan_file.string() +
                        " > " + count_file.string();
  ASSERT_EQ(std::system(command.c_str()), 0) << command;
  std::ifstream count(count_file);
  std::size_t events = 0;
  count >> events;
  EXPECT_EQ(events, plan["items"].size());
}

// --- influence over the whole network, from the shared snapshot (README.md, "Influence") -------

std::map<int, double> InfluenceById(const json& report) {
  std::map<int, double> by_id;
  for (const auto& row : report["people"]) {
    by_id[row["person"]["id"].get<int>()] = row["influence"].get<double>();
  }
  return by_id;
}

// Changes the database: its own sandbox.
TEST(PlanInfluenceTest, IsThatOfInfluencersOverTheWholeNetwork) {
  Sandbox box;
  ASSERT_EQ(box.Run({"demo"}).exit_code, 0);
  json plan = box.Json(With(kWeek, {"--hours", "10", "--energy", "40"}));
  const json& influence = plan["influence"];
  EXPECT_EQ(influence["scope"], "network");
  EXPECT_EQ(influence["snapshot"], "computed");
  EXPECT_EQ(influence["recomputed_because"], "no snapshot yet");
  EXPECT_EQ(influence["as_of"], kNow);
  EXPECT_EQ(influence["changes_since"], 0);
  EXPECT_TRUE(influence["estimated"].empty());
  json influencers = box.Json({"influencers", "--top", "100000"});
  EXPECT_EQ(influence["people"], influencers["network"]["people"]);
  EXPECT_EQ(influence["ties"], influencers["network"]["ties"]);
  // The candidates' pool is my neighbourhood, never more than the network.
  EXPECT_GT(plan["neighbourhood"].get<int>(), 0);
  EXPECT_LT(plan["neighbourhood"].get<int>(), influence["people"].get<int>());
  auto by_id = InfluenceById(influencers);
  ASSERT_FALSE(plan["items"].empty());
  for (const auto& item : plan["items"]) {
    int id = item["person"]["id"];
    ASSERT_TRUE(by_id.contains(id)) << id;
    EXPECT_DOUBLE_EQ(item["priority"]["influence"].get<double>(), by_id[id]) << id;
    EXPECT_FALSE(item["influence_estimated"].get<bool>());
  }
  for (const auto& passed : plan["passed_over"]) {
    EXPECT_TRUE(by_id.contains(passed["person"]["id"].get<int>()));
  }
  // `influencers` refreshed the snapshot: the next plan reuses it, and says so.
  json again = box.Json(With(kWeek, {"--hours", "10", "--energy", "40"}));
  EXPECT_EQ(again["influence"]["snapshot"], "reused");
  EXPECT_EQ(again["influence"]["recomputed_because"], nullptr);
  EXPECT_EQ(again["items"], plan["items"]);
  auto human = box.Run(kWeek);
  ASSERT_EQ(human.exit_code, 0) << human.err;
  EXPECT_NE(human.out.find("influence over the whole network (" +
                           std::to_string(influence["people"].get<int>()) + " people, " +
                           std::to_string(influence["ties"].get<int>()) +
                           " ties) as of 2026-11-26 09:00, 0 changes since"),
            std::string::npos)
      << human.out;
}

// Changes the database: its own sandbox.
TEST(PlanInfluenceTest, AWriteKeepsTheSnapshotAndFreshInfluenceRecomputesIt) {
  Sandbox box;
  ASSERT_EQ(box.Run({"demo"}).exit_code, 0);
  json first = box.Json(kWeek);
  ASSERT_EQ(first["influence"]["snapshot"], "computed");
  // One logged lunch: 1 change of a 400-person network, under 1% of it.
  auto logged = box.Run({"log", "lunch", "--with", first["items"][0]["person"]["name"], "--at",
                         "2026-11-25T12:00:00Z"});
  ASSERT_EQ(logged.exit_code, 0) << logged.err;
  json second = box.Json(kWeek);
  EXPECT_EQ(second["influence"]["snapshot"], "reused");
  EXPECT_EQ(second["influence"]["changes_since"], 1);
  EXPECT_EQ(second["influence"]["as_of"], kNow);
  // ask-for uses the same snapshot.
  json asked = box.Json({"ask-for", "budget"});
  EXPECT_EQ(asked["influence"]["snapshot"], "reused");
  EXPECT_EQ(asked["influence"]["changes_since"], 1);
  // --fresh-influence recomputes it (and stores it: the count starts again).
  json fresh = box.Json(With(kWeek, {"--fresh-influence"}));
  EXPECT_EQ(fresh["influence"]["snapshot"], "computed");
  EXPECT_EQ(fresh["influence"]["recomputed_because"], "asked for (--fresh-influence)");
  json third = box.Json(kWeek);
  EXPECT_EQ(third["influence"]["snapshot"], "reused");
  EXPECT_EQ(third["influence"]["changes_since"], 0);
  // Enough changes recompute it too: with a share of 0, any change does.
  ASSERT_EQ(box.Run({"config", "set", "influence.snapshot_max_change", "0"}).exit_code, 0);
  ASSERT_EQ(box.Run({"log", "coffee", "--with", first["items"][0]["person"]["name"], "--at",
                     "2026-11-25T15:00:00Z"})
                .exit_code,
            0);
  json changed = box.Json(kWeek);
  EXPECT_EQ(changed["influence"]["snapshot"], "computed");
  EXPECT_EQ(changed["influence"]["recomputed_because"],
            "1 change since, more than 0% of its 400 people (influence.snapshot_max_change 0)");
  // Eight days on, it is older than influence.snapshot_days (7): recomputed.
  auto late = box.Run({"--json", "--now", "2026-12-04T09:00:00Z", "plan", "--week", "2026-W50"});
  ASSERT_EQ(late.exit_code, 0) << late.err;
  json later = json::parse(late.out);
  EXPECT_EQ(later["influence"]["snapshot"], "computed");
  EXPECT_EQ(later["influence"]["recomputed_because"], "8 days old (influence.snapshot_days 7)");
}

// Changes the database: its own sandbox.
TEST(PlanInfluenceTest, SomeoneAddedSinceTheSnapshotIsEstimatedFromTheirOffers) {
  Sandbox box;
  ASSERT_EQ(box.Run({"demo"}).exit_code, 0);
  ASSERT_EQ(box.Json(kWeek)["influence"]["snapshot"], "computed");
  auto added =
      box.Run({"person", "add", "Zoe Newcomer", "--dept", "Newcomers", "--offer", "quantum=5"});
  ASSERT_EQ(added.exit_code, 0) << added.err;
  // Met once a month ago (so that she is in my neighbourhood and not resting).
  ASSERT_EQ(
      box.Run({"log", "call", "--with", "Zoe Newcomer", "--at", "2026-10-20T10:00:00Z"}).exit_code,
      0);
  json plan = box.Json(With(kWeek, {"--hours", "40", "--energy", "200"}));
  EXPECT_EQ(plan["influence"]["snapshot"], "reused");
  EXPECT_EQ(plan["influence"]["changes_since"], 2);
  ASSERT_EQ(plan["influence"]["estimated"].size(), 1u);
  const int zoe = plan["influence"]["estimated"][0];
  bool planned = false;
  for (const auto& item : plan["items"]) {
    if (item["person"]["id"] != zoe) continue;
    planned = true;
    EXPECT_TRUE(item["influence_estimated"].get<bool>());
    // 0.3 × her best offer (5) / 5; both centrality percentiles taken as 0.
    EXPECT_DOUBLE_EQ(item["priority"]["influence"].get<double>(), 0.3);
  }
  EXPECT_TRUE(planned) << plan.dump(1);
}

// Holds the sandbox database's influence lock, as a refresh at work in another process would.
class HeldLock {
 public:
  explicit HeldLock(const Sandbox& box) {
    const std::string path = box.db().string() + "-work.lock";
    fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    EXPECT_GE(fd_, 0) << path;
    EXPECT_EQ(::flock(fd_, LOCK_EX | LOCK_NB), 0) << path;
  }
  ~HeldLock() {
    if (fd_ >= 0) ::close(fd_);
  }
  HeldLock(const HeldLock&) = delete;
  HeldLock& operator=(const HeldLock&) = delete;

 private:
  int fd_ = -1;
};

// Polls `allies influence status` (which starts nothing itself) until `done` holds, for at most
// 60 s: a background refresh of the 400-person demo takes well under a second.
json AwaitStatus(const Sandbox& box, const std::vector<std::string>& now,
                 const std::function<bool(const json&)>& done) {
  json status;
  for (int attempt = 0; attempt < 600; ++attempt) {
    status = box.Json(With(now, {"influence", "status"}));
    if (done(status)) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return status;
}

// Changes the database, and starts background processes: its own sandbox, waited for.
TEST(PlanInfluenceTest, ALargeNetworkRefreshesTheSnapshotInTheBackground) {
  Sandbox box;
  ASSERT_EQ(box.Run({"demo"}).exit_code, 0);
  // 400 people are under influence.background_people (2000): nothing was started.
  json none = box.Json({"influence", "status"});
  EXPECT_EQ(none["stored"], false);
  EXPECT_EQ(none["advice_commands"], "compute");
  EXPECT_EQ(none["refreshing"], false);
  // From 100 people on, the demo counts as large: the command that sets it finds the snapshot
  // missing and starts a refresh in the background, which stores one for kNow.
  auto set = box.Run({"config", "set", "influence.background_people", "100"});
  ASSERT_EQ(set.exit_code, 0) << set.err;
  json computed = AwaitStatus(box, {}, [](const json& s) { return s["stored"] == true; });
  ASSERT_EQ(computed["stored"], true) << computed.dump();
  EXPECT_EQ(computed["background_error"], nullptr);
  EXPECT_EQ(computed["as_of"], kNow);
  EXPECT_EQ(computed["advice_commands"], "reuse");
  EXPECT_EQ(computed["stale_because"], nullptr);
  json plan = box.Json(kWeek);
  EXPECT_EQ(plan["influence"]["snapshot"], "reused");
  EXPECT_EQ(plan["influence"]["stale_because"], nullptr);

  // Eight days on, it is outdated: the plan answers from it at once and says so. While this
  // test holds the lock, as a refresh at work would, the refreshes the runs start leave the work
  // to it, so the snapshot stays outdated for both runs.
  const std::vector<std::string> later = {"--now", "2026-12-04T09:00:00Z"};
  {
    HeldLock held(box);
    json stale = box.Json(With(later, {"plan", "--week", "2026-W50"}));
    EXPECT_EQ(stale["influence"]["snapshot"], "reused");
    EXPECT_EQ(stale["influence"]["as_of"], kNow);
    EXPECT_EQ(stale["influence"]["stale_because"], "8 days old (influence.snapshot_days 7)");
    auto human = box.Run(With(later, {"plan", "--week", "2026-W50"}));
    EXPECT_NE(human.out.find("outdated, 8 days old (influence.snapshot_days 7): being "
                             "recomputed in the background"),
              std::string::npos)
        << human.out;
    json busy = box.Json(With(later, {"influence", "status"}));
    EXPECT_EQ(busy["refreshing"], true);
    EXPECT_EQ(busy["advice_commands"], "reuse while refreshed");
    EXPECT_EQ(busy["as_of"], kNow);
  }
  // Let go: the next command that finds it outdated starts the refresh, which stores a snapshot
  // for that day.
  json again = box.Json(With(later, {"plan", "--week", "2026-W50"}));
  EXPECT_EQ(again["influence"]["stale_because"], "8 days old (influence.snapshot_days 7)");
  json refreshed =
      AwaitStatus(box, later, [](const json& s) { return s["as_of"] == "2026-12-04T09:00:00Z"; });
  EXPECT_EQ(refreshed["as_of"], "2026-12-04T09:00:00Z") << refreshed.dump();
  EXPECT_EQ(refreshed["stale_because"], nullptr);
  json fresh = box.Json(With(later, {"plan", "--week", "2026-W50"}));
  EXPECT_EQ(fresh["influence"]["snapshot"], "reused");
  EXPECT_EQ(fresh["influence"]["as_of"], "2026-12-04T09:00:00Z");
  EXPECT_EQ(fresh["influence"]["stale_because"], nullptr);
}

// Starts background processes: its own sandbox.
TEST(PlanInfluenceTest, WithoutAUsableSnapshotThePlanWaitsForTheRecomputationInProgress) {
  Sandbox box;
  ASSERT_EQ(box.Run({"demo"}).exit_code, 0);
  json waited;
  {
    // "Another process" (this test) is recomputing influence; the refresh `config set` starts
    // leaves the work to it.
    auto held = std::make_unique<HeldLock>(box);
    ASSERT_EQ(box.Run({"config", "set", "influence.background_people", "100"}).exit_code, 0);
    std::thread plan([&] { waited = box.Json(kWeek); });
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    held.reset();  // done (without storing anything): the plan computes influence itself
    plan.join();
  }
  EXPECT_EQ(waited["influence"]["snapshot"], "computed");
  EXPECT_EQ(waited["influence"]["recomputed_because"], "no snapshot yet");
  EXPECT_GE(waited["influence"]["waited_seconds"].get<double>(), 0.4);
  // Not waiting when nobody is computing.
  EXPECT_EQ(box.Json(kWeek)["influence"]["waited_seconds"], 0);
}

// Starts a background process that fails: its own sandbox.
TEST(PlanInfluenceTest, ABackgroundRefreshThatFailsSaysWhyInTheStatus) {
  Sandbox box;
  ASSERT_EQ(box.Run({"demo"}).exit_code, 0);
  // A directory where the lock file goes: the refresh cannot open it and fails. Commands go on
  // without the lock (it only saves work).
  const std::string lock = box.db().string() + "-work.lock";
  std::filesystem::create_directory(lock);
  ASSERT_EQ(box.Run({"config", "set", "influence.background_people", "100"}).exit_code, 0);
  json failed =
      AwaitStatus(box, {}, [](const json& s) { return !s["background_error"].is_null(); });
  ASSERT_FALSE(failed["background_error"].is_null()) << failed.dump();
  EXPECT_EQ(failed["background_error"],
            "error: cannot open the lock file \"" + lock + "\": Is a directory");
  EXPECT_EQ(failed["stored"], false);
  auto human = box.Run({"influence", "status"});
  EXPECT_NE(human.out.find("the last refresh in the background failed: error: cannot open the "
                           "lock file"),
            std::string::npos)
      << human.out;
  // The plan still works, computing influence itself.
  json plan = box.Json(kWeek);
  EXPECT_EQ(plan["influence"]["snapshot"], "computed");
  // Once a refresh succeeds, its empty log says nothing any more.
  std::filesystem::remove(lock);
  auto later = box.Run({"--now", "2026-12-04T09:00:00Z", "config", "get", "tie.half_life_days"});
  ASSERT_EQ(later.exit_code, 0) << later.err;
  json fixed = AwaitStatus(box, {"--now", "2026-12-04T09:00:00Z"},
                           [](const json& s) { return s["as_of"] == "2026-12-04T09:00:00Z"; });
  EXPECT_EQ(fixed["as_of"], "2026-12-04T09:00:00Z") << fixed.dump();
  EXPECT_EQ(fixed["background_error"], nullptr);
}

TEST(PlanInfluenceTest, TheRefreshCommandComputesWaitsOrLeavesItToTheProcessAtWork) {
  Sandbox box;
  ASSERT_EQ(box.Run({"demo"}).exit_code, 0);
  json first = box.Json({"influence", "refresh", "--if-due"});
  EXPECT_EQ(first["computed"], true);
  EXPECT_EQ(first["because"], "no snapshot yet");
  EXPECT_EQ(first["people"], 400);
  EXPECT_GT(first["seconds"].get<double>(), 0);
  json current = box.Json({"influence", "refresh", "--if-due"});
  EXPECT_EQ(current["computed"], false);
  EXPECT_EQ(current["because"], "current");
  auto human = box.Run({"influence", "refresh"});
  ASSERT_EQ(human.exit_code, 0) << human.err;
  EXPECT_NE(human.out.find("influence recomputed over 400 people and "), std::string::npos)
      << human.out;
  EXPECT_NE(human.out.find(" s (asked for)\n"), std::string::npos) << human.out;
  // While another process holds the lock (this test, as a refresh would), status says so and
  // --no-wait leaves the work to it.
  {
    HeldLock held(box);
    EXPECT_EQ(box.Json({"influence", "status"})["refreshing"], true);
    json busy = box.Json({"influence", "refresh", "--no-wait"});
    EXPECT_EQ(busy["computed"], false);
    EXPECT_EQ(busy["because"], "another process is computing it");
    auto text = box.Run({"influence", "refresh", "--no-wait"});
    EXPECT_EQ(text.out, "influence not recomputed: another process is computing it\n");
  }
  EXPECT_EQ(box.Json({"influence", "status"})["refreshing"], false);
  auto bare = box.Run({"influence"});
  EXPECT_EQ(bare.exit_code, 2);
  EXPECT_NE(bare.err.find("subcommand"), std::string::npos) << bare.err;
}

TEST(PlanInfluenceTest, TheRemovedPlanKeyIsUnknown) {
  Sandbox box;
  ASSERT_EQ(box.Run({"demo", "--people", "60"}).exit_code, 0);
  auto set = box.Run({"config", "set", "plan.full_influence_people", "100"});
  EXPECT_NE(set.exit_code, 0);
  EXPECT_NE(set.err.find("unknown configuration key \"plan.full_influence_people\""),
            std::string::npos)
      << set.err;
}

// Changes the database: its own sandbox.
TEST(PlanAskTest, AnOpenAskIsWarnedAboutAndNeverCalledNoAgenda) {
  Sandbox box;
  ASSERT_EQ(box.Run({"demo"}).exit_code, 0);
  json before = box.Json(kWeek);
  ASSERT_FALSE(before["items"].empty());
  // Someone planned without an ask; ask them for something now.
  std::string target;
  for (const auto& item : before["items"]) {
    if (!item["open_ask"].get<bool>()) {
      target = std::to_string(item["person"]["id"].get<int>());
      break;
    }
  }
  ASSERT_FALSE(target.empty());
  auto asked = box.Run({"withdraw", target, "small-ask", "--note", "a reference for the audit"});
  ASSERT_EQ(asked.exit_code, 0) << asked.err;
  json after = box.Json(kWeek);
  bool found = false;
  for (const auto& item : after["items"]) {
    // Whoever has an open ask is never invited to a "no agenda" meeting, and the rest are.
    EXPECT_EQ(item["open_ask"].get<bool>(), !SaysNoAgenda(item)) << item["invitation"];
    if (std::to_string(item["person"]["id"].get<int>()) != target) continue;
    found = true;
    EXPECT_TRUE(item["open_ask"].get<bool>());
    EXPECT_NE(item["invitation"].get<std::string>().find("a reference for the audit"),
              std::string::npos);
    ASSERT_FALSE(item["warnings"].empty());
    EXPECT_NE(item["warnings"][0].get<std::string>().find("not a no-agenda meeting"),
              std::string::npos);
    EXPECT_DOUBLE_EQ(item["priority"]["relevance"].get<double>(), 1.0);
  }
  // The ask doubles their priority, so they stay in the plan.
  EXPECT_TRUE(found);
}

TEST(PlanPreferenceTest, AStatedPreferenceWinsAndIsValidated) {
  Sandbox box;
  ASSERT_EQ(box.Run({"demo"}).exit_code, 0);
  json before = box.Json(kWeek);
  ASSERT_FALSE(before["items"].empty());
  std::string target = std::to_string(before["items"][0]["person"]["id"].get<int>());
  auto bad = box.Run({"person", "edit", target, "--prefers", "brunch"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_EQ(bad.err,
            "error: --prefers \"brunch\" is not a setting (expected one of coffee, lunch, walk, "
            "offsite, call, video, or none)\n");
  ASSERT_EQ(box.Run({"person", "edit", target, "--prefers", "walk"}).exit_code, 0);
  json person = box.Json({"show", target});
  int prefers = 0;
  for (const auto& tag : person["tags"]) prefers += tag == "prefers:walk" ? 1 : 0;
  EXPECT_EQ(prefers, 1);
  json after = box.Json(kWeek);
  bool found = false;
  for (const auto& item : after["items"]) {
    if (std::to_string(item["person"]["id"].get<int>()) == target) {
      found = true;
      EXPECT_EQ(item["setting"], "walk");
    }
  }
  EXPECT_TRUE(found);
}

TEST_F(PlanTest, BadValuesAreRefusedWithAMessage) {
  auto week = box_->Run({"plan", "--week", "2026-W60"});
  EXPECT_EQ(week.exit_code, 2);
  EXPECT_EQ(week.err,
            "error: --week \"2026-W60\" has no such week: 2026 has weeks 1 to 53 (expected "
            "YYYY-Www, e.g. 2026-W49)\n");
  auto hours = box_->Run({"plan", "--hours", "-1"});
  EXPECT_EQ(hours.exit_code, 2);
  EXPECT_EQ(hours.err, "error: --hours -1 is out of range (expected 0 to 168)\n");
  auto missing = box_->Run({"plan", "--busy", "nowhere.ics"});
  EXPECT_EQ(missing.exit_code, 5);
  EXPECT_EQ(missing.err, "error: cannot read --busy file \"nowhere.ics\"\n");
}

}  // namespace
}  // namespace allies::testing

namespace allies::testing {
namespace {

// An ask recorded with `allies ask` long ago and still pending is open: the plan warns.
TEST(PlanAskTest, AnOldPendingRecordedAskStillCounts) {
  Sandbox box;
  ASSERT_EQ(box.Run({"demo"}).exit_code, 0);
  json before = box.Json({"plan", "--week", "2026-W49"});
  ASSERT_FALSE(before["items"].empty());
  std::string target;
  for (const auto& item : before["items"]) {
    if (!item["open_ask"].get<bool>()) {
      target = std::to_string(item["person"]["id"].get<int>());
      break;
    }
  }
  ASSERT_FALSE(target.empty());
  // Ninety days before the sandbox's now: outside the 30-day window, but never answered.
  auto asked =
      box.Run({"--now", "2026-08-28T09:00:00Z", "ask", target, "budget for the SIEM pilot"});
  ASSERT_EQ(asked.exit_code, 0) << asked.err;
  json after = box.Json({"plan", "--week", "2026-W49"});
  bool found = false;
  for (const auto& item : after["items"]) {
    if (std::to_string(item["person"]["id"].get<int>()) != target) continue;
    found = true;
    EXPECT_TRUE(item["open_ask"].get<bool>());
    EXPECT_NE(item["invitation"].get<std::string>().find("budget for the SIEM pilot"),
              std::string::npos)
        << item["invitation"];
  }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace allies::testing
