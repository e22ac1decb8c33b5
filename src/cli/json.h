#pragma once
// JSON output (--json). Field names are stable and documented in README.md; this is the only
// file that knows them. Each function returns the document as indented text.

#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "app/ask_views.h"
#include "app/demo.h"
#include "app/import_views.h"
#include "app/network_views.h"
#include "app/plan_views.h"
#include "app/team_views.h"
#include "app/views.h"

namespace allies::cli {

std::string Json(const core::Person& person);
std::string Json(const std::vector<app::PersonRow>& rows);
std::string Json(const app::PersonPage& page);
std::string Json(const core::Organization& org);
std::string Json(const std::vector<app::OrgRow>& rows);
std::string Json(const app::OrgPage& page);
std::string Json(const core::VendorNotice& notice);
std::string Json(const app::InteractionView& view);
std::string Json(const app::LedgerView& view);
std::string Json(const app::IntroView& view);
std::string Json(const std::vector<app::IntroView>& views);
std::string Json(const app::FollowUpView& view);
std::string Json(const std::vector<app::FollowUpView>& views);
std::string Json(const std::vector<app::BalanceView>& views);
std::string Json(const app::BalanceDetail& detail);
std::string Json(const std::vector<app::TieView>& ties);
std::string Json(const app::Briefing& briefing);
std::string Json(const app::DemoSummary& summary);
std::string Json(const app::ConfigRow& row);
std::string Json(const std::vector<app::ConfigRow>& rows);
std::string Json(const core::Knows& knows);
std::string Json(const app::InfluenceReport& report);
std::string Json(const app::InfluenceStatus& status);
std::string Json(const app::InfluenceRefresh& refresh);
std::string Json(const app::BrokerReport& report);
std::string Json(const app::CommunityReport& report);
std::string Json(const app::PathReport& report);
std::string Json(const app::ReachReport& report);
// {"directed", "approximate", "epsilon", "modularity", "nodes": [{"id", "label", "group",
// "pagerank", "betweenness", "constraint", "effective_size", "community"}]}
std::string Json(const app::AnalysisReport& report);
std::string Json(const app::ImportReport& report);
std::string Json(const std::vector<app::DuplicateView>& views);
std::string Json(const app::MergeView& view);

// --- export, snapshot, backup (issue 4) ---
// {"dry_run", "people", "organizations", "interactions", "ledger", "introductions",
// "followups", "vendor_notices", "knows", "config"}: record counts of a restored export.
std::string Json(const app::SnapshotReport& report);
// {"path", "bytes", "people"}
std::string Json(const app::BackupReport& report);
// {"path", "schema_version", "migrated", "previous_kept_at" (null when not kept), "people"}
std::string Json(const app::RestoreReport& report);
// --- team and vendors (issue 5) ---
std::string Json(const app::TeamReport& report);
std::string Json(const std::vector<app::VendorView>& vendors);
// --- where the influence of plan and ask-for came from (issue 5) ---
// {"scope", "people", "ties", "as_of", "changes_since", "snapshot" ("reused" or "computed"),
// "recomputed_because" (null when reused), "estimated" (people added since, by id)}
nlohmann::json InfluenceSourceJson(const app::InfluenceSource& source);
// --- weekly plan (issue 5), in json_plan.cc ---
std::string Json(const app::PlanView& view);
// --- prep and asks (issue 5) ---
std::string Json(const app::AskView& view);
std::string Json(const std::vector<app::AskView>& views);
std::string Json(const app::AskForReport& report);
std::string Json(const app::PrepView& view);

}  // namespace allies::cli
