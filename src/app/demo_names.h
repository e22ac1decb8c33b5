#pragma once
// The words of the demo organization (demo.cc): people's names, departments with their titles,
// offers and needs, the IT team's roles, the vendors, personal notes and ledger notes. Everything
// here is fictional; domains use the reserved .example top-level domain.

#include <span>
#include <string>
#include <string_view>

namespace allies::app::demo {

struct OfferWords {
  std::string_view key;
  int rating = 3;  // 0..5: how strong this role usually is at it
};

struct DepartmentWords {
  std::string_view name;
  std::string_view head_title;
  int weight = 1;                                    // relative size
  std::span<const std::string_view> senior_titles;   // managers of managers
  std::span<const std::string_view> manager_titles;  // managers of staff
  std::span<const std::string_view> staff_titles;
  std::span<const std::string_view> offers;  // offer keys the department is good for
  std::span<const std::string_view> needs;   // pain points, one sentence each
  std::string_view field;                    // "finance": how they got into finance
};

// The departments of the internal organization; IT is the last one.
std::span<const DepartmentWords> Departments();

// One of the six roles of my team in IT, with the branch of IT it leads.
struct TeamRoleWords {
  std::string_view title;
  int weight = 1;  // relative size of the branch
  std::span<const std::string_view> manager_titles;
  std::span<const std::string_view> staff_titles;
  std::span<const OfferWords> offers;
  std::string_view need;
};

std::span<const TeamRoleWords> TeamRoles();

struct VendorWords {
  std::string_view name;
  std::string_view domain;
  std::span<const std::string_view> services;
  int cadence_days = 30;
  int renewal_in_days = 180;                         // from the demo's `now`
  bool neglected = false;                            // check-ins stop months ago: the tie goes cold
  std::span<const std::string_view> contact_titles;  // 2 or 3 key contacts
  std::span<const OfferWords> offers;
  std::string_view need;
};

std::span<const VendorWords> Vendors();

std::span<const std::string_view> FirstNames();
std::span<const std::string_view> LastNames();

// Personal notes: family, interests, and how they got into their field ("{}" takes the field).
std::span<const std::string_view> FamilyNotes();
std::span<const std::string_view> InterestNotes();
std::span<const std::string_view> OriginNotes();

// The IT-leadership topics meetings, projects and asks are about.
std::span<const std::string_view> Topics();
// Names of cross-department projects.
std::span<const std::string_view> Projects();

// Ledger notes by ledger kind, indexed like core::LedgerKind ("{}" takes a topic).
std::span<const std::string_view> LedgerNotes(int ledger_kind);

// "January" .. "December" for month 1..12.
std::string_view MonthName(unsigned month);

// Lower-case ASCII letters and digits of `utf8`: accented Latin letters lose their accents
// ("Łukasz" -> "lukasz", "Nguyễn" -> "nguyen", "ß" -> "ss"); every other character is dropped.
std::string AsciiLetters(std::string_view utf8);

}  // namespace allies::app::demo
