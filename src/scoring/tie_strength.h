#pragma once
// Tie strength (DESIGN.md §3): how strong the relationship between two people is now, from their
// contacts, who initiated them, and (for my own ties) the closeness I rated.

#include <cstdint>
#include <optional>
#include <span>
#include <unordered_map>
#include <vector>

#include "core/model.h"
#include "scoring/params.h"

namespace allies::scoring {

// Which side of a pair (a, b) did something.
enum class Side { kNone, kA, kB };

// One interaction seen from one pair of its attendees.
struct Contact {
  core::TimePoint at{};
  double weight = 0;  // from ContactWeight()
  Side initiated_by = Side::kNone;
  bool is_message = false;  // a message is not "attending": see TieComponents::one_way
};

// The default setting of a kind: lunch, coffee, walk and off-site are relaxed; the rest formal.
core::Setting DefaultSetting(core::InteractionKind kind);

// Weight of one contact between each pair of an interaction of `attendee_count` people (>= 2):
// two people: relaxed in-person 3.0, formal in-person 2.0, call/video 1.5, event 1.0, message 0.5;
// more than two: events and messages keep their weight, every other kind counts as a meeting,
// weight_group / (n - 1) per pair. O(1).
double ContactWeight(core::InteractionKind kind, core::Setting setting, std::size_t attendee_count,
                     const Params& params);

// A closeness rating given by the user for a tie of theirs.
struct Closeness {
  int rating = 0;  // 0..5
  core::TimePoint rated_at{};
};

// Every number the strength is made of, so that the user can see why.
struct TieComponents {
  double contact = 0;               // Σ w·2^(-age/H) over days with contact (max weight per day)
  double saturation = 0;            // 1 - exp(-contact / tie_saturation)
  int initiated_a = 0;              // contacts initiated by side a ("mine" when a is the owner)
  int initiated_b = 0;              // contacts initiated by side b ("theirs")
  double reciprocity = 1;           // r = 1 - |a - b| / (a + b); 1 when no initiator is known
  double reciprocity_factor = 1;    // floor + (1 - floor) * r
  std::optional<double> closeness;  // rating/5 decayed by closeness_decay_per_year, when rated
  bool one_way = false;             // only messages, and only one side ever initiated
  bool capped = false;              // one_way and the cap lowered the strength
  int contact_days = 0;             // days with at least one contact (after dedupe)
  std::optional<core::TimePoint> last_contact;
  std::optional<double> median_gap_days;  // median gap between contact days; needs two days
};

struct TieStrength {
  double strength = 0;  // in [0, 1]
  TieComponents components;
};

// S = saturation × reciprocity_factor; averaged with the decayed closeness when rated; capped
// at one_way_cap when the contact is one-way. Contacts after `now` are ignored; at most one
// contact per pair per (UTC) day counts, the heaviest. O(c log c) for c contacts.
TieStrength ComputeTieStrength(std::span<const Contact> contacts,
                               const std::optional<Closeness>& closeness, core::TimePoint now,
                               const Params& params);

// The strength of one pair of people, a < b by id.
struct PairTie {
  core::PersonId a;
  core::PersonId b;
  TieStrength tie;
};

struct ScoreTiesOptions {
  // When set, only pairs that include this person are scored, and `closeness` (ratings this
  // person gave, by the other person's id) is blended into them.
  std::optional<core::PersonId> owner;
  const std::vector<std::pair<core::PersonId, Closeness>>* closeness = nullptr;
};

// Scores every pair of people who attended something together (or only the owner's pairs).
// Soft-deleted interactions and those after `now` are ignored. With an owner, people the owner
// rated closeness for but never met still get a tie. Sorted by (a, b).
// O(P log P) for P attendee pairs over all interactions.
std::vector<PairTie> ScoreTies(std::span<const core::Interaction> interactions, core::TimePoint now,
                               const Params& params, const ScoreTiesOptions& options = {});

// Only the strength of one pair, a < b by id: what a network of a million ties needs, at a
// seventh of PairTie's memory.
struct PairStrength {
  core::PersonId a;
  core::PersonId b;
  double strength = 0;
};

// The strengths ScoreTies would give every pair (no owner, no closeness), without their
// components. Same cost as ScoreTies; O(pairs) output of 24 bytes each.
std::vector<PairStrength> ScoreTieStrengths(std::span<const core::Interaction> interactions,
                                            core::TimePoint now, const Params& params);

// The attendee pairs of interactions given one at a time, so that they need not all be held at
// once (store::Store::ForEachInteraction streams them): what ScoreTies and ScoreTieStrengths
// are built on. Keeps 16 bytes per interaction that counts and 12 per attendee pair of it, and
// 8 bytes plus a hash entry per person. On the 100,000-person demo (541,631 interactions, 4.9
// million attendee pairs) that is 70 MB, where the interactions alone took 100 MB.
class PairCollector {
 public:
  // Skips interactions after `now` and soft-deleted ones; with an owner, keeps only the pairs
  // that include the owner.
  explicit PairCollector(core::TimePoint now, std::optional<core::PersonId> owner = std::nullopt);

  // Adds every pair of distinct attendees of `interaction`, in any order of interactions.
  // O(k^2) for k attendees (O(k) with an owner), amortised.
  void Add(const core::Interaction& interaction);

  // The strength of every pair added, sorted by (a, b): ScoreTieStrengths of the same
  // interactions, bit for bit. Frees what was collected (the collector is empty afterwards).
  // O(P log P) for P attendee pairs.
  std::vector<PairStrength> TakeStrengths(const Params& params);

 private:
  friend std::vector<PairTie> ScoreTies(std::span<const core::Interaction> interactions,
                                        core::TimePoint now, const Params& params,
                                        const ScoreTiesOptions& options);

  // One interaction that counts: its time, its kind, setting and attendee count (packed), and
  // its initiator's index (kNobody when unknown or never an attendee).
  struct Event {
    std::int64_t at;  // seconds since the epoch
    std::uint32_t aux;
    std::uint32_t initiator;
  };
  // One attendee pair of one event, by person index.
  struct Record {
    std::uint32_t low;
    std::uint32_t high;
    std::uint32_t event;
  };
  static constexpr std::uint32_t kNobody = 0xffffffffU;

  std::uint32_t IndexOf(core::PersonId id);
  // Renumbers people in id order and events in time order, and returns every record sorted by
  // (low, high, event): each pair's contacts together and in time order. Leaves `events_` in
  // time order and `people_` in id order, and frees the unsorted records.
  std::vector<Record> SortedRecords();

  core::TimePoint now_;
  std::optional<std::uint32_t> owner_;
  std::unordered_map<std::int64_t, std::uint32_t> index_of_;  // person id -> index
  std::vector<core::PersonId> people_;                        // index -> person id
  std::vector<Event> events_;
  // Records in blocks of at most kBlock, so that growing never copies (and briefly doubles)
  // millions of them.
  std::vector<std::vector<Record>> blocks_;
  std::vector<std::uint32_t> attendees_;  // scratch
};

}  // namespace allies::scoring
