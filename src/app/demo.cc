#include "app/demo.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "app/demo_names.h"
#include "core/check.h"
#include "core/model.h"
#include "core/random.h"

namespace allies::app {
namespace {

using core::InteractionKind;
using core::LedgerKind;
using core::PersonId;
using core::Purpose;
using core::Result;
using core::TimePoint;
using std::chrono::days;
using std::chrono::sys_days;
using Titles = std::span<const std::string_view>;

constexpr int kMinPeople = 50;
constexpr int kMaxPeople = 1000000;
constexpr int kHistoryDays = 364;  // days before today that the year of history starts
constexpr int kMaxLeaves = 8;      // direct reports of a first-line manager
constexpr int kMaxItLeaves = 12;   // IT leads run flatter teams (a service desk of twelve)
constexpr int kMaxManagers = 8;    // managers under one senior manager
constexpr int kWindow = 40;        // "nearby in the department": this many places either side
constexpr int kSlotMinutes = 30;   // my calendar's granularity
constexpr int kFirstSlot = 16;     // 08:00, in slots since midnight
constexpr int kDaySlots = 20;      // office hours: 08:00 to 18:00
constexpr std::string_view kCompanyName = "Brightwater Group";
constexpr std::string_view kCompanyDomain = "brightwater.example";
constexpr std::string_view kMyFirstName = "Sam";
constexpr std::string_view kMyLastName = "Whitfield";

// Indices into demo::TeamRoles().
constexpr int kInfrastructure = 0;
constexpr int kSecurity = 1;
constexpr int kApplications = 2;
constexpr int kServiceDesk = 3;
constexpr int kPmo = 5;

// Index into demo::Departments().
constexpr int kLegal = 7;

// The demo draws its own numbers (core::Random), so that it is identical on every platform.
class Rng : public core::Random {
 public:
  using Random::Random;

  // Uniform in [lo, hi].
  int Int(int lo, int hi) {
    if (hi <= lo) return lo;
    return lo + static_cast<int>(Below(static_cast<std::uint64_t>(hi - lo) + 1));
  }

  double Real() { return Uniform(); }
  bool Chance(double p) { return Real() < p; }

  template <class T>
  const T& Pick(std::span<const T> items) {
    return items[Below(items.size())];
  }
  int PickIndex(const std::vector<int>& items) { return items[Below(items.size())]; }
};

struct Member {
  core::Person person;
  std::string first_name;
  std::string last_name;
  int parent = -1;
  int dept = -1;    // index into demo::Departments(); -1 for vendor contacts
  int vendor = -1;  // index into demo::Vendors() for vendor contacts
  int depth = 0;
  std::vector<int> children;
};

// Rhythms of the organization's own calendar. Large organizations are sampled more thinly, so that
// 100,000 people give about a million ties from about half a million interactions.
struct Rhythm {
  int team_meeting_every_days = 14;
  int one_on_ones_per_year = 12;
  double dept_projects_per_person = 0.5;
  double cross_projects_per_person = 0.04;
  double informal_pairs_per_person = 0.3;
};

Rhythm RhythmFor(int people) {
  if (people <= 5000) return Rhythm{};
  return Rhythm{42, 2, 0.6, 0.03, 0.25};
}

core::Setting SettingFor(InteractionKind kind) {
  switch (kind) {
    case InteractionKind::kLunch:
    case InteractionKind::kCoffee:
    case InteractionKind::kWalk:
    case InteractionKind::kOffsite:
    case InteractionKind::kEvent:
      return core::Setting::kRelaxed;
    default:
      return core::Setting::kFormal;
  }
}

// Keeps the error of an insert and drops the new id.
template <class T>
Result<void> Dropped(Result<T> result) {
  if (!result) return tl::unexpected(std::move(result).error());
  return {};
}

constexpr std::int64_t kSlotSeconds = std::int64_t{kSlotMinutes} * 60;
std::int64_t SlotOf(TimePoint at) { return at.time_since_epoch().count() / kSlotSeconds; }
int SlotsFor(int duration_min) { return (duration_min + kSlotMinutes - 1) / kSlotMinutes; }

// One of my interactions with one other person, kept to hang ledger entries on.
struct Touch {
  core::InteractionId id;
  TimePoint at{};
};

class DemoWriter {
 public:
  DemoWriter(store::Store& store, const DemoOptions& options, TimePoint now)
      : store_(store),
        people_(options.people),
        rng_(options.seed),
        now_(now),
        today_(std::chrono::floor<days>(now)),
        first_day_(today_ - days(kHistoryDays)),
        rhythm_(RhythmFor(options.people)) {}

  Result<DemoSummary> Run();

 private:
  // --- the organization, built in memory ---
  int Add(int parent, int dept, std::string title);
  void BuildSubtree(int root, int count, int dept, Titles senior, Titles manager, Titles staff,
                    int max_leaves = kMaxLeaves);
  std::vector<int> Apportion(int total, std::span<const int> weights, std::span<const int> mins);
  void BuildOrganization();
  void AddVendorContacts();
  void IndexDepartments();
  int DeepestLeaf(int root);
  void PlantHiddenInfluencers();
  int PickInDept(int dept, bool prefer_manager);
  void ChooseMyCircle();
  void NameEveryone();
  void NameMember(Member& member);
  void DescribePeople();
  void DescribeMember(int index);
  void DescribeMyCircle();
  void DescribeHiddenInfluencers();
  void AddPhones();
  void AddOffers(core::Person& person, Titles keys, int count, int lo, int hi);
  static void SetOffer(core::Person& person, std::string_view key, int rating);
  void AddNotes(Member& member, int count);
  void AddDates(Member& member);

  // --- writing ---
  Result<void> InsertOrgs();
  Result<void> InsertPeople();
  Result<core::InteractionId> Write(TimePoint at, int duration_min, InteractionKind kind,
                                    Purpose purpose, const std::vector<int>& attendees,
                                    int initiator, int energy, std::string note);
  Result<core::InteractionId> WriteWithMe(int other, TimePoint at, int duration_min,
                                          InteractionKind kind, Purpose purpose, bool i_initiated,
                                          int energy, std::string note);
  // A ledger entry of me with `member`, valued at the default of its kind; an empty `note` draws
  // one from the word lists.
  Result<void> Ledger(int member, LedgerKind kind, TimePoint at,
                      std::optional<core::InteractionId> interaction = std::nullopt,
                      std::string note = "");
  Result<void> LedgerOnTouch(int member, LedgerKind kind, int min_days_ago, int max_days_ago,
                             std::string note = "");
  Result<void> WriteTeamRhythm();
  Result<void> WriteLeadershipRhythm();
  Result<void> WriteFriends();
  Result<void> WriteAtRisk();
  Result<void> WriteVendorRhythm();
  Result<void> WriteEvents();
  Result<void> WriteMessages();
  Result<void> WritePlantedLedger();
  Result<void> WriteFollowUps();
  Result<void> WriteIntroductions();
  Result<void> WriteNotices();
  Result<void> WriteOrgTeams();
  Result<void> WriteOrgProjects();
  Result<void> WriteOrgInformal();
  Result<void> WriteHiddenInfluencerTies();
  Result<void> PlantExpert();

  // --- helpers ---
  TimePoint DayTime(int days_ago, int hour, int minute) const;
  TimePoint RandomTime(int min_days_ago, int max_days_ago);
  std::vector<int> Series(std::chrono::weekday weekday, int every_days, int phase_days) const;
  TimePoint Book(int days_ago, int hour, int minute, int duration_min);
  bool IsFree(TimePoint at, int duration_min) const;
  void Reserve(TimePoint at, int duration_min);
  // `at`, or the same time a week earlier when `at` is later than now.
  TimePoint Past(TimePoint at) const { return at > now_ ? at - days(7) : at; }
  std::string Topic() { return std::string(rng_.Pick(demo::Topics())); }
  std::string LedgerNote(LedgerKind kind);
  int Nearby(int member);
  int AnyInternal() { return rng_.PickIndex(internal_); }
  bool IsLeaf(int member) const { return members_[member].children.empty(); }
  std::string FirstName(int member) const { return members_[member].first_name; }
  std::string DateText(sys_days day) const;

  store::Store& store_;
  int people_;
  Rng rng_;
  TimePoint now_;
  sys_days today_;
  sys_days first_day_;
  Rhythm rhythm_;
  DemoSummary summary_;

  std::vector<Member> members_;
  std::vector<PersonId> ids_;
  std::vector<int> insert_order_;
  std::vector<std::vector<int>> dept_members_;  // DFS order, so teams sit together; me excluded
  std::vector<int> pos_in_dept_;
  std::vector<int> internal_;  // every employee but me
  std::vector<char> taken_;    // already cast in a role of my circle
  int ceo_ = -1;
  int me_ = -1;
  std::vector<int> team_;
  std::vector<int> heads_;  // one per department but IT, in department order
  std::vector<std::vector<int>> vendor_contacts_;
  std::vector<int> hidden_;
  std::vector<int> friends_;
  std::vector<int> at_risk_;
  std::vector<int> one_way_;
  std::unordered_map<int, std::vector<Touch>> touches_;
  std::unordered_set<std::int64_t> my_slots_;  // my calendar in half hours since the epoch
  std::unordered_set<std::string> names_;
  std::unordered_map<std::string, int> email_counts_;
  int phone_counter_ = 0;
  core::OrgId company_;
  std::vector<core::OrgId> vendor_orgs_;
};

// --- the organization -------------------------------------------------------------------------

int DemoWriter::Add(int parent, int dept, std::string title) {
  Member member;
  member.parent = parent;
  member.dept = dept;
  member.person.title = std::move(title);
  if (dept >= 0) member.person.department = std::string(demo::Departments()[dept].name);
  const int index = static_cast<int>(members_.size());
  if (parent >= 0) {
    member.depth = members_[parent].depth + 1;
    members_[parent].children.push_back(index);
  }
  members_.push_back(std::move(member));
  return index;
}

// Spreads `count` people under `root`: up to `max_leaves` report directly; more get a layer of
// managers (at most kMaxManagers), recursively, so spans of control stay realistic at any size.
void DemoWriter::BuildSubtree(int root, int count, int dept, Titles senior, Titles manager,
                              Titles staff, int max_leaves) {
  if (count <= max_leaves) {
    for (int i = 0; i < count; ++i) Add(root, dept, std::string(rng_.Pick(staff)));
    return;
  }
  const int managers = std::clamp((count + max_leaves) / (max_leaves + 1), 2, kMaxManagers);
  const int rest = count - managers;
  for (int m = 0; m < managers; ++m) {
    const int share = rest / managers + (m < rest % managers ? 1 : 0);
    const Titles titles = share > max_leaves ? senior : manager;
    const int index = Add(root, dept, std::string(rng_.Pick(titles)));
    BuildSubtree(index, share, dept, senior, manager, staff, max_leaves);
  }
}

// Largest-remainder apportionment of `total` over `weights`, each at least its minimum.
std::vector<int> DemoWriter::Apportion(int total, std::span<const int> weights,
                                       std::span<const int> mins) {
  std::vector<int> sizes(mins.begin(), mins.end());
  int rest = total;
  for (int size : sizes) rest -= size;
  int weight_sum = 0;
  for (int weight : weights) weight_sum += weight;
  std::vector<std::pair<double, int>> remainders;
  for (std::size_t i = 0; i < sizes.size(); ++i) {
    const double exact = static_cast<double>(rest) * weights[i] / weight_sum;
    const int whole = static_cast<int>(exact);
    sizes[i] += whole;
    remainders.emplace_back(exact - whole, static_cast<int>(i));
  }
  int left = total;
  for (int size : sizes) left -= size;
  std::stable_sort(remainders.begin(), remainders.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  for (int i = 0; i < left; ++i) ++sizes[remainders[i % remainders.size()].second];
  return sizes;
}

void DemoWriter::BuildOrganization() {
  const auto departments = demo::Departments();
  const int it = static_cast<int>(departments.size()) - 1;
  int vendor_contacts = 0;
  for (const auto& vendor : demo::Vendors()) {
    vendor_contacts += static_cast<int>(vendor.contact_titles.size());
  }
  const int team_size = static_cast<int>(demo::TeamRoles().size());
  const int employees = people_ - 2 - team_size - vendor_contacts;  // the CEO and me aside

  std::vector<int> weights;
  std::vector<int> mins;
  for (int d = 0; d <= it; ++d) {
    weights.push_back(departments[d].weight);
    mins.push_back(d == it ? team_size : 2);
  }
  const std::vector<int> sizes = Apportion(employees, weights, mins);

  ceo_ = Add(-1, 0, "Chief Executive Officer");
  for (int d = 0; d < it; ++d) {
    const auto& words = departments[d];
    const int head = Add(ceo_, d, std::string(words.head_title));
    heads_.push_back(head);
    BuildSubtree(head, sizes[d] - 1, d, words.senior_titles, words.manager_titles,
                 words.staff_titles);
  }
  me_ = Add(ceo_, it, "CIO");
  members_[me_].person.is_me = true;

  const auto roles = demo::TeamRoles();
  std::vector<int> role_weights;
  std::vector<int> role_mins(roles.size(), 1);
  for (const auto& role : roles) role_weights.push_back(role.weight);
  const std::vector<int> branch_sizes = Apportion(sizes[it], role_weights, role_mins);
  for (std::size_t r = 0; r < roles.size(); ++r) {
    const int lead = Add(me_, it, std::string(roles[r].title));
    members_[lead].person.is_team = true;
    team_.push_back(lead);
    BuildSubtree(lead, branch_sizes[r], it, roles[r].manager_titles, roles[r].manager_titles,
                 roles[r].staff_titles, kMaxItLeaves);
  }
}

void DemoWriter::AddVendorContacts() {
  const auto vendors = demo::Vendors();
  for (std::size_t v = 0; v < vendors.size(); ++v) {
    std::vector<int> contacts;
    for (std::string_view title : vendors[v].contact_titles) {
      const int index = Add(-1, -1, std::string(title));
      members_[index].vendor = static_cast<int>(v);
      if (title.find("Account") != std::string_view::npos) {
        members_[index].person.department = "Account Management";
      }
      contacts.push_back(index);
    }
    vendor_contacts_.push_back(std::move(contacts));
  }
}

// Departments list their people in depth-first order of the reports-to tree, so that a window
// of neighbours in the list is a part of the organization that works together. The same order
// inserts managers before their reports.
void DemoWriter::IndexDepartments() {
  dept_members_.assign(demo::Departments().size(), {});
  pos_in_dept_.assign(members_.size(), -1);
  std::vector<int> stack = {ceo_};
  while (!stack.empty()) {
    const int index = stack.back();
    stack.pop_back();
    insert_order_.push_back(index);
    const Member& member = members_[index];
    if (index != me_) {
      pos_in_dept_[index] = static_cast<int>(dept_members_[member.dept].size());
      dept_members_[member.dept].push_back(index);
      internal_.push_back(index);
    }
    for (auto child = member.children.rbegin(); child != member.children.rend(); ++child) {
      stack.push_back(*child);
    }
  }
  for (std::size_t i = 0; i < members_.size(); ++i) {
    if (members_[i].vendor >= 0) insert_order_.push_back(static_cast<int>(i));
  }
  taken_.assign(members_.size(), 0);
  taken_[ceo_] = taken_[me_] = 1;
  for (int index : team_) taken_[index] = 1;
  for (int index : heads_) taken_[index] = 1;
}

int DemoWriter::DeepestLeaf(int root) {
  std::vector<int> leaves;
  int deepest = -1;
  std::vector<int> stack = {root};
  while (!stack.empty()) {
    const int index = stack.back();
    stack.pop_back();
    const Member& member = members_[index];
    if (member.children.empty() && index != root && !taken_[index]) {
      if (member.depth > deepest) leaves.clear();
      if (member.depth >= deepest) {
        deepest = member.depth;
        leaves.push_back(index);
      }
    }
    for (int child : member.children) stack.push_back(child);
  }
  ALLIES_CHECK(!leaves.empty());
  std::sort(leaves.begin(), leaves.end());
  return rng_.PickIndex(leaves);
}

// The hidden influencers sit at the bottom of the tree (the lowest formal level) and are given
// ties all over the organization in WriteHiddenInfluencerTies.
void DemoWriter::PlantHiddenInfluencers() {
  struct Plant {
    int root;
    std::string_view title;
  };
  const Plant plants[] = {{heads_[3], "Facilities Coordinator"},
                          {heads_[0], "Executive Assistant"},
                          {heads_[1], "Finance Analyst"},
                          {team_[kServiceDesk], "Service Desk Analyst"}};
  for (const Plant& plant : plants) {
    const int index = DeepestLeaf(plant.root);
    members_[index].person.title = std::string(plant.title);
    taken_[index] = 1;
    hidden_.push_back(index);
  }
}

// A random person of `dept` not yet cast in a role, or -1 when there is none.
int DemoWriter::PickInDept(int dept, bool prefer_manager) {
  const std::vector<int>& people = dept_members_[dept];
  for (int attempt = 0; attempt < 40; ++attempt) {
    const int index = rng_.PickIndex(people);
    if (taken_[index]) continue;
    if (prefer_manager && IsLeaf(index) && attempt < 20) continue;
    taken_[index] = 1;
    return index;
  }
  for (int index : people) {
    if (!taken_[index]) {
      taken_[index] = 1;
      return index;
    }
  }
  return -1;
}

void DemoWriter::ChooseMyCircle() {
  const int departments = static_cast<int>(demo::Departments().size());
  // Ties at risk: the ERP programme's business leads, busy early in the year, silent since.
  for (int d : {10, 1, 2, 5}) {
    const int index = PickInDept(d, true);
    if (index >= 0) at_risk_.push_back(index);
  }
  for (int i = 0; i < 5; ++i) {
    const int index = PickInDept(static_cast<int>(rng_.Below(departments)), false);
    if (index >= 0) one_way_.push_back(index);
  }
  int misses = 0;
  for (int d = 0; friends_.size() < 27 && misses < departments; d = (d + 1) % departments) {
    const int index = PickInDept(d, rng_.Chance(0.6));
    if (index < 0) {
      ++misses;
      continue;
    }
    misses = 0;
    friends_.push_back(index);
  }
  // Three department heads are more than colleagues: lunches, not just monthly syncs.
  for (int d : {4, 9, 7}) friends_.push_back(heads_[d]);
}

// --- names and descriptions -------------------------------------------------------------------

void DemoWriter::NameMember(Member& member) {
  const auto firsts = demo::FirstNames();
  const auto lasts = demo::LastNames();
  constexpr int kAttempts = 12;
  for (int attempt = 0; attempt < kAttempts; ++attempt) {
    std::string_view first = rng_.Pick(firsts);
    std::string_view last = rng_.Pick(lasts);
    // Duplicates are tolerated only in very large organizations, after middle initials ran out.
    std::string name =
        attempt < kAttempts / 2
            ? fmt::format("{} {}", first, last)
            : fmt::format("{} {}. {}", first, static_cast<char>('A' + rng_.Below(26)), last);
    if (names_.insert(name).second || attempt == kAttempts - 1) {
      member.person.name = std::move(name);
      member.first_name = std::string(first);
      member.last_name = std::string(last);
      return;
    }
  }
}

void DemoWriter::NameEveryone() {
  Member& me = members_[me_];
  me.first_name = std::string(kMyFirstName);
  me.last_name = std::string(kMyLastName);
  me.person.name = fmt::format("{} {}", kMyFirstName, kMyLastName);
  names_.insert(me.person.name);
  for (std::size_t i = 0; i < members_.size(); ++i) {
    if (static_cast<int>(i) != me_) NameMember(members_[i]);
  }
  const auto vendors = demo::Vendors();
  for (Member& member : members_) {
    std::string local =
        demo::AsciiLetters(member.first_name) + "." + demo::AsciiLetters(member.last_name);
    const int count = ++email_counts_[local];
    if (count > 1) local += std::to_string(count);
    const std::string_view domain =
        member.vendor >= 0 ? vendors[member.vendor].domain : kCompanyDomain;
    member.person.emails.push_back({fmt::format("{}@{}", local, domain), "work"});
  }
  me.person.emails.push_back({"sam@whitfield.example", "home"});
}

void DemoWriter::AddOffers(core::Person& person, Titles keys, int count, int lo, int hi) {
  for (int i = 0; i < count; ++i) {
    const std::string key(rng_.Pick(keys));
    const bool seen = std::any_of(person.offers.begin(), person.offers.end(),
                                  [&](const core::Offer& offer) { return offer.key == key; });
    if (!seen) person.offers.push_back({key, rng_.Int(lo, hi)});
  }
}

void DemoWriter::SetOffer(core::Person& person, std::string_view key, int rating) {
  for (core::Offer& offer : person.offers) {
    if (offer.key == key) {
      offer.rating = rating;
      return;
    }
  }
  person.offers.push_back({std::string(key), rating});
}

void DemoWriter::AddNotes(Member& member, int count) {
  const std::string_view field =
      member.dept >= 0 ? demo::Departments()[member.dept].field : std::string_view("IT services");
  for (int i = 0; i < count; ++i) {
    std::string text;
    switch ((i + rng_.Int(0, 2)) % 3) {
      case 0:
        text = std::string(rng_.Pick(demo::FamilyNotes()));
        break;
      case 1:
        text = std::string(rng_.Pick(demo::InterestNotes()));
        break;
      default:
        text = fmt::format(fmt::runtime(rng_.Pick(demo::OriginNotes())), field);
    }
    member.person.notes.push_back({RandomTime(0, kHistoryDays), std::move(text)});
  }
}

void DemoWriter::AddDates(Member& member) {
  const int year = static_cast<int>(std::chrono::year_month_day(today_).year());
  if (rng_.Chance(0.65)) {
    core::MonthDay birthday;
    birthday.month = static_cast<unsigned>(rng_.Int(1, 12));
    birthday.day = static_cast<unsigned>(rng_.Int(1, 28));
    if (rng_.Chance(0.7)) birthday.year = year - rng_.Int(24, 63);
    member.person.dates.push_back({core::DateKind::kBirthday, birthday});
  }
  if (member.dept >= 0 && rng_.Chance(0.35)) {
    core::MonthDay hired;
    hired.month = static_cast<unsigned>(rng_.Int(1, 12));
    hired.day = static_cast<unsigned>(rng_.Int(1, 28));
    hired.year = year - rng_.Int(1, 25);
    member.person.dates.push_back({core::DateKind::kWorkAnniversary, hired});
  }
}

void DemoWriter::DescribeMember(int index) {
  Member& member = members_[index];
  core::Person& person = member.person;
  AddDates(member);
  if (member.vendor >= 0) {
    const auto& vendor = demo::Vendors()[member.vendor];
    for (const auto& offer : vendor.offers) {
      if (rng_.Chance(0.7)) person.offers.push_back({std::string(offer.key), offer.rating});
    }
    if (rng_.Chance(0.5)) person.needs.emplace_back(vendor.need);
    person.tags.emplace_back("vendor");
    return;
  }
  const auto& words = demo::Departments()[member.dept];
  if (person.is_me || person.is_team) return;
  const bool head = member.parent == ceo_;
  if (head || index == ceo_) {
    AddOffers(person, words.offers, 3, 3, 5);
    person.needs.emplace_back(rng_.Pick(words.needs));
    if (rng_.Chance(0.5)) person.needs.emplace_back(rng_.Pick(words.needs));
    person.tags.emplace_back("leadership");
  } else if (!IsLeaf(index)) {
    if (rng_.Chance(0.5)) AddOffers(person, words.offers, rng_.Int(1, 2), 2, 4);
    if (rng_.Chance(0.3)) person.needs.emplace_back(rng_.Pick(words.needs));
  } else if (rng_.Chance(0.25)) {
    AddOffers(person, words.offers, 1, 1, 3);
  }
  if (rng_.Chance(0.08)) AddNotes(member, 1);
}

void DemoWriter::DescribePeople() {
  for (std::size_t i = 0; i < members_.size(); ++i) DescribeMember(static_cast<int>(i));
  DescribeMyCircle();
  DescribeHiddenInfluencers();
  AddPhones();
}

// What I know of the people I deal with: closeness I rated, a cadence I set, personal notes.
void DemoWriter::DescribeMyCircle() {
  const auto roles = demo::TeamRoles();
  for (std::size_t r = 0; r < team_.size(); ++r) {
    core::Person& person = members_[team_[r]].person;
    for (const auto& offer : roles[r].offers)
      person.offers.push_back({std::string(offer.key), offer.rating});
    person.needs.emplace_back(roles[r].need);
    person.tags.emplace_back("it-leadership");
    person.closeness = rng_.Int(3, 5);
    person.closeness_at = RandomTime(10, 200);
    person.cadence_days = 7;
    AddNotes(members_[team_[r]], 2);
  }
  core::Person& ceo = members_[ceo_].person;
  ceo.closeness = 3;
  ceo.closeness_at = RandomTime(30, 120);
  ceo.cadence_days = 14;
  AddNotes(members_[ceo_], 2);
  for (int head : heads_) {
    if (rng_.Chance(0.6)) {
      members_[head].person.closeness = rng_.Int(1, 4);
      members_[head].person.closeness_at = RandomTime(20, 300);
    }
    members_[head].person.cadence_days = 30;
    AddNotes(members_[head], rng_.Int(1, 2));
  }
  for (int index : friends_) {
    Member& member = members_[index];
    if (rng_.Chance(0.5)) {
      member.person.closeness = rng_.Int(2, 4);
      member.person.closeness_at = RandomTime(5, 250);
    }
    if (rng_.Chance(0.35)) member.person.cadence_days = rng_.Chance(0.5) ? 60 : 90;
    if (member.person.notes.empty()) AddNotes(member, rng_.Int(1, 2));
  }
  for (int index : at_risk_) {
    Member& member = members_[index];
    member.person.closeness = 3;
    member.person.closeness_at = RandomTime(250, 330);
    member.person.cadence_days = 30;
    member.person.tags.emplace_back("erp-programme");
    if (member.person.notes.empty()) AddNotes(member, 1);
  }
  const auto vendors = demo::Vendors();
  for (std::size_t v = 0; v < vendor_contacts_.size(); ++v) {
    const int primary = vendor_contacts_[v].front();
    members_[primary].person.cadence_days = vendors[v].cadence_days;
    members_[primary].person.closeness = rng_.Int(1, 3);
    members_[primary].person.closeness_at = RandomTime(30, 300);
    for (int contact : vendor_contacts_[v]) {
      if (rng_.Chance(0.6)) AddNotes(members_[contact], 1);
    }
  }
}

void DemoWriter::DescribeHiddenInfluencers() {
  for (int index : hidden_) AddNotes(members_[index], 1);
  // The long-tenured Finance Analyst: twenty-two years with the company.
  Member& analyst = members_[hidden_[2]];
  const int year = static_cast<int>(std::chrono::year_month_day(today_).year());
  std::erase_if(analyst.person.dates, [](const core::ImportantDate& date) {
    return date.kind == core::DateKind::kWorkAnniversary;
  });
  analyst.person.dates.push_back({core::DateKind::kWorkAnniversary, {9, 1, year - 22}});
  analyst.person.notes.push_back(
      {RandomTime(30, 200), "Twenty-two years here; knows how every budget line really works."});
  SetOffer(members_[hidden_[0]].person, "workplace moves", 4);
  SetOffer(members_[hidden_[0]].person, "who knows whom", 5);
  SetOffer(members_[hidden_[1]].person, "CEO's calendar", 5);
  SetOffer(analyst.person, "budget", 4);
  SetOffer(members_[hidden_[3]].person, "ServiceNow", 4);
}

// Phones for the people I deal with most; numbers from Ofcom's ranges reserved for drama.
void DemoWriter::AddPhones() {
  auto add_phone = [this](int index) {
    Member& member = members_[index];
    if (!member.person.phones.empty()) return;
    const int n = phone_counter_++;
    member.person.phones.push_back(
        member.vendor >= 0 ? core::Phone{fmt::format("+44 7700 900{:03}", n % 1000), "cell"}
                           : core::Phone{fmt::format("+44 20 7946 0{:03}", n % 1000), "work"});
  };
  add_phone(me_);
  members_[me_].person.phones.push_back({"+44 7700 900999", "cell"});
  add_phone(ceo_);
  for (int index : team_) add_phone(index);
  for (int index : heads_) add_phone(index);
  for (const auto& contacts : vendor_contacts_) {
    for (int index : contacts) add_phone(index);
  }
  for (int index : friends_) add_phone(index);
}

// --- writing: records -------------------------------------------------------------------------

Result<void> DemoWriter::InsertOrgs() {
  core::Organization company;
  company.name = std::string(kCompanyName);
  company.kind = core::OrgKind::kInternal;
  ALLIES_TRY(company_, store_.InsertOrg(company));
  for (const auto& words : demo::Vendors()) {
    core::Organization vendor;
    vendor.name = std::string(words.name);
    vendor.kind = core::OrgKind::kVendor;
    for (std::string_view service : words.services) vendor.services.emplace_back(service);
    vendor.renewal = core::Date(today_ + days(words.renewal_in_days));
    vendor.cadence_days = words.cadence_days;
    ALLIES_TRY(core::OrgId id, store_.InsertOrg(vendor));
    vendor_orgs_.push_back(id);
  }
  summary_.vendors = static_cast<int>(vendor_orgs_.size());
  return {};
}

Result<void> DemoWriter::InsertPeople() {
  ids_.assign(members_.size(), PersonId{});
  for (int index : insert_order_) {
    Member& member = members_[index];
    member.person.org = member.vendor >= 0 ? vendor_orgs_[member.vendor] : company_;
    if (member.parent >= 0) member.person.reports_to = ids_[member.parent];
    ALLIES_TRY(ids_[index], store_.InsertPerson(member.person));
  }
  summary_.people = static_cast<int>(members_.size());
  summary_.departments = static_cast<int>(demo::Departments().size());
  summary_.team = static_cast<int>(team_.size());
  for (int index : hidden_) summary_.hidden_influencers.push_back(members_[index].person.name);
  return {};
}

Result<core::InteractionId> DemoWriter::Write(TimePoint at, int duration_min, InteractionKind kind,
                                              Purpose purpose, const std::vector<int>& attendees,
                                              int initiator, int energy, std::string note) {
  core::Interaction interaction;
  interaction.at = at;
  interaction.duration_min = duration_min;
  interaction.kind = kind;
  interaction.setting = SettingFor(kind);
  interaction.purpose = purpose;
  interaction.attendees.reserve(attendees.size());
  for (int index : attendees) interaction.attendees.push_back(ids_[index]);
  if (initiator >= 0) interaction.initiator = ids_[initiator];
  interaction.energy = energy;
  interaction.note = std::move(note);
  interaction.owner = ids_[me_];
  ++summary_.interactions;
  return store_.InsertInteraction(interaction);
}

Result<core::InteractionId> DemoWriter::WriteWithMe(int other, TimePoint at, int duration_min,
                                                    InteractionKind kind, Purpose purpose,
                                                    bool i_initiated, int energy,
                                                    std::string note) {
  ALLIES_TRY(core::InteractionId id, Write(at, duration_min, kind, purpose, {me_, other},
                                           i_initiated ? me_ : other, energy, std::move(note)));
  touches_[other].push_back({id, at});
  return id;
}

std::string DemoWriter::LedgerNote(LedgerKind kind) {
  const std::string_view pattern = rng_.Pick(demo::LedgerNotes(static_cast<int>(kind)));
  return fmt::format(fmt::runtime(pattern), Topic());
}

Result<void> DemoWriter::Ledger(int member, LedgerKind kind, TimePoint at,
                                std::optional<core::InteractionId> interaction, std::string note) {
  static constexpr double kDefaultValues[] = {1, 2, 3, 3, 2, 1, 3, 5};
  core::LedgerEntry entry;
  entry.person = ids_[member];
  entry.owner = ids_[me_];
  entry.at = at;
  entry.kind = kind;
  entry.value = kDefaultValues[static_cast<int>(kind)];
  entry.note = note.empty() ? LedgerNote(kind) : std::move(note);
  entry.interaction = interaction;
  ++summary_.ledger_entries;
  ALLIES_TRY_VOID(Dropped(store_.InsertLedgerEntry(entry)));
  return {};
}

// A ledger entry on one of my interactions with `member` between the two ages, or at a random
// time in that range when we did not meet then.
Result<void> DemoWriter::LedgerOnTouch(int member, LedgerKind kind, int min_days_ago,
                                       int max_days_ago, std::string note) {
  std::vector<Touch> candidates;
  for (const Touch& touch : touches_[member]) {
    const double age = core::DaysBetween(touch.at, now_);
    if (age >= min_days_ago && age <= max_days_ago + 1) candidates.push_back(touch);
  }
  if (candidates.empty()) {
    return Ledger(member, kind, RandomTime(min_days_ago, max_days_ago), std::nullopt,
                  std::move(note));
  }
  const Touch& touch = candidates[rng_.Below(candidates.size())];
  return Ledger(member, kind, touch.at, touch.id, std::move(note));
}

// --- writing: my year -------------------------------------------------------------------------

Result<void> DemoWriter::WriteTeamRhythm() {
  struct Slot {
    std::chrono::weekday weekday;
    int hour;
  };
  const Slot slots[] = {{std::chrono::Monday, 14},   {std::chrono::Tuesday, 11},
                        {std::chrono::Wednesday, 9}, {std::chrono::Wednesday, 15},
                        {std::chrono::Thursday, 10}, {std::chrono::Friday, 11}};
  for (std::size_t t = 0; t < team_.size(); ++t) {
    const int member = team_[t];
    for (int d : Series(slots[t].weekday, 7, 0)) {
      if (DayTime(d, slots[t].hour, 0) > now_ || rng_.Chance(0.08)) continue;  // holidays
      const double roll = rng_.Real();
      const InteractionKind kind = roll < 0.75   ? InteractionKind::kMeeting
                                   : roll < 0.92 ? InteractionKind::kCoffee
                                                 : InteractionKind::kWalk;
      const int duration = kind == InteractionKind::kWalk ? 40 : 30;
      const TimePoint at = Book(d, slots[t].hour, 0, duration);
      const bool work = kind == InteractionKind::kMeeting || rng_.Chance(0.5);
      ALLIES_TRY(
          core::InteractionId id,
          WriteWithMe(member, at, duration, kind, work ? Purpose::kWork : Purpose::kOfferHelp,
                      rng_.Chance(0.7), kind == InteractionKind::kMeeting ? 2 : 1,
                      fmt::format("Weekly 1:1: {}", Topic())));
      if (kind != InteractionKind::kMeeting && rng_.Chance(0.4)) {
        ALLIES_TRY_VOID(Ledger(member, LedgerKind::kAttention, at, id));
      }
    }
    ALLIES_TRY_VOID(LedgerOnTouch(member, LedgerKind::kRecognition, 10, 120));
    ALLIES_TRY_VOID(LedgerOnTouch(member, LedgerKind::kRecognition, 150, 330));
    ALLIES_TRY_VOID(LedgerOnTouch(member, LedgerKind::kExpertise, 20, 300));
    ALLIES_TRY_VOID(LedgerOnTouch(member, LedgerKind::kSmallAsk, 3, 60));
    ALLIES_TRY_VOID(LedgerOnTouch(member, LedgerKind::kSmallAsk, 60, 300));
  }
  ALLIES_TRY_VOID(LedgerOnTouch(team_[kApplications], LedgerKind::kFavorAsked, 15, 45));

  std::vector<int> leadership = {me_};
  leadership.insert(leadership.end(), team_.begin(), team_.end());
  for (int d : Series(std::chrono::Monday, 7, 0)) {
    if (DayTime(d, 10, 0) > now_ || rng_.Chance(0.06)) continue;
    ALLIES_TRY_VOID(Dropped(Write(Book(d, 10, 0, 60), 60, InteractionKind::kMeeting, Purpose::kWork,
                                  leadership, me_, 3, "IT leadership team")));
  }
  return {};
}

Result<void> DemoWriter::WriteLeadershipRhythm() {
  for (int d : Series(std::chrono::Thursday, 14, 0)) {
    if (DayTime(d, 8, 30) > now_ || rng_.Chance(0.1)) continue;
    ALLIES_TRY_VOID(
        Dropped(WriteWithMe(ceo_, Book(d, 8, 30, 30), 30, InteractionKind::kMeeting, Purpose::kWork,
                            rng_.Chance(0.5), 3, fmt::format("1:1 with the CEO: {}", Topic()))));
  }
  std::vector<int> executives = {ceo_};
  executives.insert(executives.end(), heads_.begin(), heads_.end());
  executives.push_back(me_);
  for (int d : Series(std::chrono::Tuesday, 14, 7)) {
    if (DayTime(d, 9, 0) > now_ || rng_.Chance(0.08)) continue;
    ALLIES_TRY_VOID(Dropped(Write(Book(d, 9, 0, 90), 90, InteractionKind::kMeeting, Purpose::kWork,
                                  executives, ceo_, 4, "Executive leadership team")));
  }
  for (std::size_t h = 0; h < heads_.size(); ++h) {
    // Marketing gets a quarterly slot only: the weakest of my leadership ties.
    const int every = h == 6 ? 84 : 28;
    const std::chrono::weekday weekday = std::chrono::Monday + days(h % 5);
    const int hour = h % 2 == 0 ? 11 : 14;
    for (int d : Series(weekday, every, 7 * rng_.Int(0, every / 7 - 1))) {
      if (DayTime(d, hour, 0) > now_ || rng_.Chance(0.1)) continue;
      const TimePoint at = Book(d, hour, 0, 45);
      const double roll = rng_.Real();
      const Purpose purpose = roll < 0.8   ? Purpose::kWork
                              : roll < 0.9 ? Purpose::kAsk
                                           : Purpose::kOfferHelp;
      ALLIES_TRY(core::InteractionId id,
                 WriteWithMe(heads_[h], at, 45, InteractionKind::kMeeting, purpose,
                             rng_.Chance(0.65), 3, fmt::format("Monthly sync: {}", Topic())));
      // The planted overdrawn accounts (Finance, Procurement) get their entries elsewhere.
      if (h == 1 || h == 8) continue;
      if (purpose == Purpose::kAsk) {
        ALLIES_TRY_VOID(Ledger(heads_[h], LedgerKind::kSmallAsk, at, id));
      }
      if (purpose == Purpose::kOfferHelp) {
        ALLIES_TRY_VOID(Ledger(heads_[h], LedgerKind::kExpertise, at, id));
      }
    }
  }
  return {};
}

Result<void> DemoWriter::WriteFriends() {
  for (int member : friends_) {
    std::vector<int> ages;
    const int meetings = rng_.Int(2, 8);
    ages.reserve(meetings);
    for (int i = 0; i < meetings; ++i) ages.push_back(rng_.Int(1, kHistoryDays));
    std::sort(ages.rbegin(), ages.rend());
    for (std::size_t i = 0; i < ages.size(); ++i) {
      const double roll = rng_.Real();
      const InteractionKind kind = roll < 0.5   ? InteractionKind::kCoffee
                                   : roll < 0.8 ? InteractionKind::kLunch
                                                : InteractionKind::kWalk;
      const bool lunch = kind == InteractionKind::kLunch;
      const int duration = lunch ? 60 : kind == InteractionKind::kWalk ? 40 : 30;
      const TimePoint at = Book(ages[i], lunch ? 12 : rng_.Int(8, 16), lunch ? 30 : 0, duration);
      const double purpose_roll = rng_.Real();
      const Purpose purpose = i == 0                ? Purpose::kGetToKnow
                              : purpose_roll < 0.35 ? Purpose::kOfferHelp
                              : purpose_roll < 0.7  ? Purpose::kWork
                              : purpose_roll < 0.85 ? Purpose::kAsk
                                                    : Purpose::kGetToKnow;
      const std::string note = i == 0 ? "Just to get to know each other, no agenda"
                                      : fmt::format("Catch-up: {}", Topic());
      ALLIES_TRY(core::InteractionId id,
                 WriteWithMe(member, at, duration, kind, purpose, rng_.Chance(0.55),
                             lunch ? rng_.Int(2, 3) : rng_.Int(1, 2), note));
      if (rng_.Chance(0.5)) ALLIES_TRY_VOID(Ledger(member, LedgerKind::kAttention, at, id));
      if (purpose == Purpose::kOfferHelp) {
        const LedgerKind kind_given = rng_.Chance(0.7)   ? LedgerKind::kExpertise
                                      : rng_.Chance(0.5) ? LedgerKind::kFavorDone
                                                         : LedgerKind::kIntroduction;
        ALLIES_TRY_VOID(Ledger(member, kind_given, at, id));
      }
      if (purpose == Purpose::kAsk) {
        ALLIES_TRY_VOID(Ledger(
            member, rng_.Chance(0.8) ? LedgerKind::kSmallAsk : LedgerKind::kFavorAsked, at, id));
      }
    }
  }
  return {};
}

// Frequent in the first months of the year (the ERP programme's design phase), silent since.
Result<void> DemoWriter::WriteAtRisk() {
  for (int member : at_risk_) {
    const int last = rng_.Int(230, 260);
    for (int d = kHistoryDays - rng_.Int(0, 6); d >= last; d -= rng_.Int(10, 14)) {
      const bool coffee = rng_.Chance(0.4);
      const int duration = coffee ? 30 : 45;
      ALLIES_TRY_VOID(
          Dropped(WriteWithMe(member, Book(d, rng_.Int(9, 16), 0, duration), duration,
                              coffee ? InteractionKind::kCoffee : InteractionKind::kMeeting,
                              Purpose::kWork, rng_.Chance(0.5), 2, "ERP upgrade workstream")));
    }
    ALLIES_TRY_VOID(LedgerOnTouch(member, LedgerKind::kAttention, last, kHistoryDays));
    ALLIES_TRY_VOID(LedgerOnTouch(member, LedgerKind::kAttention, last, kHistoryDays));
    ALLIES_TRY_VOID(LedgerOnTouch(member, LedgerKind::kExpertise, last, kHistoryDays));
  }
  return {};
}

Result<void> DemoWriter::WriteVendorRhythm() {
  const auto vendors = demo::Vendors();
  // The team member who owns each vendor relationship day to day.
  const int owners[] = {kServiceDesk, kInfrastructure, kInfrastructure, kSecurity, kApplications};
  for (std::size_t v = 0; v < vendors.size(); ++v) {
    const auto& words = vendors[v];
    const std::vector<int>& contacts = vendor_contacts_[v];
    const int cold_after = words.neglected ? rng_.Int(170, 190) : 0;
    for (int d = kHistoryDays - rng_.Int(0, words.cadence_days - 1); d >= cold_after;
         d -= words.cadence_days + rng_.Int(-3, 3)) {
      const int contact = rng_.Chance(0.7) ? contacts[0] : contacts[1];
      const bool call = rng_.Chance(0.6);
      ALLIES_TRY_VOID(Dropped(WriteWithMe(contact, Book(d, rng_.Int(9, 16), 30, 30), 30,
                                          call ? InteractionKind::kCall : InteractionKind::kVideo,
                                          Purpose::kWork, rng_.Chance(0.45), 2,
                                          fmt::format("Check-in: {}", rng_.Pick(words.services)))));
    }
    std::vector<int> review = {me_, team_[owners[v]]};
    review.insert(review.end(), contacts.begin(), contacts.end());
    for (int d = kHistoryDays - rng_.Int(20, 60); d >= cold_after; d -= 91) {
      ALLIES_TRY_VOID(
          Dropped(Write(Book(d, 14, 0, 90), 90, InteractionKind::kMeeting, Purpose::kWork, review,
                        contacts[0], 3, fmt::format("Quarterly business review: {}", words.name))));
    }
  }
  return {};
}

// Written first, so that the weekly rhythm moves around them.
Result<void> DemoWriter::WriteEvents() {
  std::vector<int> executives = {me_, ceo_};
  executives.insert(executives.end(), heads_.begin(), heads_.end());
  ALLIES_TRY_VOID(Dropped(Write(Book(rng_.Int(240, 260), 9, 0, 480), 480, InteractionKind::kOffsite,
                                Purpose::kWork, executives, ceo_, 5,
                                "Leadership offsite: the three-year plan")));
  std::vector<int> team = {me_};
  team.insert(team.end(), team_.begin(), team_.end());
  ALLIES_TRY_VOID(Dropped(Write(Book(rng_.Int(90, 110), 9, 30, 360), 360, InteractionKind::kOffsite,
                                Purpose::kGetToKnow, team, me_, 4, "IT team offsite")));

  // Two conferences: short encounters with vendor contacts and peers during the day.
  for (int days_ago : {rng_.Int(190, 210), rng_.Int(40, 55)}) {
    const TimePoint day_start = Book(days_ago, 9, 0, 480);
    for (std::size_t v = 0; v < vendor_contacts_.size(); ++v) {
      if (v == 2 && days_ago < 150) continue;  // the cold vendor does not show up
      if (!rng_.Chance(0.6)) continue;
      const TimePoint at = day_start + std::chrono::minutes(30 * rng_.Int(2, 14));
      ALLIES_TRY_VOID(
          Dropped(WriteWithMe(vendor_contacts_[v].back(), at, 20, InteractionKind::kEvent,
                              Purpose::kGetToKnow, rng_.Chance(0.5), 3, "CIO Summit")));
    }
  }
  // The summer party: brief encounters with people I hardly know.
  const TimePoint party = Book(rng_.Int(150, 170), 16, 0, 120);
  for (int i = 0; i < 8; ++i) {
    const int member = AnyInternal();
    const bool one_way = std::find(one_way_.begin(), one_way_.end(), member) != one_way_.end();
    if (members_[member].person.is_team || member == ceo_ || one_way) continue;
    const TimePoint at = party + std::chrono::minutes(15 * rng_.Int(0, 7));
    ALLIES_TRY_VOID(
        Dropped(WriteWithMe(member, at, 15, InteractionKind::kEvent, Purpose::kGetToKnow,
                            rng_.Chance(0.5), 2, "Company summer party")));
  }
  return {};
}

Result<void> DemoWriter::WriteMessages() {
  auto message = [this](int member, int count, double i_start, int max_days_ago) -> Result<void> {
    for (int i = 0; i < count; ++i) {
      const bool ask = rng_.Chance(0.3);
      ALLIES_TRY_VOID(
          Dropped(WriteWithMe(member, RandomTime(0, max_days_ago), 5, InteractionKind::kMessage,
                              ask ? Purpose::kAsk : Purpose::kWork, rng_.Chance(i_start), 1,
                              fmt::format("Message: {}", Topic()))));
    }
    return {};
  };
  for (int member : team_) ALLIES_TRY_VOID(message(member, rng_.Int(6, 14), 0.5, kHistoryDays));
  for (int member : heads_) ALLIES_TRY_VOID(message(member, rng_.Int(2, 6), 0.5, kHistoryDays));
  ALLIES_TRY_VOID(message(ceo_, 6, 0.3, kHistoryDays));
  for (int member : friends_) ALLIES_TRY_VOID(message(member, rng_.Int(0, 4), 0.5, kHistoryDays));
  const auto vendors = demo::Vendors();
  for (std::size_t v = 0; v < vendor_contacts_.size(); ++v) {
    const int max_age = vendors[v].neglected ? kHistoryDays - 200 : kHistoryDays;
    for (int contact : vendor_contacts_[v]) {
      ALLIES_TRY_VOID(message(contact, rng_.Int(1, 4), 0.35, max_age));
    }
  }
  // One-way contacts: I wrote, they never wrote back or met me.
  for (int member : one_way_) {
    for (int i = 0; i < rng_.Int(2, 4); ++i) {
      ALLIES_TRY_VOID(Dropped(WriteWithMe(
          member, RandomTime(0, kHistoryDays), 5, InteractionKind::kMessage,
          i == 0 ? Purpose::kAsk : Purpose::kWork, true, 1, fmt::format("Message: {}", Topic()))));
    }
  }
  if (one_way_.size() >= 2) {
    ALLIES_TRY_VOID(LedgerOnTouch(one_way_[0], LedgerKind::kSmallAsk, 0, kHistoryDays));
    ALLIES_TRY_VOID(LedgerOnTouch(one_way_[1], LedgerKind::kSmallAsk, 0, kHistoryDays));
  }
  return {};
}

// The accounts the demo is meant to show: overdrawn where I asked a lot recently, in credit where
// I gave, even where it balances out.
Result<void> DemoWriter::WritePlantedLedger() {
  struct Plan {
    int member;
    LedgerKind kind;
    int min_days_ago;
    int max_days_ago;
    std::string_view note;
  };
  const int finance = heads_[1];
  const int procurement = heads_[8];
  const int helix = vendor_contacts_[0][0];
  const int stratus = vendor_contacts_[1][0];
  const int meridian = vendor_contacts_[2][0];
  const int sentinel = vendor_contacts_[3][0];
  const int ledgerly = vendor_contacts_[4][0];
  const Plan plans[] = {
      // Procurement and Finance: I asked a lot this quarter and gave little.
      {procurement, LedgerKind::kFavorAsked, 40, 60,
       "Asked them to push the Stratus renewal through before quarter end."},
      {procurement, LedgerKind::kFavorAsked, 15, 30,
       "Asked for a tender waiver to extend the SOC contract."},
      {procurement, LedgerKind::kEscalation, 2, 12,
       "Escalated the stalled purchase order for the DR hardware."},
      {finance, LedgerKind::kExpertise, 150, 250, "Walked their team through the cloud bill."},
      {finance, LedgerKind::kSmallAsk, 60, 90, "Asked for the Q3 cloud spend figures early."},
      {finance, LedgerKind::kSmallAsk, 20, 45, "Asked to move budget between cost centres."},
      {finance, LedgerKind::kFavorAsked, 5, 20, "Asked for budget to cover the licence true-up."},
      // The CEO: roughly even.
      {ceo_, LedgerKind::kExpertise, 200, 300, "Briefed them on cyber risk before the board."},
      {ceo_, LedgerKind::kExpertise, 60, 120, "Drafted the technology section of the strategy."},
      {ceo_, LedgerKind::kFavorDone, 100, 200, "Sorted out their home broadband on a Sunday."},
      {ceo_, LedgerKind::kSmallAsk, 20, 60, "Asked for ten minutes at the board on the ERP."},
      {ceo_, LedgerKind::kFavorAsked, 5, 30, "Asked them to sponsor the ERP upgrade at steering."},
      // Vendors: the service desk account manager, escalated to twice recently, is overdrawn.
      {helix, LedgerKind::kAttention, 200, 300, "Lunch to hear how their team is coping."},
      {helix, LedgerKind::kEscalation, 25, 40, "Escalated the missed SLAs on the ticket backlog."},
      {helix, LedgerKind::kEscalation, 3, 14, "Escalated the P1 outage: no callback for a day."},
      {stratus, LedgerKind::kFavorDone, 50, 70, "Gave a reference call to one of their prospects."},
      {stratus, LedgerKind::kSmallAsk, 10, 25, "Asked for a discount on reserved instances."},
      {meridian, LedgerKind::kAttention, 250, 330, "Coffee at their new office."},
      {sentinel, LedgerKind::kRecognition, 60, 80,
       "Thanked their SOC by name in the board update."},
      {sentinel, LedgerKind::kAttention, 100, 200, "Asked how the follow-the-sun move is going."},
      {ledgerly, LedgerKind::kAttention, 90, 120, "Listened to their product roadmap."},
      {ledgerly, LedgerKind::kFavorAsked, 10, 20,
       "Asked to move our upgrade window after year-end."},
  };
  for (const Plan& plan : plans) {
    ALLIES_TRY_VOID(LedgerOnTouch(plan.member, plan.kind, plan.min_days_ago, plan.max_days_ago,
                                  std::string(plan.note)));
  }
  return {};
}

Result<void> DemoWriter::WriteFollowUps() {
  struct Plan {
    int member;
    std::string_view text;
    int due_in_days;
    std::optional<int> done_days_ago;
    int owner = -1;  // a team member whose promise it is; -1: mine
  };
  const Plan plans[] = {
      {heads_[2], "Send {} the DR runbook", -10, std::nullopt},
      {vendor_contacts_[1][1], "Reply to {} about the cloud renewal terms", -3, std::nullopt},
      {heads_[7], "Share the audit action plan with {}", -1, std::nullopt},
      {friends_.empty() ? heads_[5] : friends_[0], "Book a no-agenda coffee with {}", 1,
       std::nullopt},
      {heads_[9], "Send {} the ServiceNow roadmap", 3, std::nullopt},
      {heads_[3], "Confirm the network plan for the office move with {}", 4, std::nullopt},
      {heads_[1], "Thank {} for the budget re-forecast", -20, 21},
      {heads_[4], "Introduce {} to our CISO", -40, 38},
      {team_[kApplications], "Prepare the ERP upgrade go/no-go with {}", 21, std::nullopt},
      {vendor_contacts_[3][0], "Ask {} for a reference call", 35, std::nullopt},
      // My team's own promises, which only they see (`followup list --as`).
      {heads_[6], "Send {} the test plan for the ERP upgrade", 2, std::nullopt,
       team_[kApplications]},
      {heads_[8], "Walk {} through the new laptop policy", -2, std::nullopt, team_[kServiceDesk]},
  };
  for (const Plan& plan : plans) {
    core::FollowUp followup;
    followup.person = ids_[plan.member];
    followup.owner = ids_[plan.owner < 0 ? me_ : plan.owner];
    followup.text = fmt::format(fmt::runtime(plan.text), FirstName(plan.member));
    followup.due = core::Date(today_ + days(plan.due_in_days));
    if (plan.done_days_ago) followup.done_at = DayTime(*plan.done_days_ago, 16, 0);
    ALLIES_TRY_VOID(Dropped(store_.InsertFollowUp(followup)));
    ++summary_.followups;
  }
  return {};
}

Result<void> DemoWriter::WriteIntroductions() {
  struct Plan {
    int introducer;
    int first;
    int second;
    int days_ago;
    std::string_view outcome;
  };
  const int a_friend = friends_.empty() ? heads_[7] : friends_[friends_.size() / 2];
  const int procurement_manager =
      members_[heads_[8]].children.empty() ? heads_[8] : members_[heads_[8]].children.front();
  const Plan plans[] = {
      {me_, a_friend, team_[kSecurity], 120, "They now run the data privacy review together."},
      {heads_[1], me_, procurement_manager, 200, "Helped shape the cloud contract negotiation."},
      {me_, team_[kPmo], heads_[2], 90, "Joint working group on change windows."},
      {vendor_contacts_[0][0], me_, vendor_contacts_[0][1], 250, "Weekly service review set up."},
      {me_, heads_[4], team_[kServiceDesk], 12, ""},
  };
  for (const Plan& plan : plans) {
    core::Introduction intro;
    intro.introducer = ids_[plan.introducer];
    intro.first = ids_[plan.first];
    intro.second = ids_[plan.second];
    intro.at = DayTime(plan.days_ago, 15, 0);
    intro.outcome = std::string(plan.outcome);
    ALLIES_TRY_VOID(Dropped(store_.InsertIntroduction(intro)));
  }
  return {};
}

Result<void> DemoWriter::WriteNotices() {
  struct Plan {
    int vendor;
    int contact;
    int days_ago;
    std::string_view text;
    int effective_in_days;  // from now; the date quoted in the text
  };
  const Plan plans[] = {
      {0, 1, 40, "Service desk moving to a new ticket portal on {}", 20},
      {0, 0, 150, "Out-of-hours cover moving to the Manila centre from {}", -120},
      {1, 1, 25, "Reserved-instance prices rise 7% at the renewal on {}", 45},
      {1, 0, 200, "New in-country region opens on {}: data can stay in the country", -170},
      {2, 0, 260, "MPLS circuits reach end of life; SD-WAN migration required by {}", 120},
      {3, 1, 90, "SOC moves to follow-the-sun; escalation numbers change on {}", -60},
      {4, 1, 60, "ERP version 11 leaves support on {}; upgrade windows open next month", 150},
  };
  for (const Plan& plan : plans) {
    core::VendorNotice notice;
    notice.org = vendor_orgs_[plan.vendor];
    notice.at = DayTime(plan.days_ago, 11, 0);
    notice.text =
        fmt::format(fmt::runtime(plan.text), DateText(today_ + days(plan.effective_in_days)));
    notice.reported_by = ids_[vendor_contacts_[plan.vendor][plan.contact]];
    ALLIES_TRY_VOID(Dropped(store_.InsertNotice(notice)));
    ++summary_.notices;
  }
  return {};
}

// --- writing: the organization's own network (I am not there) ---------------------------------

Result<void> DemoWriter::WriteOrgTeams() {
  const double yearly = static_cast<double>(rhythm_.one_on_ones_per_year);
  for (int manager : insert_order_) {
    const Member& member = members_[manager];
    if (member.children.empty() || manager == me_) continue;
    if (manager != ceo_) {
      std::vector<int> team = {manager};
      team.insert(team.end(), member.children.begin(), member.children.end());
      const int every = rhythm_.team_meeting_every_days;
      const int hour = rng_.Int(9, 16);
      for (int d = kHistoryDays - rng_.Int(0, every - 1); d >= 0; d -= every) {
        const TimePoint at = DayTime(d, hour, 0);
        if (at > now_ || rng_.Chance(0.1)) continue;
        ALLIES_TRY_VOID(Dropped(Write(at, rng_.Chance(0.5) ? 30 : 60, InteractionKind::kMeeting,
                                      Purpose::kWork, team, manager, 2, "Team meeting")));
      }
    }
    for (int report : member.children) {
      if (report == me_) continue;
      for (int k = 0; k < rhythm_.one_on_ones_per_year; ++k) {
        const int d = static_cast<int>((k + rng_.Real()) * kHistoryDays / yearly);
        const double roll = rng_.Real();
        const InteractionKind kind = roll < 0.75  ? InteractionKind::kMeeting
                                     : roll < 0.9 ? InteractionKind::kCoffee
                                                  : InteractionKind::kVideo;
        ALLIES_TRY_VOID(Dropped(Write(RandomTime(d, d), 30, kind, Purpose::kWork, {manager, report},
                                      rng_.Chance(0.7) ? manager : report, 2, "1:1")));
      }
    }
  }
  return {};
}

Result<void> DemoWriter::WriteOrgProjects() {
  const auto projects = demo::Projects();
  for (std::size_t d = 0; d < dept_members_.size(); ++d) {
    const std::vector<int>& people = dept_members_[d];
    const auto count =
        std::lround(static_cast<double>(people.size()) * rhythm_.dept_projects_per_person);
    for (int p = 0; p < count; ++p) {
      const int organizer = rng_.PickIndex(people);
      std::vector<int> attendees = {organizer};
      const int size = std::min(rng_.Int(3, 7), static_cast<int>(people.size()));
      for (int attempt = 0; static_cast<int>(attendees.size()) < size && attempt < 30; ++attempt) {
        const int other = Nearby(organizer);
        if (std::find(attendees.begin(), attendees.end(), other) == attendees.end()) {
          attendees.push_back(other);
        }
      }
      if (attendees.size() < 2) continue;
      const std::string note = fmt::format("Working session: {}", Topic());
      int d_ago = rng_.Int(0, kHistoryDays);
      for (int s = rng_.Int(1, 4); s > 0 && d_ago >= 0; --s, d_ago -= rng_.Int(5, 21)) {
        ALLIES_TRY_VOID(
            Dropped(Write(RandomTime(d_ago, d_ago), 60,
                          rng_.Chance(0.7) ? InteractionKind::kMeeting : InteractionKind::kVideo,
                          Purpose::kWork, attendees, organizer, 2, note)));
      }
    }
  }
  const int departments = static_cast<int>(dept_members_.size());
  const int cross = std::max(6, static_cast<int>(people_ * rhythm_.cross_projects_per_person));
  for (int p = 0; p < cross; ++p) {
    std::vector<int> attendees;
    const int groups = rng_.Int(2, 4);
    for (int g = 0; g < groups; ++g) {
      const std::vector<int>& people = dept_members_[rng_.Below(departments)];
      for (int k = rng_.Int(1, 3); k > 0; --k) {
        const int other = rng_.PickIndex(people);
        if (std::find(attendees.begin(), attendees.end(), other) == attendees.end()) {
          attendees.push_back(other);
        }
      }
    }
    if (attendees.size() < 2) continue;
    const std::string note(rng_.Pick(projects));
    int d_ago = rng_.Int(0, kHistoryDays);
    for (int s = rng_.Int(1, 3); s > 0 && d_ago >= 0; --s, d_ago -= rng_.Int(7, 30)) {
      ALLIES_TRY_VOID(Dropped(Write(RandomTime(d_ago, d_ago), 60, InteractionKind::kMeeting,
                                    Purpose::kWork, attendees, attendees.front(), 3, note)));
    }
  }
  return {};
}

Result<void> DemoWriter::WriteOrgInformal() {
  const int pairs = static_cast<int>(people_ * rhythm_.informal_pairs_per_person);
  for (int p = 0; p < pairs; ++p) {
    const int a = AnyInternal();
    const int b = rng_.Chance(0.7) ? Nearby(a) : AnyInternal();
    if (a == b) continue;
    for (int k = rng_.Int(1, 3); k > 0; --k) {
      const double roll = rng_.Real();
      const InteractionKind kind = roll < 0.45  ? InteractionKind::kCoffee
                                   : roll < 0.7 ? InteractionKind::kLunch
                                   : roll < 0.8 ? InteractionKind::kWalk
                                                : InteractionKind::kMessage;
      const int duration = kind == InteractionKind::kLunch     ? 60
                           : kind == InteractionKind::kMessage ? 5
                                                               : 30;
      ALLIES_TRY_VOID(Dropped(Write(RandomTime(0, kHistoryDays), duration, kind,
                                    Purpose::kGetToKnow, {a, b}, rng_.Chance(0.5) ? a : b, 1, "")));
    }
  }
  return {};
}

// People of low formal rank whom everyone talks to: many one-to-one contacts in every
// department, most of them started by the other side.
Result<void> DemoWriter::WriteHiddenInfluencerTies() {
  const int departments = static_cast<int>(dept_members_.size());
  for (int hub : hidden_) {
    const int partners = std::min(45 + people_ / 400, static_cast<int>(internal_.size()) - 1);
    const int offset = static_cast<int>(rng_.Below(departments));
    std::unordered_set<int> seen = {hub};
    for (int p = 0; p < partners; ++p) {
      const std::vector<int>& people = dept_members_[(offset + p) % departments];
      int partner = rng_.PickIndex(people);
      for (int attempt = 0; seen.count(partner) && attempt < 5; ++attempt) {
        partner = rng_.PickIndex(people);
      }
      if (seen.count(partner)) continue;
      seen.insert(partner);
      for (int k = rng_.Int(1, 4); k > 0; --k) {
        const double roll = rng_.Real();
        const InteractionKind kind = roll < 0.4    ? InteractionKind::kCoffee
                                     : roll < 0.55 ? InteractionKind::kLunch
                                     : roll < 0.65 ? InteractionKind::kWalk
                                     : roll < 0.85 ? InteractionKind::kMeeting
                                                   : InteractionKind::kMessage;
        const int duration = kind == InteractionKind::kLunch     ? 60
                             : kind == InteractionKind::kMessage ? 5
                                                                 : 30;
        ALLIES_TRY_VOID(Dropped(Write(RandomTime(0, kHistoryDays), duration, kind,
                                      rng_.Chance(0.5) ? Purpose::kAsk : Purpose::kGetToKnow,
                                      {hub, partner}, rng_.Chance(0.65) ? partner : hub, 1, "")));
      }
    }
  }
  return {};
}

// The ask advisor's test case (issue 5): a paralegal in Legal, whom I have never met, is the one
// who knows e-discovery, and my CISO has coffee with them every six weeks. Written last and
// without random draws, so that everything else in the demo stays as it was.
Result<void> DemoWriter::PlantExpert() {
  const PersonId me = ids_[me_];
  for (int index : dept_members_[kLegal]) {
    if (taken_[index] || !IsLeaf(index)) continue;
    store::InteractionFilter filter;
    filter.attendee = ids_[index];
    ALLIES_TRY(auto interactions, store_.ListInteractions(filter));
    const bool met_me = std::any_of(interactions.begin(), interactions.end(), [&](const auto& i) {
      return std::find(i.attendees.begin(), i.attendees.end(), me) != i.attendees.end();
    });
    if (met_me) continue;
    taken_[index] = 1;
    ALLIES_TRY(core::Person expert, store_.GetPerson(ids_[index]));
    expert.title = "Paralegal";
    expert.offers.push_back({"e-discovery", 5});
    expert.offers.push_back({"litigation holds", 4});
    expert.notes.push_back({DayTime(150, 12, 0),
                            "Ran the e-discovery for a two-year litigation hold; knows how to "
                            "search every mailbox."});
    ALLIES_TRY_VOID(store_.UpdatePerson(expert));
    const int ciso = team_[kSecurity];
    for (int k = 0; k < 8; ++k) {
      const int days_ago = 12 + 42 * k;
      if (days_ago > kHistoryDays) break;
      ALLIES_TRY_VOID(Dropped(Write(DayTime(days_ago, 10, 30), 30,
                                    k % 2 == 0 ? InteractionKind::kCoffee : InteractionKind::kWalk,
                                    Purpose::kGetToKnow, {ciso, index}, k % 2 == 0 ? ciso : index,
                                    1, "Coffee: privacy and e-discovery")));
    }
    summary_.planted_expert = expert.name;
    summary_.expert_contact = members_[ciso].person.name;
    return {};
  }
  return {};
}

// --- helpers ----------------------------------------------------------------------------------

// The working day `days_ago` days before today at hour:minute; a weekend moves to the Friday
// before it, or to the Monday after it at the very start of the year.
TimePoint DemoWriter::DayTime(int days_ago, int hour, int minute) const {
  days_ago = std::clamp(days_ago, 0, kHistoryDays);
  sys_days day = today_ - days(days_ago);
  const std::chrono::weekday weekday(day);
  if (weekday == std::chrono::Saturday) day -= days(1);
  if (weekday == std::chrono::Sunday) day -= days(2);
  if (day < first_day_) day += days(3);
  return TimePoint(day) + std::chrono::hours(hour) + std::chrono::minutes(minute);
}

// Days ago of every `every_days`-th `weekday` in the year, starting `phase_days` before the most
// recent one (today counts), newest first.
std::vector<int> DemoWriter::Series(std::chrono::weekday weekday, int every_days,
                                    int phase_days) const {
  std::vector<int> days_ago;
  const int latest = static_cast<int>((std::chrono::weekday(today_) - weekday).count());
  for (int d = latest + phase_days; d <= kHistoryDays; d += every_days) days_ago.push_back(d);
  return days_ago;
}

bool DemoWriter::IsFree(TimePoint at, int duration_min) const {
  const std::int64_t first = SlotOf(at);
  for (std::int64_t slot = first; slot < first + SlotsFor(duration_min); ++slot) {
    if (my_slots_.count(slot)) return false;
  }
  return true;
}

void DemoWriter::Reserve(TimePoint at, int duration_min) {
  const std::int64_t first = SlotOf(at);
  for (std::int64_t slot = first; slot < first + SlotsFor(duration_min); ++slot) {
    my_slots_.insert(slot);
  }
}

// My interactions never overlap: the first free time in office hours at or after hour:minute on
// the working day `days_ago` days back (wrapping to the morning), else on the days before it.
TimePoint DemoWriter::Book(int days_ago, int hour, int minute, int duration_min) {
  const int wanted = std::clamp(hour * 2 + minute / kSlotMinutes - kFirstSlot, 0, kDaySlots - 1);
  for (int extra = 0; extra < 7; ++extra) {
    const int d = days_ago + extra <= kHistoryDays ? days_ago + extra : days_ago - extra;
    for (int k = 0; k < kDaySlots; ++k) {
      const int slot = (wanted + k) % kDaySlots;
      if (slot + SlotsFor(duration_min) > kDaySlots) continue;
      const int start = kFirstSlot + slot;
      const TimePoint at = DayTime(d, start / 2, start % 2 * kSlotMinutes);
      if (at > now_ || !IsFree(at, duration_min)) continue;
      Reserve(at, duration_min);
      return at;
    }
  }
  // A full week: double-booked rather than dropped.
  const TimePoint at = Past(DayTime(days_ago, hour, minute));
  Reserve(at, duration_min);
  return at;
}

// A working-hours time between the two ages (in days), never after now.
TimePoint DemoWriter::RandomTime(int min_days_ago, int max_days_ago) {
  const int days_ago = rng_.Int(min_days_ago, max_days_ago);
  return Past(DayTime(days_ago, rng_.Int(8, 16), 15 * rng_.Int(0, 3)));
}

// Someone near `member` in its department (the same part of the tree), never `member` itself
// unless the department has no one else.
int DemoWriter::Nearby(int member) {
  const std::vector<int>& people = dept_members_[members_[member].dept];
  const int size = static_cast<int>(people.size());
  if (size < 2) return member;
  const int pos = pos_in_dept_[member];
  const int lo = std::max(0, pos - kWindow);
  const int hi = std::min(size - 1, pos + kWindow);
  int other = rng_.Int(lo, hi - 1);
  if (other >= pos) ++other;
  return people[other];
}

std::string DemoWriter::DateText(sys_days day) const {
  const std::chrono::year_month_day date(day);
  return fmt::format("{} {} {}", static_cast<unsigned>(date.day()),
                     demo::MonthName(static_cast<unsigned>(date.month())),
                     static_cast<int>(date.year()));
}

Result<DemoSummary> DemoWriter::Run() {
  BuildOrganization();
  AddVendorContacts();
  IndexDepartments();
  PlantHiddenInfluencers();
  ChooseMyCircle();
  NameEveryone();
  DescribePeople();

  ALLIES_TRY_VOID(InsertOrgs());
  ALLIES_TRY_VOID(InsertPeople());
  ALLIES_TRY_VOID(WriteEvents());
  ALLIES_TRY_VOID(WriteTeamRhythm());
  ALLIES_TRY_VOID(WriteLeadershipRhythm());
  ALLIES_TRY_VOID(WriteVendorRhythm());
  ALLIES_TRY_VOID(WriteAtRisk());
  ALLIES_TRY_VOID(WriteFriends());
  ALLIES_TRY_VOID(WriteMessages());
  ALLIES_TRY_VOID(WritePlantedLedger());
  ALLIES_TRY_VOID(WriteFollowUps());
  ALLIES_TRY_VOID(WriteIntroductions());
  ALLIES_TRY_VOID(WriteNotices());
  ALLIES_TRY_VOID(WriteOrgTeams());
  ALLIES_TRY_VOID(WriteOrgProjects());
  ALLIES_TRY_VOID(WriteOrgInformal());
  ALLIES_TRY_VOID(WriteHiddenInfluencerTies());
  ALLIES_TRY_VOID(PlantExpert());
  return summary_;
}

}  // namespace

Result<DemoSummary> WriteDemo(store::Store& store, const DemoOptions& options, TimePoint now) {
  if (options.people < kMinPeople || options.people > kMaxPeople) {
    return core::Fail(core::ErrorCode::kInvalidArgument,
                      fmt::format("--people {} is out of range (expected {} to {})", options.people,
                                  kMinPeople, kMaxPeople));
  }
  ALLIES_TRY(std::size_t existing, store.CountPeople());
  if (existing > 0) {
    return core::Fail(core::ErrorCode::kConflict,
                      fmt::format("the database already has {} people; allies demo writes only "
                                  "into an empty database (pick another with --db)",
                                  existing));
  }
  DemoWriter writer(store, options, now);
  return writer.Run();
}

}  // namespace allies::app
