#pragma once
// Text encodings of the files people export: UTF-8 checks and conversion to UTF-8 with the C
// library's iconv (glibc knows every charset address books use: ISO-8859-x, windows-125x,
// Shift_JIS, UTF-16, ...).

#include <string>
#include <string_view>

#include "core/result.h"

namespace allies::formats {

// True when `bytes` is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
bool IsValidUtf8(std::string_view bytes);

// Converts `bytes` from `charset` (any name iconv accepts, case-insensitive: "UTF-8", "latin1",
// "windows-1252", "Shift_JIS", "UTF-16LE", ...) to UTF-8. UTF-8 input is checked, not converted.
// Errors: an unknown charset (kInvalidArgument, naming it), or bytes that are not valid in that
// charset (kInvalidArgument, giving the byte offset).
[[nodiscard]] core::Result<std::string> ToUtf8(std::string_view bytes, std::string_view charset);

// Replaces every byte sequence that is not valid UTF-8 with U+FFFD, so that text from a file that
// lies about its charset can still be shown and stored.
std::string RepairUtf8(std::string_view bytes);

}  // namespace allies::formats
