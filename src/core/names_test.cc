#include "core/names.h"

#include <gtest/gtest.h>

namespace allies::core {
namespace {

TEST(NamesTest, EveryInteractionKindRoundTrips) {
  for (auto kind :
       {InteractionKind::kLunch, InteractionKind::kCoffee, InteractionKind::kWalk,
        InteractionKind::kMeeting, InteractionKind::kCall, InteractionKind::kVideo,
        InteractionKind::kMessage, InteractionKind::kEvent, InteractionKind::kOffsite}) {
    EXPECT_EQ(ParseInteractionKind(Name(kind)), kind);
  }
  EXPECT_FALSE(ParseInteractionKind("brunch"));
}

TEST(NamesTest, FavorMeansDoneWhenDepositedAndAskedWhenWithdrawn) {
  EXPECT_EQ(ParseDepositKind("favor"), LedgerKind::kFavorDone);
  EXPECT_EQ(ParseWithdrawalKind("favor"), LedgerKind::kFavorAsked);
  EXPECT_EQ(ShortName(LedgerKind::kFavorAsked), "favor");
}

TEST(NamesTest, DepositKindsRejectWithdrawals) {
  EXPECT_FALSE(ParseDepositKind("escalation"));
  EXPECT_FALSE(ParseWithdrawalKind("attention"));
  EXPECT_EQ(ParseWithdrawalKind("small-ask"), LedgerKind::kSmallAsk);
}

TEST(NamesTest, LedgerKindsSplitIntoDepositsAndWithdrawals) {
  EXPECT_TRUE(IsDeposit(LedgerKind::kRecognition));
  EXPECT_FALSE(IsDeposit(LedgerKind::kSmallAsk));
}

TEST(NamesTest, OrgKindsAndPurposesRoundTrip) {
  EXPECT_EQ(ParseOrgKind("vendor"), OrgKind::kVendor);
  EXPECT_EQ(Name(Purpose::kGetToKnow), "get-to-know");
  EXPECT_EQ(ParsePurpose("offer-help"), Purpose::kOfferHelp);
  EXPECT_EQ(ParseDateKind("work-anniversary"), DateKind::kWorkAnniversary);
}

}  // namespace
}  // namespace allies::core
