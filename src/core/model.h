#pragma once
// The domain model of DESIGN.md §2: people, organizations, interactions, ledger entries,
// introductions, follow-ups and vendor change notices. Plain values; no behaviour beyond defaults.
// Every entity has a stable id, created/updated times and a soft-delete mark.

#include <optional>
#include <string>
#include <vector>

#include "core/ids.h"
#include "core/time.h"

namespace allies::core {

struct Stamps {
  TimePoint created_at{};
  TimePoint updated_at{};
  std::optional<TimePoint> deleted_at;  // set: soft-deleted, can be undone
};

struct Email {
  std::string address;
  std::string type;  // "work", "home", ... or empty
  bool operator==(const Email&) const = default;
};

struct Phone {
  std::string number;
  std::string type;
  bool operator==(const Phone&) const = default;
};

// Something a person can offer: expertise, resources, decision rights, information access.
struct Offer {
  std::string key;  // free text, e.g. "budget", "security"
  int rating = 0;   // 0..5, the user's judgement
  bool operator==(const Offer&) const = default;
};

// A personal note (family, interests, how they got into their field).
struct Note {
  TimePoint at{};
  std::string text;
  bool operator==(const Note&) const = default;
};

// kAnniversary: a wedding or partnership anniversary (vCard ANNIVERSARY).
enum class DateKind { kBirthday, kWorkAnniversary, kAnniversary };

struct ImportantDate {
  DateKind kind = DateKind::kBirthday;
  MonthDay date;
  bool operator==(const ImportantDate&) const = default;
};

struct Person {
  PersonId id;
  std::string name;
  std::string title;
  std::string department;
  std::optional<OrgId> org;
  std::optional<PersonId> reports_to;
  std::vector<Email> emails;
  std::vector<Phone> phones;
  std::vector<std::string> tags;
  std::vector<Offer> offers;
  std::vector<std::string> needs;
  std::vector<Note> notes;
  std::vector<ImportantDate> dates;
  std::optional<int> closeness;           // 0..5, user-rated
  std::optional<TimePoint> closeness_at;  // when it was rated; it decays from there
  std::optional<int> cadence_days;        // "see every N days", when the user set one
  bool is_me = false;
  bool is_team = false;
  Stamps stamps;
};

enum class OrgKind { kInternal, kCompany, kVendor, kPartner, kCustomer };

struct Organization {
  OrgId id;
  std::string name;
  OrgKind kind = OrgKind::kCompany;
  std::vector<std::string> services;  // vendors: services provided
  std::optional<Date> renewal;        // vendors: contract renewal date
  std::optional<int> cadence_days;    // vendors: check-in cadence
  Stamps stamps;
};

enum class InteractionKind {
  kLunch,
  kCoffee,
  kWalk,
  kMeeting,
  kCall,
  kVideo,
  kMessage,
  kEvent,
  kOffsite
};
enum class Setting { kRelaxed, kFormal };
enum class Purpose { kGetToKnow, kOfferHelp, kAsk, kWork };

struct Interaction {
  InteractionId id;
  TimePoint at{};
  int duration_min = 0;
  InteractionKind kind = InteractionKind::kMeeting;
  Setting setting = Setting::kFormal;
  Purpose purpose = Purpose::kWork;
  std::vector<PersonId> attendees;    // everyone present, the owner included when present
  std::optional<PersonId> initiator;  // who asked for it; unset when unknown
  int energy = 2;                     // 1..5, what it costs the owner
  std::string note;
  std::string source;  // empty: entered by hand; else the calendar UID it came from
  PersonId owner;      // me or the team member whose record this is
  Stamps stamps;
};

enum class LedgerKind {
  // deposits
  kAttention,
  kExpertise,
  kFavorDone,
  kIntroduction,
  kRecognition,
  // withdrawals
  kSmallAsk,
  kFavorAsked,
  kEscalation,
};

inline bool IsDeposit(LedgerKind kind) { return kind <= LedgerKind::kRecognition; }

struct LedgerEntry {
  LedgerId id;
  PersonId person;  // the other side of the relationship
  PersonId owner;   // me or the team member whose account this is
  TimePoint at{};
  LedgerKind kind = LedgerKind::kAttention;
  double value = 0;  // positive; the kind says whether it is a deposit or a withdrawal
  std::string note;
  std::optional<InteractionId> interaction;
  Stamps stamps;
};

struct Introduction {
  IntroductionId id;
  PersonId introducer;
  PersonId first;
  PersonId second;
  TimePoint at{};
  std::string outcome;
  Stamps stamps;
};

struct FollowUp {
  FollowUpId id;
  PersonId person;
  // Me or the team member whose promise it is (schema v5). Unset only on a record written
  // before owners existed into a database that had no "me" yet: it counts as mine.
  std::optional<PersonId> owner;
  std::string text;
  Date due{};
  std::optional<TimePoint> done_at;
  Stamps stamps;
};

// "These two know each other", entered by hand when no interaction shows it; `first` < `second`.
struct Knows {
  PersonId first;
  PersonId second;
  double strength = 0.5;  // in (0, 1], on the scale of tie strength
  Stamps stamps;
};

struct VendorNotice {
  NoticeId id;
  OrgId org;
  TimePoint at{};
  std::string text;
  std::optional<PersonId> reported_by;
  Stamps stamps;
};

// --- asks (issue 5) ---------------------------------------------------------------------------

// What came of an ask: still open, or answered yes or no.
enum class AskOutcome { kPending, kYes, kNo };

// Something I asked of someone: the withdrawal it was recorded as, and how it turned out.
struct Ask {
  AskId id;
  LedgerId ledger;  // the withdrawal (small ask, favor asked or escalation)
  PersonId person;  // whom I asked
  PersonId owner;   // me or the team member who asked
  std::string text;
  AskOutcome outcome = AskOutcome::kPending;
  TimePoint at{};
  std::optional<TimePoint> answered_at;  // when the outcome was set to yes or no
  Stamps stamps;
};

}  // namespace allies::core
