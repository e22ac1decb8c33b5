#include "formats/ical_zones.h"

#include <libical/ical.h>

#include <array>
#include <atomic>
#include <cctype>
#include <cstdint>
#include <exception>
#include <optional>

#include <date/date.h>
#include <date/tz.h>

#include "formats/windows_zones.h"

namespace allies::formats::ical {
namespace {

using std::chrono::local_seconds;
using std::chrono::seconds;

// Readings this far from a change of offset map with the period's offset even when the change
// is as large as any in the tz database (clocks have jumped by up to a day).
constexpr std::chrono::hours kCacheMargin(48);

class FixedZone final : public Zone {
 public:
  explicit FixedZone(seconds offset) : offset_(offset) {}
  [[nodiscard]] core::TimePoint ToUtc(local_seconds local) const override {
    return core::TimePoint(local.time_since_epoch() - offset_);
  }
  [[nodiscard]] local_seconds ToLocal(core::TimePoint utc) const override {
    return local_seconds(utc.time_since_epoch() + offset_);
  }

 private:
  seconds offset_;
};

// A period of one IANA zone's offset, by the zone's serial number (an address could be a later
// zone's, once this one is gone).
struct Period {
  std::uint64_t zone = 0;
  seconds offset{0};
  date::local_seconds local_begin{};
  date::local_seconds local_end{};
};
thread_local std::array<Period, 8> periods{};

// An IANA zone of the system tz database. Each thread keeps the period it last looked up in a
// zone (for a few zones), since a calendar's times cluster: most conversions then skip
// date-tz's search. date-tz itself may be used from several threads.
class TzZone final : public Zone {
 public:
  explicit TzZone(const date::time_zone* zone) : zone_(zone), serial_(++serials) {}

  [[nodiscard]] core::TimePoint ToUtc(local_seconds local) const override {
    date::local_seconds at(local.time_since_epoch());
    Period& period = periods[serial_ % periods.size()];
    if (period.zone == serial_ && at >= period.local_begin && at < period.local_end) {
      return core::TimePoint(local.time_since_epoch() - period.offset);
    }
    date::local_info info = zone_->get_info(at);
    // For a reading that does not exist or exists twice, `first` is the period before the
    // change: RFC 5545's choice in both cases.
    seconds offset = info.first.offset;
    if (info.result == date::local_info::unique) {
      // Readings strictly inside the period, away from both changes, map the same way.
      period =
          Period{serial_, offset,
                 date::local_seconds(info.first.begin.time_since_epoch() + offset + kCacheMargin),
                 date::local_seconds(info.first.end.time_since_epoch() + offset - kCacheMargin)};
    }
    return core::TimePoint(local.time_since_epoch() - offset);
  }

  [[nodiscard]] local_seconds ToLocal(core::TimePoint utc) const override {
    date::sys_info info = zone_->get_info(date::sys_seconds(utc.time_since_epoch()));
    return local_seconds(utc.time_since_epoch() + info.offset);
  }

 private:
  static inline std::atomic<std::uint64_t> serials{0};

  const date::time_zone* zone_;
  std::uint64_t serial_;
};

icaltimetype ToIcal(local_seconds local) {
  auto day = std::chrono::floor<std::chrono::days>(local);
  std::chrono::year_month_day ymd{day};
  std::chrono::hh_mm_ss<seconds> time{local - day};
  icaltimetype tt = icaltime_null_time();
  tt.year = static_cast<int>(ymd.year());
  tt.month = static_cast<int>(static_cast<unsigned>(ymd.month()));
  tt.day = static_cast<int>(static_cast<unsigned>(ymd.day()));
  tt.hour = static_cast<int>(time.hours().count());
  tt.minute = static_cast<int>(time.minutes().count());
  tt.second = static_cast<int>(time.seconds().count());
  return tt;
}

// A VTIMEZONE of the file; libical expands its rules. Owns the icaltimezone (and through it the
// component).
class VtimezoneZone final : public Zone {
 public:
  explicit VtimezoneZone(icaltimezone* zone) : zone_(zone) {}
  VtimezoneZone(const VtimezoneZone&) = delete;
  VtimezoneZone& operator=(const VtimezoneZone&) = delete;
  ~VtimezoneZone() override { icaltimezone_free(zone_, 1); }

  [[nodiscard]] core::TimePoint ToUtc(local_seconds local) const override {
    icaltimetype tt = ToIcal(local);
    int is_daylight = 0;
    int offset = icaltimezone_get_utc_offset(zone_, &tt, &is_daylight);
    return core::TimePoint(local.time_since_epoch() - seconds(offset));
  }
  [[nodiscard]] local_seconds ToLocal(core::TimePoint utc) const override {
    icaltimetype tt = ToIcal(local_seconds(utc.time_since_epoch()));
    int is_daylight = 0;
    int offset = icaltimezone_get_utc_offset_of_utc_time(zone_, &tt, &is_daylight);
    return local_seconds(utc.time_since_epoch() + seconds(offset));
  }

 private:
  icaltimezone* zone_;
};

std::string Unquoted(std::string_view tzid) {
  std::string out;
  out.reserve(tzid.size());
  for (std::size_t i = 0; i < tzid.size(); ++i) {
    char c = tzid[i];
    if (c == '"') continue;
    if (c == '\\' && i + 1 < tzid.size()) c = tzid[++i];
    out.push_back(c);
  }
  std::size_t begin = out.find_first_not_of(" \t");
  if (begin == std::string::npos) return {};
  std::size_t end = out.find_last_not_of(" \t");
  return out.substr(begin, end - begin + 1);
}

}  // namespace

std::string CanonicalTzid(std::string_view tzid) {
  std::string text = Unquoted(tzid);
  std::string out;
  out.reserve(text.size());
  bool blank = false;
  for (char c : text) {
    if (c == ' ' || c == '\t') {
      blank = !out.empty();
      continue;
    }
    if (blank) out.push_back(' ');
    blank = false;
    out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return out;
}

core::Result<std::unique_ptr<ZoneTable>> ZoneTable::Create(std::string_view text,
                                                           const Layout& layout,
                                                           std::string_view default_zone) {
  std::unique_ptr<ZoneTable> table(new ZoneTable(text, layout));
  table->utc_ = table->Own(std::make_unique<FixedZone>(seconds(0)));
  table->default_ = table->FromIana(default_zone);
  if (table->default_ == nullptr) {
    return core::Fail(core::ErrorCode::kInvalidArgument,
                      "default time zone \"" + std::string(default_zone) +
                          "\" is not an IANA time zone name (expected e.g. Europe/Paris or UTC)");
  }
  for (const Block& block : layout.timezones) {
    for (const RawProperty& property :
         ScanProperties(text.substr(block.begin, block.end - block.begin), block.line)) {
      if (property.name != "TZID") continue;
      // The first TZID wins when a file defines one twice.
      table->vtimezones_.emplace(CanonicalTzid(property.value), block);
      break;
    }
  }
  return table;
}

ZoneTable::~ZoneTable() = default;

const Zone* ZoneTable::Own(std::unique_ptr<Zone> zone) {
  owned_.push_back(std::move(zone));
  return owned_.back().get();
}

const Zone* ZoneTable::Resolve(std::string_view tzid) {
  const std::lock_guard<std::mutex> lock(mutex_);
  std::string key = CanonicalTzid(tzid);
  auto found = resolved_.find(key);
  if (found != resolved_.end()) return found->second;
  const Zone* zone = Lookup(tzid, key);
  resolved_.emplace(std::move(key), zone);
  return zone;
}

const Zone* ZoneTable::Lookup(std::string_view tzid, const std::string& key) {
  if (auto block = vtimezones_.find(key); block != vtimezones_.end()) {
    if (const Zone* zone = FromVtimezone(block->second)) return zone;
  }
  std::string name = Unquoted(tzid);
  if (const Zone* zone = FromIana(name)) return zone;
  if (!name.empty() && name.front() == '/') {
    // "/mozilla.org/20050126_1/Europe/Paris", "/freeassociation.sourceforge.net/Tzfile/...":
    // the zone is the longest tail that names one.
    for (std::size_t slash = name.find('/', 1); slash != std::string::npos;
         slash = name.find('/', slash + 1)) {
      if (const Zone* zone = FromIana(std::string_view(name).substr(slash + 1))) return zone;
    }
  }
  if (auto iana = IanaForWindowsZone(name)) {
    if (const Zone* zone = FromIana(*iana)) return zone;
  }
  if (auto display = ParseWindowsDisplayName(name)) {
    if (display->iana) {
      if (const Zone* zone = FromIana(*display->iana)) return zone;
    }
    return Own(std::make_unique<FixedZone>(display->offset));
  }
  unknown_keys_.insert(key);
  unknown_.push_back(std::move(name));
  return default_;
}

std::vector<std::string> ZoneTable::Unknown(const std::vector<std::string>& used) const {
  std::vector<std::string> out;
  std::unordered_set<std::string> listed;
  for (const std::string& tzid : used) {
    std::string key = CanonicalTzid(tzid);
    if (unknown_keys_.count(key) == 0 || !listed.insert(std::move(key)).second) continue;
    out.push_back(Unquoted(tzid));  // as the first use in the file writes it
  }
  return out;
}

const Zone* ZoneTable::FromIana(std::string_view name) {
  if (name.empty()) return nullptr;
  std::string key(name);
  if (auto found = iana_.find(key); found != iana_.end()) return found->second;
  const Zone* zone = nullptr;
  try {
    zone = Own(std::make_unique<TzZone>(date::locate_zone(name)));
  } catch (const std::exception&) {
    zone = nullptr;  // not a zone name
  }
  iana_.emplace(std::move(key), zone);
  return zone;
}

const Zone* ZoneTable::FromVtimezone(const Block& block) {
  std::string text = BlockSource(text_, block, layout_.stray_ends);
  icalcomponent* parsed = icalparser_parse_string(text.c_str());
  if (parsed == nullptr) return nullptr;
  icalcomponent* component = parsed;
  if (icalcomponent_isa(parsed) != ICAL_VTIMEZONE_COMPONENT) {
    component = icalcomponent_get_first_component(parsed, ICAL_VTIMEZONE_COMPONENT);
    if (component != nullptr) icalcomponent_remove_component(parsed, component);
    icalcomponent_free(parsed);
    if (component == nullptr) return nullptr;
  }
  bool has_rules =
      icalcomponent_get_first_component(component, ICAL_XSTANDARD_COMPONENT) != nullptr ||
      icalcomponent_get_first_component(component, ICAL_XDAYLIGHT_COMPONENT) != nullptr;
  icaltimezone* zone = has_rules ? icaltimezone_new() : nullptr;
  if (zone == nullptr || icaltimezone_set_component(zone, component) == 0) {
    if (zone != nullptr) icaltimezone_free(zone, 1);
    icalcomponent_free(component);
    return nullptr;
  }
  return Own(std::make_unique<VtimezoneZone>(zone));
}

}  // namespace allies::formats::ical
