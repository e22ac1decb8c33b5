#pragma once
// The iCalendar reader's view of the raw text, before libical sees it: where each component
// starts and ends and on which physical line, and each content line's name, parameters and
// value. libical parses values but reports no line numbers, so these scans supply them.
// Internal to formats/ (used by ical.cc and its tests).

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace allies::formats::ical {

// A component's text: bytes [begin, end) of the normalised text, from its BEGIN line through its
// END line (or to where the text stops, when the END is missing).
struct Block {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::size_t line = 0;  // 1-based physical line of the BEGIN
};

struct Layout {
  bool has_vcalendar = false;    // a BEGIN:VCALENDAR line was seen
  std::vector<Block> events;     // every VEVENT not nested in another VEVENT, in file order
  std::vector<Block> timezones;  // every VTIMEZONE
  std::string producer;          // PRODID of the (first) calendar, unescaped and trimmed
  std::string method;            // METHOD of the (first) calendar, upper-case
  // Byte offsets of END lines that close nothing open (a damaged BEGIN). They are left out of
  // what libical sees, which would otherwise complain on stderr.
  std::vector<std::size_t> stray_ends;
};

// Whether `text` has a bare CR (one not followed by LF): an old Mac line end, which libical,
// splitting lines on LF only, would not see.
bool HasBareCr(std::string_view text);

// Turns every bare CR of `text` into LF, in place, so that libical sees the lines the file
// meant. The length and the line numbers do not change.
void NormaliseLineEnds(std::string& text);

// Finds the components of `text` (already normalised: lines end in LF or CRLF). BEGIN and END
// lines are matched case-insensitively; a missing END closes the component where its parent
// ends or where the text stops. O(bytes).
Layout ScanLayout(std::string_view text);

// The text of `block` for libical: the block's bytes without the lines at `stray_ends`
// (Layout::stray_ends). O(bytes of block).
std::string BlockSource(std::string_view text, const Block& block,
                        const std::vector<std::size_t>& stray_ends);

// One content line, unfolded (CRLF/LF followed by a space or TAB removed).
struct RawProperty {
  std::string name;    // upper-case, e.g. "DTSTART"
  std::string params;  // everything between the name and the value's colon, without the ';'
  std::string value;   // as written (not unescaped)
  std::size_t line = 0;
  bool has_colon = false;  // a ':' outside quotes ends the parameters; when false there
                           // is no value (e.g. a quote swallowed it)
};

// The content lines of a component block (including its BEGIN/END lines and those of nested
// components), in order. `first_line` is the block's first physical line. O(bytes of block).
std::vector<RawProperty> ScanProperties(std::string_view block, std::size_t first_line);

// The value of parameter `name` (case-insensitive) in a RawProperty::params text, with
// surrounding double quotes removed; empty when absent.
std::string ParamValue(std::string_view params, std::string_view name);

// A stable 64-bit FNV-1a hash of a component's text, used as the UID of a VEVENT that has none.
// Line ends are ignored (CRLF and LF files hash alike), and so are DTSTAMP lines, which some
// producers rewrite on every export.
std::uint64_t HashEventText(std::string_view block);

}  // namespace allies::formats::ical
