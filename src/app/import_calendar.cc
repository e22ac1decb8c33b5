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
#include <cstdint>
#include <cstring>
#include <functional>
#include <string_view>

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

// A fingerprint of what makes a meeting the same on a re-import: when, how long, kind, setting,
// who asked, the note, whose it is and who was there (in any order). A 64-bit hash of those
// written out at fixed widths (the note last), so the same meeting always gives the same
// digest and a changed one the same digest with a probability of 2^-64.
std::uint64_t MeetingDigest(const core::Interaction& meeting, std::string& buffer) {
  buffer.clear();
  auto put = [&buffer](std::int64_t value) {
    std::array<char, sizeof value> bytes{};
    std::memcpy(bytes.data(), &value, sizeof value);
    buffer.append(bytes.data(), bytes.size());
  };
  put(meeting.at.time_since_epoch().count());
  put(meeting.duration_min);
  put(static_cast<std::int64_t>(meeting.kind));
  put(static_cast<std::int64_t>(meeting.setting));
  put(meeting.initiator ? meeting.initiator->value : -1);
  put(meeting.owner.value);
  std::vector<core::PersonId> attendees = meeting.attendees;
  std::sort(attendees.begin(), attendees.end());
  put(static_cast<std::int64_t>(attendees.size()));
  for (core::PersonId id : attendees) put(id.value);
  buffer += meeting.note;
  return std::hash<std::string_view>{}(buffer);
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

// What the occurrences of one series (one shared attendee list) have in common, worked out at
// the first of them.
struct Series {
  Importer::MeetingPeople people;
  std::optional<core::PersonId> initiator;  // once found
  std::optional<Inferred> inferred;         // for `summary` and `location`
  std::string summary;
  std::string location;
};

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

core::Result<void> Importer::ResolvePeople(const formats::CalendarEvent& event,
                                           MeetingPeople& out) {
  out.declined = false;
  out.no_one_else = false;
  out.attendees.clear();
  // Everyone in it, the organizer first; the others than the owner, each address once, with
  // their EmailKey (a meeting lists a handful, so a scan finds repeats).
  listed_.clear();
  if (event.organizer) listed_.push_back(&*event.organizer);
  for (const auto& attendee : event.attendees) listed_.push_back(&attendee);
  others_.clear();
  for (const auto* who : listed_) {
    if (!IsSomeone(*who)) continue;
    EmailKeyInto(who->email, key_);
    if (owner_emails_.contains(key_)) {
      if (who->partstat == "DECLINED") out.declined = true;
      continue;
    }
    const auto mine = keys_.begin() + static_cast<std::ptrdiff_t>(others_.size());
    if (std::find(keys_.begin(), mine, key_) == mine) {
      if (keys_.size() == others_.size()) keys_.emplace_back();
      keys_[others_.size()].swap(key_);
      others_.push_back(who);
    }
  }
  if (out.declined) return {};
  if (others_.empty()) {
    out.no_one_else = true;
    return {};
  }
  out.attendees.push_back(owner_);
  for (std::size_t i = 0; i < others_.size(); ++i) {
    ALLIES_TRY(auto id, Attendee(*others_[i], keys_[i]));
    if (id && std::find(out.attendees.begin(), out.attendees.end(), *id) == out.attendees.end()) {
      out.attendees.push_back(*id);
    }
  }
  return {};
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
    ALLIES_TRY_VOID(store_.ForEachInteraction(
        store::InteractionFilter{},
        [&](const core::Interaction& interaction) -> core::Result<void> {
          if (interaction.source.starts_with("ics:")) {
            sourced_.emplace(interaction.source,
                             Sourced{interaction.id, MeetingDigest(interaction, digest_buffer_),
                                     interaction.energy, interaction.purpose});
          }
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
  // Pass 1: who is in each meeting, in file order, creating the people met for the first time
  // (the same people with the same ids as when each meeting was written right after its people
  // were worked out). Pass 2 then writes the meetings and uses the database for nothing else
  // on a first import, so the store writes one buffer of them on another thread while this
  // thread builds the next.
  //
  // What the people of a series come to (declined, alone, or who is there) is worked out once
  // for its shared attendee list, not again for each of its occurrences: people are only added
  // while a calendar is imported, so the answer cannot change between them.
  const std::size_t count = calendar.events.size();
  auto progress = [&](std::size_t done) {
    if (input_.progress && done % 4096 == 0) input_.progress(done / 2, count);
  };
  std::unordered_map<const void*, Series> series;
  struct Met {
    Series* series = nullptr;  // the shared answer, or null and the attendees in `single_ids`
    std::size_t first = 0;
    std::size_t size = 0;
    std::optional<core::PersonId> initiator;
    bool declined = false;
    bool no_one_else = false;
  };
  std::vector<Met> met(count);
  std::vector<core::PersonId> single_ids;
  MeetingPeople single;
  auto initiator_of = [&](const formats::CalendarEvent& event) -> std::optional<core::PersonId> {
    if (!event.organizer || event.organizer->email.empty()) return std::nullopt;
    EmailKeyInto(event.organizer->email, key_);
    if (owner_emails_.contains(key_)) return owner_;
    return index_.FindEmailKey(key_);
  };
  const std::size_t sample_base = report_.sample.size();
  std::vector<std::size_t> person_sample_at;  // the meeting of each sample line pass 1 adds
  for (std::size_t i = 0; i < count; ++i) {
    progress(i + 1);
    const auto& event = calendar.events[i];
    Met& m = met[i];
    if (event.attendees.Holders() > 1) {
      auto [it, inserted] = series.try_emplace(event.attendees.Identity());
      Series& known = it->second;
      if (inserted || !(known.people.organizer == event.organizer)) {
        known = Series();
        known.people.organizer = event.organizer;
        ALLIES_TRY_VOID(ResolvePeople(event, known.people));
      }
      // The organizer's person, once found, stays found; until then it is looked for again.
      if (!known.initiator) known.initiator = initiator_of(event);
      m.series = &known;
      m.initiator = known.initiator;
      m.declined = known.people.declined;
      m.no_one_else = known.people.no_one_else;
    } else {
      ALLIES_TRY_VOID(ResolvePeople(event, single));
      m.first = single_ids.size();
      m.size = single.attendees.size();
      single_ids.insert(single_ids.end(), single.attendees.begin(), single.attendees.end());
      m.initiator = initiator_of(event);
      m.declined = single.declined;
      m.no_one_else = single.no_one_else;
    }
    while (sample_base + person_sample_at.size() < report_.sample.size()) {
      person_sample_at.push_back(i);
    }
  }

  // Pass 2.
  std::vector<std::pair<std::size_t, std::string>> meeting_samples;  // (meeting, line)
  for (std::size_t i = 0; i < count; ++i) {
    progress(count + i + 1);
    const auto& event = calendar.events[i];
    const Met& m = met[i];
    if (m.declined) {
      CountSkip(report_, "declined");
      continue;
    }
    if (m.no_one_else) {
      CountSkip(report_, "no one else");
      continue;
    }
    const std::vector<core::PersonId>* shared = m.series ? &m.series->people.attendees : nullptr;
    const std::size_t people = shared ? shared->size() : m.size;
    if (people < 2) {
      CountSkip(report_, "unknown attendees");
      continue;
    }
    core::Interaction interaction;
    interaction.owner = owner_;
    if (shared) {
      interaction.attendees = *shared;
    } else {
      const auto first = single_ids.begin() + static_cast<std::ptrdiff_t>(m.first);
      interaction.attendees.assign(first, first + static_cast<std::ptrdiff_t>(m.size));
    }
    interaction.initiator = m.initiator;
    // Kind and setting depend on the summary, the location and the attendee count: the same for
    // the occurrences of a series unless an override changed the words.
    Inferred inferred;
    if (m.series == nullptr) {
      inferred = Infer(event, people);
    } else {
      Series& known = *m.series;
      if (!known.inferred || known.summary != event.summary || known.location != event.location) {
        known.inferred = Infer(event, people);
        known.summary = event.summary;
        known.location = event.location;
      }
      inferred = *known.inferred;
    }
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
        meeting_samples.emplace_back(
            i, fmt::format("+ meeting {} \"{}\" with {} people", core::FormatUtc(interaction.at),
                           interaction.note, interaction.attendees.size()));
      }
      const std::uint64_t digest = MeetingDigest(interaction, digest_buffer_);
      sourced_.emplace(std::move(interaction.source),
                       Sourced{interaction.id, digest, interaction.energy, interaction.purpose});
      continue;
    }
    interaction.id = existing->second.id;
    interaction.energy = existing->second.energy;  // the user may have rated these by hand
    interaction.purpose = existing->second.purpose;
    const std::uint64_t digest = MeetingDigest(interaction, digest_buffer_);
    if (digest == existing->second.digest) {
      ++report_.interactions_unchanged;
      continue;
    }
    ALLIES_TRY_VOID(store_.UpdateInteraction(interaction));
    existing->second.digest = digest;
    ++report_.interactions_updated;
  }
  // The sample lists people and meetings in the order a single pass would have met them.
  std::vector<std::string> lines(report_.sample.begin() + static_cast<std::ptrdiff_t>(sample_base),
                                 report_.sample.end());
  report_.sample.resize(sample_base);
  std::size_t p = 0;
  std::size_t q = 0;
  while (p < lines.size() || q < meeting_samples.size()) {
    if (q == meeting_samples.size() ||
        (p < lines.size() && person_sample_at[p] <= meeting_samples[q].first)) {
      Sample(std::move(lines[p++]));
    } else {
      Sample(std::move(meeting_samples[q++].second));
    }
  }
  return {};
}

}  // namespace allies::app::internal
