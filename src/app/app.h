#pragma once
// The use cases of Allies: one method per command. Each runs in one store transaction, so a
// failed command leaves the database exactly as it was. Inputs are already typed (the CLI parses
// text); App validates ranges and references and returns views for the CLI to print.

#include <optional>
#include <string>
#include <vector>

#include "app/ask_views.h"
#include "app/demo.h"
#include "app/import_views.h"
#include "app/network_views.h"
#include "app/plan_views.h"
#include "app/team_views.h"
#include "app/views.h"
#include "core/model.h"
#include "core/result.h"
#include "formats/snapshot.h"
#include "scoring/params.h"
#include "store/store.h"

namespace allies::app {

using core::Result;

// What `person add` and `person edit` may set. Unset optionals leave a field as it is (edit) or
// empty (add); list fields are added to what the person has.
struct PersonInput {
  std::optional<std::string> name;
  std::optional<std::string> title;
  std::optional<std::string> department;
  std::optional<std::string> org;         // a name or id; created as a company when unknown
  std::optional<std::string> reports_to;  // a person reference; "" clears
  std::vector<core::Email> emails;
  std::vector<core::Phone> phones;
  std::vector<std::string> tags;
  std::vector<core::Offer> offers;  // a key already there gets the new rating
  std::vector<std::string> needs;
  std::optional<std::string> note;
  std::optional<core::MonthDay> birthday;
  std::optional<core::MonthDay> work_anniversary;
  std::optional<core::MonthDay> anniversary;  // wedding or partnership
  std::optional<int> closeness;               // 0..5; -1 clears
  std::optional<int> cadence_days;            // 1..3650; 0 clears
  // The setting they prefer for a meeting (advice::ParsePreference), kept as the tag
  // "prefers:<setting>" in place of any earlier one; "" or "none" clears.
  std::optional<std::string> prefers;
  // edit only: remove these
  std::vector<std::string> remove_emails;
  std::vector<std::string> remove_phones;
  std::vector<std::string> remove_tags;
  std::vector<std::string> remove_offers;
  std::vector<std::string> remove_needs;
};

struct PeopleQuery {
  std::optional<std::string> department;
  std::optional<std::string> tag;
  std::optional<std::string> org;  // name or id
  bool include_deleted = false;
};

struct OrgInput {
  std::string name;
  core::OrgKind kind = core::OrgKind::kCompany;
  std::vector<std::string> services;
  std::optional<core::Date> renewal;
  std::optional<int> cadence_days;
};

struct LogInput {
  core::InteractionKind kind = core::InteractionKind::kMeeting;
  std::vector<std::string> with;  // person references; at least one
  std::optional<core::TimePoint> at;
  std::optional<int> minutes;
  std::optional<core::Setting> setting;
  std::optional<core::Purpose> purpose;
  std::optional<bool> initiated_by_me;  // false: the first `with` person initiated
  std::optional<int> energy;
  std::string note;
  std::optional<std::string> as_member;  // a team member whose interaction this is (default me)
  // issue 5: an offer I made there, recorded as an expertise deposit with each other attendee,
  // even when declined (then the note says so).
  std::optional<std::string> offered;
  bool declined = false;
};

struct LedgerInput {
  std::string person;
  core::LedgerKind kind = core::LedgerKind::kAttention;
  std::optional<double> value;
  std::optional<core::TimePoint> at;
  std::string note;
  std::optional<std::string> as_member;  // a team member whose account this is (default me)
};

struct IntroInput {
  std::string first;
  std::string second;
  std::optional<std::string> by;  // default: me
  std::optional<core::TimePoint> at;
  std::string outcome;
};

class App {
 public:
  // Borrows `store` for the App's lifetime. Every score is evaluated as of `now`.
  App(store::Store& store, core::TimePoint now);

  // --- me, people, team ---
  [[nodiscard]] Result<core::Person> Init(const std::string& name,
                                          const std::vector<std::string>& emails);
  [[nodiscard]] Result<core::Person> AddPerson(const PersonInput& input);
  [[nodiscard]] Result<core::Person> EditPerson(const std::string& ref, const PersonInput& input);
  [[nodiscard]] Result<core::Person> RemovePerson(const std::string& ref);
  [[nodiscard]] Result<core::Person> UndoPerson(const std::string& ref);
  [[nodiscard]] Result<std::vector<PersonRow>> ListPeople(const PeopleQuery& query);
  [[nodiscard]] Result<std::vector<PersonRow>> Find(const std::string& text);
  // `as`: the viewer, me or a team member (issue 5 privacy: see team.h); default me.
  [[nodiscard]] Result<PersonPage> ShowPerson(const std::string& ref,
                                              const std::optional<std::string>& as = std::nullopt);
  [[nodiscard]] Result<core::Person> TeamAdd(const std::string& ref);
  [[nodiscard]] Result<core::Person> TeamRemove(const std::string& ref);
  [[nodiscard]] Result<std::vector<PersonRow>> TeamList();

  // --- organizations and vendors ---
  [[nodiscard]] Result<core::Organization> AddOrg(const OrgInput& input);
  [[nodiscard]] Result<std::vector<OrgRow>> ListOrgs();
  [[nodiscard]] Result<OrgPage> ShowOrg(const std::string& ref);
  [[nodiscard]] Result<core::VendorNotice> AddVendorNotice(const std::string& org_ref,
                                                           const std::string& text,
                                                           std::optional<core::TimePoint> at,
                                                           std::optional<std::string> reported_by);

  // --- what happened ---
  [[nodiscard]] Result<InteractionView> Log(const LogInput& input);
  [[nodiscard]] Result<LedgerView> Deposit(const LedgerInput& input);
  [[nodiscard]] Result<LedgerView> Withdraw(const LedgerInput& input);
  [[nodiscard]] Result<IntroView> Introduce(const IntroInput& input);
  [[nodiscard]] Result<std::vector<IntroView>> ListIntroductions();
  // Follow-ups belong to me, or to the team member of `as`, who alone sees them (team.h).
  [[nodiscard]] Result<FollowUpView> AddFollowUp(const std::string& ref, const std::string& text,
                                                 core::Date due,
                                                 const std::optional<std::string>& as = {});
  [[nodiscard]] Result<FollowUpView> CompleteFollowUp(std::int64_t id,
                                                      const std::optional<std::string>& as = {});
  [[nodiscard]] Result<std::vector<FollowUpView>> ListFollowUps(
      bool include_done, const std::optional<std::string>& as = {});

  // --- scores ---
  // `as`: whose accounts and ties, me or a team member (issue 5); default me.
  [[nodiscard]] Result<std::vector<BalanceView>> Balances(  // every account, lowest first
      const std::optional<std::string>& as = std::nullopt);
  [[nodiscard]] Result<BalanceDetail> BalanceOf(
      const std::string& ref, const std::optional<std::string>& as = std::nullopt);
  [[nodiscard]] Result<std::vector<TieView>> Ties(
      std::optional<int> top, const std::optional<std::string>& as = std::nullopt);
  [[nodiscard]] Result<Briefing> Today();

  // --- the network (issue 3) ---
  // Records that two people know each other (strength 0..1, default 0.5).
  [[nodiscard]] Result<core::Knows> Know(const std::string& first, const std::string& second,
                                         std::optional<double> strength);
  // The most influential people (DESIGN.md §3), optionally of one department; default top 20.
  [[nodiscard]] Result<InfluenceReport> Influencers(std::optional<std::string> department,
                                                    std::optional<int> top);
  // People whose influence percentile exceeds their formal-level percentile by the hidden gap.
  [[nodiscard]] Result<InfluenceReport> Hidden(std::optional<int> top);
  // Betweenness, Burt's constraint and effective size, Gould–Fernandez roles by department.
  [[nodiscard]] Result<BrokerReport> Brokers(std::optional<int> top);
  // Louvain communities of the whole known network, with their modularity.
  [[nodiscard]] Result<CommunityReport> Communities();
  // The k strongest warm paths (at most 3 links) from me or a team member to `target`.
  [[nodiscard]] Result<PathReport> Path(const std::string& target, int k);
  // Who me and my team reach with strength >= 0.2; coverage by department and vendor; gaps.
  [[nodiscard]] Result<ReachReport> Reach();
  // The whole known network as a file for Gephi and other tools: graphml, gexf, json or dot.
  [[nodiscard]] Result<std::string> ExportGraph(const std::string& format);

  // --- import, duplicates, merge (issue 4) ---
  // Reads contacts (vCard, CSV) and calendars (iCalendar) into people and interactions, in one
  // transaction: contacts files first, so that meetings find their attendees. Errors name
  // file:line; a malformed record fails the whole import unless skip_bad.
  [[nodiscard]] Result<ImportReport> Import(const ImportInput& input);
  // Pairs of live people that are likely the same person, with the reasons.
  [[nodiscard]] Result<std::vector<DuplicateView>> Duplicates();
  // Folds `other` into `keep`: every field and all history; `other` is removed (soft-deleted).
  [[nodiscard]] Result<MergeView> Merge(const std::string& keep, const std::string& other);

  // --- team and vendors (issue 5) ---
  // Per member (me first, then the team): new ties in 30 and 90 days, departments and vendors
  // covered, ties at risk and one coaching suggestion (rules in team.cc and README). `as` is
  // the viewer (default me): ledger-based advice appears on the viewer's own row only.
  [[nodiscard]] Result<TeamReport> Coaching(const std::optional<std::string>& as);
  // Every vendor: services, renewal, key contacts with the ties me and my team hold, the last
  // check-in against its cadence, recent change notices, and the alert `today` shows.
  [[nodiscard]] Result<std::vector<VendorView>> Vendors();

  // --- the influence snapshot (issue 5; README.md, "The influence snapshot") ---
  [[nodiscard]] Result<InfluenceStatus> InfluenceSnapshotStatus();
  // Recomputes influence over the whole network and stores it as the snapshot plan and ask-for
  // use. Reads the network in a read-only transaction (others may write meanwhile; what they
  // write counts as changes since) and takes write access only to store the result. Holds the
  // influence lock meanwhile: when another process holds it, waits for it with `wait`, else
  // does nothing. With `only_if_due`, does nothing when the snapshot is current. `allies
  // influencers` and `allies hidden` compute and store it the same way.
  [[nodiscard]] Result<InfluenceRefresh> RefreshInfluence(bool only_if_due, bool wait);
  // Whether the snapshot should be refreshed in the background now: it is outdated (not
  // current, as plan would find it), snapshots are reused at all (influence.snapshot_days > 0)
  // and the network has at least influence.background_people people (that is not 0). The CLI
  // asks after each command and starts `allies influence refresh` in the background when so.
  [[nodiscard]] Result<bool> InfluenceRefreshDue();

  // --- weekly plan (issue 5) ---
  // Whom to meet this week, where, when and how to invite them, under a time and an energy
  // budget (README.md, "The weekly plan").
  [[nodiscard]] Result<PlanView> Plan(const PlanInput& input);

  // --- prep and asks (issue 5) ---
  // What to bring to a meeting with `ref`: attention, their needs against my team's offers,
  // whether my team is in their department's way, follow-ups, the balance, recent contact.
  [[nodiscard]] Result<PrepView> Prep(const std::string& ref);
  // Who can help with `input.text`: full-text match × influence × strength of the best warm
  // path from me or my team, each with my balance and how to ask.
  [[nodiscard]] Result<AskForReport> AskFor(const AskForInput& input);
  // Records an ask as a withdrawal and its outcome.
  [[nodiscard]] Result<AskView> RecordAsk(const AskInput& input);
  // My asks, oldest first; only the pending ones when `only_open`.
  [[nodiscard]] Result<std::vector<AskView>> ListAsks(bool only_open);
  // Sets the outcome of ask `id` (yes, no, or back to pending).
  [[nodiscard]] Result<AskView> AnswerAsk(std::int64_t id, core::AskOutcome outcome);

  // --- demo and configuration ---
  [[nodiscard]] Result<DemoSummary> Demo(const DemoOptions& options);
  [[nodiscard]] Result<std::vector<ConfigRow>> ConfigList();
  [[nodiscard]] Result<ConfigRow> ConfigGet(const std::string& key);
  [[nodiscard]] Result<ConfigRow> ConfigSet(const std::string& key, const std::string& value);
  [[nodiscard]] Result<ConfigRow> ConfigReset(const std::string& key);

  // --- export, snapshot, backup (issue 4) ---
  // Every live person (and the removed ones too with `include_removed`) as an address book:
  // `format` "vcard" (vCard 4.0) or "csv" (Allies' own CSV preset). Sorted by name. Each person
  // maps onto one formats::Contact: name (split at its last space into given and family names),
  // title, department, organization, emails, phones, tags as categories, notes with their time,
  // birthday, anniversary, work anniversary, offers, needs, closeness, cadence and the manager
  // (first email, else name). kInvalidArgument for another format.
  [[nodiscard]] Result<std::string> ExportPeople(const std::string& format, bool include_removed);
  // Everything in the database, with ids and stamps, as of one transaction.
  [[nodiscard]] Result<formats::Snapshot> TakeSnapshot();
  // TakeSnapshot written as the documented JSON export (docs/export-format.md).
  [[nodiscard]] Result<std::string> ExportAll();
  // Restores a full export into this database, which must be empty (kConflict naming how many
  // people and other records it holds otherwise), keeping every id and stamp; one transaction.
  // With `dry_run` everything is written and checked, then rolled back. Errors also those of
  // Store::RestoreAll (a bad value or a dangling reference, named).
  [[nodiscard]] Result<SnapshotReport> ImportSnapshot(const formats::Snapshot& snapshot,
                                                      bool dry_run);
  // Writes a consistent copy of the database to the new file `path` (SQLite online backup).
  // kAlreadyExists when `path` exists, unless `force`.
  [[nodiscard]] Result<BackupReport> Backup(const std::string& path, bool force);
  // Replaces the database's whole content with the backup at `path` (see Store::RestoreFrom for
  // what is refused). The current content is first kept in `<database>.before-restore` (or
  // `.before-restore.2`, `.3`, ... when taken), unless `database` is ":memory:" or empty.
  [[nodiscard]] Result<RestoreReport> Restore(const std::string& path, const std::string& database);

 private:
  // Runs `body` in one transaction: committed when it succeeds, rolled back otherwise. `load`:
  // a transaction that writes many rows (Store::BeginLoad), which checks their references once
  // when it commits.
  template <class Body>
  auto InTransaction(Body&& body, bool load = false) -> decltype(body());
  // Influence over the whole network, fresh, stored as the snapshot: read in a read-only
  // transaction (the seconds it takes on a large network hold no writer up) and stored in a
  // short write transaction, while holding the influence lock when it is free.
  [[nodiscard]] Result<InfluenceReport> ComputeAndStoreInfluence();

  store::Store& store_;
  core::TimePoint now_;
};

}  // namespace allies::app
