#pragma once
// What the network analytics return (issue 3): every score with its parts, so that the user can
// see why someone ranks where they do.

#include <optional>
#include <string>
#include <vector>

#include "app/views.h"
#include "graph/brokerage.h"

namespace allies::app {

// How betweenness was computed: exactly, or by sampling with a guarantee of ±epsilon.
struct BetweennessMethod {
  bool approximate = false;
  std::optional<double> epsilon;  // set when approximate
  std::optional<double> delta;    // the probability that some value misses by more than epsilon
};

struct InfluenceView {
  PersonRef person;
  std::string title;
  double influence = 0;             // 0.4·pagerank pct + 0.3·betweenness pct + 0.3·offer
  double influence_percentile = 0;  // among everyone in the network
  double pagerank = 0;
  double pagerank_percentile = 0;
  double betweenness = 0;  // normalised as NetworkX normalises it
  double betweenness_percentile = 0;
  double offer = 0;              // best offer rating / 5
  int formal_level = 0;          // 0 at the top of the reports-to tree
  double formal_percentile = 0;  // higher rank, higher percentile
  double gap = 0;                // influence percentile - formal percentile
  bool hidden = false;
};

struct InfluenceReport {
  std::vector<InfluenceView> people;  // most influential first
  std::size_t network_people = 0;
  std::size_t network_ties = 0;
  BetweennessMethod method;
};

// `allies influence status`: the stored influence snapshot and what the advice commands do with
// it now (README.md, "The influence snapshot").
struct InfluenceStatus {
  bool stored = false;      // false: none yet; the fields below up to `changes_since` unset
  core::TimePoint as_of{};  // the `now` it was computed for
  std::size_t people = 0;   // the network's people and ties then
  std::size_t ties = 0;
  std::int64_t changes_since = 0;
  std::size_t people_now = 0;  // people in the database now
  std::string stale_because;   // why it is outdated; empty when current
  // What plan and ask-for do now: "reuse", "reuse while refreshed" (outdated, but a refresh
  // in the background is due and it serves meanwhile) or "compute" (the command recomputes it).
  std::string advice_commands;
  bool refreshing = false;  // another process is recomputing it at this moment
  // What the last refresh in the background reported when it failed ("" when it did not);
  // filled by the CLI, which starts those processes and keeps their stderr.
  std::string background_error;
};

// `allies influence refresh`: what it did.
struct InfluenceRefresh {
  bool computed = false;
  // Why it computed ("8 days old (...)", "asked for"), or why not ("current", "another process
  // is computing it").
  std::string because;
  std::size_t people = 0;  // when computed: the network's size
  std::size_t ties = 0;
  double seconds = 0;  // when computed: how long it took
};

struct BrokerView {
  PersonRef person;
  double betweenness = 0;
  std::optional<double> constraint;      // unset for someone without ties
  std::optional<double> effective_size;  // unset for someone without ties
  graph::BrokerageRoles roles;           // Gould–Fernandez, with department as the group
};

struct BrokerReport {
  std::vector<BrokerView> people;  // highest betweenness first
  BetweennessMethod method;
};

struct CommunityView {
  int id = 0;
  std::vector<PersonRef> members;                        // strongest PageRank first
  std::vector<std::pair<std::string, int>> departments;  // most represented first
};

struct CommunityReport {
  double modularity = 0;
  std::vector<CommunityView> communities;  // largest first
};

// A warm path from me or a team member to someone: each link's strength and their product.
struct PathView {
  std::vector<PersonRef> people;  // me or a team member first, the target last
  std::vector<double> strengths;  // strengths[i]: the tie people[i] - people[i + 1]
  double strength = 1;            // the product
};

struct PathReport {
  PersonRef target;
  std::vector<PathView> paths;  // strongest first
};

// Network by proxy: who me and my team reach directly with a tie of at least `min_strength`.
struct CoverageRow {
  std::string name;             // a department, or a vendor's name
  int people = 0;               // people there
  int reached = 0;              // of whom reached
  std::vector<std::string> by;  // the members (me included) who reach someone there
};

struct MemberReach {
  PersonRef member;
  int reached = 0;   // people this member reaches
  int only = 0;      // people nobody else on the team reaches
  double share = 0;  // reached / everyone reached
};

struct ReachReport {
  double min_strength = 0.2;
  int people = 0;                        // everyone but me and my team
  int reached = 0;                       // of whom reached
  std::vector<CoverageRow> departments;  // least covered first
  std::vector<CoverageRow> vendors;
  std::vector<std::string> gaps;     // departments and vendors nobody reaches
  std::vector<MemberReach> members;  // me first, then the team by reach
};

// One node of a network read from files (`allies analyze`).
struct AnalyzedNode {
  std::string id;
  std::string label;
  std::string group;
  double pagerank = 0;
  double betweenness = 0;
  std::optional<double> constraint;
  std::optional<double> effective_size;
  int community = 0;
};

struct AnalysisReport {
  bool directed = false;
  BetweennessMethod method;
  double modularity = 0;
  std::size_t edges = 0;
  std::vector<AnalyzedNode> nodes;  // in file order
};

}  // namespace allies::app
