// WriteVcard: Contact records -> vCard 4.0 (RFC 6350).

#include <cstdio>
#include <string>
#include <string_view>

#include "core/time.h"
#include "formats/vcard.h"
#include "formats/vcard_values.h"

namespace allies::formats {
namespace {

using vcard_internal::AppendEscaped;

constexpr std::size_t kFoldOctets = 75;

// RFC 6350 3.2: lines longer than 75 octets are folded with CRLF and a space. A fold never falls
// inside a UTF-8 character, so that readers that decode before unfolding still see whole ones.
void AppendFolded(std::string_view line, std::string& out) {
  std::size_t limit = kFoldOctets;
  while (line.size() > limit) {
    std::size_t cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0U) == 0x80U) --cut;
    if (cut == 0) cut = limit;  // not UTF-8 at all: any place will do
    out.append(line.substr(0, cut));
    out += "\r\n ";
    line.remove_prefix(cut);
    limit = kFoldOctets - 1;  // the leading space counts
  }
  out.append(line);
  out += "\r\n";
}

// A parameter value: bare when it is a plain token, else quoted with RFC 6868 carets.
void AppendParamValue(std::string_view value, std::string& out) {
  bool plain = !value.empty();
  for (const char c : value) {
    const bool safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '_' || c == '.';
    if (!safe) plain = false;
  }
  if (plain) {
    out.append(value);
    return;
  }
  out += '"';
  for (const char c : value) {
    if (c == '^') {
      out += "^^";
    } else if (c == '"') {
      out += "^'";
    } else if (c == '\n') {
      out += "^n";
    } else if (c != '\r') {
      out += c;
    }
  }
  out += '"';
}

// RFC 6350 dates are ISO 8601 basic: 19960415, or --0415 without a year.
std::string BasicDate(const core::MonthDay& value) {
  char buffer[24];
  if (value.year) {
    std::snprintf(buffer, sizeof buffer, "%04d%02u%02u", *value.year, value.month, value.day);
  } else {
    std::snprintf(buffer, sizeof buffer, "--%02u%02u", value.month, value.day);
  }
  return buffer;
}

class Writer {
 public:
  explicit Writer(std::string& out) : out_(out) {}

  // Starts a content line: `name` and its parameters follow with Param(), the value with Text()
  // or Raw(), and End() folds it into the output.
  Writer& Start(std::string_view name) {
    line_.assign(name);
    return *this;
  }
  Writer& Param(std::string_view name, std::string_view value) {
    line_ += ';';
    line_.append(name);
    line_ += '=';
    AppendParamValue(value, line_);
    return *this;
  }
  Writer& Text(std::string_view value) {
    line_ += ':';
    AppendEscaped(value, line_);
    return *this;
  }
  Writer& Raw(std::string_view value) {
    line_ += ':';
    line_.append(value);
    return *this;
  }
  void End() { AppendFolded(line_, out_); }

  // A whole line with a text value, when the value is not empty.
  void TextLine(std::string_view name, std::string_view value) {
    if (!value.empty()) Start(name).Text(value).End();
  }

  // A structured value: components escaped and joined with `;`.
  void Structured(std::string_view name, std::initializer_list<std::string_view> parts) {
    Start(name);
    line_ += ':';
    bool first = true;
    for (const std::string_view part : parts) {
      if (!first) line_ += ';';
      first = false;
      AppendEscaped(part, line_);
    }
    End();
  }

  void List(std::string_view name, const std::vector<std::string>& items) {
    Start(name);
    line_ += ':';
    bool first = true;
    for (const std::string& item : items) {
      if (item.empty()) continue;
      if (!first) line_ += ',';
      first = false;
      AppendEscaped(item, line_);
    }
    if (!first) End();
  }

 private:
  std::string& out_;
  std::string line_;
};

void WriteContact(const Contact& c, Writer& w) {
  w.Start("BEGIN").Raw("VCARD").End();
  w.Start("VERSION").Raw("4.0").End();
  w.Start("FN").Text(c.formatted_name).End();  // required by RFC 6350, even when empty
  if (!c.family.empty() || !c.given.empty() || !c.additional.empty() || !c.prefix.empty() ||
      !c.suffix.empty()) {
    w.Structured("N", {c.family, c.given, c.additional, c.prefix, c.suffix});
  }
  w.TextLine("NICKNAME", c.nickname);
  if (!c.department.empty()) {
    w.Structured("ORG", {c.organization, c.department});
  } else {
    w.TextLine("ORG", c.organization);
  }
  w.TextLine("TITLE", c.title);
  w.TextLine("ROLE", c.role);
  for (std::size_t i = 0; i < c.emails.size(); ++i) {
    if (c.emails[i].address.empty()) continue;
    w.Start("EMAIL");
    if (!c.emails[i].type.empty()) w.Param("TYPE", c.emails[i].type);
    if (i == 0) w.Param("PREF", "1");
    w.Text(c.emails[i].address).End();
  }
  for (std::size_t i = 0; i < c.phones.size(); ++i) {
    if (c.phones[i].number.empty()) continue;
    w.Start("TEL");
    if (!c.phones[i].type.empty()) w.Param("TYPE", c.phones[i].type);
    if (i == 0) w.Param("PREF", "1");
    w.Text(c.phones[i].number).End();
  }
  if (c.birthday) w.Start("BDAY").Raw(BasicDate(*c.birthday)).End();
  if (c.anniversary) w.Start("ANNIVERSARY").Raw(BasicDate(*c.anniversary)).End();
  for (const ContactNote& note : c.notes) {
    if (note.text.empty()) continue;
    if (note.at) {
      w.Start("X-ALLIES-NOTE").Param("AT", core::FormatUtc(*note.at)).Text(note.text).End();
    } else {
      w.Start("NOTE").Text(note.text).End();
    }
  }
  w.List("CATEGORIES", c.categories);
  for (const ContactRelation& relation : c.related) {
    if (relation.name.empty()) continue;
    w.Start("RELATED").Param("VALUE", "text");
    if (!relation.kind.empty() && relation.kind != "related") w.Param("TYPE", relation.kind);
    w.Text(relation.name).End();
  }
  for (const std::string& url : c.urls) w.TextLine("URL", url);
  w.TextLine("UID", c.uid);
  for (const core::Offer& offer : c.offers) {
    if (offer.key.empty()) continue;
    w.Start("X-ALLIES-OFFER").Param("RATING", std::to_string(offer.rating)).Text(offer.key).End();
  }
  for (const std::string& need : c.needs) w.TextLine("X-ALLIES-NEED", need);
  if (c.closeness) w.Start("X-ALLIES-CLOSENESS").Raw(std::to_string(*c.closeness)).End();
  if (c.cadence_days) w.Start("X-ALLIES-CADENCE-DAYS").Raw(std::to_string(*c.cadence_days)).End();
  w.TextLine("X-ALLIES-REPORTS-TO", c.reports_to);
  if (c.work_anniversary) {
    w.Start("X-ALLIES-WORK-ANNIVERSARY").Raw(BasicDate(*c.work_anniversary)).End();
  }
  if (c.connected_on) w.Start("X-ALLIES-CONNECTED-ON").Raw(core::FormatDate(*c.connected_on)).End();
  w.Start("END").Raw("VCARD").End();
}

}  // namespace

std::string WriteVcard(const std::vector<Contact>& contacts) {
  std::string out;
  out.reserve(contacts.size() * 256);
  Writer writer(out);
  for (const Contact& contact : contacts) WriteContact(contact, writer);
  return out;
}

}  // namespace allies::formats
