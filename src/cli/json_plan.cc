// JSON of the weekly plan (issue 5); field names documented in README.md.

#include <algorithm>

#include <nlohmann/json.hpp>

#include "cli/json.h"

namespace allies::cli {

using nlohmann::json;

std::string Json(const app::PlanView& view) {
  const advice::Plan& plan = view.plan;
  json items = json::array();
  for (const auto& item : plan.items) {
    items.push_back({
        {"person", {{"id", item.person.value}, {"name", item.name}, {"email", item.email}}},
        {"department", item.department},
        {"organization", item.org},
        {"minutes", item.minutes},
        {"energy", item.energy},
        {"start", core::FormatUtc(item.slot.start)},
        {"end", core::FormatUtc(item.slot.end)},
        {"setting", advice::Name(item.setting)},
        {"relaxed", advice::IsRelaxed(item.setting)},
        {"conference", item.conference.empty() ? json(nullptr) : json(item.conference)},
        {"priority",
         {{"value", item.priority.value},
          {"influence", item.priority.influence},
          {"room_to_grow", item.priority.room_to_grow},
          {"overdue", item.priority.overdue},
          {"relevance", item.priority.relevance}}},
        {"influence_estimated", std::binary_search(view.influence.estimated.begin(),
                                                   view.influence.estimated.end(), item.person)},
        {"cost", item.cost},
        {"open_ask", item.open_ask},
        {"reasons", item.reasons},
        {"invitation", item.invitation},
        {"talking_points", item.talking_points},
        {"warnings", item.warnings},
    });
  }
  json passed = json::array();
  for (const auto& entry : plan.passed_over) {
    passed.push_back({{"person", {{"id", entry.person.value}, {"name", entry.name}}},
                      {"priority", entry.priority},
                      {"why", entry.why}});
  }
  json out = {
      {"week", plan.week},
      {"zone", view.zone},
      {"week_start", core::FormatUtc(view.week_start)},
      {"week_end", core::FormatUtc(view.week_end)},
      {"budget",
       {{"minutes", plan.budget_minutes},
        {"minutes_used", plan.minutes_used},
        {"minutes_left", plan.budget_minutes - plan.minutes_used},
        {"energy", plan.budget_energy},
        {"energy_used", plan.energy_used},
        {"energy_left", plan.budget_energy - plan.energy_used}}},
      {"candidates", plan.candidates},
      {"neighbourhood", view.neighbourhood},
      {"influence", InfluenceSourceJson(view.influence)},
      {"busy_events", view.busy_events},
      {"conferences", view.conferences},
      {"warnings", view.warnings},
      {"items", items},
      {"passed_over", passed},
  };
  return out.dump(2);
}

}  // namespace allies::cli
