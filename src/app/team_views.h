#pragma once
// What the team and vendor use cases return (issue 5): the coaching report and the vendor watch.
// Every number comes with what it was computed from, so that a suggestion can be explained.

#include <optional>
#include <string>
#include <vector>

#include "app/views.h"

namespace allies::app {

// One row of `allies team report`: what one member (me or a team member) has built.
struct MemberCoaching {
  PersonRef member;
  bool is_me = false;
  int ties = 0;         // people (not me or the team) with a tie of strength above 0
  int new_ties_30 = 0;  // people first met within the last 30 days
  int new_ties_90 = 0;  // ... within the last 90 days
  std::vector<std::string> departments;  // covered: a tie of at least min_strength there
  std::vector<std::string> vendors;      // vendors covered the same way
  int at_risk = 0;                       // ties at risk, as `allies ties` decides it
  std::vector<TieView> at_risk_ties;     // the strongest of them (at most 5)
  // Accounts of this member that are overdrawn. Set only on the viewer's own row: a member's
  // ledger never shows in output for anyone else.
  std::optional<int> overdrawn;
  std::string rule;        // which coaching rule chose the suggestion (README "The team report")
  std::string suggestion;  // one sentence: what to do next
};

struct TeamReport {
  PersonRef viewer;  // whose report this is: me, or the member of --as
  double min_strength = 0.2;
  std::vector<std::string> uncovered_departments;  // nobody on the team covers them
  std::vector<std::string> uncovered_vendors;
  std::vector<MemberCoaching> members;  // me first, then the team by name
};

// Someone at a vendor and the ties me and my team hold with them.
struct VendorContact {
  PersonRef person;
  std::string title;
  double strength = 0;                             // the strongest tie anyone of us holds with them
  std::optional<PersonRef> held_by;                // who holds that tie (unset when nobody has one)
  std::vector<std::pair<PersonRef, double>> ties;  // every member with a tie, strongest first
};

struct VendorView {
  core::Organization org;
  std::optional<int> renewal_days;      // days until the contract renews (negative: passed)
  std::vector<VendorContact> contacts;  // strongest first
  VendorCheckIn check_in;               // the last interaction of me or my team with them
  std::optional<PersonRef> checked_in_by;
  std::vector<NoticeView> notices;   // change notices of the last 90 days, newest first
  std::optional<VendorAlert> alert;  // set when `allies today` lists the vendor
};

}  // namespace allies::app
