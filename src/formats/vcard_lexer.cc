#include "formats/vcard_lexer.h"

#include <algorithm>
#include <cstring>

namespace allies::formats::vcard_internal {
namespace {

char Upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

// True for the parameter values that vCard 2.1 writes bare to name an encoding.
bool IsBareEncoding(std::string_view token) {
  return EqualsIgnoreCase(token, "QUOTED-PRINTABLE") || EqualsIgnoreCase(token, "BASE64") ||
         EqualsIgnoreCase(token, "8BIT") || EqualsIgnoreCase(token, "7BIT");
}

// RFC 6868: ^n is a newline, ^' a double quote, ^^ a caret; any other ^ stays as written.
std::string_view DecodeCarets(std::string_view value, Arena& arena) {
  if (value.find('^') == std::string_view::npos) return value;
  std::string decoded;
  decoded.reserve(value.size());
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (value[i] == '^' && i + 1 < value.size()) {
      const char next = value[i + 1];
      if (next == 'n' || next == 'N') {
        decoded += '\n';
        ++i;
        continue;
      }
      if (next == '\'') {
        decoded += '"';
        ++i;
        continue;
      }
      if (next == '^') {
        decoded += '^';
        ++i;
        continue;
      }
    }
    decoded += value[i];
  }
  return arena.Copy(decoded);
}

std::string_view Unquote(std::string_view value) {
  if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
    return value.substr(1, value.size() - 2);
  }
  return value;
}

// Whether the (unfolded) logical line says ENCODING=QUOTED-PRINTABLE, looking only at the part
// before the value. Cheap enough to run on every line: most lines have no parameters at all.
bool IsQuotedPrintable(const ContentLine& line, const std::vector<Param>& params) {
  for (std::uint32_t i = 0; i < line.param_count; ++i) {
    const Param& param = params[line.first_param + i];
    if (EqualsIgnoreCase(param.name, "ENCODING") &&
        EqualsIgnoreCase(param.value, "QUOTED-PRINTABLE")) {
      return true;
    }
  }
  return false;
}

}  // namespace

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (Upper(a[i]) != Upper(b[i])) return false;
  }
  return true;
}

bool StartsWithIgnoreCase(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && EqualsIgnoreCase(text.substr(0, prefix.size()), prefix);
}

char PhysicalLines::TerminatorOf(std::string_view bytes) {
  return bytes.find('\n') == std::string_view::npos ? '\r' : '\n';
}

std::size_t PhysicalLines::LineEnd(std::size_t from, std::size_t& next) const {
  const void* hit = std::memchr(bytes_.data() + from, terminator_, bytes_.size() - from);
  std::size_t end = bytes_.size();
  next = bytes_.size();
  if (hit != nullptr) {
    end = static_cast<std::size_t>(static_cast<const char*>(hit) - bytes_.data());
    next = end + 1;
  }
  if (terminator_ == '\n') {
    while (end > from && bytes_[end - 1] == '\r') --end;
  }
  return end;
}

bool PhysicalLines::Next(std::string_view& line, std::size_t& number) {
  if (pos_ >= bytes_.size()) return false;
  std::size_t next = 0;
  const std::size_t end = LineEnd(pos_, next);
  line = bytes_.substr(pos_, end - pos_);
  pos_ = next;
  number = ++number_;
  return true;
}

bool PhysicalLines::Peek(std::string_view& line) const {
  if (pos_ >= bytes_.size()) return false;
  std::size_t next = 0;
  const std::size_t end = LineEnd(pos_, next);
  line = bytes_.substr(pos_, end - pos_);
  return true;
}

std::string_view Arena::Copy(std::string_view text) {
  constexpr std::size_t kBlockSize = std::size_t{64} * 1024;
  while (current_ < blocks_.size() &&
         blocks_[current_].capacity - blocks_[current_].used < text.size()) {
    ++current_;
  }
  if (current_ == blocks_.size()) {
    const std::size_t capacity = std::max(kBlockSize, text.size());
    blocks_.push_back(Block{std::make_unique<char[]>(capacity), capacity, 0});
  }
  Block& block = blocks_[current_];
  char* start = block.data.get() + block.used;
  if (!text.empty()) std::memcpy(start, text.data(), text.size());
  block.used += text.size();
  return {start, text.size()};
}

void Arena::Reset() {
  for (Block& block : blocks_) block.used = 0;
  current_ = 0;
}

bool SplitContentLine(std::string_view line, ContentLine& out, std::vector<Param>& params,
                      Arena& arena) {
  out.group = {};
  out.first_param = static_cast<std::uint32_t>(params.size());
  out.param_count = 0;
  std::size_t pos = 0;
  while (pos < line.size() && line[pos] != ';' && line[pos] != ':') ++pos;
  if (pos == line.size()) return false;
  std::string_view name = line.substr(0, pos);
  if (const std::size_t dot = name.find('.'); dot != std::string_view::npos) {
    out.group = name.substr(0, dot);
    name.remove_prefix(dot + 1);
  }
  if (name.empty()) return false;
  out.name = name;

  while (pos < line.size() && line[pos] == ';') {
    ++pos;
    const std::size_t name_start = pos;
    while (pos < line.size() && line[pos] != '=' && line[pos] != ';' && line[pos] != ':') ++pos;
    if (pos == line.size()) return false;
    std::string_view param_name = line.substr(name_start, pos - name_start);
    std::string_view param_value;
    if (line[pos] == '=') {
      ++pos;
      const std::size_t value_start = pos;
      bool quoted = false;
      while (pos < line.size() && (quoted || (line[pos] != ';' && line[pos] != ':'))) {
        if (line[pos] == '"') quoted = !quoted;
        ++pos;
      }
      if (pos == line.size()) return false;
      param_value = DecodeCarets(Unquote(line.substr(value_start, pos - value_start)), arena);
    } else {
      // vCard 2.1 writes a parameter's value without its name: `TEL;CELL;PREF`.
      param_value = param_name;
      param_name = IsBareEncoding(param_value) ? "ENCODING" : "TYPE";
    }
    if (param_name.empty() && param_value.empty()) continue;  // `;;` or `;:`
    params.push_back(Param{param_name, param_value});
    ++out.param_count;
  }
  if (pos >= line.size() || line[pos] != ':') return false;
  out.value = line.substr(pos + 1);
  return true;
}

Lexer::Status Lexer::Next(ContentLine& out, std::vector<Param>& params, Arena& arena) {
  std::string_view first;
  std::size_t number = 0;
  if (!lines_.Next(first, number)) return Status::kEnd;
  out.line = number;

  // Unfold. Most lines are not folded and stay views into the input.
  std::string_view logical = first;
  std::string_view peeked;
  bool copied = false;
  while (lines_.Peek(peeked) && !peeked.empty() && (peeked[0] == ' ' || peeked[0] == '\t')) {
    if (!copied) {
      scratch_.assign(first);
      copied = true;
    }
    scratch_.append(peeked.substr(1));
    std::size_t ignored = 0;
    lines_.Next(peeked, ignored);
  }
  if (copied) logical = arena.Copy(scratch_);
  if (logical.empty()) return Status::kJunk;

  const auto params_before = params.size();
  if (!SplitContentLine(logical, out, params, arena)) {
    params.resize(params_before);
    return Status::kJunk;
  }

  // vCard 2.1 quoted-printable: a value ending in `=` (a soft line break) continues on the next
  // physical line, which is not indented. A stray `=` before END:VCARD must not swallow the end
  // of the card.
  if (!out.value.empty() && out.value.back() == '=' && IsQuotedPrintable(out, params)) {
    scratch_.assign(logical);
    while (!scratch_.empty() && scratch_.back() == '=' && lines_.Peek(peeked) &&
           !StartsWithIgnoreCase(peeked, "END:VCARD") &&
           !StartsWithIgnoreCase(peeked, "BEGIN:VCARD")) {
      scratch_.pop_back();
      scratch_.append(peeked);
      std::size_t ignored = 0;
      lines_.Next(peeked, ignored);
    }
    params.resize(params_before);
    SplitContentLine(arena.Copy(scratch_), out, params, arena);
  }
  return Status::kLine;
}

}  // namespace allies::formats::vcard_internal
