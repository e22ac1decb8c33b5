#include "formats/vcard.h"

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/time.h"
#include "formats/charset.h"
#include "formats/vcard_lexer.h"

namespace allies::formats {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

// ---------------------------------------------------------------------------------------------
// Helpers

std::filesystem::path VcardDir() {
  const char* data = std::getenv("ALLIES_TEST_DATA");
  const std::filesystem::path root =
      data ? std::filesystem::path(data)
           : std::filesystem::path(__FILE__).parent_path() / "../../tests/data";
  return root / "vcard";
}

std::string ReadBytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> FixtureNames() {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(VcardDir())) {
    if (entry.path().extension() == ".vcf") names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

ContactFile ReadFixture(const std::string& name) {
  const std::string bytes = ReadBytes(VcardDir() / name);
  EXPECT_FALSE(bytes.empty()) << name;
  auto file = ReadVcard(bytes);
  EXPECT_TRUE(file) << name << ": " << (file ? "" : file.error().message);
  return file ? *file : ContactFile{};
}

ContactFile Read(std::string_view text) {
  auto file = ReadVcard(text);
  EXPECT_TRUE(file) << (file ? "" : file.error().message);
  return file ? *file : ContactFile{};
}

// The one contact of a one-card text.
Contact ReadOne(std::string_view text) {
  ContactFile file = Read(text);
  EXPECT_THAT(file.errors, IsEmpty()) << (file.errors.empty() ? "" : file.errors[0].message);
  EXPECT_EQ(file.contacts.size(), 1U);
  return file.contacts.empty() ? Contact{} : file.contacts[0];
}

std::vector<std::string> Emails(const Contact& c) {
  std::vector<std::string> out;
  for (const auto& e : c.emails) out.push_back(e.address + " /" + e.type);
  return out;
}

std::vector<std::string> Phones(const Contact& c) {
  std::vector<std::string> out;
  for (const auto& p : c.phones) out.push_back(p.number + " /" + p.type);
  return out;
}

std::vector<std::string> Relations(const Contact& c) {
  std::vector<std::string> out;
  for (const auto& r : c.related) out.push_back(r.kind + ": " + r.name);
  return out;
}

std::vector<std::string> Notes(const Contact& c) {
  std::vector<std::string> out;
  for (const auto& n : c.notes) out.push_back(n.text);
  return out;
}

std::string Day(const std::optional<core::MonthDay>& day) {
  return day ? core::FormatMonthDay(*day) : "none";
}

std::string Repeat(std::string_view text, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += text;
  return out;
}

// Every field but `line` and `photos`, one per line, for comparisons with readable diffs.
std::string Dump(const Contact& c) {
  std::ostringstream out;
  out << "fn=" << c.formatted_name << "\nn=" << c.family << '|' << c.given << '|' << c.additional
      << '|' << c.prefix << '|' << c.suffix << "\nnick=" << c.nickname << "\norg=" << c.organization
      << '|' << c.department << "\ntitle=" << c.title << "\nrole=" << c.role
      << "\nbday=" << Day(c.birthday) << "\nanniversary=" << Day(c.anniversary)
      << "\nwork_anniversary=" << Day(c.work_anniversary) << "\nuid=" << c.uid
      << "\nconnected_on=" << (c.connected_on ? core::FormatDate(*c.connected_on) : "none")
      << "\ncloseness=" << (c.closeness ? std::to_string(*c.closeness) : "none")
      << "\ncadence=" << (c.cadence_days ? std::to_string(*c.cadence_days) : "none")
      << "\nreports_to=" << c.reports_to << '\n';
  for (const auto& e : c.emails) out << "email=" << e.address << '|' << e.type << '\n';
  for (const auto& p : c.phones) out << "tel=" << p.number << '|' << p.type << '\n';
  for (const auto& n : c.notes) {
    out << "note=" << n.text << '|' << (n.at ? core::FormatUtc(*n.at) : "none") << '\n';
  }
  for (const auto& x : c.categories) out << "category=" << x << '\n';
  for (const auto& r : c.related) out << "related=" << r.kind << '|' << r.name << '\n';
  for (const auto& u : c.urls) out << "url=" << u << '\n';
  for (const auto& o : c.offers) out << "offer=" << o.key << '|' << o.rating << '\n';
  for (const auto& n : c.needs) out << "need=" << n << '\n';
  return out.str();
}

core::TimePoint Utc(std::string_view text) {
  auto parsed = core::ParseDateTime(text);
  EXPECT_TRUE(parsed);
  return core::TimePoint{parsed->local.time_since_epoch() -
                         parsed->offset.value_or(std::chrono::seconds{0})};
}

// ---------------------------------------------------------------------------------------------
// The fixtures, one test each. Expected values were written down from reading the files.

// The brief spoke of 19 files; the shared fixture folder holds these 18.
TEST(VcardFixtureTest, AllEighteenFixturesArePresent) { EXPECT_EQ(FixtureNames().size(), 18U); }

TEST(VcardFixtureTest, AndroidQuotedPrintableNamesAndBareTypes) {
  const ContactFile file = ReadFixture("android_v21_qp_utf8_photo__ezvcard.vcf");
  EXPECT_EQ(file.format, "vcard 2.1");
  EXPECT_THAT(file.errors, IsEmpty());
  ASSERT_EQ(file.contacts.size(), 6U);
  const auto& c = file.contacts;
  EXPECT_EQ(c[0].line, 1U);
  EXPECT_EQ(c[0].formatted_name, "");  // no FN: the app builds a name
  EXPECT_THAT(Emails(c[0]), ElementsAre("john.doe@company.com /"));
  EXPECT_THAT(c[0].categories, ElementsAre("My Contacts"));
  EXPECT_EQ(c[1].line, 6U);
  EXPECT_THAT(Emails(c[1]), ElementsAre("jane.doe@company.com /"));

  EXPECT_EQ(c[2].line, 11U);
  EXPECT_EQ(c[2].formatted_name, "Ñ Ñ Ñ Ñ Ñ");
  EXPECT_EQ(c[2].family, "Ñ Ñ Ñ Ñ");
  EXPECT_THAT(Phones(c[2]), ElementsAre("123456789 /cell"));

  // Soft line breaks, the continuation not indented.
  EXPECT_EQ(c[3].line, 18U);
  EXPECT_EQ(c[3].formatted_name, "Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ");
  EXPECT_EQ(c[3].family, "Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ");
  EXPECT_THAT(Phones(c[3]),
              ElementsAre("123456 /cell", "234567 /home", "3456789 /cell", "45678901 /home"));
  const std::string note = "Ñ Ñ Ñ Ñ Ñ Ñ Ñ ÑÑ Ñ Ñ Ñ Ñ Ñ Ñ ÑÑ Ñ Ñ Ñ Ñ";
  EXPECT_THAT(Notes(c[3]), ElementsAre(note, note));

  EXPECT_EQ(c[4].line, 36U);
  EXPECT_EQ(c[4].formatted_name, "Ñ Ñ Ñ Ñ");
  EXPECT_EQ(c[4].family, "Ñ Ñ");
  EXPECT_EQ(c[4].given, "Ñ Ñ Ñ");
  EXPECT_THAT(Phones(c[4]), ElementsAre("123456 /cell", "123456 /work", "123456 /fax"));
  EXPECT_THAT(Emails(c[4]), ElementsAre("bob@company.com /work", Repeat("Ñ", 14) + " /"));
  EXPECT_EQ(c[4].organization, Repeat("Ñ", 12));  // the first of two ORGs
  EXPECT_THAT(c[4].urls, ElementsAre("www.company.com", "http://www.company.com"));
  EXPECT_EQ(c[4].photos, 1);
  EXPECT_THAT(c[4].categories, IsEmpty());

  // The second ORG ends in a stray =80 (not UTF-8); only the first ORG is read.
  EXPECT_EQ(c[5].line, 71U);
  EXPECT_EQ(c[5].formatted_name, "ÑÑÑÑ");
  EXPECT_EQ(c[5].organization, Repeat("Ñ", 44));
  EXPECT_THAT(Emails(c[5]), ElementsAre("henry@company.com /"));
  EXPECT_THAT(Phones(c[5]), ElementsAre("55556666 /cell"));
}

TEST(VcardFixtureTest, IphoneCrCrLfLinesGroupsAndPhoto) {
  const ContactFile file = ReadFixture("apple_iphone_ios5_v30_photo__ezvcard.vcf");
  EXPECT_EQ(file.format, "vcard 3.0");
  EXPECT_THAT(file.errors, IsEmpty());
  ASSERT_EQ(file.contacts.size(), 1U);
  const Contact& c = file.contacts[0];
  EXPECT_EQ(c.formatted_name, "Mr. John Richter James Doe Sr.");
  EXPECT_EQ(c.family, "Doe");
  EXPECT_EQ(c.given, "John");
  EXPECT_EQ(c.additional, "Richter,James");
  EXPECT_EQ(c.prefix, "Mr.");
  EXPECT_EQ(c.suffix, "Sr.");
  EXPECT_EQ(c.nickname, "Johny");
  EXPECT_EQ(c.organization, "IBM");
  EXPECT_EQ(c.department, "Accounting");
  EXPECT_EQ(c.title, "Money Counter");
  EXPECT_THAT(Emails(c), ElementsAre("john.doe@ibm.com /"));
  EXPECT_THAT(Phones(c), ElementsAre("905-555-1234 /cell", "905-666-1234 /home",
                                     "905-777-1234 /work", "905-888-1234 /fax", "905-999-1234 /fax",
                                     "905-111-1234 /pager", "905-222-1234 /assistant"));
  EXPECT_EQ(Day(c.birthday), "2012-06-06");
  EXPECT_THAT(c.urls, ElementsAre("http://www.ibm.com"));
  EXPECT_EQ(c.photos, 1);
}

TEST(VcardFixtureTest, MacAddressBookMixedLineEndsAndUnwrappedLabels) {
  const ContactFile file = ReadFixture("apple_mac_addressbook_v30_photo__ezvcard.vcf");
  EXPECT_EQ(file.format, "vcard 3.0");
  EXPECT_THAT(file.errors, IsEmpty());
  ASSERT_EQ(file.contacts.size(), 1U);
  const Contact& c = file.contacts[0];
  EXPECT_EQ(c.formatted_name, "Mr. John Richter,James Doe Sr.");
  EXPECT_EQ(c.additional, "Richter,James");
  EXPECT_EQ(c.organization, "IBM");
  EXPECT_EQ(c.department, "Accounting");
  EXPECT_THAT(Emails(c), ElementsAre("john.doe@ibm.com /work"));
  EXPECT_THAT(Phones(c), ElementsAre("905-777-1234 /work", "905-666-1234 /home",
                                     "905-555-1234 /cell", "905-888-1234 /fax", "905-999-1234 /fax",
                                     "905-111-1234 /pager", "905-222-1234 /assistant"));
  ASSERT_EQ(c.notes.size(), 1U);
  EXPECT_THAT(c.notes[0].text,
              testing::StartsWith("THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND "
                                  "CONTRIBUTORS \"AS IS\" AND ANY EXPRESS OR IMPLIED WARRANTIES, "
                                  "INCLUDING,"));
  EXPECT_THAT(c.notes[0].text, testing::EndsWith("SUCH DAMAGE.\nFavotire Color: Blue"));
  EXPECT_THAT(Relations(c), ElementsAre("spouse: Jenny"));
  EXPECT_EQ(Day(c.birthday), "2012-06-06");
  EXPECT_THAT(c.urls, ElementsAre("http://www.ibm.com"));
  EXPECT_EQ(c.photos, 1);
}

TEST(VcardFixtureTest, MacOs1011CompanyCard) {
  const ContactFile file = ReadFixture("apple_macos1011_v30_abshowas__kcontacts.vcf");
  EXPECT_EQ(file.format, "vcard 3.0");
  ASSERT_EQ(file.contacts.size(), 1U);
  const Contact& c = file.contacts[0];
  EXPECT_EQ(c.formatted_name, "Name of Broken Card");
  EXPECT_EQ(c.family, "");
  EXPECT_EQ(c.given, "SOMENAME");
  EXPECT_EQ(c.organization, "SOME COMPANY");
  EXPECT_THAT(Notes(c), ElementsAre("SOME NOTES"));
  EXPECT_THAT(Phones(c), ElementsAre("(111) 111-1111 /work"));
  EXPECT_EQ(c.uid, "fe395f83-d5a6-49e3-ae22-ae0799a5aa99");
}

TEST(VcardFixtureTest, BlackBerryUnfoldedBase64PhotoAndEmptyNote) {
  const ContactFile file = ReadFixture("blackberry_v21_unfolded_base64__ezvcard.vcf");
  EXPECT_EQ(file.format, "vcard 2.1");
  ASSERT_EQ(file.contacts.size(), 1U);
  const Contact& c = file.contacts[0];
  EXPECT_EQ(c.formatted_name, "John Doe");
  EXPECT_EQ(c.family, "Doe");
  EXPECT_EQ(c.given, "john");
  EXPECT_EQ(c.organization, "Acme Solutions");
  EXPECT_THAT(Phones(c), ElementsAre("+96123456789 /cell"));
  EXPECT_EQ(c.photos, 1);
  EXPECT_THAT(c.notes, IsEmpty());  // NOTE: with nothing after the colon
}

TEST(VcardFixtureTest, EvolutionFoldsInsideTokensAndRelations) {
  const ContactFile file = ReadFixture("evolution_v30_xprops_params__ezvcard.vcf");
  EXPECT_EQ(file.format, "vcard 3.0");
  EXPECT_THAT(file.errors, IsEmpty());
  ASSERT_EQ(file.contacts.size(), 1U);
  const Contact& c = file.contacts[0];
  EXPECT_EQ(c.formatted_name, "Mr. John Richter, James Doe Sr.");
  EXPECT_EQ(c.family, "Doe");
  EXPECT_EQ(c.given, "John");
  EXPECT_EQ(c.additional, "Richter, James");
  EXPECT_EQ(c.prefix, "Mr.");
  EXPECT_EQ(c.suffix, "Sr.");
  EXPECT_EQ(c.nickname, "Johny");
  EXPECT_EQ(c.organization, "IBM");
  EXPECT_EQ(c.department, "Accounting");
  EXPECT_EQ(c.title, "Money Counter");
  EXPECT_THAT(Emails(c), ElementsAre("john.doe@ibm.com /work"));
  EXPECT_THAT(Phones(c), ElementsAre("905-666-1234 /cell", "905-555-1234 /work"));
  EXPECT_EQ(Day(c.birthday), "1980-03-22");
  EXPECT_EQ(Day(c.anniversary), "1980-03-22");
  EXPECT_THAT(c.categories, ElementsAre("VIP"));
  EXPECT_THAT(Relations(c),
              ElementsAre("spouse: Maria", "manager: Big Blue", "assistant: Little Red"));
  EXPECT_THAT(c.urls, ElementsAre("http://www.ibm.com"));
  EXPECT_EQ(c.uid, "477343c8e6bf375a9bac1f96a5000837");
  ASSERT_EQ(c.notes.size(), 1U);
  EXPECT_THAT(c.notes[0].text, HasSubstr("CONTRIBUTORS \"AS IS\" AND ANY"));
  EXPECT_THAT(c.notes[0].text, HasSubstr("SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS"));
  EXPECT_THAT(c.notes[0].text, testing::EndsWith("POSSIBILITY OF SUCH DAMAGE."));
}

TEST(VcardFixtureTest, FullContactAltIdAndTypeLists) {
  const ContactFile file = ReadFixture("fullcontact_v40_altid_multi__ezvcard.vcf");
  EXPECT_EQ(file.format, "vcard 4.0");
  EXPECT_THAT(file.errors, IsEmpty());
  ASSERT_EQ(file.contacts.size(), 1U);
  const Contact& c = file.contacts[0];
  EXPECT_EQ(c.formatted_name, "Prefix FirstName MiddleName LastName Suffix");
  EXPECT_EQ(c.family, "LastName");
  EXPECT_EQ(c.given, "FirstName");
  EXPECT_EQ(c.additional, "MiddleName");
  EXPECT_EQ(c.prefix, "Prefix");
  EXPECT_EQ(c.suffix, "Suffix");
  EXPECT_EQ(c.nickname, "NickName");
  EXPECT_THAT(Phones(c),
              ElementsAre("555-555-1111 /home", "555-555-1112 /work", "555-555-1113 /cell",
                          "555-555-1114 /cell", "555-555-1115 /", "555-555-1116 /fax",
                          "555-555-1117 /fax", "555-555-1118 /", "555-555-1119 /"));
  EXPECT_THAT(Emails(c), ElementsAre("home@example.com /home", "work@example.com /work",
                                     "school@example.com /school", "other@example.com /other",
                                     "custom@example.com /customtype"));
  EXPECT_EQ(c.photos, 3);
  EXPECT_EQ(c.organization, "Organization1");
  EXPECT_EQ(c.department, "Department1");
  EXPECT_EQ(c.title, "Title1");
  EXPECT_EQ(Day(c.birthday), "2016-08-01");  // ALTID=1: the date, not its text alternative
  EXPECT_THAT(Notes(c), ElementsAre("Notes line 1\nNotes line 2"));
  EXPECT_THAT(c.urls, ElementsAre("http://www.homepage.com", "http://www.blog.com",
                                  "http://www.other.com", "http://www.custom.com"));
  EXPECT_THAT(c.categories, ElementsAre("Tag"));
}

TEST(VcardFixtureTest, GmailEveryFieldTypeWithLabels) {
  const ContactFile file = ReadFixture("gmail_v30_all_field_types__ezvcard.vcf");
  EXPECT_EQ(file.format, "vcard 3.0");
  EXPECT_THAT(file.errors, IsEmpty());
  ASSERT_EQ(file.contacts.size(), 1U);
  const Contact& c = file.contacts[0];
  EXPECT_EQ(c.formatted_name, "VCard Test");
  EXPECT_EQ(c.family, "Test");
  EXPECT_EQ(c.given, "VCard");
  EXPECT_EQ(c.nickname, "TheNickname");
  EXPECT_THAT(Emails(c), ElementsAre("email@example.com /", "homeemail@example.com /home",
                                     "workemail@example.com /work", "otheremail@example.com /",
                                     "customcategory@example.com /customemailcategory"));
  EXPECT_THAT(Phones(c),
              ElementsAre("5555551111 /", "5555551112 /home", "5555551113 /work", "5555551114 /",
                          "5555551115 /cell", "5555551116 /main", "5555551117 /fax",
                          "5555551118 /fax", "5555551119 /grand_central", "5555551120 /pager",
                          "5555551121 /customephonecategory"));
  EXPECT_EQ(c.organization, "TheCompany");
  EXPECT_EQ(c.title, "TheJobTitle");
  EXPECT_EQ(Day(c.birthday), "1912-06-23");
  // X-ABDATE labelled Anniversary; the unlabelled and custom-labelled dates are not kept.
  EXPECT_EQ(Day(c.anniversary), "1930-03-20");
  EXPECT_THAT(c.urls, ElementsAre("http://www.example1.com", "http://www.example2.com",
                                  "http://www.example3.com", "http://www.example4.com",
                                  "http://www.example5.com", "http://www.example6.com"));
  EXPECT_THAT(Relations(c),
              ElementsAre("related: Name1", "spouse: Name2", "child: Name3", "parent: Name4",
                          "parent: Name5", "parent: Name6", "sibling: Name7", "sibling: Name8",
                          "friend: Name9", "relative: Name10", "manager: Name11",
                          "assistant: Name12", "referred_by: Name13", "partner: Name14",
                          "partner: Name15", "customrelationcategory: Name16"));
  EXPECT_THAT(Notes(c), ElementsAre("note line 1\nnote line 2\nCustomField: field value"));
}

TEST(VcardFixtureTest, GmailFoldedNoteAndAppleDateLabel) {
  const ContactFile file = ReadFixture("gmail_v30_folded_note__ezvcard.vcf");
  ASSERT_EQ(file.contacts.size(), 1U);
  const Contact& c = file.contacts[0];
  EXPECT_EQ(c.formatted_name, "Mr. John Richter, James Doe Sr.");
  EXPECT_EQ(c.additional, "Richter, James");
  EXPECT_THAT(Emails(c), ElementsAre("john.doe@ibm.com /home"));
  EXPECT_THAT(Phones(c), ElementsAre("905-555-1234 /cell", "905-666-1234 /home"));
  EXPECT_EQ(c.organization, "IBM");
  EXPECT_EQ(c.title, "Money Counter");
  EXPECT_EQ(Day(c.birthday), "1980-03-22");
  EXPECT_EQ(Day(c.anniversary), "1975-03-01");
  EXPECT_THAT(Relations(c), ElementsAre("spouse: Jenny"));
  EXPECT_THAT(c.urls, ElementsAre("http://www.ibm.com"));
  ASSERT_EQ(c.notes.size(), 1U);
  // The folds split words ("LIMITE" / "D TO"); unfolding joins them back.
  EXPECT_THAT(c.notes[0].text, HasSubstr("BUT NOT LIMITED TO, THE IMPLIED"));
  EXPECT_THAT(c.notes[0].text, HasSubstr("PARTICULAR PURPOSE"));
  EXPECT_THAT(c.notes[0].text, testing::EndsWith("SUCH DAMAGE.\nFavotire Color: Blue"));
}

TEST(VcardFixtureTest, Outlook2003QuotedPrintableNoteAndJunkFreeBusyUrl) {
  const ContactFile file = ReadFixture("outlook2003_v21_qp_cert_binary_junk__ezvcard.vcf");
  EXPECT_EQ(file.format, "vcard 2.1");
  EXPECT_THAT(file.errors, IsEmpty());  // FBURL's binary junk is never decoded
  ASSERT_EQ(file.contacts.size(), 1U);
  const Contact& c = file.contacts[0];
  EXPECT_EQ(c.formatted_name, "John Doe III");
  EXPECT_EQ(c.family, "Doe");
  EXPECT_EQ(c.given, "John");
  EXPECT_EQ(c.prefix, "Mr.");
  EXPECT_EQ(c.suffix, "III");
  EXPECT_EQ(c.nickname, "Joey");
  EXPECT_EQ(c.organization, "Company, The");
  EXPECT_EQ(c.department, "TheDepartment");
  EXPECT_EQ(c.title, "The Job Title");
  EXPECT_EQ(c.role, "TheProfession");
  EXPECT_THAT(Notes(c),
              ElementsAre("This is the note field!!\nSecond line\n\nThird line is empty"));
  EXPECT_THAT(Phones(c), ElementsAre("BusinessPhone /work", "HomePhone /home", "MobilePhone /cell",
                                     "BusinessFaxPhone /fax"));
  EXPECT_THAT(Emails(c), ElementsAre("jdoe@hotmail.com /"));
  EXPECT_EQ(Day(c.birthday), "1980-03-21");
  EXPECT_THAT(c.urls, ElementsAre("http://web-page-address.com"));
}

TEST(VcardFixtureTest, Outlook2007QuotedPrintableWithTabAndMsRelations) {
  const ContactFile file = ReadFixture("outlook2007_v21_qp_key_photo__ezvcard.vcf");
  EXPECT_THAT(file.errors, IsEmpty());
  ASSERT_EQ(file.contacts.size(), 1U);
  const Contact& c = file.contacts[0];
  EXPECT_EQ(c.formatted_name, "Mr. Michael Angstadt Jr.");
  EXPECT_EQ(c.family, "Angstadt");
  EXPECT_EQ(c.given, "Michael");
  EXPECT_EQ(c.nickname, "Mike");
  EXPECT_EQ(c.organization, "TheCompany");
  EXPECT_EQ(c.department, "TheDepartment");
  EXPECT_EQ(c.title, "TheJobTitle");
  EXPECT_EQ(c.role, "TheProfession");
  EXPECT_THAT(Notes(c), ElementsAre("This is the NOTE field\t\n"
                                    "I assume it encodes this text inside a NOTE vCard type.\n"
                                    "But I'm not sure because there's text formatting going on "
                                    "here.\nIt does not preserve the formatting"));
  EXPECT_THAT(Phones(c), ElementsAre("(111) 555-1111 /work", "(111) 555-2222 /home",
                                     "(111) 555-4444 /cell", "(111) 555-3333 /fax"));
  EXPECT_EQ(Day(c.birthday), "1922-03-10");
  EXPECT_EQ(Day(c.anniversary), "2012-08-01");
  EXPECT_THAT(Emails(c), ElementsAre("mike.angstadt@gmail.com /"));
  EXPECT_THAT(Relations(c), ElementsAre("manager: TheManagerName", "assistant: TheAssistantName",
                                        "spouse: TheSpouse"));
  EXPECT_EQ(c.photos, 1);
}

TEST(VcardFixtureTest, OutlookCardPictureCountsAsPhoto) {
  const ContactFile file = ReadFixture("outlook_v21_ms_cardpicture__libical.vcf");
  EXPECT_THAT(file.errors, IsEmpty());
  ASSERT_EQ(file.contacts.size(), 1U);
  const Contact& c = file.contacts[0];
  EXPECT_EQ(c.formatted_name, "Test de Tester 04-04 (outlook)");
  EXPECT_EQ(c.family, "de Tester 04-04");
  EXPECT_EQ(c.given, "Test");
  EXPECT_EQ(c.suffix, "(outlook)");
  EXPECT_EQ(c.organization, "Test BV");
  EXPECT_EQ(c.title, "Tester");
  EXPECT_THAT(Phones(c),
              ElementsAre("(010) 123-4567 /work", "(010) 123-4568 /home", "(010) 123-4560 /cell"));
  EXPECT_THAT(Emails(c),
              ElementsAre("tester@test.com /", "tester2@test.com /", "tester3@test.com /"));
  EXPECT_THAT(c.urls,
              ElementsAre("https://www.personalhomepage.com", "https://www.businesshomepage.com"));
  EXPECT_EQ(c.photos, 1);
}

TEST(VcardFixtureTest, OutlookLongNoteAndBasicFormatDates) {
  const ContactFile file = ReadFixture("outlook_v21_qp_label_photo__ezvcard.vcf");
  EXPECT_THAT(file.errors, IsEmpty());
  ASSERT_EQ(file.contacts.size(), 1U);
  const Contact& c = file.contacts[0];
  EXPECT_EQ(c.formatted_name, "Mr. John Richter James Doe Sr.");
  EXPECT_EQ(c.additional, "Richter,James");
  EXPECT_EQ(c.organization, "IBM");
  EXPECT_EQ(c.department, "Accounting");
  EXPECT_EQ(c.role, "Counting Money");
  EXPECT_THAT(Phones(c), ElementsAre("(905) 555-1234 /work", "(905) 666-1234 /home"));
  EXPECT_THAT(Emails(c), ElementsAre("john.doe@ibm.cm /"));
  EXPECT_EQ(Day(c.birthday), "1980-03-22");
  EXPECT_EQ(Day(c.anniversary), "2011-01-13");
  EXPECT_THAT(Relations(c), ElementsAre("manager: Big Blue", "assistant: Jenny"));
  ASSERT_EQ(c.notes.size(), 1U);
  EXPECT_THAT(c.notes[0].text,
              testing::StartsWith("THIS SOFTWARE IS PROVIDED BY GEORGE EL-HADDAD ''AS IS''"));
  EXPECT_EQ(c.photos, 1);
}

TEST(VcardFixtureTest, OwnCloudFoldSplitsUtf8Characters) {
  const ContactFile file = ReadFixture("owncloud_v30_fold_splits_utf8_char__kcontacts.vcf");
  EXPECT_EQ(file.format, "vcard 3.0");
  EXPECT_THAT(file.errors, IsEmpty());
  ASSERT_EQ(file.contacts.size(), 1U);
  const Contact& c = file.contacts[0];
  EXPECT_EQ(c.formatted_name, Repeat("βγδεαβγδ1", 11));
  EXPECT_EQ(c.family, "123ㄓㄕㄖbcde" + Repeat("αβγδ", 6) + "αβㄤㄓㄕㄖ");
  // "бо\xd0" CRLF SP SP "\xbb..." -> "более"; the second indent space is text.
  EXPECT_THAT(Notes(c), ElementsAre("Длинный комментарий на русском языке, чтобы в результате "
                                    "получилась строка более 70 символов."));
  EXPECT_EQ(c.uid, "20140316T155019.877e370c11@martin");
}

TEST(VcardFixtureTest, ThunderbirdAddOnCharsetEverywhere) {
  const ContactFile file = ReadFixture("thunderbird_mfab_v30_charset_photo__ezvcard.vcf");
  EXPECT_EQ(file.format, "vcard 3.0");
  EXPECT_THAT(file.errors, IsEmpty());
  ASSERT_EQ(file.contacts.size(), 1U);
  const Contact& c = file.contacts[0];
  EXPECT_EQ(c.formatted_name, "John Doe");
  EXPECT_EQ(c.family, "Doe");
  EXPECT_EQ(c.given, "John");
  EXPECT_EQ(c.organization, "TheOrganization");
  EXPECT_EQ(c.department, "TheDepartment");
  EXPECT_EQ(c.nickname, "Johnny");
  EXPECT_EQ(c.title, "TheTitle");
  EXPECT_THAT(Phones(c),
              ElementsAre("555-555-1111 /work", "555-555-2222 /home", "555-555-5555 /cell",
                          "555-555-3333 /fax", "555-555-4444 /pager"));
  EXPECT_THAT(Emails(c),
              ElementsAre("doe.john@hotmail.com /", "additional-email@company.com /",
                          "additional-email1@company.com /", "additional-email2@company.com /",
                          "additional-email3@company.com /"));
  // The commas are escaped, so this is one category, as the RFC reads it.
  EXPECT_THAT(c.categories, ElementsAre("category1, category2, category3"));
  EXPECT_THAT(Relations(c), ElementsAre("spouse: TheSpouse"));
  EXPECT_EQ(Day(c.birthday), "1970-09-21");
  EXPECT_EQ(Day(c.anniversary), "1990-04-30");
  EXPECT_THAT(Notes(c), ElementsAre("This is the notes field.\nSecond Line\n\nFourth Line\nYou "
                                    "can put anything in the \"note\" field; even curse words."));
  EXPECT_THAT(c.urls, ElementsAre("http://www.private-webpage.com", "http://www.work-webpage.com"));
  EXPECT_EQ(c.photos, 1);
}

TEST(VcardFixtureTest, ThunderbirdExportRawCrInsideValueIsNotALineEnd) {
  const ContactFile file = ReadFixture("thunderbird_v40_export_raw_tab_cr__comm-central.vcf");
  EXPECT_EQ(file.format, "vcard 4.0");
  EXPECT_THAT(file.errors, IsEmpty());
  ASSERT_EQ(file.contacts.size(), 2U);
  const Contact& one = file.contacts[0];
  EXPECT_EQ(one.line, 1U);
  EXPECT_EQ(one.formatted_name, "contact number one");
  EXPECT_EQ(one.family, "one");
  EXPECT_EQ(one.given, "contact");
  EXPECT_THAT(Emails(one), ElementsAre("contact1@invalid /"));
  EXPECT_EQ(one.uid, "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx");
  const Contact& two = file.contacts[1];
  EXPECT_EQ(two.line, 8U);
  EXPECT_EQ(two.formatted_name, "contact number two");
  EXPECT_EQ(two.title, "\"worker\"");
  EXPECT_THAT(Notes(two), ElementsAre("here's some unicode text…"));
  EXPECT_EQ(two.uid, "yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy");
  std::string bytes = ReadBytes(VcardDir() / "thunderbird_v40_export_raw_tab_cr__comm-central.vcf");
  const std::size_t at = bytes.find("UID:yyyy");
  ASSERT_NE(at, std::string::npos);
  bytes.insert(at, "BDAY:bad\r\n");  // a refused date tells us its line number
  ContactFile changed = Read(bytes);
  ASSERT_EQ(changed.errors.size(), 1U);
  EXPECT_EQ(changed.errors[0].line, 19U);  // the raw CR did not count as a line end
}

TEST(VcardFixtureTest, QuotedPrintableSoftBreaksSplittingUtf8) {
  const ContactFile file = ReadFixture("v21_qp_soft_breaks_multi__kcontacts.vcf");
  EXPECT_EQ(file.format, "vcard 2.1");
  EXPECT_THAT(file.errors, IsEmpty());
  ASSERT_EQ(file.contacts.size(), 5U);
  const auto& c = file.contacts;
  EXPECT_EQ(c[0].line, 1U);
  EXPECT_EQ(c[0].formatted_name, "");
  EXPECT_EQ(c[0].organization, "Bike Shop");
  EXPECT_THAT(Notes(c[0]),  // `Note:`: property names are case-insensitive
              ElementsAre("This one has a funny character at the end in the contact list"));
  EXPECT_EQ(c[1].line, 9U);
  EXPECT_EQ(c[1].formatted_name, "Field after Address broken");
  EXPECT_EQ(c[1].given, "Broken");
  EXPECT_THAT(c[1].urls, ElementsAre("http://some-webseite.com"));
  EXPECT_EQ(c[2].line, 19U);
  EXPECT_EQ(c[2].formatted_name, "Field after Address not broken");
  EXPECT_THAT(c[2].urls, ElementsAre("http://some-webseite.com"));
  EXPECT_EQ(c[3].line, 29U);
  EXPECT_EQ(c[3].formatted_name, "Dr. med. Surname Name");
  EXPECT_EQ(c[3].prefix, "Dr. med.");
  EXPECT_EQ(c[3].title, "Facharzt für Allgemeinmedizin");
  EXPECT_THAT(Notes(c[3]), ElementsAre("Sprechzeiten:\nMo   8–12, 15–18\nDi     8–12\n"
                                       "Mi    8–12, 14–15\nDo 14–19\nFr     8–12"));
  EXPECT_EQ(c[3].uid, "b4fc4930-043f-446a-9a76-cf0b548368d8");
  EXPECT_EQ(c[4].line, 42U);
  EXPECT_EQ(c[4].formatted_name, "Second Doctor");
  EXPECT_EQ(c[4].title, "Dentist");
  EXPECT_EQ(c[4].organization, "");  // ORG: empty
  EXPECT_THAT(Notes(c[4]), ElementsAre("Sprechzeiten:\nMo   8–13\nDi   10–12, 13–18\n"
                                       "Mi  10–12, 13–18\nDo  13–18\nFr      8–12"));
}

TEST(VcardFixtureTest, Rfc6350Example) {
  const ContactFile file = ReadFixture("v40_rfc6350_and_caret_label__ezvcard.vcf");
  EXPECT_EQ(file.format, "vcard 4.0");
  EXPECT_THAT(file.errors, IsEmpty());
  ASSERT_EQ(file.contacts.size(), 1U);
  const Contact& c = file.contacts[0];
  EXPECT_EQ(c.formatted_name, "Simon Perreault");
  EXPECT_EQ(c.family, "Perreault");
  EXPECT_EQ(c.given, "Simon");
  EXPECT_EQ(c.suffix, "ing. jr,M.Sc.");
  EXPECT_EQ(Day(c.birthday), "--02-03");
  EXPECT_EQ(Day(c.anniversary), "2009-08-08");  // a date-time: the date counts
  EXPECT_EQ(c.organization, "Viagenie");
  EXPECT_THAT(Phones(c), ElementsAre("+1-418-656-9254;ext=102 /work", "+1-418-262-6501 /cell"));
  EXPECT_THAT(Emails(c), ElementsAre("simon.perreault@viagenie.ca /work"));
  EXPECT_THAT(c.urls, ElementsAre("http://nomis80.org"));
}

// ---------------------------------------------------------------------------------------------
// Lexing

TEST(VcardLexTest, FoldsJoinWithOneBlankRemovedSpaceOrTab) {
  const Contact c = ReadOne("BEGIN:VCARD\r\nFN:Jo\r\n hn\r\n\t Doe\r\nEND:VCARD\r\n");
  EXPECT_EQ(c.formatted_name, "John Doe");
}

TEST(VcardLexTest, FoldMaySplitAUtf8Character) {
  // "é" is C3 A9; the fold falls between its two bytes.
  const Contact c = ReadOne("BEGIN:VCARD\r\nFN:Ren\xC3\r\n \xA9 Dupont\r\nEND:VCARD\r\n");
  EXPECT_EQ(c.formatted_name, "René Dupont");
}

TEST(VcardLexTest, FoldedParameters) {
  const Contact c = ReadOne("BEGIN:VCARD\nTEL;TY\n PE=CE\n LL:123\nEND:VCARD\n");
  EXPECT_THAT(Phones(c), ElementsAre("123 /cell"));
}

TEST(VcardLexTest, LineEndsLfCrlfMixedAndBareCr) {
  const std::string lf = "BEGIN:VCARD\nFN:A\nEND:VCARD\nBEGIN:VCARD\nFN:B\nEND:VCARD\n";
  const std::string crlf = "BEGIN:VCARD\r\nFN:A\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:B\r\nEND:VCARD";
  const std::string mixed = "BEGIN:VCARD\r\nFN:A\nEND:VCARD\r\nBEGIN:VCARD\nFN:B\r\nEND:VCARD\n";
  const std::string cr = "BEGIN:VCARD\rFN:A\rEND:VCARD\rBEGIN:VCARD\rFN:B\rEND:VCARD\r";
  const std::string crcrlf =
      "BEGIN:VCARD\r\r\nFN:A\r\r\nEND:VCARD\r\r\nBEGIN:VCARD\r\r\nFN:B\r\r\n"
      "END:VCARD\r\r\n";
  for (const std::string& text : {lf, crlf, mixed, cr, crcrlf}) {
    const ContactFile file = Read(text);
    ASSERT_EQ(file.contacts.size(), 2U) << text;
    EXPECT_EQ(file.contacts[0].formatted_name, "A");
    EXPECT_EQ(file.contacts[1].formatted_name, "B");
    EXPECT_EQ(file.contacts[1].line, 4U) << text;
  }
}

TEST(VcardLexTest, BareCrInsideAValueOfAnLfFileIsTextAndBecomesNewline) {
  const Contact c =
      ReadOne("BEGIN:VCARD\r\nNOTE:one\rtwo\r\nX-CUSTOM:a\rb\r\nFN:X\r\nEND:VCARD\r\n");
  EXPECT_THAT(Notes(c), ElementsAre("one\ntwo"));
  EXPECT_EQ(c.formatted_name, "X");
}

TEST(VcardLexTest, QuotedPrintableSoftBreaksAreJoinedBeforeDecoding) {
  // The en dash E2 80 93 is split by the soft break; the continuation is not indented.
  const Contact c = ReadOne(
      "BEGIN:VCARD\r\nVERSION:2.1\r\nNOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:8=E2=80=\r\n"
      "=9312=0D=0Anext=\r\n line\r\nFN:X\r\nEND:VCARD\r\n");
  EXPECT_THAT(Notes(c), ElementsAre("8–12\nnext line"));
  EXPECT_EQ(c.formatted_name, "X");
}

TEST(VcardLexTest, BareQuotedPrintableParameter) {
  const Contact c = ReadOne("BEGIN:VCARD\nVERSION:2.1\nFN;QUOTED-PRINTABLE:a=3Db=\nc\nEND:VCARD\n");
  EXPECT_EQ(c.formatted_name, "a=bc");
}

TEST(VcardLexTest, SoftBreakBeforeEndDoesNotSwallowTheEnd) {
  const ContactFile file = Read(
      "BEGIN:VCARD\nNOTE;ENCODING=QUOTED-PRINTABLE:abc=\nEND:VCARD\nBEGIN:VCARD\nFN:B\n"
      "END:VCARD\n");
  EXPECT_THAT(file.errors, IsEmpty());
  ASSERT_EQ(file.contacts.size(), 2U);
  EXPECT_THAT(Notes(file.contacts[0]), ElementsAre("abc"));
}

TEST(VcardLexTest, CaretEncodingInParameterValues) {
  vcard_internal::Arena arena;
  std::vector<vcard_internal::Param> params;
  vcard_internal::ContentLine line;
  ASSERT_TRUE(vcard_internal::SplitContentLine(
      "ADR;LABEL=\"Mail Drop: TNE^nQB ^'North^' ^^x^y\";TYPE=work:;;123", line, params, arena));
  ASSERT_EQ(params.size(), 2U);
  EXPECT_EQ(params[0].name, "LABEL");
  EXPECT_EQ(params[0].value, "Mail Drop: TNE\nQB \"North\" ^x^y");
  EXPECT_EQ(params[1].value, "work");
  EXPECT_EQ(line.value, ";;123");
}

TEST(VcardLexTest, GroupsNameParamsAndBareParameters) {
  vcard_internal::Arena arena;
  std::vector<vcard_internal::Param> params;
  vcard_internal::ContentLine line;
  ASSERT_TRUE(vcard_internal::SplitContentLine("item1.TEL;CELL;PREF;QUOTED-PRINTABLE:1=32", line,
                                               params, arena));
  EXPECT_EQ(line.group, "item1");
  EXPECT_EQ(line.name, "TEL");
  ASSERT_EQ(params.size(), 3U);
  EXPECT_EQ(params[0].name, "TYPE");
  EXPECT_EQ(params[0].value, "CELL");
  EXPECT_EQ(params[2].name, "ENCODING");
  EXPECT_EQ(line.value, "1=32");
  EXPECT_FALSE(vcard_internal::SplitContentLine("no colon here", line, params, arena));
  EXPECT_FALSE(vcard_internal::SplitContentLine(":value without name", line, params, arena));
}

TEST(VcardLexTest, QuotedParameterValueMayHoldColonsAndSemicolons) {
  const Contact c =
      ReadOne("BEGIN:VCARD\nTEL;X-NOTE=\"a:b;c\";TYPE=\"work,voice\":+1 555\nEND:VCARD\n");
  EXPECT_THAT(Phones(c), ElementsAre("+1 555 /work"));
}

TEST(VcardLexTest, GroupLabelsGiveTheTypeAppleFormUnwrapped) {
  const Contact c = ReadOne(
      "BEGIN:VCARD\nVERSION:3.0\nitem1.TEL;type=HOME:111\nitem1.X-ABLabel:_$!<Mobile>!$_\n"
      "ITEM2.X-ABLabel:Gym\nitem2.EMAIL;type=INTERNET:a@x.org\nitem3.TEL:333\n"
      "item3.X-ABLabel:_$!<WorkFAX>!$_\nitem4.TEL:444\nEND:VCARD\n");
  EXPECT_THAT(Phones(c), ElementsAre("111 /cell", "333 /fax", "444 /"));
  EXPECT_THAT(Emails(c), ElementsAre("a@x.org /gym"));  // label before its property, any case
}

TEST(VcardLexTest, AltIdKeepsOneAlternative) {
  const Contact c = ReadOne(
      "BEGIN:VCARD\nVERSION:4.0\nFN;ALTID=1;LANGUAGE=ja:\xE5\xB1\xB1\xE7\x94\xB0\n"
      "FN;ALTID=1;LANGUAGE=en:Yamada\nNOTE;ALTID=2;LANGUAGE=en:Hello\n"
      "NOTE;ALTID=2;LANGUAGE=fr:Bonjour\nNOTE:Other\nBDAY;ALTID=3;VALUE=text:circa 1800\n"
      "BDAY;ALTID=3:18000101\nEND:VCARD\n");
  EXPECT_EQ(c.formatted_name, "山田");
  EXPECT_THAT(Notes(c), ElementsAre("Hello", "Other"));
  EXPECT_EQ(Day(c.birthday), "1800-01-01");  // the text alternative is not usable
}

TEST(VcardLexTest, PrefOrdersEmailsAndPhonesAndPicksSingleValues) {
  const Contact c = ReadOne(
      "BEGIN:VCARD\nVERSION:4.0\nEMAIL:a@x.org\nEMAIL;PREF=2:b@x.org\nEMAIL;PREF=1:c@x.org\n"
      "TEL:1\nTEL;TYPE=pref,work:2\nTITLE:First\nTITLE;PREF=1:Preferred\nORG:One\nORG:Two\n"
      "END:VCARD\n");
  EXPECT_THAT(Emails(c), ElementsAre("c@x.org /", "b@x.org /", "a@x.org /"));
  EXPECT_THAT(Phones(c), ElementsAre("2 /work", "1 /"));
  EXPECT_EQ(c.title, "Preferred");
  EXPECT_EQ(c.organization, "One");
}

TEST(VcardLexTest, EscapesInTextAndStructuredValues) {
  const Contact c = ReadOne(
      "BEGIN:VCARD\nN:O\\;Brien;Ann\\, "
      "Marie;;;\nORG:A\\;B;Dept\\\\X\nNOTE:a\\,b\\;c\\nd\\Ne\\\\f\\:g"
      "\\qh\\\nURL:http\\://x.org/a\\,b\nCATEGORIES:one\\,two,three , ,four\nEND:VCARD\n");
  EXPECT_EQ(c.family, "O;Brien");
  EXPECT_EQ(c.given, "Ann, Marie");
  EXPECT_EQ(c.organization, "A;B");
  EXPECT_EQ(c.department, "Dept\\X");
  EXPECT_THAT(Notes(c), ElementsAre("a,b;c\nd\ne\\f:g\\qh\\"));
  EXPECT_THAT(c.urls, ElementsAre("http://x.org/a,b"));
  EXPECT_THAT(c.categories, ElementsAre("one,two", "three", "four"));
}

TEST(VcardLexTest, NamesAreCaseInsensitive) {
  const Contact c = ReadOne(
      "begin:vcard\nversion:3.0\nfn:Ann\nEmail;Type=Work:Ann@Example.ORG\nx-ms-spouse:Bob\n"
      "end:vcard\n");
  EXPECT_EQ(c.formatted_name, "Ann");
  EXPECT_THAT(Emails(c), ElementsAre("Ann@Example.ORG /work"));  // the address keeps its case
  EXPECT_THAT(Relations(c), ElementsAre("spouse: Bob"));
}

TEST(VcardLexTest, Charsets) {
  const Contact latin1 = ReadOne("BEGIN:VCARD\nFN;CHARSET=ISO-8859-1:Ren\xE9\nEND:VCARD\n");
  EXPECT_EQ(latin1.formatted_name, "René");
  const Contact cp1252 =
      ReadOne("BEGIN:VCARD\nNOTE;CHARSET=windows-1252:\x93Quoted\x94 \x80\nEND:VCARD\n");
  EXPECT_THAT(Notes(cp1252), ElementsAre("“Quoted” €"));
  const Contact qp_latin1 = ReadOne(
      "BEGIN:VCARD\nVERSION:2.1\nFN;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:J=FCrgen\n"
      "END:VCARD\n");
  EXPECT_EQ(qp_latin1.formatted_name, "Jürgen");
  // No CHARSET and not UTF-8: read as windows-1252.
  const Contact unlabeled = ReadOne("BEGIN:VCARD\nFN:Fran\xE7ois\nEND:VCARD\n");
  EXPECT_EQ(unlabeled.formatted_name, "François");
}

TEST(VcardLexTest, Base64TextValue) {
  const Contact c = ReadOne("BEGIN:VCARD\nFN;ENCODING=b:Sm9obiBEb2U=\nEND:VCARD\n");
  EXPECT_EQ(c.formatted_name, "John Doe");
}

TEST(VcardLexTest, ValuesTrimmedAndEmptyValuesNotStored) {
  const Contact c = ReadOne(
      "BEGIN:VCARD\nFN:  Ann  \nEMAIL:\nEMAIL: a@x.org \nTEL: \nNOTE:\nURL:\nTITLE:\n"
      "X-SPOUSE:\nEND:VCARD\n");
  EXPECT_EQ(c.formatted_name, "Ann");
  EXPECT_THAT(Emails(c), ElementsAre("a@x.org /"));
  EXPECT_THAT(c.phones, IsEmpty());
  EXPECT_THAT(c.notes, IsEmpty());
  EXPECT_THAT(c.urls, IsEmpty());
  EXPECT_THAT(c.related, IsEmpty());
  EXPECT_EQ(c.title, "");
}

TEST(VcardLexTest, DateForms) {
  const auto bday = [](std::string_view value) {
    return Day(ReadOne("BEGIN:VCARD\nBDAY:" + std::string(value) + "\nEND:VCARD\n").birthday);
  };
  EXPECT_EQ(bday("1990-04-15"), "1990-04-15");
  EXPECT_EQ(bday("19900415"), "1990-04-15");
  EXPECT_EQ(bday("--0415"), "--04-15");
  EXPECT_EQ(bday("--04-15"), "--04-15");
  EXPECT_EQ(bday("--0229"), "--02-29");
  EXPECT_EQ(bday("1990-04-15T10:30:00Z"), "1990-04-15");
  EXPECT_EQ(bday("19900415T103000"), "1990-04-15");
  EXPECT_EQ(bday("1990"), "none");  // valid vCard 4.0, but no day of the year
  EXPECT_EQ(bday("1990-04"), "none");
  EXPECT_EQ(bday("---15"), "none");
  const Contact apple = ReadOne(
      "BEGIN:VCARD\nBDAY;X-APPLE-OMIT-YEAR=1604:1604-03-15\nANNIVERSARY:--1224\nEND:VCARD\n");
  EXPECT_EQ(Day(apple.birthday), "--03-15");
  EXPECT_EQ(Day(apple.anniversary), "--12-24");
  const Contact text = ReadOne("BEGIN:VCARD\nBDAY;VALUE=text:circa 1800\nEND:VCARD\n");
  EXPECT_EQ(Day(text.birthday), "none");
}

TEST(VcardLexTest, RelatedTypesAndOtherVendors) {
  const Contact c = ReadOne(
      "BEGIN:VCARD\nVERSION:4.0\nRELATED;TYPE=friend:urn:uuid:03a0e51f-d1aa-4385-8a53-"
      "e29025acd8af\n"
      "RELATED;VALUE=text;TYPE=co-worker,pref:Pat\nRELATED;VALUE=text:Sam\nX-MS-CHILD:Kid\n"
      "X-KADDRESSBOOK-X-ManagersName:Boss\nX-KADDRESSBOOK-X-Anniversary:2001-02-03\n"
      "X-MANAGER:Other Boss\nEND:VCARD\n");
  EXPECT_THAT(Relations(c),
              ElementsAre("friend: urn:uuid:03a0e51f-d1aa-4385-8a53-e29025acd8af", "colleague: Pat",
                          "related: Sam", "child: Kid", "manager: Boss", "manager: Other Boss"));
  EXPECT_EQ(Day(c.anniversary), "2001-02-03");
}

TEST(VcardLexTest, AlliesOwnProperties) {
  const Contact c = ReadOne(
      "BEGIN:VCARD\nVERSION:4.0\nX-ALLIES-OFFER;RATING=4:budget\nX-ALLIES-OFFER:intros\n"
      "X-ALLIES-NEED:hiring\nX-ALLIES-CLOSENESS:3\nX-ALLIES-CADENCE-DAYS:30\n"
      "X-ALLIES-REPORTS-TO:ceo@x.org\nX-ALLIES-WORK-ANNIVERSARY:20150601\n"
      "X-ALLIES-CONNECTED-ON:2020-01-02\n"
      "X-ALLIES-NOTE;AT=\"2024-05-06T07:08:09Z\":Met at KubeCon\nNOTE:plain\nEND:VCARD\n");
  ASSERT_EQ(c.offers.size(), 2U);
  EXPECT_EQ(c.offers[0], (core::Offer{"budget", 4}));
  EXPECT_EQ(c.offers[1], (core::Offer{"intros", 0}));
  EXPECT_THAT(c.needs, ElementsAre("hiring"));
  EXPECT_EQ(c.closeness, 3);
  EXPECT_EQ(c.cadence_days, 30);
  EXPECT_EQ(c.reports_to, "ceo@x.org");
  EXPECT_EQ(Day(c.work_anniversary), "2015-06-01");
  ASSERT_TRUE(c.connected_on);
  EXPECT_EQ(core::FormatDate(*c.connected_on), "2020-01-02");
  ASSERT_EQ(c.notes.size(), 2U);
  EXPECT_EQ(c.notes[0].text, "Met at KubeCon");
  ASSERT_TRUE(c.notes[0].at);
  EXPECT_EQ(core::FormatUtc(*c.notes[0].at), "2024-05-06T07:08:09Z");
  EXPECT_FALSE(c.notes[1].at);
}

TEST(VcardLexTest, ByteOrderMarks) {
  EXPECT_EQ(ReadOne("\xEF\xBB\xBF"
                    "BEGIN:VCARD\nFN:Ann\nEND:VCARD\n")
                .formatted_name,
            "Ann");
  std::string utf16 = "\xFF\xFE";
  for (const char ch : std::string("BEGIN:VCARD\r\nFN:Ann\r\nEND:VCARD\r\n")) {
    utf16 += ch;
    utf16 += '\0';
  }
  EXPECT_EQ(ReadOne(utf16).formatted_name, "Ann");
}

TEST(VcardLexTest, MixedVersionsAreNamedInTheFormat) {
  const ContactFile file = Read(
      "BEGIN:VCARD\nVERSION:3.0\nFN:A\nEND:VCARD\nBEGIN:VCARD\nVERSION:2.1\nFN:B\nEND:VCARD\n"
      "BEGIN:VCARD\nVERSION:3.0\nFN:C\nEND:VCARD\n");
  EXPECT_EQ(file.format, "vcard 2.1+3.0");
  EXPECT_EQ(Read("BEGIN:VCARD\nFN:A\nEND:VCARD\n").format, "vcard");
}

TEST(VcardLexTest, TypesFromBrokenBytesAreStillUtf8) {
  const Contact c = ReadOne("BEGIN:VCARD\nEMAIL;TYPE=W\xD6RK:a@x.org\nEND:VCARD\n");
  EXPECT_THAT(Emails(c), ElementsAre("a@x.org /w\xEF\xBF\xBDrk"));
}

TEST(VcardLexTest, UnmappedPropertiesNeverFailACard) {
  const Contact c = ReadOne(
      "BEGIN:VCARD\nVERSION:2.1\nX-FOO;ENCODING=QUOTED-PRINTABLE:=ZZ\nKEY;ENCODING=BASE64:!!!\n"
      "ADR;CHARSET=x-nonsense:\xFF\nLABEL;CHARSET=UTF-8:\xC3\nFN:Ok\nEND:VCARD\n");
  EXPECT_EQ(c.formatted_name, "Ok");
}

// ---------------------------------------------------------------------------------------------
// Errors

TEST(VcardErrorTest, NotAVcardFile) {
  for (const std::string_view text : {std::string_view(""), std::string_view("hello\nworld\n"),
                                      std::string_view("FN:Ann\nEND:VCARD\n")}) {
    auto file = ReadVcard(text);
    ASSERT_FALSE(file);
    EXPECT_EQ(file.error().code, core::ErrorCode::kInvalidArgument);
    EXPECT_EQ(file.error().message,
              "this is not a vCard file: no line reads BEGIN:VCARD (expected a vCard 2.1, 3.0 "
              "or 4.0 address book, .vcf)");
  }
}

TEST(VcardErrorTest, BadDateRefusesThatCardOnly) {
  const ContactFile file = Read(
      "BEGIN:VCARD\nVERSION:3.0\nFN:Ann\nEND:VCARD\nBEGIN:VCARD\nVERSION:3.0\nFN:Bob\n"
      "BDAY:1990-13-45\nEND:VCARD\nBEGIN:VCARD\nFN:Cy\nEND:VCARD\n");
  ASSERT_EQ(file.contacts.size(), 2U);
  EXPECT_EQ(file.contacts[0].formatted_name, "Ann");
  EXPECT_EQ(file.contacts[1].formatted_name, "Cy");
  ASSERT_EQ(file.errors.size(), 1U);
  const RecordError& e = file.errors[0];
  EXPECT_EQ(e.line, 8U);
  EXPECT_EQ(e.property, "BDAY");
  EXPECT_EQ(e.value, "1990-13-45");
  EXPECT_EQ(e.message,
            "BDAY \"1990-13-45\" is not a date (expected YYYY-MM-DD, YYYYMMDD, --MM-DD or --MMDD, "
            "optionally followed by a time)");
}

TEST(VcardErrorTest, BadQuotedPrintableInMappedProperty) {
  const ContactFile file =
      Read("BEGIN:VCARD\r\nVERSION:2.1\r\nFN;ENCODING=QUOTED-PRINTABLE:Caf=E9=ZZ\r\nEND:VCARD\r\n");
  EXPECT_THAT(file.contacts, IsEmpty());
  ASSERT_EQ(file.errors.size(), 1U);
  EXPECT_EQ(file.errors[0].line, 3U);
  EXPECT_EQ(file.errors[0].property, "FN");
  EXPECT_EQ(file.errors[0].value, "Caf=E9=ZZ");
  EXPECT_EQ(file.errors[0].message,
            "FN \"Caf=E9=ZZ\" has a bad quoted-printable sequence \"=ZZ\" (expected = and two "
            "hex digits)");
}

TEST(VcardErrorTest, UndecodableCharsetInName) {
  const ContactFile bad_utf8 = Read("BEGIN:VCARD\nFN;CHARSET=UTF-8:Caf\xE9\nEND:VCARD\n");
  ASSERT_EQ(bad_utf8.errors.size(), 1U);
  EXPECT_EQ(bad_utf8.errors[0].line, 2U);
  EXPECT_EQ(bad_utf8.errors[0].value, "Caf\xEF\xBF\xBD");  // shown repaired
  EXPECT_EQ(bad_utf8.errors[0].message,
            "FN \"Caf\xEF\xBF\xBD\" is not valid UTF-8 text (CHARSET=UTF-8)");

  const ContactFile unknown = Read("BEGIN:VCARD\nFN;CHARSET=x-klingon:abc\nEND:VCARD\n");
  ASSERT_EQ(unknown.errors.size(), 1U);
  EXPECT_EQ(unknown.errors[0].property, "FN");
  EXPECT_THAT(unknown.errors[0].message,
              testing::StartsWith("FN \"abc\" cannot be read as CHARSET=x-klingon: unknown "
                                  "charset \"x-klingon\""));
  EXPECT_THAT(unknown.contacts, IsEmpty());

  // 0x81 is undefined in windows-1252 and not UTF-8 either.
  const ContactFile neither = Read("BEGIN:VCARD\nFN:A\x81\nEND:VCARD\n");
  ASSERT_EQ(neither.errors.size(), 1U);
  EXPECT_EQ(neither.errors[0].message,
            "FN \"A\xEF\xBF\xBD\" is neither UTF-8 nor windows-1252 text (expected a CHARSET "
            "parameter naming its encoding)");
}

TEST(VcardErrorTest, BadBase64InMappedProperty) {
  const ContactFile file = Read("BEGIN:VCARD\nNOTE;ENCODING=b:ab!c\nEND:VCARD\n");
  ASSERT_EQ(file.errors.size(), 1U);
  EXPECT_EQ(file.errors[0].message,
            "NOTE \"ab!c\" is not base64 (byte \"!\" is not in the base64 alphabet)");
}

TEST(VcardErrorTest, TruncatedFileRefusesTheLastCard) {
  const ContactFile file =
      Read("BEGIN:VCARD\nFN:Ann\nEND:VCARD\nBEGIN:VCARD\nFN:Bob\nEMAIL:bob@x.org\n");
  ASSERT_EQ(file.contacts.size(), 1U);
  ASSERT_EQ(file.errors.size(), 1U);
  EXPECT_EQ(file.errors[0].line, 4U);
  EXPECT_EQ(file.errors[0].property, "BEGIN");
  EXPECT_EQ(file.errors[0].message, "BEGIN:VCARD has no END:VCARD (the file ends first)");
}

TEST(VcardErrorTest, BeginInsideACardRefusesTheUnfinishedOne) {
  const ContactFile file = Read("BEGIN:VCARD\nFN:Ann\nBEGIN:VCARD\nFN:Bob\nEND:VCARD\nEND:VCARD\n");
  ASSERT_EQ(file.contacts.size(), 1U);
  EXPECT_EQ(file.contacts[0].formatted_name, "Bob");
  ASSERT_EQ(file.errors.size(), 2U);
  EXPECT_EQ(file.errors[0].line, 1U);
  EXPECT_EQ(file.errors[0].message,
            "BEGIN:VCARD has no END:VCARD before the next BEGIN:VCARD on line 3");
  EXPECT_EQ(file.errors[1].line, 6U);
  EXPECT_EQ(file.errors[1].message, "END:VCARD without a BEGIN:VCARD before it");
}

TEST(VcardErrorTest, AlliesNumbersOutOfRange) {
  const ContactFile file = Read(
      "BEGIN:VCARD\nX-ALLIES-CLOSENESS:9\nEND:VCARD\nBEGIN:VCARD\nX-ALLIES-CADENCE-DAYS:soon\n"
      "END:VCARD\nBEGIN:VCARD\nX-ALLIES-OFFER;RATING=7:budget\nEND:VCARD\n"
      "BEGIN:VCARD\nX-ALLIES-NOTE;AT=yesterday:hi\nEND:VCARD\n");
  EXPECT_THAT(file.contacts, IsEmpty());
  ASSERT_EQ(file.errors.size(), 4U);
  EXPECT_EQ(file.errors[0].message, "X-ALLIES-CLOSENESS \"9\" is not a whole number from 0 to 5");
  EXPECT_EQ(file.errors[1].message,
            "X-ALLIES-CADENCE-DAYS \"soon\" is not a whole number of days from 1 to 36500");
  EXPECT_EQ(file.errors[2].line, 8U);
  EXPECT_EQ(file.errors[2].message,
            "X-ALLIES-OFFER RATING \"7\" is not a whole number from 0 to 5");
  EXPECT_EQ(file.errors[3].message,
            "X-ALLIES-NOTE AT \"yesterday\" is not a UTC time (expected YYYY-MM-DDTHH:MM:SSZ)");
}

TEST(VcardErrorTest, LongBadValueIsShortenedAtACharacterBoundary) {
  const std::string value = Repeat("é", 60);  // 120 bytes
  const ContactFile file = Read("BEGIN:VCARD\nBDAY:" + value + "\nEND:VCARD\n");
  ASSERT_EQ(file.errors.size(), 1U);
  EXPECT_EQ(file.errors[0].value, Repeat("é", 40) + "...");
  EXPECT_TRUE(IsValidUtf8(file.errors[0].message));
}

// ---------------------------------------------------------------------------------------------
// Writer

Contact RichContact() {
  Contact c;
  c.formatted_name = "Zoë O'Brien-Łukasiewicz, PhD";
  c.family = "O'Brien-Łukasiewicz";
  c.given = "Zoë";
  c.additional = "Anne; Marie";
  c.prefix = "Dr.";
  c.suffix = "PhD";
  c.nickname = "Zo, the boss";
  c.organization = "Ünited; Widgets, Inc.";
  c.department = "R&D\\Platform";
  c.title = "VP Engineering";
  c.role = "sponsor";
  c.emails = {{"Zoe@Example.com", "work"}, {"zoe@home.example", "home"}, {"z@x.org", ""}};
  c.phones = {{"+44 20 7946 0958", "cell"}, {"+44 20 7946 0000", "fax"}, {"555", ""}};
  c.birthday = core::MonthDay{2, 29, std::nullopt};
  c.anniversary = core::MonthDay{6, 1, 1999};
  c.work_anniversary = core::MonthDay{9, 15, 2012};
  c.notes = {{"First line\nsecond line, with; punctuation \\ and a backslash", std::nullopt},
             {"Long note" + Repeat(" 日本語のテキスト", 30), Utc("2024-03-01T09:30:00Z")},
             {"CRLF\r\ninside", std::nullopt}};
  c.categories = {"board", "a,b", "ml; ai"};
  c.related = {{"spouse", "Sam"}, {"manager", "Ann Lee"}, {"related", "urn:uuid:123"}};
  c.urls = {"https://example.com/a,b;c", "http://x.org"};
  c.uid = "urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1";
  c.connected_on = core::Date{std::chrono::year{2019}, std::chrono::month{4}, std::chrono::day{3}};
  c.offers = {{"budget", 5}, {"intros, security", 0}};
  c.needs = {"a CISO", "cloud; cost"};
  c.closeness = 4;
  c.cadence_days = 21;
  c.reports_to = "ceo@example.com";
  return c;
}

TEST(VcardWriteTest, ExactOutputOfASmallContact) {
  Contact c;
  c.formatted_name = "Ann, Lee";
  c.family = "Lee";
  c.given = "Ann";
  c.emails = {{"ann@x.org", "work"}};
  c.birthday = core::MonthDay{4, 15, 1990};
  c.notes = {{"a;b\nc", std::nullopt}};
  EXPECT_EQ(WriteVcard({c}),
            "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ann\\, Lee\r\nN:Lee;Ann;;;\r\n"
            "EMAIL;TYPE=work;PREF=1:ann@x.org\r\nBDAY:19900415\r\nNOTE:a\\;b\\nc\r\n"
            "END:VCARD\r\n");
}

TEST(VcardWriteTest, LinesAreFoldedAt75OctetsWithoutSplittingCharacters) {
  Contact c;
  c.formatted_name = "X";
  c.notes = {{Repeat("ä€𝄞x", 100), std::nullopt}};  // 2-, 3- and 4-byte characters
  const std::string out = WriteVcard({c});
  std::size_t start = 0;
  int continuations = 0;
  while (start < out.size()) {
    const std::size_t end = out.find("\r\n", start);
    ASSERT_NE(end, std::string::npos);
    const std::string_view line(out.data() + start, end - start);
    EXPECT_LE(line.size(), 75U) << line;
    if (line.starts_with(' ')) {
      ++continuations;
      EXPECT_TRUE(IsValidUtf8(line.substr(1))) << "fold split a character";
    } else {
      EXPECT_TRUE(IsValidUtf8(line));
    }
    start = end + 2;
  }
  EXPECT_GT(continuations, 10);
  const Contact back = ReadOne(out);
  EXPECT_THAT(Notes(back), ElementsAre(Repeat("ä€𝄞x", 100)));
}

TEST(VcardWriteTest, RoundTripOfRichContacts) {
  Contact rich = RichContact();
  Contact empty_name;  // no FN at all: stays empty, the app builds a name
  empty_name.given = "Solo";
  empty_name.phones = {{"1", "pager"}};
  Contact only_department;
  only_department.formatted_name = "D";
  only_department.department = "Ops";
  const std::vector<Contact> contacts = {rich, empty_name, only_department};
  const std::string text = WriteVcard(contacts);
  const ContactFile file = Read(text);
  EXPECT_EQ(file.format, "vcard 4.0");
  EXPECT_THAT(file.errors, IsEmpty());
  ASSERT_EQ(file.contacts.size(), contacts.size());
  // CRs in text come back as LF (documented).
  rich.notes[2].text = "CRLF\ninside";
  EXPECT_EQ(Dump(file.contacts[0]), Dump(rich));
  EXPECT_EQ(Dump(file.contacts[1]), Dump(empty_name));
  EXPECT_EQ(Dump(file.contacts[2]), Dump(only_department));
  // The dump must see every field: a changed field changes it.
  Contact changed = rich;
  changed.offers[0].rating = 4;
  EXPECT_NE(Dump(changed), Dump(rich));
}

TEST(VcardWriteTest, EveryFixtureReadsTheSameAfterWriting) {
  for (const std::string& name : FixtureNames()) {
    const ContactFile original = ReadFixture(name);
    ASSERT_FALSE(original.contacts.empty()) << name;
    const ContactFile again = Read(WriteVcard(original.contacts));
    EXPECT_THAT(again.errors, IsEmpty()) << name;
    ASSERT_EQ(again.contacts.size(), original.contacts.size()) << name;
    for (std::size_t i = 0; i < original.contacts.size(); ++i) {
      EXPECT_EQ(Dump(again.contacts[i]), Dump(original.contacts[i])) << name << " card " << i;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Large files are read in parts, one thread each: the parts must read as the whole does.

// Everything a read gives, `line` and `photos` too, one thing per line.
std::string DumpFile(const ContactFile& file) {
  std::ostringstream out;
  out << "format=" << file.format << "\n";
  for (const Contact& c : file.contacts) {
    out << "--- line " << c.line << ", " << c.photos << " photos\n" << Dump(c);
  }
  for (const RecordError& e : file.errors) {
    out << "!!! " << e.line << " " << e.property << " " << e.value << ": " << e.message << "\n";
  }
  return out.str();
}

std::string DumpInParts(std::string_view bytes, std::size_t parts) {
  auto file = vcard_internal::ReadVcardInParts(bytes, parts);
  return file ? DumpFile(*file) : "error: " + file.error().message;
}

// Every place a part may start, and the places it must not: a card left open by the part
// before (a quoted-printable soft line break just before BEGIN:VCARD, a file ending inside a
// card), a BEGIN:VCARD line continued by a fold, one with more on the line, lower case, CR CR LF
// line ends, a stray END:VCARD, a refused card.
constexpr std::string_view kTricky =
    "junk before the first card\r\n"
    "BEGIN:VCARD\r\nVERSION:2.1\r\nN;ENCODING=QUOTED-PRINTABLE:Soft=\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann\r\nEND:VCARD\r\n"
    "begin:vcard\nVERSION:4.0\nFN:lower case\nend:vcard\n"
    "BEGIN:VCARD\nVERSION:3.0\nFN:Holds odd lines\n"
    "BEGIN:VCARD\n FOLDED:into the marker\n"
    "BEGIN:VCARD;X=1\n"
    "NOTE:still the same card\nEND:VCARD\n"
    "BEGIN:VCARD \nVERSION:3.0\nFN:Trailing space\nEND:VCARD\n"
    "END:VCARD\n"
    "BEGIN:VCARD\r\r\nVERSION:3.0\r\r\nFN:Cr Cr Lf\r\r\nEND:VCARD\r\r\n"
    "BEGIN:VCARD\nVERSION:3.0\nFN:Bad date\nBDAY:1990-13-45\nEND:VCARD\n"
    "\n\nBEGIN:VCARD\nVERSION:2.1\nFN;ENCODING=QUOTED-PRINTABLE:Caf=C3=A9 =\nau lait\nEND:VCARD\n"
    "BEGIN:VCARD\nVERSION:3.0\nFN:Unfinished\n";

TEST(VcardPartsTest, AnyNumberOfPartsReadsLikeOneAtEveryPlaceAPartCanStart) {
  const std::string whole = DumpInParts(kTricky, 1);
  // What the whole file reads as, so that the comparisons below compare something.
  EXPECT_THAT(whole, HasSubstr("fn=Ann\n"));
  EXPECT_THAT(whole, HasSubstr("fn=Holds odd lines\n"));
  EXPECT_THAT(whole, HasSubstr("fn=Café au lait\n"));
  EXPECT_THAT(whole, HasSubstr("!!! 2 BEGIN VCARD: BEGIN:VCARD has no END:VCARD before the next "
                               "BEGIN:VCARD on line 5"));
  EXPECT_THAT(whole, HasSubstr("the file ends first"));
  EXPECT_THAT(whole, HasSubstr("END:VCARD without a BEGIN:VCARD"));
  EXPECT_THAT(whole, HasSubstr("BDAY 1990-13-45"));
  // More parts than places to cut: every eligible BEGIN:VCARD starts a part somewhere here.
  for (std::size_t parts = 2; parts <= 40; ++parts) {
    EXPECT_EQ(DumpInParts(kTricky, parts), whole) << parts << " parts";
  }
}

TEST(VcardPartsTest, AFileOfCrLineEndsReadsLikeOneInParts) {
  std::string classic(kTricky);
  classic.erase(std::remove(classic.begin(), classic.end(), '\n'), classic.end());
  const std::string whole = DumpInParts(classic, 1);
  EXPECT_THAT(whole, HasSubstr("fn=Ann\n"));
  for (std::size_t parts = 2; parts <= 40; ++parts) {
    EXPECT_EQ(DumpInParts(classic, parts), whole) << parts << " parts";
  }
}

TEST(VcardPartsTest, EveryFixtureTogetherReadsLikeOneInParts) {
  std::string all;
  for (const std::string& name : FixtureNames()) {
    std::string bytes = ReadBytes(VcardDir() / name);
    if (bytes.starts_with("\xEF\xBB\xBF")) bytes.erase(0, 3);
    if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) continue;  // UTF-16
    all += bytes;
    if (!all.ends_with('\n')) all += "\r\n";
  }
  const std::string whole = DumpInParts(all, 1);
  EXPECT_GT(std::count(whole.begin(), whole.end(), '-'), 100);
  for (std::size_t parts : {2, 3, 5, 8, 13, 64, 400}) {
    EXPECT_EQ(DumpInParts(all, parts), whole) << parts << " parts";
  }
}

TEST(VcardPartsTest, AFileOfSeveralMebibytesReadsTheSameAsInOnePart) {
  // Over ReadVcard's 4 MiB a part: read on every core there is (at least two parts on two).
  std::string big;
  for (int i = 0; big.size() < (std::size_t{9} << 20U); ++i) {
    big += "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person " + std::to_string(i) + "\r\nEMAIL:p" +
           std::to_string(i) + "@example.com\r\nNOTE:" + std::string(200, 'x') + "\r\n" +
           (i % 1000 == 999 ? "BDAY:not a date\r\n" : "") + "END:VCARD\r\n";
  }
  auto whole = ReadVcard(big);
  ASSERT_TRUE(whole);
  EXPECT_GT(whole->contacts.size(), 30000U);
  EXPECT_EQ(whole->errors.size(), (whole->contacts.size() + whole->errors.size()) / 1000);
  EXPECT_EQ(DumpFile(*whole), DumpInParts(big, 1));
}

// ---------------------------------------------------------------------------------------------
// Robustness: damaged files give a result or an error, never a crash or a hang.

TEST(VcardRobustnessTest, TruncationsAndByteFlipsOfEveryFixture) {
  for (const std::string& name : FixtureNames()) {
    const std::string bytes = ReadBytes(VcardDir() / name);
    std::vector<std::string> variants;
    constexpr std::size_t kCuts = 50;
    for (std::size_t i = 0; i < kCuts; ++i)
      variants.push_back(bytes.substr(0, bytes.size() * i / kCuts));
    constexpr std::size_t kFlips = 200;
    const char values[] = {'\0', '\r', '\n', ':', ';', '=', ' ', '\\', '"', '^', '\xC3', '\xFF'};
    for (std::size_t i = 0; i < kFlips; ++i) {
      std::string flipped = bytes;
      const std::size_t at = (i * 7919U) % bytes.size();
      flipped[at] = values[i % sizeof values];
      variants.push_back(std::move(flipped));
    }
    for (const std::string& variant : variants) {
      const auto started = std::chrono::steady_clock::now();
      auto file = ReadVcard(variant);
      const auto elapsed = std::chrono::steady_clock::now() - started;
      EXPECT_LT(elapsed, std::chrono::seconds(1)) << name;
      if (file) {
        for (const Contact& c : file->contacts) EXPECT_TRUE(IsValidUtf8(Dump(c))) << name;
        for (const RecordError& e : file->errors) EXPECT_TRUE(IsValidUtf8(e.message)) << name;
        (void)WriteVcard(file->contacts);
      }
    }
  }
}

}  // namespace
}  // namespace allies::formats
