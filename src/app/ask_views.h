#pragma once
// What meeting prep, the ask advisor and the record of asks return (issue 5).

#include <optional>
#include <string>
#include <vector>

#include "app/network_views.h"
#include "app/views.h"
#include "core/model.h"
#include "scoring/balance.h"

namespace allies::app {

// --- asks -----------------------------------------------------------------------------------

struct AskInput {
  std::string person;
  std::string text;
  core::LedgerKind kind = core::LedgerKind::kSmallAsk;  // a withdrawal kind
  core::AskOutcome outcome = core::AskOutcome::kPending;
  std::optional<core::TimePoint> at;
};

struct AskView {
  core::Ask ask;
  PersonRef person;
  PersonRef owner;
  core::LedgerEntry withdrawal;
  scoring::Balance balance;  // my account with the person now
};

// --- the ask advisor ------------------------------------------------------------------------

struct AskForInput {
  std::string text;
  std::vector<std::string> tags;  // a candidate must have every one (case-insensitive)
  std::optional<int> top;         // default 10
  bool fresh_influence = false;   // recompute the influence snapshot even when it is current
};

// How to ask a candidate: directly (a tie of mine), through an introduction (the best warm path
// goes through someone else), with a deposit first (my account is overdrawn), or cold (no warm
// path within 3 links).
enum class AskApproach { kDirect, kIntroduction, kDepositFirst, kCold };

struct AskCandidate {
  PersonRef person;
  std::string title;
  double score = 0;      // match × influence × path strength
  double match = 0;      // full-text relevance / the best relevance of the query, in (0, 1]
  double influence = 0;  // DESIGN.md §3, over the whole network
  bool influence_estimated = false;   // added since the snapshot: from their offers alone
  std::optional<PathView> path;       // the strongest warm path (at most 3 links), if any
  std::vector<std::string> evidence;  // "offers: budget (4)", "note: ...", "needs: ..."
  scoring::Balance balance;           // my account with them
  AskApproach approach = AskApproach::kDirect;
  std::optional<PersonRef> introducer;  // kIntroduction: whom to ask for the introduction
  std::optional<std::string> deposit;   // kDepositFirst: the deposit to make first
  std::string advice;                   // one or two sentences
};

struct AskForReport {
  std::string text;
  std::vector<std::string> words;  // what was searched for
  std::vector<std::string> tags;
  int matched = 0;                       // people whose offers, needs or notes matched
  InfluenceSource influence;             // the snapshot used, or computed
  std::vector<AskCandidate> candidates;  // best first
};

// --- meeting prep ---------------------------------------------------------------------------

// One of their needs, with what me and my team offer that fits it.
struct TeamOffer {
  PersonRef member;
  std::string offer;
  int rating = 0;
};

struct NeedMatch {
  std::string need;
  std::vector<TeamOffer> offers;  // empty: nobody on my team offers something that fits
};

// Team members who worked with people of the person's department in the last 90 days.
struct TeamTouch {
  PersonRef member;
  int interactions = 0;
};

struct PrepView {
  PersonRow row;
  // Attention: personal notes sorted into family, interests and how they got into their field.
  std::vector<core::Note> family;
  std::vector<core::Note> interests;
  std::vector<core::Note> origin;
  std::optional<core::Note> last_detail;  // the newest personal note
  std::vector<std::string> questions;     // things to ask about
  std::vector<NeedMatch> needs;
  std::vector<TeamTouch> team_touches;    // my team's work in their department
  std::optional<std::string> in_the_way;  // "Is my team getting in your way?" when it touches it
  std::vector<FollowUpView> followups;    // open ones
  scoring::Balance balance;
  std::vector<InteractionView> last_interactions;  // with me, newest first, at most three
  std::vector<AskView> asks;                       // open or of the last 30 days
};

}  // namespace allies::app
