#pragma once
// Human output: aligned tables and short confirmations, in the user's time zone.

#include <ostream>
#include <string>
#include <vector>

#include "app/demo.h"
#include "app/views.h"

namespace allies::cli {

void PrintPeople(std::ostream& out, const std::vector<app::PersonRow>& rows);
void PrintPersonPage(std::ostream& out, const app::PersonPage& page);
void PrintOrgs(std::ostream& out, const std::vector<app::OrgRow>& rows);
void PrintOrgPage(std::ostream& out, const app::OrgPage& page);
void PrintInteraction(std::ostream& out, const app::InteractionView& view);
void PrintLedger(std::ostream& out, const app::LedgerView& view);
void PrintIntros(std::ostream& out, const std::vector<app::IntroView>& views);
void PrintFollowUps(std::ostream& out, const std::vector<app::FollowUpView>& views);
void PrintBalances(std::ostream& out, const std::vector<app::BalanceView>& views);
void PrintBalanceDetail(std::ostream& out, const app::BalanceDetail& detail);
void PrintTies(std::ostream& out, const std::vector<app::TieView>& ties);
void PrintBriefing(std::ostream& out, const app::Briefing& briefing);
void PrintDemo(std::ostream& out, const app::DemoSummary& summary);
void PrintConfig(std::ostream& out, const std::vector<app::ConfigRow>& rows);

// Where an advice command's influence came from, in one line (issue 5): "influence over the
// whole network (N people, M ties) as of DATE, K changes since", or "... computed now (WHY)".
std::string InfluenceText(const app::InfluenceSource& source);

}  // namespace allies::cli
