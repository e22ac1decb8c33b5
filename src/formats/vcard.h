#pragma once
// vCard address books (RFC 2426 / RFC 6350 and the vCard 2.1 that phones and Outlook still
// write): bytes <-> Contact records.
//
// What the reader accepts:
//  - vCard 2.1, 3.0 and 4.0, also mixed in one file; every card between BEGIN:VCARD and
//    END:VCARD; anything outside cards is ignored. A UTF-8 byte order mark is skipped; a UTF-16
//    file (with its byte order mark) is converted first.
//  - Line ends CRLF, LF, mixed, and CR CR LF. A file with no LF at all is split at CR; in any
//    other file a CR that is not part of a line end is text (Thunderbird writes raw CRs inside
//    values), and text values turn every CR or CRLF into LF.
//  - Folding: a line starting with a space or TAB continues the previous one (that one character
//    removed). Folds are joined as bytes, before any decoding, so a fold may split a UTF-8
//    character. Blank lines and lines without a colon are skipped.
//  - ENCODING=QUOTED-PRINTABLE (also bare, 2.1 style) with `=` soft line breaks, whose
//    continuation lines are not indented; ENCODING=BASE64 / ENCODING=b; CHARSET=<any iconv name>
//    (default UTF-8; a value without CHARSET that is not UTF-8 is read as windows-1252, as old
//    Outlook exports need); bare 2.1 parameters (`TEL;CELL;PREF`); quoted parameter values;
//    RFC 6868 carets in parameter values (^n ^' ^^); case-insensitive names.
//  - Escapes \n \N \, \; \\ in text, and \: \" that Apple and Gmail write; a backslash before
//    anything else is kept.
//  - Groups: `item1.EMAIL` with `item1.X-ABLabel:Work` takes its type from the label (Apple's
//    `_$!<Mobile>!$_` form unwrapped; Mobile and iPhone mean "cell", HomeFAX/WorkFAX "fax").
//  - ALTID: of several properties with one name and ALTID, the first usable one is kept.
//    PREF: emails and phones are ordered by PREF=n / TYPE=pref (preferred first, else file order);
//    of several FN, N, ORG, TITLE, ROLE, BDAY, ANNIVERSARY, NICKNAME or UID the most preferred
//    (else the first) is used and the others are not looked at.
//
// What maps where: FN, N, NICKNAME, ORG (organization; department = second unit), TITLE, ROLE,
// EMAIL, TEL, BDAY, ANNIVERSARY, NOTE, CATEGORIES, RELATED, URL, UID; the relation properties of
// Outlook (X-MS-SPOUSE, X-MS-MANAGER, X-MS-ASSISTANT, X-MS-CHILD), Evolution (X-EVOLUTION-SPOUSE,
// -MANAGER, -ASSISTANT), KAddressBook (X-KADDRESSBOOK-X-SpouseName, -ManagersName,
// -AssistantsName) and the plain X-SPOUSE, X-MANAGER, X-ASSISTANT; anniversaries X-ANNIVERSARY,
// X-MS-ANNIVERSARY, X-EVOLUTION-ANNIVERSARY, X-KADDRESSBOOK-X-Anniversary and Apple's X-ABDATE
// labelled Anniversary; Apple's X-ABRELATEDNAMES with its label as the kind. Photos (PHOTO, LOGO,
// X-MS-CARDPICTURE) are counted, never decoded. Allies' own X-ALLIES-OFFER;RATING=n,
// X-ALLIES-NEED, X-ALLIES-CLOSENESS, X-ALLIES-CADENCE-DAYS, X-ALLIES-REPORTS-TO,
// X-ALLIES-WORK-ANNIVERSARY, X-ALLIES-CONNECTED-ON and X-ALLIES-NOTE;AT="<UTC time>".
// Everything else (ADR, LABEL, KEY, IMPP, X-...) is skipped without being decoded.
//
// Dates (BDAY, ANNIVERSARY, ...): YYYY-MM-DD, YYYYMMDD, --MM-DD, --MMDD, each optionally followed
// by `T` and a time, which is ignored. Apple's X-APPLE-OMIT-YEAR marks the year as unknown. A BDAY
// with VALUE=text, and the valid but dayless forms YYYY, YYYY-MM and ---DD, are skipped.
//
// A card is refused (a RecordError, and absent from `contacts`) when a mapped property cannot be
// decoded (bad quoted-printable or base64, bytes not valid in the charset, an unknown charset), a
// date is not a date, an X-ALLIES number is out of range, or the card has no END:VCARD (the file
// ends first, or another BEGIN:VCARD comes first: 2.1's embedded AGENT cards are not supported).
// The error's line is the offending property's first physical line, or the BEGIN:VCARD line for a
// card without an end. An END:VCARD outside any card is also reported as an error.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "formats/contact.h"

namespace allies::formats {

// Reads every card of a vCard file. Each Contact's `line` is the line of its BEGIN:VCARD.
// `format` is "vcard <versions>", e.g. "vcard 3.0" or "vcard 2.1+3.0" when versions mix ("vcard"
// when no card says). Error (kInvalidArgument) only when the bytes hold no BEGIN:VCARD line at
// all; any problem inside a card refuses that card only. O(bytes) time; a file of several MiB
// is read in parts on every core (up to 8), with the same result.
[[nodiscard]] core::Result<ContactFile> ReadVcard(std::string_view bytes);

// Writes the contacts as vCard 4.0: CRLF line ends, lines folded at 75 octets without splitting a
// UTF-8 character, text escaped. The first email and phone get PREF=1. FN is always written
// (empty when formatted_name is), as RFC 6350 requires. `line` and `photos` are not written;
// everything else is, so that ReadVcard(WriteVcard(c)) gives `c` back (up to `line`/`photos`,
// and CRs in text, which come back as LF).
std::string WriteVcard(const std::vector<Contact>& contacts);

namespace vcard_internal {
// ReadVcard reading the file in up to `parts` parts at once, one thread each (it picks one part
// per core for files of several MiB): the result is the same for any number of parts. Exposed
// for the tests.
[[nodiscard]] core::Result<ContactFile> ReadVcardInParts(std::string_view bytes, std::size_t parts);
}  // namespace vcard_internal

}  // namespace allies::formats
