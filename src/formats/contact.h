#pragma once
// A contact as an address-book file states it, before it meets the database. The vCard and CSV
// readers produce these records and the writers consume them; app/ maps them onto people and
// decides what is the same person. Plain values, no behaviour.
//
// Conventions every reader follows:
//  - All text is valid UTF-8 (decoded from the file's charset), unescaped, trimmed of surrounding
//    blanks; empty means "not stated".
//  - Email and phone types are lower-case words ("work", "home", "cell", "fax", "other", ...);
//    the preferred one comes first.
//  - `line` numbers are 1-based physical lines of the original file, counting the line ends the
//    file uses (CRLF, LF or a bare CR between lines all count as one).

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/model.h"
#include "core/time.h"

namespace allies::formats {

// A relation stated on the card: RELATED, X-SPOUSE, X-MS-MANAGER, X-ABRELATEDNAMES + label, ...
struct ContactRelation {
  std::string kind;  // lower-case: "spouse", "child", "parent", "manager", "assistant", "friend",
                     // "partner", "sibling", "colleague", ... or "related" when unstated
  std::string name;  // the related person's name (or URI text, e.g. "urn:uuid:..." or a mailto)
  bool operator==(const ContactRelation&) const = default;
};

struct ContactNote {
  std::string text;
  std::optional<core::TimePoint> at;  // when the file says (Allies' own exports); else unset
  bool operator==(const ContactNote&) const = default;
};

struct Contact {
  std::size_t line = 0;  // where the record starts in its file

  std::string formatted_name;  // FN; CSV "Display Name"
  // Structured name (vCard N; CSV first/middle/last columns).
  std::string family;
  std::string given;
  std::string additional;
  std::string prefix;
  std::string suffix;
  std::string nickname;

  std::string organization;  // ORG's first component; CSV "Company"
  std::string department;    // ORG's second component; CSV "Department"
  std::string title;         // TITLE; CSV "Job Title" / LinkedIn "Position"
  std::string role;          // ROLE

  std::vector<core::Email> emails;
  std::vector<core::Phone> phones;
  std::optional<core::MonthDay> birthday;
  std::optional<core::MonthDay> anniversary;       // ANNIVERSARY, X-ANNIVERSARY, Apple's label
  std::optional<core::MonthDay> work_anniversary;  // Allies' own X-ALLIES-WORK-ANNIVERSARY;
                                                   // LinkedIn's "Connected On" is not this
  std::vector<ContactNote> notes;
  std::vector<std::string> categories;  // CATEGORIES; CSV "Categories"/"Labels" -> tags
  std::vector<ContactRelation> related;
  std::vector<std::string> urls;
  std::string uid;  // UID; LinkedIn's profile URL; empty when the file has none
  std::optional<core::Date> connected_on;  // LinkedIn "Connected On"

  // Allies' own extension properties, so that an export re-imports without loss.
  std::vector<core::Offer> offers;  // X-ALLIES-OFFER;RATING=n:key
  std::vector<std::string> needs;   // X-ALLIES-NEED
  std::optional<int> closeness;     // X-ALLIES-CLOSENESS (0..5)
  std::optional<int> cadence_days;  // X-ALLIES-CADENCE-DAYS
  std::string reports_to;           // X-ALLIES-REPORTS-TO: the manager's email or name

  int photos = 0;  // PHOTO / X-MS-CARDPICTURE / LOGO seen and skipped
};

// A record the reader could not accept. The app prefixes the file name:
// `contacts.vcf:214: BDAY "1990-13-45" is not a date (expected YYYY-MM-DD or --MMDD)`.
struct RecordError {
  std::size_t line = 0;  // the offending line (not just the record's first line)
  std::string property;  // "BDAY", "DTSTART", a CSV column name, ... or empty
  std::string value;     // the offending value as written (shortened to ~80 bytes)
  std::string message;   // one sentence: what is wrong and what is accepted
};

// What a contacts file holds: the records read, and the records refused. A refused record is
// absent from `contacts`; whether that fails the import is the app's decision (--skip-bad).
struct ContactFile {
  std::vector<Contact> contacts;
  std::vector<RecordError> errors;
  std::string format;  // what was recognised: "vcard 2.1", "vcard 3.0", "csv linkedin", ...
};

}  // namespace allies::formats
