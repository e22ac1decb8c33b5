#include "advice/plan.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "advice/invitation.h"
#include "core/names.h"
#include "core/text.h"

namespace allies::advice {

namespace {

using std::chrono::minutes;

constexpr minutes kGrid{30};
constexpr std::size_t kPassedOverShown = 5;
// From this strength a tie is established enough for a lunch; below it, a new, weak or lapsed
// tie is offered a coffee, which is easier to accept (and, being cheaper, competes fairly with
// the strangers a plan is otherwise full of).
constexpr double kEstablishedTie = 0.5;
// A slot that touches another item of the plan counts as this much further from its ideal time:
// two meetings back to back are tiring, and leave no time to write down what was said.
constexpr minutes kBackToBackPenalty{60};

struct SettingName {
  Setting setting;
  std::string_view name;
};
constexpr std::array kSettingNames = {
    SettingName{Setting::kCoffee, "coffee"},
    SettingName{Setting::kLunch, "lunch"},
    SettingName{Setting::kWalk, "walk"},
    SettingName{Setting::kOffsite, "offsite"},
    SettingName{Setting::kAfterConference, "after-conference"},
    SettingName{Setting::kCall, "call"},
    SettingName{Setting::kVideo, "video"},
};

std::string Lower(std::string_view text) { return core::FoldCase(core::Trim(text)); }

// Department, else organization: the group the department limit counts in.
std::string GroupOf(const Candidate& candidate) {
  if (!candidate.person->department.empty()) return "d:" + Lower(candidate.person->department);
  return "o:" + Lower(candidate.org);
}

std::optional<OpenAsk> LatestAskWith(core::PersonId person, std::span<const OpenAsk> asks) {
  std::optional<OpenAsk> latest;
  for (const auto& ask : asks) {
    if (ask.person == person && (!latest || ask.at > latest->at)) latest = ask;
  }
  return latest;
}

// The slot search of one item: which windows of a day a setting may use.
std::vector<Interval> Windows(Setting setting, const WorkDay& day) {
  switch (setting) {
    case Setting::kLunch:
      return {day.lunch};
    case Setting::kCoffee:
    case Setting::kWalk:
    case Setting::kOffsite:
    case Setting::kCall:
    case Setting::kVideo: {
      std::vector<Interval> out;
      if (day.work.start < day.lunch.start) {
        out.push_back({day.work.start, std::min(day.lunch.start, day.work.end)});
      }
      if (day.lunch.end < day.work.end) {
        out.push_back({std::max(day.lunch.end, day.work.start), day.work.end});
      }
      if (out.empty()) out.push_back(day.work);
      return out;
    }
    case Setting::kAfterConference:
      return {};
  }
  return {};
}

// When in a day a setting is best held: the centres of the windows it may use (mid-morning and
// mid-afternoon for a coffee, so that it is neither the first thing of the day nor the last;
// the start of the lunch window for a lunch). Slots are chosen closest to one of them.
std::vector<core::TimePoint> IdealCentres(Setting setting, const WorkDay& day, minutes length) {
  if (setting == Setting::kLunch) return {day.lunch.start + length / 2};
  std::vector<core::TimePoint> centres;
  for (const Interval& window : Windows(setting, day)) {
    centres.push_back(window.start + (window.end - window.start) / 2);
  }
  return centres;
}

class Scheduler {
 public:
  explicit Scheduler(const PlanRequest& request) : request_(request) {
    per_day_.assign(request.days.size(), 0);
    for (const WorkDay& day : request.days) busy_minutes_.push_back(BusyMinutes(day));
  }

  bool Free(const Interval& slot, const Interval* ignore) const {
    if (slot.start < request_.now) return false;
    for (const auto& busy : request_.busy) {
      if (ignore != nullptr && busy.start == ignore->start && busy.end == ignore->end) continue;
      if (busy.Overlaps(slot)) return false;
    }
    return std::none_of(taken_.begin(), taken_.end(),
                        [&](const Interval& item) { return item.Overlaps(slot); });
  }

  // A free slot of `length` for `setting` on the day with the fewest items (then the least busy
  // time, then the earliest): the one closest to the setting's ideal time of day, a slot back
  // to back with another item counting kBackToBackPenalty further; ties go to the earlier.
  std::optional<std::pair<Interval, std::size_t>> Find(Setting setting, minutes length) const {
    for (std::size_t d : DayOrder()) {
      const WorkDay& day = request_.days[d];
      const std::vector<core::TimePoint> centres = IdealCentres(setting, day, length);
      std::optional<Interval> best;
      minutes best_distance{};
      for (const Interval& window : Windows(setting, day)) {
        for (auto start = window.start; start + length <= window.end; start += kGrid) {
          Interval slot{start, start + length};
          if (!Free(slot, nullptr)) continue;
          minutes distance = DistanceToIdeal(slot, centres);
          if (TouchesAnItem(slot)) distance += kBackToBackPenalty;
          if (!best || distance < best_distance ||
              (distance == best_distance && slot.start < best->start)) {
            best = slot;
            best_distance = distance;
          }
        }
      }
      if (best) return std::make_pair(*best, d);
    }
    return std::nullopt;
  }

  // A slot right after `conference` (at the end of the working day when it lasts past it) on a
  // day it covers, when that is free.
  std::optional<std::pair<Interval, std::size_t>> AfterConference(const Conference& conference,
                                                                  minutes length) const {
    for (std::size_t d = 0; d < request_.days.size(); ++d) {
      const WorkDay& day = request_.days[d];
      if (!conference.when.Overlaps(day.work)) continue;
      core::TimePoint anchor = std::min(conference.when.end, day.work.end);
      Interval slot{anchor, anchor + length};
      if (Free(slot, &conference.when)) return std::make_pair(slot, d);
    }
    return std::nullopt;
  }

  void Take(const Interval& slot, std::size_t day) {
    taken_.push_back(slot);
    ++per_day_[day];
  }

 private:
  static minutes DistanceToIdeal(const Interval& slot, std::span<const core::TimePoint> centres) {
    const core::TimePoint centre = slot.start + (slot.end - slot.start) / 2;
    minutes best = minutes::max();
    for (core::TimePoint ideal : centres) {
      best = std::min(best, std::chrono::abs(std::chrono::duration_cast<minutes>(centre - ideal)));
    }
    return best;
  }

  bool TouchesAnItem(const Interval& slot) const {
    return std::any_of(taken_.begin(), taken_.end(), [&](const Interval& item) {
      return item.end == slot.start || slot.end == item.start;
    });
  }

  // Busy time within a day's working hours.
  minutes BusyMinutes(const WorkDay& day) const {
    minutes total{};
    for (const auto& busy : request_.busy) {
      core::TimePoint start = std::max(busy.start, day.work.start);
      core::TimePoint end = std::min(busy.end, day.work.end);
      if (start < end) total += std::chrono::duration_cast<minutes>(end - start);
    }
    return total;
  }

  // Days with fewer plan items first, then those with less busy time (a relaxed coffee fits a
  // quiet day better than a day of back-to-back meetings), then in date order.
  std::vector<std::size_t> DayOrder() const {
    std::vector<std::size_t> order(request_.days.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      if (per_day_[a] != per_day_[b]) return per_day_[a] < per_day_[b];
      return busy_minutes_[a] < busy_minutes_[b];
    });
    return order;
  }

  const PlanRequest& request_;
  std::vector<Interval> taken_;
  std::vector<int> per_day_;
  std::vector<minutes> busy_minutes_;  // by day, fixed
};

struct Ranked {
  const Candidate* candidate;
  Priority priority;
  Setting setting;
  const Conference* conference;
  bool preferred;
  double cost;
};

const Conference* ConferenceOf(const Candidate& candidate, const PlanRequest& request) {
  for (const auto& conference : request.conferences) {
    for (const auto& email : candidate.person->emails) {
      std::string address = Lower(email.address);
      if (std::find(conference.attendee_emails.begin(), conference.attendee_emails.end(),
                    address) != conference.attendee_emails.end()) {
        return &conference;
      }
    }
  }
  return nullptr;
}

double CostOf(Setting setting, const PlanRequest& request) {
  const auto& params = *request.params;
  double cost = 0;
  cost += request.budget_minutes > 0 ? MinutesOf(setting, params) / request.budget_minutes : 1e9;
  cost += request.budget_energy > 0 ? EnergyOf(setting, params) / request.budget_energy : 1e9;
  return cost;
}

std::vector<std::string> Reasons(const Candidate& candidate, const Priority& priority,
                                 std::span<const OpenAsk> asks) {
  std::vector<std::string> reasons;
  reasons.push_back(fmt::format("influence {:.2f}", priority.influence));
  if (candidate.strength <= 0) {
    reasons.push_back("room to grow: no tie yet");
  } else {
    reasons.push_back(fmt::format("room to grow: tie strength {:.2f}", candidate.strength));
  }
  if (priority.overdue > 0) {
    std::string since = candidate.days_since
                            ? fmt::format("last contact {:.0f} days ago", *candidate.days_since)
                            : std::string("never met");
    std::string cadence = candidate.cadence_days
                              ? fmt::format(", cadence {:.0f} days", *candidate.cadence_days)
                              : std::string();
    reasons.push_back(fmt::format("overdue {:.2f}: {}{}", priority.overdue, since, cadence));
  }
  if (priority.relevance > 0) {
    if (auto mine = LatestAskWith(candidate.person->id, asks)) {
      reasons.push_back(
          fmt::format("relevant to an open ask: you asked them ({}) on {}{}", mine->kind,
                      core::FormatDate(core::Date{std::chrono::floor<std::chrono::days>(mine->at)}),
                      mine->text.empty() ? "" : ": \"" + mine->text + "\""));
    } else {
      for (const auto& ask : asks) {
        for (const auto& offer : candidate.person->offers) {
          if (core::HasPhrase(ask.text, offer.key)) {
            reasons.push_back(fmt::format("relevant to an open ask: \"{}\" (they offer {} {}/5)",
                                          ask.text, offer.key, offer.rating));
            return reasons;
          }
        }
      }
    }
  }
  return reasons;
}

std::vector<std::string> Warnings(const Candidate& candidate, const std::optional<OpenAsk>& ask) {
  std::vector<std::string> warnings;
  if (ask) {
    warnings.push_back(fmt::format(
        "you asked them for something on {} ({}{}): this is not a no-agenda meeting, and the "
        "invitation says so",
        core::FormatDate(core::Date{std::chrono::floor<std::chrono::days>(ask->at)}), ask->kind,
        ask->text.empty() ? "" : ": \"" + ask->text + "\""));
  }
  if (candidate.balance && candidate.balance->status == scoring::BalanceStatus::kOverdrawn) {
    warnings.push_back(
        fmt::format("your account with them is overdrawn ({:.1f}): give before you ask again",
                    candidate.balance->value));
  }
  if (candidate.person->emails.empty()) {
    warnings.push_back("no email address known: send the invitation yourself");
  }
  return warnings;
}

}  // namespace

std::string_view Name(Setting setting) {
  for (const auto& entry : kSettingNames) {
    if (entry.setting == setting) return entry.name;
  }
  return "coffee";
}

bool IsRelaxed(Setting setting) { return setting != Setting::kCall && setting != Setting::kVideo; }

std::optional<Setting> ParsePreference(std::string_view text) {
  std::string key = Lower(text);
  if (key == "off-site") key = "offsite";
  for (const auto& entry : kSettingNames) {
    if (entry.name == key && entry.setting != Setting::kAfterConference) return entry.setting;
  }
  return std::nullopt;
}

std::string_view PreferenceNames() { return "coffee, lunch, walk, offsite, call, video"; }

std::optional<Setting> PreferenceOf(const std::vector<std::string>& tags) {
  for (const auto& tag : tags) {
    std::string key = Lower(tag);
    if (key.starts_with(kPrefersTag)) {
      if (auto setting = ParsePreference(std::string_view(key).substr(kPrefersTag.size()))) {
        return setting;
      }
    }
  }
  return std::nullopt;
}

int MinutesOf(Setting setting, const scoring::Params& params) {
  double value = 0;
  switch (setting) {
    case Setting::kCoffee:
      value = params.plan_coffee_minutes;
      break;
    case Setting::kLunch:
      value = params.plan_lunch_minutes;
      break;
    case Setting::kWalk:
      value = params.plan_walk_minutes;
      break;
    case Setting::kOffsite:
      value = params.plan_offsite_minutes;
      break;
    case Setting::kAfterConference:
      value = params.plan_conference_minutes;
      break;
    case Setting::kCall:
    case Setting::kVideo:
      value = params.plan_call_minutes;
      break;
  }
  return static_cast<int>(std::lround(value));
}

double EnergyOf(Setting setting, const scoring::Params& params) {
  switch (setting) {
    case Setting::kCoffee:
      return params.plan_coffee_energy;
    case Setting::kLunch:
      return params.plan_lunch_energy;
    case Setting::kWalk:
      return params.plan_walk_energy;
    case Setting::kOffsite:
      return params.plan_offsite_energy;
    case Setting::kAfterConference:
      return params.plan_conference_energy;
    case Setting::kCall:
    case Setting::kVideo:
      return params.plan_call_energy;
  }
  return 0;
}

Priority PriorityOf(const Candidate& candidate, std::span<const OpenAsk> asks) {
  Priority priority;
  priority.influence = std::clamp(candidate.influence, 0.0, 1.0);
  priority.room_to_grow = 1 - std::clamp(candidate.strength, 0.0, 1.0);
  priority.overdue = std::clamp(candidate.overdue, 0.0, 1.0);
  for (const auto& ask : asks) {
    if (ask.person == candidate.person->id) {
      priority.relevance = 1;
      break;
    }
    for (const auto& offer : candidate.person->offers) {
      if (core::HasPhrase(ask.text, offer.key)) {
        priority.relevance = std::max(priority.relevance, std::clamp(offer.rating, 0, 5) / 5.0);
      }
    }
  }
  priority.value = priority.influence * std::max(priority.room_to_grow, priority.overdue) *
                   (1 + priority.relevance);
  return priority;
}

Plan MakePlan(const PlanRequest& request, std::span<const Candidate> candidates) {
  const scoring::Params& params = *request.params;
  Plan plan;
  plan.week = request.week;
  plan.budget_minutes = request.budget_minutes;
  plan.budget_energy = request.budget_energy;

  std::vector<Ranked> ranked;
  for (const Candidate& candidate : candidates) {
    if (candidate.days_since && *candidate.days_since >= 0 &&
        *candidate.days_since < params.plan_rest_days) {
      continue;
    }
    Priority priority = PriorityOf(candidate, request.asks);
    if (!(priority.value > 0)) continue;
    Ranked entry{&candidate, priority, Setting::kCoffee, nullptr, false, 0};
    if (auto preference = PreferenceOf(candidate.person->tags)) {
      entry.setting = *preference;
      entry.preferred = true;
    } else if (const Conference* conference = ConferenceOf(candidate, request)) {
      entry.setting = Setting::kAfterConference;
      entry.conference = conference;
    } else {
      entry.setting = candidate.strength >= kEstablishedTie ? Setting::kLunch : Setting::kCoffee;
    }
    entry.cost = CostOf(entry.setting, request);
    ranked.push_back(entry);
  }
  plan.candidates = ranked.size();
  std::sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
    double ra = a.priority.value / a.cost;
    double rb = b.priority.value / b.cost;
    if (ra != rb) return ra > rb;
    if (a.priority.value != b.priority.value) return a.priority.value > b.priority.value;
    return a.candidate->person->id < b.candidate->person->id;
  });

  Scheduler scheduler(request);
  std::map<std::string, int> per_group;
  double minutes_left = request.budget_minutes;
  double energy_left = request.budget_energy;
  int cheapest_minutes = MinutesOf(Setting::kCoffee, params);
  double cheapest_energy = EnergyOf(Setting::kCoffee, params);
  for (Setting s : {Setting::kLunch, Setting::kWalk, Setting::kOffsite, Setting::kCall,
                    Setting::kAfterConference}) {
    cheapest_minutes = std::min(cheapest_minutes, MinutesOf(s, params));
    cheapest_energy = std::min(cheapest_energy, EnergyOf(s, params));
  }
  auto pass_over = [&](const Ranked& entry, std::string why) {
    if (plan.passed_over.size() < kPassedOverShown) {
      plan.passed_over.push_back(PassedOver{entry.candidate->person->id,
                                            entry.candidate->person->name, entry.priority.value,
                                            std::move(why)});
    }
  };

  // A setting (or conference) that had no free slot never gets one later: slots only fill up.
  std::vector<Setting> full;
  std::vector<const Conference*> full_conferences;
  for (const Ranked& entry : ranked) {
    if (minutes_left < cheapest_minutes || energy_left < cheapest_energy) break;
    const Candidate& candidate = *entry.candidate;
    std::string group = GroupOf(candidate);
    if (per_group[group] >= static_cast<int>(params.plan_per_department)) {
      pass_over(entry, "department limit");
      continue;
    }
    // The settings to try, in order: the preferred or proposed one, then (unless the person
    // stated a preference) the other relaxed ones.
    std::vector<Setting> tries{entry.setting};
    if (!entry.preferred) {
      for (Setting s : {Setting::kCoffee, Setting::kLunch, Setting::kWalk}) {
        if (std::find(tries.begin(), tries.end(), s) == tries.end()) tries.push_back(s);
      }
    }
    std::optional<std::pair<Interval, std::size_t>> found;
    Setting chosen = entry.setting;
    // Why the first (proposed) setting failed: the reason shown when none fits.
    std::string why;
    auto failed = [&](std::string_view reason) {
      if (why.empty()) why = reason;
    };
    for (Setting setting : tries) {
      int length = MinutesOf(setting, params);
      double energy = EnergyOf(setting, params);
      if (length > minutes_left) {
        failed("over the time budget");
        continue;
      }
      if (energy > energy_left) {
        failed("over the energy budget");
        continue;
      }
      const bool after = setting == Setting::kAfterConference;
      if (after ? std::find(full_conferences.begin(), full_conferences.end(), entry.conference) !=
                      full_conferences.end()
                : std::find(full.begin(), full.end(), setting) != full.end()) {
        failed("no free slot");
        continue;
      }
      found = after ? scheduler.AfterConference(*entry.conference, minutes{length})
                    : scheduler.Find(setting, minutes{length});
      if (found) {
        chosen = setting;
        break;
      }
      if (after) {
        full_conferences.push_back(entry.conference);
      } else {
        full.push_back(setting);
      }
      failed("no free slot");
    }
    if (!found) {
      pass_over(entry, why);
      continue;
    }
    scheduler.Take(found->first, found->second);
    ++per_group[group];

    PlanItem item;
    const core::Person& person = *candidate.person;
    item.person = person.id;
    item.name = person.name;
    item.department = person.department;
    item.org = candidate.org;
    if (!person.emails.empty()) item.email = person.emails.front().address;
    item.priority = entry.priority;
    item.setting = chosen;
    if (chosen == Setting::kAfterConference) item.conference = entry.conference->name;
    item.minutes = MinutesOf(chosen, params);
    item.energy = EnergyOf(chosen, params);
    item.cost = CostOf(chosen, request);
    item.slot = found->first;
    item.reasons = Reasons(candidate, entry.priority, request.asks);
    std::optional<OpenAsk> ask = LatestAskWith(person.id, request.asks);
    item.open_ask = ask.has_value();
    item.warnings = Warnings(candidate, ask);
    if (chosen != entry.setting) {
      item.warnings.insert(item.warnings.begin(),
                           fmt::format("no {} slot free this week: proposed {} instead",
                                       Name(entry.setting), Name(chosen)));
    }
    InvitationInput words;
    words.their_name = person.name;
    words.my_name = request.my_name;
    words.department = person.department;
    words.setting = chosen;
    words.conference = item.conference;
    words.start = item.slot.start;
    words.utc_offset = request.days[found->second].utc_offset;
    words.ask = ask;
    item.invitation = WriteInvitation(words);
    item.talking_points = TalkingPoints(candidate, request);

    minutes_left -= item.minutes;
    energy_left -= item.energy;
    plan.minutes_used += item.minutes;
    plan.energy_used += item.energy;
    plan.items.push_back(std::move(item));
  }
  std::sort(plan.items.begin(), plan.items.end(), [](const PlanItem& a, const PlanItem& b) {
    if (a.slot.start != b.slot.start) return a.slot.start < b.slot.start;
    return a.person < b.person;
  });
  return plan;
}

}  // namespace allies::advice
