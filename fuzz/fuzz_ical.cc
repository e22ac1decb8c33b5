// libFuzzer target for the iCalendar reader: any bytes must give a result or an error.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/time.h"
#include "formats/ical.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  allies::formats::CalendarOptions options;
  // A wide window, so that recurrence expansion is exercised.
  options.since = allies::core::TimePoint(std::chrono::seconds(0));           // 1970
  options.until = allies::core::TimePoint(std::chrono::seconds(2208988800));  // 2040
  options.default_zone = "Europe/Berlin";
  auto file = allies::formats::ReadCalendar(
      std::string_view(reinterpret_cast<const char*>(data), size), options);
  (void)file;
  return 0;
}
