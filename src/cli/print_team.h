#pragma once
// Human output of the team report and the vendor watch (issue 5).

#include <ostream>
#include <vector>

#include "app/team_views.h"

namespace allies::cli {

void PrintTeamReport(std::ostream& out, const app::TeamReport& report);
void PrintVendors(std::ostream& out, const std::vector<app::VendorView>& vendors);

}  // namespace allies::cli
