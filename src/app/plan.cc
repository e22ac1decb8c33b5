// The weekly plan (issue 5): the app layer takes the snapshot advice::MakePlan needs — the week
// in the user's time zone, busy time from calendar files, candidates with their influence, tie,
// balance and recent interactions, my open asks and my team's offers — and turns the plan's
// invitations into an iCalendar file on request.

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

#include <date/tz.h>
#include <fmt/format.h>

#include "advice/invitation.h"
#include "advice/week.h"
#include "app/app.h"
#include "app/influence_snapshot.h"
#include "app/internal.h"
#include "app/open_asks.h"
#include "app/plan_influence.h"
#include "app/transaction.h"
#include "core/names.h"
#include "core/text.h"
#include "formats/ical.h"
#include "formats/ical_writer.h"

namespace allies::app {

using core::ErrorCode;
using core::Fail;

namespace {

using std::chrono::days;
using std::chrono::minutes;

constexpr int kRecentKept = 2;  // interactions per person the talking points may quote

// Words that make a calendar event a conference, after which one can meet people.
constexpr std::array<std::string_view, 8> kConferenceWords = {
    "conference", "summit", "meetup", "expo", "congress", "symposium", "convention", "forum"};

// Local wall-clock time of `date` plus `hours` in `zone`, as UTC. A time that does not exist
// (the hour skipped when clocks go forward) is read as the earliest instant after it; one that
// happens twice, as the first.
core::TimePoint ToUtc(const date::time_zone* zone, core::Date day, double hours) {
  auto local = date::local_seconds{std::chrono::sys_days{day}.time_since_epoch()} +
               minutes{std::lround(hours * 60)};
  return std::chrono::floor<std::chrono::seconds>(zone->to_sys(local, date::choose::earliest));
}

// A word of the summary or location starting with one of kConferenceWords ("conferences" too).
bool IsConference(const formats::CalendarEvent& event) {
  const std::string words = core::WordText(event.summary + " " + event.location);
  return std::any_of(kConferenceWords.begin(), kConferenceWords.end(), [&](std::string_view w) {
    std::string start(1, ' ');
    start.append(w);
    return words.find(start) != std::string::npos;
  });
}

// Whether I declined `event`: then it is not busy time.
bool Declined(const formats::CalendarEvent& event, const core::Person& me) {
  for (const auto& attendee : event.attendees) {
    if (attendee.partstat != "DECLINED") continue;
    for (const auto& email : me.emails) {
      if (core::FoldCase(email.address) == attendee.email) return true;
    }
  }
  return false;
}

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    return Fail(ErrorCode::kIo, fmt::format("cannot read --busy file {}", internal::Quote(path)));
  }
  std::ostringstream bytes;
  bytes << file.rdbuf();
  return bytes.str();
}

struct Week {
  advice::IsoWeek iso;
  core::TimePoint start;
  core::TimePoint end;
  std::vector<advice::WorkDay> days;
};

Week MakeWeek(advice::IsoWeek iso, const date::time_zone* zone, const scoring::Params& params) {
  Week week;
  week.iso = iso;
  core::Date monday = advice::MondayOf(iso);
  week.start = ToUtc(zone, monday, 0);
  week.end = ToUtc(zone, core::Date{std::chrono::sys_days{monday} + days{7}}, 0);
  for (int d = 0; d < static_cast<int>(params.plan_work_days); ++d) {
    core::Date date{std::chrono::sys_days{monday} + days{d}};
    advice::WorkDay day;
    day.date = date;
    day.work = {ToUtc(zone, date, params.plan_work_start_hour),
                ToUtc(zone, date, params.plan_work_end_hour)};
    day.lunch = {ToUtc(zone, date, params.plan_lunch_start_hour),
                 ToUtc(zone, date, params.plan_lunch_end_hour)};
    day.utc_offset = zone->get_info(day.work.start).offset;
    week.days.push_back(day);
  }
  return week;
}

// This week, or the next one once the last working day of this one is over.
Week DefaultWeek(core::TimePoint now, const date::time_zone* zone, const scoring::Params& params) {
  auto local = zone->to_local(now);
  core::Date today{std::chrono::sys_days{std::chrono::floor<days>(local).time_since_epoch()}};
  Week week = MakeWeek(advice::IsoWeekOf(today), zone, params);
  if (!week.days.empty() && now < week.days.back().work.end) return week;
  core::Date next{std::chrono::sys_days{advice::MondayOf(week.iso)} + days{7}};
  return MakeWeek(advice::IsoWeekOf(next), zone, params);
}

Result<double> Budget(std::optional<double> given, double fallback, std::string_view option,
                      double max) {
  double value = given.value_or(fallback);
  if (!(value >= 0 && value <= max)) {
    return Fail(ErrorCode::kInvalidArgument,
                fmt::format("{} {} is out of range (expected 0 to {})", option, value, max));
  }
  return value;
}

std::string Summary(const advice::PlanItem& item, const std::string& my_name) {
  std::string what;
  switch (item.setting) {
    case advice::Setting::kCoffee:
      what = "Coffee";
      break;
    case advice::Setting::kLunch:
      what = "Lunch";
      break;
    case advice::Setting::kWalk:
      what = "Walk";
      break;
    case advice::Setting::kOffsite:
      what = "Off-site";
      break;
    case advice::Setting::kAfterConference:
      what = "After " + item.conference;
      break;
    case advice::Setting::kCall:
      what = "Call";
      break;
    case advice::Setting::kVideo:
      what = "Video call";
      break;
  }
  return fmt::format("{}: {} and {}", what, my_name, item.name);
}

}  // namespace

Result<PlanView> App::Plan(const PlanInput& input) {
  ALLIES_TRY(double waited, internal::AwaitInfluenceRefresh(store_, now_, input.fresh_influence));
  return InTransaction([&]() -> Result<PlanView> {
    ALLIES_TRY(auto me, internal::RequireMe(store_));
    ALLIES_TRY(auto params, internal::LoadParams(store_));
    ALLIES_TRY(double hours, Budget(input.hours, params.plan_hours, "--hours", 168));
    ALLIES_TRY(double energy, Budget(input.energy, params.plan_energy, "--energy", 1000));
    const date::time_zone* zone = nullptr;
    try {
      zone = date::locate_zone(input.zone);
    } catch (const std::exception&) {
      return Fail(ErrorCode::kInvalidArgument,
                  fmt::format("time zone {} is not known (expected an IANA name such as "
                              "Europe/Paris; set TZ)",
                              internal::Quote(input.zone)));
    }
    Week week;
    if (input.week) {
      ALLIES_TRY(auto iso, advice::ParseIsoWeek(*input.week));
      week = MakeWeek(iso, zone, params);
    } else {
      week = DefaultWeek(now_, zone, params);
    }

    store::PersonFilter team_filter;
    team_filter.only_team = true;
    ALLIES_TRY(auto team, store_.ListPeople(team_filter));
    std::vector<core::PersonId> seeds{me};
    for (const auto& member : team) seeds.push_back(member.id);
    ALLIES_TRY(auto network,
               internal::LoadPlanNetwork(store_, seeds, now_, params, input.fresh_influence));
    const internal::Directory& directory = network.directory;
    const core::Person& me_person = directory.people.at(me);

    PlanView view;
    view.me = directory.Ref(me);
    view.zone = input.zone;
    view.week_start = week.start;
    view.week_end = week.end;
    view.influence = network.source;
    view.influence.waited_seconds = waited;
    view.neighbourhood = network.neighbourhood;

    advice::PlanRequest request;
    request.week = advice::FormatIsoWeek(week.iso);
    request.days = week.days;
    request.now = now_;
    request.my_name = me_person.name;
    request.my_tags = me_person.tags;
    request.budget_minutes = hours * 60;
    request.budget_energy = energy;
    request.params = &params;

    for (const auto& path : input.busy_files) {
      ALLIES_TRY(auto bytes, ReadFile(path));
      formats::CalendarOptions options;
      options.since = week.start;
      options.until = week.end;
      options.default_zone = input.zone;
      auto file = formats::ReadCalendar(bytes, options);
      if (!file) return Fail(file.error().code, fmt::format("{}: {}", path, file.error().message));
      for (const auto& error : file->errors) {
        view.warnings.push_back(
            fmt::format("{}:{}: event left out: {}", path, error.line, error.message));
      }
      for (const auto& unknown : file->unknown_zones) {
        view.warnings.push_back(fmt::format("{}: unknown time zone {} read as {}", path,
                                            internal::Quote(unknown), input.zone));
      }
      for (const auto& event : file->events) {
        if (Declined(event, me_person) || event.end <= event.start) continue;
        request.busy.push_back({event.start, event.end});
        ++view.busy_events;
        if (IsConference(event)) {
          advice::Conference conference;
          conference.name = event.summary;
          conference.when = {event.start, event.end};
          for (const auto& attendee : event.attendees) {
            if (!attendee.email.empty()) conference.attendee_emails.push_back(attendee.email);
          }
          if (event.organizer && !event.organizer->email.empty()) {
            conference.attendee_emails.push_back(event.organizer->email);
          }
          view.conferences.push_back(conference.name);
          request.conferences.push_back(std::move(conference));
        }
      }
    }

    // What my team and I can offer, for the talking points.
    for (const auto& offer : me_person.offers) {
      request.team_offers.push_back({"you", offer.key, offer.rating});
    }
    for (const auto& member : team) {
      for (const auto& offer : member.offers) {
        request.team_offers.push_back({member.name, offer.key, offer.rating});
      }
    }
    ALLIES_TRY(request.asks, internal::OpenAsks(store_, me, now_, params));

    ALLIES_TRY(auto ties, internal::ComputeTies(store_, directory, me, now_, params));
    ALLIES_TRY(auto balances, internal::ComputeBalances(store_, me, now_, params));
    store::InteractionFilter mine;
    mine.attendee = me;
    mine.until = now_;
    ALLIES_TRY(auto interactions, store_.ListInteractions(mine));
    std::unordered_map<core::PersonId, std::vector<const core::Interaction*>> recent;
    // Newest first: the list is in time order.
    for (auto it = interactions.rbegin(); it != interactions.rend(); ++it) {
      for (core::PersonId other : it->attendees) {
        auto& list = recent[other];
        if (other != me && list.size() < kRecentKept) list.push_back(&*it);
      }
    }

    std::vector<advice::Candidate> candidates;
    candidates.reserve(network.influence.size());
    for (const auto& [id, influence] : network.influence) {
      auto found = directory.people.find(id);
      if (found == directory.people.end()) continue;
      const core::Person& person = found->second;
      if (person.is_me || person.is_team || person.stamps.deleted_at) continue;
      advice::Candidate candidate;
      candidate.person = &person;
      candidate.org = directory.OrgName(person.org);
      candidate.influence = influence;
      if (const TieView* tie = ties.Find(id)) {
        candidate.strength = tie->tie.strength;
        candidate.overdue = tie->risk.overdue;
        candidate.days_since = tie->risk.days_since;
        candidate.cadence_days = tie->risk.cadence_days;
      }
      if (auto balance = balances.find(id); balance != balances.end()) {
        candidate.balance = balance->second;
      }
      if (auto list = recent.find(id); list != recent.end()) candidate.recent = list->second;
      candidates.push_back(std::move(candidate));
    }
    // The map's order is not stable across runs; the plan breaks ties by id, but keep the input
    // ordered too.
    std::sort(candidates.begin(), candidates.end(),
              [](const advice::Candidate& a, const advice::Candidate& b) {
                return a.person->id < b.person->id;
              });
    view.plan = advice::MakePlan(request, candidates);

    if (input.ics) {
      std::vector<formats::Invitation> invitations;
      std::string my_email = me_person.emails.empty() ? "" : me_person.emails.front().address;
      for (const auto& item : view.plan.items) {
        formats::Invitation invitation;
        invitation.uid = fmt::format("allies-plan-{}-{}@allies", view.plan.week, item.person.value);
        invitation.start = item.slot.start;
        invitation.end = item.slot.end;
        invitation.summary = Summary(item, me_person.name);
        invitation.description = item.invitation;
        invitation.organizer = {me_person.name, my_email};
        invitation.attendees.push_back({item.name, item.email});
        invitation.status = "TENTATIVE";
        invitation.sequence = 0;
        invitations.push_back(std::move(invitation));
      }
      view.ics = formats::WriteInvitations(invitations, now_, "-//Allies//Weekly plan//EN");
      if (my_email.empty() && !invitations.empty()) {
        view.warnings.push_back(
            "you have no email address: the invitations have no organizer (`allies person edit "
            "me --email ...`)");
      }
    }
    return view;
  });
}

}  // namespace allies::app
