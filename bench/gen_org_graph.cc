// A deterministic generator of organization-like networks for the issue-3 benchmark.
//
//   gen_org_graph --people N --ties M [--seed S] --edges OUT.txt --nodes OUT.tsv
//                 [--queries OUT.txt]
//
// The model, in the order it is drawn from one xoshiro256** stream seeded by S:
//  - departments: N/100 of them (at least 10), sizes heavy-tailed (log-normal, sigma 1.1, so a few
//    departments hold thousands and many hold a few dozen), each at least 8 people, named after a
//    function ("Sales 12");
//  - people: a random permutation spreads the departments over the ids, so that ids say nothing
//    about departments (as in a real export); each person's activity is Pareto (alpha 2.1,
//    capped at 200 times the minimum): a few people have a hundred times the ties of most;
//  - ties: first every person gets one tie inside their department (nobody is isolated), then
//    ties are drawn until there are M distinct pairs: one end by activity over everybody, the
//    other by activity inside the first end's department with probability 0.85, else over
//    everybody (Chung–Lu style, so degrees follow activity); self-ties and repeats are redrawn;
//  - strengths in (0, 1): u^1.5 inside a department (mean 0.4), u^3 across (mean 0.25), written
//    with four decimals and kept within [0.0001, 0.9999] (a strength of exactly 1 would cost
//    -ln 1 = 0 on a path).
// Outputs: a SNAP edge list `u v w` (no comment lines: igraph's Read_Ncol does not skip them),
// a nodes file `id<TAB>label<TAB>department` listing every id 0..N-1 in order, and with --queries
// the fixed path queries of the benchmark: 7 sources (one person and six colleagues of the same
// department) and 100 targets drawn over everybody, none of them a source.
// The same arguments give the same bytes: the generator uses its own PRNG and transforms, not
// the <random> distributions, whose output differs between standard libraries.

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <numbers>
#include <numeric>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "core/random.h"

namespace {

// core::Random (xoshiro256** seeded through splitmix64), with the draws the model needs.
class Rng : public allies::core::Random {
 public:
  using Random::Random;

  // Uniform in [0, bound), by scaling Uniform(): not Random::Below, whose rejection draws
  // differ, so that the networks stay the same bytes for the same seed.
  std::uint64_t Below(std::uint64_t bound) {
    return static_cast<std::uint64_t>(Uniform() * static_cast<double>(bound));
  }

  // Standard normal by Box–Muller (one of the pair; simplicity beats speed here).
  double Normal() {
    const double u1 = 1.0 - Uniform();  // (0, 1]
    const double u2 = Uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
  }
};

// Draws an index with probability proportional to its weight, by binary search over prefix sums.
class WeightedPicker {
 public:
  WeightedPicker() = default;
  explicit WeightedPicker(const std::vector<double>& weights) : prefix_(weights.size()) {
    std::partial_sum(weights.begin(), weights.end(), prefix_.begin());
  }
  std::size_t Pick(Rng& rng) const {
    const double x = rng.Uniform() * prefix_.back();
    auto it = std::upper_bound(prefix_.begin(), prefix_.end(), x);
    return std::min<std::size_t>(static_cast<std::size_t>(it - prefix_.begin()),
                                 prefix_.size() - 1);
  }

 private:
  std::vector<double> prefix_;
};

// A set of unordered pairs by open addressing: 1,000,000 pairs in 32 MB, no allocation per pair.
class PairSet {
 public:
  explicit PairSet(std::size_t expected) {
    std::size_t size = 1;
    while (size < 2 * expected + 2) size <<= 1;
    slots_.assign(size, kEmpty);
    mask_ = size - 1;
  }
  // Inserts {u, v}; false when it was there already.
  bool Insert(std::uint32_t u, std::uint32_t v) {
    const std::uint64_t key = (std::uint64_t{std::min(u, v)} << 32) | std::max(u, v);
    std::uint64_t h = key * 0x9e3779b97f4a7c15ULL;
    for (std::size_t i = (h ^ (h >> 29)) & mask_;; i = (i + 1) & mask_) {
      if (slots_[i] == key) return false;
      if (slots_[i] == kEmpty) {
        slots_[i] = key;
        return true;
      }
    }
  }

 private:
  static constexpr std::uint64_t kEmpty = ~std::uint64_t{0};
  std::vector<std::uint64_t> slots_;
  std::size_t mask_ = 0;
};

struct Tie {
  std::uint32_t u;
  std::uint32_t v;
  int strength_e4;  // strength in units of 1e-4, 1..9999
};

constexpr const char* kFunctions[] = {"Engineering", "Sales",   "Marketing", "Finance",
                                      "Operations",  "Legal",   "People",    "Support",
                                      "Research",    "Product", "IT",        "Procurement"};
constexpr const char* kFirstNames[] = {"Ada",  "Ben",   "Chloe", "Dev",   "Elif", "Farid", "Grace",
                                       "Hugo", "Ines",  "Jonas", "Kenji", "Lea",  "Mateo", "Nora",
                                       "Omar", "Priya", "Quinn", "Rosa",  "Sami", "Tara"};
constexpr const char* kLastNames[] = {"Adams",    "Berg",    "Costa",  "Diaz",   "Eriksen",
                                      "Fischer",  "Garcia",  "Haddad", "Ito",    "Jansen",
                                      "Kowalski", "Laurent", "Moreau", "Nguyen", "Okafor",
                                      "Patel",    "Rossi",   "Silva",  "Tanaka", "Weber"};

// Writes `text` to `path`, or exits with a message naming the path.
void WriteFile(const std::string& path, const std::string& text) {
  std::FILE* file = std::fopen(path.c_str(), "wb");
  if (file == nullptr || std::fwrite(text.data(), 1, text.size(), file) != text.size() ||
      std::fclose(file) != 0) {
    std::fprintf(stderr, "error: cannot write %s: %s\n", path.c_str(), std::strerror(errno));
    std::exit(1);
  }
}

void AppendNumber(std::string& out, std::uint64_t value) {
  char buffer[24];
  auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
  out.append(buffer, end);
}

}  // namespace

int main(int argc, char** argv) {
  std::uint64_t people = 0;
  std::uint64_t ties = 0;
  std::uint64_t seed = 20261126;
  std::string edges_path;
  std::string nodes_path;
  std::string queries_path;
  CLI::App cli("Writes an organization-like network for the analytics benchmark");
  cli.add_option("--people", people, "people (nodes)")
      ->required()
      ->check(CLI::Range(std::uint64_t{1000}, std::uint64_t{100'000'000}));
  cli.add_option("--ties", ties, "ties (edges), people to 200 x people")->required();
  cli.add_option("--seed", seed, "seed of the generator");
  cli.add_option("--edges", edges_path, "the edge list to write")->required();
  cli.add_option("--nodes", nodes_path, "the node table to write")->required();
  cli.add_option("--queries", queries_path, "the path queries to write");
  CLI11_PARSE(cli, argc, argv);
  if (ties < people || ties > people * 200) {
    std::fprintf(stderr, "error: --ties must be in people..200*people\n");
    return 2;
  }

  Rng rng(seed);
  const std::size_t n = people;

  // Department sizes: 8 each, the rest shared in proportion to log-normal weights by largest
  // remainder.
  constexpr std::size_t kMinDepartment = 8;
  const std::size_t departments = std::max<std::size_t>(10, n / 100);
  std::vector<double> raw(departments);
  for (double& weight : raw) weight = std::exp(1.1 * rng.Normal());
  const double raw_total = std::accumulate(raw.begin(), raw.end(), 0.0);
  const std::size_t spare = n - kMinDepartment * departments;
  std::vector<std::size_t> sizes(departments, kMinDepartment);
  std::vector<std::pair<double, std::size_t>> remainders(departments);
  std::size_t given = 0;
  for (std::size_t d = 0; d < departments; ++d) {
    const double share = raw[d] / raw_total * static_cast<double>(spare);
    const auto whole = static_cast<std::size_t>(share);
    sizes[d] += whole;
    given += whole;
    remainders[d] = {share - static_cast<double>(whole), d};
  }
  std::sort(remainders.begin(), remainders.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  for (std::size_t i = 0; given < spare; ++i, ++given) ++sizes[remainders[i].second];

  // People: department by a shuffled order, activity Pareto(2.1) capped at 200.
  std::vector<std::uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0u);
  for (std::size_t i = n - 1; i > 0; --i) std::swap(order[i], order[rng.Below(i + 1)]);
  std::vector<std::uint32_t> department_of(n);
  std::vector<std::vector<std::uint32_t>> members(departments);
  for (std::size_t d = 0, next = 0; d < departments; ++d) {
    for (std::size_t k = 0; k < sizes[d]; ++k) {
      const std::uint32_t person = order[next++];
      department_of[person] = static_cast<std::uint32_t>(d);
      members[d].push_back(person);
    }
  }
  for (auto& list : members) std::sort(list.begin(), list.end());
  std::vector<double> activity(n);
  for (double& a : activity) a = std::min(200.0, std::pow(1.0 - rng.Uniform(), -1.0 / 2.1));
  const WeightedPicker everybody(activity);
  std::vector<WeightedPicker> within(departments);
  for (std::size_t d = 0; d < departments; ++d) {
    std::vector<double> weights;
    weights.reserve(members[d].size());
    for (std::uint32_t person : members[d]) weights.push_back(activity[person]);
    within[d] = WeightedPicker(weights);
  }

  PairSet seen(ties);
  std::vector<Tie> list;
  list.reserve(ties);
  auto strength = [&rng](bool inside) {
    const double u = rng.Uniform();
    const double s = inside ? std::pow(u, 1.5) : u * u * u;
    return std::clamp(static_cast<int>(std::lround(s * 1e4)), 1, 9999);
  };
  auto colleague = [&](std::uint32_t person) {
    const std::uint32_t d = department_of[person];
    return members[d][within[d].Pick(rng)];
  };
  for (std::uint32_t person = 0; person < n && list.size() < ties; ++person) {
    for (int attempt = 0; attempt < 100; ++attempt) {
      const std::uint32_t other = colleague(person);
      if (other != person && seen.Insert(person, other)) {
        list.push_back({person, other, strength(true)});
        break;
      }
    }
  }
  const std::uint64_t max_attempts = 100 * ties;
  for (std::uint64_t attempt = 0; list.size() < ties; ++attempt) {
    if (attempt == max_attempts) {
      std::fprintf(stderr, "error: only %zu distinct ties after %llu draws; ask for fewer ties\n",
                   list.size(), static_cast<unsigned long long>(attempt));
      return 1;
    }
    const auto u = static_cast<std::uint32_t>(everybody.Pick(rng));
    const bool inside = rng.Uniform() < 0.85;
    const std::uint32_t v = inside ? colleague(u) : static_cast<std::uint32_t>(everybody.Pick(rng));
    if (u == v || !seen.Insert(u, v)) continue;
    list.push_back({u, v, strength(department_of[u] == department_of[v])});
  }
  // The order of lines is shuffled so that a reader cannot profit from person-by-person order.
  for (std::size_t i = list.size() - 1; i > 0; --i) std::swap(list[i], list[rng.Below(i + 1)]);

  std::string text;
  text.reserve(list.size() * 22);
  for (const Tie& tie : list) {
    AppendNumber(text, tie.u);
    text += ' ';
    AppendNumber(text, tie.v);
    char weight[8];
    std::snprintf(weight, sizeof weight, " 0.%04d", tie.strength_e4);
    text += weight;
    text += '\n';
  }
  WriteFile(edges_path, text);

  text.clear();
  for (std::size_t person = 0; person < n; ++person) {
    const std::uint32_t d = department_of[person];
    AppendNumber(text, person);
    text += '\t';
    text += kFirstNames[(person * 7) % std::size(kFirstNames)];
    text += ' ';
    text += kLastNames[(person / std::size(kFirstNames) * 3 + person) % std::size(kLastNames)];
    text += '\t';
    text += kFunctions[d % std::size(kFunctions)];
    text += ' ';
    AppendNumber(text, d / std::size(kFunctions) + 1);
    text += '\n';
  }
  WriteFile(nodes_path, text);

  if (!queries_path.empty()) {
    // Me: a person of the median-sized department; my team: six colleagues from it.
    std::vector<std::size_t> by_size(departments);
    std::iota(by_size.begin(), by_size.end(), std::size_t{0});
    std::sort(by_size.begin(), by_size.end(), [&](std::size_t a, std::size_t b) {
      return sizes[a] != sizes[b] ? sizes[a] < sizes[b] : a < b;
    });
    const auto& team_department = members[by_size[departments / 2]];
    std::vector<std::uint32_t> sources;
    while (sources.size() < 7) {
      const std::uint32_t person = team_department[rng.Below(team_department.size())];
      if (std::find(sources.begin(), sources.end(), person) == sources.end()) {
        sources.push_back(person);
      }
    }
    std::vector<std::uint32_t> targets;
    while (targets.size() < 100) {
      const auto person = static_cast<std::uint32_t>(rng.Below(n));
      if (std::find(sources.begin(), sources.end(), person) == sources.end() &&
          std::find(targets.begin(), targets.end(), person) == targets.end()) {
        targets.push_back(person);
      }
    }
    text = "# k-best path queries: the 7 sources (me and my team), then the 100 targets\nsources";
    for (std::uint32_t s : sources) {
      text += ' ';
      AppendNumber(text, s);
    }
    text += "\ntargets";
    for (std::uint32_t t : targets) {
      text += ' ';
      AppendNumber(text, t);
    }
    text += '\n';
    WriteFile(queries_path, text);
  }
  std::printf("%s: %zu people in %zu departments (largest %zu, smallest %zu), %zu ties\n",
              edges_path.c_str(), n, departments, *std::max_element(sizes.begin(), sizes.end()),
              *std::min_element(sizes.begin(), sizes.end()), list.size());
  return 0;
}
