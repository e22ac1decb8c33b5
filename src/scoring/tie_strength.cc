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

// 25 bits of attendee count; a larger gathering would weigh 2/(n-1) < 1e-7 per pair anyway.
constexpr std::uint32_t kMaxPackedAttendees = (1U << 25) - 1;

std::uint32_t PackAux(InteractionKind kind, core::Setting setting, std::uint32_t attendee_count) {
  return static_cast<std::uint32_t>(kind) | (static_cast<std::uint32_t>(setting) << 4) |
         (std::min(attendee_count, kMaxPackedAttendees) << 5);
}

Contact UnpackContact(std::int64_t at, std::uint32_t aux, Side side, const Params& params) {
  auto kind = static_cast<InteractionKind>(aux & 0xfU);
  auto setting = static_cast<core::Setting>((aux >> 4) & 1U);
  std::size_t attendee_count = aux >> 5;
  return {TimePoint{std::chrono::seconds{at}}, ContactWeight(kind, setting, attendee_count, params),
          side, kind == InteractionKind::kMessage};
}

// Records per block: 12 MiB.
constexpr std::size_t kBlock = std::size_t{1} << 20;

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

}  // namespace

PairCollector::PairCollector(TimePoint now, std::optional<PersonId> owner) : now_(now) {
  if (owner) owner_ = IndexOf(*owner);
}

std::uint32_t PairCollector::IndexOf(PersonId id) {
  auto [it, added] = index_of_.try_emplace(id.value, static_cast<std::uint32_t>(people_.size()));
  if (added) people_.push_back(id);
  return it->second;
}

void PairCollector::Add(const core::Interaction& interaction) {
  if (interaction.stamps.deleted_at || interaction.at > now_) return;
  if (interaction.attendees.size() < 2) return;
  attendees_.clear();
  for (PersonId id : interaction.attendees) attendees_.push_back(IndexOf(id));
  std::sort(attendees_.begin(), attendees_.end());
  attendees_.erase(std::unique(attendees_.begin(), attendees_.end()), attendees_.end());
  auto count = static_cast<std::uint32_t>(attendees_.size());
  if (count < 2) return;
  if (owner_ && !std::binary_search(attendees_.begin(), attendees_.end(), *owner_)) return;
  std::uint32_t initiator = kNobody;
  if (interaction.initiator) {
    auto it = index_of_.find(interaction.initiator->value);
    if (it != index_of_.end()) initiator = it->second;
  }
  const auto event = static_cast<std::uint32_t>(events_.size());
  events_.push_back({interaction.at.time_since_epoch().count(),
                     PackAux(interaction.kind, interaction.setting, count), initiator});
  auto add = [&](std::uint32_t low, std::uint32_t high) {
    if (blocks_.empty() || blocks_.back().size() == kBlock) {
      blocks_.emplace_back();
      // The first block grows as needed (small inputs stay small); later ones are full-size.
      if (blocks_.size() > 1) blocks_.back().reserve(kBlock);
    }
    blocks_.back().push_back({low, high, event});
  };
  if (owner_) {
    for (std::uint32_t other : attendees_) {
      if (other != *owner_) add(std::min(other, *owner_), std::max(other, *owner_));
    }
    return;
  }
  for (std::size_t x = 0; x < attendees_.size(); ++x) {
    for (std::size_t y = x + 1; y < attendees_.size(); ++y) add(attendees_[x], attendees_[y]);
  }
}

std::vector<PairCollector::Record> PairCollector::SortedRecords() {
  // People in id order, so that pairs come out sorted by (a, b) with a < b.
  std::vector<std::uint32_t> order(people_.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::uint32_t left, std::uint32_t right) {
    return people_[left] < people_[right];
  });
  std::vector<std::uint32_t> person_rank(people_.size());
  std::vector<PersonId> people(people_.size());
  for (std::uint32_t rank = 0; rank < order.size(); ++rank) {
    person_rank[order[rank]] = rank;
    people[rank] = people_[order[rank]];
  }
  people_ = std::move(people);
  index_of_ = {};

  // Events in time order, so that each pair's contacts come out in time order. Contacts at the
  // same instant may come in any order: scoring keeps the heaviest of a day and counts
  // initiations, neither of which depends on it.
  order.resize(events_.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t left, std::uint32_t right) {
    return events_[left].at < events_[right].at;
  });
  std::vector<std::uint32_t> event_rank(events_.size());
  std::vector<Event> events(events_.size());
  for (std::uint32_t rank = 0; rank < order.size(); ++rank) {
    event_rank[order[rank]] = rank;
    Event event = events_[order[rank]];
    if (event.initiator != kNobody) event.initiator = person_rank[event.initiator];
    events[rank] = event;
  }
  events_ = std::move(events);
  order = {};

  std::size_t total = 0;
  for (const auto& block : blocks_) total += block.size();
  std::vector<Record> records;
  records.reserve(total);
  for (auto& block : blocks_) {
    for (const Record& record : block) {
      std::uint32_t a = person_rank[record.low];
      std::uint32_t b = person_rank[record.high];
      records.push_back({std::min(a, b), std::max(a, b), event_rank[record.event]});
    }
    block = {};  // freed as soon as copied: the peak is the records plus one block
  }
  blocks_ = {};
  std::sort(records.begin(), records.end(), [](const Record& left, const Record& right) {
    if (left.low != right.low) return left.low < right.low;
    if (left.high != right.high) return left.high < right.high;
    return left.event < right.event;
  });
  return records;
}

namespace {

// Calls score(a, b, contacts) for each pair of sorted `records` in order, with its contacts in
// time order.
template <class Record, class Event, class Score>
void ForEachPair(const std::vector<Record>& records, const std::vector<Event>& events,
                 std::uint32_t nobody, const Params& params, Score&& score) {
  std::vector<Contact> contacts;
  for (std::size_t run = 0; run < records.size();) {
    const std::uint32_t low = records[run].low;
    const std::uint32_t high = records[run].high;
    contacts.clear();
    for (; run < records.size() && records[run].low == low && records[run].high == high; ++run) {
      const Event& event = events[records[run].event];
      Side side = Side::kNone;
      if (event.initiator != nobody) {
        if (event.initiator == low) side = Side::kA;
        if (event.initiator == high) side = Side::kB;
      }
      contacts.push_back(UnpackContact(event.at, event.aux, side, params));
    }
    score(low, high, contacts);
  }
}

template <class Record>
std::size_t CountPairs(const std::vector<Record>& records) {
  std::size_t pairs = 0;
  for (std::size_t i = 0; i < records.size(); ++i) {
    if (i == 0 || records[i].low != records[i - 1].low || records[i].high != records[i - 1].high) {
      ++pairs;
    }
  }
  return pairs;
}

}  // namespace

std::vector<PairStrength> PairCollector::TakeStrengths(const Params& params) {
  std::vector<PairStrength> strengths;
  {
    std::vector<Record> records = SortedRecords();
    strengths.reserve(CountPairs(records));
    std::vector<double> gaps;
    ForEachPair(
        records, events_, kNobody, params,
        [&](std::uint32_t low, std::uint32_t high, const std::vector<Contact>& contacts) {
          strengths.push_back({people_[low], people_[high],
                               ScoreSorted(contacts, std::nullopt, now_, params, gaps).strength});
        });
  }
  events_ = {};
  people_ = {};
  owner_.reset();
  return strengths;
}

std::vector<PairTie> ScoreTies(std::span<const core::Interaction> interactions, TimePoint now,
                               const Params& params, const ScoreTiesOptions& options) {
  PairCollector collector(now, options.owner);
  for (const core::Interaction& interaction : interactions) collector.Add(interaction);
  std::vector<PairCollector::Record> records = collector.SortedRecords();
  std::vector<Rating> ratings = SortedRatings(options);

  std::vector<PairTie> ties;
  ties.reserve(CountPairs(records) + ratings.size());
  std::vector<double> gaps;
  std::vector<bool> rating_used(ratings.size(), false);
  const std::vector<PersonId>& people = collector.people_;
  ForEachPair(records, collector.events_, PairCollector::kNobody, params,
              [&](std::uint32_t low, std::uint32_t high, const std::vector<Contact>& contacts) {
                PersonId a = people[low];
                PersonId b = people[high];
                std::optional<Closeness> closeness;
                if (!ratings.empty()) {
                  std::optional<std::size_t> rating =
                      FindRating(ratings, a == *options.owner ? b : a);
                  if (rating) {
                    closeness = ratings[*rating].second;
                    rating_used[*rating] = true;
                  }
                }
                ties.push_back({a, b, ScoreSorted(contacts, closeness, now, params, gaps)});
              });

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
  PairCollector collector(now);
  for (const core::Interaction& interaction : interactions) collector.Add(interaction);
  return collector.TakeStrengths(params);
}

}  // namespace allies::scoring
