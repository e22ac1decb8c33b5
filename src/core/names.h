#pragma once
// The stable names of the domain enums, as the CLI accepts them, the database stores them and
// JSON prints them. Parse* return nullopt for an unknown name; *Names() list what is accepted,
// for error messages.

#include <optional>
#include <string_view>

#include "core/model.h"

namespace allies::core {

std::string_view Name(OrgKind kind);
std::string_view Name(InteractionKind kind);
std::string_view Name(Setting setting);
std::string_view Name(Purpose purpose);
std::string_view Name(LedgerKind kind);  // "attention", ..., "favor-done", "favor-asked", ...
std::string_view Name(DateKind kind);

std::optional<OrgKind> ParseOrgKind(std::string_view name);
std::optional<InteractionKind> ParseInteractionKind(std::string_view name);
std::optional<Setting> ParseSetting(std::string_view name);
std::optional<Purpose> ParsePurpose(std::string_view name);
std::optional<LedgerKind> ParseLedgerKind(std::string_view name);
std::optional<DateKind> ParseDateKind(std::string_view name);

// The CLI names a favor "favor" on both sides: deposit favor = favor done, withdraw favor = favor
// asked. These accept the short names of one side only.
std::optional<LedgerKind> ParseDepositKind(std::string_view name);
std::optional<LedgerKind> ParseWithdrawalKind(std::string_view name);
std::string_view ShortName(LedgerKind kind);  // "favor" for both favors

// Comma-separated lists of accepted names: "lunch, coffee, walk, ...".
std::string_view OrgKindNames();
std::string_view InteractionKindNames();
std::string_view SettingNames();
std::string_view PurposeNames();
std::string_view DepositKindNames();
std::string_view WithdrawalKindNames();

// Asks (issue 5): "pending", "yes", "no".
std::string_view Name(AskOutcome outcome);
std::optional<AskOutcome> ParseAskOutcome(std::string_view name);
std::string_view AskOutcomeNames();

}  // namespace allies::core
