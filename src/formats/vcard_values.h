#pragma once
// Internal to the vCard reader and writer: value encodings. Not part of the formats API.

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace allies::formats::vcard_internal {

// Decodes quoted-printable: `=XX` (hex, either case) is a byte, a `=` at the very end or before a
// line end is a soft break, anything else is itself. Error: `=` not followed by two hex digits;
// the message quotes that sequence.
[[nodiscard]] core::Result<std::string> DecodeQuotedPrintable(std::string_view text);

// Decodes base64 (standard alphabet; blanks ignored; padding optional). Error: any other byte.
[[nodiscard]] core::Result<std::string> DecodeBase64(std::string_view text);

// Appends `text` to `out` with the vCard escapes undone: \n \N -> LF, \, \; \: \" \\ -> the
// character; a backslash before anything else (or at the end) is kept. CRLF and a lone CR become
// LF.
void AppendUnescaped(std::string_view text, std::string& out);

// Splits `text` at every `separator` not escaped by a backslash; each piece is unescaped and
// trimmed. Pieces are assigned to `out` (resized to the count), reusing its strings' memory.
void SplitUnescaped(std::string_view text, char separator, std::vector<std::string>& out);

// Appends `text` escaped as a vCard 4.0 TEXT value: backslash, comma, semicolon and newlines
// (LF, CRLF, CR, each written as \n).
void AppendEscaped(std::string_view text, std::string& out);

}  // namespace allies::formats::vcard_internal
