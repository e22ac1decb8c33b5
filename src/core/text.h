#pragma once
// Small text helpers shared by every layer.

#include <string>
#include <string_view>
#include <vector>

namespace allies::core {

// Lower-cases ASCII, Latin-1 Supplement and Latin Extended-A letters in UTF-8 text, so that
// "ÉLODIE" and "élodie" compare equal. Other characters are kept as they are.
std::string FoldCase(std::string_view text);

// The key a name is looked up by: case folded, inner runs of white space collapsed, trimmed.
std::string NameKey(std::string_view name);

// Trims ASCII white space at both ends.
std::string_view Trim(std::string_view text);

// Number of terminal columns the UTF-8 text occupies (one per code point; combining marks take
// none; East Asian wide characters take two).
std::size_t DisplayWidth(std::string_view text);

// True when `haystack` contains `needle`, comparing case-folded.
bool ContainsFolded(std::string_view haystack, std::string_view needle);

std::string Join(const std::vector<std::string>& parts, std::string_view separator);

}  // namespace allies::core
