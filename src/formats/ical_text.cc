#include "formats/ical_text.h"

#include <algorithm>
#include <cctype>

namespace allies::formats::ical {
namespace {

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

char Upper(char c) { return static_cast<char>(std::toupper(static_cast<unsigned char>(c))); }

bool StartsWithNoCase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (Upper(text[i]) != Upper(prefix[i])) return false;
  }
  return true;
}

std::string UpperTrimmed(std::string_view text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  std::string out(text);
  for (char& c : out) c = Upper(c);
  return out;
}

// Walks the physical lines of normalised text: each ends in LF (an optional CR before it is not
// part of the content).
class LineCursor {
 public:
  LineCursor(std::string_view text, std::size_t first_line) : text_(text), line_(first_line - 1) {}

  bool Next() {
    if (next_ >= text_.size()) return false;
    start_ = next_;
    std::size_t eol = text_.find('\n', start_);
    next_ = eol == std::string_view::npos ? text_.size() : eol + 1;
    std::size_t stop = eol == std::string_view::npos ? text_.size() : eol;
    if (stop > start_ && text_[stop - 1] == '\r') --stop;
    content_ = text_.substr(start_, stop - start_);
    ++line_;
    return true;
  }
  // True when the line after this one continues it (starts with a space or TAB).
  [[nodiscard]] bool NextIsContinuation() const {
    return next_ < text_.size() && (text_[next_] == ' ' || text_[next_] == '\t');
  }

  [[nodiscard]] std::string_view Content() const { return content_; }
  [[nodiscard]] std::size_t Begin() const { return start_; }
  [[nodiscard]] std::size_t NextOffset() const { return next_; }
  [[nodiscard]] std::size_t Line() const { return line_; }

 private:
  std::string_view text_;
  std::size_t start_ = 0;
  std::size_t next_ = 0;
  std::size_t line_;
  std::string_view content_;
};

// Reads the rest of a logical line whose first physical line the cursor is on.
std::string Unfold(LineCursor& cursor) {
  std::string out(cursor.Content());
  while (cursor.NextIsContinuation()) {
    cursor.Next();
    out.append(cursor.Content().substr(1));
  }
  return out;
}

std::string UnescapeText(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (value[i] == '\\' && i + 1 < value.size()) {
      char next = value[++i];
      out.push_back(next == 'n' || next == 'N' ? '\n' : next);
    } else {
      out.push_back(value[i]);
    }
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == '\t')) out.pop_back();
  std::size_t lead = 0;
  while (lead < out.size() && (out[lead] == ' ' || out[lead] == '\t')) ++lead;
  return out.substr(lead);
}

// An open component being tracked by ScanLayout: its depth in the stack and where it began.
struct OpenBlock {
  std::size_t depth = kNone;
  Block block;
};

void Close(OpenBlock& open, std::size_t end, std::vector<Block>& into) {
  open.block.end = end;
  into.push_back(open.block);
  open.depth = kNone;
}

}  // namespace

bool HasBareCr(std::string_view text) {
  for (std::size_t at = text.find('\r'); at != std::string_view::npos;
       at = text.find('\r', at + 1)) {
    if (at + 1 == text.size() || text[at + 1] != '\n') return true;
  }
  return false;
}

void NormaliseLineEnds(std::string& text) {
  for (std::size_t at = text.find('\r'); at != std::string::npos; at = text.find('\r', at + 1)) {
    if (at + 1 == text.size() || text[at + 1] != '\n') text[at] = '\n';
  }
}

Layout ScanLayout(std::string_view text) {
  Layout layout;
  std::vector<std::string> stack;
  OpenBlock event;
  OpenBlock zone;
  bool have_producer = false;
  bool have_method = false;
  LineCursor cursor(text, 1);
  while (cursor.Next()) {
    std::string_view content = cursor.Content();
    if (content.empty() || content.front() == ' ' || content.front() == '\t') continue;
    if (StartsWithNoCase(content, "BEGIN:")) {
      std::string name = UpperTrimmed(content.substr(6));
      if (name == "VCALENDAR") layout.has_vcalendar = true;
      if (name == "VEVENT" && event.depth == kNone) {
        event = {stack.size(), Block{cursor.Begin(), 0, cursor.Line()}};
      } else if (name == "VTIMEZONE" && zone.depth == kNone && event.depth == kNone) {
        zone = {stack.size(), Block{cursor.Begin(), 0, cursor.Line()}};
      }
      stack.push_back(std::move(name));
      continue;
    }
    if (StartsWithNoCase(content, "END:")) {
      std::string name = UpperTrimmed(content.substr(4));
      auto found = std::find(stack.rbegin(), stack.rend(), name);
      if (found == stack.rend()) {
        layout.stray_ends.push_back(cursor.Begin());
        continue;
      }
      std::size_t depth = static_cast<std::size_t>(stack.rend() - found) - 1;
      stack.resize(depth);
      // The END of the block itself ends it after this line; an END of a parent ends it before.
      for (OpenBlock* open : {&event, &zone}) {
        if (open->depth == kNone || depth > open->depth) continue;
        Close(*open, depth == open->depth ? cursor.NextOffset() : cursor.Begin(),
              open == &event ? layout.events : layout.timezones);
      }
      continue;
    }
    bool at_calendar_level = stack.size() == 1 && stack.front() == "VCALENDAR";
    if (at_calendar_level && !have_producer && StartsWithNoCase(content, "PRODID")) {
      std::string line = Unfold(cursor);
      std::size_t colon = line.find(':');
      if (colon != std::string::npos) {
        layout.producer = UnescapeText(std::string_view(line).substr(colon + 1));
        have_producer = true;
      }
    } else if (at_calendar_level && !have_method && StartsWithNoCase(content, "METHOD")) {
      std::string line = Unfold(cursor);
      std::size_t colon = line.find(':');
      if (colon != std::string::npos) {
        layout.method = UpperTrimmed(std::string_view(line).substr(colon + 1));
        have_method = true;
      }
    }
  }
  if (event.depth != kNone) Close(event, text.size(), layout.events);
  if (zone.depth != kNone) Close(zone, text.size(), layout.timezones);
  return layout;
}

std::string BlockSource(std::string_view text, const Block& block,
                        const std::vector<std::size_t>& stray_ends) {
  auto stray = std::lower_bound(stray_ends.begin(), stray_ends.end(), block.begin);
  std::string out;
  std::size_t from = block.begin;
  for (; stray != stray_ends.end() && *stray < block.end; ++stray) {
    out.append(text.substr(from, *stray - from));
    std::size_t eol = text.find('\n', *stray);
    from = eol == std::string_view::npos ? block.end : std::min(eol + 1, block.end);
  }
  out.append(text.substr(from, block.end - from));
  return out;
}

std::vector<RawProperty> ScanProperties(std::string_view block, std::size_t first_line) {
  std::vector<RawProperty> out;
  LineCursor cursor(block, first_line);
  while (cursor.Next()) {
    std::string_view content = cursor.Content();
    if (content.empty() || content.front() == ' ' || content.front() == '\t') continue;
    RawProperty property;
    property.line = cursor.Line();
    std::string line = Unfold(cursor);
    std::size_t i = 0;
    while (i < line.size() && line[i] != ';' && line[i] != ':') ++i;
    property.name = UpperTrimmed(std::string_view(line).substr(0, i));
    if (i < line.size() && line[i] == ';') {
      std::size_t params_begin = ++i;
      bool quoted = false;
      while (i < line.size() && (quoted || line[i] != ':')) {
        if (line[i] == '"') quoted = !quoted;
        ++i;
      }
      property.params = line.substr(params_begin, i - params_begin);
    }
    property.has_colon = i < line.size();
    if (property.has_colon) property.value = line.substr(i + 1);
    out.push_back(std::move(property));
  }
  return out;
}

std::string ParamValue(std::string_view params, std::string_view name) {
  std::size_t i = 0;
  while (i < params.size()) {
    std::size_t begin = i;
    bool quoted = false;
    while (i < params.size() && (quoted || params[i] != ';')) {
      if (params[i] == '"') quoted = !quoted;
      ++i;
    }
    std::string_view param = params.substr(begin, i - begin);
    ++i;
    std::size_t equals = param.find('=');
    if (equals == std::string_view::npos ||
        UpperTrimmed(param.substr(0, equals)) != UpperTrimmed(name)) {
      continue;
    }
    std::string_view value = param.substr(equals + 1);
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
      value = value.substr(1, value.size() - 2);
    } else if (!value.empty() && value.front() == '"') {
      value.remove_prefix(1);
    }
    return std::string(value);
  }
  return {};
}

std::uint64_t HashEventText(std::string_view block) {
  constexpr std::uint64_t kOffsetBasis = 14695981039346656037ULL;
  constexpr std::uint64_t kPrime = 1099511628211ULL;
  std::uint64_t hash = kOffsetBasis;
  auto mix = [&hash](char c) {
    hash ^= static_cast<unsigned char>(c);
    hash *= kPrime;
  };
  LineCursor cursor(block, 1);
  bool skipping = false;
  while (cursor.Next()) {
    std::string_view content = cursor.Content();
    bool continuation = !content.empty() && (content.front() == ' ' || content.front() == '\t');
    if (!continuation) skipping = StartsWithNoCase(content, "DTSTAMP");
    if (skipping) continue;
    for (char c : content) mix(c);
    mix('\n');
  }
  return hash;
}

}  // namespace allies::formats::ical
