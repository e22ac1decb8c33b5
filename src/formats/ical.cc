#include "formats/ical.h"

#include <libical/ical.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <iterator>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "formats/charset.h"
#include "formats/ical_text.h"
#include "formats/ical_zones.h"

namespace allies::formats {
namespace {

using ical::Block;
using ical::Zone;
using std::chrono::days;
using std::chrono::local_days;
using std::chrono::local_seconds;
using std::chrono::seconds;

// A key that identifies an instance of one series: days since 1970 for an all-day series, else
// UTC seconds.
using Key = std::int64_t;

constexpr std::size_t kMaxQuotedBytes = 80;

struct ComponentFree {
  void operator()(icalcomponent* component) const { icalcomponent_free(component); }
};
using ComponentPtr = std::unique_ptr<icalcomponent, ComponentFree>;

struct IteratorFree {
  void operator()(icalrecur_iterator* iterator) const { icalrecur_iterator_free(iterator); }
};
using IteratorPtr = std::unique_ptr<icalrecur_iterator, IteratorFree>;

// A DATE or DATE-TIME as the file states it: the wall-clock reading and the zone it is read in
// (UTC for "Z", the TZID's zone, or the default zone for floating times and dates).
struct Stated {
  local_seconds local{};
  bool is_date = false;
  const Zone* zone = nullptr;
  [[nodiscard]] core::TimePoint Utc() const { return zone->ToUtc(local); }
  [[nodiscard]] local_days Day() const { return std::chrono::floor<days>(local); }
};

struct RDate {
  Stated start;
  std::optional<Stated> end;  // VALUE=PERIOD
};

// One VEVENT as read, before series are expanded and overrides matched.
struct EventRecord {
  CalendarEvent data;  // all but start, end, all_day and recurrence_id
  Stated start;
  std::optional<Stated> end;
  std::optional<seconds> duration;
  std::optional<Stated> recurrence_id;
  bool this_and_future = false;
  bool cancelled = false;
  std::vector<std::string> rrules;
  std::vector<RDate> rdates;
  std::vector<Stated> exdates;
  [[nodiscard]] bool Recurring() const { return !rrules.empty() || !rdates.empty(); }
};

// ---------------------------------------------------------------------------------------------
// Small text helpers.

char Upper(char c) { return static_cast<char>(std::toupper(static_cast<unsigned char>(c))); }
char Lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

std::string Trimmed(const char* text) {
  if (text == nullptr) return {};
  std::string_view view(text);
  std::size_t begin = view.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return {};
  std::size_t end = view.find_last_not_of(" \t\r\n");
  return std::string(view.substr(begin, end - begin + 1));
}

std::string UpperCase(std::string text) {
  for (char& c : text) c = Upper(c);
  return text;
}

std::string Shortened(std::string_view text) {
  if (text.size() <= kMaxQuotedBytes) return std::string(text);
  std::size_t cut = kMaxQuotedBytes;
  // Do not cut a UTF-8 sequence in two.
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return std::string(text.substr(0, cut)) + "...";
}

bool StartsWithNoCase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (Upper(text[i]) != Upper(prefix[i])) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// Times.

std::optional<local_seconds> MakeLocal(int year, int month, int day, int hour, int minute,
                                       int second) {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 ||
      minute < 0 || minute > 59 || second < 0 || second > 60) {
    return std::nullopt;
  }
  std::chrono::year_month_day ymd{std::chrono::year(year),
                                  std::chrono::month(static_cast<unsigned>(month)),
                                  std::chrono::day(static_cast<unsigned>(day))};
  if (!ymd.ok()) return std::nullopt;
  // A leap second (60) is read as 59: calendars do not count them.
  return local_days(ymd) + std::chrono::hours(hour) + std::chrono::minutes(minute) +
         seconds(std::min(second, 59));
}

std::optional<local_seconds> FromIcal(const icaltimetype& tt) {
  if (tt.is_date) return MakeLocal(tt.year, tt.month, tt.day, 0, 0, 0);
  return MakeLocal(tt.year, tt.month, tt.day, tt.hour, tt.minute, tt.second);
}

icaltimetype ToIcal(local_seconds local, bool is_date) {
  auto day = std::chrono::floor<days>(local);
  std::chrono::year_month_day ymd{day};
  std::chrono::hh_mm_ss<seconds> time{local - day};
  icaltimetype tt = icaltime_null_time();
  tt.year = static_cast<int>(ymd.year());
  tt.month = static_cast<int>(static_cast<unsigned>(ymd.month()));
  tt.day = static_cast<int>(static_cast<unsigned>(ymd.day()));
  tt.is_date = is_date ? 1 : 0;
  if (!is_date) {
    tt.hour = static_cast<int>(time.hours().count());
    tt.minute = static_cast<int>(time.minutes().count());
    tt.second = static_cast<int>(time.seconds().count());
  }
  return tt;
}

// A DATE or DATE-TIME as text: YYYYMMDD or YYYYMMDDTHHMMSS, either optionally followed by Z
// (a DATE with Z is Google's, and is read as the date).
struct TimeText {
  local_seconds local{};
  bool is_date = false;
  bool is_utc = false;
};

std::optional<TimeText> ParseTimeText(std::string_view text) {
  auto digits = [&text](std::size_t at, std::size_t count) -> std::optional<int> {
    int value = 0;
    for (std::size_t i = at; i < at + count; ++i) {
      if (i >= text.size() || text[i] < '0' || text[i] > '9') return std::nullopt;
      value = value * 10 + (text[i] - '0');
    }
    return value;
  };
  TimeText out;
  auto year = digits(0, 4);
  auto month = digits(4, 2);
  auto day = digits(6, 2);
  if (!year || !month || !day) return std::nullopt;
  std::string_view rest = text.substr(8);
  int hour = 0;
  int minute = 0;
  int second = 0;
  if (rest.empty() || rest == "Z" || rest == "z") {
    out.is_date = true;
  } else {
    auto h = digits(9, 2);
    auto m = digits(11, 2);
    auto s = digits(13, 2);
    if (rest.front() != 'T' || !h || !m || !s) return std::nullopt;
    rest = text.substr(15);
    if (rest == "Z") {
      out.is_utc = true;
    } else if (!rest.empty()) {
      return std::nullopt;
    }
    hour = *h;
    minute = *m;
    second = *s;
  }
  auto local = MakeLocal(*year, *month, *day, hour, minute, second);
  if (!local) return std::nullopt;
  out.local = *local;
  return out;
}

std::string FormatDay(local_days day) {
  std::chrono::year_month_day ymd{day};
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d%02u%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buffer;
}

std::string FormatUtc(core::TimePoint at) {
  auto day = std::chrono::floor<days>(at);
  std::chrono::year_month_day ymd{day};
  std::chrono::hh_mm_ss<seconds> time{at - day};
  char buffer[24];
  std::snprintf(buffer, sizeof buffer, "%04d%02u%02uT%02d%02d%02dZ", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
                static_cast<int>(time.seconds().count()));
  return buffer;
}

// ---------------------------------------------------------------------------------------------
// Pass 1: each VEVENT block -> EventRecord or RecordError.

// The name of the property an X-LIC-ERROR is about: libical writes "... in DTSTART property.
// Removing entire property: ..." or "No value for DTSTART property. ...".
std::string ErroredProperty(const char* message) {
  if (message == nullptr) return {};
  std::string_view text(message);
  std::size_t at = text.find(" property");
  if (at == std::string_view::npos) return {};
  std::size_t begin = text.rfind(' ', at - 1);
  begin = begin == std::string_view::npos ? 0 : begin + 1;
  return UpperCase(std::string(text.substr(begin, at - begin)));
}

bool IsTimeProperty(std::string_view name) {
  return name == "DTSTART" || name == "DTEND" || name == "RECURRENCE-ID" || name == "RDATE" ||
         name == "EXDATE";
}

bool IsCritical(std::string_view name) {
  return IsTimeProperty(name) || name == "DURATION" || name == "RRULE";
}

// "mailto:Jane.Doe@Example.com" -> "jane.doe@example.com"; blanks anywhere are dropped
// (GroupWise writes "MAILTO:CET Meeting Room@university.edu"). Empty for other URI schemes.
std::string AddressOf(std::string_view value) {
  if (StartsWithNoCase(value, "mailto:")) {
    value.remove_prefix(7);
  } else if (value.find(':') != std::string_view::npos ||
             value.find('@') == std::string_view::npos) {
    return {};
  }
  std::string out;
  out.reserve(value.size());
  for (char c : value) {
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') out.push_back(Lower(c));
  }
  return out;
}

// The value of an enumerated parameter (PARTSTAT, ROLE, CUTYPE): its standard name, else the
// X- or unknown value as the file writes it.
std::string EnumText(icalparameter* param, int value) {
  const char* text = icalparameter_enum_to_string(value);
  if (text == nullptr) text = icalparameter_get_xvalue(param);
  return UpperCase(Trimmed(text));
}

// Reads the parameters through libical's typed getters: no text is formatted and parsed again
// (icalparameter_as_ical_string costs a temporary buffer per parameter, a quarter of the
// reading of a large calendar). Values come out as RFC 6868 decodes them (a `^'` in a CN is a
// double quote).
CalendarPerson ReadPerson(icalproperty* property, const char* value) {
  CalendarPerson person;
  std::string email_param;
  for (icalparameter* param = icalproperty_get_first_parameter(property, ICAL_ANY_PARAMETER);
       param != nullptr; param = icalproperty_get_next_parameter(property, ICAL_ANY_PARAMETER)) {
    switch (icalparameter_isa(param)) {
      case ICAL_CN_PARAMETER:
        person.name = Trimmed(icalparameter_get_cn(param));
        break;
      case ICAL_PARTSTAT_PARAMETER:
        person.partstat = EnumText(param, icalparameter_get_partstat(param));
        break;
      case ICAL_ROLE_PARAMETER:
        person.role = EnumText(param, icalparameter_get_role(param));
        break;
      case ICAL_CUTYPE_PARAMETER: {
        const std::string cutype = EnumText(param, icalparameter_get_cutype(param));
        person.is_resource = cutype == "RESOURCE" || cutype == "ROOM";
        break;
      }
      case ICAL_EMAIL_PARAMETER:
        if (const char* email = icalparameter_get_email(param)) email_param = email;
        break;
      default:
        break;
    }
  }
  person.email = AddressOf(Trimmed(value));
  if (person.email.empty() && !email_param.empty()) {
    person.email = AddressOf("mailto:" + Trimmed(email_param.c_str()));
  }
  return person;
}

class EventReader {
 public:
  EventReader(std::string_view text, const std::vector<std::size_t>& stray_ends,
              ical::ZoneTable& zones, bool method_cancel, bool descriptions,
              std::vector<RecordError>& errors)
      : text_(text),
        stray_ends_(stray_ends),
        zones_(zones),
        method_cancel_(method_cancel),
        descriptions_(descriptions),
        errors_(errors) {}

  // Reads one VEVENT block; nullopt when it is refused (the error is recorded).
  std::optional<EventRecord> Read(const Block& block);
  // Every TZID resolved so far, as passed to ZoneTable::Resolve, in order of first use here.
  [[nodiscard]] std::vector<std::string> TakeZonesUsed() { return std::move(zones_used_); }

 private:
  std::optional<Stated> ReadTime(icalproperty* property, const icaltimetype& tt);
  const Zone* ZoneOf(bool is_date, bool is_utc, std::string_view tzid);
  std::string_view BlockText(const Block& block) const {
    return text_.substr(block.begin, block.end - block.begin);
  }
  bool ReadRawDates(const Block& block, std::string_view name, EventRecord& record);
  void Refuse(const Block& block, std::string_view name);
  void Refuse(std::size_t line, std::string_view name, const ical::RawProperty* raw,
              std::string message);

  std::string_view text_;
  const std::vector<std::size_t>& stray_ends_;
  ical::ZoneTable& zones_;
  bool method_cancel_;
  bool descriptions_;  // CalendarOptions::descriptions
  std::vector<RecordError>& errors_;
  // The TZIDs met so far and their zones, in order of first use: a file names a handful, so a
  // scan finds them without going to the shared table (and its mutex) for every time.
  std::vector<std::pair<std::string, const Zone*>> zone_cache_;
  std::vector<std::string> zones_used_;
};

const Zone* EventReader::ZoneOf(bool is_date, bool is_utc, std::string_view tzid) {
  if (is_date) return zones_.Default();
  if (is_utc) return zones_.Utc();
  if (tzid.empty()) return zones_.Default();
  for (const auto& [name, zone] : zone_cache_) {
    if (name == tzid) return zone;
  }
  constexpr std::size_t kCachedZones = 32;
  const Zone* zone = zones_.Resolve(tzid);
  zones_used_.emplace_back(tzid);
  if (zone_cache_.size() < kCachedZones) zone_cache_.emplace_back(std::string(tzid), zone);
  return zone;
}

// The date or date-time a DTSTART, DTEND, RECURRENCE-ID or EXDATE states, without the zone
// libical's own getters (icalproperty_get_dtstart and the like) would look up for its TZID:
// ReadTime resolves the TZID itself. Those getters search libical's table of built-in zones for
// every value: a scan of some 400 names and, for a name it does not know ("W. Europe Standard
// Time"), an attempt to open a file of that name under /usr/share/zoneinfo; and for a name only
// found there (a deprecated one, "US/Eastern"), an append to that table without a lock, which
// is not safe while another thread reads it.
icaltimetype StatedValue(icalproperty* property) {
  return icalvalue_get_datetime(icalproperty_get_value(property));
}

std::optional<Stated> EventReader::ReadTime(icalproperty* property, const icaltimetype& tt) {
  auto local = FromIcal(tt);
  if (!local) return std::nullopt;
  const char* tzid = nullptr;
  if (icalparameter* param = icalproperty_get_first_parameter(property, ICAL_TZID_PARAMETER)) {
    tzid = icalparameter_get_tzid(param);
  }
  return Stated{*local, tt.is_date != 0,
                ZoneOf(tt.is_date != 0, icaltime_is_utc(tt) != 0, tzid == nullptr ? "" : tzid)};
}

std::optional<EventRecord> EventReader::Read(const Block& block) {
  std::string source = ical::BlockSource(text_, block, stray_ends_);
  ComponentPtr parsed(icalparser_parse_string(source.c_str()));
  icalcomponent* event = parsed.get();
  if (event != nullptr && icalcomponent_isa(event) != ICAL_VEVENT_COMPONENT) {
    event = icalcomponent_get_first_component(event, ICAL_VEVENT_COMPONENT);
  }
  if (event == nullptr) {
    Refuse(block.line, "", nullptr,
           "the VEVENT could not be read (expected its properties "
           "between BEGIN:VEVENT and END:VEVENT)");
    return std::nullopt;
  }
  EventRecord record;
  record.data.line = block.line;
  bool has_start = false;
  std::vector<std::string> dropped;  // critical properties libical could not read
  auto drop = [&dropped](std::string name) {
    if (std::find(dropped.begin(), dropped.end(), name) == dropped.end()) {
      dropped.push_back(std::move(name));
    }
  };
  std::vector<CalendarPerson> attendees;  // shared by the occurrences once read
  bool have_summary = false;
  bool have_location = false;
  bool have_description = false;
  for (icalproperty* property = icalcomponent_get_first_property(event, ICAL_ANY_PROPERTY);
       property != nullptr; property = icalcomponent_get_next_property(event, ICAL_ANY_PROPERTY)) {
    switch (icalproperty_isa(property)) {
      case ICAL_UID_PROPERTY:
        if (record.data.uid.empty()) record.data.uid = Trimmed(icalproperty_get_uid(property));
        break;
      case ICAL_SUMMARY_PROPERTY:
        if (!have_summary) record.data.summary = Trimmed(icalproperty_get_summary(property));
        have_summary = true;
        break;
      case ICAL_LOCATION_PROPERTY:
        if (!have_location) record.data.location = Trimmed(icalproperty_get_location(property));
        have_location = true;
        break;
      case ICAL_DESCRIPTION_PROPERTY:
        if (!have_description && descriptions_) {
          record.data.description = Trimmed(icalproperty_get_description(property));
        }
        have_description = true;
        break;
      case ICAL_STATUS_PROPERTY:
        record.data.status = UpperCase(Trimmed(icalproperty_get_value_as_string(property)));
        break;
      case ICAL_DTSTART_PROPERTY:
        if (auto start = ReadTime(property, StatedValue(property))) {
          record.start = *start;
          has_start = true;
        } else {
          drop("DTSTART");
        }
        break;
      case ICAL_DTEND_PROPERTY:
        if (auto end = ReadTime(property, StatedValue(property))) {
          record.end = *end;
        } else {
          drop("DTEND");
        }
        break;
      case ICAL_DURATION_PROPERTY: {
        icaldurationtype duration = icalproperty_get_duration(property);
        if (icaldurationtype_is_bad_duration(duration) != 0) {
          drop("DURATION");
        } else {
          record.duration = seconds(icaldurationtype_as_int(duration));
        }
        break;
      }
      case ICAL_RECURRENCEID_PROPERTY:
        if (auto id = ReadTime(property, StatedValue(property))) {
          record.recurrence_id = *id;
        } else {
          drop("RECURRENCE-ID");
        }
        if (icalparameter* range =
                icalproperty_get_first_parameter(property, ICAL_RANGE_PARAMETER)) {
          record.this_and_future = icalparameter_get_range(range) == ICAL_RANGE_THISANDFUTURE;
        }
        break;
      case ICAL_RRULE_PROPERTY: {
        icalrecurrencetype rule = icalproperty_get_rrule(property);
        char* text =
            rule.freq == ICAL_NO_RECURRENCE ? nullptr : icalrecurrencetype_as_string_r(&rule);
        if (text == nullptr) {
          drop("RRULE");
        } else {
          record.rrules.emplace_back(text);
          icalmemory_free_buffer(text);
        }
        break;
      }
      case ICAL_RDATE_PROPERTY: {
        icaldatetimeperiodtype value = icalproperty_get_rdate(property);
        std::optional<Stated> start;
        std::optional<Stated> end;
        if (icaltime_is_null_time(value.time) == 0) {
          start = ReadTime(property, value.time);
        } else if (icalperiodtype_is_null_period(value.period) == 0) {
          start = ReadTime(property, value.period.start);
          if (icaltime_is_null_time(value.period.end) == 0) {
            end = ReadTime(property, value.period.end);
          } else if (start) {
            end = *start;
            end->local += seconds(icaldurationtype_as_int(value.period.duration));
          }
          if (!end) start.reset();
        }
        if (start) {
          record.rdates.push_back({*start, end});
        } else {
          drop("RDATE");
        }
        break;
      }
      case ICAL_EXDATE_PROPERTY:
        if (auto exdate = ReadTime(property, StatedValue(property))) {
          record.exdates.push_back(*exdate);
        } else {
          drop("EXDATE");
        }
        break;
      case ICAL_ORGANIZER_PROPERTY:
        if (!record.data.organizer) {
          record.data.organizer = ReadPerson(property, icalproperty_get_organizer(property));
        }
        break;
      case ICAL_ATTENDEE_PROPERTY:
        attendees.push_back(ReadPerson(property, icalproperty_get_attendee(property)));
        break;
      case ICAL_XLICERROR_PROPERTY: {
        std::string name = ErroredProperty(icalproperty_get_xlicerror(property));
        if (IsCritical(name)) drop(std::move(name));
        break;
      }
      default:
        break;
    }
  }
  for (const std::string& name : dropped) {
    // RDATE and EXDATE get a second, more lenient reading of the raw text.
    if ((name == "RDATE" || name == "EXDATE") && ReadRawDates(block, name, record)) continue;
    if (name == "RDATE" || name == "EXDATE") return std::nullopt;  // refused inside
    Refuse(block, name);
    return std::nullopt;
  }
  if (!has_start) {
    Refuse(block.line, "DTSTART", nullptr,
           "the VEVENT has no DTSTART (every meeting needs a start date or date-time)");
    return std::nullopt;
  }
  if (record.data.uid.empty()) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "allies-%016llx",
                  static_cast<unsigned long long>(ical::HashEventText(BlockText(block))));
    record.data.uid = buffer;
  }
  record.cancelled = method_cancel_ || record.data.status == "CANCELLED";
  record.data.attendees = AttendeeList(std::move(attendees));
  return record;
}

// Reads every RDATE or EXDATE of the block from its raw text, replacing what libical read.
// False (and the VEVENT refused) when a value still cannot be read.
bool EventReader::ReadRawDates(const Block& block, std::string_view name, EventRecord& record) {
  bool rdate = name == "RDATE";
  if (rdate) {
    record.rdates.clear();
  } else {
    record.exdates.clear();
  }
  for (const ical::RawProperty& raw : ical::ScanProperties(BlockText(block), block.line)) {
    if (raw.name != name) continue;
    std::string tzid = ical::ParamValue(raw.params, "TZID");
    std::string_view values(raw.value);
    bool ok = raw.has_colon;
    while (ok && !values.empty()) {
      std::size_t comma = values.find(',');
      std::string_view item = values.substr(0, comma);
      values = comma == std::string_view::npos ? std::string_view() : values.substr(comma + 1);
      while (!item.empty() && (item.front() == ' ' || item.front() == '\t')) item.remove_prefix(1);
      while (!item.empty() && (item.back() == ' ' || item.back() == '\t')) item.remove_suffix(1);
      if (item.empty()) continue;
      std::size_t slash = item.find('/');
      auto start = ParseTimeText(item.substr(0, slash));
      if (!start) {
        ok = false;
        break;
      }
      Stated stated{start->local, start->is_date, ZoneOf(start->is_date, start->is_utc, tzid)};
      std::optional<Stated> end;
      if (slash != std::string_view::npos) {
        std::string after(item.substr(slash + 1));
        if (auto end_text = ParseTimeText(after)) {
          end = Stated{end_text->local, end_text->is_date,
                       ZoneOf(end_text->is_date, end_text->is_utc, tzid)};
        } else {
          icaldurationtype duration = icaldurationtype_from_string(after.c_str());
          if (icaldurationtype_is_bad_duration(duration) != 0 || !rdate) {
            ok = false;
            break;
          }
          end = stated;
          end->local += seconds(icaldurationtype_as_int(duration));
        }
      }
      if (rdate) {
        record.rdates.push_back({stated, end});
      } else {
        record.exdates.push_back(stated);
      }
    }
    if (!ok) {
      Refuse(raw.line, name, &raw,
             std::string(name) + " \"" + Shortened(raw.value) +
                 "\" is not a list of dates or date-times (expected values like 20200609, "
                 "20200609T090000 or 20200609T070000Z, separated by commas)");
      return false;
    }
  }
  return true;
}

void EventReader::Refuse(const Block& block, std::string_view name) {
  std::vector<ical::RawProperty> raw = ical::ScanProperties(BlockText(block), block.line);
  const ical::RawProperty* bad = nullptr;
  for (const ical::RawProperty& property : raw) {
    if (property.name != name) continue;
    if (bad == nullptr) bad = &property;
    bool readable = property.has_colon && !property.value.empty() &&
                    (!IsTimeProperty(name) || ParseTimeText(property.value).has_value());
    if (!readable) {
      bad = &property;
      break;
    }
  }
  std::size_t line = bad == nullptr ? block.line : bad->line;
  std::string value = bad == nullptr ? std::string() : Shortened(bad->value);
  std::string message;
  if (bad != nullptr && !bad->has_colon) {
    message = std::string(name) + " has no value: its text \"" + Shortened(bad->params) +
              "\" has no colon outside quotes (expected " + std::string(name) +
              ";TZID=\"zone\":YYYYMMDDTHHMMSS, the colon after the closing quote)";
  } else if (IsTimeProperty(name)) {
    message = std::string(name) + " \"" + value +
              "\" is not a date or date-time (expected YYYYMMDD, YYYYMMDDTHHMMSS or "
              "YYYYMMDDTHHMMSSZ)";
  } else if (name == "DURATION") {
    message = "DURATION \"" + value + "\" is not a duration (expected e.g. PT1H30M or P1D)";
  } else {
    message =
        "RRULE \"" + value + "\" is not a recurrence rule (expected e.g. FREQ=WEEKLY;BYDAY=MO,WE)";
  }
  Refuse(line, name, bad, std::move(message));
}

void EventReader::Refuse(std::size_t line, std::string_view name, const ical::RawProperty* raw,
                         std::string message) {
  RecordError error;
  error.line = line;
  error.property = std::string(name);
  if (raw != nullptr) {
    error.value = Shortened(raw->value.empty() && !raw->params.empty() ? raw->params : raw->value);
  }
  error.message = std::move(message);
  errors_.push_back(std::move(error));
}

// ---------------------------------------------------------------------------------------------
// Pass 2: series expanded, overrides matched, occurrences in the window produced.

struct Instance {
  Key key = 0;
  core::TimePoint start{};
  std::optional<core::TimePoint> end;  // from an RDATE period
  bool excluded = false;
};

class Expander {
 public:
  // The occurrences go to `file` (its events and cancelled count).
  Expander(const CalendarOptions& options, const Zone* default_zone, CalendarFile& file)
      : options_(options), default_zone_(default_zone), file_(file) {}

  // The occurrences of the records of one UID (`group`: their indexes, in file order).
  void Group(std::vector<EventRecord>& records, const std::vector<std::size_t>& group);

 private:
  void Series(EventRecord& master, const std::vector<const EventRecord*>& overrides);
  void Orphan(const EventRecord& record);
  std::vector<Instance> Expand(const EventRecord& series, core::TimePoint from,
                               core::TimePoint to) const;
  void ExpandRule(const EventRecord& series, const std::string& text, core::TimePoint from,
                  core::TimePoint to, std::vector<Instance>& out) const;
  [[nodiscard]] Key KeyOf(const EventRecord& series, const Stated& stated) const;
  [[nodiscard]] core::TimePoint StartOf(const EventRecord& series, const Stated& stated) const;
  [[nodiscard]] core::TimePoint EndOf(const EventRecord& record, core::TimePoint start) const;
  [[nodiscard]] std::string FormatKey(const EventRecord& series, Key key) const;
  // Adds the occurrence when it starts in the window (or counts it as cancelled). `source` is
  // copied; with `last_use` its text and people are moved instead.
  void Emit(const EventRecord& source, core::TimePoint start, core::TimePoint end,
            std::string recurrence_id, bool cancelled, EventRecord* last_use = nullptr);

  const CalendarOptions& options_;
  const Zone* default_zone_;
  CalendarFile& file_;
};

Key Expander::KeyOf(const EventRecord& series, const Stated& stated) const {
  if (series.start.is_date) return stated.Day().time_since_epoch().count();
  if (stated.is_date) {
    // A DATE naming an instance of a date-time series: that day at the series' time of day.
    auto time_of_day = series.start.local - series.start.Day();
    return series.start.zone->ToUtc(stated.Day() + time_of_day).time_since_epoch().count();
  }
  return stated.Utc().time_since_epoch().count();
}

std::string Expander::FormatKey(const EventRecord& series, Key key) const {
  if (series.start.is_date) return FormatDay(local_days(days(key)));
  return FormatUtc(core::TimePoint(seconds(key)));
}

// Where an instance of `series` stated as `stated` starts: all-day instances at local midnight.
core::TimePoint Expander::StartOf(const EventRecord& series, const Stated& stated) const {
  if (series.start.is_date) return default_zone_->ToUtc(stated.Day());
  return stated.Utc();
}

// The end of an occurrence of `record` that starts at `start`.
core::TimePoint Expander::EndOf(const EventRecord& record, core::TimePoint start) const {
  if (record.start.is_date) {
    days length(1);
    if (record.end) {
      length = record.end->Day() - record.start.Day();
    } else if (record.duration) {
      length = std::chrono::ceil<days>(*record.duration);
    }
    if (length < days(1)) length = days(1);
    local_days day = std::chrono::floor<days>(default_zone_->ToLocal(start));
    return default_zone_->ToUtc(day + length);
  }
  seconds length(0);
  if (record.end) {
    length = record.end->Utc() - record.start.Utc();
  } else if (record.duration) {
    length = *record.duration;
  }
  return start + std::max(length, seconds(0));
}

void Expander::Emit(const EventRecord& source, core::TimePoint start, core::TimePoint end,
                    std::string recurrence_id, bool cancelled, EventRecord* last_use) {
  if (start < options_.since || start >= options_.until) return;
  if (cancelled) {
    ++file_.cancelled;
    return;
  }
  CalendarEvent event;
  if (last_use != nullptr) {
    event = std::move(last_use->data);
  } else {
    event = source.data;
  }
  event.start = start;
  event.end = end;
  event.all_day = source.start.is_date;
  event.recurrence_id = std::move(recurrence_id);
  file_.events.push_back(std::move(event));
}

void Expander::ExpandRule(const EventRecord& series, const std::string& text, core::TimePoint from,
                          core::TimePoint to, std::vector<Instance>& out) const {
  icalrecurrencetype rule = icalrecurrencetype_from_string(text.c_str());
  if (rule.freq == ICAL_NO_RECURRENCE) return;
  bool all_day = series.start.is_date;
  const Zone* zone = series.start.zone;
  // UNTIL is compared here, as an instant (or a day), rather than by libical, which would
  // compare a UTC UNTIL with the floating readings it iterates over.
  std::optional<local_days> until_day;
  std::optional<core::TimePoint> until;
  if (icaltime_is_null_time(rule.until) == 0) {
    if (auto local = FromIcal(rule.until)) {
      if (rule.until.is_date != 0) {
        until_day = std::chrono::floor<days>(*local);
      } else {
        until = icaltime_is_utc(rule.until) != 0 ? core::TimePoint(local->time_since_epoch())
                                                 : zone->ToUtc(*local);
      }
    }
    rule.until = icaltime_null_time();
  }
  IteratorPtr iterator(icalrecur_iterator_new(rule, ToIcal(series.start.local, all_day)));
  if (iterator == nullptr) return;  // a rule libical cannot follow: DTSTART alone
  if (rule.count == 0) {
    // Skip what lies before the window (with two days' slack for zone offsets).
    local_seconds from_local = zone->ToLocal(from) - days(2);
    if (from_local > series.start.local) {
      icalrecur_iterator_set_start(iterator.get(), ToIcal(from_local, all_day));
    }
  }
  for (std::size_t n = 0; n < kMaxInstancesPerRule; ++n) {
    icaltimetype tt = icalrecur_iterator_next(iterator.get());
    if (icaltime_is_null_time(tt) != 0) break;
    auto local = FromIcal(tt);
    if (!local) break;
    Stated stated{*local, all_day, zone};
    core::TimePoint start = StartOf(series, stated);
    if (until_day && std::chrono::floor<days>(*local) > *until_day) break;
    if (until && start > *until) break;
    if (start >= to + days(1)) break;  // one day's slack: instances of a day may straddle it
    if (start < from || start >= to) continue;
    out.push_back({KeyOf(series, stated), start, std::nullopt, false});
  }
}

std::vector<Instance> Expander::Expand(const EventRecord& series, core::TimePoint from,
                                       core::TimePoint to) const {
  std::vector<Instance> out;
  auto add = [&](const Stated& stated, std::optional<core::TimePoint> end) {
    core::TimePoint start = StartOf(series, stated);
    if (start >= from && start < to) out.push_back({KeyOf(series, stated), start, end, false});
  };
  add(series.start, std::nullopt);
  for (const std::string& rule : series.rrules) ExpandRule(series, rule, from, to, out);
  for (const RDate& rdate : series.rdates) {
    add(rdate.start, rdate.end ? std::optional(rdate.end->Utc()) : std::nullopt);
  }
  // Stable: of two instances with one key, the first (DTSTART, then the rule) is kept.
  std::stable_sort(out.begin(), out.end(),
                   [](const Instance& a, const Instance& b) { return a.key < b.key; });
  out.erase(std::unique(out.begin(), out.end(),
                        [](const Instance& a, const Instance& b) { return a.key == b.key; }),
            out.end());
  if (series.exdates.empty()) return out;
  std::unordered_set<Key> excluded;
  std::unordered_set<std::int64_t> excluded_days;  // DATE exdates of a date-time series
  for (const Stated& exdate : series.exdates) {
    if (exdate.is_date && !series.start.is_date) {
      excluded_days.insert(exdate.Day().time_since_epoch().count());
    } else {
      excluded.insert(KeyOf(series, exdate));
    }
  }
  for (Instance& instance : out) {
    instance.excluded = excluded.count(instance.key) != 0;
    if (!instance.excluded && !excluded_days.empty()) {
      local_days day = std::chrono::floor<days>(series.start.zone->ToLocal(instance.start));
      instance.excluded = excluded_days.count(day.time_since_epoch().count()) != 0;
    }
  }
  return out;
}

void Expander::Series(EventRecord& master, const std::vector<const EventRecord*>& overrides) {
  if (!master.Recurring() && overrides.empty()) {
    // The common case, kept cheap: one meeting, whose record is not needed afterwards.
    core::TimePoint start = StartOf(master, master.start);
    Emit(master, start, EndOf(master, start), {}, master.cancelled, &master);
    return;
  }
  std::unordered_map<Key, const EventRecord*> exact;
  struct Future {
    Key key;
    seconds shift;
    const EventRecord* record;
  };
  std::vector<Future> future;
  seconds widest(0);
  for (const EventRecord* record : overrides) {
    Key key = KeyOf(master, *record->recurrence_id);
    exact.emplace(key, record);
    if (record->this_and_future) {
      seconds shift = StartOf(master, record->start) - StartOf(master, *record->recurrence_id);
      future.push_back({key, shift, record});
      widest = std::max(widest, shift < seconds(0) ? -shift : shift);
    }
  }
  std::sort(future.begin(), future.end(),
            [](const Future& a, const Future& b) { return a.key < b.key; });
  for (const Instance& instance :
       Expand(master, options_.since - widest, options_.until + widest)) {
    if (exact.count(instance.key) != 0) continue;  // the override is its occurrence
    std::string id = master.Recurring() ? FormatKey(master, instance.key) : std::string();
    // The latest THISANDFUTURE override before this instance, if any, reshapes it.
    auto later = std::upper_bound(future.begin(), future.end(), instance.key,
                                  [](Key key, const Future& f) { return key < f.key; });
    if (later != future.begin()) {
      const Future& applied = *std::prev(later);
      core::TimePoint start = instance.start + applied.shift;
      Emit(*applied.record, start, EndOf(*applied.record, start), std::move(id),
           instance.excluded || master.cancelled || applied.record->cancelled);
      continue;
    }
    core::TimePoint end = instance.end ? *instance.end : EndOf(master, instance.start);
    Emit(master, instance.start, end, std::move(id), instance.excluded || master.cancelled);
  }
  for (const auto& [key, record] : exact) {
    core::TimePoint start = StartOf(*record, record->start);
    Emit(*record, start, EndOf(*record, start), FormatKey(master, key),
         master.cancelled || record->cancelled);
  }
}

// An override whose master is not in the file: an occurrence of its own, or a series when it
// carries RRULE/RDATE (Lotus Notes sends THISANDFUTURE changes that way).
void Expander::Orphan(const EventRecord& record) {
  if (!record.Recurring()) {
    core::TimePoint start = StartOf(record, record.start);
    std::string id = record.recurrence_id->is_date ? FormatDay(record.recurrence_id->Day())
                                                   : FormatUtc(record.recurrence_id->Utc());
    Emit(record, start, EndOf(record, start), std::move(id), record.cancelled);
    return;
  }
  for (const Instance& instance : Expand(record, options_.since, options_.until)) {
    core::TimePoint end = instance.end ? *instance.end : EndOf(record, instance.start);
    Emit(record, instance.start, end, FormatKey(record, instance.key),
         instance.excluded || record.cancelled);
  }
}

void Expander::Group(std::vector<EventRecord>& records, const std::vector<std::size_t>& group) {
  EventRecord* master = nullptr;
  std::vector<const EventRecord*> overrides;
  for (std::size_t index : group) {
    EventRecord& record = records[index];
    if (record.recurrence_id) {
      overrides.push_back(&record);
    } else if (master == nullptr) {
      master = &record;
    } else {
      Series(record, {});  // a second master with the same UID stands alone
    }
  }
  if (master != nullptr) {
    Series(*master, overrides);
  } else {
    for (const EventRecord* record : overrides) Orphan(*record);
  }
}

std::string FirstLine(std::string_view text) {
  std::size_t end = text.find_first_of("\r\n");
  return Shortened(text.substr(0, end));
}

std::mutex& LibicalMutex() {
  static std::mutex mutex;
  return mutex;
}

// Sorts by start, then uid, then recurrence_id, then the order they were produced in (two
// masters with one UID). The order is worked out on indexes and the events are then moved into
// place along the permutation's cycles, about once each: a million events of a dozen strings
// each sort several times faster than when std::sort swaps them, and no second vector of them
// (384 bytes an event: 384 MB for the benchmark's calendar) is needed.
void SortEvents(std::vector<CalendarEvent>& events) {
  // order[i]: the index of the event that goes to position i.
  std::vector<std::size_t> order(events.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&events](std::size_t a, std::size_t b) {
    const CalendarEvent& x = events[a];
    const CalendarEvent& y = events[b];
    return std::tie(x.start, x.uid, x.recurrence_id, a) <
           std::tie(y.start, y.uid, y.recurrence_id, b);
  });
  for (std::size_t first = 0; first < order.size(); ++first) {
    if (order[first] == first) continue;  // in place, or placed along an earlier cycle
    CalendarEvent held = std::move(events[first]);
    std::size_t at = first;
    while (order[at] != first) {
      const std::size_t from = order[at];
      events[at] = std::move(events[from]);
      order[at] = at;
      at = from;
    }
    events[at] = std::move(held);
    order[at] = at;
  }
}

// What one run of consecutive VEVENT blocks gave.
struct Chunk {
  std::vector<EventRecord> records;
  std::vector<RecordError> errors;
  std::vector<std::string> zones_used;
};

// Threads that read the VEVENTs: `wanted`, or one per core for 0, at most kMaxReadThreads.
constexpr std::size_t kMaxReadThreads = 8;
std::size_t ThreadsFor(std::size_t wanted) {
  if (wanted == 0) wanted = std::max(1U, std::thread::hardware_concurrency());
  return std::min(wanted, kMaxReadThreads);
}

// How many consecutive items make a run for ForEachRun: small enough to share out evenly (a
// core busy elsewhere takes fewer), large enough that handing them out costs nothing.
std::size_t RunLength(std::size_t items, std::size_t threads) {
  constexpr std::size_t kMaxRun = 512;
  return std::clamp<std::size_t>(items / (threads * 16), 1, kMaxRun);
}

// Calls `run(r)` for every r in [0, runs) on up to `threads` threads, this one included, each
// taking the next run no one has taken. The first exception stops the others after their
// current run and is rethrown here, once every thread has finished.
template <class Run>
void ForEachRun(std::size_t runs, std::size_t threads, Run&& run) {
  threads = std::min(threads, runs);
  std::atomic<std::size_t> next{0};
  std::mutex failure_mutex;
  std::exception_ptr failure;
  auto work = [&]() noexcept {
    try {
      for (std::size_t r = next++; r < runs; r = next++) run(r);
    } catch (...) {
      const std::lock_guard<std::mutex> lock(failure_mutex);
      if (!failure) failure = std::current_exception();
      next = runs;
    }
  };
  std::vector<std::thread> helpers;
  for (std::size_t i = 1; i < threads; ++i) {
    helpers.emplace_back([&work] {
      work();
      icalmemory_free_ring();  // this thread's temporary buffers
    });
  }
  work();
  for (std::thread& helper : helpers) helper.join();
  if (failure) std::rethrow_exception(failure);
}

// Reads every VEVENT block of `layout` into records (in file order), on `threads` threads:
// runs of consecutive blocks are handed out to whichever thread is free, and the runs' results
// are joined in file order, so the records, the errors and their order do not depend on the
// threads. Each parse builds its own components; what libical shares between threads is read
// only once ReadCalendar has filled it (see there), and the file's zone table is shared behind
// its own mutex.
std::vector<EventRecord> ReadEvents(std::string_view text, const ical::Layout& layout,
                                    ical::ZoneTable& zones, std::size_t threads, bool descriptions,
                                    std::vector<RecordError>& errors,
                                    std::vector<std::string>& zones_used) {
  const std::vector<Block>& blocks = layout.events;
  const bool method_cancel = layout.method == "CANCEL";
  const std::size_t run = RunLength(blocks.size(), threads);
  std::vector<Chunk> chunks((blocks.size() + run - 1) / run);
  ForEachRun(chunks.size(), threads, [&](std::size_t c) {
    Chunk& chunk = chunks[c];
    EventReader reader(text, layout.stray_ends, zones, method_cancel, descriptions, chunk.errors);
    const std::size_t end = std::min(blocks.size(), (c + 1) * run);
    chunk.records.reserve(end - c * run);
    for (std::size_t b = c * run; b < end; ++b) {
      if (auto record = reader.Read(blocks[b])) chunk.records.push_back(std::move(*record));
    }
    chunk.zones_used = reader.TakeZonesUsed();
  });

  std::size_t count = 0;
  for (const Chunk& chunk : chunks) count += chunk.records.size();
  std::vector<EventRecord> records;
  records.reserve(count);
  for (Chunk& chunk : chunks) {
    std::move(chunk.records.begin(), chunk.records.end(), std::back_inserter(records));
    std::move(chunk.errors.begin(), chunk.errors.end(), std::back_inserter(errors));
    std::move(chunk.zones_used.begin(), chunk.zones_used.end(), std::back_inserter(zones_used));
    chunk = Chunk();
  }
  return records;
}

// Expands the records, grouped by UID in order of first appearance, into `file`'s events (in
// that order) on `threads` threads: runs of consecutive groups go to whichever thread is free,
// and the runs' events are joined in order, so the result does not depend on the threads.
// Each group's records are used by one thread only; the zones are shared (ZoneTable::Resolve).
void ExpandAll(const CalendarOptions& options, const Zone* default_zone,
               std::vector<EventRecord>& records, std::size_t threads, CalendarFile& file) {
  std::unordered_map<std::string_view, std::size_t> group_of;
  std::vector<std::vector<std::size_t>> groups;
  group_of.reserve(records.size());
  for (std::size_t i = 0; i < records.size(); ++i) {
    auto [it, inserted] = group_of.emplace(records[i].data.uid, groups.size());
    if (inserted) groups.emplace_back();
    groups[it->second].push_back(i);
  }
  group_of = {};

  const std::size_t run = RunLength(groups.size(), threads);
  std::vector<CalendarFile> parts((groups.size() + run - 1) / run);
  ForEachRun(parts.size(), threads, [&](std::size_t p) {
    Expander expander(options, default_zone, parts[p]);
    const std::size_t end = std::min(groups.size(), (p + 1) * run);
    for (std::size_t g = p * run; g < end; ++g) expander.Group(records, groups[g]);
  });

  std::size_t count = 0;
  for (const CalendarFile& part : parts) count += part.events.size();
  file.events.reserve(file.events.size() + count);
  for (CalendarFile& part : parts) {
    std::move(part.events.begin(), part.events.end(), std::back_inserter(file.events));
    file.cancelled += part.cancelled;
    part = CalendarFile();
  }
}

}  // namespace

namespace {

// ReadCalendar, freeing `owned` (the bytes, when the caller gave them) once the VEVENTs are read.
core::Result<CalendarFile> Read(std::string_view bytes, std::string* owned,
                                const CalendarOptions& options) {
  // What libical reads: the bytes themselves when they are UTF-8 without bare CRs (every export
  // seen), else a converted or normalised copy (the benchmark's 458 MB calendar was copied whole
  // for nothing).
  std::string copy;
  std::string_view text = bytes;
  if (!IsValidUtf8(bytes)) {
    auto converted = ToUtf8(bytes, "windows-1252");
    copy = converted ? std::move(*converted) : RepairUtf8(bytes);
    text = copy;
  }
  if (ical::HasBareCr(text)) {
    if (text.data() != copy.data()) copy = std::string(text);
    ical::NormaliseLineEnds(copy);
    text = copy;
  }
  ical::Layout layout = ical::ScanLayout(text);
  if (!layout.has_vcalendar) {
    return core::Fail(core::ErrorCode::kInvalidArgument,
                      "the file is not an iCalendar file: it starts with \"" + FirstLine(text) +
                          "\" and has no BEGIN:VCALENDAR line (expected an .ics export)");
  }

  std::lock_guard<std::mutex> lock(LibicalMutex());
  icalerror_set_errors_are_fatal(0);
  // libical fills its table of built-in zones on first use, from whichever thread needs it
  // first (parsing a UTC time asks for its UTC zone); it fills it under a lock but looks at it
  // without one, so another thread can read the table while it is being filled and reallocated:
  // the one crash seen with two reader threads (a core dump: icaltimezone_get_builtin_timezone
  // reading while icaltimezone_get_utc_timezone filled the table). Filled here, once per
  // process, before any reader thread starts; after that libical only reads it, as long as
  // nothing here looks a zone up by name through libical (StatedValue).
  icaltimezone_get_utc_timezone();
  ALLIES_TRY(std::unique_ptr<ical::ZoneTable> zones,
             ical::ZoneTable::Create(text, layout, options.default_zone));

  CalendarFile file;
  file.producer = layout.producer;
  std::vector<std::string> zones_used;
  std::vector<EventRecord> records = ReadEvents(text, layout, *zones, ThreadsFor(options.threads),
                                                options.descriptions, file.errors, zones_used);
  // The text is not looked at again: only the reading of the VEVENTs resolves zones (from the
  // VTIMEZONEs in the text), and the layout holds offsets only.
  text = {};
  std::string().swap(copy);
  if (owned != nullptr) std::string().swap(*owned);
  ExpandAll(options, zones->Default(), records, ThreadsFor(options.threads), file);
  records = {};  // moved-from husks; free them before sorting
  SortEvents(file.events);
  file.unknown_zones = zones->Unknown(zones_used);
  return file;
}

}  // namespace

core::Result<CalendarFile> ReadCalendar(std::string_view bytes, const CalendarOptions& options) {
  return Read(bytes, nullptr, options);
}

core::Result<CalendarFile> ReadCalendarOwned(std::string&& bytes, const CalendarOptions& options) {
  return Read(bytes, &bytes, options);
}

}  // namespace allies::formats
