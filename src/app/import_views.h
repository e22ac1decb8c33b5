#pragma once
// What `allies import`, `allies duplicates` and `allies merge` return (issue 4).

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/views.h"
#include "core/model.h"

namespace allies::app {

struct ImportInput {
  std::vector<std::string> files;
  std::optional<std::string> format;     // "vcard", "csv", "ics" or "json"; unset: from the content
  std::optional<std::string> as_member;  // a team member whose contacts or calendar these are
  bool dry_run = false;                  // do everything, then roll back
  bool skip_bad = false;                 // skip and report malformed records instead of failing
  bool known_only = false;               // calendar: skip attendees who are not known people
  bool keep_notes = false;               // calendar: store event descriptions
  std::optional<core::TimePoint> since;  // calendar window; default: a year before now
  std::optional<core::TimePoint> until;  // default: now
  std::vector<std::pair<std::string, std::string>> map;  // CSV --map COLUMN=FIELD
  std::optional<std::string> charset;                    // CSV: override the detected charset
  std::string zone = "UTC";  // IANA zone for floating calendar times and all-day events
  // Called now and then with records done and records in all; for a progress bar.
  std::function<void(std::size_t done, std::size_t total)> progress;
};

// The FIELD names `import --map COLUMN=FIELD` accepts, for help text.
std::vector<std::string> CsvFieldNames();

struct ImportError {
  std::string file;
  std::size_t line = 0;
  std::string message;
};

struct ImportFileSummary {
  std::string file;
  std::string format;  // "vcard 3.0", "csv linkedin", "ics", ...
  std::size_t records = 0;
};

struct ImportReport {
  bool dry_run = false;
  std::size_t created = 0;    // new people
  std::size_t updated = 0;    // people already in the database that gained something
  std::size_t merged = 0;     // records folded into a person an earlier record of this import made
                              // or updated
  std::size_t unchanged = 0;  // records that added nothing new
  std::size_t skipped = 0;    // records and meetings left out (bad with --skip-bad, declined, ...)
  std::size_t interactions = 0;          // new interactions
  std::size_t interactions_updated = 0;  // re-imported meetings whose time, people or title changed
  std::size_t interactions_unchanged = 0;
  std::size_t photos = 0;  // photos seen and skipped
  // Why meetings were skipped: "declined", "cancelled", "no one else", "unknown attendees".
  std::vector<std::pair<std::string, std::size_t>> skipped_meetings;
  std::vector<ImportFileSummary> files;
  std::vector<ImportError> errors;    // skipped with --skip-bad
  std::vector<std::string> warnings;  // unknown time zones, invalid emails dropped, ...
  std::vector<std::string> sample;    // what changes, a line each (first few)
};

struct DuplicateView {
  PersonRef first;  // the lower id
  PersonRef second;
  std::vector<std::string> reasons;  // "same email ana@example.com", "same phone ...", ...
};

struct MergeView {
  PersonRef kept;
  PersonRef merged;     // now removed (soft-deleted; `allies person undo` brings the record back)
  core::Person person;  // the kept person after the merge
};

}  // namespace allies::app
