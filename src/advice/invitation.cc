#include "advice/invitation.h"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "core/names.h"
#include "core/text.h"

namespace allies::advice {

namespace {

constexpr std::size_t kMaxPoints = 8;
constexpr std::size_t kNotesShown = 2;
constexpr std::size_t kRecentShown = 2;

constexpr std::array<std::string_view, 7> kWeekdays = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                       "Thursday", "Friday", "Saturday"};
constexpr std::array<std::string_view, 12> kMonths = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

// "a coffee", "lunch", "a walk", ...: what the invitation proposes.
std::string Proposal(Setting setting, const std::string& conference) {
  switch (setting) {
    case Setting::kCoffee:
      return "a coffee";
    case Setting::kLunch:
      return "lunch";
    case Setting::kWalk:
      return "a walk";
    case Setting::kOffsite:
      return "a meeting away from the office";
    case Setting::kAfterConference:
      return fmt::format("a drink after {}", conference);
    case Setting::kCall:
      return "a call";
    case Setting::kVideo:
      return "a video call";
  }
  return "a coffee";
}

std::string Day(core::TimePoint at) {
  return core::FormatDate(core::Date{std::chrono::floor<std::chrono::days>(at)});
}

// Tags that describe the record, not the person's interests.
bool IsInterest(const std::string& tag) {
  std::string key = core::FoldCase(tag);
  return !key.starts_with(kPrefersTag) && key != "from-calendar";
}

}  // namespace

std::string FirstName(const std::string& name) {
  std::string_view trimmed = core::Trim(name);
  auto space = trimmed.find(' ');
  return std::string(space == std::string_view::npos ? trimmed : trimmed.substr(0, space));
}

std::string FormatWhen(core::TimePoint start, std::chrono::seconds utc_offset) {
  auto local = start + utc_offset;
  auto day = std::chrono::floor<std::chrono::days>(local);
  core::Date date{day};
  std::chrono::hh_mm_ss time{local - day};
  std::chrono::weekday weekday{day};
  return fmt::format("{} {} {} at {:02}:{:02}", kWeekdays[weekday.c_encoding()],
                     static_cast<unsigned>(date.day()),
                     kMonths[static_cast<unsigned>(date.month()) - 1], time.hours().count(),
                     time.minutes().count());
}

std::string WriteInvitation(const InvitationInput& input) {
  std::string when = FormatWhen(input.start, input.utc_offset);
  std::string greeting = fmt::format("Hi {},", FirstName(input.their_name));
  std::string ask_line = fmt::format("Would you have time for {} on {}?",
                                     Proposal(input.setting, input.conference), when);
  std::string sign = fmt::format("Best,\n{}", FirstName(input.my_name));
  if (!input.ask) {
    std::string about = input.department.empty()
                            ? std::string("how things are going for you")
                            : fmt::format("how things are going in {}", input.department);
    return fmt::format(
        "{}\n\n{} There is no agenda: I would simply like to get to know you better and hear {}. "
        "Nothing to prepare.\n\n{}",
        greeting, ask_line, about, sign);
  }
  // With an ask outstanding the meeting has one, and the invitation says which.
  std::string what =
      input.ask->text.empty() ? std::string("for help") : fmt::format("about {}", input.ask->text);
  return fmt::format(
      "{}\n\n{} I would like to get to know you better. To be open about it: I asked you {} on "
      "{}, and I would also like to hear how that stands for you and what I can do for you in "
      "return.\n\n{}",
      greeting, ask_line, what, Day(input.ask->at), sign);
}

std::vector<std::string> TalkingPoints(const Candidate& candidate, const PlanRequest& request) {
  const core::Person& person = *candidate.person;
  std::vector<std::string> points;
  auto add = [&](std::string text) {
    if (points.size() < kMaxPoints) points.push_back(std::move(text));
  };

  std::vector<const core::Note*> notes;
  for (const auto& note : person.notes) notes.push_back(&note);
  std::stable_sort(notes.begin(), notes.end(),
                   [](const core::Note* a, const core::Note* b) { return a->at > b->at; });
  for (std::size_t i = 0; i < notes.size() && i < kNotesShown; ++i) {
    add(fmt::format("ask about: {} (noted {})", notes[i]->text, Day(notes[i]->at)));
  }

  for (const auto& need : person.needs) {
    const TeamOffer* best = nullptr;
    for (const auto& offer : request.team_offers) {
      if (core::HasPhrase(need, offer.key) && (best == nullptr || offer.rating > best->rating)) {
        best = &offer;
      }
    }
    if (best != nullptr) {
      std::string whose =
          best->member == "you" ? std::string("your") : fmt::format("{}'s", best->member);
      add(fmt::format("their need \"{}\": offer {} {} ({}/5), even if they decline", need, whose,
                      best->key, best->rating));
    } else {
      add(fmt::format("their need \"{}\": ask how it is going, and listen", need));
    }
  }

  std::vector<std::string> shared;
  for (const auto& tag : person.tags) {
    if (!IsInterest(tag)) continue;
    for (const auto& mine : request.my_tags) {
      if (core::FoldCase(mine) == core::FoldCase(tag)) {
        shared.push_back(tag);
        break;
      }
    }
  }
  if (!shared.empty()) add(fmt::format("you share: {}", core::Join(shared, ", ")));

  for (std::size_t i = 0; i < candidate.recent.size() && i < kRecentShown; ++i) {
    const core::Interaction& last = *candidate.recent[i];
    add(fmt::format("last time: {} on {}{}", core::Name(last.kind), Day(last.at),
                    last.note.empty() ? "" : " (" + last.note + ")"));
  }
  if (candidate.recent.empty() && candidate.strength <= 0) {
    add("a first meeting: ask how they got into their field");
  }
  return points;
}

}  // namespace allies::advice
