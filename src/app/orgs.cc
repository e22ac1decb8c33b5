// Use cases about organizations and the vendors that run outsourced services.

#include <algorithm>

#include <fmt/format.h>

#include "app/app.h"
#include "app/internal.h"
#include "app/transaction.h"
#include "core/names.h"
#include "core/text.h"

namespace allies::app {

using core::ErrorCode;
using core::Fail;
using internal::Quote;

Result<core::Organization> App::AddOrg(const OrgInput& input) {
  return InTransaction([&]() -> Result<core::Organization> {
    std::string name{core::Trim(input.name)};
    if (name.empty())
      return Fail(ErrorCode::kInvalidArgument, "an organization name cannot be empty");
    ALLIES_TRY(auto existing, store_.FindOrgsByName(core::NameKey(name), false));
    if (!existing.empty()) {
      return Fail(ErrorCode::kAlreadyExists,
                  fmt::format("an organization named {} already exists (#{})", Quote(name),
                              existing.front().value));
    }
    bool vendor = input.kind == core::OrgKind::kVendor;
    if (!vendor && (!input.services.empty() || input.renewal || input.cadence_days)) {
      return Fail(ErrorCode::kInvalidArgument,
                  fmt::format("--service, --renewal and --cadence apply to vendors only, and {} is "
                              "a {} (use --kind vendor)",
                              Quote(name), core::Name(input.kind)));
    }
    if (input.cadence_days && (*input.cadence_days < 1 || *input.cadence_days > 3650)) {
      return Fail(
          ErrorCode::kInvalidArgument,
          fmt::format("cadence {} is out of range (expected 1 to 3650 days)", *input.cadence_days));
    }
    core::Organization org;
    org.name = name;
    org.kind = input.kind;
    for (const auto& service : input.services) {
      if (core::Trim(service).empty()) {
        return Fail(ErrorCode::kInvalidArgument, "a service cannot be empty");
      }
      org.services.emplace_back(core::Trim(service));
    }
    org.renewal = input.renewal;
    org.cadence_days = input.cadence_days;
    ALLIES_TRY(org.id, store_.InsertOrg(org));
    return store_.GetOrg(org.id);
  });
}

Result<std::vector<OrgRow>> App::ListOrgs() {
  return InTransaction([&]() -> Result<std::vector<OrgRow>> {
    ALLIES_TRY(auto orgs, store_.ListOrgs(false));
    ALLIES_TRY(auto people, store_.ListPeople({}));
    std::vector<OrgRow> rows;
    for (auto& org : orgs) {
      int count = static_cast<int>(std::count_if(people.begin(), people.end(),
                                                 [&](const auto& p) { return p.org == org.id; }));
      rows.push_back(OrgRow{std::move(org), count});
    }
    return rows;
  });
}

Result<OrgPage> App::ShowOrg(const std::string& ref) {
  return InTransaction([&]() -> Result<OrgPage> {
    ALLIES_TRY(auto org, internal::ResolveOrg(store_, ref));
    ALLIES_TRY(auto directory, internal::LoadDirectory(store_));
    ALLIES_TRY(auto params, internal::LoadParams(store_));
    OrgPage page;
    page.org = org;
    auto me = store_.FindMe();
    std::optional<internal::TieSet> ties;
    if (me && *me) {
      ALLIES_TRY(ties, internal::ComputeTies(store_, directory, **me, now_, params));
    }
    for (const auto& [id, person] : directory.people) {
      if (person.org != org.id || person.stamps.deleted_at) continue;
      const TieView* tie = ties ? ties->Find(id) : nullptr;
      page.contacts.push_back(tie ? *tie : TieView{directory.Ref(id), {}, std::nullopt, {}});
      if (tie && tie->tie.components.last_contact &&
          (!page.check_in.last || *tie->tie.components.last_contact > *page.check_in.last)) {
        page.check_in.last = tie->tie.components.last_contact;
      }
    }
    std::sort(page.contacts.begin(), page.contacts.end(), [](const TieView& a, const TieView& b) {
      if (a.tie.strength != b.tie.strength) return a.tie.strength > b.tie.strength;
      return a.person.id < b.person.id;
    });
    if (page.check_in.last) page.check_in.days_since = core::DaysBetween(*page.check_in.last, now_);
    if (org.cadence_days) {
      page.check_in.overdue =
          !page.check_in.days_since || *page.check_in.days_since > *org.cadence_days;
    }
    ALLIES_TRY(auto notices, store_.ListNotices(org.id));
    for (auto& notice : notices) {
      NoticeView view{notice, org.name, std::nullopt};
      if (notice.reported_by) view.reported_by = directory.Ref(*notice.reported_by);
      page.notices.push_back(std::move(view));
    }
    return page;
  });
}

Result<core::VendorNotice> App::AddVendorNotice(const std::string& org_ref, const std::string& text,
                                                std::optional<core::TimePoint> at,
                                                std::optional<std::string> reported_by) {
  return InTransaction([&]() -> Result<core::VendorNotice> {
    ALLIES_TRY(auto org, internal::ResolveOrg(store_, org_ref));
    if (org.kind != core::OrgKind::kVendor) {
      return Fail(ErrorCode::kInvalidArgument,
                  fmt::format("{} is a {}, not a vendor; change notices are kept for vendors",
                              Quote(org.name), core::Name(org.kind)));
    }
    if (core::Trim(text).empty()) {
      return Fail(ErrorCode::kInvalidArgument, "a change notice needs a text saying what changed");
    }
    core::VendorNotice notice;
    notice.org = org.id;
    notice.at = at.value_or(now_);
    notice.text = text;
    if (reported_by) {
      ALLIES_TRY(auto person, internal::ResolvePerson(store_, *reported_by));
      notice.reported_by = person.id;
    }
    ALLIES_TRY(notice.id, store_.InsertNotice(notice));
    return notice;
  });
}

}  // namespace allies::app
