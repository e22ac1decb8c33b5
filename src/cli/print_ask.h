#pragma once
// Human output of meeting prep, the ask advisor and the record of asks (issue 5).

#include <ostream>
#include <vector>

#include "app/ask_views.h"

namespace allies::cli {

void PrintPrep(std::ostream& out, const app::PrepView& view);
void PrintAskFor(std::ostream& out, const app::AskForReport& report);
void PrintAsk(std::ostream& out, const app::AskView& view);
void PrintAsks(std::ostream& out, const std::vector<app::AskView>& views);

}  // namespace allies::cli
