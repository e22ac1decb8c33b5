#include "scoring/balance.h"

#include "scoring/decay.h"

namespace allies::scoring {

std::string_view Name(BalanceStatus status) {
  switch (status) {
    case BalanceStatus::kInCredit:
      return "in_credit";
    case BalanceStatus::kEven:
      return "even";
    case BalanceStatus::kOverdrawn:
      return "overdrawn";
  }
  return "even";
}

BalanceStatus StatusOf(double balance, const Params& params) {
  if (balance >= params.balance_in_credit_min) return BalanceStatus::kInCredit;
  if (balance <= params.balance_overdrawn_max) return BalanceStatus::kOverdrawn;
  return BalanceStatus::kEven;
}

Balance ComputeBalance(std::span<const core::LedgerEntry> entries, core::TimePoint now,
                       const Params& params) {
  Balance balance;
  for (const core::LedgerEntry& entry : entries) {
    if (entry.stamps.deleted_at || entry.at > now) continue;
    double decayed =
        entry.value * Decay(core::DaysBetween(entry.at, now), params.ledger_half_life_days);
    if (core::IsDeposit(entry.kind)) {
      balance.deposits += decayed;
    } else {
      balance.withdrawals += decayed;
    }
    ++balance.entries;
  }
  balance.value = balance.deposits - balance.withdrawals;
  balance.status = StatusOf(balance.value, params);
  return balance;
}

}  // namespace allies::scoring
