// libFuzzer target for the iCalendar reader: any bytes must give a result or an error, and the
// same one on one thread as on several (the reader splits the VEVENTs and the series between
// threads and promises the same result for any number).

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/time.h"
#include "formats/ical.h"

namespace {

bool SameEvents(const allies::formats::CalendarFile& a, const allies::formats::CalendarFile& b) {
  if (a.events.size() != b.events.size() || a.errors.size() != b.errors.size() ||
      a.cancelled != b.cancelled || a.unknown_zones != b.unknown_zones) {
    return false;
  }
  for (std::size_t i = 0; i < a.events.size(); ++i) {
    const auto& x = a.events[i];
    const auto& y = b.events[i];
    if (x.line != y.line || x.uid != y.uid || x.recurrence_id != y.recurrence_id ||
        x.start != y.start || x.end != y.end || x.summary != y.summary || x.status != y.status ||
        x.organizer != y.organizer || !(x.attendees == y.attendees)) {
      return false;
    }
  }
  for (std::size_t i = 0; i < a.errors.size(); ++i) {
    if (a.errors[i].line != b.errors[i].line || a.errors[i].message != b.errors[i].message) {
      return false;
    }
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  allies::formats::CalendarOptions options;
  // A wide window, so that recurrence expansion is exercised.
  options.since = allies::core::TimePoint(std::chrono::seconds(0));           // 1970
  options.until = allies::core::TimePoint(std::chrono::seconds(2208988800));  // 2040
  options.default_zone = "Europe/Berlin";
  options.threads = 1;
  auto one = allies::formats::ReadCalendar(bytes, options);
  options.threads = 3;
  auto several = allies::formats::ReadCalendar(bytes, options);
  if (one.has_value() != several.has_value()) std::abort();
  if (!one) {
    if (one.error().message != several.error().message) std::abort();
    return 0;
  }
  if (!SameEvents(*one, *several)) std::abort();
  return 0;
}
