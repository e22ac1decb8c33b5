#pragma once
// Time zones for the iCalendar reader: every TZID of a file resolved once to a Zone that turns
// wall-clock readings into UTC and back. Internal to formats/ (used by ical.cc and its tests).
//
// Resolution order of a TZID (after removing quotes and backslash escapes, collapsing blanks and
// ignoring case, so `"(UTC+07:00) Bangkok, Hanoi, Jakarta"` matches the VTIMEZONE
// `(UTC+07:00) Bangkok\, Hanoi\, Jakarta`):
//  1. a VTIMEZONE of the file with that TZID and at least one STANDARD or DAYLIGHT rule (libical
//     computes its offsets);
//  2. an IANA zone name known to the system's tz database (date-tz), also as the tail of a
//     "/vendor/prefix/Area/City" TZID;
//  3. a Windows zone id ("W. Europe Standard Time"), through CLDR's territory-001 mapping;
//  4. a Windows display name ("(UTC-05:00) Eastern Time (US & Canada)", "(GMT+10:00) Canberra,
//     Melbourne, Sydney") whose place list CLDR records, through the same mapping; else the
//     offset the display name states, as a fixed zone without daylight saving;
//  5. otherwise the default zone; the TZID is then listed in Unknown().

#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/result.h"
#include "core/time.h"
#include "formats/ical_text.h"

namespace allies::formats::ical {

class Zone {
 public:
  Zone() = default;
  Zone(const Zone&) = delete;
  Zone& operator=(const Zone&) = delete;
  virtual ~Zone() = default;
  // A wall-clock reading in this zone as UTC. A reading that occurs twice (clocks going back)
  // is the first one; one that does not occur (clocks going forward) uses the offset before
  // the change, as RFC 5545 section 3.3.5 asks.
  [[nodiscard]] virtual core::TimePoint ToUtc(std::chrono::local_seconds local) const = 0;
  [[nodiscard]] virtual std::chrono::local_seconds ToLocal(core::TimePoint utc) const = 0;
};

class ZoneTable {
 public:
  // `layout` describes `text`, the whole normalised file; `layout` must outlive the table, and
  // `text` the last call of Resolve (which reads the VTIMEZONEs from it). Error: `default_zone`
  // is not an IANA zone name.
  [[nodiscard]] static core::Result<std::unique_ptr<ZoneTable>> Create(
      std::string_view text, const Layout& layout, std::string_view default_zone);

  ZoneTable(const ZoneTable&) = delete;
  ZoneTable& operator=(const ZoneTable&) = delete;
  ~ZoneTable();

  [[nodiscard]] const Zone* Utc() const { return utc_; }
  [[nodiscard]] const Zone* Default() const { return default_; }
  // The zone of a TZID parameter value (quoted or not); never null. Cached: O(1) after the
  // first call for a given TZID. Safe to call from several threads at once (a mutex), and so
  // are the zones it returns (a VTIMEZONE's offsets come from libical, which locks its own
  // cache of them; an IANA zone's caches are per thread).
  const Zone* Resolve(std::string_view tzid);
  // TZIDs that resolved to the default zone because nothing above knew them, in order of
  // first call to Resolve, as written (without quotes). Call it when no Resolve runs.
  [[nodiscard]] const std::vector<std::string>& Unknown() const { return unknown_; }
  // The same in the order of `used`: TZIDs as passed to Resolve, in the order the file uses
  // them (every TZID resolved must appear; repeats are fine). For readers that resolved on
  // several threads, whose calls came in no fixed order.
  [[nodiscard]] std::vector<std::string> Unknown(const std::vector<std::string>& used) const;

 private:
  ZoneTable(std::string_view text, const Layout& layout) : text_(text), layout_(layout) {}
  const Zone* Lookup(std::string_view tzid, const std::string& key);
  const Zone* FromVtimezone(const Block& block);
  const Zone* FromIana(std::string_view name);
  const Zone* Own(std::unique_ptr<Zone> zone);

  std::string_view text_;
  const Layout& layout_;
  std::vector<std::unique_ptr<Zone>> owned_;
  std::unordered_map<std::string, Block> vtimezones_;      // by canonical TZID
  std::unordered_map<std::string, const Zone*> resolved_;  // by canonical TZID
  std::unordered_map<std::string, const Zone*> iana_;      // by IANA name
  std::mutex mutex_;                                       // guards Resolve and what it fills in
  std::unordered_set<std::string> unknown_keys_;           // canonical TZIDs of unknown_
  const Zone* utc_ = nullptr;
  const Zone* default_ = nullptr;
  std::vector<std::string> unknown_;
};

// The comparison form of a TZID: quotes and backslash escapes removed, blanks collapsed, ASCII
// lower-case.
std::string CanonicalTzid(std::string_view tzid);

}  // namespace allies::formats::ical
