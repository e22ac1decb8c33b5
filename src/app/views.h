#pragma once
// What the use cases return: plain values the CLI (and later the server) prints. Each view
// carries the components of its scores so that every number can be explained.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/model.h"
#include "scoring/balance.h"
#include "scoring/layers.h"
#include "scoring/tie_strength.h"

namespace allies::app {

// Where the influence an advice command weighed came from (issue 5; README.md, "Influence"):
// DESIGN.md §3 over the whole known network, from the stored snapshot or computed by the command
// (and then stored).
struct InfluenceSource {
  std::string scope = "network";
  std::size_t people = 0;  // the network's people and ties when it was computed
  std::size_t ties = 0;
  core::TimePoint as_of{};         // the `now` it was computed for
  std::int64_t changes_since = 0;  // changes of people, interactions and knows ties since then
  bool reused = false;             // the stored snapshot; else computed by this command
  std::string recomputed_because;  // when computed: "no snapshot yet", "older than 7 days", ...
  // When reused although outdated ("8 days old (...)", as recomputed_because would say): it
  // serves while a process in the background recomputes it (a large network; README.md, "The
  // influence snapshot"). Empty when current.
  std::string stale_because;
  // Seconds the command waited for another process's recomputation (there was no usable
  // snapshot, and one was being computed: after an import, say); 0 when it did not wait.
  double waited_seconds = 0;
  // People the snapshot does not hold (added since it was computed) among those the command
  // weighed: their influence is estimated from their offers alone, centrality taken as 0.
  std::vector<core::PersonId> estimated;  // ascending
};

// How a person is named in other records.
struct PersonRef {
  core::PersonId id;
  std::string name;
  std::string department;
  std::string org;  // organization name, empty when none
};

struct PersonRow {
  core::Person person;
  std::string org_name;
  std::optional<PersonRef> reports_to;
};

// One of my ties: its strength with components, its layer and whether it is at risk.
struct TieView {
  PersonRef person;
  scoring::TieStrength tie;
  std::optional<int> layer;  // 5, 15, 50, 150; unset past the last layer
  scoring::Risk risk;
};

struct BalanceView {
  PersonRef person;
  scoring::Balance balance;
};

struct LedgerLine {
  core::LedgerEntry entry;
  double decayed = 0;  // what the entry counts for now (signed: withdrawals negative)
};

struct BalanceDetail {
  PersonRef person;
  scoring::Balance balance;
  std::vector<LedgerLine> entries;  // newest first
};

struct InteractionView {
  core::Interaction interaction;
  std::vector<PersonRef> attendees;
  std::optional<PersonRef> initiator;
  std::vector<core::LedgerEntry> offered;  // `log --offered`: the expertise deposits (issue 5)
};

struct LedgerView {
  core::LedgerEntry entry;
  PersonRef person;
  scoring::Balance balance;  // the account after this entry
};

struct IntroView {
  core::Introduction intro;
  PersonRef introducer;
  PersonRef first;
  PersonRef second;
};

struct FollowUpView {
  core::FollowUp followup;
  PersonRef person;
  bool overdue = false;
  int days_left = 0;               // negative when overdue
  std::optional<PersonRef> owner;  // whose promise: me or a team member (unset: mine)
};

struct UpcomingDate {
  PersonRef person;
  core::DateKind kind = core::DateKind::kBirthday;
  core::Date on{};
  int days_away = 0;
  std::optional<int> years;  // age or years of service on that day, when the year is known
};

struct NoticeView {
  core::VendorNotice notice;
  std::string org_name;
  std::optional<PersonRef> reported_by;
};

struct PersonPage {
  PersonRow row;
  std::vector<PersonRef> reports;  // direct reports
  std::optional<TieView> tie;      // unset when there is no tie at all
  BalanceDetail balance;
  std::vector<InteractionView> recent;  // last interactions with me, newest first
  int interactions_total = 0;
  std::vector<FollowUpView> followups;  // open ones
  std::vector<IntroView> introductions;
  std::vector<UpcomingDate> dates;  // next occurrence of each important date
};

struct OrgRow {
  core::Organization org;
  int people = 0;
};

struct VendorCheckIn {
  std::optional<core::TimePoint> last;  // last interaction of mine with anyone there
  std::optional<double> days_since;
  bool overdue = false;  // past the org's cadence
};

struct OrgPage {
  core::Organization org;
  std::vector<TieView> contacts;  // everyone at the org, strongest tie first (strength 0 if none)
  VendorCheckIn check_in;
  std::vector<NoticeView> notices;  // newest first
};

// A vendor that needs me (issue 5, README "Vendor watch"): one entry in `rules`, `reasons` and
// `actions` for each of the three rules it breaks.
struct VendorAlert {
  core::Organization org;
  std::vector<std::string> rules;    // "no_warm_tie", "check_in_overdue", "renewal_soon"
  std::vector<std::string> reasons;  // "no tie of strength 0.4 or more", ...
  std::vector<std::string> actions;  // what to do about each
  std::string action;                // the actions in one sentence
};

struct Briefing {
  core::Date date{};
  std::optional<PersonRef> me;
  int people = 0;
  int ties = 0;
  int ties_at_risk = 0;
  std::vector<FollowUpView> followups;  // overdue or due within 7 days
  std::vector<TieView> reconnect;       // the strongest ties at risk, most overdue first
  std::vector<UpcomingDate> dates;      // within 14 days
  std::vector<VendorAlert> vendors;
  std::vector<BalanceView> overdrawn;
  std::vector<NoticeView> notices;  // vendor change notices of the last 30 days
};

struct ConfigRow {
  std::string key;
  std::string value;
  std::string default_value;
  bool is_default = true;
  std::string description;
};

// --- export, snapshot, backup (issue 4) ---

// What a full export held, record kind by record kind, and whether it was written.
struct SnapshotReport {
  bool dry_run = false;
  std::size_t people = 0;
  std::size_t organizations = 0;
  std::size_t interactions = 0;
  std::size_t ledger = 0;
  std::size_t introductions = 0;
  std::size_t followups = 0;
  std::size_t vendor_notices = 0;
  std::size_t knows = 0;
  std::size_t config = 0;
  std::size_t asks = 0;
};

struct BackupReport {
  std::string path;
  std::uintmax_t bytes = 0;
  std::size_t people = 0;  // live people in the copy
};

struct RestoreReport {
  std::string path;              // the backup restored
  int schema_version = 0;        // the backup's, before any migration
  bool migrated = false;         // it was older and was migrated to this build's version
  std::string previous_kept_at;  // where the content before the restore was kept; empty: nowhere
  std::size_t people = 0;        // live people after the restore
};

}  // namespace allies::app
