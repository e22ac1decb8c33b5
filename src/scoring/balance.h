#pragma once
// The relationship "bank account" (DESIGN.md §3): deposits minus withdrawals, each decayed.

#include <span>

#include "core/model.h"
#include "scoring/params.h"

namespace allies::scoring {

enum class BalanceStatus { kInCredit, kEven, kOverdrawn };

// "in_credit", "even", "overdrawn".
std::string_view Name(BalanceStatus status);

struct Balance {
  double value = 0;        // deposits - withdrawals
  double deposits = 0;     // Σ value·2^(-age/H) over deposits
  double withdrawals = 0;  // same over withdrawals, positive
  int entries = 0;         // entries counted
  BalanceStatus status = BalanceStatus::kEven;
};

// Status of a balance: in credit at or above balance_in_credit_min, overdrawn at or below
// balance_overdrawn_max, even between. O(1).
BalanceStatus StatusOf(double balance, const Params& params);

// Returns the balance at `now` of `entries` (one relationship): deposits minus withdrawals, each
// decayed by 2^(-age/ledger_half_life_days). Entries dated after `now` and soft-deleted entries
// are ignored. O(entries).
Balance ComputeBalance(std::span<const core::LedgerEntry> entries, core::TimePoint now,
                       const Params& params);

}  // namespace allies::scoring
