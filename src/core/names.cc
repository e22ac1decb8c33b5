#include "core/names.h"

#include <array>
#include <utility>

namespace allies::core {
namespace {

template <class Enum, std::size_t N>
using NameTable = std::array<std::pair<Enum, std::string_view>, N>;

constexpr NameTable<OrgKind, 5> kOrgKinds{{{OrgKind::kInternal, "internal"},
                                           {OrgKind::kCompany, "company"},
                                           {OrgKind::kVendor, "vendor"},
                                           {OrgKind::kPartner, "partner"},
                                           {OrgKind::kCustomer, "customer"}}};

constexpr NameTable<InteractionKind, 9> kInteractionKinds{{{InteractionKind::kLunch, "lunch"},
                                                           {InteractionKind::kCoffee, "coffee"},
                                                           {InteractionKind::kWalk, "walk"},
                                                           {InteractionKind::kMeeting, "meeting"},
                                                           {InteractionKind::kCall, "call"},
                                                           {InteractionKind::kVideo, "video"},
                                                           {InteractionKind::kMessage, "message"},
                                                           {InteractionKind::kEvent, "event"},
                                                           {InteractionKind::kOffsite, "offsite"}}};

constexpr NameTable<Setting, 2> kSettings{
    {{Setting::kRelaxed, "relaxed"}, {Setting::kFormal, "formal"}}};

constexpr NameTable<Purpose, 4> kPurposes{{{Purpose::kGetToKnow, "get-to-know"},
                                           {Purpose::kOfferHelp, "offer-help"},
                                           {Purpose::kAsk, "ask"},
                                           {Purpose::kWork, "work"}}};

constexpr NameTable<LedgerKind, 8> kLedgerKinds{{{LedgerKind::kAttention, "attention"},
                                                 {LedgerKind::kExpertise, "expertise"},
                                                 {LedgerKind::kFavorDone, "favor-done"},
                                                 {LedgerKind::kIntroduction, "introduction"},
                                                 {LedgerKind::kRecognition, "recognition"},
                                                 {LedgerKind::kSmallAsk, "small-ask"},
                                                 {LedgerKind::kFavorAsked, "favor-asked"},
                                                 {LedgerKind::kEscalation, "escalation"}}};

constexpr NameTable<DateKind, 3> kDateKinds{{{DateKind::kBirthday, "birthday"},
                                             {DateKind::kWorkAnniversary, "work-anniversary"},
                                             {DateKind::kAnniversary, "anniversary"}}};

template <class Enum, std::size_t N>
std::string_view NameIn(const NameTable<Enum, N>& table, Enum value) {
  for (const auto& [e, name] : table) {
    if (e == value) return name;
  }
  return "?";
}

template <class Enum, std::size_t N>
std::optional<Enum> ParseIn(const NameTable<Enum, N>& table, std::string_view name) {
  for (const auto& [e, n] : table) {
    if (n == name) return e;
  }
  return std::nullopt;
}

}  // namespace

std::string_view Name(OrgKind kind) { return NameIn(kOrgKinds, kind); }
std::string_view Name(InteractionKind kind) { return NameIn(kInteractionKinds, kind); }
std::string_view Name(Setting setting) { return NameIn(kSettings, setting); }
std::string_view Name(Purpose purpose) { return NameIn(kPurposes, purpose); }
std::string_view Name(LedgerKind kind) { return NameIn(kLedgerKinds, kind); }
std::string_view Name(DateKind kind) { return NameIn(kDateKinds, kind); }

std::optional<OrgKind> ParseOrgKind(std::string_view name) { return ParseIn(kOrgKinds, name); }
std::optional<InteractionKind> ParseInteractionKind(std::string_view name) {
  return ParseIn(kInteractionKinds, name);
}
std::optional<Setting> ParseSetting(std::string_view name) { return ParseIn(kSettings, name); }
std::optional<Purpose> ParsePurpose(std::string_view name) { return ParseIn(kPurposes, name); }
std::optional<LedgerKind> ParseLedgerKind(std::string_view name) {
  return ParseIn(kLedgerKinds, name);
}
std::optional<DateKind> ParseDateKind(std::string_view name) { return ParseIn(kDateKinds, name); }

std::optional<LedgerKind> ParseDepositKind(std::string_view name) {
  if (name == "favor") return LedgerKind::kFavorDone;
  auto kind = ParseLedgerKind(name);
  if (!kind || !IsDeposit(*kind)) return std::nullopt;
  return kind;
}

std::optional<LedgerKind> ParseWithdrawalKind(std::string_view name) {
  if (name == "favor") return LedgerKind::kFavorAsked;
  auto kind = ParseLedgerKind(name);
  if (!kind || IsDeposit(*kind)) return std::nullopt;
  return kind;
}

std::string_view ShortName(LedgerKind kind) {
  if (kind == LedgerKind::kFavorDone || kind == LedgerKind::kFavorAsked) return "favor";
  return Name(kind);
}

std::string_view OrgKindNames() { return "internal, company, vendor, partner, customer"; }
std::string_view InteractionKindNames() {
  return "lunch, coffee, walk, meeting, call, video, message, event, offsite";
}
std::string_view SettingNames() { return "relaxed, formal"; }
std::string_view PurposeNames() { return "get-to-know, offer-help, ask, work"; }
std::string_view DepositKindNames() {
  return "attention, expertise, favor, introduction, recognition";
}
std::string_view WithdrawalKindNames() { return "small-ask, favor, escalation"; }

// --- asks (issue 5) -----------------------------------------------------------------------------

namespace {
constexpr NameTable<AskOutcome, 3> kAskOutcomes{
    {{AskOutcome::kPending, "pending"}, {AskOutcome::kYes, "yes"}, {AskOutcome::kNo, "no"}}};
}  // namespace

std::string_view Name(AskOutcome outcome) { return NameIn(kAskOutcomes, outcome); }
std::optional<AskOutcome> ParseAskOutcome(std::string_view name) {
  return ParseIn(kAskOutcomes, name);
}
std::string_view AskOutcomeNames() { return "yes, no, pending"; }

}  // namespace allies::core
