#pragma once
// The weekly plan (DESIGN.md §3, "Priority this week"; README.md, "The weekly plan"): whom to
// meet this week, in what setting, when, how to invite them and what to talk about, under a time
// and an energy budget. Pure: everything comes in a PlanRequest, a snapshot the app layer takes;
// no store, no files, no clock and no time zones (the caller resolves local times to UTC).

#include <chrono>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"
#include "scoring/balance.h"
#include "scoring/params.h"

namespace allies::advice {

// Where a meeting happens. All but call and video are relaxed (DESIGN.md §3).
enum class Setting { kCoffee, kLunch, kWalk, kOffsite, kAfterConference, kCall, kVideo };

// "coffee", "lunch", "walk", "offsite", "after-conference", "call", "video".
std::string_view Name(Setting setting);
bool IsRelaxed(Setting setting);

// What a person may prefer (`person --prefers`): every setting but after-conference; "off-site"
// is read as offsite. Case-insensitive. nullopt for anything else.
std::optional<Setting> ParsePreference(std::string_view text);
// "coffee, lunch, walk, offsite, call, video": for error messages.
std::string_view PreferenceNames();

// A preference is kept as the tag "prefers:<setting>".
inline constexpr std::string_view kPrefersTag = "prefers:";
// The preference a person's tags state (the first "prefers:" tag that names a setting).
std::optional<Setting> PreferenceOf(const std::vector<std::string>& tags);

// Minutes and energy of a setting, from plan.<setting>_minutes and _energy (video costs what a
// call costs).
int MinutesOf(Setting setting, const scoring::Params& params);
double EnergyOf(Setting setting, const scoring::Params& params);

// [start, end) in UTC.
struct Interval {
  core::TimePoint start{};
  core::TimePoint end{};
  bool Overlaps(const Interval& other) const { return start < other.end && other.start < end; }
};

// One working day of the week, its local hours already resolved to UTC by the caller.
struct WorkDay {
  core::Date date{};                   // the local date
  Interval work;                       // working hours
  Interval lunch;                      // when a lunch may take place
  std::chrono::seconds utc_offset{0};  // local time = UTC + offset on that day (for the texts)
};

// A conference in my calendar that week: its end is a natural time to meet someone.
struct Conference {
  std::string name;
  Interval when;
  std::vector<std::string> attendee_emails;  // lower-case
};

// An ask of mine that is open or recent: today, a withdrawal (small ask, favor asked,
// escalation) of the last plan.open_ask_days days; later also the asks the ask advisor records.
struct OpenAsk {
  core::PersonId person;
  core::TimePoint at{};
  std::string kind;  // "small-ask", "favor-asked", "escalation", ...
  std::string text;  // what was asked; may be empty
};

// Something my team or I can offer, to match with a person's needs.
struct TeamOffer {
  std::string member;  // a name; "you" for me
  std::string key;
  int rating = 0;
};

// One person who could be in the plan. `person` is borrowed and must outlive the call.
struct Candidate {
  const core::Person* person = nullptr;
  std::string org;                     // organization name, may be empty
  double influence = 0;                // [0, 1], DESIGN.md §3
  double strength = 0;                 // my tie strength, 0 when there is none
  double overdue = 0;                  // [0, 1], scoring::Risk::overdue
  std::optional<double> days_since;    // since my last contact
  std::optional<double> cadence_days;  // the tie's cadence, when it has one
  std::optional<scoring::Balance> balance;
  std::vector<const core::Interaction*> recent;  // my last interactions with them, newest first
};

struct PlanRequest {
  std::string week;            // "2026-W49", for the texts and the output
  std::vector<WorkDay> days;   // the working days, in order
  std::vector<Interval> busy;  // never overlapped (conferences included)
  std::vector<Conference> conferences;
  core::TimePoint now{};  // no slot starts before this
  std::string my_name;
  std::vector<std::string> my_tags;  // for shared interests
  std::vector<TeamOffer> team_offers;
  std::vector<OpenAsk> asks;  // mine, with anyone
  double budget_minutes = 0;
  double budget_energy = 0;
  const scoring::Params* params = nullptr;  // required
};

// Why someone ranks where they do.
struct Priority {
  double influence = 0;
  double room_to_grow = 0;  // 1 - S
  double overdue = 0;
  double relevance = 0;  // to my open asks, [0, 1]
  double value = 0;      // P = influence × max(1 - S, overdue) × (1 + relevance)
};

struct PlanItem {
  core::PersonId person;
  std::string name;
  std::string department;
  std::string org;
  std::string email;  // the first one, empty when none is known
  Priority priority;
  double cost = 0;  // minutes / budget minutes + energy / budget energy
  Setting setting = Setting::kCoffee;
  std::string conference;  // the conference, when after-conference
  int minutes = 0;
  double energy = 0;
  Interval slot;
  std::vector<std::string> reasons;
  std::string invitation;
  std::vector<std::string> talking_points;
  std::vector<std::string> warnings;
  bool open_ask = false;  // I have an open or recent ask with them
};

// A high-priority candidate that did not make it, and why.
struct PassedOver {
  core::PersonId person;
  std::string name;
  double priority = 0;
  std::string why;  // "department limit", "over the time budget", "no free slot", ...
};

struct Plan {
  std::string week;
  double budget_minutes = 0;
  double budget_energy = 0;
  int minutes_used = 0;
  double energy_used = 0;
  std::size_t candidates = 0;           // people with a priority above zero
  std::vector<PlanItem> items;          // in time order
  std::vector<PassedOver> passed_over;  // the first few, highest priority first
};

// The priority of one candidate given my open asks (DESIGN.md §3). Relevance is 1 when I have an
// open ask with them, else the best rating / 5 of an offer of theirs whose key appears in the
// text of an open ask of mine with someone else, else 0. O(asks × offers).
Priority PriorityOf(const Candidate& candidate, std::span<const OpenAsk> asks);

// Chooses the week's meetings (README.md, "The weekly plan"):
//  - candidates with a priority above zero, not met in the last plan.rest_days days, ranked by
//    priority / cost, where cost = minutes / budget minutes + energy / budget energy of the
//    setting proposed; ties by priority, then id;
//  - taken greedily while both budgets hold, at most plan.per_department per department (people
//    without one are grouped by organization), each in a free slot;
//  - setting: the person's preference; else after a conference they attend that week; else
//    lunch for an established tie (S >= 0.5) and coffee for a new, weak or lapsed one; when no
//    slot is free for the default, the other relaxed settings are tried (coffee, lunch, walk);
//  - slots: lunch at the start of the lunch window; coffee, walk, calls and off-sites in working
//    hours outside it, as close as possible to the middle of the morning or of the afternoon; a
//    slot back to back with another item counts an hour further; after a conference at its end
//    (or the end of the working day for an all-day one); on a 30-minute grid, never before
//    `now`, never overlapping a busy interval or another item; on the day with the fewest items
//    so far, then the least busy time in working hours, then the earliest.
// Deterministic: the same request and candidates give the same plan. O(n log n) for n
// candidates, plus O(days × grid × (busy + items)) per item placed.
Plan MakePlan(const PlanRequest& request, std::span<const Candidate> candidates);

}  // namespace allies::advice
