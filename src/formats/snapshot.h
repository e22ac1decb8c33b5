#pragma once
// Allies' own full export (`allies export all`): every record of a database, with ids and stamps,
// as one JSON document. The schema is documented field by field in docs/export-format.md.
//
// Shape: {"format": "allies-export", "version": 2, "schema_version": n, "exported_at": "...",
// "people": [...], "organizations": [...], "interactions": [...], "ledger": [...],
// "introductions": [...], "followups": [...], "vendor_notices": [...], "knows": [...],
// "config": [...], "asks": [...]} (version 2: asks, and follow-ups' "owner_id"; version 1 files,
// which have neither, still read). Times are "YYYY-MM-DDTHH:MM:SSZ" (UTC), calendar dates
// "YYYY-MM-DD", month-days "YYYY-MM-DD" or "--MM-DD", enums their names from core/names.h, ids
// integers, absent optional values null.

#include <string>
#include <string_view>

#include "core/dataset.h"
#include "core/result.h"
#include "core/time.h"

namespace allies::formats {

// The version of the export format this build writes, and the newest it reads.
inline constexpr int kSnapshotVersion = 2;

struct Snapshot {
  int version = kSnapshotVersion;  // of the export format
  int schema_version = 0;          // of the database it was taken from
  core::TimePoint exported_at{};
  core::Dataset data;
};

// Writes `snapshot` as indented JSON in this build's format (kSnapshotVersion, whatever
// `snapshot.version` says) (two spaces), keys in the documented order, ending with a
// newline. Deterministic: equal snapshots give equal bytes. O(records).
std::string WriteSnapshot(const Snapshot& snapshot);

// Reads a document WriteSnapshot wrote (any JSON formatting; unknown keys are ignored, so newer
// minor additions read). Every documented key must be present with its type. Errors
// (kInvalidArgument) name the JSON path and quote the value: `people[3].emails[0].address:
// expected a string, found 42`; bytes that are not JSON give the parser's message with its byte
// offset; "format" other than "allies-export" and "version" above kSnapshotVersion are refused.
// Ranges and references between records are not checked here (the store does). O(bytes).
[[nodiscard]] core::Result<Snapshot> ReadSnapshot(std::string_view bytes);

// Whether `bytes` look like an Allies export: after blanks (and a UTF-8 byte order mark) a `{`,
// and within the first 4 KiB a "format" key whose value is "allies-export". Cheap; decides which
// reader `allies import` uses, not whether the file is valid.
bool LooksLikeSnapshot(std::string_view bytes);

}  // namespace allies::formats
