#pragma once
// Human output of the weekly plan (issue 5).

#include <ostream>

#include "app/plan_views.h"

namespace allies::cli {

// The week and budgets, a table of the meetings in time order (local times), then each meeting's
// invitation, reasons, talking points and warnings, and who was passed over and why.
void PrintPlan(std::ostream& out, const app::PlanView& view);

}  // namespace allies::cli
