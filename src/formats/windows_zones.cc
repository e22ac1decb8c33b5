#include "formats/windows_zones.h"

#include <cctype>
#include <string>

namespace allies::formats {
namespace {

struct WindowsZoneRow {
  std::string_view windows_id;
  std::string_view iana;
  std::string_view display_name;
};

constexpr WindowsZoneRow kWindowsZones[] = {
#include "formats/windows_zones_data.inc"
};

// Lower-case with surrounding blanks dropped and inner runs of blanks made one space, so that
// "  eastern   standard time" and "Eastern Standard Time" compare equal.
std::string Canonical(std::string_view text) {
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

// "(UTC+01:00) Amsterdam, ..." -> "Amsterdam, ..."; the text itself when there is no prefix.
std::string_view AfterOffsetPrefix(std::string_view display) {
  std::size_t close = display.find(')');
  return close == std::string_view::npos ? display : display.substr(close + 1);
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::optional<std::string_view> IanaForWindowsZone(std::string_view name) {
  std::string wanted = Canonical(name);
  for (const WindowsZoneRow& row : kWindowsZones) {
    if (Canonical(row.windows_id) == wanted) return row.iana;
  }
  return std::nullopt;
}

std::optional<WindowsDisplayName> ParseWindowsDisplayName(std::string_view name) {
  while (!name.empty() && (name.front() == ' ' || name.front() == '\t')) name.remove_prefix(1);
  if (name.size() < 5 || name.front() != '(') return std::nullopt;
  std::string prefix = Canonical(name.substr(1, 3));
  if (prefix != "utc" && prefix != "gmt") return std::nullopt;
  std::string_view rest = name.substr(4);
  WindowsDisplayName result;
  if (!rest.empty() && (rest.front() == '+' || rest.front() == '-')) {
    // ±hh:mm (also ±h:mm and ±hhmm, which some servers wrote).
    int sign = rest.front() == '-' ? -1 : 1;
    rest.remove_prefix(1);
    int hours = 0;
    int digits = 0;
    while (!rest.empty() && IsDigit(rest.front()) && digits < 2) {
      hours = hours * 10 + (rest.front() - '0');
      rest.remove_prefix(1);
      ++digits;
    }
    if (digits == 0) return std::nullopt;
    if (!rest.empty() && rest.front() == ':') rest.remove_prefix(1);
    int minutes = 0;
    if (rest.size() >= 2 && IsDigit(rest[0]) && IsDigit(rest[1])) {
      minutes = (rest[0] - '0') * 10 + (rest[1] - '0');
      rest.remove_prefix(2);
    }
    if (hours > 14 || minutes > 59 || (hours == 14 && minutes > 0)) return std::nullopt;
    result.offset = std::chrono::minutes(sign * (hours * 60 + minutes));
  }
  if (rest.empty() || rest.front() != ')') return std::nullopt;
  std::string places = Canonical(rest.substr(1));
  if (places.empty()) return result;
  for (const WindowsZoneRow& row : kWindowsZones) {
    if (Canonical(AfterOffsetPrefix(row.display_name)) == places) {
      result.iana = row.iana;
      break;
    }
  }
  return result;
}

}  // namespace allies::formats
