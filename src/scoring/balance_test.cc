#include "scoring/balance.h"

#include <chrono>
#include <vector>

#include <gtest/gtest.h>

namespace allies::scoring {
namespace {

using core::LedgerEntry;
using core::LedgerKind;
using core::TimePoint;
using std::chrono::days;

constexpr TimePoint kNow{std::chrono::sys_days{std::chrono::year{2024} / 6 / 1}};
constexpr double kTolerance = 1e-12;

LedgerEntry Entry(LedgerKind kind, double value, TimePoint at) {
  LedgerEntry entry;
  entry.kind = kind;
  entry.value = value;
  entry.at = at;
  return entry;
}

Balance Compute(const std::vector<LedgerEntry>& entries) {
  return ComputeBalance(entries, kNow, Params{});
}

TEST(BalanceTest, NoEntriesIsEven) {
  Balance balance = Compute({});
  EXPECT_EQ(balance.value, 0);
  EXPECT_EQ(balance.entries, 0);
  EXPECT_EQ(balance.status, BalanceStatus::kEven);
}

TEST(BalanceTest, DepositTodayCountsInFull) {
  // 3 * 2^0 = 3 >= 2: in credit.
  Balance balance = Compute({Entry(LedgerKind::kFavorDone, 3, kNow)});
  EXPECT_DOUBLE_EQ(balance.deposits, 3);
  EXPECT_DOUBLE_EQ(balance.value, 3);
  EXPECT_EQ(balance.status, BalanceStatus::kInCredit);
}

TEST(BalanceTest, WithdrawalOlderThanHalfLifeCountsHalf) {
  // 3 * 2^(-180/180) = 1.5 withdrawn: B = -1.5 <= -1, overdrawn.
  Balance balance = Compute({Entry(LedgerKind::kFavorAsked, 3, kNow - days{180})});
  EXPECT_DOUBLE_EQ(balance.withdrawals, 1.5);
  EXPECT_DOUBLE_EQ(balance.value, -1.5);
  EXPECT_EQ(balance.status, BalanceStatus::kOverdrawn);
}

TEST(BalanceTest, DepositsMinusWithdrawalsEachDecayed) {
  // Favor done 3 at 360 days: 3 * 0.25 = 0.75; recognition 2 today: 2; small ask 1 at 180 days:
  // 0.5. B = 0.75 + 2 - 0.5 = 2.25: in credit.
  Balance balance = Compute({Entry(LedgerKind::kFavorDone, 3, kNow - days{360}),
                             Entry(LedgerKind::kRecognition, 2, kNow),
                             Entry(LedgerKind::kSmallAsk, 1, kNow - days{180})});
  EXPECT_NEAR(balance.deposits, 2.75, kTolerance);
  EXPECT_NEAR(balance.withdrawals, 0.5, kTolerance);
  EXPECT_NEAR(balance.value, 2.25, kTolerance);
  EXPECT_EQ(balance.entries, 3);
  EXPECT_EQ(balance.status, BalanceStatus::kInCredit);
}

TEST(BalanceTest, ExactlyTwoIsInCredit) {
  EXPECT_EQ(Compute({Entry(LedgerKind::kExpertise, 2, kNow)}).status, BalanceStatus::kInCredit);
  EXPECT_EQ(StatusOf(2.0, Params{}), BalanceStatus::kInCredit);
  EXPECT_EQ(StatusOf(1.999, Params{}), BalanceStatus::kEven);
}

TEST(BalanceTest, ExactlyMinusOneIsOverdrawn) {
  EXPECT_EQ(Compute({Entry(LedgerKind::kSmallAsk, 1, kNow)}).status, BalanceStatus::kOverdrawn);
  EXPECT_EQ(StatusOf(-1.0, Params{}), BalanceStatus::kOverdrawn);
  EXPECT_EQ(StatusOf(-0.999, Params{}), BalanceStatus::kEven);
}

TEST(BalanceTest, ThresholdsAreParameters) {
  Params params;
  params.balance_in_credit_min = 5;
  params.balance_overdrawn_max = -3;
  EXPECT_EQ(StatusOf(4.9, params), BalanceStatus::kEven);
  EXPECT_EQ(StatusOf(5, params), BalanceStatus::kInCredit);
  EXPECT_EQ(StatusOf(-2, params), BalanceStatus::kEven);
  EXPECT_EQ(StatusOf(-3, params), BalanceStatus::kOverdrawn);
}

TEST(BalanceTest, FutureAndDeletedEntriesAreIgnored) {
  LedgerEntry deleted = Entry(LedgerKind::kEscalation, 5, kNow - days{1});
  deleted.stamps.deleted_at = kNow;
  Balance balance = Compute({deleted, Entry(LedgerKind::kEscalation, 5, kNow + days{1}),
                             Entry(LedgerKind::kAttention, 1, kNow)});
  EXPECT_EQ(balance.entries, 1);
  EXPECT_DOUBLE_EQ(balance.withdrawals, 0);
  EXPECT_DOUBLE_EQ(balance.value, 1);
  EXPECT_EQ(balance.status, BalanceStatus::kEven);
}

TEST(BalanceTest, LedgerHalfLifeIsAParameter) {
  // 4 * 2^(-90/90) = 2.
  Params params;
  params.ledger_half_life_days = 90;
  std::vector<LedgerEntry> entries = {Entry(LedgerKind::kAttention, 4, kNow - days{90})};
  EXPECT_DOUBLE_EQ(ComputeBalance(entries, kNow, params).value, 2);
}

TEST(BalanceTest, StatusNamesAreStable) {
  EXPECT_EQ(Name(BalanceStatus::kInCredit), "in_credit");
  EXPECT_EQ(Name(BalanceStatus::kEven), "even");
  EXPECT_EQ(Name(BalanceStatus::kOverdrawn), "overdrawn");
}

}  // namespace
}  // namespace allies::scoring
