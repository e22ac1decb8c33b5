#include "scoring/tie_strength.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <tuple>
#include <utility>

#include "scoring/decay.h"

namespace allies::scoring {
namespace {

using core::InteractionKind;
using core::PersonId;
using core::TimePoint;

// UTC day number of an instant; floor so that instants before 1970 fall on the right day.
std::int64_t DayOf(TimePoint at) {
  return std::chrono::floor<std::chrono::days>(at).time_since_epoch().count();
}

bool IsInPerson(InteractionKind kind) {
  switch (kind) {
    case InteractionKind::kLunch:
    case InteractionKind::kCoffee:
    case InteractionKind::kWalk:
    case InteractionKind::kMeeting:
    case InteractionKind::kOffsite:
      return true;
    case InteractionKind::kCall:
    case InteractionKind::kVideo:
    case InteractionKind::kMessage:
    case InteractionKind::kEvent:
      return false;
  }
  return false;
}

double ClosenessNow(const Closeness& closeness, TimePoint now, const Params& params) {
  double rating = std::clamp(closeness.rating, 0, 5) / 5.0;
  // A rating dated in the future has not started to fade.
  double years = std::max(0.0, core::DaysBetween(closeness.rated_at, now) / 365.25);
  return rating * std::pow(1.0 - params.closeness_decay_per_year, years);
}

// The strength of contacts that are all at or before `now` and sorted by time. `gaps` is scratch
// space: ScoreTies reuses its buffers so that a million pairs cost no allocation each.
TieStrength ScoreSorted(std::span<const Contact> contacts,
                        const std::optional<Closeness>& closeness, TimePoint now,
                        const Params& params, std::vector<double>& gaps) {
  TieStrength result;
  TieComponents& parts = result.components;
  bool all_messages = true;
  std::optional<std::int64_t> previous_day;
  gaps.clear();
  std::size_t i = 0;
  while (i < contacts.size()) {
    std::int64_t day = DayOf(contacts[i].at);
    // Keep the heaviest contact of the day; on equal weights the latest, which has decayed least.
    const Contact* kept = &contacts[i];
    for (; i < contacts.size() && DayOf(contacts[i].at) == day; ++i) {
      const Contact& contact = contacts[i];
      if (contact.weight >= kept->weight) kept = &contact;
      if (contact.initiated_by == Side::kA) ++parts.initiated_a;
      if (contact.initiated_by == Side::kB) ++parts.initiated_b;
      if (!contact.is_message) all_messages = false;
    }
    parts.contact +=
        kept->weight * Decay(core::DaysBetween(kept->at, now), params.tie_half_life_days);
    ++parts.contact_days;
    if (previous_day) gaps.push_back(static_cast<double>(day - *previous_day));
    previous_day = day;
  }
  if (!contacts.empty()) parts.last_contact = contacts.back().at;
  if (!gaps.empty()) {
    std::size_t middle = gaps.size() / 2;
    std::nth_element(gaps.begin(), gaps.begin() + static_cast<std::ptrdiff_t>(middle), gaps.end());
    double median = gaps[middle];
    if (gaps.size() % 2 == 0) {
      double below =
          *std::max_element(gaps.begin(), gaps.begin() + static_cast<std::ptrdiff_t>(middle));
      median = (median + below) / 2;
    }
    parts.median_gap_days = median;
  }

  parts.saturation = 1.0 - std::exp(-parts.contact / params.tie_saturation);
  int initiated = parts.initiated_a + parts.initiated_b;
  if (initiated > 0) {
    parts.reciprocity =
        1.0 - static_cast<double>(std::abs(parts.initiated_a - parts.initiated_b)) / initiated;
  }
  parts.reciprocity_factor =
      params.reciprocity_floor + (1.0 - params.reciprocity_floor) * parts.reciprocity;
  double strength = parts.saturation * parts.reciprocity_factor;
  if (closeness) {
    parts.closeness = ClosenessNow(*closeness, now, params);
    strength = (strength + *parts.closeness) / 2;
  }
  parts.one_way =
      !contacts.empty() && all_messages && (parts.initiated_a == 0 || parts.initiated_b == 0);
  if (parts.one_way && strength > params.one_way_cap) {
    strength = params.one_way_cap;
    parts.capped = true;
  }
  result.strength = std::clamp(strength, 0.0, 1.0);
  return result;
}

bool EarlierContact(const Contact& left, const Contact& right) { return left.at < right.at; }

}  // namespace

core::Setting DefaultSetting(InteractionKind kind) {
  switch (kind) {
    case InteractionKind::kLunch:
    case InteractionKind::kCoffee:
    case InteractionKind::kWalk:
    case InteractionKind::kOffsite:
      return core::Setting::kRelaxed;
    case InteractionKind::kMeeting:
    case InteractionKind::kCall:
    case InteractionKind::kVideo:
    case InteractionKind::kMessage:
    case InteractionKind::kEvent:
      return core::Setting::kFormal;
  }
  return core::Setting::kFormal;
}

double ContactWeight(InteractionKind kind, core::Setting setting, std::size_t attendee_count,
                     const Params& params) {
  if (kind == InteractionKind::kMessage) return params.weight_message;
  if (kind == InteractionKind::kEvent) return params.weight_event;
  if (attendee_count > 2) return params.weight_group / static_cast<double>(attendee_count - 1);
  if (!IsInPerson(kind)) return params.weight_call_1on1;
  return setting == core::Setting::kRelaxed ? params.weight_relaxed_1on1
                                            : params.weight_formal_1on1;
}

TieStrength ComputeTieStrength(std::span<const Contact> contacts,
                               const std::optional<Closeness>& closeness, TimePoint now,
                               const Params& params) {
  std::vector<Contact> kept;
  kept.reserve(contacts.size());
  for (const Contact& contact : contacts) {
    if (contact.at <= now) kept.push_back(contact);
  }
  std::stable_sort(kept.begin(), kept.end(), EarlierContact);
  std::vector<double> gaps;
  return ScoreSorted(kept, closeness, now, params, gaps);
}

namespace {

// One attendee pair of one interaction, with everything its contact needs so that scoring walks
// the sorted records in order without going back to the interactions. The key holds the pair's
// person indexes (the smaller in the high half), so sorting orders pairs by (a, b) and then
// contacts by time.
struct PairRecord {
  std::uint64_t key;
  std::int64_t at;    // seconds since the epoch
  std::uint32_t aux;  // kind, setting, initiating side and attendee count: see PackAux
  bool operator<(const PairRecord& other) const {
    if (key != other.key) return key < other.key;
    return at != other.at ? at < other.at : aux < other.aux;
  }
};

// 25 bits of attendee count; a larger gathering would weigh 2/(n-1) < 1e-7 per pair anyway.
constexpr std::uint32_t kMaxPackedAttendees = (1U << 25) - 1;

std::uint32_t PackAux(InteractionKind kind, core::Setting setting, Side side,
                      std::uint32_t attendee_count) {
  return static_cast<std::uint32_t>(kind) | (static_cast<std::uint32_t>(setting) << 4) |
         (static_cast<std::uint32_t>(side) << 5) |
         (std::min(attendee_count, kMaxPackedAttendees) << 7);
}

Contact UnpackContact(const PairRecord& record, const Params& params) {
  auto kind = static_cast<InteractionKind>(record.aux & 0xfU);
  auto setting = static_cast<core::Setting>((record.aux >> 4) & 1U);
  auto side = static_cast<Side>((record.aux >> 5) & 3U);
  std::size_t attendee_count = record.aux >> 7;
  return {TimePoint{std::chrono::seconds{record.at}},
          ContactWeight(kind, setting, attendee_count, params), side,
          kind == InteractionKind::kMessage};
}

std::uint64_t PairKey(std::uint32_t low, std::uint32_t high) {
  return (static_cast<std::uint64_t>(low) << 32) | high;
}

// Maps person ids to 32-bit indexes in id order. Ids that span less than 2^32 (the usual case)
// map by offset from the smallest, at no cost; wider spans fall back to a sorted table.
class PersonIndex {
 public:
  PersonIndex(std::int64_t min_id, std::int64_t max_id, std::vector<PersonId> people)
      : min_id_(min_id), offset_(!NeedsPeople(min_id, max_id)), people_(std::move(people)) {
    if (!offset_) {
      std::sort(people_.begin(), people_.end());
      people_.erase(std::unique(people_.begin(), people_.end()), people_.end());
    }
  }

  // Whether the index needs the list of every attendee (only for wide spans of ids).
  static bool NeedsPeople(std::int64_t min_id, std::int64_t max_id) {
    return static_cast<std::uint64_t>(max_id) - static_cast<std::uint64_t>(min_id) >
           std::numeric_limits<std::uint32_t>::max();
  }

  // Index of a person who attended a scored interaction.
  std::uint32_t IndexOf(PersonId id) const {
    if (offset_) {
      return static_cast<std::uint32_t>(static_cast<std::uint64_t>(id.value) -
                                        static_cast<std::uint64_t>(min_id_));
    }
    return static_cast<std::uint32_t>(std::lower_bound(people_.begin(), people_.end(), id) -
                                      people_.begin());
  }

  // Index of any person, or nullopt when they attended nothing scored.
  std::optional<std::uint32_t> Find(PersonId id) const {
    if (offset_) {
      std::uint64_t delta =
          static_cast<std::uint64_t>(id.value) - static_cast<std::uint64_t>(min_id_);
      if (id.value < min_id_ || delta > std::numeric_limits<std::uint32_t>::max()) {
        return std::nullopt;
      }
      return static_cast<std::uint32_t>(delta);
    }
    auto it = std::lower_bound(people_.begin(), people_.end(), id);
    if (it == people_.end() || *it != id) return std::nullopt;
    return static_cast<std::uint32_t>(it - people_.begin());
  }

  PersonId IdOf(std::uint32_t index) const {
    if (offset_) {
      return PersonId{static_cast<std::int64_t>(static_cast<std::uint64_t>(min_id_) + index)};
    }
    return people_[index];
  }

 private:
  std::int64_t min_id_;
  bool offset_ = true;
  std::vector<PersonId> people_;
};

using Rating = std::pair<PersonId, Closeness>;

// Position of the rating of `other` in ratings sorted by person, if rated.
std::optional<std::size_t> FindRating(const std::vector<Rating>& sorted_ratings, PersonId other) {
  auto it = std::lower_bound(sorted_ratings.begin(), sorted_ratings.end(), other,
                             [](const Rating& entry, PersonId id) { return entry.first < id; });
  if (it == sorted_ratings.end() || it->first != other) return std::nullopt;
  return static_cast<std::size_t>(it - sorted_ratings.begin());
}

// The owner's ratings, sorted by person, one per person (the first given wins), none of the
// owner themself.
std::vector<Rating> SortedRatings(const ScoreTiesOptions& options) {
  std::vector<Rating> ratings;
  if (!options.owner || !options.closeness) return ratings;
  for (const Rating& entry : *options.closeness) {
    if (entry.first != *options.owner) ratings.push_back(entry);
  }
  std::stable_sort(ratings.begin(), ratings.end(), [](const Rating& left, const Rating& right) {
    return left.first < right.first;
  });
  ratings.erase(std::unique(ratings.begin(), ratings.end(),
                            [](const Rating& left, const Rating& right) {
                              return left.first == right.first;
                            }),
                ratings.end());
  return ratings;
}

// Every attendee pair of the interactions that count, sorted by pair and then by interaction.
std::vector<PairRecord> CollectPairs(std::span<const core::Interaction> interactions, TimePoint now,
                                     const std::optional<PersonId>& owner,
                                     std::optional<PersonIndex>& index) {
  std::vector<std::uint32_t> usable;
  std::int64_t min_id = std::numeric_limits<std::int64_t>::max();
  std::int64_t max_id = std::numeric_limits<std::int64_t>::min();
  std::size_t pair_bound = 0;
  for (std::size_t i = 0; i < interactions.size(); ++i) {
    const core::Interaction& interaction = interactions[i];
    if (interaction.stamps.deleted_at || interaction.at > now) continue;
    std::size_t n = interaction.attendees.size();
    if (n < 2) continue;
    usable.push_back(static_cast<std::uint32_t>(i));
    pair_bound += owner ? n - 1 : n * (n - 1) / 2;
    for (PersonId id : interaction.attendees) {
      min_id = std::min(min_id, id.value);
      max_id = std::max(max_id, id.value);
    }
  }
  std::vector<PersonId> people;
  if (!usable.empty() && PersonIndex::NeedsPeople(min_id, max_id)) {
    for (std::uint32_t i : usable) {
      const auto& attendees = interactions[i].attendees;
      people.insert(people.end(), attendees.begin(), attendees.end());
    }
  }
  index.emplace(min_id, max_id, std::move(people));

  std::optional<std::uint32_t> owner_index;
  if (owner) {
    owner_index = index->Find(*owner);
    if (!owner_index) return {};
  }
  std::vector<PairRecord> records;
  records.reserve(pair_bound);
  std::vector<std::uint32_t> attendees;
  for (std::uint32_t i : usable) {
    const core::Interaction& interaction = interactions[i];
    attendees.clear();
    for (PersonId id : interaction.attendees) attendees.push_back(index->IndexOf(id));
    std::sort(attendees.begin(), attendees.end());
    attendees.erase(std::unique(attendees.begin(), attendees.end()), attendees.end());
    auto count = static_cast<std::uint32_t>(attendees.size());
    if (count < 2) continue;
    std::optional<std::uint32_t> initiator;
    if (interaction.initiator) initiator = index->Find(*interaction.initiator);
    std::int64_t at = interaction.at.time_since_epoch().count();
    auto add = [&](std::uint32_t low, std::uint32_t high) {
      Side side = Side::kNone;
      if (initiator == low) side = Side::kA;
      if (initiator == high) side = Side::kB;
      records.push_back(
          {PairKey(low, high), at, PackAux(interaction.kind, interaction.setting, side, count)});
    };
    if (owner_index) {
      if (!std::binary_search(attendees.begin(), attendees.end(), *owner_index)) continue;
      for (std::uint32_t other : attendees) {
        if (other != *owner_index)
          add(std::min(other, *owner_index), std::max(other, *owner_index));
      }
      continue;
    }
    for (std::size_t x = 0; x < attendees.size(); ++x) {
      for (std::size_t y = x + 1; y < attendees.size(); ++y) add(attendees[x], attendees[y]);
    }
  }
  std::sort(records.begin(), records.end());
  return records;
}

}  // namespace

std::vector<PairTie> ScoreTies(std::span<const core::Interaction> interactions, TimePoint now,
                               const Params& params, const ScoreTiesOptions& options) {
  std::optional<PersonIndex> index;
  std::vector<PairRecord> records = CollectPairs(interactions, now, options.owner, index);
  std::vector<Rating> ratings = SortedRatings(options);

  std::size_t pair_count = 0;
  for (std::size_t i = 0; i < records.size(); ++i) {
    if (i == 0 || records[i].key != records[i - 1].key) ++pair_count;
  }
  std::vector<PairTie> ties;
  ties.reserve(pair_count + ratings.size());
  std::vector<Contact> contacts;
  std::vector<double> gaps;
  std::vector<bool> rating_used(ratings.size(), false);
  for (std::size_t run = 0; run < records.size();) {
    std::uint64_t key = records[run].key;
    PersonId a = index->IdOf(static_cast<std::uint32_t>(key >> 32));
    PersonId b = index->IdOf(static_cast<std::uint32_t>(key & 0xffffffffU));
    contacts.clear();
    for (; run < records.size() && records[run].key == key; ++run) {
      contacts.push_back(UnpackContact(records[run], params));
    }
    std::optional<Closeness> closeness;
    if (!ratings.empty()) {
      std::optional<std::size_t> rating = FindRating(ratings, a == *options.owner ? b : a);
      if (rating) {
        closeness = ratings[*rating].second;
        rating_used[*rating] = true;
      }
    }
    ties.push_back({a, b, ScoreSorted(contacts, closeness, now, params, gaps)});
  }

  // People the owner rated but never met still have a tie: the rating alone.
  bool added = false;
  for (std::size_t i = 0; i < ratings.size(); ++i) {
    if (rating_used[i]) continue;
    PersonId owner = *options.owner;
    PersonId other = ratings[i].first;
    ties.push_back({std::min(owner, other), std::max(owner, other),
                    ScoreSorted({}, ratings[i].second, now, params, gaps)});
    added = true;
  }
  if (added) {
    std::sort(ties.begin(), ties.end(), [](const PairTie& left, const PairTie& right) {
      return std::tie(left.a, left.b) < std::tie(right.a, right.b);
    });
  }
  return ties;
}

std::vector<PairStrength> ScoreTieStrengths(std::span<const core::Interaction> interactions,
                                            TimePoint now, const Params& params) {
  std::optional<PersonIndex> index;
  std::vector<PairRecord> records = CollectPairs(interactions, now, std::nullopt, index);
  std::vector<PairStrength> strengths;
  std::vector<Contact> contacts;
  std::vector<double> gaps;
  for (std::size_t run = 0; run < records.size();) {
    std::uint64_t key = records[run].key;
    contacts.clear();
    for (; run < records.size() && records[run].key == key; ++run) {
      contacts.push_back(UnpackContact(records[run], params));
    }
    strengths.push_back({index->IdOf(static_cast<std::uint32_t>(key >> 32)),
                         index->IdOf(static_cast<std::uint32_t>(key & 0xffffffffU)),
                         ScoreSorted(contacts, std::nullopt, now, params, gaps).strength});
  }
  return strengths;
}

}  // namespace allies::scoring
