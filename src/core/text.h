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

// The words of `text`, case-folded, each followed and the first preceded by one space: every
// ASCII character that is not a letter or a digit separates words (UTF-8 letters are kept), so
// "Budget/ERP-upgrade!" gives " budget erp upgrade ". Searching it for " word " finds whole
// words only.
std::string WordText(std::string_view text);

// True when the words of `phrase` (at least one) appear together, whole and in order, among the
// words of `text`: HasPhrase("Asked for the ERP upgrade budget", "erp  Upgrade") is true,
// HasPhrase("recall", "call") false.
bool HasPhrase(std::string_view text, std::string_view phrase);

std::string Join(const std::vector<std::string>& parts, std::string_view separator);

}  // namespace allies::core
