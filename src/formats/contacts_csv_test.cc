#include "formats/contacts_csv.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

namespace allies::formats {
namespace {

using core::Email;
using core::MonthDay;
using core::Phone;
using Emails = std::vector<Email>;
using Phones = std::vector<Phone>;
using Strings = std::vector<std::string>;

// tests/data/csv: CTest sets ALLIES_TEST_DATA; run by hand, the test finds the data next to
// this source file.
std::filesystem::path CsvDir() {
  const char* data = std::getenv("ALLIES_TEST_DATA");
  const std::filesystem::path root =
      data ? std::filesystem::path(data)
           : std::filesystem::path(__FILE__).parent_path() / "../../tests/data";
  return root / "csv";
}

std::string Fixture(const std::string& name) {
  std::ifstream in(CsvDir() / name, std::ios::binary);
  EXPECT_TRUE(in) << name;
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

ContactFile Read(std::string_view bytes, const ContactsCsvOptions& options = {}) {
  auto file = ReadContactsCsv(bytes, options);
  EXPECT_TRUE(file) << (file ? "" : file.error().message);
  return file ? *file : ContactFile{};
}

std::string ErrorOf(std::string_view bytes, const ContactsCsvOptions& options = {}) {
  auto file = ReadContactsCsv(bytes, options);
  EXPECT_FALSE(file);
  return file ? "" : file.error().message;
}

ContactsCsvOptions Map(std::vector<std::pair<std::string, std::string>> pairs) {
  ContactsCsvOptions options;
  options.map = std::move(pairs);
  return options;
}

core::Date Ymd(int y, unsigned m, unsigned d) {
  return core::Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

// ---------------------------------------------------------------------------------------------
// The real exports in tests/data/csv; expected values read off the files.

TEST(ContactsCsvFixtureTest, GermanOutlook2007) {
  const ContactFile file = Read(Fixture("outlook2007_desktop_export_german__outlook_importer.csv"));
  EXPECT_EQ(file.format, "csv outlook-de");
  EXPECT_TRUE(file.errors.empty());
  ASSERT_EQ(file.contacts.size(), 1u);
  const Contact& robin = file.contacts[0];
  EXPECT_EQ(robin.line, 2u);
  EXPECT_EQ(robin.given, "Robin");
  EXPECT_EQ(robin.family, "Example");
  EXPECT_EQ(robin.formatted_name, "");  // Outlook has no display-name column
  EXPECT_EQ(robin.prefix, "");          // "Anrede" is ""
  EXPECT_EQ(robin.organization, "Coding Robin");
  EXPECT_EQ(robin.department, "");
  EXPECT_EQ(robin.title, "");
  // "E-Mail-Typ" SMTP is the transport, not a type; the display name is not the contact's.
  EXPECT_EQ(robin.emails, (Emails{{"robin@example.de", ""}}));
  EXPECT_EQ(robin.phones, (Phones{{"+49 1600000", "work"}}));  // "Telefon geschäftlich"
  EXPECT_FALSE(robin.birthday);                                // "0.0.00"
  EXPECT_FALSE(robin.anniversary);                             // "Jahrestag" "0.0.00"
  EXPECT_TRUE(robin.notes.empty());                            // "Notizen" holds a bare line end
  EXPECT_EQ(robin.urls, (Strings{"http://example.de"}));
  EXPECT_TRUE(robin.categories.empty());
}

TEST(ContactsCsvFixtureTest, GermanWindowsLiveMailWithSemicolons) {
  const ContactFile file =
      Read(Fixture("windows_live_mail_export_german_semicolon__outlook_importer.csv"));
  EXPECT_EQ(file.format, "csv live-mail-de");
  EXPECT_TRUE(file.errors.empty());
  ASSERT_EQ(file.contacts.size(), 1u);
  const Contact& robin = file.contacts[0];
  EXPECT_EQ(robin.line, 2u);
  EXPECT_EQ(robin.formatted_name, "Robin Example");
  EXPECT_EQ(robin.emails, (Emails{{"robin@example.de", ""}}));
  EXPECT_EQ(robin.phones, (Phones{{"+49 160 00000000000", "home"}}));  // "Telefon (privat)"
  EXPECT_EQ(robin.organization, "Coding Robin");
  EXPECT_EQ(robin.title, "");
}

TEST(ContactsCsvFixtureTest, ThunderbirdExportWithEmbeddedLineEnds) {
  const ContactFile file =
      Read(Fixture("thunderbird_addressbook_export_crlf_embedded_cr_lf_tab__comm-central.csv"));
  EXPECT_EQ(file.format, "csv thunderbird");
  EXPECT_TRUE(file.errors.empty());
  ASSERT_EQ(file.contacts.size(), 2u);
  const Contact& one = file.contacts[0];
  EXPECT_EQ(one.line, 2u);
  EXPECT_EQ(one.given, "contact");
  EXPECT_EQ(one.family, "one");
  EXPECT_EQ(one.formatted_name, "contact number one");
  EXPECT_EQ(one.emails, (Emails{{"contact1@invalid", ""}}));
  EXPECT_TRUE(one.notes.empty());
  const Contact& two = file.contacts[1];
  EXPECT_EQ(two.line, 3u);
  EXPECT_EQ(two.formatted_name, "contact number two");
  EXPECT_EQ(two.emails, (Emails{{"contact2@invalid", ""}}));
  EXPECT_EQ(two.title, "\"worker\"");
  ASSERT_EQ(two.notes.size(), 1u);
  EXPECT_EQ(two.notes[0].text, "here's some unicode text\xE2\x80\xA6");
  EXPECT_TRUE(two.phones.empty());
}

TEST(ContactsCsvFixtureTest, ThunderbirdShiftJis) {
  const ContactFile file = Read(Fixture("thunderbird_addressbook_shift_jis__comm-central.csv"));
  EXPECT_EQ(file.format, "csv thunderbird");
  EXPECT_TRUE(file.errors.empty());
  ASSERT_EQ(file.contacts.size(), 1u);
  const Contact& nanashi = file.contacts[0];
  EXPECT_EQ(nanashi.given, "権兵衛");
  EXPECT_EQ(nanashi.family, "名無し");
  EXPECT_EQ(nanashi.formatted_name, "名無しの権兵衛");
  EXPECT_EQ(nanashi.emails, (Emails{{"名無しの権兵衛@host.invalid", ""}}));
}

TEST(ContactsCsvFixtureTest, LinkedInPreambleAndHeaderOnly) {
  const ContactFile file = Read(Fixture("linkedin_connections_PREAMBLE_HEADER_ONLY.csv"));
  EXPECT_EQ(file.format, "csv linkedin");
  EXPECT_TRUE(file.contacts.empty());
  EXPECT_TRUE(file.errors.empty());
}

TEST(ContactsCsvFixtureTest, MappingOverridesAPresetColumn) {
  const ContactFile file =
      Read(Fixture("thunderbird_addressbook_export_crlf_embedded_cr_lf_tab__comm-central.csv"),
           Map({{"Custom 1", "tags"}, {"Custom 4", "note"}, {"Notes", "ignore"}}));
  ASSERT_EQ(file.contacts.size(), 2u);
  const Contact& two = file.contacts[1];
  EXPECT_EQ(two.categories, (Strings{"custom", "1"}));  // tags split at ','
  ASSERT_EQ(two.notes.size(), 1u);
  EXPECT_EQ(two.notes[0].text, "custom\n4");
}

// ---------------------------------------------------------------------------------------------
// LinkedIn, written after the row quirks HEADERS.md records (no real rows may be copied).

constexpr std::string_view kLinkedInPreamble =
    "Notes:\n"
    "\"When exporting your connection data, you may notice that some of the email addresses are "
    "missing. You will only see email addresses for connections who have allowed their "
    "connections to see or download their email address using this setting "
    "https://www.linkedin.com/psettings/privacy/email. You can learn more here "
    "https://www.linkedin.com/help/linkedin/answer/261\"\n"
    "\n"
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n";

TEST(ContactsCsvLinkedInTest, ReadsRowsWithTheirQuirks) {
  const std::string text =
      std::string(kLinkedInPreamble) +
      "Anna,Konterman\xF0\x9F\x94\xB8,https://www.linkedin.com/in/"
      "anna-k%F0%9F%94%B8,,\"Reinsurance "
      "Group of America, Incorporated\",Head of IT ,09 Oct 2024\n"
      "Igor\t,van Tuyll van Serooskerken ,https://www.linkedin.com/in/igor-stipeti%C4%87,"
      "igor@example.com,\xCE\x95\xCE\xBB\xCE\xBB\xCE\xAC\xCE\xB4\xCE\xB1, -,24 Oct 2024\n"
      "Dr. Diana,Ng,https://www.linkedin.com/in/diana,,,,1 Jan 2010\n";
  const ContactFile file = Read(text);
  EXPECT_EQ(file.format, "csv linkedin");
  EXPECT_TRUE(file.errors.empty());
  ASSERT_EQ(file.contacts.size(), 3u);
  const Contact& anna = file.contacts[0];
  EXPECT_EQ(anna.line, 5u);
  EXPECT_EQ(anna.given, "Anna");
  EXPECT_EQ(anna.family, "Konterman\xF0\x9F\x94\xB8");
  EXPECT_EQ(anna.uid, "https://www.linkedin.com/in/anna-k%F0%9F%94%B8");
  EXPECT_TRUE(anna.emails.empty());
  EXPECT_EQ(anna.organization, "Reinsurance Group of America, Incorporated");
  EXPECT_EQ(anna.title, "Head of IT");
  EXPECT_EQ(anna.connected_on, Ymd(2024, 10, 9));
  EXPECT_FALSE(anna.work_anniversary);  // Connected On is not a work anniversary
  const Contact& igor = file.contacts[1];
  EXPECT_EQ(igor.given, "Igor");  // trailing TAB trimmed
  EXPECT_EQ(igor.family, "van Tuyll van Serooskerken");
  EXPECT_EQ(igor.emails, (Emails{{"igor@example.com", ""}}));
  EXPECT_EQ(igor.organization, "Ελλάδα");
  EXPECT_EQ(igor.title, "-");
  EXPECT_EQ(igor.connected_on, Ymd(2024, 10, 24));
  EXPECT_EQ(file.contacts[2].given, "Dr. Diana");
  EXPECT_EQ(file.contacts[2].connected_on, Ymd(2010, 1, 1));
}

TEST(ContactsCsvLinkedInTest, AcceptsBomAndCrlf) {
  std::string text = "\xEF\xBB\xBF";
  for (char c :
       std::string(kLinkedInPreamble) + "Ana,Ruiz,https://x/in/ana,,ACME,CTO,05 May 2021\n") {
    if (c == '\n') text += '\r';
    text += c;
  }
  const ContactFile file = Read(text);
  EXPECT_EQ(file.format, "csv linkedin");
  ASSERT_EQ(file.contacts.size(), 1u);
  EXPECT_EQ(file.contacts[0].line, 5u);
  EXPECT_EQ(file.contacts[0].connected_on, Ymd(2021, 5, 5));
}

TEST(ContactsCsvLinkedInTest, Reads2018LayoutWithUsDatesAndMemberUrns) {
  const ContactFile file = Read(
      "First Name,Last Name,Email Address,Company,Position,Connected On\n"
      "Sam,Lee,urn:li:member:664293716,Initech,Architect,\"1/8/18, 6:14 PM\"\n"
      "Kim,Park,kim@example.org,Globex,CISO,\"12/24/17, 9:02 AM\"\n");
  EXPECT_EQ(file.format, "csv linkedin");
  ASSERT_EQ(file.contacts.size(), 2u);
  EXPECT_EQ(file.contacts[0].uid, "urn:li:member:664293716");
  EXPECT_TRUE(file.contacts[0].emails.empty());
  EXPECT_EQ(file.contacts[0].connected_on, Ymd(2018, 1, 8));  // M/D/YY
  EXPECT_EQ(file.contacts[1].connected_on, Ymd(2017, 12, 24));
  EXPECT_EQ(file.contacts[1].emails, (Emails{{"kim@example.org", ""}}));
}

TEST(ContactsCsvLinkedInTest, SplitsARowThatASpreadsheetQuotedWhole) {
  const ContactFile file = Read(
      "First Name,Last Name,Email Address,Company,Position,Connected On\n"
      "\"Laura,Herbst,,Interhyp Gruppe, \"\"Digital Lead\"\",07 May 2021\"\n");
  ASSERT_EQ(file.contacts.size(), 1u);
  EXPECT_EQ(file.contacts[0].given, "Laura");
  EXPECT_EQ(file.contacts[0].organization, "Interhyp Gruppe");
  EXPECT_EQ(file.contacts[0].title, "Digital Lead");
  EXPECT_EQ(file.contacts[0].connected_on, Ymd(2021, 5, 7));
}

TEST(ContactsCsvLinkedInTest, PreambleWithoutHeaderIsAnError) {
  EXPECT_EQ(ErrorOf("Notes:\n\"Some disclaimer\"\n\nName,Mail\nA,b@c\n"),
            "line 1: the file starts with LinkedIn's \"Notes:\" preamble, but no header row "
            "\"First Name,Last Name,URL,Email Address,Company,Position,Connected On\" follows "
            "within 10 rows");
}

TEST(ContactsCsvLinkedInTest, ConnectedOnWithoutYearIsARecordError) {
  const ContactFile file = Read(std::string(kLinkedInPreamble) + "A,B,u,,C,D,24 Oct\n");
  EXPECT_TRUE(file.contacts.empty());
  ASSERT_EQ(file.errors.size(), 1u);
  EXPECT_EQ(file.errors[0].line, 5u);
  EXPECT_EQ(file.errors[0].property, "Connected On");
  EXPECT_EQ(file.errors[0].value, "24 Oct");
  EXPECT_EQ(file.errors[0].message,
            "Connected On \"24 Oct\" has no year (expected a full date such as \"24 Oct 2024\")");
}

// ---------------------------------------------------------------------------------------------
// Google, with the header rows HEADERS.md records.

constexpr std::string_view kGoogleLegacyHeader =
    "Name,Given Name,Additional Name,Family Name,Yomi Name,Given Name Yomi,Additional Name "
    "Yomi,Family Name Yomi,Name Prefix,Name Suffix,Initials,Nickname,Short Name,Maiden "
    "Name,Birthday,Gender,Location,Billing Information,Directory "
    "Server,Mileage,Occupation,Hobby,Sensitivity,Priority,Subject,Notes,Group Membership,E-mail 1 "
    "- Type,E-mail 1 - Value,E-mail 2 - Type,E-mail 2 - Value,Phone 1 - Type,Phone 1 - "
    "Value,Phone 2 - Type,Phone 2 - Value,Organization 1 - Type,Organization 1 - "
    "Name,Organization 1 - Yomi Name,Organization 1 - Title,Organization 1 - "
    "Department,Relation 1 - Type,Relation 1 - Value,Website 1 - Type,Website 1 - Value\r\n";

std::string Utf16Le(std::string_view ascii_or_latin1_free_utf8) {
  // Test text is ASCII plus a few two-byte UTF-8 letters; widen it code point by code point.
  std::string out = "\xFF\xFE";
  for (std::size_t i = 0; i < ascii_or_latin1_free_utf8.size(); ++i) {
    auto c = static_cast<unsigned char>(ascii_or_latin1_free_utf8[i]);
    unsigned cp = c;
    if (c >= 0xC0) {
      cp =
          ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(ascii_or_latin1_free_utf8[++i]) & 0x3Fu);
    }
    out.push_back(static_cast<char>(cp & 0xFF));
    out.push_back(static_cast<char>(cp >> 8));
  }
  return out;
}

TEST(ContactsCsvGoogleTest, LegacyGoogleCsvInUtf16) {
  const std::string text =
      std::string(kGoogleLegacyHeader) +
      "Jos\xC3\xA9 Garc\xC3\xAD"
      "a,Jos\xC3\xA9,,Garc\xC3\xAD"
      "a,,,,,,,,Pepe,,,1980-03-22,,,,,,,,,,,"
      "\"Met at KubeCon\nLikes chess\",* My Contacts ::: Vendors,* Home,jose@home.example,"
      "Work,jose@acme.example ::: jg@acme.example,Mobile,+34 600 000 000,Work Fax,+34 910 000 "
      "000,,ACME,,CTO,IT,Spouse,Ana,Profile,https://acme.example/jose\r\n";
  const ContactFile file = Read(Utf16Le(text));
  EXPECT_EQ(file.format, "csv google-legacy");
  EXPECT_TRUE(file.errors.empty()) << file.errors[0].message;
  ASSERT_EQ(file.contacts.size(), 1u);
  const Contact& jose = file.contacts[0];
  EXPECT_EQ(jose.formatted_name, "José García");
  EXPECT_EQ(jose.given, "José");
  EXPECT_EQ(jose.family, "García");
  EXPECT_EQ(jose.nickname, "Pepe");
  EXPECT_EQ(jose.birthday, (MonthDay{3, 22, 1980}));
  ASSERT_EQ(jose.notes.size(), 1u);
  EXPECT_EQ(jose.notes[0].text, "Met at KubeCon\nLikes chess");
  EXPECT_EQ(jose.categories, (Strings{"Vendors"}));
  EXPECT_EQ(jose.emails, (Emails{{"jose@home.example", "home"},
                                 {"jose@acme.example", "work"},
                                 {"jg@acme.example", "work"}}));
  EXPECT_EQ(jose.phones, (Phones{{"+34 600 000 000", "cell"}, {"+34 910 000 000", "fax"}}));
  EXPECT_EQ(jose.organization, "ACME");
  EXPECT_EQ(jose.title, "CTO");
  EXPECT_EQ(jose.department, "IT");
  ASSERT_EQ(jose.related.size(), 1u);
  EXPECT_EQ(jose.related[0], (ContactRelation{"spouse", "Ana"}));
  EXPECT_EQ(jose.urls, (Strings{"https://acme.example/jose"}));
}

constexpr std::string_view kGoogleHeader =
    "First Name,Middle Name,Last Name,Phonetic First Name,Phonetic Middle Name,Phonetic Last "
    "Name,Name Prefix,Name Suffix,Nickname,File As,Organization Name,Organization "
    "Title,Organization Department,Birthday,Notes,Photo,Labels,E-mail 1 - Label,E-mail 1 - "
    "Value,E-mail 2 - Label,E-mail 2 - Value,Phone 1 - Label,Phone 1 - Value,Address 1 - "
    "Label,Address 1 - Formatted,Address 1 - Street,Address 1 - City,Address 1 - PO Box,Address 1 "
    "- Region,Address 1 - Postal Code,Address 1 - Country,Address 1 - Extended Address,Website 1 "
    "- Label,Website 1 - Value,Event 1 - Label,Event 1 - Value\n";

TEST(ContactsCsvGoogleTest, CurrentGoogleCsvWithLabelsAndPrimaryMarks) {
  const std::string text =
      "\xEF\xBB\xBF" + std::string(kGoogleHeader) +
      "Lea,M.,M\xC3\xBCller,,,,Dr.,PhD,,,Globex,VP Engineering,R&D,--07-04,\"line one\nline "
      "two\",https://lh3.googleusercontent.com/x,* coworkers ::: * myContacts ::: Copied from "
      "EVA-L09,Work,lea@globex.example,* ,lea@home.example,Mobile,+41319280960 ::: "
      "+41792648866,,,,,,,,,,Blog,https://lea.example,Anniversary,2015-06-20\n";
  const ContactFile file = Read(text);
  EXPECT_EQ(file.format, "csv google");
  ASSERT_EQ(file.contacts.size(), 1u);
  const Contact& lea = file.contacts[0];
  EXPECT_EQ(lea.given, "Lea");
  EXPECT_EQ(lea.additional, "M.");
  EXPECT_EQ(lea.family, "Müller");
  EXPECT_EQ(lea.prefix, "Dr.");
  EXPECT_EQ(lea.suffix, "PhD");
  EXPECT_EQ(lea.organization, "Globex");
  EXPECT_EQ(lea.title, "VP Engineering");
  EXPECT_EQ(lea.department, "R&D");
  EXPECT_EQ(lea.birthday, (MonthDay{7, 4, std::nullopt}));
  ASSERT_EQ(lea.notes.size(), 1u);
  EXPECT_EQ(lea.notes[0].text, "line one\nline two");
  EXPECT_EQ(lea.photos, 1);
  EXPECT_EQ(lea.categories, (Strings{"coworkers", "Copied from EVA-L09"}));
  // "* " marks the primary address: it comes first, with no type.
  EXPECT_EQ(lea.emails, (Emails{{"lea@home.example", ""}, {"lea@globex.example", "work"}}));
  EXPECT_EQ(lea.phones, (Phones{{"+41319280960", "cell"}, {"+41792648866", "cell"}}));
  EXPECT_EQ(lea.urls, (Strings{"https://lea.example"}));
  EXPECT_EQ(lea.anniversary, (MonthDay{6, 20, 2015}));
}

// ---------------------------------------------------------------------------------------------
// Outlook in English (header rows from HEADERS.md; Outlook quotes every header).

std::string QuotedHeader(std::string_view header) {
  std::string out = "\"";
  for (char c : header) out += c == ',' ? std::string("\",\"") : std::string(1, c);
  return out + "\"\r\n";
}

constexpr std::string_view kOutlookDesktopHeader =
    "Title,First Name,Middle Name,Last Name,Suffix,Company,Department,Job Title,Business "
    "Street,Business Street 2,Business Street 3,Business City,Business State,Business Postal "
    "Code,Business Country/Region,Home Street,Home Street 2,Home Street 3,Home City,Home "
    "State,Home Postal Code,Home Country/Region,Other Street,Other Street 2,Other Street 3,Other "
    "City,Other State,Other Postal Code,Other Country/Region,Assistant's Phone,Business "
    "Fax,Business Phone,Business Phone 2,Callback,Car Phone,Company Main Phone,Home Fax,Home "
    "Phone,Home Phone 2,ISDN,Mobile Phone,Other Fax,Other Phone,Pager,Primary Phone,Radio "
    "Phone,TTY/TDD Phone,Telex,Account,Anniversary,Assistant's Name,Billing "
    "Information,Birthday,Business Address PO Box,Categories,Children,Directory Server,E-mail "
    "Address,E-mail Type,E-mail Display Name,E-mail 2 Address,E-mail 2 Type,E-mail 2 Display "
    "Name,E-mail 3 Address,E-mail 3 Type,E-mail 3 Display Name,Gender,Government ID "
    "Number,Hobby,Home Address PO Box,Initials,Internet Free "
    "Busy,Keywords,Language,Location,Manager's Name,Mileage,Notes,Office "
    "Location,Organizational ID Number,Other Address PO Box,Priority,Private,Profession,Referred "
    "By,Sensitivity,Spouse,User 1,User 2,User 3,User 4,Web Page";

// A row for kOutlookDesktopHeader: `values` maps a column index to its text; the rest are empty.
std::string OutlookRow(const std::vector<std::pair<int, std::string>>& values) {
  std::vector<std::string> fields(92);
  for (const auto& [index, value] : values) fields[index] = value;
  std::string row;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) row += ',';
    row += fields[i];
  }
  return row + "\r\n";
}

TEST(ContactsCsvOutlookTest, EnglishDesktopExport) {
  // Column indexes from kOutlookDesktopHeader: 0 Title, 1 First Name, 3 Last Name, 5 Company,
  // 6 Department, 7 Job Title, 31 Business Phone, 40 Mobile Phone, 44 Primary Phone,
  // 45 Radio Phone, 49 Anniversary, 52 Birthday, 54 Categories, 57 E-mail Address,
  // 58 E-mail Type, 60 E-mail 2 Address, 75 Manager's Name, 77 Notes, 86 Spouse, 91 Web Page.
  const std::string text =
      QuotedHeader(kOutlookDesktopHeader) + OutlookRow({{0, "Ms."},
                                                        {1, "Priya"},
                                                        {3, "Nair"},
                                                        {5, "\"Initech, Inc.\""},
                                                        {6, "Security"},
                                                        {7, "CISO"},
                                                        {31, "+1 555 0100"},
                                                        {40, "+1 555 0101"},
                                                        {44, "+1 555 0199"},
                                                        {45, "+1 555 0102"},
                                                        {49, "0/0/00"},
                                                        {52, "3/22/1980"},
                                                        {54, "\"Vendors;Board\""},
                                                        {57, "priya@initech.example"},
                                                        {58, "SMTP"},
                                                        {60, "priya@home.example"},
                                                        {75, "Bill Lumbergh"},
                                                        {77, "\"Prefers calls\""},
                                                        {86, "Raj"},
                                                        {91, "https://initech.example"}});
  const ContactFile file = Read(text);
  EXPECT_EQ(file.format, "csv outlook");
  EXPECT_TRUE(file.errors.empty()) << file.errors[0].message;
  ASSERT_EQ(file.contacts.size(), 1u);
  const Contact& priya = file.contacts[0];
  EXPECT_EQ(priya.prefix, "Ms.");  // Outlook's "Title" is the honorific
  EXPECT_EQ(priya.given, "Priya");
  EXPECT_EQ(priya.family, "Nair");
  EXPECT_EQ(priya.organization, "Initech, Inc.");
  EXPECT_EQ(priya.department, "Security");
  EXPECT_EQ(priya.title, "CISO");
  EXPECT_EQ(priya.phones, (Phones{{"+1 555 0199", ""},
                                  {"+1 555 0100", "work"},
                                  {"+1 555 0101", "cell"},
                                  {"+1 555 0102", "other"}}));
  EXPECT_FALSE(priya.anniversary);
  EXPECT_EQ(priya.birthday, (MonthDay{3, 22, 1980}));
  EXPECT_EQ(priya.categories, (Strings{"Vendors", "Board"}));
  EXPECT_EQ(priya.emails, (Emails{{"priya@initech.example", ""}, {"priya@home.example", ""}}));
  EXPECT_EQ(priya.related,
            (std::vector<ContactRelation>{{"manager", "Bill Lumbergh"}, {"spouse", "Raj"}}));
  ASSERT_EQ(priya.notes.size(), 1u);
  EXPECT_EQ(priya.notes[0].text, "Prefers calls");
  EXPECT_EQ(priya.urls, (Strings{"https://initech.example"}));
}

TEST(ContactsCsvOutlookTest, SlashDatesAreDayFirstWhenTheColumnSaysSo) {
  const std::string text = QuotedHeader(kOutlookDesktopHeader) +
                           OutlookRow({{1, "A"}, {52, "22/03/1980"}}) +
                           OutlookRow({{1, "B"}, {52, "04/05/1981"}});
  const ContactFile file = Read(text);
  ASSERT_EQ(file.contacts.size(), 2u);
  EXPECT_EQ(file.contacts[0].birthday, (MonthDay{3, 22, 1980}));
  EXPECT_EQ(file.contacts[1].birthday, (MonthDay{5, 4, 1981}));  // 4 May: the column is D/M
}

TEST(ContactsCsvOutlookTest, OutlookDotComLayout) {
  const ContactFile file = Read(
      "First Name,Middle Name,Last Name,Title,Suffix,Nickname,Given Yomi,Surname Yomi,E-mail "
      "Address,E-mail 2 Address,E-mail 3 Address,Home Phone,Home Phone 2,Business Phone,Business "
      "Phone 2,Mobile Phone,Job Title,Department,Company,Birthday,Anniversary,Notes\n"
      "Tom,,Berg,,Jr.,Tommy,,,tom@berg.example,/o=ExchangeLabs/ou=Exchange/cn=Recipients/"
      "cn=tom,,+46 8 000,,,,+46 70 000,Buyer,Procurement,"
      "Volvo,1975-11-02,,\n");
  EXPECT_EQ(file.format, "csv outlook");
  ASSERT_EQ(file.contacts.size(), 1u);
  const Contact& tom = file.contacts[0];
  EXPECT_EQ(tom.suffix, "Jr.");
  EXPECT_EQ(tom.nickname, "Tommy");
  EXPECT_EQ(tom.emails, (Emails{{"tom@berg.example", ""}}));  // the Exchange address is skipped
  EXPECT_EQ(tom.phones, (Phones{{"+46 8 000", "home"}, {"+46 70 000", "cell"}}));
  EXPECT_EQ(tom.title, "Buyer");
  EXPECT_EQ(tom.birthday, (MonthDay{11, 2, 1975}));
}

TEST(ContactsCsvOutlookTest, GoogleOutlookCsvLayout) {
  // The start and end of Google's legacy "Outlook CSV" header, as HEADERS.md records them.
  const ContactFile file = Read(
      "First Name,Middle Name,Last Name,Title,Suffix,Initials,Web Page,Gender,Birthday,"
      "Anniversary,Location,Language,Internet Free Busy,Notes,E-mail Address,E-mail 2 "
      "Address,E-mail 3 Address,Primary Phone,Home Phone,Home Phone 2,Mobile Phone,Pager,Home "
      "Fax,Home Address,Home Street,User 1,User 2,User 3,User 4,Keywords,Mileage,Hobby,Billing "
      "Information,Directory Server,Sensitivity,Priority,Private,Categories\n"
      "Mia,,Sato,,,,,,,,,,,,mia@x.example,,,,,,+81 90 0000,,,,,,,,,,,,,,,,,myContacts;starred\n");
  EXPECT_EQ(file.format, "csv outlook");
  ASSERT_EQ(file.contacts.size(), 1u);
  EXPECT_EQ(file.contacts[0].emails, (Emails{{"mia@x.example", ""}}));
  EXPECT_EQ(file.contacts[0].phones, (Phones{{"+81 90 0000", "cell"}}));
  EXPECT_EQ(file.contacts[0].categories, (Strings{"starred"}));  // Google's system group dropped
}

TEST(ContactsCsvOutlookTest, GermanDatesAreDayFirst) {
  const ContactFile file = Read(
      "\"Vorname\",\"Nachname\",\"E-Mail-Adresse\",\"Geburtstag\",\"Mobiltelefon 2\"\n"
      "\"Jörg\",\"Weiß\",\"j@x.de\",\"22.3.1980\",\"+49 1\"\n"
      "\"Eva\",\"Roth\",\"e@x.de\",\"04/05/1981\",\"\"\n");
  EXPECT_EQ(file.format, "csv outlook-de");
  ASSERT_EQ(file.contacts.size(), 2u);
  EXPECT_EQ(file.contacts[0].family, "Weiß");
  EXPECT_EQ(file.contacts[0].birthday, (MonthDay{3, 22, 1980}));
  EXPECT_EQ(file.contacts[0].phones, (Phones{{"+49 1", "other"}}));  // radio phone, not mobile
  EXPECT_EQ(file.contacts[1].birthday, (MonthDay{5, 4, 1981}));
}

// ---------------------------------------------------------------------------------------------
// Thunderbird's split birthday.

constexpr std::string_view kThunderbirdHeader =
    "First Name,Last Name,Display Name,Nickname,Primary Email,Secondary Email,Work Phone,Mobile "
    "Number,Birth Year,Birth Month,Birth Day,Notes\n";

TEST(ContactsCsvThunderbirdTest, BirthYearMonthDayMakeABirthday) {
  const ContactFile file = Read(std::string(kThunderbirdHeader) +
                                "Ana,Lima,Ana Lima,,ana@x.example,a2@x.example,+55 1,+55 2,1992,2,"
                                "29,\n"
                                "Bo,Ek,,,bo@x.example,,,,,12,01,\n");
  EXPECT_TRUE(file.errors.empty());
  ASSERT_EQ(file.contacts.size(), 2u);
  const Contact& ana = file.contacts[0];
  EXPECT_EQ(ana.birthday, (MonthDay{2, 29, 1992}));
  EXPECT_EQ(ana.emails, (Emails{{"ana@x.example", ""}, {"a2@x.example", ""}}));
  EXPECT_EQ(ana.phones, (Phones{{"+55 1", "work"}, {"+55 2", "cell"}}));
  EXPECT_EQ(file.contacts[1].birthday, (MonthDay{12, 1, std::nullopt}));
}

TEST(ContactsCsvThunderbirdTest, ImpossibleOrHalfBirthdaysAreRecordErrors) {
  const ContactFile file = Read(std::string(kThunderbirdHeader) +
                                "Ana,Lima,,,ana@x.example,,,,1990,2,29,\n"
                                "Bo,Ek,,,bo@x.example,,,,,7,,\n"
                                "Cy,Ek,,,cy@x.example,,,,,13,1,\n"
                                "Di,Ek,,,di@x.example,,,,,,,\n");
  ASSERT_EQ(file.contacts.size(), 1u);
  EXPECT_EQ(file.contacts[0].given, "Di");
  ASSERT_EQ(file.errors.size(), 3u);
  EXPECT_EQ(file.errors[0].line, 2u);
  EXPECT_EQ(file.errors[0].property, "Birth Day");
  EXPECT_EQ(file.errors[0].value, "29");
  EXPECT_EQ(file.errors[0].message, "Birth Day \"29\" is not a day of month 2 in 1990");
  EXPECT_EQ(file.errors[1].property, "Birth Month");
  EXPECT_EQ(file.errors[1].message,
            "Birth Month \"7\" is only half a birthday (expected both a birth month and a birth "
            "day)");
  EXPECT_EQ(file.errors[2].line, 4u);
  EXPECT_EQ(file.errors[2].value, "13");
  EXPECT_EQ(file.errors[2].message, "Birth Month \"13\" is not a whole number from 1 to 12");
}

// ---------------------------------------------------------------------------------------------
// Any other header: --map.

TEST(ContactsCsvMapTest, UnknownHeaderWithoutMapListsTheColumns) {
  EXPECT_EQ(ErrorOf("Full name;Mail;Born\nAda;ada@x;1815-12-10\n"),
            "the header (line 1) is not one of a known export (LinkedIn, Google, Outlook, "
            "Thunderbird, Windows Live Mail, Allies): its columns are \"Full name\", \"Mail\", "
            "\"Born\"; say which column holds what with --map COLUMN=FIELD, e.g. --map "
            "\"Full name=name\"");
}

TEST(ContactsCsvMapTest, MapReadsAnyHeader) {
  const ContactFile file = Read(
      "Full name;Mail;Mobile;Born;Team;Rating;Every\n"
      "Ada Lovelace;ada@x.example, ada@y.example;+44 1;10.12.1815;Math, Engines;4;30\n",
      Map({{"full NAME", "name"},
           {"Mail", "email:work"},
           {"Mobile", "phone:cell"},
           {"Born", "birthday"},
           {"Team", "tags"},
           {"Rating", "closeness"},
           {"Every", "Cadence-Days"}}));
  EXPECT_EQ(file.format, "csv custom");
  EXPECT_TRUE(file.errors.empty());
  ASSERT_EQ(file.contacts.size(), 1u);
  const Contact& ada = file.contacts[0];
  EXPECT_EQ(ada.formatted_name, "Ada Lovelace");
  EXPECT_EQ(ada.emails, (Emails{{"ada@x.example", "work"}, {"ada@y.example", "work"}}));
  EXPECT_EQ(ada.phones, (Phones{{"+44 1", "cell"}}));
  EXPECT_EQ(ada.birthday, (MonthDay{12, 10, 1815}));
  EXPECT_EQ(ada.categories, (Strings{"Math", "Engines"}));
  EXPECT_EQ(ada.closeness, 4);
  EXPECT_EQ(ada.cadence_days, 30);
}

TEST(ContactsCsvMapTest, UnknownFieldListsTheAcceptedOnes) {
  const std::string message = ErrorOf("A,B\n1,2\n", Map({{"A", "e-mail"}}));
  EXPECT_TRUE(
      message.starts_with("--map \"A=e-mail\": unknown field \"e-mail\" (expected one of "
                          "name, first, middle, last, prefix, suffix, nickname, "
                          "organization, department, title, role, email, email:work, "))
      << message;
  EXPECT_TRUE(message.ends_with("cadence-days, reports-to, ignore)")) << message;
}

TEST(ContactsCsvMapTest, ColumnNotInTheHeaderIsAnError) {
  EXPECT_EQ(ErrorOf("A,B\n1,2\n", Map({{"C", "email"}})),
            "--map \"C=email\": the header (line 1) has no column \"C\" (its columns are \"A\", "
            "\"B\")");
}

TEST(ContactsCsvMapTest, BadValuesMakeRecordErrorsNamingLineColumnAndValue) {
  const ContactFile file = Read(
      "Name,Mail,Born,Close\n"
      "Good,g@x.example,1990-01-02,3\n"
      "\"Two\nlines\",t@x.example,1990-13-45,1\n"
      "NoAt,not-an-address,,\n"
      "TooClose,c@x.example,,7\n"
      "Extra,e@x.example,,,surplus\n"
      "Trailing,t@x.example,,,,\n"
      ",,,\n"
      "Short\n",
      Map({{"Name", "name"}, {"Mail", "email"}, {"Born", "birthday"}, {"Close", "closeness"}}));
  ASSERT_EQ(file.contacts.size(), 3u);
  EXPECT_EQ(file.contacts[0].formatted_name, "Good");
  EXPECT_EQ(file.contacts[1].formatted_name, "Trailing");  // empty surplus fields are fine
  EXPECT_EQ(file.contacts[1].line, 8u);
  EXPECT_EQ(file.contacts[2].formatted_name, "Short");  // padded
  EXPECT_EQ(file.contacts[2].line, 10u);                // the blank row on line 9 is skipped
  ASSERT_EQ(file.errors.size(), 4u);
  EXPECT_EQ(file.errors[0].line, 4u);  // the date is on the row's second line
  EXPECT_EQ(file.errors[0].property, "Born");
  EXPECT_EQ(file.errors[0].value, "1990-13-45");
  EXPECT_EQ(file.errors[0].message,
            "Born \"1990-13-45\" is not a date (expected YYYY-MM-DD, --MM-DD, D.M.YYYY, M/D/YYYY "
            "or \"24 Oct 2024\")");
  EXPECT_EQ(file.errors[1].line, 5u);
  EXPECT_EQ(file.errors[1].property, "Mail");
  EXPECT_EQ(file.errors[1].message,
            "Mail \"not-an-address\" is not an email address (expected local-part@domain)");
  EXPECT_EQ(file.errors[2].line, 6u);
  EXPECT_EQ(file.errors[2].property, "Close");
  EXPECT_EQ(file.errors[2].message, "Close \"7\" is not a whole number from 0 to 5");
  EXPECT_EQ(file.errors[3].line, 7u);
  EXPECT_EQ(file.errors[3].property, "");
  EXPECT_EQ(file.errors[3].value, "surplus");
  EXPECT_EQ(file.errors[3].message,
            "the row has 5 fields but the header has 4 columns, so field 5 (\"surplus\") has no "
            "column (quote values that contain the delimiter ',')");
}

TEST(ContactsCsvMapTest, DateForms) {
  const ContactFile file = Read(
      "N,D\n"
      "a,1980-03-22\n"
      "b,--03-22\n"
      "c,22.03.1980\n"
      "d,22.3.\n"
      "e,3/22/80\n"
      "f,\"Mar 22, 1980\"\n"
      "g,22 March 1980\n"
      "h,1980/03/22\n"
      "i,1980-03-22T00:00:00Z\n"
      "j,0/0/00\n"
      "k,3/22/1980 12:00:00 AM\n"
      "l,1/2/05\n",
      Map({{"N", "name"}, {"D", "birthday"}}));
  ASSERT_TRUE(file.errors.empty()) << file.errors[0].message;
  ASSERT_EQ(file.contacts.size(), 12u);
  const MonthDay full{3, 22, 1980};
  const MonthDay no_year{3, 22, std::nullopt};
  const std::vector<std::optional<MonthDay>> expected = {
      full, no_year, full, no_year,      full, full,
      full, full,    full, std::nullopt, full, MonthDay{1, 2, 2005}};
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(file.contacts[i].birthday, expected[i]) << file.contacts[i].formatted_name;
  }
}

TEST(ContactsCsvMapTest, DashedDayMonthOrderComesFromTheColumn) {
  const ContactFile file =
      Read("N,D\na,22-03-1980\nb,04-05-1981\n", Map({{"N", "name"}, {"D", "anniversary"}}));
  ASSERT_EQ(file.contacts.size(), 2u);
  EXPECT_EQ(file.contacts[0].anniversary, (MonthDay{3, 22, 1980}));
  EXPECT_EQ(file.contacts[1].anniversary, (MonthDay{5, 4, 1981}));
}

TEST(ContactsCsvMapTest, ConflictingSlashOrdersFallBackToMonthFirst) {
  const ContactFile file =
      Read("N,D\na,22/03/1980\nb,03/22/1980\n", Map({{"N", "name"}, {"D", "birthday"}}));
  ASSERT_EQ(file.contacts.size(), 1u);
  EXPECT_EQ(file.contacts[0].birthday, (MonthDay{3, 22, 1980}));
  ASSERT_EQ(file.errors.size(), 1u);
  EXPECT_EQ(file.errors[0].line, 2u);
  EXPECT_EQ(file.errors[0].message,
            "D \"22/03/1980\" is not a date (expected YYYY-MM-DD, --MM-DD, D.M.YYYY, M/D/YYYY or "
            "\"24 Oct 2024\")");
}

TEST(ContactsCsvMapTest, EmptyFileHasNoHeader) {
  EXPECT_EQ(ErrorOf("\n\n"),
            "the file has no header row (it is empty or blank; expected a first row of column "
            "names)");
  EXPECT_EQ(ErrorOf(""),
            "the file has no header row (it is empty or blank; expected a first row of column "
            "names)");
}

TEST(ContactsCsvMapTest, MalformedCsvIsAnErrorOfTheFile) {
  EXPECT_EQ(ErrorOf("Name\n\"open\n"),
            "line 2: the quoted field that starts here is not closed before the end of the file "
            "(a closing \" is missing)");
}

TEST(ContactsCsvMapTest, FieldNamesAreTheOnesMapAccepts) {
  const Strings names = ContactFieldNames();
  for (const std::string& name : names) {
    EXPECT_TRUE(ReadContactsCsv("A\nx\n", Map({{"A", name}}))) << name;
  }
  EXPECT_EQ(names.front(), "name");
  EXPECT_EQ(names.back(), "ignore");
}

// ---------------------------------------------------------------------------------------------
// Allies' own CSV.

Contact Everything() {
  Contact c;
  c.formatted_name =
      "Jos\xC3\xA9 \"Pepe\" Garc\xC3\xAD"
      "a, Jr.";
  c.given = "Jos\xC3\xA9";
  c.additional =
      "Mar\xC3\xAD"
      "a";
  c.family =
      "Garc\xC3\xAD"
      "a";
  c.prefix = "Dr.";
  c.suffix = "Jr.";
  c.nickname = "Pepe";
  c.organization = "ACME; Europe";
  c.department = "IT, Security";
  c.title = "CISO";
  c.role = "Budget owner";
  c.emails = {{"jose@acme.example", "work"}, {"pepe@home.example", ""}, {"x: y@z.example", ""}};
  c.phones = {{"+34 600 000 000", "cell"}, {"+34 910 000 000", "work"}, {"ext. 12", ""}};
  c.birthday = MonthDay{2, 29, std::nullopt};
  c.anniversary = MonthDay{6, 20, 2015};
  c.work_anniversary = MonthDay{9, 1, 2019};
  c.connected_on = Ymd(2024, 10, 24);
  c.notes = {{"Two lines,\nwith \"quotes\" and a back\\slash", std::nullopt},
             {"[not a date] just brackets", std::nullopt},
             {"Dated note: r\xC3\xA9sum\xC3\xA9 \xE5\x90\x8D",
              core::TimePoint{std::chrono::seconds{1714557600}}}};
  c.categories = {"board", "golf, tennis", "a\\b"};
  c.related = {{"manager", "Ana Ruiz"}, {"spouse", "Raj"}};
  c.urls = {"https://acme.example/jose"};
  c.uid = "urn:uuid:0b5e0e9c-1111-4c5e-9e0e-aaaaaaaaaaaa";
  c.offers = {{"security", 5}, {"budget=ops", 3}, {"intro to CFO", 0}};
  c.needs = {"DR runbook", "hiring: SREs"};
  c.closeness = 0;
  c.cadence_days = 30;
  c.reports_to = "ana@acme.example";
  return c;
}

void ExpectSame(const Contact& a, const Contact& b) {
  EXPECT_EQ(a.formatted_name, b.formatted_name);
  EXPECT_EQ(a.given, b.given);
  EXPECT_EQ(a.additional, b.additional);
  EXPECT_EQ(a.family, b.family);
  EXPECT_EQ(a.prefix, b.prefix);
  EXPECT_EQ(a.suffix, b.suffix);
  EXPECT_EQ(a.nickname, b.nickname);
  EXPECT_EQ(a.organization, b.organization);
  EXPECT_EQ(a.department, b.department);
  EXPECT_EQ(a.title, b.title);
  EXPECT_EQ(a.role, b.role);
  EXPECT_EQ(a.emails, b.emails);
  EXPECT_EQ(a.phones, b.phones);
  EXPECT_EQ(a.birthday, b.birthday);
  EXPECT_EQ(a.anniversary, b.anniversary);
  EXPECT_EQ(a.work_anniversary, b.work_anniversary);
  EXPECT_EQ(a.connected_on, b.connected_on);
  EXPECT_EQ(a.notes, b.notes);
  EXPECT_EQ(a.categories, b.categories);
  EXPECT_EQ(a.related, b.related);
  EXPECT_EQ(a.urls, b.urls);
  EXPECT_EQ(a.uid, b.uid);
  EXPECT_EQ(a.offers, b.offers);
  EXPECT_EQ(a.needs, b.needs);
  EXPECT_EQ(a.closeness, b.closeness);
  EXPECT_EQ(a.cadence_days, b.cadence_days);
  EXPECT_EQ(a.reports_to, b.reports_to);
}

TEST(ContactsCsvAlliesTest, WriteThenReadGivesEveryFieldBack) {
  Contact bare;
  bare.given = "Only";
  const std::vector<Contact> contacts = {Everything(), bare, Contact{}};
  const std::string text = WriteContactsCsv(contacts);
  const ContactFile file = Read(text);
  EXPECT_EQ(file.format, "csv allies");
  EXPECT_TRUE(file.errors.empty());
  // The third contact is entirely empty, so its row is blank and skipped.
  ASSERT_EQ(file.contacts.size(), 2u);
  ExpectSame(file.contacts[0], contacts[0]);
  ExpectSame(file.contacts[1], contacts[1]);
  EXPECT_EQ(file.contacts[0].line, 2u);
}

TEST(ContactsCsvAlliesTest, WritesAReadableHeaderAndCells) {
  Contact c;
  c.formatted_name = "Ana";
  c.emails = {{"ana@x.example", "work"}, {"a@y.example", ""}};
  c.offers = {{"security", 4}};
  c.notes = {{"hi", core::TimePoint{std::chrono::seconds{0}}}};
  c.closeness = 3;
  EXPECT_EQ(WriteContactsCsv({c}),
            "Name,First Name,Middle Name,Last Name,Prefix,Suffix,Nickname,Organization,"
            "Department,Title,Role,Emails,Phones,Birthday,Anniversary,Work Anniversary,Connected "
            "On,Notes,Tags,Related,URLs,UID,Offers,Needs,Closeness,Cadence Days,Reports To\r\n"
            "Ana,,,,,,,,,,,\"work: ana@x.example\na@y.example\",,,,,,[1970-01-01T00:00:00Z] "
            "hi,,,,,security=4,,3,,\r\n");
}

TEST(ContactsCsvAlliesTest, BadAlliesCellsAreRecordErrors) {
  std::string text = WriteContactsCsv({});
  text += ",Bad,,,,,,,,,,,,,,,,,,,,,security=9,,,0,\r\n";
  const ContactFile file = Read(text);
  EXPECT_EQ(file.format, "csv allies");
  EXPECT_TRUE(file.contacts.empty());
  ASSERT_EQ(file.errors.size(), 1u);
  EXPECT_EQ(file.errors[0].property, "Offers");
  EXPECT_EQ(file.errors[0].message,
            "Offers \"security=9\" does not end in a rating from 0 to 5 (expected key=rating)");
}

// ---------------------------------------------------------------------------------------------
// Robustness: truncated and corrupted fixtures give a result or an error, fast.

TEST(ContactsCsvRobustnessTest, TruncationsAndByteFlipsNeverCrashOrHang) {
  const Strings fixtures = {
      "outlook2007_desktop_export_german__outlook_importer.csv",
      "windows_live_mail_export_german_semicolon__outlook_importer.csv",
      "thunderbird_addressbook_export_crlf_embedded_cr_lf_tab__comm-central.csv",
      "thunderbird_addressbook_shift_jis__comm-central.csv",
      "linkedin_connections_PREAMBLE_HEADER_ONLY.csv"};
  std::vector<std::string> inputs;
  for (const std::string& name : fixtures) inputs.push_back(Fixture(name));
  inputs.push_back(WriteContactsCsv({Everything()}));
  for (const std::string& bytes : inputs) {
    ASSERT_FALSE(bytes.empty());
    const auto check = [](const std::string& input) {
      const auto start = std::chrono::steady_clock::now();
      auto file = ReadContactsCsv(input, {});
      auto map = ReadContactsCsv(input, Map({{"First Name", "name"}}));
      const auto elapsed = std::chrono::steady_clock::now() - start;
      EXPECT_LT(elapsed, std::chrono::seconds(1));
      if (file) {
        EXPECT_FALSE(file->format.empty());
      } else {
        EXPECT_FALSE(file.error().message.empty());
      }
      (void)map;
    };
    for (std::size_t i = 0; i <= 50; ++i) check(bytes.substr(0, bytes.size() * i / 50));
    std::uint32_t state = 12345;
    for (int i = 0; i < 200; ++i) {
      state = state * 1103515245u + 12345u;  // a fixed linear congruential sequence
      std::string flipped = bytes;
      flipped[(state >> 8) % flipped.size()] = static_cast<char>(state >> 24);
      check(flipped);
    }
  }
}

}  // namespace
}  // namespace allies::formats
