#include "cli/json.h"

#include <nlohmann/json.hpp>

#include "core/names.h"

namespace allies::cli {

using nlohmann::json;

namespace {

json Time(const core::TimePoint& at) { return core::FormatUtc(at); }

template <class T>
json Optional(const std::optional<T>& value) {
  return value ? json(*value) : json(nullptr);
}

json OptionalTime(const std::optional<core::TimePoint>& at) {
  return at ? Time(*at) : json(nullptr);
}

json Ref(const app::PersonRef& ref) {
  return {{"id", ref.id.value},
          {"name", ref.name},
          {"department", ref.department},
          {"organization", ref.org}};
}

json OptionalRef(const std::optional<app::PersonRef>& ref) {
  return ref ? Ref(*ref) : json(nullptr);
}

json Stamps(json object, const core::Stamps& stamps) {
  object["created_at"] = Time(stamps.created_at);
  object["updated_at"] = Time(stamps.updated_at);
  object["deleted_at"] = OptionalTime(stamps.deleted_at);
  return object;
}

json PersonObject(const core::Person& person, const std::string& org_name,
                  const std::optional<app::PersonRef>& reports_to) {
  json emails = json::array();
  for (const auto& email : person.emails) {
    emails.push_back({{"address", email.address}, {"type", email.type}});
  }
  json phones = json::array();
  for (const auto& phone : person.phones) {
    phones.push_back({{"number", phone.number}, {"type", phone.type}});
  }
  json offers = json::array();
  for (const auto& offer : person.offers) {
    offers.push_back({{"key", offer.key}, {"rating", offer.rating}});
  }
  json notes = json::array();
  for (const auto& note : person.notes)
    notes.push_back({{"at", Time(note.at)}, {"text", note.text}});
  json birthday = nullptr;
  json work_anniversary = nullptr;
  json anniversary = nullptr;
  for (const auto& date : person.dates) {
    json& field = date.kind == core::DateKind::kBirthday          ? birthday
                  : date.kind == core::DateKind::kWorkAnniversary ? work_anniversary
                                                                  : anniversary;
    field = core::FormatMonthDay(date.date);
  }
  json object = {{"id", person.id.value},
                 {"name", person.name},
                 {"title", person.title},
                 {"department", person.department},
                 {"organization", org_name.empty() ? json(nullptr) : json(org_name)},
                 {"org_id", person.org ? json(person.org->value) : json(nullptr)},
                 {"reports_to", OptionalRef(reports_to)},
                 {"emails", emails},
                 {"phones", phones},
                 {"tags", person.tags},
                 {"offers", offers},
                 {"needs", person.needs},
                 {"notes", notes},
                 {"birthday", birthday},
                 {"work_anniversary", work_anniversary},
                 {"anniversary", anniversary},
                 {"closeness", Optional(person.closeness)},
                 {"cadence_days", Optional(person.cadence_days)},
                 {"is_me", person.is_me},
                 {"is_team", person.is_team}};
  return Stamps(std::move(object), person.stamps);
}

json OrgObject(const core::Organization& org) {
  json object = {{"id", org.id.value},
                 {"name", org.name},
                 {"kind", core::Name(org.kind)},
                 {"services", org.services},
                 {"renewal", org.renewal ? json(core::FormatDate(*org.renewal)) : json(nullptr)},
                 {"cadence_days", Optional(org.cadence_days)}};
  return Stamps(std::move(object), org.stamps);
}

json TieObject(const app::TieView& view) {
  const auto& c = view.tie.components;
  json components = {{"contact", c.contact},
                     {"saturation", c.saturation},
                     {"initiated_by_me", c.initiated_a},
                     {"initiated_by_them", c.initiated_b},
                     {"reciprocity", c.reciprocity},
                     {"reciprocity_factor", c.reciprocity_factor},
                     {"closeness", Optional(c.closeness)},
                     {"one_way", c.one_way},
                     {"capped", c.capped},
                     {"contact_days", c.contact_days},
                     {"last_contact", OptionalTime(c.last_contact)},
                     {"median_gap_days", Optional(c.median_gap_days)}};
  json risk = {{"days_since_contact", Optional(view.risk.days_since)},
               {"cadence_days", Optional(view.risk.cadence_days)},
               {"threshold_days", Optional(view.risk.threshold_days)},
               {"overdue", view.risk.overdue}};
  return {{"person", Ref(view.person)},    {"strength", view.tie.strength},
          {"layer", Optional(view.layer)}, {"at_risk", view.risk.at_risk},
          {"components", components},      {"risk", risk}};
}

json BalanceFields(const scoring::Balance& balance) {
  return {{"balance", balance.value},
          {"status", scoring::Name(balance.status)},
          {"deposits", balance.deposits},
          {"withdrawals", balance.withdrawals},
          {"entry_count", balance.entries}};
}

json LedgerObject(const core::LedgerEntry& entry) {
  return {{"id", entry.id.value},
          {"at", Time(entry.at)},
          {"kind", core::Name(entry.kind)},
          {"direction", core::IsDeposit(entry.kind) ? "deposit" : "withdrawal"},
          {"value", entry.value},
          {"note", entry.note}};
}

json InteractionObject(const app::InteractionView& view) {
  const auto& i = view.interaction;
  json attendees = json::array();
  for (const auto& ref : view.attendees) attendees.push_back(Ref(ref));
  json offered = json::array();
  for (const auto& entry : view.offered) offered.push_back(LedgerObject(entry));
  return {{"id", i.id.value},
          {"at", Time(i.at)},
          {"minutes", i.duration_min},
          {"kind", core::Name(i.kind)},
          {"setting", core::Name(i.setting)},
          {"purpose", core::Name(i.purpose)},
          {"attendees", attendees},
          {"initiated_by", OptionalRef(view.initiator)},
          {"energy", i.energy},
          {"note", i.note},
          {"source", i.source.empty() ? json(nullptr) : json(i.source)},
          {"offered", offered}};
}

json IntroObject(const app::IntroView& view) {
  return {{"id", view.intro.id.value},          {"at", Time(view.intro.at)},
          {"introducer", Ref(view.introducer)}, {"first", Ref(view.first)},
          {"second", Ref(view.second)},         {"outcome", view.intro.outcome}};
}

json FollowUpObject(const app::FollowUpView& view) {
  return {{"id", view.followup.id.value},
          {"person", Ref(view.person)},
          {"text", view.followup.text},
          {"due", core::FormatDate(view.followup.due)},
          {"done_at", OptionalTime(view.followup.done_at)},
          {"overdue", view.overdue},
          {"days_left", view.days_left},
          {"owner", view.owner ? Ref(*view.owner) : json(nullptr)}};
}

json DateObject(const app::UpcomingDate& date) {
  return {{"person", Ref(date.person)},
          {"kind", core::Name(date.kind)},
          {"on", core::FormatDate(date.on)},
          {"days_away", date.days_away},
          {"years", Optional(date.years)}};
}

json NoticeObject(const app::NoticeView& view) {
  return {{"id", view.notice.id.value},
          {"organization", view.org_name},
          {"at", Time(view.notice.at)},
          {"text", view.notice.text},
          {"reported_by", OptionalRef(view.reported_by)}};
}

json AlertObject(const app::VendorAlert& alert) {
  return {{"organization", alert.org.name}, {"org_id", alert.org.id.value},
          {"rules", alert.rules},           {"reasons", alert.reasons},
          {"actions", alert.actions},       {"action", alert.action}};
}

json ConfigObject(const app::ConfigRow& row) {
  return {{"key", row.key},
          {"value", row.value},
          {"default", row.default_value},
          {"is_default", row.is_default},
          {"description", row.description}};
}

template <class T, class F>
json Array(const std::vector<T>& items, F to_json) {
  json array = json::array();
  for (const auto& item : items) array.push_back(to_json(item));
  return array;
}

std::string Text(const json& document) { return document.dump(2); }

}  // namespace

std::string Json(const core::Person& person) {
  return Text(PersonObject(person, "", std::nullopt));
}

std::string Json(const std::vector<app::PersonRow>& rows) {
  return Text(Array(rows, [](const app::PersonRow& row) {
    return PersonObject(row.person, row.org_name, row.reports_to);
  }));
}

std::string Json(const app::PersonPage& page) {
  json object = PersonObject(page.row.person, page.row.org_name, page.row.reports_to);
  object["reports"] = Array(page.reports, Ref);
  object["tie"] = page.tie ? TieObject(*page.tie) : json(nullptr);
  json balance = BalanceFields(page.balance.balance);
  balance["entries"] = Array(page.balance.entries, [](const app::LedgerLine& line) {
    json entry = LedgerObject(line.entry);
    entry["decayed"] = line.decayed;
    return entry;
  });
  object["balance"] = balance;
  object["interactions_total"] = page.interactions_total;
  object["recent_interactions"] = Array(page.recent, InteractionObject);
  object["followups"] = Array(page.followups, FollowUpObject);
  object["introductions"] = Array(page.introductions, IntroObject);
  object["upcoming_dates"] = Array(page.dates, DateObject);
  return Text(object);
}

std::string Json(const core::Organization& org) { return Text(OrgObject(org)); }

std::string Json(const std::vector<app::OrgRow>& rows) {
  return Text(Array(rows, [](const app::OrgRow& row) {
    json object = OrgObject(row.org);
    object["people"] = row.people;
    return object;
  }));
}

std::string Json(const app::OrgPage& page) {
  json object = OrgObject(page.org);
  object["contacts"] = Array(page.contacts, TieObject);
  object["check_in"] = {{"last", OptionalTime(page.check_in.last)},
                        {"days_since", Optional(page.check_in.days_since)},
                        {"overdue", page.check_in.overdue}};
  object["notices"] = Array(page.notices, NoticeObject);
  return Text(object);
}

std::string Json(const core::VendorNotice& notice) {
  return Text(
      {{"id", notice.id.value},
       {"org_id", notice.org.value},
       {"at", Time(notice.at)},
       {"text", notice.text},
       {"reported_by", notice.reported_by ? json(notice.reported_by->value) : json(nullptr)}});
}

std::string Json(const app::InteractionView& view) { return Text(InteractionObject(view)); }

std::string Json(const app::LedgerView& view) {
  json object = LedgerObject(view.entry);
  object["person"] = Ref(view.person);
  object["account"] = BalanceFields(view.balance);
  return Text(object);
}

std::string Json(const app::IntroView& view) { return Text(IntroObject(view)); }
std::string Json(const std::vector<app::IntroView>& views) {
  return Text(Array(views, IntroObject));
}
std::string Json(const app::FollowUpView& view) { return Text(FollowUpObject(view)); }
std::string Json(const std::vector<app::FollowUpView>& views) {
  return Text(Array(views, FollowUpObject));
}

std::string Json(const std::vector<app::BalanceView>& views) {
  return Text(Array(views, [](const app::BalanceView& view) {
    json object = BalanceFields(view.balance);
    object["person"] = Ref(view.person);
    return object;
  }));
}

std::string Json(const app::BalanceDetail& detail) {
  json object = BalanceFields(detail.balance);
  object["person"] = Ref(detail.person);
  object["entries"] = Array(detail.entries, [](const app::LedgerLine& line) {
    json entry = LedgerObject(line.entry);
    entry["decayed"] = line.decayed;
    return entry;
  });
  return Text(object);
}

std::string Json(const std::vector<app::TieView>& ties) { return Text(Array(ties, TieObject)); }

std::string Json(const app::Briefing& briefing) {
  json object = {{"date", core::FormatDate(briefing.date)},
                 {"me", OptionalRef(briefing.me)},
                 {"people", briefing.people},
                 {"ties", briefing.ties},
                 {"ties_at_risk", briefing.ties_at_risk},
                 {"followups", Array(briefing.followups, FollowUpObject)},
                 {"reconnect", Array(briefing.reconnect, TieObject)},
                 {"dates", Array(briefing.dates, DateObject)},
                 {"vendors", Array(briefing.vendors, AlertObject)},
                 {"overdrawn", Array(briefing.overdrawn,
                                     [](const app::BalanceView& view) {
                                       json entry = BalanceFields(view.balance);
                                       entry["person"] = Ref(view.person);
                                       return entry;
                                     })},
                 {"notices", Array(briefing.notices, NoticeObject)}};
  return Text(object);
}

std::string Json(const app::DemoSummary& summary) {
  return Text({{"people", summary.people},
               {"departments", summary.departments},
               {"team", summary.team},
               {"vendors", summary.vendors},
               {"interactions", summary.interactions},
               {"ledger_entries", summary.ledger_entries},
               {"followups", summary.followups},
               {"notices", summary.notices},
               {"hidden_influencers", summary.hidden_influencers},
               {"planted_expert", summary.planted_expert.empty()
                                      ? nlohmann::json(nullptr)
                                      : nlohmann::json({{"name", summary.planted_expert},
                                                        {"through", summary.expert_contact}})}});
}

std::string Json(const app::ConfigRow& row) { return Text(ConfigObject(row)); }
std::string Json(const std::vector<app::ConfigRow>& rows) {
  return Text(Array(rows, ConfigObject));
}

namespace {

void Method(json& object, const app::BetweennessMethod& method) {
  object["approximate"] = method.approximate;
  object["epsilon"] = Optional(method.epsilon);
  object["delta"] = Optional(method.delta);
}

json Roles(const graph::BrokerageRoles& roles) {
  return {{"coordinator", roles.coordinator},
          {"itinerant", roles.itinerant},
          {"representative", roles.representative},
          {"gatekeeper", roles.gatekeeper},
          {"liaison", roles.liaison}};
}

}  // namespace

std::string Json(const core::Knows& knows) {
  return Text(
      {{"first", knows.first.value}, {"second", knows.second.value}, {"strength", knows.strength}});
}

std::string Json(const app::InfluenceReport& report) {
  json object = {{"network", {{"people", report.network_people}, {"ties", report.network_ties}}}};
  Method(object, report.method);
  object["people"] = Array(report.people, [](const app::InfluenceView& view) {
    return json{{"person", Ref(view.person)},
                {"title", view.title},
                {"influence", view.influence},
                {"influence_percentile", view.influence_percentile},
                {"components",
                 {{"pagerank", view.pagerank},
                  {"pagerank_percentile", view.pagerank_percentile},
                  {"betweenness", view.betweenness},
                  {"betweenness_percentile", view.betweenness_percentile},
                  {"offer", view.offer}}},
                {"formal_level", view.formal_level},
                {"formal_percentile", view.formal_percentile},
                {"gap", view.gap},
                {"hidden", view.hidden}};
  });
  return Text(object);
}

std::string Json(const app::BrokerReport& report) {
  json object = json::object();
  Method(object, report.method);
  object["people"] = Array(report.people, [](const app::BrokerView& view) {
    return json{{"person", Ref(view.person)},
                {"betweenness", view.betweenness},
                {"constraint", Optional(view.constraint)},
                {"effective_size", Optional(view.effective_size)},
                {"roles", Roles(view.roles)}};
  });
  return Text(object);
}

std::string Json(const app::CommunityReport& report) {
  json object = {{"modularity", report.modularity}};
  object["communities"] = Array(report.communities, [](const app::CommunityView& view) {
    json departments = json::array();
    for (const auto& [name, count] : view.departments) {
      departments.push_back({{"department", name}, {"count", count}});
    }
    return json{{"id", view.id},
                {"size", view.members.size()},
                {"departments", departments},
                {"members", Array(view.members, Ref)}};
  });
  return Text(object);
}

std::string Json(const app::AnalysisReport& report) {
  json object = {{"directed", report.directed}};
  Method(object, report.method);
  object["modularity"] = report.modularity;
  object["nodes"] = Array(report.nodes, [](const app::AnalyzedNode& node) {
    return json{{"id", node.id},
                {"label", node.label},
                {"group", node.group},
                {"pagerank", node.pagerank},
                {"betweenness", node.betweenness},
                {"constraint", Optional(node.constraint)},
                {"effective_size", Optional(node.effective_size)},
                {"community", node.community}};
  });
  return Text(object);
}

std::string Json(const app::PathReport& report) {
  json object = {{"target", Ref(report.target)}};
  object["paths"] = Array(report.paths, [](const app::PathView& path) {
    return json{{"people", Array(path.people, Ref)},
                {"strengths", path.strengths},
                {"strength", path.strength}};
  });
  return Text(object);
}

std::string Json(const app::ReachReport& report) {
  auto row = [](const app::CoverageRow& r) {
    return json{{"name", r.name}, {"people", r.people}, {"reached", r.reached}, {"by", r.by}};
  };
  json object = {{"min_strength", report.min_strength},
                 {"people", report.people},
                 {"reached", report.reached},
                 {"departments", Array(report.departments, row)},
                 {"vendors", Array(report.vendors, row)},
                 {"gaps", report.gaps}};
  object["members"] = Array(report.members, [](const app::MemberReach& m) {
    return json{
        {"member", Ref(m.member)}, {"reached", m.reached}, {"only", m.only}, {"share", m.share}};
  });
  return Text(object);
}

namespace {

json SnapshotObject(const app::SnapshotReport& report) {
  return {{"dry_run", report.dry_run},
          {"people", report.people},
          {"organizations", report.organizations},
          {"interactions", report.interactions},
          {"ledger", report.ledger},
          {"introductions", report.introductions},
          {"followups", report.followups},
          {"vendor_notices", report.vendor_notices},
          {"knows", report.knows},
          {"config", report.config},
          {"asks", report.asks}};
}

}  // namespace

std::string Json(const app::ImportReport& report) {
  json errors = json::array();
  for (const auto& error : report.errors) {
    errors.push_back({{"file", error.file}, {"line", error.line}, {"message", error.message}});
  }
  json files = json::array();
  for (const auto& file : report.files) {
    files.push_back({{"file", file.file}, {"format", file.format}, {"records", file.records}});
  }
  json skipped_meetings = json::object();
  for (const auto& [reason, count] : report.skipped_meetings) skipped_meetings[reason] = count;
  json object = {{"dry_run", report.dry_run},
                 {"created", report.created},
                 {"updated", report.updated},
                 {"merged", report.merged},
                 {"unchanged", report.unchanged},
                 {"skipped", report.skipped},
                 {"interactions", report.interactions},
                 {"interactions_updated", report.interactions_updated},
                 {"interactions_unchanged", report.interactions_unchanged},
                 {"photos_skipped", report.photos},
                 {"skipped_meetings", skipped_meetings},
                 {"files", files},
                 {"errors", errors},
                 {"warnings", report.warnings},
                 {"sample", report.sample}};
  if (report.snapshot) object["snapshot"] = SnapshotObject(*report.snapshot);
  return Text(object);
}

std::string Json(const std::vector<app::DuplicateView>& views) {
  return Text(Array(views, [](const app::DuplicateView& view) {
    return json{
        {"first", Ref(view.first)}, {"second", Ref(view.second)}, {"reasons", view.reasons}};
  }));
}

std::string Json(const app::MergeView& view) {
  return Text(json{{"kept", Ref(view.kept)},
                   {"merged", Ref(view.merged)},
                   {"person", PersonObject(view.person, view.kept.org, std::nullopt)}});
}

// --- export, snapshot, backup (issue 4) ---

std::string Json(const app::SnapshotReport& report) { return Text(SnapshotObject(report)); }

std::string Json(const app::BackupReport& report) {
  return Text(json{{"path", report.path}, {"bytes", report.bytes}, {"people", report.people}});
}

std::string Json(const app::RestoreReport& report) {
  return Text(
      json{{"path", report.path},
           {"schema_version", report.schema_version},
           {"migrated", report.migrated},
           {"previous_kept_at",
            report.previous_kept_at.empty() ? json(nullptr) : json(report.previous_kept_at)},
           {"people", report.people}});
}

// --- team and vendors (issue 5) ---

std::string Json(const app::TeamReport& report) {
  json members = json::array();
  for (const auto& row : report.members) {
    members.push_back({{"member", Ref(row.member)},
                       {"is_me", row.is_me},
                       {"ties", row.ties},
                       {"new_ties_30", row.new_ties_30},
                       {"new_ties_90", row.new_ties_90},
                       {"departments", row.departments},
                       {"vendors", row.vendors},
                       {"at_risk", row.at_risk},
                       {"at_risk_ties", Array(row.at_risk_ties, TieObject)},
                       {"overdrawn", Optional(row.overdrawn)},
                       {"rule", row.rule},
                       {"suggestion", row.suggestion}});
  }
  return Text(json{{"viewer", Ref(report.viewer)},
                   {"min_strength", report.min_strength},
                   {"uncovered_departments", report.uncovered_departments},
                   {"uncovered_vendors", report.uncovered_vendors},
                   {"members", members}});
}

std::string Json(const std::vector<app::VendorView>& vendors) {
  return Text(Array(vendors, [](const app::VendorView& view) {
    json contacts = json::array();
    for (const auto& contact : view.contacts) {
      json ties = json::array();
      for (const auto& [member, strength] : contact.ties) {
        ties.push_back({{"member", Ref(member)}, {"strength", strength}});
      }
      contacts.push_back({{"person", Ref(contact.person)},
                          {"title", contact.title},
                          {"strength", contact.strength},
                          {"held_by", OptionalRef(contact.held_by)},
                          {"ties", ties}});
    }
    json object = OrgObject(view.org);
    object["renewal_days"] = Optional(view.renewal_days);
    object["contacts"] = contacts;
    object["check_in"] = {{"last", OptionalTime(view.check_in.last)},
                          {"days_since", Optional(view.check_in.days_since)},
                          {"overdue", view.check_in.overdue},
                          {"by", OptionalRef(view.checked_in_by)}};
    object["notices"] = Array(view.notices, NoticeObject);
    object["alert"] = view.alert ? AlertObject(*view.alert) : json(nullptr);
    return object;
  }));
}

// --- prep and asks (issue 5) --------------------------------------------------------------------

namespace {

json PathObject(const app::PathView& path) {
  return {{"people", Array(path.people, Ref)},
          {"strengths", path.strengths},
          {"strength", path.strength}};
}

json AskObject(const app::AskView& view) {
  return {{"id", view.ask.id.value},
          {"person", Ref(view.person)},
          {"owner", Ref(view.owner)},
          {"text", view.ask.text},
          {"outcome", core::Name(view.ask.outcome)},
          {"at", Time(view.ask.at)},
          {"answered_at", OptionalTime(view.ask.answered_at)},
          {"withdrawal", LedgerObject(view.withdrawal)},
          {"account", BalanceFields(view.balance)}};
}

std::string_view ApproachName(app::AskApproach approach) {
  switch (approach) {
    case app::AskApproach::kDirect:
      return "direct";
    case app::AskApproach::kIntroduction:
      return "introduction";
    case app::AskApproach::kDepositFirst:
      return "deposit-first";
    case app::AskApproach::kCold:
      return "cold";
  }
  return "direct";
}

json NoteArray(const std::vector<core::Note>& notes) {
  return Array(notes, [](const core::Note& note) {
    return json{{"at", Time(note.at)}, {"text", note.text}};
  });
}

}  // namespace

json InfluenceSourceJson(const app::InfluenceSource& source) {
  json estimated = json::array();
  for (core::PersonId id : source.estimated) estimated.push_back(id.value);
  return json{
      {"scope", source.scope},
      {"people", source.people},
      {"ties", source.ties},
      {"as_of", core::FormatUtc(source.as_of)},
      {"changes_since", source.changes_since},
      {"snapshot", source.reused ? "reused" : "computed"},
      {"recomputed_because", source.reused ? json(nullptr) : json(source.recomputed_because)},
      {"stale_because", source.stale_because.empty() ? json(nullptr) : json(source.stale_because)},
      {"waited_seconds", source.waited_seconds},
      {"estimated", estimated}};
}

std::string Json(const app::InfluenceStatus& status) {
  auto stored = [&](json value) { return status.stored ? std::move(value) : json(nullptr); };
  return Text(json{
      {"stored", status.stored},
      {"as_of", stored(Time(status.as_of))},
      {"people", stored(status.people)},
      {"ties", stored(status.ties)},
      {"changes_since", stored(status.changes_since)},
      {"people_now", status.people_now},
      {"stale_because", status.stale_because.empty() ? json(nullptr) : json(status.stale_because)},
      {"advice_commands", status.advice_commands},
      {"refreshing", status.refreshing},
      {"background_error",
       status.background_error.empty() ? json(nullptr) : json(status.background_error)}});
}

std::string Json(const app::InfluenceRefresh& refresh) {
  return Text(json{{"computed", refresh.computed},
                   {"because", refresh.because},
                   {"people", refresh.computed ? json(refresh.people) : json(nullptr)},
                   {"ties", refresh.computed ? json(refresh.ties) : json(nullptr)},
                   {"seconds", refresh.computed ? json(refresh.seconds) : json(nullptr)}});
}

std::string Json(const app::AskView& view) { return Text(AskObject(view)); }
std::string Json(const std::vector<app::AskView>& views) { return Text(Array(views, AskObject)); }

std::string Json(const app::AskForReport& report) {
  json object = {{"text", report.text},
                 {"words", report.words},
                 {"tags", report.tags},
                 {"matched", report.matched},
                 {"influence_snapshot", report.influence.reused ? "reused" : "computed"},
                 {"influence", InfluenceSourceJson(report.influence)}};
  object["candidates"] = Array(report.candidates, [](const app::AskCandidate& c) {
    return json{{"person", Ref(c.person)},
                {"title", c.title},
                {"score", c.score},
                {"match", c.match},
                {"influence", c.influence},
                {"influence_estimated", c.influence_estimated},
                {"path", c.path ? PathObject(*c.path) : json(nullptr)},
                {"evidence", c.evidence},
                {"account", BalanceFields(c.balance)},
                {"approach", ApproachName(c.approach)},
                {"introducer", OptionalRef(c.introducer)},
                {"deposit", Optional(c.deposit)},
                {"advice", c.advice}};
  });
  return Text(object);
}

std::string Json(const app::PrepView& view) {
  json needs = Array(view.needs, [](const app::NeedMatch& need) {
    return json{{"need", need.need},
                {"offers", Array(need.offers, [](const app::TeamOffer& o) {
                   return json{{"member", Ref(o.member)}, {"offer", o.offer}, {"rating", o.rating}};
                 })}};
  });
  json touches = Array(view.team_touches, [](const app::TeamTouch& touch) {
    return json{{"member", Ref(touch.member)}, {"interactions", touch.interactions}};
  });
  json last_detail =
      view.last_detail ? json{{"at", Time(view.last_detail->at)}, {"text", view.last_detail->text}}
                       : json(nullptr);
  json object = {{"person", PersonObject(view.row.person, view.row.org_name, view.row.reports_to)},
                 {"attention",
                  {{"family", NoteArray(view.family)},
                   {"interests", NoteArray(view.interests)},
                   {"origin", NoteArray(view.origin)},
                   {"last_detail", last_detail},
                   {"questions", view.questions}}},
                 {"needs", needs},
                 {"team_touches", touches},
                 {"in_the_way", Optional(view.in_the_way)},
                 {"followups", Array(view.followups, FollowUpObject)},
                 {"account", BalanceFields(view.balance)},
                 {"last_interactions", Array(view.last_interactions, InteractionObject)},
                 {"asks", Array(view.asks, AskObject)}};
  return Text(object);
}

}  // namespace allies::cli
