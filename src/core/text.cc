#include "core/text.h"

#include <cctype>
#include <cstdint>

namespace allies::core {
namespace {

// Decodes one UTF-8 code point at `pos`, advancing it. Invalid bytes decode as themselves (one
// byte each) so that no input is ever lost or rejected here.
char32_t Decode(std::string_view text, std::size_t& pos) {
  auto byte = static_cast<unsigned char>(text[pos]);
  int length = byte < 0x80           ? 1
               : (byte >> 5) == 0x6  ? 2
               : (byte >> 4) == 0xE  ? 3
               : (byte >> 3) == 0x1E ? 4
                                     : 0;
  if (length == 0 || pos + length > text.size()) {
    ++pos;
    return byte;
  }
  char32_t cp = length == 1 ? byte : byte & (0x7F >> length);
  for (int i = 1; i < length; ++i) {
    auto next = static_cast<unsigned char>(text[pos + i]);
    if ((next & 0xC0) != 0x80) {
      ++pos;
      return byte;
    }
    cp = (cp << 6) | (next & 0x3F);
  }
  pos += length;
  return cp;
}

void Encode(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

char32_t Lower(char32_t cp) {
  if (cp >= 'A' && cp <= 'Z') return cp + 0x20;
  if (cp < 0xC0) return cp;
  if (cp <= 0xDE) return cp == 0xD7 ? cp : cp + 0x20;  // Latin-1 Supplement; U+00D7 is ×.
  if (cp >= 0x100 && cp <= 0x17F) {
    // Latin Extended-A pairs upper and lower case; the pairing flips parity twice.
    if (cp == 0x130) return 'i';
    if (cp == 0x178) return 0xFF;
    bool odd_upper = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
    if (odd_upper) return (cp % 2 == 1) ? cp + 1 : cp;
    if (cp == 0x138 || cp == 0x149 || cp == 0x17F) return cp;
    return (cp % 2 == 0) ? cp + 1 : cp;
  }
  if (cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2) return cp + 0x20;  // Greek
  if (cp >= 0x410 && cp <= 0x42F) return cp + 0x20;                 // Cyrillic
  if (cp >= 0x400 && cp <= 0x40F) return cp + 0x50;
  return cp;
}

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool IsWide(char32_t cp) {
  return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
         (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
         (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1FAFF) ||
         (cp >= 0x20000 && cp <= 0x3FFFD);
}

bool IsCombining(char32_t cp) {
  return (cp >= 0x300 && cp <= 0x36F) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
         (cp >= 0x20D0 && cp <= 0x20FF) || (cp >= 0xFE20 && cp <= 0xFE2F) || cp == 0x200B ||
         cp == 0x200D || cp == 0xFE0F;
}

}  // namespace

std::string FoldCase(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t start = pos;
    char32_t cp = Decode(text, pos);
    char32_t lower = Lower(cp);
    if (lower == cp) {
      out.append(text.substr(start, pos - start));  // keeps invalid bytes exactly as they were
    } else {
      Encode(lower, out);
    }
  }
  return out;
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && IsSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsSpace(text.back())) text.remove_suffix(1);
  return text;
}

std::string NameKey(std::string_view name) {
  std::string folded = FoldCase(Trim(name));
  std::string key;
  key.reserve(folded.size());
  bool in_space = false;
  for (char c : folded) {
    if (IsSpace(c)) {
      in_space = true;
      continue;
    }
    if (in_space) key.push_back(' ');
    in_space = false;
    key.push_back(c);
  }
  return key;
}

std::size_t DisplayWidth(std::string_view text) {
  std::size_t width = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    char32_t cp = Decode(text, pos);
    if (IsCombining(cp)) continue;
    width += IsWide(cp) ? 2 : 1;
  }
  return width;
}

bool ContainsFolded(std::string_view haystack, std::string_view needle) {
  return FoldCase(haystack).find(FoldCase(needle)) != std::string::npos;
}

std::string WordText(std::string_view text) {
  std::string out = " ";
  for (char c : FoldCase(text)) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x80 || std::isalnum(byte) != 0) {
      out.push_back(c);
    } else if (out.back() != ' ') {
      out.push_back(' ');
    }
  }
  if (out.back() != ' ') out.push_back(' ');
  return out;
}

bool HasPhrase(std::string_view text, std::string_view phrase) {
  const std::string needle = WordText(phrase);
  return needle.size() > 1 && WordText(text).find(needle) != std::string::npos;
}

std::string Join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out.append(separator);
    out.append(parts[i]);
  }
  return out;
}

}  // namespace allies::core
