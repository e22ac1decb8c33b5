// Scoring every tie of the 100,000-person demo network (issue 2, target: under 2 s).
//
//   bench_scoring --db FILE [--people N] [--csv OUT.csv] [benchmark flags]
//
// Writes the demo into FILE when it does not exist, loads every interaction once, then times
// ScoreTies over all of them. --csv writes the interactions for bench/reference_ties.py, which
// does the same work in pure Python so that the run can print both side by side.

#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include <fmt/format.h>

#include "app/demo.h"
#include "core/names.h"
#include "scoring/tie_strength.h"
#include "store/sqlite/sqlite_store.h"

namespace {

using namespace allies;

const core::TimePoint kNow = std::chrono::sys_days{std::chrono::year{2026} / 11 / 26};

std::vector<core::Interaction>& Interactions() {
  static std::vector<core::Interaction> interactions;
  return interactions;
}

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

int Prepare(const std::string& db, int people, const std::string& csv) {
  bool fresh = !std::filesystem::exists(db);
  auto store = store::OpenSqliteStore(db);
  if (!store) {
    std::fprintf(stderr, "error: %s\n", store.error().message.c_str());
    return 1;
  }
  if (fresh) {
    auto started = std::chrono::steady_clock::now();
    app::DemoOptions options;
    options.people = people;
    if (!(*store)->Begin(kNow)) return 1;
    auto summary = app::WriteDemo(**store, options, kNow);
    if (!summary || !(*store)->Commit()) {
      std::fprintf(stderr, "error: %s\n",
                   summary ? "commit failed" : summary.error().message.c_str());
      return 1;
    }
    std::printf("demo written: %d people, %d interactions in %.2f s\n", summary->people,
                summary->interactions, Seconds(started));
  }
  auto started = std::chrono::steady_clock::now();
  auto loaded = (*store)->ListInteractions({});
  if (!loaded) return 1;
  Interactions() = std::move(*loaded);
  std::size_t attendees = 0;
  for (const auto& i : Interactions()) attendees += i.attendees.size();
  std::printf("loaded %zu interactions (%zu attendee rows) from SQLite in %.2f s\n",
              Interactions().size(), attendees, Seconds(started));

  auto ties = scoring::ScoreTies(Interactions(), kNow, scoring::Params{});
  double sum = 0;
  for (const auto& tie : ties) sum += tie.tie.strength;
  std::printf("ties: %zu, sum of strengths %.6f\n", ties.size(), sum);

  if (!csv.empty()) {
    std::ofstream out(csv);
    out << "at,kind,setting,initiator,attendees\n";
    for (const auto& i : Interactions()) {
      out << i.at.time_since_epoch().count() << ',' << core::Name(i.kind) << ','
          << core::Name(i.setting) << ',' << (i.initiator ? i.initiator->value : 0) << ',';
      for (std::size_t k = 0; k < i.attendees.size(); ++k) {
        out << (k ? ";" : "") << i.attendees[k].value;
      }
      out << '\n';
    }
  }
  return 0;
}

void BM_ScoreAllTies(benchmark::State& state) {
  scoring::Params params;
  std::size_t ties = 0;
  for (auto _ : state) {
    auto scored = scoring::ScoreTies(Interactions(), kNow, params);
    ties = scored.size();
    benchmark::DoNotOptimize(scored.data());
  }
  state.counters["ties"] = static_cast<double>(ties);
  state.counters["interactions"] = static_cast<double>(Interactions().size());
}
BENCHMARK(BM_ScoreAllTies)->Unit(benchmark::kMillisecond)->MinTime(3.0);

}  // namespace

int main(int argc, char** argv) {
  std::string db = "bench-100k.db";
  std::string csv;
  int people = 100000;
  std::vector<char*> rest{argv[0]};
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--db" && i + 1 < argc) {
      db = argv[++i];
    } else if (arg == "--csv" && i + 1 < argc) {
      csv = argv[++i];
    } else if (arg == "--people" && i + 1 < argc) {
      people = std::stoi(argv[++i]);
    } else {
      rest.push_back(argv[i]);
    }
  }
  if (int failed = Prepare(db, people, csv)) return failed;
  int count = static_cast<int>(rest.size());
  benchmark::Initialize(&count, rest.data());
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
