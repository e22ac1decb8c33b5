#include "formats/vcard.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <iterator>
#include <optional>
#include <string>
#include <thread>
#include <unordered_set>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <tl/expected.hpp>

#include "core/text.h"
#include "core/time.h"
#include "formats/charset.h"
#include "formats/vcard_lexer.h"
#include "formats/vcard_values.h"

namespace allies::formats {
namespace {

using vcard_internal::Arena;
using vcard_internal::ContentLine;
using vcard_internal::EqualsIgnoreCase;
using vcard_internal::Lexer;
using vcard_internal::Param;

template <class T>
using CardResult = tl::expected<T, RecordError>;

// The properties the reader maps. Everything else is kNone and is never decoded.
enum class Field {
  kNone,
  kBegin,
  kEnd,
  kVersion,
  kLabel,  // X-ABLabel: read through the group of the property it labels
  kFormattedName,
  kName,
  kNickname,
  kOrganization,
  kTitle,
  kRole,
  kEmail,
  kPhone,
  kBirthday,
  kAnniversary,
  kAppleDate,  // X-ABDATE: an anniversary when its label says so
  kNote,
  kCategories,
  kRelated,
  kAppleRelated,  // X-ABRELATEDNAMES: the label gives the kind
  kSpouse,
  kManager,
  kAssistant,
  kChild,
  kUrl,
  kUid,
  kPhoto,
  kAlliesOffer,
  kAlliesNeed,
  kAlliesCloseness,
  kAlliesCadence,
  kAlliesReportsTo,
  kAlliesWorkAnniversary,
  kAlliesConnectedOn,
  kAlliesNote,
  kCount,
};

struct NameEntry {
  std::string_view name;  // upper case
  Field field;
};

// Sorted by name for binary search (checked below).
constexpr std::array kNames = {
    NameEntry{"ANNIVERSARY", Field::kAnniversary},
    NameEntry{"BDAY", Field::kBirthday},
    NameEntry{"BEGIN", Field::kBegin},
    NameEntry{"CATEGORIES", Field::kCategories},
    NameEntry{"EMAIL", Field::kEmail},
    NameEntry{"END", Field::kEnd},
    NameEntry{"FN", Field::kFormattedName},
    NameEntry{"LOGO", Field::kPhoto},
    NameEntry{"N", Field::kName},
    NameEntry{"NICKNAME", Field::kNickname},
    NameEntry{"NOTE", Field::kNote},
    NameEntry{"ORG", Field::kOrganization},
    NameEntry{"PHOTO", Field::kPhoto},
    NameEntry{"RELATED", Field::kRelated},
    NameEntry{"ROLE", Field::kRole},
    NameEntry{"TEL", Field::kPhone},
    NameEntry{"TITLE", Field::kTitle},
    NameEntry{"UID", Field::kUid},
    NameEntry{"URL", Field::kUrl},
    NameEntry{"VERSION", Field::kVersion},
    NameEntry{"X-ABDATE", Field::kAppleDate},
    NameEntry{"X-ABLABEL", Field::kLabel},
    NameEntry{"X-ABRELATEDNAMES", Field::kAppleRelated},
    NameEntry{"X-ALLIES-CADENCE-DAYS", Field::kAlliesCadence},
    NameEntry{"X-ALLIES-CLOSENESS", Field::kAlliesCloseness},
    NameEntry{"X-ALLIES-CONNECTED-ON", Field::kAlliesConnectedOn},
    NameEntry{"X-ALLIES-NEED", Field::kAlliesNeed},
    NameEntry{"X-ALLIES-NOTE", Field::kAlliesNote},
    NameEntry{"X-ALLIES-OFFER", Field::kAlliesOffer},
    NameEntry{"X-ALLIES-REPORTS-TO", Field::kAlliesReportsTo},
    NameEntry{"X-ALLIES-WORK-ANNIVERSARY", Field::kAlliesWorkAnniversary},
    NameEntry{"X-ANNIVERSARY", Field::kAnniversary},
    NameEntry{"X-ASSISTANT", Field::kAssistant},
    NameEntry{"X-EVOLUTION-ANNIVERSARY", Field::kAnniversary},
    NameEntry{"X-EVOLUTION-ASSISTANT", Field::kAssistant},
    NameEntry{"X-EVOLUTION-MANAGER", Field::kManager},
    NameEntry{"X-EVOLUTION-SPOUSE", Field::kSpouse},
    NameEntry{"X-KADDRESSBOOK-X-ANNIVERSARY", Field::kAnniversary},
    NameEntry{"X-KADDRESSBOOK-X-ASSISTANTSNAME", Field::kAssistant},
    NameEntry{"X-KADDRESSBOOK-X-MANAGERSNAME", Field::kManager},
    NameEntry{"X-KADDRESSBOOK-X-SPOUSENAME", Field::kSpouse},
    NameEntry{"X-MANAGER", Field::kManager},
    NameEntry{"X-MS-ANNIVERSARY", Field::kAnniversary},
    NameEntry{"X-MS-ASSISTANT", Field::kAssistant},
    NameEntry{"X-MS-CARDPICTURE", Field::kPhoto},
    NameEntry{"X-MS-CHILD", Field::kChild},
    NameEntry{"X-MS-MANAGER", Field::kManager},
    NameEntry{"X-MS-SPOUSE", Field::kSpouse},
    NameEntry{"X-SPOUSE", Field::kSpouse},
};
static_assert(std::is_sorted(kNames.begin(), kNames.end(),
                             [](const NameEntry& a, const NameEntry& b) {
                               return a.name < b.name;
                             }));

char Upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }
char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

Field Lookup(std::string_view name) {
  std::array<char, 40> upper{};
  if (name.size() > upper.size()) return Field::kNone;
  for (std::size_t i = 0; i < name.size(); ++i) upper[i] = Upper(name[i]);
  const std::string_view key(upper.data(), name.size());
  const auto* it =
      std::lower_bound(kNames.begin(), kNames.end(), key,
                       [](const NameEntry& e, std::string_view k) { return e.name < k; });
  return (it != kNames.end() && it->name == key) ? it->field : Field::kNone;
}

// The one value a card keeps of these; the most preferred occurrence wins.
bool IsSingleValued(Field field) {
  switch (field) {
    case Field::kFormattedName:
    case Field::kName:
    case Field::kNickname:
    case Field::kOrganization:
    case Field::kTitle:
    case Field::kRole:
    case Field::kBirthday:
    case Field::kAnniversary:
    case Field::kUid:
    case Field::kAlliesCloseness:
    case Field::kAlliesCadence:
    case Field::kAlliesReportsTo:
    case Field::kAlliesWorkAnniversary:
    case Field::kAlliesConnectedOn:
      return true;
    default:
      return false;
  }
}

// A TYPE word as Contact stores it: lower case, and valid UTF-8 even when the file's is not.
std::string TypeWord(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = Lower(c);
  return IsValidUtf8(out) ? out : RepairUtf8(out);
}

std::string AsciiUpper(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = Upper(c);
  return out;
}

bool IsAscii(std::string_view bytes) {
  unsigned char any = 0;
  for (const char c : bytes) any |= static_cast<unsigned char>(c);  // vectorises
  return any < 0x80U;
}

// At most ~80 bytes, cut at a character boundary, made valid UTF-8: for messages.
std::string Shorten(std::string_view text) {
  constexpr std::size_t kMax = 80;
  if (text.size() <= kMax) return RepairUtf8(text);
  std::size_t cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0U) == 0x80U) --cut;
  return RepairUtf8(text.substr(0, cut)) + "...";
}

// Apple writes its standard labels as `_$!<Mobile>!$_`.
std::string_view UnwrapAppleLabel(std::string_view label) {
  label = core::Trim(label);
  if (label.starts_with("_$!<") && label.ends_with(">!$_") && label.size() >= 8) {
    return label.substr(4, label.size() - 8);
  }
  return label;
}

// Email and phone type from a label: Apple's names mapped onto the TYPE words.
std::string TypeFromLabel(std::string_view label) {
  std::string type = core::FoldCase(UnwrapAppleLabel(label));
  if (type == "mobile" || type == "iphone") return "cell";
  if (type == "homefax" || type == "workfax" || type == "otherfax") return "fax";
  if (type == "assistantphone") return "assistant";
  return type;
}

std::string RelationKindFromLabel(std::string_view label) {
  std::string kind = core::FoldCase(UnwrapAppleLabel(label));
  if (kind == "mother" || kind == "father") return "parent";
  if (kind == "brother" || kind == "sister") return "sibling";
  if (kind == "domestic_partner") return "partner";
  if (kind.empty()) return "related";
  return kind;
}

bool IsNotAType(std::string_view type) {
  return type == "pref" || type == "internet" || type == "voice" || type == "x400" ||
         type == "msg" || type == "text" || type == "video" || type == "textphone" ||
         type == "bbs" || type == "modem";
}

constexpr int kNoPref = 1000;

class CardReader {
 public:
  // Reads the card whose content lines are `lines` (BEGIN and END excluded). Adds the contact or
  // an error to `file`, and the card's VERSION to `versions`.
  void Read(std::size_t begin_line, const std::vector<ContentLine>& lines,
            const std::vector<Param>& params, ContactFile& file,
            std::vector<std::string>& versions);

 private:
  struct Label {
    std::string_view group;
    std::string text;
  };
  struct Chosen {
    int index = -1;
    int pref = kNoPref + 1;
  };

  CardResult<void> Interpret(const ContentLine& line, Field field, Contact& contact);
  CardResult<void> InterpretSingle(const ContentLine& line, Field field, Contact& contact);

  [[nodiscard]] std::string_view FindParam(const ContentLine& line, std::string_view name) const;
  [[nodiscard]] int Pref(const ContentLine& line) const;
  void CollectTypes(const ContentLine& line);
  [[nodiscard]] std::string_view LabelOf(const ContentLine& line) const;

  // The value's bytes as UTF-8 with the transfer encoding undone (escapes still in). The view
  // lives until the next call.
  CardResult<std::string_view> Decode(const ContentLine& line);
  // Decode + unescape + trim, into text_.
  CardResult<std::string_view> Text(const ContentLine& line);
  CardResult<std::optional<core::MonthDay>> Date(const ContentLine& line);
  CardResult<int> WholeNumber(const ContentLine& line, std::string_view what, std::string_view text,
                              int low, int high) const;

  [[nodiscard]] RecordError Error(const ContentLine& line, std::string_view value,
                                  std::string_view problem) const;

  const std::vector<Param>* params_ = nullptr;
  std::vector<Label> labels_;
  std::unordered_set<std::string> altids_;
  std::vector<Field> fields_;
  std::array<Chosen, static_cast<std::size_t>(Field::kCount)> chosen_{};
  std::vector<int> email_prefs_;
  std::vector<int> phone_prefs_;
  std::vector<std::string_view> types_;
  std::vector<std::string> pieces_;
  std::string decoded_;
  std::string text_;
};

std::string_view CardReader::FindParam(const ContentLine& line, std::string_view name) const {
  for (std::uint32_t i = 0; i < line.param_count; ++i) {
    const Param& param = (*params_)[line.first_param + i];
    if (EqualsIgnoreCase(param.name, name)) return param.value;
  }
  return {};
}

// PREF=1 is the most preferred (RFC 6350); TYPE=pref is the 3.0 way to say the same.
int CardReader::Pref(const ContentLine& line) const {
  int best = kNoPref;
  for (std::uint32_t i = 0; i < line.param_count; ++i) {
    const Param& param = (*params_)[line.first_param + i];
    if (EqualsIgnoreCase(param.name, "PREF")) {
      int value = 0;
      const auto* end = param.value.data() + param.value.size();
      if (std::from_chars(param.value.data(), end, value).ptr == end && value >= 1 &&
          value < kNoPref) {
        best = std::min(best, value);
      }
    } else if (EqualsIgnoreCase(param.name, "TYPE")) {
      std::string_view rest = param.value;
      while (!rest.empty()) {
        const std::size_t comma = rest.find(',');
        if (EqualsIgnoreCase(core::Trim(rest.substr(0, comma)), "pref")) best = 1;
        if (comma == std::string_view::npos) break;
        rest.remove_prefix(comma + 1);
      }
    }
  }
  return best;
}

void CardReader::CollectTypes(const ContentLine& line) {
  types_.clear();
  for (std::uint32_t i = 0; i < line.param_count; ++i) {
    const Param& param = (*params_)[line.first_param + i];
    if (!EqualsIgnoreCase(param.name, "TYPE")) continue;
    std::string_view rest = param.value;
    while (!rest.empty()) {
      const std::size_t comma = rest.find(',');
      const std::string_view token = core::Trim(rest.substr(0, comma));
      if (!token.empty()) types_.push_back(token);
      if (comma == std::string_view::npos) break;
      rest.remove_prefix(comma + 1);
    }
  }
}

std::string_view CardReader::LabelOf(const ContentLine& line) const {
  if (line.group.empty()) return {};
  const auto less = [](std::string_view a, std::string_view b) {
    return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(),
                                        [](char x, char y) { return Upper(x) < Upper(y); });
  };
  const auto it = std::lower_bound(
      labels_.begin(), labels_.end(), line.group,
      [&](const Label& label, std::string_view group) { return less(label.group, group); });
  if (it == labels_.end() || !EqualsIgnoreCase(it->group, line.group)) return {};
  return it->text;
}

RecordError CardReader::Error(const ContentLine& line, std::string_view value,
                              std::string_view problem) const {
  RecordError error;
  error.line = line.line;
  error.property = RepairUtf8(AsciiUpper(line.name));
  error.value = Shorten(value);
  // The problem may quote raw bytes of the file (a bad escape sequence, a charset name).
  error.message = RepairUtf8(fmt::format("{} \"{}\" {}", error.property, error.value, problem));
  return error;
}

CardResult<std::string_view> CardReader::Decode(const ContentLine& line) {
  std::string_view bytes = line.value;
  const std::string_view encoding = FindParam(line, "ENCODING");
  if (EqualsIgnoreCase(encoding, "QUOTED-PRINTABLE") || EqualsIgnoreCase(encoding, "Q")) {
    auto decoded = vcard_internal::DecodeQuotedPrintable(bytes);
    if (!decoded) return tl::unexpected(Error(line, line.value, decoded.error().message));
    decoded_ = std::move(*decoded);
    bytes = decoded_;
  } else if (EqualsIgnoreCase(encoding, "BASE64") || EqualsIgnoreCase(encoding, "B")) {
    auto decoded = vcard_internal::DecodeBase64(bytes);
    if (!decoded) return tl::unexpected(Error(line, line.value, decoded.error().message));
    decoded_ = std::move(*decoded);
    bytes = decoded_;
  }

  const std::string_view charset = FindParam(line, "CHARSET");
  const bool says_utf8 = EqualsIgnoreCase(charset, "UTF-8") || EqualsIgnoreCase(charset, "UTF8");
  if (charset.empty() || says_utf8) {
    if (IsAscii(bytes) || IsValidUtf8(bytes)) return bytes;
    if (says_utf8) {
      return tl::unexpected(Error(line, line.value, "is not valid UTF-8 text (CHARSET=UTF-8)"));
    }
    // No CHARSET and not UTF-8: old exporters write the Windows code page without saying so.
    auto converted = ToUtf8(bytes, "windows-1252");
    if (!converted) {
      return tl::unexpected(Error(line, line.value,
                                  "is neither UTF-8 nor windows-1252 text (expected a CHARSET "
                                  "parameter naming its encoding)"));
    }
    decoded_ = std::move(*converted);
    return std::string_view(decoded_);
  }
  auto converted = ToUtf8(bytes, charset);
  if (!converted) {
    return tl::unexpected(Error(line, line.value,
                                fmt::format("cannot be read as CHARSET={}: {}", Shorten(charset),
                                            converted.error().message)));
  }
  decoded_ = std::move(*converted);
  return std::string_view(decoded_);
}

CardResult<std::string_view> CardReader::Text(const ContentLine& line) {
  auto bytes = Decode(line);
  if (!bytes) return tl::unexpected(std::move(bytes).error());
  text_.clear();
  vcard_internal::AppendUnescaped(*bytes, text_);
  return core::Trim(text_);
}

CardResult<std::optional<core::MonthDay>> CardReader::Date(const ContentLine& line) {
  auto text_or = Text(line);
  if (!text_or) return tl::unexpected(std::move(text_or).error());
  std::string_view text = *text_or;
  const auto bad = [&] {
    return tl::unexpected(Error(line, text,
                                "is not a date (expected YYYY-MM-DD, YYYYMMDD, --MM-DD or "
                                "--MMDD, optionally followed by a time)"));
  };
  const auto all_digits = [](std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  // A date-time: the date is what counts.
  if (const std::size_t t = text.find_first_of("Tt"); t != std::string_view::npos) {
    text = text.substr(0, t);
  }
  std::string normal;
  if (text.size() == 8 && all_digits(text)) {
    normal = fmt::format("{}-{}-{}", text.substr(0, 4), text.substr(4, 2), text.substr(6, 2));
  } else if (text.size() == 6 && text.starts_with("--") && all_digits(text.substr(2))) {
    normal = fmt::format("--{}-{}", text.substr(2, 2), text.substr(4, 2));
  } else if (text.size() == 10 || (text.size() == 7 && text.starts_with("--"))) {
    normal = text;
  } else if ((text.size() == 4 && all_digits(text)) ||
             (text.size() == 7 && all_digits(text.substr(0, 4)) && text[4] == '-' &&
              all_digits(text.substr(5))) ||
             (text.size() == 5 && text.starts_with("---") && all_digits(text.substr(3))) ||
             (text.size() == 4 && text.starts_with("--") && all_digits(text.substr(2)))) {
    return std::nullopt;  // a year, a month or a day alone: valid, but no day of the year
  } else {
    return bad();
  }
  auto parsed = core::ParseMonthDay(normal);
  if (!parsed) return bad();
  // Apple stores "year unknown" as a made-up year and says which in X-APPLE-OMIT-YEAR.
  const std::string_view omit = FindParam(line, "X-APPLE-OMIT-YEAR");
  if (parsed->year && !omit.empty() && omit == normal.substr(0, 4)) parsed->year.reset();
  return *parsed;
}

CardResult<int> CardReader::WholeNumber(const ContentLine& line, std::string_view what,
                                        std::string_view text, int low, int high) const {
  int value = 0;
  const auto* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || ptr != end || value < low || value > high) {
    return tl::unexpected(
        Error(line, text, fmt::format("is not a whole number {}from {} to {}", what, low, high)));
  }
  return value;
}

CardResult<void> CardReader::InterpretSingle(const ContentLine& line, Field field,
                                             Contact& contact) {
  if (field == Field::kName || field == Field::kOrganization) {
    auto bytes = Decode(line);
    if (!bytes) return tl::unexpected(std::move(bytes).error());
    vcard_internal::SplitUnescaped(*bytes, ';', pieces_);
    const auto piece = [&](std::size_t i) {
      return i < pieces_.size() ? pieces_[i] : std::string();
    };
    if (field == Field::kName) {
      contact.family = piece(0);
      contact.given = piece(1);
      contact.additional = piece(2);
      contact.prefix = piece(3);
      contact.suffix = piece(4);
    } else {
      contact.organization = piece(0);
      contact.department = piece(1);
    }
    return {};
  }
  if (field == Field::kBirthday || field == Field::kAnniversary ||
      field == Field::kAlliesWorkAnniversary) {
    auto date = Date(line);
    if (!date) return tl::unexpected(std::move(date).error());
    if (field == Field::kBirthday) contact.birthday = *date;
    if (field == Field::kAnniversary) contact.anniversary = *date;
    if (field == Field::kAlliesWorkAnniversary) contact.work_anniversary = *date;
    return {};
  }
  auto text = Text(line);
  if (!text) return tl::unexpected(std::move(text).error());
  switch (field) {
    case Field::kFormattedName:
      contact.formatted_name = *text;
      break;
    case Field::kNickname:
      contact.nickname = *text;
      break;
    case Field::kTitle:
      contact.title = *text;
      break;
    case Field::kRole:
      contact.role = *text;
      break;
    case Field::kUid:
      contact.uid = *text;
      break;
    case Field::kAlliesReportsTo:
      contact.reports_to = *text;
      break;
    case Field::kAlliesCloseness: {
      if (text->empty()) break;
      auto value = WholeNumber(line, "", *text, 0, 5);
      if (!value) return tl::unexpected(std::move(value).error());
      contact.closeness = *value;
      break;
    }
    case Field::kAlliesCadence: {
      if (text->empty()) break;
      auto value = WholeNumber(line, "of days ", *text, 1, 36500);
      if (!value) return tl::unexpected(std::move(value).error());
      contact.cadence_days = *value;
      break;
    }
    case Field::kAlliesConnectedOn: {
      if (text->empty()) break;
      auto date = core::ParseDate(*text);
      if (!date) return tl::unexpected(Error(line, *text, "is not a date (expected YYYY-MM-DD)"));
      contact.connected_on = *date;
      break;
    }
    default:
      break;
  }
  return {};
}

CardResult<void> CardReader::Interpret(const ContentLine& line, Field field, Contact& contact) {
  switch (field) {
    case Field::kEmail: {
      auto text = Text(line);
      if (!text) return tl::unexpected(std::move(text).error());
      if (text->empty()) return {};
      core::Email email{std::string(*text), {}};
      if (const std::string_view label = LabelOf(line); !label.empty()) {
        email.type = TypeFromLabel(label);
      } else {
        CollectTypes(line);
        for (const std::string_view token : types_) {
          std::string type = TypeWord(token);
          if (IsNotAType(type)) continue;
          email.type = std::move(type);
          break;
        }
      }
      contact.emails.push_back(std::move(email));
      email_prefs_.push_back(Pref(line));
      return {};
    }
    case Field::kPhone: {
      auto text = Text(line);
      if (!text) return tl::unexpected(std::move(text).error());
      std::string_view number = *text;
      // vCard 4.0 writes phones as tel: URIs.
      if (number.size() > 4 && EqualsIgnoreCase(number.substr(0, 4), "tel:")) {
        number = core::Trim(number.substr(4));
      }
      if (number.empty()) return {};
      core::Phone phone{std::string(number), {}};
      if (const std::string_view label = LabelOf(line); !label.empty()) {
        phone.type = TypeFromLabel(label);
      } else {
        // One word per phone: the kind of line (fax, pager, cell) says more than where it is.
        CollectTypes(line);
        std::string first;
        for (const std::string_view token : types_) {
          std::string type = TypeWord(token);
          if (type == "mobile" || type == "iphone") type = "cell";
          if (type == "fax" || type == "pager" || type == "cell") {
            if (phone.type.empty() || type == "fax" || (type == "pager" && phone.type == "cell")) {
              phone.type = type;
            }
            continue;
          }
          if (first.empty() && !IsNotAType(type)) first = std::move(type);
        }
        if (phone.type.empty()) phone.type = std::move(first);
      }
      contact.phones.push_back(std::move(phone));
      phone_prefs_.push_back(Pref(line));
      return {};
    }
    case Field::kNote:
    case Field::kAlliesNote: {
      auto text = Text(line);
      if (!text) return tl::unexpected(std::move(text).error());
      if (text->empty()) return {};
      ContactNote note{std::string(*text), std::nullopt};
      if (field == Field::kAlliesNote) {
        const std::string_view at = FindParam(line, "AT");
        if (!at.empty()) {
          auto parsed = core::ParseDateTime(at);
          if (!parsed || !parsed->offset) {
            RecordError error = Error(line, line.value, "");
            error.message = fmt::format(
                "X-ALLIES-NOTE AT \"{}\" is not a UTC time (expected YYYY-MM-DDTHH:MM:SSZ)",
                Shorten(at));  // Shorten() repairs UTF-8
            return tl::unexpected(std::move(error));
          }
          note.at = core::TimePoint{parsed->local.time_since_epoch() - *parsed->offset};
        }
      }
      contact.notes.push_back(std::move(note));
      return {};
    }
    case Field::kCategories: {
      auto bytes = Decode(line);
      if (!bytes) return tl::unexpected(std::move(bytes).error());
      vcard_internal::SplitUnescaped(*bytes, ',', pieces_);
      for (std::string& piece : pieces_) {
        if (!piece.empty()) contact.categories.push_back(std::move(piece));
      }
      return {};
    }
    case Field::kRelated:
    case Field::kAppleRelated:
    case Field::kSpouse:
    case Field::kManager:
    case Field::kAssistant:
    case Field::kChild: {
      auto text = Text(line);
      if (!text) return tl::unexpected(std::move(text).error());
      if (text->empty()) return {};
      ContactRelation relation{{}, std::string(*text)};
      if (field == Field::kSpouse) relation.kind = "spouse";
      if (field == Field::kManager) relation.kind = "manager";
      if (field == Field::kAssistant) relation.kind = "assistant";
      if (field == Field::kChild) relation.kind = "child";
      if (field == Field::kAppleRelated) relation.kind = RelationKindFromLabel(LabelOf(line));
      if (field == Field::kRelated) {
        CollectTypes(line);
        for (const std::string_view token : types_) {
          std::string kind = TypeWord(token);
          if (kind == "pref") continue;
          relation.kind = kind == "co-worker" ? "colleague" : std::move(kind);
          break;
        }
        if (relation.kind.empty()) relation.kind = "related";
      }
      contact.related.push_back(std::move(relation));
      return {};
    }
    case Field::kUrl: {
      auto text = Text(line);
      if (!text) return tl::unexpected(std::move(text).error());
      if (!text->empty()) contact.urls.emplace_back(*text);
      return {};
    }
    case Field::kAlliesNeed: {
      auto text = Text(line);
      if (!text) return tl::unexpected(std::move(text).error());
      if (!text->empty()) contact.needs.emplace_back(*text);
      return {};
    }
    case Field::kAlliesOffer: {
      auto text = Text(line);
      if (!text) return tl::unexpected(std::move(text).error());
      if (text->empty()) return {};
      core::Offer offer{std::string(*text), 0};
      if (const std::string_view rating = FindParam(line, "RATING"); !rating.empty()) {
        auto value = WholeNumber(line, "", rating, 0, 5);
        if (!value) {
          RecordError error = std::move(value).error();
          error.message = fmt::format(
              "X-ALLIES-OFFER RATING \"{}\" is not a whole number from 0 to 5", Shorten(rating));
          return tl::unexpected(std::move(error));
        }
        offer.rating = *value;
      }
      contact.offers.push_back(std::move(offer));
      return {};
    }
    case Field::kPhoto:
      ++contact.photos;
      return {};
    default:
      return InterpretSingle(line, field, contact);
  }
}

template <class T>
void SortByPref(std::vector<T>& items, const std::vector<int>& prefs) {
  if (std::is_sorted(prefs.begin(), prefs.end())) return;
  std::vector<std::size_t> order(items.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return prefs[a] < prefs[b]; });
  std::vector<T> sorted;
  sorted.reserve(items.size());
  for (const std::size_t i : order) sorted.push_back(std::move(items[i]));
  items = std::move(sorted);
}

void CardReader::Read(std::size_t begin_line, const std::vector<ContentLine>& lines,
                      const std::vector<Param>& params, ContactFile& file,
                      std::vector<std::string>& versions) {
  params_ = &params;
  labels_.clear();
  altids_.clear();
  chosen_.fill(Chosen{});
  email_prefs_.clear();
  phone_prefs_.clear();

  // Pass 1: labels (they follow the property they label), versions, and which occurrence of each
  // single-valued property counts.
  fields_.assign(lines.size(), Field::kNone);
  std::vector<Field>& fields = fields_;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const ContentLine& line = lines[i];
    fields[i] = Lookup(line.name);
    if (fields[i] == Field::kVersion) {
      const std::string_view version = core::Trim(line.value);
      if ((version == "2.1" || version == "3.0" || version == "4.0") &&
          std::find(versions.begin(), versions.end(), version) == versions.end()) {
        versions.emplace_back(version);
      }
    } else if (fields[i] == Field::kLabel && !line.group.empty()) {
      // A label that cannot be decoded is no label; the property it labels still counts.
      auto text = Text(line);
      if (text) labels_.push_back(Label{line.group, std::string(*text)});
    }
  }
  std::stable_sort(labels_.begin(), labels_.end(), [](const Label& a, const Label& b) {
    return std::lexicographical_compare(a.group.begin(), a.group.end(), b.group.begin(),
                                        b.group.end(),
                                        [](char x, char y) { return Upper(x) < Upper(y); });
  });

  Contact contact;
  contact.line = begin_line;
  const auto refuse = [&](RecordError error) { file.errors.push_back(std::move(error)); };

  // Pass 2: multi-valued properties in file order; single-valued ones are only chosen.
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const ContentLine& line = lines[i];
    Field field = fields[i];
    if (field == Field::kNone || field == Field::kBegin || field == Field::kEnd ||
        field == Field::kVersion || field == Field::kLabel) {
      continue;
    }
    if (field == Field::kBirthday && EqualsIgnoreCase(FindParam(line, "VALUE"), "text")) continue;
    if (field == Field::kAppleDate) {
      if (TypeFromLabel(LabelOf(line)) != "anniversary") continue;
      field = Field::kAnniversary;
    }
    if (const std::string_view altid = FindParam(line, "ALTID"); !altid.empty()) {
      std::string key = AsciiUpper(line.name);
      key += '\0';
      key += altid;
      if (!altids_.insert(std::move(key)).second) continue;  // another language of the same
    }
    if (IsSingleValued(field)) {
      Chosen& chosen = chosen_[static_cast<std::size_t>(field)];
      const int pref = Pref(line);
      if (pref < chosen.pref) chosen = Chosen{static_cast<int>(i), pref};
      continue;
    }
    if (auto done = Interpret(line, field, contact); !done) return refuse(std::move(done).error());
  }
  for (std::size_t f = 0; f < chosen_.size(); ++f) {
    if (chosen_[f].index < 0) continue;
    const ContentLine& line = lines[static_cast<std::size_t>(chosen_[f].index)];
    if (auto done = InterpretSingle(line, static_cast<Field>(f), contact); !done) {
      return refuse(std::move(done).error());
    }
  }
  SortByPref(contact.emails, email_prefs_);
  SortByPref(contact.phones, phone_prefs_);
  file.contacts.push_back(std::move(contact));
}

// Strips a UTF-8 byte order mark; converts UTF-16 (told by its byte order mark) to UTF-8.
core::Result<std::string_view> Unbom(std::string_view bytes, std::string& storage) {
  if (bytes.starts_with("\xEF\xBB\xBF")) return bytes.substr(3);
  const bool le = bytes.starts_with("\xFF\xFE");
  const bool be = bytes.starts_with("\xFE\xFF");
  if (!le && !be) return bytes;
  auto converted = ToUtf8(bytes.substr(2), le ? "UTF-16LE" : "UTF-16BE");
  if (!converted) {
    return core::Fail(core::ErrorCode::kInvalidArgument,
                      "the file starts like UTF-16 text but is not: " + converted.error().message);
  }
  storage = std::move(*converted);
  return std::string_view(storage);
}

bool IsCardMarker(const ContentLine& line, std::string_view marker) {
  return EqualsIgnoreCase(line.name, marker) && line.group.empty() &&
         EqualsIgnoreCase(core::Trim(line.value), "VCARD");
}

// What one part of a file holds (ReadVcard reads large files in parts, one per thread).
struct Part {
  ContactFile file;  // contacts and errors; `format` unused
  std::vector<std::string> versions;
  bool seen_begin = false;
  // The BEGIN:VCARD line of a card still open at the end of the part: the next part's first
  // line, or the end of the file, tells what is wrong with it.
  std::optional<std::size_t> open_card;
};

RecordError Unterminated(std::size_t begin_line, std::size_t next_begin) {
  RecordError error;
  error.line = begin_line;
  error.property = "BEGIN";
  error.value = "VCARD";
  error.message =
      next_begin == 0
          ? std::string("BEGIN:VCARD has no END:VCARD (the file ends first)")
          : fmt::format("BEGIN:VCARD has no END:VCARD before the next BEGIN:VCARD on line {}",
                        next_begin);
  return error;
}

// Reads the cards of `bytes`, physical lines of a file that ends them at `terminator` and has
// `lines_before` lines before them.
Part ReadPart(std::string_view bytes, char terminator, std::size_t lines_before) {
  Part part;
  ContactFile& file = part.file;
  Lexer lexer(bytes, terminator, lines_before);
  Arena arena;
  std::vector<Param> params;
  std::vector<ContentLine> lines;
  CardReader reader;
  bool in_card = false;
  std::size_t begin_line = 0;

  ContentLine line;
  for (;;) {
    const Lexer::Status status = lexer.Next(line, params, arena);
    if (status == Lexer::Status::kEnd) break;
    if (status == Lexer::Status::kJunk) continue;
    if (IsCardMarker(line, "BEGIN")) {
      if (in_card) file.errors.push_back(Unterminated(begin_line, line.line));
      part.seen_begin = true;
      in_card = true;
      begin_line = line.line;
      lines.clear();
      params.clear();
      arena.Reset();
      continue;
    }
    if (IsCardMarker(line, "END")) {
      if (in_card) {
        reader.Read(begin_line, lines, params, file, part.versions);
      } else {
        file.errors.push_back(
            RecordError{line.line, "END", "VCARD", "END:VCARD without a BEGIN:VCARD before it"});
      }
      in_card = false;
      lines.clear();
      params.clear();
      arena.Reset();
      continue;
    }
    if (in_card) {
      lines.push_back(line);
    } else {
      params.resize(line.first_param);
      arena.Reset();
    }
  }
  if (in_card) part.open_card = begin_line;
  return part;
}

// Where `bytes` may be cut into `parts` parts that read as the whole does: at the start of a
// physical line that is BEGIN:VCARD and nothing else, not followed by a folded line. The lexer
// starts a content line there whatever came before (a fold needs a leading space or TAB, and a
// quoted-printable soft line break never joins a BEGIN:VCARD line), and the line is a card's
// start. Each cut is the first such line at or after an equal share of the bytes; fewer parts
// when there are not enough of them.
std::vector<std::size_t> Cuts(std::string_view bytes, char terminator, std::size_t parts) {
  constexpr std::string_view kBegin = "BEGIN:VCARD";
  std::vector<std::size_t> cuts;
  std::size_t from = 0;
  for (std::size_t i = 1; i < parts; ++i) {
    std::size_t at = std::max(from, bytes.size() / parts * i);
    for (;;) {
      at = bytes.find(terminator, at);
      if (at == std::string_view::npos) return cuts;
      ++at;  // the start of the next line
      if (!vcard_internal::StartsWithIgnoreCase(bytes.substr(at), kBegin)) continue;
      std::size_t end = at + kBegin.size();
      while (terminator == '\n' && end < bytes.size() && bytes[end] == '\r') ++end;
      if (end < bytes.size() && bytes[end] != terminator) continue;  // more on the line
      const std::size_t next = end + 1;
      if (next < bytes.size() && (bytes[next] == ' ' || bytes[next] == '\t')) continue;
      break;
    }
    cuts.push_back(at);
    from = at + 1;
  }
  return cuts;
}

}  // namespace

namespace vcard_internal {

core::Result<ContactFile> ReadVcardInParts(std::string_view bytes, std::size_t parts) {
  std::string storage;
  ALLIES_TRY(bytes, Unbom(bytes, storage));
  const char terminator = PhysicalLines::TerminatorOf(bytes);

  std::vector<std::size_t> starts = Cuts(bytes, terminator, std::max<std::size_t>(parts, 1));
  starts.insert(starts.begin(), 0);
  std::vector<std::size_t> lines_before(starts.size(), 0);
  for (std::size_t i = 1; i < starts.size(); ++i) {
    const std::string_view between = bytes.substr(starts[i - 1], starts[i] - starts[i - 1]);
    lines_before[i] = lines_before[i - 1] + static_cast<std::size_t>(std::count(
                                                between.begin(), between.end(), terminator));
  }
  std::vector<Part> read(starts.size());
  auto read_part = [&](std::size_t i) {
    const std::size_t end = i + 1 < starts.size() ? starts[i + 1] : bytes.size();
    read[i] = ReadPart(bytes.substr(starts[i], end - starts[i]), terminator, lines_before[i]);
  };
  {
    std::vector<std::jthread> threads;
    for (std::size_t i = 1; i < starts.size(); ++i) threads.emplace_back(read_part, i);
    read_part(0);
  }

  ContactFile file = std::move(read[0].file);
  std::vector<std::string> versions;
  bool seen_begin = false;
  std::size_t contacts = 0;
  for (const Part& part : read) contacts += part.file.contacts.size();
  file.contacts.reserve(contacts);
  for (std::size_t i = 0; i < read.size(); ++i) {
    Part& part = read[i];
    if (i > 0) {
      std::move(part.file.contacts.begin(), part.file.contacts.end(),
                std::back_inserter(file.contacts));
      std::move(part.file.errors.begin(), part.file.errors.end(), std::back_inserter(file.errors));
    }
    if (part.open_card) {
      // The next part starts with a BEGIN:VCARD line.
      file.errors.push_back(
          Unterminated(*part.open_card, i + 1 < read.size() ? lines_before[i + 1] + 1 : 0));
    }
    seen_begin |= part.seen_begin;
    for (auto& version : part.versions) {
      if (std::find(versions.begin(), versions.end(), version) == versions.end()) {
        versions.push_back(std::move(version));
      }
    }
  }
  if (!seen_begin) {
    return core::Fail(core::ErrorCode::kInvalidArgument,
                      "this is not a vCard file: no line reads BEGIN:VCARD (expected a vCard "
                      "2.1, 3.0 or 4.0 address book, .vcf)");
  }
  std::sort(versions.begin(), versions.end());
  file.format = versions.empty() ? "vcard" : "vcard " + core::Join(versions, "+");
  return file;
}

}  // namespace vcard_internal

core::Result<ContactFile> ReadVcard(std::string_view bytes) {
  // One part of at least 4 MiB per core, up to 8: a small file is read on this thread alone.
  constexpr std::size_t kPartBytes = std::size_t{4} << 20U;
  constexpr std::size_t kMaxParts = 8;
  const std::size_t parts = std::clamp<std::size_t>(
      std::min<std::size_t>(std::max(1U, std::thread::hardware_concurrency()),
                            bytes.size() / kPartBytes),
      1, kMaxParts);
  return vcard_internal::ReadVcardInParts(bytes, parts);
}

}  // namespace allies::formats
