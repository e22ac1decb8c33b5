#include "formats/contacts_csv.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <optional>
#include <span>

#include <fmt/format.h>

#include "core/text.h"
#include "core/time.h"

namespace allies::formats {
namespace {

using core::ErrorCode;
using core::Fail;

// What a column holds. The ones after kIgnore that --map does not offer (kPhoto, kEvent) serve
// the presets only.
enum class Field {
  kIgnore,
  kName,
  kFirst,
  kMiddle,
  kLast,
  kPrefix,
  kSuffix,
  kNickname,
  kOrganization,
  kDepartment,
  kTitle,
  kRole,
  kEmail,
  kPhone,
  kBirthday,
  kBirthYear,
  kBirthMonth,
  kBirthDay,
  kAnniversary,
  kWorkAnniversary,
  kConnectedOn,
  kNote,
  kTags,
  kUrl,
  kUid,
  kRelated,
  kOffers,
  kNeeds,
  kCloseness,
  kCadenceDays,
  kReportsTo,
  kPhoto,
  kEvent,
};

struct FieldName {
  std::string_view name;
  Field field;
  std::string_view type;
};

constexpr std::array<FieldName, 43> kFieldNames = {{
    {"name", Field::kName, ""},
    {"first", Field::kFirst, ""},
    {"middle", Field::kMiddle, ""},
    {"last", Field::kLast, ""},
    {"prefix", Field::kPrefix, ""},
    {"suffix", Field::kSuffix, ""},
    {"nickname", Field::kNickname, ""},
    {"organization", Field::kOrganization, ""},
    {"department", Field::kDepartment, ""},
    {"title", Field::kTitle, ""},
    {"role", Field::kRole, ""},
    {"email", Field::kEmail, ""},
    {"email:work", Field::kEmail, "work"},
    {"email:home", Field::kEmail, "home"},
    {"email:other", Field::kEmail, "other"},
    {"phone", Field::kPhone, ""},
    {"phone:cell", Field::kPhone, "cell"},
    {"phone:work", Field::kPhone, "work"},
    {"phone:home", Field::kPhone, "home"},
    {"phone:fax", Field::kPhone, "fax"},
    {"phone:pager", Field::kPhone, "pager"},
    {"phone:other", Field::kPhone, "other"},
    {"birthday", Field::kBirthday, ""},
    {"birth-year", Field::kBirthYear, ""},
    {"birth-month", Field::kBirthMonth, ""},
    {"birth-day", Field::kBirthDay, ""},
    {"anniversary", Field::kAnniversary, ""},
    {"work-anniversary", Field::kWorkAnniversary, ""},
    {"connected-on", Field::kConnectedOn, ""},
    {"note", Field::kNote, ""},
    {"tags", Field::kTags, ""},
    {"url", Field::kUrl, ""},
    {"uid", Field::kUid, ""},
    {"related", Field::kRelated, "related"},
    {"related:manager", Field::kRelated, "manager"},
    {"related:assistant", Field::kRelated, "assistant"},
    {"related:spouse", Field::kRelated, "spouse"},
    {"offers", Field::kOffers, ""},
    {"needs", Field::kNeeds, ""},
    {"closeness", Field::kCloseness, ""},
    {"cadence-days", Field::kCadenceDays, ""},
    {"reports-to", Field::kReportsTo, ""},
    {"ignore", Field::kIgnore, ""},
}};

enum class DateOrder { kMonthFirst, kDayFirst };

// A preset's use of one column.
struct Rule {
  std::string_view column;
  Field field;
  std::string_view type = {};
  bool preferred = false;  // its values go first (Outlook's Primary Phone)
};

struct Preset {
  std::string_view name;
  std::span<const std::string_view> required;  // all of these
  std::span<const std::string_view> any_of;    // and one of these, when not empty
  std::span<const Rule> rules;
  DateOrder order = DateOrder::kMonthFirst;
  bool allies = false;  // cells with several values use WriteContactsCsv's escaped lines
  bool google = false;  // "E-mail 1 - Value" with "E-mail 1 - Type"/"- Label", and so on
};

// Allies' own header, in WriteContactsCsv's order.
constexpr std::array<Rule, 27> kAlliesRules = {{
    {"Name", Field::kName},
    {"First Name", Field::kFirst},
    {"Middle Name", Field::kMiddle},
    {"Last Name", Field::kLast},
    {"Prefix", Field::kPrefix},
    {"Suffix", Field::kSuffix},
    {"Nickname", Field::kNickname},
    {"Organization", Field::kOrganization},
    {"Department", Field::kDepartment},
    {"Title", Field::kTitle},
    {"Role", Field::kRole},
    {"Emails", Field::kEmail},
    {"Phones", Field::kPhone},
    {"Birthday", Field::kBirthday},
    {"Anniversary", Field::kAnniversary},
    {"Work Anniversary", Field::kWorkAnniversary},
    {"Connected On", Field::kConnectedOn},
    {"Notes", Field::kNote},
    {"Tags", Field::kTags},
    {"Related", Field::kRelated},
    {"URLs", Field::kUrl},
    {"UID", Field::kUid},
    {"Offers", Field::kOffers},
    {"Needs", Field::kNeeds},
    {"Closeness", Field::kCloseness},
    {"Cadence Days", Field::kCadenceDays},
    {"Reports To", Field::kReportsTo},
}};
constexpr std::array<std::string_view, 3> kAlliesRequired = {"Offers", "Needs", "Cadence Days"};

constexpr std::array<Rule, 7> kLinkedInRules = {{
    {"First Name", Field::kFirst},
    {"Last Name", Field::kLast},
    {"URL", Field::kUid},
    {"Email Address", Field::kEmail},
    {"Company", Field::kOrganization},
    {"Position", Field::kTitle},
    {"Connected On", Field::kConnectedOn},
}};
constexpr std::array<std::string_view, 5> kLinkedInRequired = {"First Name", "Last Name", "Company",
                                                               "Position", "Connected On"};

constexpr std::array<Rule, 13> kGoogleLegacyRules = {{
    {"Name", Field::kName},
    {"Given Name", Field::kFirst},
    {"Additional Name", Field::kMiddle},
    {"Family Name", Field::kLast},
    {"Name Prefix", Field::kPrefix},
    {"Name Suffix", Field::kSuffix},
    {"Nickname", Field::kNickname},
    {"Birthday", Field::kBirthday},
    {"Notes", Field::kNote},
    {"Group Membership", Field::kTags},
    {"Organization 1 - Name", Field::kOrganization},
    {"Organization 1 - Title", Field::kTitle},
    {"Organization 1 - Department", Field::kDepartment},
}};
constexpr std::array<std::string_view, 3> kGoogleLegacyRequired = {"Given Name", "Family Name",
                                                                   "Group Membership"};

constexpr std::array<Rule, 13> kGoogleRules = {{
    {"First Name", Field::kFirst},
    {"Middle Name", Field::kMiddle},
    {"Last Name", Field::kLast},
    {"Name Prefix", Field::kPrefix},
    {"Name Suffix", Field::kSuffix},
    {"Nickname", Field::kNickname},
    {"Organization Name", Field::kOrganization},
    {"Organization Title", Field::kTitle},
    {"Organization Department", Field::kDepartment},
    {"Birthday", Field::kBirthday},
    {"Notes", Field::kNote},
    {"Labels", Field::kTags},
    {"Photo", Field::kPhoto},
}};
constexpr std::array<std::string_view, 3> kGoogleRequired = {"First Name", "Last Name", "Labels"};

constexpr std::array<Rule, 20> kThunderbirdRules = {{
    {"First Name", Field::kFirst},
    {"Last Name", Field::kLast},
    {"Display Name", Field::kName},
    {"Nickname", Field::kNickname},
    {"Primary Email", Field::kEmail},
    {"Secondary Email", Field::kEmail},
    {"Work Phone", Field::kPhone, "work"},
    {"Home Phone", Field::kPhone, "home"},
    {"Fax Number", Field::kPhone, "fax"},
    {"Pager Number", Field::kPhone, "pager"},
    {"Mobile Number", Field::kPhone, "cell"},
    {"Job Title", Field::kTitle},
    {"Department", Field::kDepartment},
    {"Organization", Field::kOrganization},
    {"Web Page 1", Field::kUrl},
    {"Web Page 2", Field::kUrl},
    {"Birth Year", Field::kBirthYear},
    {"Birth Month", Field::kBirthMonth},
    {"Birth Day", Field::kBirthDay},
    {"Notes", Field::kNote},
}};
constexpr std::array<std::string_view, 4> kThunderbirdRequired = {"First Name", "Last Name",
                                                                  "Display Name", "Primary Email"};

// Outlook's phone columns carry their type in their name; Primary Phone is the preferred one.
// "Radio Phone" is what German Outlook calls "Mobiltelefon 2": not a mobile.
constexpr std::array<Rule, 45> kOutlookRules = {{
    {"Name", Field::kName},
    {"Title", Field::kPrefix},
    {"First Name", Field::kFirst},
    {"Middle Name", Field::kMiddle},
    {"Last Name", Field::kLast},
    {"Suffix", Field::kSuffix},
    {"Nickname", Field::kNickname},
    {"Company", Field::kOrganization},
    {"Department", Field::kDepartment},
    {"Job Title", Field::kTitle},
    {"E-mail Address", Field::kEmail},
    {"E-mail 2 Address", Field::kEmail},
    {"E-mail 3 Address", Field::kEmail},
    {"Primary Phone", Field::kPhone, "", true},
    {"Business Phone", Field::kPhone, "work"},
    {"Business Phone 2", Field::kPhone, "work"},
    {"Company Main Phone", Field::kPhone, "work"},
    {"Home Phone", Field::kPhone, "home"},
    {"Home Phone 2", Field::kPhone, "home"},
    {"Mobile Phone", Field::kPhone, "cell"},
    {"Car Phone", Field::kPhone, "car"},
    {"Other Phone", Field::kPhone, "other"},
    {"Callback", Field::kPhone, "other"},
    {"Radio Phone", Field::kPhone, "other"},
    {"Telex", Field::kPhone, "other"},
    {"Pager", Field::kPhone, "pager"},
    {"Business Fax", Field::kPhone, "fax"},
    {"Home Fax", Field::kPhone, "fax"},
    {"Other Fax", Field::kPhone, "fax"},
    {"ISDN", Field::kPhone, "isdn"},
    {"TTY/TDD Phone", Field::kPhone, "textphone"},
    {"Birthday", Field::kBirthday},
    {"Anniversary", Field::kAnniversary},
    {"Notes", Field::kNote},
    {"Categories", Field::kTags},
    {"Web Page", Field::kUrl},
    {"Personal Web Page", Field::kUrl},
    {"Manager's Name", Field::kRelated, "manager"},
    {"Assistant's Name", Field::kRelated, "assistant"},
    {"Spouse", Field::kRelated, "spouse"},
    {"Children", Field::kRelated, "child"},
    {"Keywords", Field::kIgnore},
    {"E-mail Type", Field::kIgnore},
    {"E-mail Display Name", Field::kIgnore},
    {"Initials", Field::kIgnore},
}};
constexpr std::array<std::string_view, 1> kOutlookRequired = {"E-mail Address"};
constexpr std::array<std::string_view, 2> kOutlookAnyOf = {"First Name", "Name"};

// German Outlook 2007, column by column as its real export names them.
constexpr std::array<Rule, 39> kOutlookGermanRules = {{
    {"Anrede", Field::kPrefix},
    {"Vorname", Field::kFirst},
    {"Weitere Vornamen", Field::kMiddle},
    {"Nachname", Field::kLast},
    {"Suffix", Field::kSuffix},
    {"Firma", Field::kOrganization},
    {"Abteilung", Field::kDepartment},
    {"Position", Field::kTitle},
    {"E-Mail-Adresse", Field::kEmail},
    {"E-Mail 2: Adresse", Field::kEmail},
    {"E-Mail 3: Adresse", Field::kEmail},
    {"Haupttelefon", Field::kPhone, "", true},
    {"Telefon gesch\u00e4ftlich", Field::kPhone, "work"},
    {"Telefon gesch\u00e4ftlich 2", Field::kPhone, "work"},
    {"Telefon Firma", Field::kPhone, "work"},
    {"Telefon privat", Field::kPhone, "home"},
    {"Telefon privat 2", Field::kPhone, "home"},
    {"Mobiltelefon", Field::kPhone, "cell"},
    {"Mobiltelefon 2", Field::kPhone, "other"},
    {"Autotelefon", Field::kPhone, "car"},
    {"Weiteres Telefon", Field::kPhone, "other"},
    {"R\u00fcckmeldung", Field::kPhone, "other"},
    {"Telex", Field::kPhone, "other"},
    {"Pager", Field::kPhone, "pager"},
    {"Fax gesch\u00e4ftlich", Field::kPhone, "fax"},
    {"Fax privat", Field::kPhone, "fax"},
    {"Weiteres Fax", Field::kPhone, "fax"},
    {"ISDN", Field::kPhone, "isdn"},
    {"Telefon f\u00fcr H\u00f6rbehinderte", Field::kPhone, "textphone"},
    {"Geburtstag", Field::kBirthday},
    {"Jahrestag", Field::kAnniversary},
    {"Notizen", Field::kNote},
    {"Kategorien", Field::kTags},
    {"Webseite", Field::kUrl},
    {"Name des/der Vorgesetzten", Field::kRelated, "manager"},
    {"Name Assistent", Field::kRelated, "assistant"},
    {"Partner", Field::kRelated, "spouse"},
    {"Kinder", Field::kRelated, "child"},
    {"E-Mail-Typ", Field::kIgnore},
}};
constexpr std::array<std::string_view, 3> kOutlookGermanRequired = {"Vorname", "Nachname",
                                                                    "E-Mail-Adresse"};

constexpr std::array<Rule, 9> kLiveMailGermanRules = {{
    {"Name", Field::kName},
    {"Vorname", Field::kFirst},
    {"Nachname", Field::kLast},
    {"E-Mail-Adresse", Field::kEmail},
    {"Telefon (privat)", Field::kPhone, "home"},
    {"Telefon (gesch\u00e4ftlich)", Field::kPhone, "work"},
    {"Mobiltelefon", Field::kPhone, "cell"},
    {"Firma", Field::kOrganization},
    {"Position", Field::kTitle},
}};
constexpr std::array<std::string_view, 2> kLiveMailGermanRequired = {"Name", "E-Mail-Adresse"};

// In the order they are tried: the more specific first (Google's current header and Outlook's
// both start "First Name,Middle Name,Last Name"; only Google's has Labels).
constexpr std::array<Preset, 8> kPresets = {{
    {"allies", kAlliesRequired, {}, kAlliesRules, DateOrder::kMonthFirst, true, false},
    {"linkedin", kLinkedInRequired, {}, kLinkedInRules, DateOrder::kMonthFirst, false, false},
    {"google-legacy",
     kGoogleLegacyRequired,
     {},
     kGoogleLegacyRules,
     DateOrder::kMonthFirst,
     false,
     true},
    {"google", kGoogleRequired, {}, kGoogleRules, DateOrder::kMonthFirst, false, true},
    {"thunderbird",
     kThunderbirdRequired,
     {},
     kThunderbirdRules,
     DateOrder::kMonthFirst,
     false,
     false},
    {"outlook", kOutlookRequired, kOutlookAnyOf, kOutlookRules, DateOrder::kMonthFirst, false,
     false},
    {"outlook-de",
     kOutlookGermanRequired,
     {},
     kOutlookGermanRules,
     DateOrder::kDayFirst,
     false,
     false},
    {"live-mail-de",
     kLiveMailGermanRequired,
     {},
     kLiveMailGermanRules,
     DateOrder::kDayFirst,
     false,
     false},
}};

constexpr std::size_t kMaxShown = 80;
constexpr std::size_t kPreambleSearchRows = 10;

// ---------------------------------------------------------------------------------------------
// Small text helpers.

std::string Shown(std::string_view value) {
  if (value.size() <= kMaxShown) return std::string(value);
  std::size_t cut = kMaxShown;
  while (cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80) --cut;
  return fmt::format("{}...", value.substr(0, cut));
}

std::string Key(std::string_view column) { return core::FoldCase(core::Trim(column)); }

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// A whole number written with digits only (no sign, no blanks), up to 9 digits.
std::optional<int> WholeNumber(std::string_view text) {
  if (text.empty() || text.size() > 9) return std::nullopt;
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || !IsDigit(text.front())) {
    return std::nullopt;
  }
  return value;
}

std::size_t CountLineEnds(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'))) {
      ++count;
    }
  }
  return count;
}

// Splits `cell` at " ::: " and at any of `separators`, trimming each part and dropping empty ones.
std::vector<std::string_view> SplitList(std::string_view cell, std::string_view separators) {
  std::vector<std::string_view> parts;
  const auto add_pieces = [&](std::string_view piece) {
    std::size_t start = 0;
    while (start <= piece.size()) {
      std::size_t end = piece.find_first_of(separators, start);
      if (end == std::string_view::npos) end = piece.size();
      const std::string_view part = core::Trim(piece.substr(start, end - start));
      if (!part.empty()) parts.push_back(part);
      start = end + 1;
    }
  };
  constexpr std::string_view kGoogleSeparator = " ::: ";
  std::size_t start = 0;
  while (true) {
    const std::size_t end = cell.find(kGoogleSeparator, start);
    if (end == std::string_view::npos) {
      add_pieces(cell.substr(start));
      return parts;
    }
    add_pieces(cell.substr(start, end - start));
    start = end + kGoogleSeparator.size();
  }
}

// ---------------------------------------------------------------------------------------------
// Allies' own cells: one value per line, escaped.

std::string Escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string Unescape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\\' || i + 1 == text.size()) {
      out.push_back(text[i]);
      continue;
    }
    const char next = text[++i];
    out.push_back(next == 'n' ? '\n' : next == 'r' ? '\r' : next);
  }
  return out;
}

// The lines of an Allies cell (a spreadsheet may have turned LF into CRLF; a CR that is data is
// escaped, so a raw one can be dropped).
std::vector<std::string_view> AlliesItems(std::string_view cell) {
  std::vector<std::string_view> items;
  std::size_t start = 0;
  while (start <= cell.size()) {
    std::size_t end = cell.find('\n', start);
    if (end == std::string_view::npos) end = cell.size();
    std::string_view item = cell.substr(start, end - start);
    if (!item.empty() && item.back() == '\r') item.remove_suffix(1);
    item = core::Trim(item);
    if (!item.empty()) items.push_back(item);
    start = end + 1;
  }
  return items;
}

bool IsTypeToken(std::string_view text) {
  if (text.empty()) return false;
  return std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || IsDigit(c) || c == '-' || c == '_' || c == '.' || c == '+';
  });
}

// The position of the first ": " not preceded by a backslash escape, or npos.
std::size_t UnescapedSeparator(std::string_view text, std::string_view separator) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\') {
      ++i;
      continue;
    }
    if (text.substr(i).starts_with(separator)) return i;
  }
  return std::string_view::npos;
}

// "type: value" or "value" (see WriteContactsCsv).
std::pair<std::string, std::string> SplitTyped(std::string_view item) {
  const std::size_t colon = UnescapedSeparator(item, ": ");
  if (colon != std::string_view::npos && IsTypeToken(item.substr(0, colon))) {
    return {std::string(item.substr(0, colon)), Unescape(core::Trim(item.substr(colon + 2)))};
  }
  return {"", Unescape(item)};
}

std::string WriteTyped(std::string_view type, std::string_view value) {
  std::string escaped = Escape(value);
  if (!type.empty()) return fmt::format("{}: {}", type, escaped);
  // An untyped value must not be read as typed: escape the colon of every ": ".
  std::string out;
  for (std::size_t i = 0; i < escaped.size(); ++i) {
    if (escaped[i] == ':' && i + 1 < escaped.size() && escaped[i + 1] == ' ') out.push_back('\\');
    out.push_back(escaped[i]);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Dates.

constexpr std::array<std::string_view, 12> kMonthNames = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

// 1..12 for an English month name or its first three letters ("Sept" too), else 0.
unsigned MonthNumber(std::string_view word) {
  const std::string folded = core::FoldCase(word);
  if (folded.size() < 3) return 0;
  for (std::size_t i = 0; i < kMonthNames.size(); ++i) {
    if (kMonthNames[i].starts_with(folded)) return static_cast<unsigned>(i + 1);
  }
  return folded == "sept" ? 9 : 0;
}

std::optional<int> YearOf(std::string_view digits) {
  const auto value = WholeNumber(digits);
  if (!value) return std::nullopt;
  if (digits.size() == 4) return *value;
  if (digits.size() == 2) return *value >= 69 ? 1900 + *value : 2000 + *value;
  return std::nullopt;
}

std::optional<core::MonthDay> MakeMonthDay(int month, int day, std::optional<int> year) {
  if (month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
  // Without a year, a leap year lets February 29 through.
  const std::chrono::year_month_day check{std::chrono::year{year.value_or(2000)},
                                          std::chrono::month{static_cast<unsigned>(month)},
                                          std::chrono::day{static_cast<unsigned>(day)}};
  if (!check.ok()) return std::nullopt;
  return core::MonthDay{static_cast<unsigned>(month), static_cast<unsigned>(day), year};
}

// Cuts a trailing time (", 6:14 PM", " 00:00:00", "T10:00:00Z") off a date.
std::string_view WithoutTime(std::string_view text) {
  const std::size_t colon = text.find(':');
  if (colon == std::string_view::npos) return text;
  const std::size_t cut = text.find_last_of(" ,T", colon);
  if (cut == std::string_view::npos) return text;
  const std::string_view time = text.substr(cut + 1);
  const bool looks_like_time = std::all_of(time.begin(), time.end(), [](char c) {
    return IsDigit(c) || std::string_view(": APMapmZ.+-").find(c) != std::string_view::npos;
  });
  if (!looks_like_time) return text;
  std::string_view date = core::Trim(text.substr(0, cut));
  if (!date.empty() && date.back() == ',') date.remove_suffix(1);
  return core::Trim(date);
}

// The pieces of a date: runs of digits, runs of letters, and the separators between them.
struct DateTokens {
  std::vector<std::string_view> numbers;
  std::vector<std::string_view> words;
  std::string separators;  // the non-blank separators, in order
  bool word_first = false;
};

std::optional<DateTokens> Tokenize(std::string_view text) {
  DateTokens tokens;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t start = i;
    if (IsDigit(text[i])) {
      while (i < text.size() && IsDigit(text[i])) ++i;
      tokens.numbers.push_back(text.substr(start, i - start));
    } else if (IsAsciiAlpha(text[i])) {
      while (i < text.size() && IsAsciiAlpha(text[i])) ++i;
      if (tokens.numbers.empty()) tokens.word_first = true;
      tokens.words.push_back(text.substr(start, i - start));
    } else if (text[i] == '.' || text[i] == '/' || text[i] == '-') {
      tokens.separators.push_back(text[i++]);
    } else if (text[i] == ' ' || text[i] == ',') {
      ++i;
    } else {
      return std::nullopt;
    }
  }
  return tokens;
}

// Day and month of an all-numeric date A?B?Y whose separator is '/' or '-', by `order`.
bool IsAmbiguousNumeric(const DateTokens& tokens) {
  return tokens.words.empty() && tokens.numbers.size() >= 2 && tokens.numbers.size() <= 3 &&
         !tokens.separators.empty() && tokens.separators[0] != '.' && tokens.numbers[0].size() <= 2;
}

struct DateResult {
  bool ok = false;
  std::optional<core::MonthDay> value;  // unset with ok: "no date" (Outlook's 0.0.00)
};

DateResult ParseFlexibleDate(std::string_view raw, DateOrder order) {
  const std::string_view text = WithoutTime(raw);
  if (auto iso = core::ParseMonthDay(text)) return {true, *iso};
  const auto tokens = Tokenize(text);
  if (!tokens || tokens->numbers.empty()) return {};
  if (tokens->words.empty() && std::all_of(text.begin(), text.end(), [](char c) {
        return c == '0' || c == '.' || c == '/' || c == '-';
      })) {
    return {true, std::nullopt};
  }
  const auto& numbers = tokens->numbers;
  std::optional<int> year;
  if (tokens->words.size() == 1 && numbers.size() <= 2) {  // "24 Oct 2024", "Oct 24, 2024"
    const unsigned month = MonthNumber(tokens->words[0]);
    const auto day = numbers[0].size() <= 2 ? WholeNumber(numbers[0]) : std::nullopt;
    if (month == 0 || !day) return {};
    if (numbers.size() == 2 && !(year = YearOf(numbers[1]))) return {};
    const auto value = MakeMonthDay(static_cast<int>(month), *day, year);
    return {value.has_value(), value};
  }
  if (!tokens->words.empty() || numbers.size() < 2 || numbers.size() > 3) return {};
  const char separator = tokens->separators.empty() ? ' ' : tokens->separators[0];
  if (!std::all_of(tokens->separators.begin(), tokens->separators.end(),
                   [&](char c) { return c == separator; })) {
    return {};
  }
  const auto first = WholeNumber(numbers[0]);
  const auto second = WholeNumber(numbers[1]);
  if (!first || !second) return {};
  if (numbers[0].size() == 4) {  // YYYY/MM/DD
    if (numbers.size() != 3) return {};
    const auto day = WholeNumber(numbers[2]);
    const auto value = day ? MakeMonthDay(*second, *day, *first) : std::nullopt;
    return {value.has_value(), value};
  }
  if (numbers[0].size() > 2 || numbers[1].size() > 2) return {};
  if (numbers.size() == 3 && !(year = YearOf(numbers[2]))) return {};
  const bool day_first = separator == '.' || order == DateOrder::kDayFirst;
  const auto value =
      day_first ? MakeMonthDay(*second, *first, year) : MakeMonthDay(*first, *second, year);
  return {value.has_value(), value};
}

std::string DateForms(DateOrder order) {
  return order == DateOrder::kDayFirst
             ? "YYYY-MM-DD, --MM-DD, D.M.YYYY, D/M/YYYY or \"24 Oct 2024\""
             : "YYYY-MM-DD, --MM-DD, D.M.YYYY, M/D/YYYY or \"24 Oct 2024\"";
}

// ---------------------------------------------------------------------------------------------
// Columns.

struct Binding {
  Field field = Field::kIgnore;
  std::string type;  // email/phone type, relation kind
  bool preferred = false;
  std::optional<std::size_t> type_column;  // Google: where this value's type is
};

const FieldName* FindFieldName(std::string_view name) {
  const std::string key = core::FoldCase(core::Trim(name));
  for (const FieldName& field : kFieldNames) {
    if (field.name == key) return &field;
  }
  return nullptr;
}

std::string ColumnList(const std::vector<std::string>& header) {
  std::string list;
  for (const std::string& column : header) {
    if (core::Trim(column).empty()) continue;
    if (!list.empty()) list += ", ";
    list += fmt::format("\"{}\"", Shown(core::Trim(column)));
  }
  return list;
}

bool Matches(const Preset& preset, const std::vector<std::string>& keys) {
  const auto has = [&](std::string_view column) {
    return std::find(keys.begin(), keys.end(), Key(column)) != keys.end();
  };
  if (!std::all_of(preset.required.begin(), preset.required.end(), has)) return false;
  return preset.any_of.empty() || std::any_of(preset.any_of.begin(), preset.any_of.end(), has);
}

// Google's numbered groups: "E-mail 3 - Value" with "E-mail 3 - Type" (legacy) or "- Label".
void BindGoogleGroups(const std::vector<std::string>& keys, std::vector<Binding>& bindings) {
  struct Group {
    std::string_view prefix;
    Field field;
  };
  constexpr std::array<Group, 5> kGroups = {{{"e-mail ", Field::kEmail},
                                             {"phone ", Field::kPhone},
                                             {"website ", Field::kUrl},
                                             {"relation ", Field::kRelated},
                                             {"event ", Field::kEvent}}};
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const std::string_view key = keys[i];
    for (const Group& group : kGroups) {
      if (!key.starts_with(group.prefix) || !key.ends_with(" - value")) continue;
      const std::string_view number =
          key.substr(group.prefix.size(), key.size() - group.prefix.size() - 8);
      if (!WholeNumber(number)) continue;
      bindings[i].field = group.field;
      const std::string stem = std::string(key.substr(0, key.size() - 5));
      for (std::size_t j = 0; j < keys.size(); ++j) {
        if (keys[j] == stem + "type" || keys[j] == stem + "label") bindings[i].type_column = j;
      }
    }
  }
}

// The type word of a Google type cell: "* Home" -> "home", "Mobile" -> "cell"; `preferred` is
// set by the "* " mark.
std::string GoogleType(std::string_view cell, bool& preferred) {
  std::string_view text = core::Trim(cell);
  preferred = text.starts_with("*");
  if (preferred) text = core::Trim(text.substr(1));
  std::string type = core::FoldCase(text);
  std::replace(type.begin(), type.end(), ' ', '-');
  if (type == "mobile") return "cell";
  if (type.ends_with("-fax")) return "fax";
  return type;
}

// ---------------------------------------------------------------------------------------------
// Rows.

struct Problem {
  std::size_t column = 0;
  std::string value;
  std::string message;
};

struct Pending {
  std::vector<std::pair<core::Email, bool>> emails;  // with "preferred"
  std::vector<std::pair<core::Phone, bool>> phones;
  std::optional<std::pair<int, std::size_t>> birth_year, birth_month, birth_day;  // value, column
};

class RowReader {
 public:
  RowReader(const std::vector<std::string>& header, std::vector<Binding> bindings,
            std::vector<DateOrder> orders, bool allies)
      : header_(header),
        bindings_(std::move(bindings)),
        orders_(std::move(orders)),
        allies_(allies) {}

  std::optional<Problem> Read(const std::vector<std::string>& cells, Contact& contact) const {
    Pending pending;
    for (std::size_t i = 0; i < bindings_.size() && i < cells.size(); ++i) {
      if (bindings_[i].field == Field::kIgnore) continue;
      const std::string_view value = core::Trim(cells[i]);
      if (value.empty()) continue;
      if (auto problem = Apply(i, value, cells, contact, pending)) return problem;
    }
    if (auto problem = FinishBirthday(pending, contact)) return problem;
    std::stable_partition(pending.emails.begin(), pending.emails.end(),
                          [](const auto& email) { return email.second; });
    std::stable_partition(pending.phones.begin(), pending.phones.end(),
                          [](const auto& phone) { return phone.second; });
    for (auto& [email, preferred] : pending.emails) contact.emails.push_back(std::move(email));
    for (auto& [phone, preferred] : pending.phones) contact.phones.push_back(std::move(phone));
    return std::nullopt;
  }

 private:
  Problem Bad(std::size_t column, std::string_view value, std::string_view what) const {
    return Problem{column, std::string(value),
                   fmt::format("{} \"{}\" {}", core::Trim(header_[column]), Shown(value), what)};
  }

  std::optional<Problem> Apply(std::size_t column, std::string_view value,
                               const std::vector<std::string>& cells, Contact& contact,
                               Pending& pending) const {
    const Binding& binding = bindings_[column];
    bool preferred = binding.preferred;
    std::string type = binding.type;
    if (binding.type_column && *binding.type_column < cells.size()) {
      std::string google = GoogleType(cells[*binding.type_column], preferred);
      if (!google.empty()) type = std::move(google);
    }
    const auto set = [&](std::string& target) {
      if (target.empty()) target = std::string(value);
    };
    switch (binding.field) {
      case Field::kName:
        set(contact.formatted_name);
        break;
      case Field::kFirst:
        set(contact.given);
        break;
      case Field::kMiddle:
        set(contact.additional);
        break;
      case Field::kLast:
        set(contact.family);
        break;
      case Field::kPrefix:
        set(contact.prefix);
        break;
      case Field::kSuffix:
        set(contact.suffix);
        break;
      case Field::kNickname:
        set(contact.nickname);
        break;
      case Field::kOrganization:
        set(contact.organization);
        break;
      case Field::kDepartment:
        set(contact.department);
        break;
      case Field::kTitle:
        set(contact.title);
        break;
      case Field::kRole:
        set(contact.role);
        break;
      case Field::kUid:
        set(contact.uid);
        break;
      case Field::kReportsTo:
        set(contact.reports_to);
        break;
      case Field::kPhoto:
        ++contact.photos;
        break;
      case Field::kEmail:
        return AddEmails(column, value, type, preferred, contact, pending);
      case Field::kPhone:
        AddPhones(value, type, preferred, pending);
        break;
      case Field::kRelated:
        AddRelated(value, type, contact);
        break;
      case Field::kUrl:
        AddList(value, "\r\n", contact.urls);
        break;
      case Field::kTags:
        AddTags(value, contact);
        break;
      case Field::kNeeds:
        AddList(value, "\r\n;,", contact.needs);
        break;
      case Field::kNote:
        AddNotes(value, contact);
        break;
      case Field::kOffers:
        return AddOffers(column, value, contact);
      case Field::kCloseness:
        return SetNumber(column, value, 0, 5, contact.closeness);
      case Field::kCadenceDays:
        return SetNumber(column, value, 1, 36500, contact.cadence_days);
      case Field::kBirthday:
        return SetDate(column, value, contact.birthday);
      case Field::kAnniversary:
        return SetDate(column, value, contact.anniversary);
      case Field::kWorkAnniversary:
        return SetDate(column, value, contact.work_anniversary);
      case Field::kEvent:
        if (type == "anniversary") return SetDate(column, value, contact.anniversary);
        break;
      case Field::kConnectedOn:
        return SetConnectedOn(column, value, contact);
      case Field::kBirthYear:
        return SetBirthPart(column, value, 0, 9999, pending.birth_year);
      case Field::kBirthMonth:
        return SetBirthPart(column, value, 1, 12, pending.birth_month);
      case Field::kBirthDay:
        return SetBirthPart(column, value, 1, 31, pending.birth_day);
      case Field::kIgnore:
        break;
    }
    return std::nullopt;
  }

  std::optional<Problem> AddEmails(std::size_t column, std::string_view value,
                                   const std::string& type, bool preferred, Contact& contact,
                                   Pending& pending) const {
    if (allies_) {
      for (std::string_view item : AlliesItems(value)) {
        auto [item_type, address] = SplitTyped(item);
        pending.emails.push_back({core::Email{std::move(address), std::move(item_type)}, false});
      }
      return std::nullopt;
    }
    for (std::string_view address : SplitList(value, "\r\n;,")) {
      if (address.starts_with("/o=") || address.starts_with("/O=")) continue;  // Exchange
      if (address.starts_with("urn:li:")) {  // LinkedIn's member id where the email would be
        if (contact.uid.empty()) contact.uid = std::string(address);
        continue;
      }
      const std::size_t at = address.rfind('@');
      if (at == 0 || at == std::string_view::npos || at + 1 == address.size() ||
          address.find_first_of(" \t") != std::string_view::npos) {
        return Bad(column, address, "is not an email address (expected local-part@domain)");
      }
      pending.emails.push_back({core::Email{std::string(address), type}, preferred});
    }
    return std::nullopt;
  }

  void AddPhones(std::string_view value, const std::string& type, bool preferred,
                 Pending& pending) const {
    if (allies_) {
      for (std::string_view item : AlliesItems(value)) {
        auto [item_type, number] = SplitTyped(item);
        pending.phones.push_back({core::Phone{std::move(number), std::move(item_type)}, false});
      }
      return;
    }
    for (std::string_view number : SplitList(value, "\r\n")) {
      pending.phones.push_back({core::Phone{std::string(number), type}, preferred});
    }
  }

  void AddRelated(std::string_view value, const std::string& type, Contact& contact) const {
    if (allies_) {
      for (std::string_view item : AlliesItems(value)) {
        auto [kind, name] = SplitTyped(item);
        contact.related.push_back(ContactRelation{std::move(kind), std::move(name)});
      }
      return;
    }
    for (std::string_view name : SplitList(value, "\r\n")) {
      contact.related.push_back(
          ContactRelation{type.empty() ? "related" : type, std::string(name)});
    }
  }

  void AddList(std::string_view value, std::string_view separators,
               std::vector<std::string>& target) const {
    if (allies_) {
      for (std::string_view item : AlliesItems(value)) target.push_back(Unescape(item));
      return;
    }
    for (std::string_view item : SplitList(value, separators)) target.emplace_back(item);
  }

  void AddTags(std::string_view value, Contact& contact) const {
    if (allies_) {
      AddList(value, "", contact.categories);
      return;
    }
    for (std::string_view tag : SplitList(value, "\r\n;,")) {
      if (tag.starts_with("*")) tag = core::Trim(tag.substr(1));
      const std::string key = core::FoldCase(tag);
      if (tag.empty() || key == "mycontacts" || key == "my contacts") continue;
      contact.categories.emplace_back(tag);
    }
  }

  void AddNotes(std::string_view value, Contact& contact) const {
    if (!allies_) {
      contact.notes.push_back(ContactNote{std::string(value), std::nullopt});
      return;
    }
    for (std::string_view item : AlliesItems(value)) {
      ContactNote note;
      const std::size_t close = item.find(']');
      if (item.starts_with("[") && close != std::string_view::npos) {
        const auto stamp = core::ParseDateTime(item.substr(1, close - 1));
        if (stamp && stamp->offset) {
          note.at = core::TimePoint(stamp->local.time_since_epoch() - *stamp->offset);
          item = core::Trim(item.substr(close + 1));
        }
      }
      note.text = Unescape(item);
      contact.notes.push_back(std::move(note));
    }
  }

  std::optional<Problem> AddOffers(std::size_t column, std::string_view value,
                                   Contact& contact) const {
    const std::vector<std::string_view> items =
        allies_ ? AlliesItems(value) : SplitList(value, "\r\n;,");
    for (std::string_view item : items) {
      core::Offer offer;
      std::string_view key = item;
      std::size_t equals = std::string_view::npos;
      for (std::size_t i = 0; i < item.size(); ++i) {
        if (item[i] == '\\') {
          ++i;
        } else if (item[i] == '=') {
          equals = i;
        }
      }
      if (equals != std::string_view::npos) {
        const auto rating = WholeNumber(core::Trim(item.substr(equals + 1)));
        if (!rating || *rating > 5) {
          return Bad(column, item, "does not end in a rating from 0 to 5 (expected key=rating)");
        }
        offer.rating = *rating;
        key = core::Trim(item.substr(0, equals));
      }
      offer.key = allies_ ? Unescape(key) : std::string(key);
      if (!offer.key.empty()) contact.offers.push_back(std::move(offer));
    }
    return std::nullopt;
  }

  std::optional<Problem> SetNumber(std::size_t column, std::string_view value, int low, int high,
                                   std::optional<int>& target) const {
    const auto number = WholeNumber(value);
    if (!number || *number < low || *number > high) {
      return Bad(column, value, fmt::format("is not a whole number from {} to {}", low, high));
    }
    target = *number;
    return std::nullopt;
  }

  std::optional<Problem> SetDate(std::size_t column, std::string_view value,
                                 std::optional<core::MonthDay>& target) const {
    const DateResult date = ParseFlexibleDate(value, orders_[column]);
    if (!date.ok) {
      return Bad(column, value,
                 fmt::format("is not a date (expected {})", DateForms(orders_[column])));
    }
    if (date.value && !target) target = date.value;
    return std::nullopt;
  }

  std::optional<Problem> SetConnectedOn(std::size_t column, std::string_view value,
                                        Contact& contact) const {
    std::optional<core::MonthDay> date;
    if (auto problem = SetDate(column, value, date)) return problem;
    if (!date) return std::nullopt;
    if (!date->year) {
      return Bad(column, value, "has no year (expected a full date such as \"24 Oct 2024\")");
    }
    contact.connected_on = core::Date{std::chrono::year{*date->year},
                                      std::chrono::month{date->month}, std::chrono::day{date->day}};
    return std::nullopt;
  }

  std::optional<Problem> SetBirthPart(std::size_t column, std::string_view value, int low, int high,
                                      std::optional<std::pair<int, std::size_t>>& target) const {
    const auto number = WholeNumber(value);
    if (!number || *number < low || *number > high) {
      return Bad(column, value, fmt::format("is not a whole number from {} to {}", low, high));
    }
    target = {*number, column};
    return std::nullopt;
  }

  // Thunderbird's Birth Year/Month/Day: month and day make a birthday; a year alone is dropped.
  std::optional<Problem> FinishBirthday(const Pending& pending, Contact& contact) const {
    if (!pending.birth_month && !pending.birth_day) return std::nullopt;
    const auto& [part, column] = pending.birth_month ? *pending.birth_month : *pending.birth_day;
    if (!pending.birth_month || !pending.birth_day) {
      return Bad(column, std::to_string(part),
                 "is only half a birthday (expected both a birth month and a birth day)");
    }
    std::optional<int> year;
    if (pending.birth_year) year = pending.birth_year->first;
    const auto date = MakeMonthDay(pending.birth_month->first, pending.birth_day->first, year);
    if (!date) {
      const std::size_t day_column = pending.birth_day->second;
      return Bad(day_column, std::to_string(pending.birth_day->first),
                 fmt::format("is not a day of month {}{}", pending.birth_month->first,
                             year ? fmt::format(" in {}", *year) : std::string()));
    }
    if (!contact.birthday) contact.birthday = date;
    return std::nullopt;
  }

  const std::vector<std::string>& header_;
  std::vector<Binding> bindings_;
  std::vector<DateOrder> orders_;
  bool allies_;
};

bool IsDateField(Field field) {
  return field == Field::kBirthday || field == Field::kAnniversary ||
         field == Field::kWorkAnniversary || field == Field::kConnectedOn || field == Field::kEvent;
}

// The order of slash dates in column `column`, from its values (see contacts_csv.h).
DateOrder ColumnDateOrder(const CsvTable& table, std::size_t first_row, std::size_t column,
                          DateOrder fallback) {
  bool day_first_seen = false;
  bool month_first_seen = false;
  for (std::size_t r = first_row; r < table.rows.size(); ++r) {
    if (column >= table.rows[r].size()) continue;
    const auto tokens = Tokenize(WithoutTime(core::Trim(table.rows[r][column])));
    if (!tokens || !IsAmbiguousNumeric(*tokens)) continue;
    const auto first = WholeNumber(tokens->numbers[0]);
    const auto second = WholeNumber(tokens->numbers[1]);
    if (first && *first > 12) day_first_seen = true;
    if (second && *second > 12) month_first_seen = true;
  }
  if (day_first_seen && !month_first_seen) return DateOrder::kDayFirst;
  if (month_first_seen && !day_first_seen) return DateOrder::kMonthFirst;
  return fallback;
}

bool IsBlankRow(const std::vector<std::string>& row) {
  return std::all_of(row.begin(), row.end(),
                     [](const std::string& cell) { return core::Trim(cell).empty(); });
}

// The index of the header row: the first row that is not blank, past LinkedIn's preamble.
core::Result<std::size_t> FindHeader(const CsvTable& table) {
  std::size_t row = 0;
  while (row < table.rows.size() && IsBlankRow(table.rows[row])) ++row;
  if (row == table.rows.size()) {
    return Fail(ErrorCode::kInvalidArgument,
                "the file has no header row (it is empty or blank; expected a first row of "
                "column names)");
  }
  const auto& first = table.rows[row];
  if (first.size() != 1 || core::Trim(first[0]) != "Notes:") return row;
  const Preset& linkedin = *std::find_if(kPresets.begin(), kPresets.end(),
                                         [](const Preset& p) { return p.name == "linkedin"; });
  for (std::size_t r = row + 1; r < table.rows.size() && r <= row + kPreambleSearchRows; ++r) {
    std::vector<std::string> keys;
    for (const std::string& cell : table.rows[r]) keys.push_back(Key(cell));
    if (Matches(linkedin, keys)) return r;
  }
  return Fail(ErrorCode::kInvalidArgument,
              fmt::format("line {}: the file starts with LinkedIn's \"Notes:\" preamble, but no "
                          "header row \"First Name,Last Name,URL,Email Address,Company,Position,"
                          "Connected On\" follows within {} rows",
                          table.row_lines[row], kPreambleSearchRows));
}

// Applies the user's --map pairs on top of `bindings`.
core::Result<void> ApplyMap(const ContactsCsvOptions& options, const std::vector<std::string>& keys,
                            const std::vector<std::string>& header, std::size_t header_line,
                            std::vector<Binding>& bindings) {
  for (const auto& [column, field_name] : options.map) {
    const FieldName* field = FindFieldName(field_name);
    if (field == nullptr) {
      return Fail(ErrorCode::kInvalidArgument,
                  fmt::format("--map \"{}={}\": unknown field \"{}\" (expected one of {})", column,
                              field_name, field_name, core::Join(ContactFieldNames(), ", ")));
    }
    const std::string key = Key(column);
    bool found = false;
    for (std::size_t i = 0; i < keys.size(); ++i) {
      if (keys[i] != key || key.empty()) continue;
      found = true;
      bindings[i] = Binding{field->field, std::string(field->type), false, std::nullopt};
    }
    if (!found) {
      return Fail(ErrorCode::kInvalidArgument,
                  fmt::format("--map \"{}={}\": the header (line {}) has no column \"{}\" (its "
                              "columns are {})",
                              column, field_name, header_line, column, ColumnList(header)));
    }
  }
  return {};
}

// A row that arrives as one quoted field holding the delimiter, where the header has several
// columns, is a whole row that a spreadsheet quoted again; split it once more.
std::vector<std::string> Unwrapped(std::vector<std::string>&& row, std::size_t columns,
                                   char delimiter) {
  if (row.size() != 1 || columns < 2 || row[0].find(delimiter) == std::string::npos) {
    return std::move(row);
  }
  auto table = ReadCsv(row[0], CsvOptions{"UTF-8", delimiter});
  if (!table || table->rows.size() != 1 || table->rows[0].size() < 2) return std::move(row);
  return std::move(table->rows[0]);
}

// The error for a row with a non-empty field beyond the header, or nullopt. Its `line` is the
// index of that field; the caller turns it into a line.
std::optional<RecordError> ExtraField(const std::vector<std::string>& cells, std::size_t columns,
                                      char delimiter) {
  for (std::size_t i = columns; i < cells.size(); ++i) {
    const std::string_view value = core::Trim(cells[i]);
    if (value.empty()) continue;
    return RecordError{
        i, "", Shown(value),
        fmt::format("the row has {} fields but the header has {} columns, so field {} (\"{}\") "
                    "has no column (quote values that contain the delimiter {})",
                    cells.size(), columns, i + 1, Shown(value),
                    delimiter == '\t' ? std::string("TAB") : fmt::format("'{}'", delimiter))};
  }
  return std::nullopt;
}

struct Columns {
  const Preset* preset = nullptr;  // null: the user's --map alone
  std::vector<Binding> bindings;   // one per header column
};

// Recognises the preset from the header and binds every column, then applies --map.
core::Result<Columns> BindColumns(const std::vector<std::string>& header, std::size_t header_line,
                                  const ContactsCsvOptions& options) {
  std::vector<std::string> keys;
  keys.reserve(header.size());
  for (const std::string& column : header) keys.push_back(Key(column));
  const auto* found = std::find_if(kPresets.begin(), kPresets.end(),
                                   [&](const Preset& preset) { return Matches(preset, keys); });
  const Preset* preset = found == kPresets.end() ? nullptr : found;
  if (preset == nullptr && options.map.empty()) {
    return Fail(ErrorCode::kInvalidArgument,
                fmt::format("the header (line {}) is not one of a known export (LinkedIn, Google, "
                            "Outlook, Thunderbird, Windows Live Mail, Allies): its columns are "
                            "{}; say which column holds what with --map COLUMN=FIELD, e.g. --map "
                            "\"{}=name\"",
                            header_line, ColumnList(header), Shown(core::Trim(header[0]))));
  }
  std::vector<Binding> bindings(header.size());
  if (preset != nullptr) {
    for (const Rule& rule : preset->rules) {
      const std::string key = Key(rule.column);
      for (std::size_t i = 0; i < keys.size(); ++i) {
        if (keys[i] == key) {
          bindings[i] = Binding{rule.field, std::string(rule.type), rule.preferred, std::nullopt};
        }
      }
    }
    if (preset->google) BindGoogleGroups(keys, bindings);
  }
  ALLIES_TRY_VOID(ApplyMap(options, keys, header, header_line, bindings));
  return Columns{preset, std::move(bindings)};
}

}  // namespace

std::vector<std::string> ContactFieldNames() {
  std::vector<std::string> names;
  names.reserve(kFieldNames.size());
  for (const FieldName& field : kFieldNames) names.emplace_back(field.name);
  return names;
}

core::Result<ContactFile> ReadContactsCsv(std::string_view bytes,
                                          const ContactsCsvOptions& options) {
  ALLIES_TRY(CsvTable table, ReadCsv(bytes, options.csv));
  ALLIES_TRY(const std::size_t header_row, FindHeader(table));
  const std::vector<std::string>& header = table.rows[header_row];
  const std::size_t header_line = table.row_lines[header_row];
  ALLIES_TRY(Columns columns, BindColumns(header, header_line, options));
  const Preset* preset = columns.preset;
  std::vector<Binding>& bindings = columns.bindings;

  const DateOrder fallback = preset ? preset->order : DateOrder::kMonthFirst;
  std::vector<DateOrder> orders(header.size(), fallback);
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (IsDateField(bindings[i].field)) {
      orders[i] = ColumnDateOrder(table, header_row + 1, i, fallback);
    }
  }

  ContactFile file;
  file.format = fmt::format("csv {}", preset ? preset->name : "custom");
  const RowReader reader(header, std::move(bindings), std::move(orders),
                         preset != nullptr && preset->allies);
  for (std::size_t r = header_row + 1; r < table.rows.size(); ++r) {
    if (IsBlankRow(table.rows[r])) continue;
    const std::vector<std::string> cells =
        Unwrapped(std::move(table.rows[r]), header.size(), table.delimiter);
    const auto line_of = [&](std::size_t column) {
      std::size_t line = table.row_lines[r];
      for (std::size_t i = 0; i < column && i < cells.size(); ++i) line += CountLineEnds(cells[i]);
      return line;
    };
    if (auto extra = ExtraField(cells, header.size(), table.delimiter)) {
      extra->line = line_of(extra->line);
      file.errors.push_back(std::move(*extra));
      continue;
    }
    Contact contact;
    contact.line = table.row_lines[r];
    if (auto problem = reader.Read(cells, contact)) {
      file.errors.push_back(RecordError{line_of(problem->column),
                                        std::string(core::Trim(header[problem->column])),
                                        Shown(problem->value), std::move(problem->message)});
      continue;
    }
    file.contacts.push_back(std::move(contact));
  }
  return file;
}

std::string WriteContactsCsv(const std::vector<Contact>& contacts) {
  std::vector<std::vector<std::string>> rows;
  rows.reserve(contacts.size() + 1);
  auto& header = rows.emplace_back();
  for (const Rule& rule : kAlliesRules) header.emplace_back(rule.column);

  const auto lines = [](const std::vector<std::string>& items) {
    std::vector<std::string> escaped;
    escaped.reserve(items.size());
    for (const std::string& item : items) escaped.push_back(Escape(item));
    return core::Join(escaped, "\n");
  };
  const auto date = [](const std::optional<core::MonthDay>& value) {
    return value ? core::FormatMonthDay(*value) : std::string();
  };
  const auto number = [](const std::optional<int>& value) {
    return value ? std::to_string(*value) : std::string();
  };
  for (const Contact& c : contacts) {
    std::vector<std::string> emails, phones, notes, related, offers;
    for (const auto& email : c.emails) emails.push_back(WriteTyped(email.type, email.address));
    for (const auto& phone : c.phones) phones.push_back(WriteTyped(phone.type, phone.number));
    for (const auto& relation : c.related)
      related.push_back(WriteTyped(relation.kind, relation.name));
    for (const auto& note : c.notes) {
      std::string text = Escape(note.text);
      if (note.at) {
        text = fmt::format("[{}] {}", core::FormatUtc(*note.at), text);
      } else if (text.starts_with("[")) {
        text = std::string("\\").append(text);
      }
      notes.push_back(std::move(text));
    }
    for (const auto& offer : c.offers) {
      std::string key;
      for (char ch : Escape(offer.key)) {
        if (ch == '=') key.push_back('\\');
        key.push_back(ch);
      }
      offers.push_back(fmt::format("{}={}", key, offer.rating));
    }
    rows.push_back({c.formatted_name,
                    c.given,
                    c.additional,
                    c.family,
                    c.prefix,
                    c.suffix,
                    c.nickname,
                    c.organization,
                    c.department,
                    c.title,
                    c.role,
                    core::Join(emails, "\n"),
                    core::Join(phones, "\n"),
                    date(c.birthday),
                    date(c.anniversary),
                    date(c.work_anniversary),
                    c.connected_on ? core::FormatDate(*c.connected_on) : std::string(),
                    core::Join(notes, "\n"),
                    lines(c.categories),
                    core::Join(related, "\n"),
                    lines(c.urls),
                    c.uid,
                    core::Join(offers, "\n"),
                    lines(c.needs),
                    number(c.closeness),
                    number(c.cadence_days),
                    c.reports_to});
  }
  return WriteCsv(rows);
}

}  // namespace allies::formats
