// A deterministic generator of the import benchmark's files (issue 4): an address book of vCards
// and a year of calendar that invites the people of that address book.
//
//   gen_import_files [--cards N] [--events N] [--year Y] [--seed S] --vcf OUT.vcf --ics OUT.ics
//
// The same arguments give the same bytes (one core::Random stream, no <random> distributions).
// Defaults: 100,000 cards, 1,000,000 VEVENT components, the year 2026, seed 20261126.
//
// The address book (CRLF line ends, lines folded at 75 octets between UTF-8 characters):
//  - 70 % vCard 3.0 (Apple/Google style), 15 % vCard 2.1 (Outlook/phone style: non-ASCII and
//    multi-line values as CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE with soft line breaks, bare
//    type parameters), 15 % vCard 4.0 (TYPE=work;PREF=1, tel: URIs, urn:uuid UIDs);
//  - names from six cultures, with their native spelling in FN and N: Western European with
//    accents (60 %), Greek (10 %), Chinese (10 %), Japanese (10 %), Turkish/Polish (10 %);
//    Chinese names are written family-first without a space;
//  - ORG with a department, TITLE; 1–3 emails (work, then personal, sometimes a second work
//    address) and 1–3 phones with types; BDAY for 40 % (a quarter of them without a year),
//    NOTE for 25 % (with escaped commas and line breaks, long enough to fold), CATEGORIES for
//    60 %; Apple's item1.EMAIL / item1.X-ABLabel groups for 10 % of the 3.0 cards; a PHOTO (a
//    fake JPEG of 2–6 KB, base64) for 2 %;
//  - every person is distinct for a deduplicating import: emails and phone numbers are unique,
//    and no two people of one organization share a name (a middle initial is added when the
//    draw repeats one).
//
// The calendar (one VCALENDAR as Outlook exports it, CRLF, folded; see bench/README.md):
//  - three VTIMEZONEs: "W. Europe Standard Time" (Outlook's Windows-named zone, 1601 rules),
//    America/New_York and Asia/Tokyo (Google's style); events in those zones (45 %, 25 %,
//    10 %), in UTC (15 %) or all-day (5 %);
//  - --events VEVENT components: 0.6 % recurring series (weekly 1:1s, fortnightly reviews,
//    weekday stand-ups, monthly steering meetings; starting up to six months before the year;
//    ending never, by UNTIL or by COUNT), half of the weekly and daily ones with 1–3 EXDATEs and
//    a quarter with 1–3 RECURRENCE-ID overrides (moved by an hour or a day, one in five
//    cancelled), each override right after its master; the rest single meetings on workdays of
//    the year (never on 1 January or 31 December, so that every zone agrees on the year), of
//    which 1 % are cancelled;
//  - every meeting has an ORGANIZER and 2–8 ATTENDEEs with CN, ROLE, PARTSTAT and RSVP: me (the
//    calendar's owner, me@allies-bench.example; organizer of 20 %, otherwise an attendee who
//    declined 3 % and is tentative for 5 %) and people drawn by a heavy-tailed activity from
//    the address book, mostly from the organizer's organization; 10 % of the other attendees
//    are outside the address book (guests at partner domains); 8 % have a room
//    (CUTYPE=ROOM); 60 % a LOCATION, 15 % a long DESCRIPTION, 10 % a VALARM.
// The generator prints the number of occurrences in the year it expects (cancelled and
// EXDATE-removed ones excluded); the import reports its own.

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <numeric>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include <CLI/CLI.hpp>

#include "core/random.h"

namespace {

namespace chr = std::chrono;

class Rng : public allies::core::Random {
 public:
  using Random::Random;
  // Uniform in [0, bound), by scaling Uniform().
  std::size_t Below(std::size_t bound) {
    return static_cast<std::size_t>(Uniform() * static_cast<double>(bound));
  }
  bool Chance(double p) { return Uniform() < p; }
  template <typename T, std::size_t N>
  const T& Pick(const T (&items)[N]) {
    return items[Below(N)];
  }
};

class WeightedPicker {
 public:
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

// A name as written and as an email-friendly ASCII spelling.
struct Name {
  const char* native;
  const char* ascii;
};

struct Culture {
  const Name* given;
  std::size_t given_count;
  const Name* family;
  std::size_t family_count;
  bool family_first;  // FN "王伟"; else "José García"
  bool space;         // a space between the parts of FN
};

constexpr Name kWesternGiven[] = {
    {"José", "jose"},       {"François", "francois"}, {"Zoë", "zoe"},       {"Søren", "soren"},
    {"Björn", "bjorn"},     {"Chloé", "chloe"},       {"Renée", "renee"},   {"Jürgen", "jurgen"},
    {"Inês", "ines"},       {"Ana", "ana"},           {"Hélène", "helene"}, {"Mårten", "marten"},
    {"Raphaël", "raphael"}, {"Noémie", "noemie"},     {"Jörg", "jorg"},     {"Sinéad", "sinead"},
    {"Emma", "emma"},       {"Liam", "liam"},         {"Olivia", "olivia"}, {"Noah", "noah"},
    {"Sophie", "sophie"},   {"Lucas", "lucas"},       {"Mia", "mia"},       {"Elias", "elias"},
    {"Clara", "clara"},     {"David", "david"},       {"Laura", "laura"},   {"Thomas", "thomas"},
    {"Julia", "julia"},     {"Martin", "martin"},     {"Sarah", "sarah"},   {"Peter", "peter"},
    {"Anna", "anna"},       {"Michael", "michael"},   {"Lena", "lena"},     {"Daniel", "daniel"},
    {"Marta", "marta"},     {"Paul", "paul"},         {"Eva", "eva"},       {"Henrik", "henrik"}};
constexpr Name kWesternFamily[] = {
    {"García", "garcia"},       {"Müller", "muller"},    {"Dvořák", "dvorak"},
    {"Ødegaard", "odegaard"},   {"Núñez", "nunez"},      {"Lefèvre", "lefevre"},
    {"Björklund", "bjorklund"}, {"Ó Briain", "obriain"}, {"Gonçalves", "goncalves"},
    {"Schäfer", "schafer"},     {"Åberg", "aberg"},      {"Fernández", "fernandez"},
    {"Smith", "smith"},         {"Johnson", "johnson"},  {"O'Brien", "obrien"},
    {"Martin", "martin"},       {"Bernard", "bernard"},  {"Rossi", "rossi"},
    {"Bianchi", "bianchi"},     {"Jansen", "jansen"},    {"de Vries", "devries"},
    {"Schmidt", "schmidt"},     {"Weber", "weber"},      {"Fischer", "fischer"},
    {"Nielsen", "nielsen"},     {"Larsen", "larsen"},    {"Silva", "silva"},
    {"Costa", "costa"},         {"Moreau", "moreau"},    {"Laurent", "laurent"},
    {"Wagner", "wagner"},       {"Becker", "becker"},    {"Hoffmann", "hoffmann"},
    {"Murphy", "murphy"},       {"Kelly", "kelly"},      {"Walsh", "walsh"},
    {"Brown", "brown"},         {"Taylor", "taylor"},    {"Wilson", "wilson"},
    {"Evans", "evans"}};
constexpr Name kGreekGiven[] = {
    {"Γιώργος", "giorgos"}, {"Ελένη", "eleni"},        {"Δημήτρης", "dimitris"}, {"Μαρία", "maria"},
    {"Νίκος", "nikos"},     {"Κατερίνα", "katerina"},  {"Κώστας", "kostas"},     {"Σοφία", "sofia"},
    {"Γιάννης", "giannis"}, {"Αναστασία", "anastasia"}};
constexpr Name kGreekFamily[] = {{"Παπαδόπουλος", "papadopoulos"}, {"Οικονόμου", "oikonomou"},
                                 {"Γεωργίου", "georgiou"},         {"Καραγιάννης", "karagiannis"},
                                 {"Βασιλείου", "vasileiou"},       {"Νικολάου", "nikolaou"},
                                 {"Αλεξίου", "alexiou"},           {"Μακρής", "makris"},
                                 {"Ιωάννου", "ioannou"},           {"Δημητρίου", "dimitriou"}};
constexpr Name kChineseGiven[] = {{"伟", "wei"},  {"芳", "fang"},       {"娜", "na"},
                                  {"静", "jing"}, {"强", "qiang"},      {"敏", "min"},
                                  {"磊", "lei"},  {"洋", "yang"},       {"艳", "yan"},
                                  {"军", "jun"},  {"晓明", "xiaoming"}, {"丽华", "lihua"}};
constexpr Name kChineseFamily[] = {{"王", "wang"}, {"李", "li"},   {"张", "zhang"}, {"刘", "liu"},
                                   {"陈", "chen"}, {"杨", "yang"}, {"黄", "huang"}, {"赵", "zhao"},
                                   {"周", "zhou"}, {"吴", "wu"}};
constexpr Name kJapaneseGiven[] = {{"健", "ken"},      {"陽子", "yoko"},    {"翔", "sho"},
                                   {"美咲", "misaki"}, {"大輔", "daisuke"}, {"さくら", "sakura"},
                                   {"拓也", "takuya"}, {"由美", "yumi"},    {"誠", "makoto"},
                                   {"花子", "hanako"}};
constexpr Name kJapaneseFamily[] = {
    {"佐藤", "sato"},      {"鈴木", "suzuki"},   {"高橋", "takahashi"}, {"田中", "tanaka"},
    {"伊藤", "ito"},       {"渡辺", "watanabe"}, {"山本", "yamamoto"},  {"中村", "nakamura"},
    {"小林", "kobayashi"}, {"加藤", "kato"}};
constexpr Name kEasternGiven[] = {{"İlkay", "ilkay"},   {"Şule", "sule"},
                                  {"Çağrı", "cagri"},   {"Gökhan", "gokhan"},
                                  {"Łukasz", "lukasz"}, {"Małgorzata", "malgorzata"},
                                  {"Paweł", "pawel"},   {"Zofia", "zofia"},
                                  {"Ayşe", "ayse"},     {"Wojciech", "wojciech"}};
constexpr Name kEasternFamily[] = {{"Öztürk", "ozturk"},       {"Şahin", "sahin"},
                                   {"Yıldız", "yildiz"},       {"Çelik", "celik"},
                                   {"Kowalczyk", "kowalczyk"}, {"Wiśniewski", "wisniewski"},
                                   {"Wójcik", "wojcik"},       {"Zieliński", "zielinski"},
                                   {"Kaya", "kaya"},           {"Lewandowska", "lewandowska"}};

constexpr Culture kCultures[] = {
    {kWesternGiven, std::size(kWesternGiven), kWesternFamily, std::size(kWesternFamily), false,
     true},
    {kGreekGiven, std::size(kGreekGiven), kGreekFamily, std::size(kGreekFamily), false, true},
    {kChineseGiven, std::size(kChineseGiven), kChineseFamily, std::size(kChineseFamily), true,
     false},
    {kJapaneseGiven, std::size(kJapaneseGiven), kJapaneseFamily, std::size(kJapaneseFamily), true,
     true},
    {kEasternGiven, std::size(kEasternGiven), kEasternFamily, std::size(kEasternFamily), false,
     true}};
constexpr double kCultureShare[] = {0.6, 0.1, 0.1, 0.1, 0.1};

constexpr const char* kOrgFirst[] = {
    "Kestrel",  "Nordwind",   "Blue Harbor", "Altamira",   "Sunfield", "Ironbridge",
    "Lumen",    "Granite",    "Meridian",    "Silverline", "Oakridge", "Polaris",
    "Vantage",  "Cobalt",     "Helix",       "Northstar",  "Redwood",  "Quantum",
    "Atlas",    "Crescent",   "Evergreen",   "Falcon",     "Harbor",   "Juniper",
    "Keystone", "Lighthouse", "Maple",       "Orion",      "Pinnacle", "Riverside"};
constexpr const char* kOrgSecond[] = {
    "Systems", "Logistics",  "Bank",     "Insurance", "Health",   "Energy",       "Software",
    "Retail",  "Consulting", "Telecom",  "Analytics", "Foods",    "Pharma",       "Mobility",
    "Media",   "Capital",    "Robotics", "Cloud",     "Networks", "Manufacturing"};
constexpr const char* kOrgForm[] = {"",     "",      "",      " GmbH", " S.A.", " AG",
                                    " Ltd", " Inc.", " B.V.", " AB",   " SAS",  " S.p.A."};
constexpr const char* kDepartments[] = {"IT",
                                        "Infrastructure",
                                        "Security",
                                        "Architecture",
                                        "Procurement",
                                        "Finance",
                                        "Operations",
                                        "Data & Analytics",
                                        "Digital",
                                        "Application Development",
                                        "Service Desk",
                                        "Network Engineering",
                                        "Cloud Platform",
                                        "PMO",
                                        "Sales",
                                        "Marketing",
                                        "HR",
                                        "Legal"};
constexpr const char* kTitles[] = {"CIO",
                                   "CTO",
                                   "CISO",
                                   "VP Engineering",
                                   "Head of IT",
                                   "IT Director",
                                   "Enterprise Architect",
                                   "Solution Architect",
                                   "Engineering Manager",
                                   "Team Lead",
                                   "Senior Software Engineer",
                                   "Site Reliability Engineer",
                                   "Product Owner",
                                   "Scrum Master",
                                   "Programme Manager",
                                   "Procurement Manager",
                                   "Account Executive",
                                   "Security Analyst",
                                   "Data Engineer",
                                   "Network Engineer",
                                   "Service Delivery Manager",
                                   "Head of Infrastructure & Operations"};
constexpr const char* kCategories[] = {"Colleagues", "Vendors",          "Customers",  "Partners",
                                       "Recruiters", "Alumni",           "Conference", "Board",
                                       "Mentors",    "Former colleagues"};
constexpr const char* kNotes[] = {
    "Met at the Gartner Symposium, Barcelona; interested in our SRE practice.\nFollow up in Q3 "
    "about the observability pilot.",
    "Introduced by a former colleague. Strong on vendor negotiations, knows the SAP landscape "
    "well.",
    "Runs the cloud migration programme (phase 2: data platform; phase 3: ERP).\nPrefers calls "
    "on Friday mornings.",
    "Ex-colleague from the platform team. Kids: two; loves sailing, marathon in October.",
    "Key contact for the renewal; budget owner, decision expected by end of quarter.",
    "Speaker at KubeCon; writes about platform engineering. Coffee whenever in town.",
    "Asked for an introduction to our CISO — promised to connect them after the audit."};
constexpr const char* kPersonalDomains[] = {"mail.example", "posteo.example", "web.example",
                                            "fastmail.example", "outlook.example"};

// Topics of single meetings and of series: SUMMARY text (some with commas and non-ASCII).
constexpr const char* kTopics[] = {"Project sync",
                                   "Architecture review",
                                   "Vendor call",
                                   "Quarterly business review",
                                   "Budget planning, FY27",
                                   "Incident post-mortem",
                                   "Hiring interview",
                                   "Lunch",
                                   "Coffee chat",
                                   "Roadmap workshop",
                                   "Security steering – access reviews",
                                   "Contract negotiation",
                                   "Demo: observability platform",
                                   "Onboarding",
                                   "Board preparation",
                                   "Migration go/no-go",
                                   "Release planning",
                                   "Customer escalation",
                                   "Town hall",
                                   "Café ☕ catch-up",
                                   "Offsite planning",
                                   "Data platform deep dive",
                                   "Capacity review",
                                   "Risk & compliance review"};
constexpr const char* kSeriesTopics[] = {
    "1:1",        "Weekly team meeting", "Daily stand-up", "Steering committee",
    "Ops review", "Architecture board",  "Service review"};
constexpr const char* kLocations[] = {"Microsoft Teams Meeting",
                                      "Zoom",
                                      "Google Meet",
                                      "Room 4.12 (Berlin HQ)",
                                      "Salle Lumière, Paris",
                                      "Conference room Fuji, 東京オフィス",
                                      "Café Einstein, Unter den Linden",
                                      "Building B, 3rd floor, room 301",
                                      "Phone",
                                      "Customer site"};
constexpr const char* kAllDayTopics[] = {"Out of office", "Conference: KubeCon Europe",
                                         "Offsite",       "Public holiday",
                                         "Training day",  "Gartner IT Symposium"};

// A zone of the calendar: its TZID and its UTC offsets (standard, summer) in minutes, with the
// summer-time rule used to tell which applies: 'E' EU (last Sunday of March to last of
// October), 'U' US (second Sunday of March to first of November), 'N' none.
struct Zone {
  const char* tzid;
  int standard_minutes;
  int summer_minutes;
  char rule;
};
constexpr Zone kZones[] = {{"W. Europe Standard Time", 60, 120, 'E'},
                           {"America/New_York", -300, -240, 'U'},
                           {"Asia/Tokyo", 540, 540, 'N'}};

constexpr const char* kVtimezones =
    "BEGIN:VTIMEZONE\r\n"
    "TZID:W. Europe Standard Time\r\n"
    "BEGIN:STANDARD\r\n"
    "DTSTART:16011028T030000\r\n"
    "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\n"
    "TZOFFSETFROM:+0200\r\n"
    "TZOFFSETTO:+0100\r\n"
    "END:STANDARD\r\n"
    "BEGIN:DAYLIGHT\r\n"
    "DTSTART:16010325T020000\r\n"
    "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\n"
    "TZOFFSETFROM:+0100\r\n"
    "TZOFFSETTO:+0200\r\n"
    "END:DAYLIGHT\r\n"
    "END:VTIMEZONE\r\n"
    "BEGIN:VTIMEZONE\r\n"
    "TZID:America/New_York\r\n"
    "X-LIC-LOCATION:America/New_York\r\n"
    "BEGIN:DAYLIGHT\r\n"
    "TZOFFSETFROM:-0500\r\n"
    "TZOFFSETTO:-0400\r\n"
    "TZNAME:EDT\r\n"
    "DTSTART:19700308T020000\r\n"
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU\r\n"
    "END:DAYLIGHT\r\n"
    "BEGIN:STANDARD\r\n"
    "TZOFFSETFROM:-0400\r\n"
    "TZOFFSETTO:-0500\r\n"
    "TZNAME:EST\r\n"
    "DTSTART:19701101T020000\r\n"
    "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU\r\n"
    "END:STANDARD\r\n"
    "END:VTIMEZONE\r\n"
    "BEGIN:VTIMEZONE\r\n"
    "TZID:Asia/Tokyo\r\n"
    "X-LIC-LOCATION:Asia/Tokyo\r\n"
    "BEGIN:STANDARD\r\n"
    "TZOFFSETFROM:+0900\r\n"
    "TZOFFSETTO:+0900\r\n"
    "TZNAME:JST\r\n"
    "DTSTART:19700101T000000\r\n"
    "END:STANDARD\r\n"
    "END:VTIMEZONE\r\n";

constexpr const char* kMe = "me@allies-bench.example";
constexpr const char* kMeName = "Alex Morgan";

// Streams text to a file in large chunks, exiting with a message naming the path on failure.
class Output {
 public:
  explicit Output(const std::string& path) : path_(path), file_(std::fopen(path.c_str(), "wb")) {
    if (file_ == nullptr) Fail();
  }
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;
  ~Output() {
    if (file_ != nullptr) std::fclose(file_);
  }
  std::string& Buffer() { return buffer_; }
  std::uint64_t Written() const { return written_ + buffer_.size(); }
  void MaybeFlush() {
    if (buffer_.size() >= (std::size_t{32} << 20)) Flush();
  }
  void Close() {
    Flush();
    if (std::fclose(file_) != 0) Fail();
    file_ = nullptr;
  }

 private:
  void Flush() {
    if (std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size()) Fail();
    written_ += buffer_.size();
    buffer_.clear();
  }
  [[noreturn]] void Fail() const {
    std::fprintf(stderr, "error: cannot write %s: %s\n", path_.c_str(), std::strerror(errno));
    std::exit(1);
  }
  std::string path_;
  std::FILE* file_;
  std::string buffer_;
  std::uint64_t written_ = 0;
};

// Appends one content line, folded at 75 octets without splitting a UTF-8 character, and CRLF.
void AppendFolded(std::string& out, std::string_view line) {
  std::size_t limit = 75;
  while (line.size() > limit) {
    std::size_t cut = limit;
    while (cut > 1 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    out.append(line.substr(0, cut));
    out += "\r\n ";
    line.remove_prefix(cut);
    limit = 74;  // the leading space counts
  }
  out.append(line);
  out += "\r\n";
}

// vCard 3.0/4.0 and iCalendar text escaping: \\ \; \, and line breaks as \n.
std::string EscapeText(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  for (char c : text) {
    if (c == '\\' || c == ';' || c == ',') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

bool IsAscii(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80 && c != '\n'; });
}

// A vCard 2.1 property: plain when the value is ASCII on one line, else quoted-printable UTF-8
// with `=` soft breaks at 76 columns (continuation lines not indented, as 2.1 writers do).
void AppendProperty21(std::string& out, std::string_view name, std::string_view value) {
  if (IsAscii(value)) {
    out.append(name);
    out += ':';
    out.append(value);
    out += "\r\n";
    return;
  }
  std::string line(name);
  line += ";CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:";
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (char c : value) {
    const auto byte = static_cast<unsigned char>(c);
    std::string token;
    if (c == '\n') {
      token = "=0D=0A";
    } else if (byte >= 0x80 || c == '=' || byte < 0x20) {
      token = {'=', kHex[byte >> 4], kHex[byte & 15]};
    } else {
      token = std::string(1, c);
    }
    if (line.size() + token.size() > 75) {
      out += line;
      out += "=\r\n";
      line.clear();
    }
    line += token;
  }
  out += line;
  out += "\r\n";
}

std::string Base64(const std::vector<unsigned char>& bytes) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    const std::uint32_t a = bytes[i];
    const std::uint32_t b = i + 1 < bytes.size() ? bytes[i + 1] : 0;
    const std::uint32_t c = i + 2 < bytes.size() ? bytes[i + 2] : 0;
    const std::uint32_t triple = (a << 16) | (b << 8) | c;
    out += kAlphabet[(triple >> 18) & 63];
    out += kAlphabet[(triple >> 12) & 63];
    out += i + 1 < bytes.size() ? kAlphabet[(triple >> 6) & 63] : '=';
    out += i + 2 < bytes.size() ? kAlphabet[triple & 63] : '=';
  }
  return out;
}

std::string Uuid(Rng& rng) {
  char text[40];
  const std::uint64_t a = rng.Next();
  const std::uint64_t b = rng.Next();
  std::snprintf(
      text, sizeof text, "%08llx-%04llx-4%03llx-a%03llx-%012llx",
      static_cast<unsigned long long>(a >> 32), static_cast<unsigned long long>((a >> 16) & 0xFFFF),
      static_cast<unsigned long long>(a & 0xFFF), static_cast<unsigned long long>(b >> 52),
      static_cast<unsigned long long>(b & 0xFFFFFFFFFFFFULL));
  return text;
}

std::string Lower(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c - 'A' + 'a');
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out += c;
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

struct Organization {
  std::string name;
  std::string domain;
  std::vector<std::uint32_t> members;
};

struct Person {
  std::string name;   // FN
  std::string email;  // the first (work) email: what calendars invite
  std::uint32_t organization = 0;
};

std::string PhoneNumber(std::uint32_t culture, int kind, std::uint64_t id) {
  // A bijection of the id onto 7 digits, so that no two people share a number; the prefix
  // tells the kind (work, cell, home) apart, also in the last 10 digits that Allies compares.
  // Assistants' numbers use the ids count.. (a work prefix), so that they are nobody's either.
  const std::uint64_t body = (id * 7919 + 1234567) % 10'000'000;
  char digits[8];
  std::snprintf(digits, sizeof digits, "%07llu", static_cast<unsigned long long>(body));
  const std::string_view d(digits, 7);
  std::string out;
  switch (culture) {
    case 0:  // Germany / France alternate by id
      if (id % 2 == 0) {
        out = kind == 0 ? "+49 30 2" : kind == 1 ? "+49 171 " : "+49 40 3";
        out.append(d);
      } else {
        out = kind == 0 ? "+33 1 4" : kind == 1 ? "+33 6 1" : "+33 4 7";
        out += std::string(d.substr(0, 1)) + " " + std::string(d.substr(1, 2)) + " " +
               std::string(d.substr(3, 2)) + " " + std::string(d.substr(5, 2));
      }
      break;
    case 1:
      out = kind == 0 ? "+30 210 " : kind == 1 ? "+30 69 " : "+30 231 ";
      out.append(d);
      break;
    case 2:
      out = kind == 0 ? "+86 10 8" : kind == 1 ? "+86 139 " : "+86 21 6";
      out.append(d);
      break;
    case 3:
      out = kind == 0 ? "+81 3-5" : kind == 1 ? "+81 90-" : "+81 6-6";
      out += std::string(d.substr(0, 3)) + "-" + std::string(d.substr(3));
      break;
    default:
      out = kind == 0 ? "+1 (212) " : kind == 1 ? "+1 (917) " : "+1 (718) ";
      out += std::string(d.substr(0, 3)) + "-" + std::string(d.substr(3));
      break;
  }
  return out;
}

std::size_t PickCulture(Rng& rng) {
  double x = rng.Uniform();
  for (std::size_t c = 0; c < std::size(kCultureShare); ++c) {
    if (x < kCultureShare[c]) return c;
    x -= kCultureShare[c];
  }
  return 0;
}

// Writes every card; fills `people` and `organizations` for the calendar.
void WriteCards(std::uint64_t count, Rng& rng, Output& file, std::vector<Person>& people,
                std::vector<Organization>& organizations) {
  // Organizations: count / 25 of them, heavy-tailed sizes (Pareto 1.5 weights).
  const std::size_t org_count = std::max<std::size_t>(10, count / 25);
  std::unordered_set<std::string> org_names;
  std::vector<double> org_weight(org_count);
  for (std::size_t o = 0; o < org_count; ++o) {
    std::string name;
    for (int attempt = 0;; ++attempt) {
      name = std::string(rng.Pick(kOrgFirst)) + " " + rng.Pick(kOrgSecond) + rng.Pick(kOrgForm);
      if (attempt >= 5) name += " " + std::to_string(o);  // "Kestrel Bank 312"
      if (org_names.insert(name).second) break;
    }
    organizations.push_back({name, Lower(name) + ".example", {}});
    org_weight[o] = std::min(300.0, std::pow(1.0 - rng.Uniform(), -1.0 / 1.5));
  }
  const WeightedPicker org_picker(org_weight);

  std::unordered_set<std::string> names_in_org;  // organization index + FN
  std::unordered_set<std::string> emails;
  auto unique_email = [&](const std::string& local, const std::string& domain) {
    std::string email = local + "@" + domain;
    for (int n = 2; !emails.insert(email).second; ++n) {
      email = local;
      email += std::to_string(n);
      email += '@';
      email += domain;
    }
    return email;
  };

  std::string& out = file.Buffer();
  for (std::uint64_t id = 0; id < count; ++id) {
    const auto org_index = static_cast<std::uint32_t>(org_picker.Pick(rng));
    Organization& org = organizations[org_index];
    const std::size_t culture_index = PickCulture(rng);
    const Culture& culture = kCultures[culture_index];
    // The name: drawn again while the organization already has it (the import would take the
    // two for one person); after 20 draws Chinese and Japanese names get a two-part given name
    // and the others a middle initial, after 60 everybody gets two initials more.
    std::string given_native;
    std::string given_ascii;
    const Name* family = nullptr;
    std::string middle;
    std::string fn;
    for (int attempt = 0;; ++attempt) {
      const Name& given = culture.given[rng.Below(culture.given_count)];
      family = &culture.family[rng.Below(culture.family_count)];
      given_native = given.native;
      given_ascii = given.ascii;
      middle.clear();
      if (attempt >= 20 && culture.family_first) {
        const Name& second = culture.given[rng.Below(culture.given_count)];
        given_native += second.native;
        given_ascii += second.ascii;
      } else if (attempt >= 20) {
        middle = std::string(1, static_cast<char>('A' + rng.Below(26))) + ".";
      }
      if (attempt >= 60) {
        middle += std::string(1, static_cast<char>('A' + rng.Below(26))) + ".";
        middle += std::string(1, static_cast<char>('A' + rng.Below(26))) + ".";
      }
      if (culture.family_first) {
        fn = std::string(family->native) + (culture.space ? " " : "") + given_native;
        if (!middle.empty()) fn += " " + middle;
      } else {
        fn = given_native + " " + (middle.empty() ? "" : middle + " ") + family->native;
      }
      if (names_in_org.insert(std::to_string(org_index) + "|" + fn).second) break;
    }
    const std::string ascii_local = given_ascii + "." + family->ascii;
    std::vector<std::pair<std::string, std::string>> mails;  // type, address
    mails.emplace_back("work", unique_email(ascii_local, org.domain));
    const double extra = rng.Uniform();
    if (extra < 0.55) {
      mails.emplace_back(
          "home", unique_email(given_ascii + "." + family->ascii, rng.Pick(kPersonalDomains)));
    }
    if (extra < 0.15) {
      mails.emplace_back("work",
                         unique_email(given_ascii.substr(0, 1) + family->ascii, org.domain));
    }
    std::vector<std::pair<int, std::string>> phones;  // 0 work, 1 cell, 2 home
    for (int kind = 0; kind < 3; ++kind) {
      const double p = kind == 0 ? 0.8 : kind == 1 ? 0.7 : 0.2;
      if (rng.Chance(p)) phones.emplace_back(kind, PhoneNumber(culture_index, kind, id));
    }
    if (phones.empty()) phones.emplace_back(1, PhoneNumber(culture_index, 1, id));
    const std::string department = rng.Pick(kDepartments);
    const std::string title = rng.Pick(kTitles);
    std::string bday;
    int bday_year = 0;
    int bday_month = 0;
    int bday_day = 0;
    if (rng.Chance(0.4)) {
      bday_year = rng.Chance(0.25) ? 0 : 1955 + static_cast<int>(rng.Below(48));
      bday_month = 1 + static_cast<int>(rng.Below(12));
      bday_day = 1 + static_cast<int>(rng.Below(28));
    }
    std::string note = rng.Chance(0.25) ? rng.Pick(kNotes) : "";
    std::string categories;
    if (rng.Chance(0.6)) {
      const std::size_t first = rng.Below(std::size(kCategories));
      categories = kCategories[first];
      if (rng.Chance(0.4)) {
        categories += ",";
        categories += kCategories[(first + 1 + rng.Below(std::size(kCategories) - 1)) %
                                  std::size(kCategories)];
      }
    }
    std::string photo;
    if (rng.Chance(0.02)) {
      std::vector<unsigned char> bytes(2048 + rng.Below(4096));
      for (auto& b : bytes) b = static_cast<unsigned char>(rng.Next() >> 56);
      bytes[0] = 0xFF;  // a JPEG start-of-image and APP0 marker, the rest noise
      bytes[1] = 0xD8;
      bytes[2] = 0xFF;
      bytes[3] = 0xE0;
      photo = Base64(bytes);
    }
    const double version_draw = rng.Uniform();
    const int version = version_draw < 0.70 ? 30 : version_draw < 0.85 ? 21 : 40;
    const bool apple_groups = version == 30 && rng.Chance(0.10);
    const std::string uid = Uuid(rng);

    out += "BEGIN:VCARD\r\n";
    if (version == 21) {
      out += "VERSION:2.1\r\n";
      AppendProperty21(out, "N",
                       std::string(family->native) + ";" + given_native + ";" +
                           (middle.empty() ? "" : middle) + ";;");
      AppendProperty21(out, "FN", fn);
      AppendProperty21(out, "ORG", org.name + ";" + department);
      AppendProperty21(out, "TITLE", title);
      for (const auto& [kind, number] : phones) {
        out += kind == 0 ? "TEL;WORK;VOICE:" : kind == 1 ? "TEL;CELL;VOICE:" : "TEL;HOME;VOICE:";
        out += number;
        out += "\r\n";
      }
      for (std::size_t i = 0; i < mails.size(); ++i) {
        out += i == 0 ? "EMAIL;PREF;INTERNET:" : "EMAIL;INTERNET:";
        out += mails[i].second;
        out += "\r\n";
      }
      if (bday_month != 0 && bday_year != 0) {
        char text[64];
        std::snprintf(text, sizeof text, "BDAY:%04d%02d%02d\r\n", bday_year, bday_month, bday_day);
        out += text;
      }
      if (!note.empty()) AppendProperty21(out, "NOTE", note);
      if (!categories.empty()) AppendProperty21(out, "CATEGORIES", categories);
      if (!photo.empty()) {
        AppendFolded(out, "PHOTO;TYPE=JPEG;ENCODING=BASE64:" + photo);
        out += "\r\n";  // Outlook ends a base64 value with an empty line
      }
      out += "REV:20260115T101500Z\r\n";
    } else {
      const bool v4 = version == 40;
      out += v4 ? "VERSION:4.0\r\n" : "VERSION:3.0\r\n";
      if (!v4 && apple_groups) out += "PRODID:-//Apple Inc.//iPhone OS 17.4//EN\r\n";
      AppendFolded(out, "N:" + EscapeText(family->native) + ";" + EscapeText(given_native) + ";" +
                            EscapeText(middle) + ";;");
      AppendFolded(out, "FN:" + EscapeText(fn));
      AppendFolded(out, "ORG:" + EscapeText(org.name) + ";" + EscapeText(department));
      AppendFolded(out, "TITLE:" + EscapeText(title));
      std::size_t first_grouped = mails.size();
      if (apple_groups && mails.size() > 1) first_grouped = mails.size() - 1;
      for (std::size_t i = 0; i < first_grouped; ++i) {
        const bool work = mails[i].first == "work";
        if (v4) {
          AppendFolded(out, std::string("EMAIL;TYPE=") + (work ? "work" : "home") +
                                (i == 0 ? ";PREF=1:" : ":") + mails[i].second);
        } else {
          AppendFolded(out, std::string("EMAIL;TYPE=INTERNET,") + (work ? "WORK" : "HOME") +
                                (i == 0 ? ",pref:" : ":") + mails[i].second);
        }
      }
      int group = 0;
      for (std::size_t i = first_grouped; i < mails.size(); ++i) {
        ++group;
        out += "item" + std::to_string(group) + ".EMAIL;TYPE=INTERNET:" + mails[i].second + "\r\n";
        out += "item" + std::to_string(group) + ".X-ABLabel:_$!<Other>!$_\r\n";
      }
      for (const auto& [kind, number] : phones) {
        if (v4) {
          std::string uri = "tel:";
          for (char c : number) {
            if (c == ' ') {
              uri += '-';
            } else if (c != '(' && c != ')') {
              uri += c;
            }
          }
          out += std::string("TEL;VALUE=uri;TYPE=\"") +
                 (kind == 0   ? "voice,work"
                  : kind == 1 ? "voice,cell"
                              : "voice,home") +
                 "\":" + uri + "\r\n";
        } else {
          out += std::string("TEL;TYPE=") +
                 (kind == 0   ? "WORK,VOICE"
                  : kind == 1 ? "CELL"
                              : "HOME") +
                 ":" + number + "\r\n";
        }
      }
      if (apple_groups && rng.Chance(0.3)) {
        ++group;
        out += "item" + std::to_string(group) +
               ".TEL:" + PhoneNumber(culture_index, 0, id + count) + "\r\n";
        out += "item" + std::to_string(group) + ".X-ABLabel:Assistant\r\n";
      }
      if (bday_month != 0) {
        char text[64];
        if (bday_year == 0) {
          if (v4) {
            std::snprintf(text, sizeof text, "BDAY:--%02d%02d\r\n", bday_month, bday_day);
          } else {
            std::snprintf(text, sizeof text, "BDAY;X-APPLE-OMIT-YEAR=1604:1604-%02d-%02d\r\n",
                          bday_month, bday_day);
          }
        } else if (v4) {
          std::snprintf(text, sizeof text, "BDAY:%04d%02d%02d\r\n", bday_year, bday_month,
                        bday_day);
        } else {
          std::snprintf(text, sizeof text, "BDAY:%04d-%02d-%02d\r\n", bday_year, bday_month,
                        bday_day);
        }
        out += text;
      }
      if (!note.empty()) AppendFolded(out, "NOTE:" + EscapeText(note));
      if (!categories.empty()) {
        // CATEGORIES is a list: the commas between items stay unescaped.
        std::string line = "CATEGORIES:";
        std::string_view rest = categories;
        for (std::size_t comma; (comma = rest.find(',')) != std::string_view::npos;) {
          line += EscapeText(rest.substr(0, comma)) + ",";
          rest.remove_prefix(comma + 1);
        }
        line += EscapeText(rest);
        AppendFolded(out, line);
      }
      if (!photo.empty()) {
        AppendFolded(out, v4 ? "PHOTO:data:image/jpeg;base64," + photo
                             : "PHOTO;ENCODING=b;TYPE=JPEG:" + photo);
      }
      AppendFolded(out, v4 ? "UID:urn:uuid:" + uid : "UID:" + uid);
      out += v4 ? "REV:20260115T101500Z\r\n" : "REV:2026-01-15T10:15:00Z\r\n";
    }
    out += "END:VCARD\r\n";
    file.MaybeFlush();

    people.push_back({fn, mails[0].second, org_index});
    org.members.push_back(static_cast<std::uint32_t>(id));
  }
}

// ---- the calendar ----

using LocalDay = chr::sys_days;  // a civil date (the zone is applied separately)

// Minutes east of UTC of `zone` at local day `day` (the hour of the change is ignored: no
// meeting is generated on a Sunday night).
int OffsetMinutes(const Zone& zone, LocalDay day) {
  if (zone.rule == 'N') return zone.standard_minutes;
  const chr::year_month_day ymd(day);
  const chr::year y = ymd.year();
  LocalDay begin{};
  LocalDay end{};
  if (zone.rule == 'E') {
    begin = LocalDay(y / chr::March / chr::Sunday[chr::last]);
    end = LocalDay(y / chr::October / chr::Sunday[chr::last]);
  } else {
    begin = LocalDay(y / chr::March / chr::Sunday[2]);
    end = LocalDay(y / chr::November / chr::Sunday[1]);
  }
  return day >= begin && day < end ? zone.summer_minutes : zone.standard_minutes;
}

void AppendDate(std::string& out, LocalDay day) {
  const chr::year_month_day ymd(day);
  char text[16];
  std::snprintf(text, sizeof text, "%04d%02u%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  out += text;
}

void AppendDateTime(std::string& out, LocalDay day, int minute_of_day) {
  AppendDate(out, day);
  char text[16];
  std::snprintf(text, sizeof text, "T%02d%02d00", minute_of_day / 60, minute_of_day % 60);
  out += text;
}

// A time as the event states it: in a zone (TZID), in UTC ("Z"), or a date.
struct When {
  int zone = -1;  // index in kZones, or -1 for UTC
  bool all_day = false;
};

// Appends "NAME;TZID=...:local" or "NAME:utcZ" or "NAME;VALUE=DATE:date".
void AppendTime(std::string& out, std::string_view name, const When& when, LocalDay day,
                int minute) {
  out.append(name);
  if (when.all_day) {
    out += ";VALUE=DATE:";
    AppendDate(out, day);
  } else if (when.zone >= 0) {
    out += ";TZID=";
    out += kZones[when.zone].tzid;
    out += ':';
    AppendDateTime(out, day, minute);
  } else {
    out += ':';
    AppendDateTime(out, day, minute);
    out += 'Z';
  }
  out += "\r\n";
}

struct Attendee {
  std::string name;
  std::string email;
};

class CalendarWriter {
 public:
  CalendarWriter(Rng& rng, Output& file, const std::vector<Person>& people,
                 const std::vector<Organization>& organizations, int year)
      : rng_(rng),
        file_(file),
        people_(people),
        organizations_(organizations),
        first_(LocalDay(chr::year(year) / chr::January / 1)),
        last_(LocalDay(chr::year(year) / chr::December / 31)) {
    std::vector<double> activity(people.size());
    for (double& a : activity) a = std::min(200.0, std::pow(1.0 - rng_.Uniform(), -1.0 / 1.8));
    activity_ = std::make_unique<WeightedPicker>(activity);
    for (LocalDay day = first_ + chr::days(1); day < last_; day += chr::days(1)) {
      const chr::weekday wd(day);
      if (wd != chr::Saturday && wd != chr::Sunday) workdays_.push_back(day);
    }
  }

  // Writes `components` VEVENTs whose occurrences in the year come to about `target`: before
  // each component, a series is drawn with the probability that brings the expected total to
  // the target (from the occurrences per series component seen so far), else a single meeting.
  void Write(std::uint64_t components, std::uint64_t target) {
    std::string& out = file_.Buffer();
    out +=
        "BEGIN:VCALENDAR\r\n"
        "PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\r\n"
        "VERSION:2.0\r\n"
        "METHOD:PUBLISH\r\n"
        "X-WR-CALNAME:Alex Morgan\r\n";
    out += kVtimezones;
    std::uint64_t written = 0;
    double series_occurrences = 0;
    double series_components = 0;
    constexpr double kPerSingle = 0.99;  // 1 % of single meetings are cancelled
    while (written < components) {
      const auto remaining = static_cast<double>(components - written);
      const double missing = static_cast<double>(target) - static_cast<double>(occurrences_);
      const double per_series =
          series_components > 0 ? series_occurrences / series_components : 40.0;
      const double p = std::clamp(
          (missing - kPerSingle * remaining) / (remaining * (per_series - kPerSingle)), 0.0, 1.0);
      if (components - written > 4 && rng_.Chance(p)) {
        const std::uint64_t before = occurrences_;
        const std::uint64_t used = WriteSeries(components - written);
        series_occurrences += static_cast<double>(occurrences_ - before);
        series_components += static_cast<double>(used);
        written += used;
      } else {
        WriteSingle();
        ++written;
      }
      file_.MaybeFlush();
    }
    out += "END:VCALENDAR\r\n";
  }

  std::uint64_t Singles() const { return singles_; }
  std::uint64_t Series() const { return series_; }
  std::uint64_t Overrides() const { return overrides_; }
  std::uint64_t Occurrences() const { return occurrences_; }
  std::uint64_t Cancelled() const { return cancelled_; }

 private:
  When DrawWhen() {
    const double x = rng_.Uniform();
    if (x < 0.45) return {0, false};
    if (x < 0.70) return {1, false};
    if (x < 0.80) return {2, false};
    if (x < 0.95) return {-1, false};
    return {-1, true};
  }

  std::string NewUid() {
    char text[96];
    const std::uint64_t a = rng_.Next();
    const std::uint64_t b = rng_.Next();
    if (rng_.Chance(0.5)) {  // Outlook's global object id
      std::snprintf(text, sizeof text, "040000008200E00074C5B7101A82E00800000000%016llX%08llX",
                    static_cast<unsigned long long>(a), static_cast<unsigned long long>(b >> 32));
    } else {  // Google's
      std::snprintf(text, sizeof text, "%016llx%010llx@google.com",
                    static_cast<unsigned long long>(a), static_cast<unsigned long long>(b >> 24));
    }
    return text;
  }

  // The organizer (me for 20 %) and 2–8 attendees including me; the others mostly from the
  // organizer's organization.
  void DrawPeople(Attendee& organizer, std::vector<Attendee>& attendees, std::size_t min_count,
                  std::size_t max_count) {
    attendees.clear();
    const bool me_organizes = rng_.Chance(0.2);
    const Person& anchor = people_[activity_->Pick(rng_)];
    if (me_organizes) {
      organizer = {kMeName, kMe};
    } else {
      organizer = {anchor.name, anchor.email};
    }
    const std::size_t count = min_count + rng_.Below(max_count - min_count + 1);
    attendees.push_back(organizer);
    if (!me_organizes) attendees.push_back({kMeName, kMe});
    const auto& colleagues = organizations_[anchor.organization].members;
    int guard = 0;
    while (attendees.size() < count && ++guard < 100) {
      Attendee next;
      const double x = rng_.Uniform();
      if (x < 0.10) {
        const std::uint64_t n = rng_.Below(50'000);
        next = {"Guest " + std::to_string(n),
                "guest" + std::to_string(n) + "@partner" + std::to_string(n % 97) + ".example"};
      } else if (x < 0.70 && colleagues.size() > 1) {
        const Person& p = people_[colleagues[rng_.Below(colleagues.size())]];
        next = {p.name, p.email};
      } else {
        const Person& p = people_[activity_->Pick(rng_)];
        next = {p.name, p.email};
      }
      const bool repeated = std::any_of(attendees.begin(), attendees.end(),
                                        [&](const Attendee& a) { return a.email == next.email; });
      if (!repeated) attendees.push_back(std::move(next));
    }
  }

  void AppendPeople(std::string& out, const Attendee& organizer,
                    const std::vector<Attendee>& attendees) {
    AppendFolded(out, "ORGANIZER;CN=\"" + organizer.name + "\":mailto:" + organizer.email);
    for (const Attendee& a : attendees) {
      const bool is_organizer = a.email == organizer.email;
      const char* partstat = "ACCEPTED";
      const double x = rng_.Uniform();
      if (is_organizer) {
        partstat = "ACCEPTED";
      } else if (x < 0.03) {
        partstat = "DECLINED";
      } else if (x < 0.08) {
        partstat = "TENTATIVE";
      } else if (x < 0.20) {
        partstat = "NEEDS-ACTION";
      }
      AppendFolded(out, std::string("ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=") +
                            (is_organizer ? "CHAIR"
                             : x > 0.9    ? "OPT-PARTICIPANT"
                                          : "REQ-PARTICIPANT") +
                            ";PARTSTAT=" + partstat + ";RSVP=" + (is_organizer ? "FALSE" : "TRUE") +
                            ";CN=\"" + a.name + "\":mailto:" + a.email);
    }
    if (rng_.Chance(0.08)) {
      const std::size_t room = rng_.Below(200);
      AppendFolded(out, "ATTENDEE;CUTYPE=ROOM;ROLE=NON-PARTICIPANT;PARTSTAT=ACCEPTED;CN=\"Room " +
                            std::to_string(room) + "\":mailto:room" + std::to_string(room) +
                            "@allies-bench.example");
    }
  }

  void AppendText(std::string& out, const std::string& summary) {
    AppendFolded(out, "SUMMARY:" + EscapeText(summary));
    if (rng_.Chance(0.6)) AppendFolded(out, "LOCATION:" + EscapeText(rng_.Pick(kLocations)));
    if (rng_.Chance(0.15)) {
      AppendFolded(
          out,
          "DESCRIPTION:" + EscapeText("Agenda:\n1. Status since last time\n2. Risks, decisions, "
                                      "next steps\n\n________________________________________\n"
                                      "Join Microsoft Teams Meeting\nhttps://teams.microsoft.com/l/"
                                      "meetup-join/19%3ameeting_" +
                                      std::to_string(rng_.Next() % 1'000'000'000) +
                                      "%40thread.v2/0\nMeeting ID: 312 845 229 771"));
    }
  }

  void AppendTrailer(std::string& out, bool cancelled) {
    out += cancelled ? "STATUS:CANCELLED\r\n" : "STATUS:CONFIRMED\r\n";
    out += "TRANSP:OPAQUE\r\nSEQUENCE:0\r\n";
    if (rng_.Chance(0.1)) {
      out +=
          "BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-PT15M\r\nDESCRIPTION:Reminder\r\n"
          "END:VALARM\r\n";
    }
    out += "END:VEVENT\r\n";
  }

  // Whether a time in `when`'s zone on `day` at `minute` lies in the year, in UTC (the window).
  bool InYear(const When& when, LocalDay day, int minute) const {
    const int offset = when.zone >= 0 ? OffsetMinutes(kZones[when.zone], day) : 0;
    const auto utc = chr::sys_seconds(day) + chr::minutes(minute - offset);
    return utc >= chr::sys_seconds(first_) && utc < chr::sys_seconds(last_ + chr::days(1));
  }

  int DrawStartMinute() { return 8 * 60 + 30 * static_cast<int>(rng_.Below(19)); }  // 8:00–17:00
  int DrawLength() {
    constexpr int kLengths[] = {15, 30, 30, 30, 45, 60, 60, 60, 90, 120};
    return rng_.Pick(kLengths);
  }

  void WriteSingle() {
    std::string& out = file_.Buffer();
    const When when = DrawWhen();
    const LocalDay day = workdays_[rng_.Below(workdays_.size())];
    const int start = DrawStartMinute();
    const int length = DrawLength();
    const bool cancelled = rng_.Chance(0.01);
    out += "BEGIN:VEVENT\r\n";
    out += "UID:" + NewUid() + "\r\n";
    out += "DTSTAMP:20261231T120000Z\r\n";
    if (when.all_day) {
      const LocalDay end_day = day + chr::days(1 + (rng_.Chance(0.2) ? 2 : 0));
      AppendTime(out, "DTSTART", when, day, 0);
      AppendTime(out, "DTEND", when, end_day, 0);
      AppendText(out, rng_.Pick(kAllDayTopics));
    } else {
      AppendTime(out, "DTSTART", when, day, start);
      AppendTime(out, "DTEND", when, day, start + length);
      AppendText(out, rng_.Pick(kTopics));
    }
    Attendee organizer;
    std::vector<Attendee> attendees;
    DrawPeople(organizer, attendees, 2, 8);
    AppendPeople(out, organizer, attendees);
    AppendTrailer(out, cancelled);
    ++singles_;
    if (cancelled) {
      ++cancelled_;
    } else {
      ++occurrences_;
    }
  }

  // Writes a series master and its overrides, at most `budget` components; returns how many.
  std::uint64_t WriteSeries(std::uint64_t budget) {
    std::string& out = file_.Buffer();
    When when = DrawWhen();
    when.all_day = false;
    if (when.zone < 0 && rng_.Chance(0.5)) when.zone = 0;
    const double kind_draw = rng_.Uniform();
    // 'W' weekly, 'B' fortnightly, 'D' weekday daily, 'M' monthly (second Thursday)
    const char kind = kind_draw < 0.4 ? 'W' : kind_draw < 0.6 ? 'B' : kind_draw < 0.8 ? 'D' : 'M';
    // DTSTART: a workday between six months before the year and the end of September.
    LocalDay begin = first_ - chr::days(182) + chr::days(rng_.Below(182 + 273));
    while (chr::weekday(begin) == chr::Saturday || chr::weekday(begin) == chr::Sunday) {
      begin += chr::days(1);
    }
    if (kind == 'M') {
      const chr::year_month_day ymd(begin);
      begin = LocalDay(ymd.year() / ymd.month() / chr::Thursday[2]);
    }
    const int start = DrawStartMinute();
    const int length = kind == 'D'   ? 15
                       : kind == 'M' ? 90
                                     : 30 + 30 * static_cast<int>(rng_.Below(2));
    // The instances (local days) up to 1 January of the next year (a Tokyo morning then is
    // still in the year in UTC), then cut by COUNT or UNTIL.
    std::vector<LocalDay> days;
    for (LocalDay day = begin; day <= last_ + chr::days(1);) {
      days.push_back(day);
      if (kind == 'W') {
        day += chr::days(7);
      } else if (kind == 'B') {
        day += chr::days(14);
      } else if (kind == 'D') {
        do {
          day += chr::days(1);
        } while (chr::weekday(day) == chr::Saturday || chr::weekday(day) == chr::Sunday);
      } else {
        const chr::year_month_day ymd(day);
        const chr::year_month next = ymd.year() / ymd.month() + chr::months(1);
        day = LocalDay(next.year() / next.month() / chr::Thursday[2]);
      }
    }
    std::string rule;
    switch (kind) {
      case 'W':
        rule = "FREQ=WEEKLY;BYDAY=";
        break;
      case 'B':
        rule = "FREQ=WEEKLY;INTERVAL=2;BYDAY=";
        break;
      case 'D':
        rule = "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR";
        break;
      default:
        rule = "FREQ=MONTHLY;BYDAY=2TH";
        break;
    }
    if (kind == 'W' || kind == 'B') {
      constexpr const char* kDays[] = {"SU", "MO", "TU", "WE", "TH", "FR", "SA"};
      rule += kDays[chr::weekday(begin).c_encoding()];
    }
    const double end_draw = rng_.Uniform();
    if (end_draw < 0.3 && days.size() > 4) {
      // UNTIL: the last instance's start in UTC, as Outlook writes it (the end of its local
      // day would let a Tokyo stand-up's next morning, still that day in UTC, through).
      const std::size_t keep = 2 + rng_.Below(days.size() - 2);
      days.resize(keep);
      const int offset = when.zone >= 0 ? OffsetMinutes(kZones[when.zone], days.back()) : 0;
      const auto until = chr::sys_seconds(days.back()) + chr::minutes(start - offset);
      const auto until_day = chr::floor<chr::days>(until);
      rule += ";UNTIL=";
      AppendDateTime(rule, until_day,
                     static_cast<int>(chr::duration_cast<chr::minutes>(until - until_day).count()));
      rule += 'Z';
    } else if (end_draw < 0.5) {  // COUNT: may end after the year
      const std::size_t count = 4 + rng_.Below(kind == 'D' ? 150 : 40);
      if (days.size() > count) days.resize(count);
      rule += ";COUNT=" + std::to_string(count);
    }
    const std::string uid = NewUid();
    const std::string summary = rng_.Pick(kSeriesTopics);
    Attendee organizer;
    std::vector<Attendee> attendees;
    const bool one_to_one = summary == "1:1";
    DrawPeople(organizer, attendees, one_to_one ? 2 : 3, one_to_one ? 2 : 8);

    // EXDATEs and overrides on weekly and daily series, never on the first instance.
    std::vector<std::size_t> excluded;
    std::vector<std::size_t> moved;
    if (kind != 'M' && days.size() > 4) {
      if (rng_.Chance(0.5)) {
        for (std::size_t n = 1 + rng_.Below(3); n > 0; --n) {
          excluded.push_back(1 + rng_.Below(days.size() - 1));
        }
      }
      if (rng_.Chance(0.25)) {
        for (std::size_t n = 1 + rng_.Below(3); n > 0; --n) {
          moved.push_back(1 + rng_.Below(days.size() - 1));
        }
      }
    }
    std::sort(excluded.begin(), excluded.end());
    excluded.erase(std::unique(excluded.begin(), excluded.end()), excluded.end());
    std::sort(moved.begin(), moved.end());
    moved.erase(std::unique(moved.begin(), moved.end()), moved.end());
    std::erase_if(moved, [&](std::size_t i) {
      return std::binary_search(excluded.begin(), excluded.end(), i);
    });
    while (moved.size() + 1 > budget) moved.pop_back();

    out += "BEGIN:VEVENT\r\n";
    out += "UID:" + uid + "\r\n";
    out += "DTSTAMP:20261231T120000Z\r\n";
    AppendTime(out, "DTSTART", when, begin, start);
    AppendTime(out, "DTEND", when, begin, start + length);
    out += "RRULE:" + rule + "\r\n";
    for (std::size_t i : excluded) AppendTime(out, "EXDATE", when, days[i], start);
    AppendText(out, summary);
    AppendPeople(out, organizer, attendees);
    AppendTrailer(out, false);

    std::uint64_t moved_cancelled = 0;
    std::uint64_t moved_in_year = 0;
    for (std::size_t i : moved) {
      const bool cancel = rng_.Chance(0.2);
      const bool next_day = rng_.Chance(0.5) && chr::weekday(days[i]) != chr::Friday;
      const LocalDay day = next_day ? days[i] + chr::days(1) : days[i];
      const int new_start = next_day ? start : std::min(start + 60, 18 * 60);
      out += "BEGIN:VEVENT\r\n";
      out += "UID:" + uid + "\r\n";
      AppendTime(out, "RECURRENCE-ID", when, days[i], start);
      out += "DTSTAMP:20261231T120000Z\r\n";
      AppendTime(out, "DTSTART", when, day, new_start);
      AppendTime(out, "DTEND", when, day, new_start + length);
      AppendText(out, summary);
      AppendPeople(out, organizer, attendees);
      AppendTrailer(out, cancel);
      if (cancel) {
        if (InYear(when, days[i], start)) ++moved_cancelled;
      } else if (InYear(when, day, new_start)) {
        ++moved_in_year;
      }
      ++overrides_;
    }
    // Occurrences in the year (UTC): instances, minus EXDATEs and cancelled overrides.
    std::uint64_t in_year = 0;
    for (std::size_t i = 0; i < days.size(); ++i) {
      if (!InYear(when, days[i], start)) continue;
      if (std::binary_search(excluded.begin(), excluded.end(), i)) {
        ++cancelled_;
      } else if (!std::binary_search(moved.begin(), moved.end(), i)) {
        ++in_year;
      }
    }
    occurrences_ += in_year + moved_in_year;
    cancelled_ += moved_cancelled;
    ++series_;
    return 1 + moved.size();
  }

  Rng& rng_;
  Output& file_;
  const std::vector<Person>& people_;
  const std::vector<Organization>& organizations_;
  LocalDay first_;
  LocalDay last_;
  std::vector<LocalDay> workdays_;  // 2 January to 30 December, Monday to Friday
  std::unique_ptr<WeightedPicker> activity_;
  std::uint64_t singles_ = 0;
  std::uint64_t series_ = 0;
  std::uint64_t overrides_ = 0;
  std::uint64_t occurrences_ = 0;
  std::uint64_t cancelled_ = 0;
};

}  // namespace

int main(int argc, char** argv) {
  std::uint64_t cards = 100'000;
  std::uint64_t events = 400'000;
  std::uint64_t occurrences = 1'000'000;
  std::uint64_t year = 2026;
  std::uint64_t seed = 20261126;
  std::string vcf_path;
  std::string ics_path;
  CLI::App cli("Writes the import benchmark's address book (vCard) and calendar (iCalendar)");
  cli.add_option("--cards", cards, "vCards to write")->check(CLI::Range(100, 10'000'000));
  cli.add_option("--events", events, "VEVENTs to write")->check(CLI::Range(0, 100'000'000));
  cli.add_option("--occurrences", occurrences, "occurrences the events expand to");
  cli.add_option("--year", year, "the year the calendar covers")->check(CLI::Range(1971, 2200));
  cli.add_option("--seed", seed, "seed of the generator");
  cli.add_option("--vcf", vcf_path, "the vCard file to write")->required();
  cli.add_option("--ics", ics_path, "the iCalendar file to write")->required();
  CLI11_PARSE(cli, argc, argv);

  Rng rng(seed);
  std::vector<Person> people;
  std::vector<Organization> organizations;
  {
    Output vcf(vcf_path);
    WriteCards(cards, rng, vcf, people, organizations);
    vcf.Close();
    std::printf("%s: %llu cards in %zu organizations, %.1f MB\n", vcf_path.c_str(),
                static_cast<unsigned long long>(cards), organizations.size(),
                static_cast<double>(vcf.Written()) / 1e6);
  }
  Output ics(ics_path);
  CalendarWriter calendar(rng, ics, people, organizations, static_cast<int>(year));
  calendar.Write(events, occurrences);
  ics.Close();
  std::printf(
      "%s: %llu VEVENTs (%llu single, %llu series masters, %llu overrides), %.1f MB; expected "
      "%llu occurrences in %llu (%llu cancelled or excluded)\n",
      ics_path.c_str(), static_cast<unsigned long long>(events),
      static_cast<unsigned long long>(calendar.Singles()),
      static_cast<unsigned long long>(calendar.Series()),
      static_cast<unsigned long long>(calendar.Overrides()),
      static_cast<double>(ics.Written()) / 1e6,
      static_cast<unsigned long long>(calendar.Occurrences()),
      static_cast<unsigned long long>(year), static_cast<unsigned long long>(calendar.Cancelled()));
  return 0;
}
