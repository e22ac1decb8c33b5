#include "formats/snapshot.h"

#include <chrono>
#include <cstdint>
#include <limits>
#include <utility>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/names.h"

namespace allies::formats {
namespace {

using core::ErrorCode;
using core::Fail;
using core::Result;
// Keys stay in the order written, so the file reads like the documentation.
using Json = nlohmann::ordered_json;

constexpr std::string_view kFormat = "allies-export";

// --- writing
// --------------------------------------------------------------------------------------

Json TimeText(core::TimePoint at) { return core::FormatUtc(at); }

Json OptionalTimeText(const std::optional<core::TimePoint>& at) {
  return at ? TimeText(*at) : Json(nullptr);
}

template <class T>
Json Optional(const std::optional<T>& value) {
  return value ? Json(*value) : Json(nullptr);
}

template <class Tag>
Json OptionalId(const std::optional<core::Id<Tag>>& id) {
  return id ? Json(id->value) : Json(nullptr);
}

void AddStamps(Json& object, const core::Stamps& stamps) {
  object["created_at"] = TimeText(stamps.created_at);
  object["updated_at"] = TimeText(stamps.updated_at);
  object["deleted_at"] = OptionalTimeText(stamps.deleted_at);
}

Json PersonObject(const core::Person& person) {
  Json emails = Json::array();
  for (const auto& email : person.emails) {
    emails.push_back({{"address", email.address}, {"type", email.type}});
  }
  Json phones = Json::array();
  for (const auto& phone : person.phones) {
    phones.push_back({{"number", phone.number}, {"type", phone.type}});
  }
  Json offers = Json::array();
  for (const auto& offer : person.offers) {
    offers.push_back({{"key", offer.key}, {"rating", offer.rating}});
  }
  Json notes = Json::array();
  for (const auto& note : person.notes) {
    notes.push_back({{"at", TimeText(note.at)}, {"text", note.text}});
  }
  Json dates = Json::array();
  for (const auto& date : person.dates) {
    dates.push_back({{"kind", core::Name(date.kind)}, {"date", core::FormatMonthDay(date.date)}});
  }
  Json object = {{"id", person.id.value},
                 {"name", person.name},
                 {"title", person.title},
                 {"department", person.department},
                 {"org_id", OptionalId(person.org)},
                 {"reports_to_id", OptionalId(person.reports_to)},
                 {"emails", emails},
                 {"phones", phones},
                 {"tags", person.tags},
                 {"offers", offers},
                 {"needs", person.needs},
                 {"notes", notes},
                 {"dates", dates},
                 {"closeness", Optional(person.closeness)},
                 {"closeness_at", OptionalTimeText(person.closeness_at)},
                 {"cadence_days", Optional(person.cadence_days)},
                 {"is_me", person.is_me},
                 {"is_team", person.is_team}};
  AddStamps(object, person.stamps);
  return object;
}

Json OrgObject(const core::Organization& org) {
  Json object = {{"id", org.id.value},
                 {"name", org.name},
                 {"kind", core::Name(org.kind)},
                 {"services", org.services},
                 {"renewal", org.renewal ? Json(core::FormatDate(*org.renewal)) : Json(nullptr)},
                 {"cadence_days", Optional(org.cadence_days)}};
  AddStamps(object, org.stamps);
  return object;
}

Json InteractionObject(const core::Interaction& interaction) {
  Json attendees = Json::array();
  for (core::PersonId id : interaction.attendees) attendees.push_back(id.value);
  Json object = {{"id", interaction.id.value},
                 {"at", TimeText(interaction.at)},
                 {"duration_min", interaction.duration_min},
                 {"kind", core::Name(interaction.kind)},
                 {"setting", core::Name(interaction.setting)},
                 {"purpose", core::Name(interaction.purpose)},
                 {"attendee_ids", attendees},
                 {"initiator_id", OptionalId(interaction.initiator)},
                 {"energy", interaction.energy},
                 {"note", interaction.note},
                 {"source", interaction.source},
                 {"owner_id", interaction.owner.value}};
  AddStamps(object, interaction.stamps);
  return object;
}

Json LedgerObject(const core::LedgerEntry& entry) {
  Json object = {{"id", entry.id.value},
                 {"person_id", entry.person.value},
                 {"owner_id", entry.owner.value},
                 {"at", TimeText(entry.at)},
                 {"kind", core::Name(entry.kind)},
                 {"value", entry.value},
                 {"note", entry.note},
                 {"interaction_id", OptionalId(entry.interaction)}};
  AddStamps(object, entry.stamps);
  return object;
}

Json IntroductionObject(const core::Introduction& intro) {
  Json object = {{"id", intro.id.value},          {"introducer_id", intro.introducer.value},
                 {"first_id", intro.first.value}, {"second_id", intro.second.value},
                 {"at", TimeText(intro.at)},      {"outcome", intro.outcome}};
  AddStamps(object, intro.stamps);
  return object;
}

Json FollowUpObject(const core::FollowUp& followup) {
  Json object = {{"id", followup.id.value},
                 {"person_id", followup.person.value},
                 {"text", followup.text},
                 {"due", core::FormatDate(followup.due)},
                 {"done_at", OptionalTimeText(followup.done_at)},
                 {"owner_id", OptionalId(followup.owner)}};
  AddStamps(object, followup.stamps);
  return object;
}

Json AskObject(const core::Ask& ask) {
  Json object = {{"id", ask.id.value},
                 {"ledger_id", ask.ledger.value},
                 {"person_id", ask.person.value},
                 {"owner_id", ask.owner.value},
                 {"text", ask.text},
                 {"outcome", core::Name(ask.outcome)},
                 {"at", TimeText(ask.at)},
                 {"answered_at", OptionalTimeText(ask.answered_at)}};
  AddStamps(object, ask.stamps);
  return object;
}

Json NoticeObject(const core::VendorNotice& notice) {
  Json object = {{"id", notice.id.value},
                 {"org_id", notice.org.value},
                 {"at", TimeText(notice.at)},
                 {"text", notice.text},
                 {"reported_by_id", OptionalId(notice.reported_by)}};
  AddStamps(object, notice.stamps);
  return object;
}

Json KnowsObject(const core::Knows& knows) {
  Json object = {{"first_id", knows.first.value},
                 {"second_id", knows.second.value},
                 {"strength", knows.strength}};
  AddStamps(object, knows.stamps);
  return object;
}

Json ConfigObject(const core::ConfigEntry& entry) {
  return {{"key", entry.key},
          {"value", entry.value},
          {"created_at", TimeText(entry.stamps.created_at)},
          {"updated_at", TimeText(entry.stamps.updated_at)}};
}

template <class Record, class ToJson>
Json ArrayOf(const std::vector<Record>& records, ToJson to_json) {
  Json array = Json::array();
  for (const Record& record : records) array.push_back(to_json(record));
  return array;
}

// --- reading
// --------------------------------------------------------------------------------------

// A JSON value and where it sits in the document, for messages.
struct Node {
  const Json& value;
  std::string path;
};

// How a value is quoted in messages: its JSON text, shortened.
std::string Shown(const Json& value) {
  std::string text = value.dump(-1, ' ', false, Json::error_handler_t::replace);
  if (text.size() > 60) text = text.substr(0, 57) + "...";
  return text;
}

core::Error Bad(const Node& node, std::string_view expected) {
  return core::Error{
      ErrorCode::kInvalidArgument,
      fmt::format("{}: expected {}, found {}", node.path.empty() ? "(top)" : node.path, expected,
                  Shown(node.value))};
}

Result<Node> Member(const Node& object, std::string_view key) {
  if (!object.value.is_object()) return tl::unexpected(Bad(object, "an object"));
  auto found = object.value.find(key);
  std::string path =
      object.path.empty() ? std::string(key) : fmt::format("{}.{}", object.path, key);
  if (found == object.value.end()) {
    return Fail(ErrorCode::kInvalidArgument, fmt::format("{}: missing (it is required)", path));
  }
  return Node{*found, std::move(path)};
}

Result<std::string> String(const Node& node) {
  if (!node.value.is_string()) return tl::unexpected(Bad(node, "a string"));
  return node.value.get<std::string>();
}

Result<std::int64_t> Int64(const Node& node) {
  if (node.value.is_number_unsigned()) {
    auto value = node.value.get<std::uint64_t>();
    if (value > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
      return tl::unexpected(Bad(node, "an integer that fits 64 bits"));
    }
    return static_cast<std::int64_t>(value);
  }
  if (!node.value.is_number_integer()) return tl::unexpected(Bad(node, "an integer"));
  return node.value.get<std::int64_t>();
}

Result<int> Int(const Node& node) {
  ALLIES_TRY(std::int64_t value, Int64(node));
  if (value < std::numeric_limits<int>::min() || value > std::numeric_limits<int>::max()) {
    return tl::unexpected(Bad(node, "an integer that fits 32 bits"));
  }
  return static_cast<int>(value);
}

Result<double> Number(const Node& node) {
  if (!node.value.is_number()) return tl::unexpected(Bad(node, "a number"));
  return node.value.get<double>();
}

Result<bool> Bool(const Node& node) {
  if (!node.value.is_boolean()) return tl::unexpected(Bad(node, "true or false"));
  return node.value.get<bool>();
}

Result<core::TimePoint> Time(const Node& node) {
  constexpr std::string_view kExpected = "a UTC time \"YYYY-MM-DDTHH:MM:SSZ\"";
  if (!node.value.is_string()) return tl::unexpected(Bad(node, kExpected));
  auto parsed = core::ParseDateTime(node.value.get_ref<const std::string&>());
  if (!parsed || !parsed->offset) return tl::unexpected(Bad(node, kExpected));
  return core::TimePoint{parsed->local.time_since_epoch() - *parsed->offset};
}

template <class T, class Parse>
Result<std::optional<T>> OptionalOf(const Node& node, Parse parse) {
  if (node.value.is_null()) return std::optional<T>();
  ALLIES_TRY(T value, parse(node));
  return std::optional<T>(std::move(value));
}

template <class Tag>
Result<core::Id<Tag>> Id(const Node& node) {
  ALLIES_TRY(std::int64_t value, Int64(node));
  return core::Id<Tag>{value};
}

template <class Tag>
Result<std::optional<core::Id<Tag>>> OptionalIdOf(const Node& node) {
  return OptionalOf<core::Id<Tag>>(node, Id<Tag>);
}

Result<core::Date> Date(const Node& node) {
  if (!node.value.is_string()) return tl::unexpected(Bad(node, "a date \"YYYY-MM-DD\""));
  auto date = core::ParseDate(node.value.get_ref<const std::string&>());
  if (!date) return tl::unexpected(Bad(node, "a date \"YYYY-MM-DD\""));
  return *date;
}

template <class Enum>
Result<Enum> EnumOf(const Node& node, std::optional<Enum> (*parse)(std::string_view),
                    std::string_view what) {
  if (node.value.is_string()) {
    if (auto value = parse(node.value.get_ref<const std::string&>())) return *value;
  }
  return tl::unexpected(Bad(node, what));
}

// Calls `read(element)` for every element of the array at `node`.
template <class Read>
Result<void> ForEach(const Node& node, Read read) {
  if (!node.value.is_array()) return tl::unexpected(Bad(node, "an array"));
  for (std::size_t i = 0; i < node.value.size(); ++i) {
    ALLIES_TRY_VOID(read(Node{node.value[i], fmt::format("{}[{}]", node.path, i)}));
  }
  return {};
}

Result<std::vector<std::string>> Strings(const Node& node) {
  std::vector<std::string> values;
  ALLIES_TRY_VOID(ForEach(node, [&](const Node& element) -> Result<void> {
    ALLIES_TRY(std::string value, String(element));
    values.push_back(std::move(value));
    return {};
  }));
  return values;
}

Result<core::Stamps> Stamps(const Node& object, bool with_deleted = true) {
  core::Stamps stamps;
  ALLIES_TRY(Node created, Member(object, "created_at"));
  ALLIES_TRY(stamps.created_at, Time(created));
  ALLIES_TRY(Node updated, Member(object, "updated_at"));
  ALLIES_TRY(stamps.updated_at, Time(updated));
  if (with_deleted) {
    ALLIES_TRY(Node deleted, Member(object, "deleted_at"));
    ALLIES_TRY(stamps.deleted_at, OptionalOf<core::TimePoint>(deleted, Time));
  }
  return stamps;
}

// Reads `object.key` with `parse`: the common case of one field.
template <class Parse>
auto Field(const Node& object, std::string_view key, Parse parse) -> decltype(parse(object)) {
  ALLIES_TRY(Node node, Member(object, key));
  return parse(node);
}

Result<core::Person> ReadPerson(const Node& node) {
  core::Person person;
  ALLIES_TRY(person.id, Field(node, "id", Id<core::PersonTag>));
  ALLIES_TRY(person.name, Field(node, "name", String));
  ALLIES_TRY(person.title, Field(node, "title", String));
  ALLIES_TRY(person.department, Field(node, "department", String));
  ALLIES_TRY(person.org, Field(node, "org_id", OptionalIdOf<core::OrgTag>));
  ALLIES_TRY(person.reports_to, Field(node, "reports_to_id", OptionalIdOf<core::PersonTag>));
  ALLIES_TRY(Node emails, Member(node, "emails"));
  ALLIES_TRY_VOID(ForEach(emails, [&](const Node& element) -> Result<void> {
    core::Email email;
    ALLIES_TRY(email.address, Field(element, "address", String));
    ALLIES_TRY(email.type, Field(element, "type", String));
    person.emails.push_back(std::move(email));
    return {};
  }));
  ALLIES_TRY(Node phones, Member(node, "phones"));
  ALLIES_TRY_VOID(ForEach(phones, [&](const Node& element) -> Result<void> {
    core::Phone phone;
    ALLIES_TRY(phone.number, Field(element, "number", String));
    ALLIES_TRY(phone.type, Field(element, "type", String));
    person.phones.push_back(std::move(phone));
    return {};
  }));
  ALLIES_TRY(person.tags, Field(node, "tags", Strings));
  ALLIES_TRY(Node offers, Member(node, "offers"));
  ALLIES_TRY_VOID(ForEach(offers, [&](const Node& element) -> Result<void> {
    core::Offer offer;
    ALLIES_TRY(offer.key, Field(element, "key", String));
    ALLIES_TRY(offer.rating, Field(element, "rating", Int));
    person.offers.push_back(std::move(offer));
    return {};
  }));
  ALLIES_TRY(person.needs, Field(node, "needs", Strings));
  ALLIES_TRY(Node notes, Member(node, "notes"));
  ALLIES_TRY_VOID(ForEach(notes, [&](const Node& element) -> Result<void> {
    core::Note note;
    ALLIES_TRY(note.at, Field(element, "at", Time));
    ALLIES_TRY(note.text, Field(element, "text", String));
    person.notes.push_back(std::move(note));
    return {};
  }));
  ALLIES_TRY(Node dates, Member(node, "dates"));
  ALLIES_TRY_VOID(ForEach(dates, [&](const Node& element) -> Result<void> {
    core::ImportantDate date;
    ALLIES_TRY(Node kind, Member(element, "kind"));
    ALLIES_TRY(date.kind,
               EnumOf(kind, core::ParseDateKind, "birthday, work-anniversary or anniversary"));
    ALLIES_TRY(Node day, Member(element, "date"));
    constexpr std::string_view kDay = "a date \"YYYY-MM-DD\" or \"--MM-DD\"";
    if (!day.value.is_string()) return tl::unexpected(Bad(day, kDay));
    auto parsed = core::ParseMonthDay(day.value.get_ref<const std::string&>());
    if (!parsed) return tl::unexpected(Bad(day, kDay));
    date.date = *parsed;
    person.dates.push_back(date);
    return {};
  }));
  ALLIES_TRY(person.closeness,
             Field(node, "closeness", [](const Node& n) { return OptionalOf<int>(n, Int); }));
  ALLIES_TRY(person.closeness_at, Field(node, "closeness_at", [](const Node& n) {
               return OptionalOf<core::TimePoint>(n, Time);
             }));
  ALLIES_TRY(person.cadence_days,
             Field(node, "cadence_days", [](const Node& n) { return OptionalOf<int>(n, Int); }));
  ALLIES_TRY(person.is_me, Field(node, "is_me", Bool));
  ALLIES_TRY(person.is_team, Field(node, "is_team", Bool));
  ALLIES_TRY(person.stamps, Stamps(node));
  return person;
}

Result<core::Organization> ReadOrg(const Node& node) {
  core::Organization org;
  ALLIES_TRY(org.id, Field(node, "id", Id<core::OrgTag>));
  ALLIES_TRY(org.name, Field(node, "name", String));
  ALLIES_TRY(Node kind, Member(node, "kind"));
  ALLIES_TRY(org.kind, EnumOf(kind, core::ParseOrgKind, core::OrgKindNames()));
  ALLIES_TRY(org.services, Field(node, "services", Strings));
  ALLIES_TRY(org.renewal,
             Field(node, "renewal", [](const Node& n) { return OptionalOf<core::Date>(n, Date); }));
  ALLIES_TRY(org.cadence_days,
             Field(node, "cadence_days", [](const Node& n) { return OptionalOf<int>(n, Int); }));
  ALLIES_TRY(org.stamps, Stamps(node));
  return org;
}

Result<core::Interaction> ReadInteraction(const Node& node) {
  core::Interaction interaction;
  ALLIES_TRY(interaction.id, Field(node, "id", Id<core::InteractionTag>));
  ALLIES_TRY(interaction.at, Field(node, "at", Time));
  ALLIES_TRY(interaction.duration_min, Field(node, "duration_min", Int));
  ALLIES_TRY(Node kind, Member(node, "kind"));
  ALLIES_TRY(interaction.kind,
             EnumOf(kind, core::ParseInteractionKind, core::InteractionKindNames()));
  ALLIES_TRY(Node setting, Member(node, "setting"));
  ALLIES_TRY(interaction.setting, EnumOf(setting, core::ParseSetting, core::SettingNames()));
  ALLIES_TRY(Node purpose, Member(node, "purpose"));
  ALLIES_TRY(interaction.purpose, EnumOf(purpose, core::ParsePurpose, core::PurposeNames()));
  ALLIES_TRY(Node attendees, Member(node, "attendee_ids"));
  ALLIES_TRY_VOID(ForEach(attendees, [&](const Node& element) -> Result<void> {
    ALLIES_TRY(core::PersonId id, Id<core::PersonTag>(element));
    interaction.attendees.push_back(id);
    return {};
  }));
  ALLIES_TRY(interaction.initiator, Field(node, "initiator_id", OptionalIdOf<core::PersonTag>));
  ALLIES_TRY(interaction.energy, Field(node, "energy", Int));
  ALLIES_TRY(interaction.note, Field(node, "note", String));
  ALLIES_TRY(interaction.source, Field(node, "source", String));
  ALLIES_TRY(interaction.owner, Field(node, "owner_id", Id<core::PersonTag>));
  ALLIES_TRY(interaction.stamps, Stamps(node));
  return interaction;
}

Result<core::LedgerEntry> ReadLedgerEntry(const Node& node) {
  core::LedgerEntry entry;
  ALLIES_TRY(entry.id, Field(node, "id", Id<core::LedgerTag>));
  ALLIES_TRY(entry.person, Field(node, "person_id", Id<core::PersonTag>));
  ALLIES_TRY(entry.owner, Field(node, "owner_id", Id<core::PersonTag>));
  ALLIES_TRY(entry.at, Field(node, "at", Time));
  ALLIES_TRY(Node kind, Member(node, "kind"));
  ALLIES_TRY(entry.kind, EnumOf(kind, core::ParseLedgerKind,
                                "attention, expertise, favor-done, introduction, recognition, "
                                "small-ask, favor-asked or escalation"));
  ALLIES_TRY(entry.value, Field(node, "value", Number));
  ALLIES_TRY(entry.note, Field(node, "note", String));
  ALLIES_TRY(entry.interaction, Field(node, "interaction_id", OptionalIdOf<core::InteractionTag>));
  ALLIES_TRY(entry.stamps, Stamps(node));
  return entry;
}

Result<core::Introduction> ReadIntroduction(const Node& node) {
  core::Introduction intro;
  ALLIES_TRY(intro.id, Field(node, "id", Id<core::IntroductionTag>));
  ALLIES_TRY(intro.introducer, Field(node, "introducer_id", Id<core::PersonTag>));
  ALLIES_TRY(intro.first, Field(node, "first_id", Id<core::PersonTag>));
  ALLIES_TRY(intro.second, Field(node, "second_id", Id<core::PersonTag>));
  ALLIES_TRY(intro.at, Field(node, "at", Time));
  ALLIES_TRY(intro.outcome, Field(node, "outcome", String));
  ALLIES_TRY(intro.stamps, Stamps(node));
  return intro;
}

// `version`: of the export format; version 1 had no follow-up owners (they were all mine).
Result<core::FollowUp> ReadFollowUp(const Node& node, int version) {
  core::FollowUp followup;
  ALLIES_TRY(followup.id, Field(node, "id", Id<core::FollowUpTag>));
  ALLIES_TRY(followup.person, Field(node, "person_id", Id<core::PersonTag>));
  ALLIES_TRY(followup.text, Field(node, "text", String));
  ALLIES_TRY(followup.due, Field(node, "due", Date));
  ALLIES_TRY(followup.done_at, Field(node, "done_at", [](const Node& n) {
               return OptionalOf<core::TimePoint>(n, Time);
             }));
  if (version >= 2) {
    ALLIES_TRY(followup.owner, Field(node, "owner_id", OptionalIdOf<core::PersonTag>));
  }
  ALLIES_TRY(followup.stamps, Stamps(node));
  return followup;
}

Result<core::Ask> ReadAsk(const Node& node) {
  core::Ask ask;
  ALLIES_TRY(ask.id, Field(node, "id", Id<core::AskTag>));
  ALLIES_TRY(ask.ledger, Field(node, "ledger_id", Id<core::LedgerTag>));
  ALLIES_TRY(ask.person, Field(node, "person_id", Id<core::PersonTag>));
  ALLIES_TRY(ask.owner, Field(node, "owner_id", Id<core::PersonTag>));
  ALLIES_TRY(ask.text, Field(node, "text", String));
  ALLIES_TRY(Node outcome, Member(node, "outcome"));
  ALLIES_TRY(ask.outcome, EnumOf(outcome, core::ParseAskOutcome, "pending, yes or no"));
  ALLIES_TRY(ask.at, Field(node, "at", Time));
  ALLIES_TRY(ask.answered_at, Field(node, "answered_at", [](const Node& n) {
               return OptionalOf<core::TimePoint>(n, Time);
             }));
  ALLIES_TRY(ask.stamps, Stamps(node));
  return ask;
}

Result<core::VendorNotice> ReadNotice(const Node& node) {
  core::VendorNotice notice;
  ALLIES_TRY(notice.id, Field(node, "id", Id<core::NoticeTag>));
  ALLIES_TRY(notice.org, Field(node, "org_id", Id<core::OrgTag>));
  ALLIES_TRY(notice.at, Field(node, "at", Time));
  ALLIES_TRY(notice.text, Field(node, "text", String));
  ALLIES_TRY(notice.reported_by, Field(node, "reported_by_id", OptionalIdOf<core::PersonTag>));
  ALLIES_TRY(notice.stamps, Stamps(node));
  return notice;
}

Result<core::Knows> ReadKnows(const Node& node) {
  core::Knows knows;
  ALLIES_TRY(knows.first, Field(node, "first_id", Id<core::PersonTag>));
  ALLIES_TRY(knows.second, Field(node, "second_id", Id<core::PersonTag>));
  ALLIES_TRY(knows.strength, Field(node, "strength", Number));
  ALLIES_TRY(knows.stamps, Stamps(node));
  return knows;
}

Result<core::ConfigEntry> ReadConfigEntry(const Node& node) {
  core::ConfigEntry entry;
  ALLIES_TRY(entry.key, Field(node, "key", String));
  ALLIES_TRY(entry.value, Field(node, "value", String));
  ALLIES_TRY(entry.stamps, Stamps(node, false));
  return entry;
}

// Reads the array `root.key` into `records` with `read`.
template <class Record, class Read>
Result<void> ReadArray(const Node& root, std::string_view key, std::vector<Record>& records,
                       Read read) {
  ALLIES_TRY(Node array, Member(root, key));
  return ForEach(array, [&](const Node& element) -> Result<void> {
    ALLIES_TRY(Record record, read(element));
    records.push_back(std::move(record));
    return {};
  });
}

Result<Snapshot> ReadDocument(const Json& document) {
  Node root{document, ""};
  if (!document.is_object()) return tl::unexpected(Bad(root, "an object (an Allies export)"));
  ALLIES_TRY(Node format, Member(root, "format"));
  if (!format.value.is_string() || format.value.get_ref<const std::string&>() != kFormat) {
    return tl::unexpected(Bad(format, "\"allies-export\""));
  }
  Snapshot snapshot;
  ALLIES_TRY(Node version, Member(root, "version"));
  ALLIES_TRY(snapshot.version, Int(version));
  if (snapshot.version < 1 || snapshot.version > kSnapshotVersion) {
    return Fail(ErrorCode::kInvalidArgument,
                fmt::format("version: this Allies reads export format version 1 to {}, found {}",
                            kSnapshotVersion, snapshot.version));
  }
  ALLIES_TRY(snapshot.schema_version, Field(root, "schema_version", Int));
  ALLIES_TRY(snapshot.exported_at, Field(root, "exported_at", Time));
  core::Dataset& data = snapshot.data;
  ALLIES_TRY_VOID(ReadArray(root, "people", data.people, ReadPerson));
  ALLIES_TRY_VOID(ReadArray(root, "organizations", data.orgs, ReadOrg));
  ALLIES_TRY_VOID(ReadArray(root, "interactions", data.interactions, ReadInteraction));
  ALLIES_TRY_VOID(ReadArray(root, "ledger", data.ledger, ReadLedgerEntry));
  ALLIES_TRY_VOID(ReadArray(root, "introductions", data.introductions, ReadIntroduction));
  ALLIES_TRY_VOID(ReadArray(root, "followups", data.followups, [&](const Node& node) {
    return ReadFollowUp(node, snapshot.version);
  }));
  ALLIES_TRY_VOID(ReadArray(root, "vendor_notices", data.notices, ReadNotice));
  ALLIES_TRY_VOID(ReadArray(root, "knows", data.knows, ReadKnows));
  ALLIES_TRY_VOID(ReadArray(root, "config", data.config, ReadConfigEntry));
  if (snapshot.version >= 2) {
    ALLIES_TRY_VOID(ReadArray(root, "asks", data.asks, ReadAsk));
  }
  return snapshot;
}

std::string_view SkipBlanks(std::string_view text) {
  std::size_t start = text.find_first_not_of(" \t\r\n");
  return start == std::string_view::npos ? std::string_view() : text.substr(start);
}

}  // namespace

std::string WriteSnapshot(const Snapshot& snapshot) {
  const core::Dataset& data = snapshot.data;
  Json document = {{"format", kFormat},
                   {"version", kSnapshotVersion},
                   {"schema_version", snapshot.schema_version},
                   {"exported_at", TimeText(snapshot.exported_at)},
                   {"people", ArrayOf(data.people, PersonObject)},
                   {"organizations", ArrayOf(data.orgs, OrgObject)},
                   {"interactions", ArrayOf(data.interactions, InteractionObject)},
                   {"ledger", ArrayOf(data.ledger, LedgerObject)},
                   {"introductions", ArrayOf(data.introductions, IntroductionObject)},
                   {"followups", ArrayOf(data.followups, FollowUpObject)},
                   {"vendor_notices", ArrayOf(data.notices, NoticeObject)},
                   {"knows", ArrayOf(data.knows, KnowsObject)},
                   {"config", ArrayOf(data.config, ConfigObject)},
                   {"asks", ArrayOf(data.asks, AskObject)}};
  // Text is valid UTF-8 by the model's convention; `replace` keeps a stray byte from aborting.
  return document.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

Result<Snapshot> ReadSnapshot(std::string_view bytes) {
  Json document;
  try {
    document = Json::parse(bytes.begin(), bytes.end());
  } catch (const Json::parse_error& e) {
    return Fail(ErrorCode::kInvalidArgument,
                fmt::format("not an Allies export: the JSON is malformed at byte {} ({})", e.byte,
                            e.what()));
  } catch (const Json::exception& e) {
    // A number too large for a double (out_of_range 406) is reported apart from syntax errors.
    return Fail(ErrorCode::kInvalidArgument,
                fmt::format("not an Allies export: the JSON cannot be read ({})", e.what()));
  }
  try {
    return ReadDocument(document);
  } catch (const Json::exception& e) {
    // The reader checks every type before it converts, so this is not expected.
    return Fail(ErrorCode::kInvalidArgument, fmt::format("cannot read the export: {}", e.what()));
  }
}

bool LooksLikeSnapshot(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  bytes = SkipBlanks(bytes);
  if (!bytes.starts_with('{')) return false;
  std::string_view head = bytes.substr(0, 4096);
  for (std::size_t at = head.find("\"format\""); at != std::string_view::npos;
       at = head.find("\"format\"", at + 1)) {
    std::string_view rest = SkipBlanks(head.substr(at + 8));
    if (!rest.starts_with(':')) continue;
    rest = SkipBlanks(rest.substr(1));
    if (rest.starts_with("\"allies-export\"")) return true;
  }
  return false;
}

}  // namespace allies::formats
