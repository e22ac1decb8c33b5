#pragma once
// Human output of the network analytics.

#include <ostream>

#include "app/network_views.h"

namespace allies::cli {

void PrintInfluencers(std::ostream& out, const app::InfluenceReport& report);
void PrintHidden(std::ostream& out, const app::InfluenceReport& report);
void PrintInfluenceStatus(std::ostream& out, const app::InfluenceStatus& status);
void PrintInfluenceRefresh(std::ostream& out, const app::InfluenceRefresh& refresh);
void PrintBrokers(std::ostream& out, const app::BrokerReport& report);
void PrintCommunities(std::ostream& out, const app::CommunityReport& report);
void PrintAnalysis(std::ostream& out, const app::AnalysisReport& report);
void PrintPaths(std::ostream& out, const app::PathReport& report);
void PrintReach(std::ostream& out, const app::ReachReport& report);

}  // namespace allies::cli
