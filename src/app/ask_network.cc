// The network parts of the ask advisor: the light directory and warm paths computed on the part
// of the network that paths of at most 3 links from me and my team can use.

#include <algorithm>
#include <unordered_set>

#include "app/ask_internal.h"
#include "app/network.h"
#include "graph/graph.h"
#include "graph/paths.h"
#include "scoring/tie_strength.h"

namespace allies::app::internal {

Result<Directory> LoadLightDirectory(store::Store& store) {
  ALLIES_TRY(auto directory, LoadDirectory(store, PersonLists::kNone));
  std::vector<core::PersonId> mine;
  for (const auto& [id, person] : directory.people) {
    if (person.is_me || person.is_team) mine.push_back(id);
  }
  for (auto id : mine) ALLIES_TRY_VOID(LoadFull(store, directory, id));
  return directory;
}

Result<void> LoadFull(store::Store& store, Directory& directory, core::PersonId id) {
  ALLIES_TRY(auto person, store.GetPerson(id));
  directory.people[id] = std::move(person);
  return {};
}

Result<std::unordered_map<core::PersonId, PathView>> BestWarmPaths(
    store::Store& store, const Directory& directory, core::TimePoint now,
    const scoring::Params& params, const std::vector<core::PersonId>& targets) {
  std::vector<core::PersonId> sources;
  for (const auto& [id, person] : directory.people) {
    if (!person.stamps.deleted_at && (person.is_me || person.is_team)) sources.push_back(id);
  }
  std::sort(sources.begin(), sources.end());
  std::unordered_map<core::PersonId, PathView> best;
  if (sources.empty() || targets.empty()) return best;

  // Every interaction of a person, each once: the pairs of that person are then complete.
  scoring::PairCollector collector(now);
  std::unordered_set<std::int64_t> seen_interactions;
  std::unordered_set<core::PersonId> loaded;
  auto visit = [&](core::PersonId person,
                   std::unordered_set<core::PersonId>* neighbours) -> Result<void> {
    if (!loaded.insert(person).second) return {};
    store::InteractionFilter filter;
    filter.attendee = person;
    filter.until = now + std::chrono::seconds(1);
    return store.ForEachInteraction(filter, [&](const core::Interaction& i) -> Result<void> {
      if (!seen_interactions.insert(i.id.value).second) return {};
      collector.Add(i);
      if (neighbours) neighbours->insert(i.attendees.begin(), i.attendees.end());
      return {};
    });
  };

  std::unordered_set<core::PersonId> source_set(sources.begin(), sources.end());
  std::unordered_set<core::PersonId> near;  // the sources' neighbours
  for (auto source : sources) ALLIES_TRY_VOID(visit(source, &near));
  ALLIES_TRY(auto knows, store.ListKnows());
  for (const auto& tie : knows) {
    if (source_set.contains(tie.first)) near.insert(tie.second);
    if (source_set.contains(tie.second)) near.insert(tie.first);
  }
  for (const auto& [id, person] : directory.people) {
    if (person.stamps.deleted_at || !person.reports_to) continue;
    if (source_set.contains(id)) near.insert(*person.reports_to);
    if (source_set.contains(*person.reports_to)) near.insert(id);
  }
  std::unordered_set<core::PersonId> complete(source_set);  // people whose ties are all known
  for (auto id : near) {
    if (!directory.Active(id)) continue;
    ALLIES_TRY_VOID(visit(id, nullptr));
    complete.insert(id);
  }
  for (auto id : targets) {
    if (!directory.Active(id)) continue;
    ALLIES_TRY_VOID(visit(id, nullptr));
    complete.insert(id);
  }

  // The graph of every tie with an end in `complete`, as LoadNetwork weighs them.
  std::unordered_map<core::PersonId, graph::NodeId> node_of;
  std::vector<core::PersonId> person_of;
  auto node = [&](core::PersonId id) {
    auto [it, added] = node_of.emplace(id, static_cast<graph::NodeId>(person_of.size()));
    if (added) person_of.push_back(id);
    return it->second;
  };
  std::vector<graph::Edge> edges;
  auto add = [&](core::PersonId a, core::PersonId b, double strength) {
    if (!(strength > 0) || !directory.Active(a) || !directory.Active(b)) return;
    if (!complete.contains(a) && !complete.contains(b)) return;
    edges.push_back(graph::Edge{node(a), node(b), static_cast<float>(strength)});
  };
  for (const auto& pair : collector.TakeStrengths(params)) add(pair.a, pair.b, pair.strength);
  for (const auto& tie : knows) add(tie.first, tie.second, tie.strength);
  for (const auto& [id, person] : directory.people) {
    if (person.reports_to) add(id, *person.reports_to, params.reports_to_strength);
  }
  for (auto source : sources) node(source);
  for (auto target : targets) {
    if (directory.Active(target)) node(target);
  }
  graph::BuildOptions options;
  options.directed = false;
  options.merge = graph::Merge::kMax;
  ALLIES_TRY(auto graph,
             graph::Graph::Build(static_cast<graph::NodeId>(person_of.size()), edges, options));

  std::vector<graph::NodeId> source_nodes;
  source_nodes.reserve(sources.size());
  for (auto source : sources) source_nodes.push_back(node_of.at(source));
  graph::StrongPathOptions path_options;
  path_options.k = 1;
  path_options.max_hops = 3;
  for (auto target : targets) {
    auto it = node_of.find(target);
    if (it == node_of.end() || best.contains(target)) continue;
    ALLIES_TRY(auto paths, graph::KStrongestPaths(graph, source_nodes, it->second, path_options));
    if (paths.empty()) continue;
    PathView view;
    for (auto n : paths.front().nodes) view.people.push_back(directory.Ref(person_of[n]));
    view.strengths = paths.front().strengths;
    view.strength = paths.front().strength;
    best.emplace(target, std::move(view));
  }
  return best;
}

}  // namespace allies::app::internal
