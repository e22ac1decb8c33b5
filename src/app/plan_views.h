#pragma once
// What `allies plan` takes and returns (issue 5): the weekly plan of advice/plan.h with what the
// app layer knows around it (the week, the influence it used, the busy calendars read).

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "advice/plan.h"
#include "app/views.h"

namespace allies::app {

struct PlanInput {
  std::optional<std::string> week;      // "YYYY-Www"; default: this week, or the next once the
                                        // last working day of this one has ended
  std::optional<double> hours;          // default plan.hours
  std::optional<double> energy;         // default plan.energy
  std::vector<std::string> busy_files;  // iCalendar files whose events are busy time
  std::string zone = "UTC";             // IANA zone of working hours and the texts
  bool ics = false;                     // also write the invitations as iCalendar text
  bool fresh_influence = false;         // recompute the influence snapshot even when current
};

struct PlanView {
  advice::Plan plan;
  PersonRef me;
  std::string zone;
  core::TimePoint week_start{};   // Monday 00:00 local, in UTC
  core::TimePoint week_end{};     // the next Monday 00:00 local
  InfluenceSource influence;      // over the whole network: the snapshot used, or computed
  std::size_t neighbourhood = 0;  // the candidates' pool: people two links from me and my team
  std::size_t busy_events = 0;
  std::vector<std::string> conferences;  // names, as found in the busy calendars
  std::vector<std::string> warnings;     // about the busy files (unknown zones, refused events)
  std::string ics;                       // the invitations, when PlanInput::ics
};

}  // namespace allies::app
