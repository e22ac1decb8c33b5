// `allies import` of calendars: each meeting occurrence becomes an interaction of the owner.
//
// Rules (also in README.md, "Importing"):
//  - The owner is me, or the team member of --as; their emails recognise them among attendees.
//    A meeting the owner declined is skipped, and so is one with nobody else in it.
//  - Attendees are matched to people by email. Rooms and resources are left out. Unknown
//    attendees become people tagged "from-calendar" (named by their CN, else their address), or
//    are left out with --known-only.
//  - The organizer is the initiator.
//  - Kind and setting come from the words of the summary and location (first rule that fits):
//    lunch/dinner/breakfast/brunch/drinks -> lunch, relaxed; coffee/café/tea -> coffee, relaxed;
//    walk -> walk, relaxed; offsite/off-site/retreat -> offsite, relaxed;
//    conference/summit/meetup/webinar/expo/workshop/town hall -> event, formal;
//    video/zoom/teams/meet.google/webex -> video, formal; call/phone/dial-in -> call, formal;
//    otherwise more than 10 people -> event, formal, else meeting, formal.
//    Relaxed meetings are for getting to know each other; the rest is work.
//  - Energy: call 1; relaxed or meeting of up to 4 people 2; meeting of 5-10 3; event, offsite 4.
//  - Duration: end - start, at most a day; an all-day event counts as 480 minutes.
//  - The note is the summary; the description is added only with --keep-notes.
//  - Source "ics:<UID>[/<RECURRENCE-ID>]": importing the same meeting again changes nothing,
//    and a moved or retitled one is updated in place.

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "app/importer.h"
#include "app/internal.h"
#include "core/text.h"

namespace allies::app::internal {

namespace {

using core::InteractionKind;
using core::Setting;

// The text as a run of lower-case words separated by single spaces, with spaces at both ends, so
// that " call " matches the word and not "recall".
std::string Words(std::string_view text) {
  std::string folded = core::FoldCase(text);
  std::string out = " ";
  for (char c : folded) {
    const auto byte = static_cast<unsigned char>(c);
    const bool word = std::isalnum(byte) != 0 || byte >= 0x80 || c == '.' || c == '-';
    if (word) {
      out += c;
    } else if (out.back() != ' ') {
      out += ' ';
    }
  }
  if (out.back() != ' ') out += ' ';
  return out;
}

bool HasAny(const std::string& words, std::initializer_list<std::string_view> needles) {
  return std::any_of(needles.begin(), needles.end(), [&](std::string_view needle) {
    return words.find(needle) != std::string::npos;
  });
}

struct Inferred {
  InteractionKind kind = InteractionKind::kMeeting;
  Setting setting = Setting::kFormal;
};

Inferred Infer(const formats::CalendarEvent& event, std::size_t people) {
  const std::string words = Words(event.summary + " " + event.location);
  const auto is = [&](std::initializer_list<std::string_view> needles) {
    return HasAny(words, needles);
  };
  if (is({" lunch", " dinner ", " breakfast ", " brunch ", " drinks ", " happy hour "})) {
    return {InteractionKind::kLunch, Setting::kRelaxed};
  }
  if (is({" coffee", " café ", " cafe ", " tea "}))
    return {InteractionKind::kCoffee, Setting::kRelaxed};
  if (is({" walk ", " walking "})) return {InteractionKind::kWalk, Setting::kRelaxed};
  if (is({" offsite ", " off-site ", " retreat ", " away day "})) {
    return {InteractionKind::kOffsite, Setting::kRelaxed};
  }
  if (is({" conference ", " summit ", " meetup ", " webinar ", " expo ", " workshop ",
          " town hall ", " townhall "})) {
    return {InteractionKind::kEvent, Setting::kFormal};
  }
  if (is({" video ", " zoom", "zoom.us", " teams ", "teams.microsoft", "meet.google", "webex"})) {
    return {InteractionKind::kVideo, Setting::kFormal};
  }
  if (is({" call ", " phone ", " dial-in ", " conference call "})) {
    return {InteractionKind::kCall, Setting::kFormal};
  }
  if (people > 10) return {InteractionKind::kEvent, Setting::kFormal};
  return {};
}

int EnergyOf(const Inferred& inferred, std::size_t people) {
  switch (inferred.kind) {
    case InteractionKind::kCall:
      return 1;
    case InteractionKind::kEvent:
    case InteractionKind::kOffsite:
      return 4;
    default:
      break;
  }
  if (inferred.setting == Setting::kRelaxed || people <= 4) return 2;
  return 3;
}

std::string SourceOf(const formats::CalendarEvent& event) {
  std::string source = "ics:" + event.uid;
  if (!event.recurrence_id.empty()) source += "/" + event.recurrence_id;
  return source;
}

void CountSkip(ImportReport& report, std::string_view why, std::size_t n = 1) {
  if (n == 0) return;
  report.skipped += n;
  for (auto& [reason, count] : report.skipped_meetings) {
    if (reason == why) {
      count += n;
      return;
    }
  }
  report.skipped_meetings.emplace_back(std::string(why), n);
}

bool SameMeeting(const core::Interaction& a, const core::Interaction& b) {
  auto sorted = [](std::vector<core::PersonId> ids) {
    std::sort(ids.begin(), ids.end());
    return ids;
  };
  return a.at == b.at && a.duration_min == b.duration_min && a.kind == b.kind &&
         a.setting == b.setting && a.initiator == b.initiator && a.note == b.note &&
         a.owner == b.owner && sorted(a.attendees) == sorted(b.attendees);
}

// Addresses that are no one: Google's birthday calendar writes "...@virtual", rooms and shared
// calendars live under calendar.google.com, and an address needs a dot in its domain.
bool IsSomeone(const formats::CalendarPerson& who) {
  if (who.email.empty() || who.is_resource) return false;
  const auto at = who.email.rfind('@');
  if (at == std::string::npos || at == 0) return false;
  const std::string_view domain = std::string_view(who.email).substr(at + 1);
  return domain.find('.') != std::string_view::npos && !domain.ends_with("calendar.google.com");
}

}  // namespace

core::Result<std::optional<core::PersonId>> Importer::Attendee(const formats::CalendarPerson& who,
                                                               std::string_view key) {
  if (!IsSomeone(who)) return std::optional<core::PersonId>();
  if (auto known = index_.FindEmailKey(key)) {
    if (people_.contains(*known)) return known;
  }
  if (input_.known_only) return std::optional<core::PersonId>();
  core::Person person;
  person.name = !core::Trim(who.name).empty() ? std::string(core::Trim(who.name)) : who.email;
  person.emails.push_back({who.email, ""});
  person.tags.emplace_back("from-calendar");
  ALLIES_TRY(auto id, Create(std::move(person)));
  return std::optional<core::PersonId>(id);
}

core::Result<void> Importer::AddCalendar(const std::string& file,
                                         const formats::CalendarFile& calendar) {
  report_.files.push_back({file, "ics", calendar.events.size()});
  for (const auto& error : calendar.errors) {
    report_.errors.push_back({file, error.line, error.message});
    ++report_.skipped;
  }
  for (const auto& zone : calendar.unknown_zones) {
    report_.warnings.push_back(
        fmt::format("{}: unknown time zone {}, read as {}", file, Quote(zone), input_.zone));
  }
  CountSkip(report_, "cancelled", calendar.cancelled);
  if (!sourced_loaded_) {
    ALLIES_TRY_VOID(
        store_.ForEachInteraction(store::InteractionFilter{},
                                  [&](const core::Interaction& interaction) -> core::Result<void> {
                                    if (interaction.source.starts_with("ics:"))
                                      sourced_.emplace(interaction.source, interaction);
                                    return {};
                                  }));
    sourced_loaded_ = true;
  }
  // Many new meetings are written in bulk; a re-import of the same calendar is not one.
  std::size_t fresh = calendar.events.size();
  if (!sourced_.empty()) {
    fresh = static_cast<std::size_t>(std::count_if(
        calendar.events.begin(), calendar.events.end(),
        [&](const formats::CalendarEvent& event) { return !sourced_.contains(SourceOf(event)); }));
  }
  ALLIES_TRY_VOID(store_.BeginBulkLoad(0, fresh));
  sourced_.reserve(sourced_.size() + calendar.events.size());
  std::size_t done = 0;
  // Per meeting, reused: everyone in it, the organizer first; the others than the owner, each
  // address once, with their EmailKey (a meeting lists a handful, so a scan finds repeats).
  std::vector<const formats::CalendarPerson*> listed;
  std::vector<const formats::CalendarPerson*> others;
  std::vector<std::string> keys;  // keys[0, others.size()) are this meeting's; the rest spare
  std::string key;
  for (const auto& event : calendar.events) {
    if (input_.progress && (++done % 4096 == 0)) input_.progress(done, calendar.events.size());
    listed.clear();
    if (event.organizer) listed.push_back(&*event.organizer);
    for (const auto& attendee : event.attendees) listed.push_back(&attendee);
    bool declined = false;
    others.clear();
    for (const auto* who : listed) {
      if (!IsSomeone(*who)) continue;
      EmailKeyInto(who->email, key);
      if (owner_emails_.contains(key)) {
        if (who->partstat == "DECLINED") declined = true;
        continue;
      }
      const auto mine = keys.begin() + static_cast<std::ptrdiff_t>(others.size());
      if (std::find(keys.begin(), mine, key) == mine) {
        if (keys.size() == others.size()) keys.emplace_back();
        keys[others.size()].swap(key);
        others.push_back(who);
      }
    }
    if (declined) {
      CountSkip(report_, "declined");
      continue;
    }
    if (others.empty()) {
      CountSkip(report_, "no one else");
      continue;
    }
    core::Interaction interaction;
    interaction.owner = owner_;
    interaction.attendees.push_back(owner_);
    for (std::size_t i = 0; i < others.size(); ++i) {
      ALLIES_TRY(auto id, Attendee(*others[i], keys[i]));
      if (id && std::find(interaction.attendees.begin(), interaction.attendees.end(), *id) ==
                    interaction.attendees.end()) {
        interaction.attendees.push_back(*id);
      }
    }
    if (interaction.attendees.size() < 2) {
      CountSkip(report_, "unknown attendees");
      continue;
    }
    if (event.organizer && !event.organizer->email.empty()) {
      EmailKeyInto(event.organizer->email, key);
      if (owner_emails_.contains(key)) {
        interaction.initiator = owner_;
      } else if (auto organizer = index_.FindEmailKey(key)) {
        interaction.initiator = *organizer;
      }
    }
    const Inferred inferred = Infer(event, interaction.attendees.size());
    interaction.kind = inferred.kind;
    interaction.setting = inferred.setting;
    interaction.purpose =
        inferred.setting == Setting::kRelaxed ? core::Purpose::kGetToKnow : core::Purpose::kWork;
    interaction.energy = EnergyOf(inferred, interaction.attendees.size());
    interaction.at = event.start;
    constexpr int kAllDayMinutes = 480;
    constexpr int kMinutesPerDay = 24 * 60;
    const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(event.end - event.start);
    interaction.duration_min =
        event.all_day
            ? kAllDayMinutes
            : static_cast<int>(std::clamp<std::int64_t>(minutes.count(), 0, kMinutesPerDay));
    interaction.note = std::string(core::Trim(event.summary));
    if (input_.keep_notes && !core::Trim(event.description).empty()) {
      if (!interaction.note.empty()) interaction.note += "\n\n";
      interaction.note += core::Trim(event.description);
    }
    interaction.source = SourceOf(event);

    auto existing = sourced_.find(interaction.source);
    if (existing == sourced_.end()) {
      ALLIES_TRY(interaction.id, store_.InsertInteraction(interaction));
      ++report_.interactions;
      if (report_.interactions <= 3) {
        Sample(fmt::format("+ meeting {} \"{}\" with {} people", core::FormatUtc(interaction.at),
                           interaction.note, interaction.attendees.size()));
      }
      // The key is copied before the record is moved (pair members are built in order).
      sourced_.emplace(interaction.source, std::move(interaction));
      continue;
    }
    interaction.id = existing->second.id;
    interaction.energy = existing->second.energy;  // the user may have rated these by hand
    interaction.purpose = existing->second.purpose;
    if (SameMeeting(interaction, existing->second)) {
      ++report_.interactions_unchanged;
      continue;
    }
    ALLIES_TRY_VOID(store_.UpdateInteraction(interaction));
    existing->second = interaction;
    ++report_.interactions_updated;
  }
  return {};
}

}  // namespace allies::app::internal
