// Issue 4's import benchmark, the parser-level row: the vCard and iCalendar readers timed on the
// generated files (bench/gen_import_files.cc), without the database. bench/run.sh prints them
// next to the whole `allies import` and to Python's vobject and icalendar parsing the same files.
//
//   bench_import --vcf FILE.vcf --ics FILE.ics [--year Y] [--repeat N]
//
// Each reader runs N times (default 3, stopping early once it has used 60 s) on the bytes read
// once; the best run is reported (the machine is shared). Reading the file is timed separately.
// The calendar window is the year Y (default 2026) in UTC, as the generator counts it.
//
// Output lines (read by bench/run.sh): VCARD_READ_SECONDS, VCARD_SECONDS, VCARD_CONTACTS,
// VCARD_ERRORS, VCARD_PHOTOS, ICS_READ_SECONDS, ICS_SECONDS, ICS_OCCURRENCES, ICS_CANCELLED,
// ICS_ERRORS, ICS_ATTENDEES, PEAK_MB (the process's peak RSS, after both readers).

#include <sys/resource.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "formats/calendar.h"
#include "formats/ical.h"
#include "formats/vcard.h"

namespace {

namespace chr = std::chrono;
using allies::formats::CalendarFile;
using allies::formats::CalendarOptions;
using allies::formats::ContactFile;

[[noreturn]] void Usage(const char* message) {
  std::fprintf(stderr,
               "error: %s\nusage: bench_import --vcf FILE.vcf --ics FILE.ics [--year Y] "
               "[--repeat N]\n",
               message);
  std::exit(2);
}

double Seconds(chr::steady_clock::time_point since) {
  return chr::duration<double>(chr::steady_clock::now() - since).count();
}

// The whole file, or exits naming it.
std::string Slurp(const std::string& path, double& seconds) {
  const auto started = chr::steady_clock::now();
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "error: cannot read %s\n", path.c_str());
    std::exit(1);
  }
  std::ostringstream text;
  text << in.rdbuf();
  seconds = Seconds(started);
  return std::move(text).str();
}

int ParseInt(std::string_view flag, const char* text) {
  int value = 0;
  std::string_view view(text);
  auto [end, error] = std::from_chars(view.data(), view.data() + view.size(), value);
  if (error != std::errc() || end != view.data() + view.size() || value < 1) {
    std::string message = std::string(flag) + " \"" + text + "\" is not a positive number";
    Usage(message.c_str());
  }
  return value;
}

}  // namespace

int main(int argc, char** argv) {
  std::string vcf_path;
  std::string ics_path;
  int year = 2026;
  int repeat = 3;
  for (int i = 1; i < argc; ++i) {
    std::string_view flag(argv[i]);
    if (i + 1 >= argc) Usage("every flag takes a value");
    const char* value = argv[++i];
    if (flag == "--vcf") {
      vcf_path = value;
    } else if (flag == "--ics") {
      ics_path = value;
    } else if (flag == "--year") {
      year = ParseInt(flag, value);
    } else if (flag == "--repeat") {
      repeat = ParseInt(flag, value);
    } else {
      std::string message = "unknown flag \"" + std::string(flag) + "\"";
      Usage(message.c_str());
    }
  }
  if (vcf_path.empty() || ics_path.empty()) Usage("--vcf and --ics are required");

  if (!vcf_path.empty()) {
    double read_seconds = 0;
    const std::string bytes = Slurp(vcf_path, read_seconds);
    double best = 1e300;
    double spent = 0;
    std::size_t contacts = 0;
    std::size_t errors = 0;
    long photos = 0;
    for (int run = 0; run < repeat && spent < 60; ++run) {
      const auto started = chr::steady_clock::now();
      auto file = allies::formats::ReadVcard(bytes);
      const double seconds = Seconds(started);
      if (!file) {
        std::fprintf(stderr, "error: %s: %s\n", vcf_path.c_str(), file.error().message.c_str());
        return 1;
      }
      contacts = file->contacts.size();
      errors = file->errors.size();
      photos = 0;
      for (const auto& contact : file->contacts) photos += contact.photos;
      best = std::min(best, seconds);
      spent += seconds;
    }
    std::printf("VCARD_READ_SECONDS %.3f\nVCARD_SECONDS %.3f\nVCARD_CONTACTS %zu\n", read_seconds,
                best, contacts);
    std::printf("VCARD_ERRORS %zu\nVCARD_PHOTOS %ld\n", errors, photos);
    std::fflush(stdout);
  }

  double read_seconds = 0;
  const std::string bytes = Slurp(ics_path, read_seconds);
  CalendarOptions options;
  options.since = chr::sys_seconds(chr::sys_days(chr::year(year) / chr::January / 1));
  options.until = chr::sys_seconds(chr::sys_days(chr::year(year + 1) / chr::January / 1));
  double best = 1e300;
  double spent = 0;
  std::size_t occurrences = 0;
  std::size_t cancelled = 0;
  std::size_t errors = 0;
  std::size_t attendees = 0;
  for (int run = 0; run < repeat && spent < 60; ++run) {
    const auto started = chr::steady_clock::now();
    auto file = allies::formats::ReadCalendar(bytes, options);
    const double seconds = Seconds(started);
    if (!file) {
      std::fprintf(stderr, "error: %s: %s\n", ics_path.c_str(), file.error().message.c_str());
      return 1;
    }
    occurrences = file->events.size();
    cancelled = file->cancelled;
    errors = file->errors.size();
    attendees = 0;
    for (const auto& event : file->events) attendees += event.attendees.size();
    best = std::min(best, seconds);
    spent += seconds;
  }
  std::printf("ICS_READ_SECONDS %.3f\nICS_SECONDS %.3f\nICS_OCCURRENCES %zu\n", read_seconds, best,
              occurrences);
  std::printf("ICS_CANCELLED %zu\nICS_ERRORS %zu\nICS_ATTENDEES %zu\n", cancelled, errors,
              attendees);
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("PEAK_MB %.0f\n", static_cast<double>(usage.ru_maxrss) / 1024.0);
  return 0;
}
