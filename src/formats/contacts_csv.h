#pragma once
// Contacts in CSV files: the exports of LinkedIn, Google Contacts, Outlook, Windows Live Mail and
// Thunderbird, Allies' own CSV, and any other table whose columns the user maps with --map.
//
// Presets. The header row is compared with each preset's required columns (names compared
// case-insensitively, surrounding blanks ignored); the first preset whose required columns are all
// there is used, and ContactFile::format says which ("csv linkedin"). Columns a preset does not
// know (addresses, Gender, ...) are ignored.
//   allies        WriteContactsCsv's header (required: Offers, Needs, Cadence Days)
//   linkedin      Connections.csv, current (with the "Notes:" preamble and URL) and 2018 layouts
//                 (required: First Name, Last Name, Company, Position, Connected On)
//   google-legacy Gmail's "Google CSV" until about 2020 (required: Given Name, Family Name,
//                 Group Membership)
//   google        contacts.google.com's "Google CSV" (required: First Name, Last Name, Labels)
//   thunderbird   (required: First Name, Last Name, Display Name, Primary Email)
//   outlook       Outlook desktop, Outlook.com and Google's "Outlook CSV", English (required:
//                 E-mail Address, and First Name or Name)
//   outlook-de    Outlook desktop, German (required: Vorname, Nachname, E-Mail-Adresse)
//   live-mail-de  Windows Live Mail, German, ';'-separated (required: Name, E-Mail-Adresse)
// Any other header needs the user's --map pairs; the format is then "csv custom".
//
// The header row is the first row that is not blank, except that a LinkedIn file may start with
// its "Notes:" preamble (a "Notes:" line, a quoted disclaimer, a blank line), which is skipped.
//
// Cells. Values are trimmed of blanks (spaces, TABs, line ends). In columns that hold several
// values they are split at " ::: " (Google) and line ends; emails, tags (Categories, Labels,
// Group Membership), needs and offers also at ';' and ','; Google's "* " mark is removed, and the
// system group "myContacts" / "My Contacts" is dropped. Google's "E-mail 1 - Type"/"- Label"
// columns give the type of "E-mail 1 - Value" ("* Home" -> "home", first in the list; "Mobile" ->
// "cell"), and the same for phones, websites, relations and events (an event labelled
// "Anniversary" is the anniversary; other events are ignored). Offers are "key=rating" (0-5) or a
// bare key (rating 0); closeness is 0-5, cadence-days 1-36500. An email cell holding an
// Exchange address ("/o=...") is skipped; LinkedIn's "urn:li:..." in the email column becomes the
// uid. Other email values must look like local@domain. Outlook's "0.0.00" and "0/0/00" mean no
// date.
//
// Dates (birthday, anniversary, connected-on). Accepted: YYYY-MM-DD, YYYY/MM/DD and --MM-DD;
// D.M.YYYY and D.M. (day first); "24 Oct 2024", "24 October 2024", "Oct 24, 2024" (English month
// names); and A/B/YYYY or A-B-YYYY. Those last are ambiguous, so their order is decided per
// column: day first when some value's first number is above 12, month first when some value's
// second number is, else the preset's habit (day first for outlook-de and live-mail-de, month
// first for the others and for --map alone). A two-digit year YY is 19YY from 69 on and 20YY
// below (POSIX strptime's %y). A time after the date (", 6:14 PM", " 00:00:00") is ignored.
// Connected On needs a year.
//
// Rows. Rows that are entirely blank are skipped. A row with fewer fields than the header is
// padded with empty fields; one with more is a RecordError unless the extra fields are all empty.
// A row that arrives as one field holding the whole row in quotes (a spreadsheet's re-save) is
// split again. A bad value (a date that is not a date, an email without '@', a closeness above 5)
// makes the row a RecordError (the value's line, its column, the value, what is accepted) and the
// row is left out.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"
#include "formats/contact.h"
#include "formats/csv.h"

namespace allies::formats {

struct ContactsCsvOptions {
  CsvOptions csv;
  // --map COLUMN=FIELD pairs, in order: COLUMN is a header name (compared as presets compare),
  // FIELD one of ContactFieldNames(). They override the preset's use of that column, or add to it;
  // with an unknown header they are the whole mapping. A column mapped twice takes the last FIELD.
  std::vector<std::pair<std::string, std::string>> map;
};

// Reads contacts from CSV bytes (charset and delimiter as options.csv says, else detected).
// Errors (kInvalidArgument): those of ReadCsv; a file with no header row, or a LinkedIn preamble
// with no header after it; an unknown header and no --map (the message lists the columns found and
// says to use --map COLUMN=FIELD); a --map FIELD that is not in ContactFieldNames() (listing them);
// a --map COLUMN that the header does not have (listing the columns). Bad rows are not errors of
// the file: they land in ContactFile::errors. O(bytes).
[[nodiscard]] core::Result<ContactFile> ReadContactsCsv(std::string_view bytes,
                                                        const ContactsCsvOptions& options);

// Writes contacts as Allies' own CSV (WriteCsv's dialect): one row per contact under the header
// Name, First Name, Middle Name, Last Name, Prefix, Suffix, Nickname, Organization, Department,
// Title, Role, Emails, Phones, Birthday, Anniversary, Work Anniversary, Connected On, Notes, Tags,
// Related, URLs, UID, Offers, Needs, Closeness, Cadence Days, Reports To.
// Single values are written as they are. A cell with several values holds one per line, each
// escaped so that line ends and backslashes survive (`\n`, `\r`, `\\`; a backslash before any
// other character stands for that character): emails, phones and related as "type: value" (no
// prefix when the type is empty), notes as "[YYYY-MM-DDTHH:MM:SSZ] text" when dated, offers as
// "key=rating". Dates are YYYY-MM-DD, or --MM-DD without a year.
// ReadContactsCsv reads it back as preset "allies" with every field equal except `line` and
// `photos` (not written), provided the text is trimmed valid UTF-8 and types are lower-case words
// without blanks, as contact.h's conventions have them. O(output bytes).
std::string WriteContactsCsv(const std::vector<Contact>& contacts);

// The FIELD names --map accepts, in the order help text lists them: "name", "first", "middle",
// "last", ..., "email", "email:work", ..., "ignore" (drops a preset's column).
std::vector<std::string> ContactFieldNames();

}  // namespace allies::formats
