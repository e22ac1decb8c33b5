#include "formats/vcard_values.h"

#include <fmt/format.h>

#include "core/text.h"

namespace allies::formats::vcard_internal {
namespace {

using core::ErrorCode;
using core::Fail;

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

int Base64Value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

}  // namespace

core::Result<std::string> DecodeQuotedPrintable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '=') {
      out += text[i];
      continue;
    }
    if (i + 1 == text.size()) break;  // soft break at the end
    if (text[i + 1] == '\r' || text[i + 1] == '\n') {
      ++i;
      if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      continue;
    }
    const int high = HexValue(text[i + 1]);
    const int low = i + 2 < text.size() ? HexValue(text[i + 2]) : -1;
    if (high < 0 || low < 0) {
      return Fail(ErrorCode::kInvalidArgument,
                  fmt::format("has a bad quoted-printable sequence \"{}\" (expected = and two "
                              "hex digits)",
                              text.substr(i, 3)));
    }
    out += static_cast<char>(high * 16 + low);
    i += 2;
  }
  return out;
}

core::Result<std::string> DecodeBase64(std::string_view text) {
  std::string out;
  out.reserve(text.size() / 4 * 3 + 3);
  unsigned buffer = 0;
  int bits = 0;
  bool padding = false;
  for (const char c : text) {
    if (IsBlank(c)) continue;
    if (c == '=') {
      padding = true;
      continue;
    }
    const int value = Base64Value(c);
    if (value < 0 || padding) {
      return Fail(ErrorCode::kInvalidArgument,
                  fmt::format("is not base64 (byte \"{}\" is not in the base64 alphabet)",
                              std::string_view(&c, 1)));
    }
    buffer = (buffer << 6U) | static_cast<unsigned>(value);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> static_cast<unsigned>(bits)) & 0xFFU);
    }
  }
  return out;
}

void AppendUnescaped(std::string_view text, std::string& out) {
  std::size_t i = 0;
  while (i < text.size()) {
    // Copy the run up to the next backslash or CR in one go: most values have neither.
    std::size_t run = i;
    while (run < text.size() && text[run] != '\\' && text[run] != '\r') ++run;
    out.append(text.substr(i, run - i));
    i = run;
    if (i == text.size()) break;
    const char c = text[i];
    if (c == '\r') {
      out += '\n';
      i += (i + 1 < text.size() && text[i + 1] == '\n') ? 2 : 1;
      continue;
    }
    if (i + 1 == text.size()) {
      out += c;
      break;
    }
    const char next = text[i + 1];
    switch (next) {
      case 'n':
      case 'N':
        out += '\n';
        i += 2;
        break;
      case ',':
      case ';':
      case ':':  // not in the RFCs, but Apple and Gmail escape colons in URLs
      case '"':  // nor this: Apple and Gmail escape quotes in notes
      case '\\':
        out += next;
        i += 2;
        break;
      default:
        out += c;
        ++i;
        break;
    }
  }
}

void SplitUnescaped(std::string_view text, char separator, std::vector<std::string>& out) {
  std::size_t count = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size()) {
      if (text[i] == '\\' && i + 1 < text.size()) {
        ++i;  // the escaped character never separates
        continue;
      }
      if (text[i] != separator) continue;
    }
    if (count == out.size()) out.emplace_back();
    std::string& piece = out[count++];
    piece.clear();
    AppendUnescaped(text.substr(start, std::min(i, text.size()) - start), piece);
    const std::string_view trimmed = core::Trim(piece);
    if (trimmed.size() != piece.size()) piece = std::string(trimmed);
    start = i + 1;
  }
  out.resize(count);
}

void AppendEscaped(std::string_view text, std::string& out) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case ',':
        out += "\\,";
        break;
      case ';':
        out += "\\;";
        break;
      case '\r':
        out += "\\n";
        if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        break;
      case '\n':
        out += "\\n";
        break;
      default:
        out += c;
        break;
    }
  }
}

}  // namespace allies::formats::vcard_internal
