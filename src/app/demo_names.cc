#include "app/demo_names.h"

#include <array>
#include <cstdint>

namespace allies::app::demo {
namespace {

using Words = std::string_view;

// --- departments ------------------------------------------------------------------------------

constexpr Words kExecSenior[] = {"Director of Strategy", "Head of Corporate Affairs"};
constexpr Words kExecManager[] = {"Office Manager", "Strategy Manager", "Communications Manager"};
constexpr Words kExecStaff[] = {"Executive Assistant", "Strategy Analyst", "Board Secretary",
                                "Communications Officer", "Receptionist"};
constexpr Words kExecOffers[] = {"strategy", "board access", "decision rights", "CEO's calendar"};
constexpr Words kExecNeeds[] = {
    "Wants a clearer view of the IT project portfolio for the board pack.",
    "Needs board papers distributed securely to tablets.",
    "Asks for a one-page IT risk summary every quarter."};

constexpr Words kFinSenior[] = {"Financial Controller", "Director of FP&A"};
constexpr Words kFinManager[] = {"Accounts Payable Manager", "FP&A Manager", "Treasury Manager",
                                 "Payroll Manager", "Tax Manager"};
constexpr Words kFinStaff[] = {"Finance Analyst",        "Accountant",
                               "Accounts Payable Clerk", "Payroll Specialist",
                               "Management Accountant",  "Credit Controller"};
constexpr Words kFinOffers[] = {"budget", "capex approvals", "cost allocation", "business cases",
                                "audit"};
constexpr Words kFinNeeds[] = {
    "Needs the cloud bill broken down by department before the budget round.",
    "Worried the ERP upgrade will slip into the year-end close.",
    "Wants fewer spreadsheets in the month-end close.", "Asks for a rolling forecast of IT capex."};

constexpr Words kOpsSenior[] = {"Director of Operations", "Plant Director"};
constexpr Words kOpsManager[] = {"Operations Manager", "Shift Manager", "Quality Manager",
                                 "Continuous Improvement Manager"};
constexpr Words kOpsStaff[] = {"Operations Analyst", "Shift Supervisor",
                               "Quality Engineer",   "Process Engineer",
                               "Production Planner", "Health & Safety Officer"};
constexpr Words kOpsOffers[] = {"process improvement", "change management", "shop-floor access",
                                "operational data"};
constexpr Words kOpsNeeds[] = {"Needs the warehouse Wi-Fi fixed before peak season.",
                               "Wants change windows agreed before any network change.",
                               "Worried about ageing control-room PCs.",
                               "Asks for a plan for when the main site loses connectivity."};

constexpr Words kFacSenior[] = {"Head of Workplace"};
constexpr Words kFacManager[] = {"Facilities Manager", "Workplace Services Manager",
                                 "Security & Reception Manager"};
constexpr Words kFacStaff[] = {"Maintenance Technician", "Receptionist",
                               "Space Planner",          "Security Officer",
                               "Fleet Coordinator",      "Facilities Assistant"};
constexpr Words kFacOffers[] = {"workplace moves", "office space", "badge access", "meeting rooms",
                                "building works"};
constexpr Words kFacNeeds[] = {"Needs the badge system to follow HR leavers the same day.",
                               "Wants network cabling planned into the office move.",
                               "Asks for room-booking screens that actually work."};

constexpr Words kHrSenior[] = {"Director of Talent", "HR Director"};
constexpr Words kHrManager[] = {"HR Business Partner", "Recruitment Manager",
                                "Learning & Development Manager", "Reward Manager"};
constexpr Words kHrStaff[] = {"HR Advisor", "Recruiter", "HR Administrator", "L&D Coordinator",
                              "HRIS Analyst"};
constexpr Words kHrOffers[] = {"hiring", "org design", "training", "employee relations",
                               "salary benchmarks"};
constexpr Words kHrNeeds[] = {"Needs laptops ready on a new starter's first day.",
                              "Wants the HR system and the directory to agree on leavers.",
                              "Struggling to hire into IT at the current salary bands.",
                              "Asks for a data privacy check on the new engagement survey."};

constexpr Words kSalesSenior[] = {"Regional Sales Director", "Director of Key Accounts"};
constexpr Words kSalesManager[] = {"Sales Manager", "Key Account Manager", "Inside Sales Manager",
                                   "Sales Operations Manager"};
constexpr Words kSalesStaff[] = {"Account Executive", "Sales Representative", "Inside Sales Rep",
                                 "Sales Operations Analyst", "Bid Coordinator"};
constexpr Words kSalesOffers[] = {"customer insight", "CRM", "pipeline data", "customer access"};
constexpr Words kSalesNeeds[] = {"Needs the CRM to work offline on the road.",
                                 "Wants faster answers to security questionnaires in tenders.",
                                 "Asks for a customer portal that does not need a VPN."};

constexpr Words kMktSenior[] = {"Director of Brand", "Head of Digital"};
constexpr Words kMktManager[] = {"Marketing Manager", "Digital Marketing Manager", "Events Manager",
                                 "Content Manager"};
constexpr Words kMktStaff[] = {"Marketing Specialist", "Content Writer",    "Graphic Designer",
                               "Web Editor",           "Marketing Analyst", "Events Coordinator"};
constexpr Words kMktOffers[] = {"web content", "internal communications", "brand", "events"};
constexpr Words kMktNeeds[] = {"Needs consent tracking that the data privacy team signs off.",
                               "Wants the website off the old CMS this year.",
                               "Asks for help choosing a marketing automation tool."};

constexpr Words kLegalSenior[] = {"Head of Compliance", "Deputy General Counsel"};
constexpr Words kLegalManager[] = {"Legal Counsel", "Compliance Manager", "Data Protection Officer",
                                   "Risk Manager"};
constexpr Words kLegalStaff[] = {"Paralegal", "Compliance Analyst", "Contracts Administrator",
                                 "Risk Analyst", "Privacy Analyst"};
constexpr Words kLegalOffers[] = {"data privacy", "contract review", "audit", "regulatory change",
                                  "GDPR"};
constexpr Words kLegalNeeds[] = {"Needs a records-retention schedule enforced in email.",
                                 "Wants a DPIA before any new SaaS goes live.",
                                 "Worried about shadow IT holding customer data."};

constexpr Words kProcSenior[] = {"Head of Strategic Sourcing"};
constexpr Words kProcManager[] = {"Category Manager", "Procurement Manager", "Supplier Manager"};
constexpr Words kProcStaff[] = {"Buyer", "Procurement Analyst", "Contracts Officer",
                                "Purchasing Assistant"};
constexpr Words kProcOffers[] = {"cloud contracts", "procurement rules", "vendor management",
                                 "licensing", "negotiation"};
constexpr Words kProcNeeds[] = {"Needs IT to follow the tender thresholds for software.",
                                "Wants one named owner for every software licence.",
                                "Asks for earlier notice of contract renewals."};

constexpr Words kCsSenior[] = {"Director of Customer Experience"};
constexpr Words kCsManager[] = {"Contact Centre Manager", "Customer Service Manager",
                                "Complaints Manager", "Workforce Planning Manager"};
constexpr Words kCsStaff[] = {"Customer Service Advisor", "Senior Advisor", "Complaints Handler",
                              "Workforce Planner", "Quality Analyst"};
constexpr Words kCsOffers[] = {"ServiceNow", "customer escalations", "customer feedback",
                               "knowledge base"};
constexpr Words kCsNeeds[] = {"Needs the telephony platform to stop dropping calls.",
                              "Wants ServiceNow case handling to match the service desk's.",
                              "Asks for a dashboard of first-contact resolution."};

constexpr Words kScSenior[] = {"Director of Logistics", "Head of Planning"};
constexpr Words kScManager[] = {"Logistics Manager", "Warehouse Manager", "Demand Planning Manager",
                                "Transport Manager"};
constexpr Words kScStaff[] = {"Supply Chain Analyst", "Demand Planner", "Warehouse Supervisor",
                              "Logistics Coordinator", "Inventory Controller"};
constexpr Words kScOffers[] = {"ERP upgrade", "logistics systems", "supplier data",
                               "inventory data"};
constexpr Words kScNeeds[] = {"Needs the ERP upgrade to keep the EDI links with suppliers.",
                              "Wants the barcode scanners replaced before they fail.",
                              "Worried about a single carrier for warehouse connectivity."};

constexpr Words kRdSenior[] = {"Director of Engineering", "Head of Innovation"};
constexpr Words kRdManager[] = {"R&D Manager", "Lab Manager", "Engineering Manager",
                                "Product Manager"};
constexpr Words kRdStaff[] = {"Research Scientist", "Design Engineer", "Lab Technician",
                              "Data Scientist",     "Test Engineer",   "Product Analyst"};
constexpr Words kRdOffers[] = {"data science", "innovation", "prototyping", "engineering tools"};
constexpr Words kRdNeeds[] = {"Needs compute for simulations without a six-month procurement.",
                              "Wants design IP protected on the shared drives.",
                              "Asks for a sandbox cloud account for experiments."};

constexpr Words kItSenior[] = {"IT Director"};
constexpr Words kItManager[] = {"IT Manager"};
constexpr Words kItStaff[] = {"IT Analyst"};
constexpr Words kItOffers[] = {"security", "disaster recovery", "ServiceNow", "cloud"};
constexpr Words kItNeeds[] = {"Needs more hands for the ERP upgrade."};

constexpr DepartmentWords kDepartments[] = {
    {"Executive", "Chief of Staff", 3, kExecSenior, kExecManager, kExecStaff, kExecOffers,
     kExecNeeds, "corporate strategy"},
    {"Finance", "Chief Financial Officer", 8, kFinSenior, kFinManager, kFinStaff, kFinOffers,
     kFinNeeds, "finance"},
    {"Operations", "VP Operations", 12, kOpsSenior, kOpsManager, kOpsStaff, kOpsOffers, kOpsNeeds,
     "operations"},
    {"Facilities", "Director of Facilities", 4, kFacSenior, kFacManager, kFacStaff, kFacOffers,
     kFacNeeds, "facilities management"},
    {"HR", "Chief People Officer", 6, kHrSenior, kHrManager, kHrStaff, kHrOffers, kHrNeeds, "HR"},
    {"Sales", "VP Sales", 14, kSalesSenior, kSalesManager, kSalesStaff, kSalesOffers, kSalesNeeds,
     "sales"},
    {"Marketing", "VP Marketing", 7, kMktSenior, kMktManager, kMktStaff, kMktOffers, kMktNeeds,
     "marketing"},
    {"Legal & Compliance", "General Counsel", 4, kLegalSenior, kLegalManager, kLegalStaff,
     kLegalOffers, kLegalNeeds, "law"},
    {"Procurement", "Director of Procurement", 4, kProcSenior, kProcManager, kProcStaff,
     kProcOffers, kProcNeeds, "procurement"},
    {"Customer Service", "VP Customer Service", 12, kCsSenior, kCsManager, kCsStaff, kCsOffers,
     kCsNeeds, "customer service"},
    {"Supply Chain", "VP Supply Chain", 9, kScSenior, kScManager, kScStaff, kScOffers, kScNeeds,
     "logistics"},
    {"R&D", "VP Research & Development", 9, kRdSenior, kRdManager, kRdStaff, kRdOffers, kRdNeeds,
     "engineering"},
    {"IT", "Chief Information Officer", 10, kItSenior, kItManager, kItStaff, kItOffers, kItNeeds,
     "IT"},
};

// --- my team ----------------------------------------------------------------------------------

constexpr Words kInfraManager[] = {"Infrastructure Team Lead", "Network Manager",
                                   "Cloud Operations Lead"};
constexpr Words kInfraStaff[] = {"Network Engineer", "Systems Administrator", "Cloud Engineer",
                                 "Database Administrator", "Storage Engineer"};
constexpr OfferWords kInfraOffers[] = {{"disaster recovery", 5}, {"network", 4}, {"cloud", 4}};

constexpr Words kSecManager[] = {"Security Operations Lead", "IAM Lead"};
constexpr Words kSecStaff[] = {"Security Analyst", "IAM Engineer", "GRC Analyst"};
constexpr OfferWords kSecOffers[] = {{"security", 5}, {"audit", 3}, {"data privacy", 3}};

constexpr Words kAppsManager[] = {"ERP Lead", "Development Lead", "Integration Lead"};
constexpr Words kAppsStaff[] = {"Business Analyst", "ERP Consultant", "Software Developer",
                                "Integration Developer", "Test Analyst"};
constexpr OfferWords kAppsOffers[] = {{"ERP upgrade", 4}, {"ServiceNow", 3}, {"integration", 4}};

constexpr Words kDeskManager[] = {"Service Desk Team Lead", "Desktop Support Lead"};
constexpr Words kDeskStaff[] = {"Service Desk Analyst", "Desktop Support Technician",
                                "IT Asset Coordinator"};
constexpr OfferWords kDeskOffers[] = {{"ServiceNow", 5}, {"change management", 3}};

constexpr Words kArchManager[] = {"Solution Architecture Lead"};
constexpr Words kArchStaff[] = {"Solution Architect", "Data Architect"};
constexpr OfferWords kArchOffers[] = {{"architecture", 5}, {"cloud", 4}, {"cloud contracts", 3}};

constexpr Words kPmoManager[] = {"Programme Manager"};
constexpr Words kPmoStaff[] = {"Project Manager", "Project Coordinator", "PMO Analyst"};
constexpr OfferWords kPmoOffers[] = {
    {"project delivery", 5}, {"change management", 4}, {"budget", 3}};

constexpr TeamRoleWords kTeamRoles[] = {
    {"Head of Infrastructure", 30, kInfraManager, kInfraStaff, kInfraOffers,
     "Needs a disaster recovery test window agreed with the business."},
    {"Chief Information Security Officer", 12, kSecManager, kSecStaff, kSecOffers,
     "Wants every department to name a data owner before the audit."},
    {"Applications Manager", 25, kAppsManager, kAppsStaff, kAppsOffers,
     "Needs business testers released for the ERP upgrade."},
    {"Service Desk Manager", 20, kDeskManager, kDeskStaff, kDeskOffers,
     "Wants password resets moved to self-service."},
    {"Enterprise Architect", 5, kArchManager, kArchStaff, kArchOffers,
     "Wants an architecture review before any new cloud contract is signed."},
    {"PMO Lead", 8, kPmoManager, kPmoStaff, kPmoOffers,
     "Needs steering-committee sponsors who turn up."},
};

// --- vendors ----------------------------------------------------------------------------------

constexpr Words kHelixServices[] = {"service desk", "desktop support", "ticket portal"};
constexpr Words kHelixContacts[] = {"Account Manager", "Service Delivery Manager",
                                    "Service Desk Team Lead"};
constexpr OfferWords kHelixOffers[] = {{"ServiceNow", 4}, {"service desk", 4}};

constexpr Words kStratusServices[] = {"cloud hosting", "backup", "disaster recovery"};
constexpr Words kStratusContacts[] = {"Account Executive", "Technical Account Manager"};
constexpr OfferWords kStratusOffers[] = {{"cloud contracts", 4}, {"disaster recovery", 3}};

constexpr Words kMeridianServices[] = {"WAN", "mobile", "SIP trunks"};
constexpr Words kMeridianContacts[] = {"Account Manager", "Service Delivery Manager"};
constexpr OfferWords kMeridianOffers[] = {{"network", 3}};

constexpr Words kSentinelServices[] = {"24/7 SOC", "incident response", "vulnerability scanning"};
constexpr Words kSentinelContacts[] = {"Customer Success Manager", "SOC Lead", "Account Director"};
constexpr OfferWords kSentinelOffers[] = {{"security", 5}, {"incident response", 4}};

constexpr Words kLedgerlyServices[] = {"ERP", "payroll", "finance reporting"};
constexpr Words kLedgerlyContacts[] = {"Account Manager", "Solutions Architect"};
constexpr OfferWords kLedgerlyOffers[] = {{"ERP upgrade", 4}};

constexpr VendorWords kVendors[] = {
    {"Helix Service Desk", "helixdesk.example", kHelixServices, 14, 210, false, kHelixContacts,
     kHelixOffers, "Wants earlier forecasts of ticket volumes."},
    {"Stratus Cloud", "stratuscloud.example", kStratusServices, 30, 45, false, kStratusContacts,
     kStratusOffers, "Wants a reference call from us for a prospect."},
    {"Meridian Telecom", "meridiantel.example", kMeridianServices, 45, 150, true, kMeridianContacts,
     kMeridianOffers, "Needs a decision on the SD-WAN migration."},
    {"Sentinel Secure", "sentinelsecure.example", kSentinelServices, 30, 300, false,
     kSentinelContacts, kSentinelOffers, "Wants to present the new threat report to the board."},
    {"Ledgerly", "ledgerly.example", kLedgerlyServices, 60, 400, false, kLedgerlyContacts,
     kLedgerlyOffers, "Needs our upgrade window confirmed for the ERP release."},
};

// --- people's names ---------------------------------------------------------------------------

constexpr Words kFirstNames[] = {
    "James",      "Maria",     "José",    "Zoë",      "Łukasz", "Søren",    "Aoife",
    "Mai",        "Wei",       "Priya",   "Ahmed",    "Fatima", "Olga",     "Mateo",
    "Sofia",      "Liam",      "Chloé",   "Björn",    "Inés",   "Kwame",    "Amara",
    "Hiroshi",    "Yuki",      "Min-jun", "Ji-woo",   "Arjun",  "Ananya",   "Chinedu",
    "Ngozi",      "Tomás",     "Lucía",   "François", "Amélie", "Jürgen",   "Anneliese",
    "Małgorzata", "Piotr",     "Siobhán", "Niamh",    "Cian",   "Oisín",    "Dóra",
    "Ágnes",      "Mehmet",    "Ayşe",    "Çağla",    "Emre",   "Elif",     "Noah",
    "Emma",       "Olivia",    "Ethan",   "Ava",      "Lucas",  "Isabella", "Mia",
    "Oliver",     "Charlotte", "Amelia",  "Henry",    "Grace",  "Daniel",   "Hannah",
    "David",      "Sarah",     "Michael", "Laura",    "Thomas", "Anna",     "Peter",
    "Julia",      "Marco",     "Giulia",  "Luca",     "Chiara", "Pablo",    "Carmen",
    "Diego",      "Valentina", "Camila",  "Rafael",   "João",   "Beatriz",  "Gonçalo",
    "Leonor",     "Thiago",    "Ingrid",  "Astrid",   "Lars",   "Freja",    "Mikael",
    "Eero",       "Aino",      "Kaisa",   "Nikolai",  "Irina",  "Dmitri",   "Ekaterina",
    "Yusuf",      "Layla",     "Omar",    "Zainab",   "Tariq",  "Nadia",    "Samir",
    "Leila",      "Ravi",      "Deepa",   "Sanjay",   "Meera",  "Vikram",   "Kavya",
    "Rohan",      "Li Na",     "Jun",     "Xiu",      "Hao",    "Mei",      "Thanh",
    "Linh",       "Đức",       "Hoa",     "Kofi",     "Abena",  "Tendai",   "Thandiwe",
    "Sipho",      "Lerato",    "Adaeze",  "Emeka",    "Yaw",    "Efua",     "Aleksander",
    "Zuzana",     "Václav",    "Tereza",  "Stefan",   "Milica", "Dragan",   "Ivana",
    "René",       "Renée",     "Noémie",  "Gaël",     "Maëlle", "Hélène",   "Édouard",
    "Raphaël",    "Anaïs",     "Ruth",    "Eli",      "Miriam", "Noa",      "Kai",
    "Leilani",    "Mana",      "Aroha",   "Tāne",     "Sione",  "Mele",
};

constexpr Words kLastNames[] = {
    "Nguyễn",    "Trần",      "Phạm",      "Lê",         "Hoàng",      "Đặng",      "Müller",
    "García",    "Fernández", "Kowalski",  "Wiśniewska", "Dvořák",     "Novák",     "Şahin",
    "Yılmaz",    "Jørgensen", "Åberg",     "Ó Briain",   "O'Connor",   "Okafor",    "Adeyemi",
    "Mensah",    "Patel",     "Sharma",    "Iyer",       "Chen",       "Wang",      "Li",
    "Kim",       "Park",      "Tanaka",    "Sato",       "Haddad",     "Khalil",    "Cohen",
    "Silva",     "Santos",    "Costa",     "Rossi",      "Bianchi",    "Dubois",    "Lefèvre",
    "Schmidt",   "Becker",    "Jansen",    "de Vries",   "Nowak",      "Horváth",   "Popescu",
    "Ivanova",   "Petrov",    "Andersson", "Lindqvist",  "Virtanen",   "Murphy",    "Kelly",
    "Walsh",     "Smith",     "Johnson",   "Brown",      "Taylor",     "Wilson",    "Clarke",
    "Hughes",    "Edwards",   "Thompson",  "Robinson",   "Wright",     "Ahmed",     "Hassan",
    "Rahman",    "Ali",       "Khan",      "Nakamura",   "López",      "Martínez",  "Hernández",
    "Díaz",      "Moreno",    "Rojas",     "Vargas",     "Castillo",   "Ortiz",     "Gómez",
    "Nielsen",   "Hansen",    "Larsen",    "Eriksen",    "Berg",       "Haugen",    "Mäkinen",
    "Kovačević", "Babić",     "Mwangi",    "Otieno",     "Banda",      "Diallo",    "Traoré",
    "Abebe",     "Tesfaye",   "Kaur",      "Singh",      "Reddy",      "Nair",      "Menon",
    "Das",       "Bose",      "Ramos",     "Mendes",     "Pereira",    "Alves",     "Ferreira",
    "Romano",    "Greco",     "Moretti",   "Weber",      "Wagner",     "Fischer",   "Meyer",
    "Hoffmann",  "Schulz",    "Bauer",     "Wolf",       "Peeters",    "Maes",      "Janssens",
    "Lambert",   "Martin",    "Bernard",   "Moreau",     "Girard",     "Roux",      "Fontaine",
    "Byrne",     "Ryan",      "Doyle",     "McCarthy",   "Fitzgerald", "Brennan",   "Quinn",
    "Rivera",    "Cruz",      "Flores",    "Reyes",      "Morales",    "Gutiérrez", "Chávez",
    "Ramírez",   "Torres",    "Zhou",      "Huang",      "Zhang",      "Liu",       "Yang",
    "Wu",        "Xu",        "Sun",       "Lin",        "Choi",       "Jung",      "Kang",
    "Yamamoto",  "Kobayashi", "Watanabe",  "Suzuki",     "Takahashi",  "Øverby",    "Søndergaard",
};

// --- notes ------------------------------------------------------------------------------------

constexpr Words kFamilyNotes[] = {
    "Two kids; the eldest has just started university.",
    "Recently became a grandparent and shows photos to anyone who asks.",
    "Partner is a nurse on night shifts, so mornings are precious.",
    "New baby daughter this spring; running on very little sleep.",
    "Cares for an elderly father at weekends.",
    "Twins in primary school; does the school run on Fridays.",
    "Just adopted a rescue greyhound.",
    "Moved here from abroad three years ago with the whole family.",
    "Son plays in a youth orchestra; never misses a concert.",
    "Getting married next summer and planning it on a spreadsheet.",
};

constexpr Words kInterestNotes[] = {
    "Runs marathons; did Berlin last autumn.",
    "Plays cello in a community orchestra.",
    "Keen sailor; talks about the weather the way others talk about football.",
    "Coaches a youth football team on Saturdays.",
    "Bakes sourdough and brings it in on Fridays.",
    "Reads science fiction; recommends something new every time.",
    "Climbs at the indoor wall twice a week.",
    "Birdwatcher; keeps a list of every species seen from the office.",
    "Restores old motorbikes in the garage.",
    "Learning Japanese before a long-planned trip.",
    "Volunteers at the food bank once a month.",
    "Plays chess online and is annoyingly good at it.",
};

constexpr Words kOriginNotes[] = {
    "Got into {} through a summer job that turned into a career.",
    "Studied physics, then drifted into {} and never left.",
    "Came to {} after ten years in the army.",
    "Started on the front line twenty years ago and worked up into {}.",
    "Former teacher who moved into {} for a change of pace.",
    "Was a professional musician before retraining in {}.",
    "Joined {} from a start-up that went under.",
    "Family business background; {} felt like the natural next step.",
};

// --- topics and ledger notes ------------------------------------------------------------------

constexpr Words kTopics[] = {
    "budgets",      "security",  "disaster recovery", "ServiceNow",        "cloud contracts",
    "data privacy", "hiring",    "the ERP upgrade",   "vendor management", "the network outage",
    "the audit",    "licensing", "change management", "procurement rules", "the office move",
};

constexpr Words kProjects[] = {
    "ERP upgrade steering group", "Office move working group",
    "Data privacy review",        "Budget round",
    "ServiceNow rollout",         "Cyber awareness week",
    "Disaster recovery test",     "Supplier onboarding revamp",
    "Hybrid working pilot",       "Customer portal launch",
    "Warehouse automation",       "Annual audit preparation",
};

constexpr Words kAttentionNotes[] = {
    "Coffee to hear how the quarter is going.",
    "Asked about the family and listened.",
    "Checked in after a rough week on {}.",
    "Congratulated them on the promotion.",
    "Walked the floor with them to see where IT gets in the way.",
};
constexpr Words kExpertiseNotes[] = {
    "Reviewed their plan for {} with them.",
    "Shared our playbook on {}.",
    "Spent an hour helping them think through {}.",
};
constexpr Words kFavorDoneNotes[] = {
    "Lent two engineers for their weekend cutover.",
    "Fast-tracked the laptop refresh for their team.",
    "Got their team into the ServiceNow pilot.",
};
constexpr Words kIntroductionNotes[] = {
    "Introduced them to our Enterprise Architect.",
    "Introduced them to a peer who went through {} last year.",
};
constexpr Words kRecognitionNotes[] = {
    "Thanked them by name in the town hall.",
    "Nominated them for the quarterly award.",
    "Credited them in the board update on {}.",
};
constexpr Words kSmallAskNotes[] = {
    "Asked for a quick review of the DR runbook.",
    "Asked for a slot in their team meeting to talk about {}.",
    "Asked for the headcount numbers a week early.",
};
constexpr Words kFavorAskedNotes[] = {
    "Asked them to release two testers for the ERP upgrade.",
    "Asked them to champion {} in their department.",
    "Asked them to cover for me at the steering group.",
};
constexpr Words kEscalationNotes[] = {
    "Escalated a blocked decision on {} to them.",
    "Escalated a missed deadline on {} to them.",
};

constexpr std::array<std::span<const Words>, 8> kLedgerNotes = {
    kAttentionNotes,   kExpertiseNotes, kFavorDoneNotes,  kIntroductionNotes,
    kRecognitionNotes, kSmallAskNotes,  kFavorAskedNotes, kEscalationNotes};

constexpr Words kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                             "July",    "August",   "September", "October", "November", "December"};

// Latin Extended-A (U+0100..U+017F) in runs of code points that share one ASCII spelling.
struct Run {
  Words ascii;
  int count;
};
constexpr Run kLatinExtendedA[] = {{"a", 6},  {"c", 8},  {"d", 4}, {"e", 10}, {"g", 8},  {"h", 4},
                                   {"i", 10}, {"ij", 2}, {"j", 2}, {"k", 3},  {"l", 10}, {"n", 9},
                                   {"o", 6},  {"oe", 2}, {"r", 6}, {"s", 8},  {"t", 6},  {"u", 12},
                                   {"w", 2},  {"y", 3},  {"z", 6}, {"s", 1}};

// Latin-1 Supplement letters U+00C0..U+00FF.
constexpr Words kLatin1[64] = {"a", "a", "a", "a", "a",  "a",  "ae", "c", "e", "e", "e",  "e", "i",
                               "i", "i", "i", "d", "n",  "o",  "o",  "o", "o", "o", "",   "o", "u",
                               "u", "u", "u", "y", "th", "ss", "a",  "a", "a", "a", "a",  "a", "ae",
                               "c", "e", "e", "e", "e",  "i",  "i",  "i", "i", "d", "n",  "o", "o",
                               "o", "o", "o", "",  "o",  "u",  "u",  "u", "u", "y", "th", "y"};

// Vietnamese letters of Latin Extended Additional (U+1EA0..U+1EF9), in runs.
constexpr Run kVietnamese[] = {{"a", 24}, {"e", 16}, {"i", 4}, {"o", 24}, {"u", 14}, {"y", 8}};

Words FromRuns(std::span<const Run> runs, std::uint32_t offset) {
  for (const Run& run : runs) {
    if (offset < static_cast<std::uint32_t>(run.count)) return run.ascii;
    offset -= static_cast<std::uint32_t>(run.count);
  }
  return "";
}

Words AsciiFor(std::uint32_t code_point) {
  if (code_point >= 0xC0 && code_point <= 0xFF) return kLatin1[code_point - 0xC0];
  if (code_point >= 0x100 && code_point <= 0x17F)
    return FromRuns(kLatinExtendedA, code_point - 0x100);
  if (code_point >= 0x1EA0 && code_point <= 0x1EF9)
    return FromRuns(kVietnamese, code_point - 0x1EA0);
  switch (code_point) {
    case 0x1A0:
    case 0x1A1:
      return "o";
    case 0x1AF:
    case 0x1B0:
      return "u";
    case 0x218:
    case 0x219:
      return "s";
    case 0x21A:
    case 0x21B:
      return "t";
    default:
      return "";
  }
}

}  // namespace

std::span<const DepartmentWords> Departments() { return kDepartments; }
std::span<const TeamRoleWords> TeamRoles() { return kTeamRoles; }
std::span<const VendorWords> Vendors() { return kVendors; }
std::span<const std::string_view> FirstNames() { return kFirstNames; }
std::span<const std::string_view> LastNames() { return kLastNames; }
std::span<const std::string_view> FamilyNotes() { return kFamilyNotes; }
std::span<const std::string_view> InterestNotes() { return kInterestNotes; }
std::span<const std::string_view> OriginNotes() { return kOriginNotes; }
std::span<const std::string_view> Topics() { return kTopics; }
std::span<const std::string_view> Projects() { return kProjects; }

std::span<const std::string_view> LedgerNotes(int ledger_kind) {
  return kLedgerNotes.at(static_cast<std::size_t>(ledger_kind));
}

std::string_view MonthName(unsigned month) { return kMonths[(month - 1) % 12]; }

std::string AsciiLetters(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  std::size_t i = 0;
  while (i < utf8.size()) {
    auto byte = static_cast<unsigned char>(utf8[i]);
    if (byte < 0x80) {
      if (byte >= 'A' && byte <= 'Z') out.push_back(static_cast<char>(byte - 'A' + 'a'));
      if ((byte >= 'a' && byte <= 'z') || (byte >= '0' && byte <= '9')) {
        out.push_back(static_cast<char>(byte));
      }
      ++i;
      continue;
    }
    // Decodes one multi-byte sequence; malformed bytes are skipped one at a time.
    int length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1;
    if (length == 1 || i + static_cast<std::size_t>(length) > utf8.size()) {
      ++i;
      continue;
    }
    std::uint32_t code_point = byte & (0xFFu >> (length + 1));
    for (int k = 1; k < length; ++k) {
      code_point = (code_point << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3Fu);
    }
    out.append(AsciiFor(code_point));
    i += static_cast<std::size_t>(length);
  }
  return out;
}

}  // namespace allies::app::demo
