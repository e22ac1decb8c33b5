#pragma once
// The words of the weekly plan: the invitation that goes with a proposed meeting, and the
// talking points drawn from what I know of the person. Pure text from a snapshot.

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "advice/plan.h"

namespace allies::advice {

struct InvitationInput {
  std::string their_name;
  std::string my_name;
  std::string department;  // theirs, may be empty
  Setting setting = Setting::kCoffee;
  std::string conference;  // for after-conference
  core::TimePoint start{};
  std::chrono::seconds utc_offset{0};  // for the local time in the text
  std::optional<OpenAsk> ask;          // the latest open or recent ask of mine with them
};

// The invitation text. It says plainly that the meeting is to get to know them; without an ask
// it says there is no agenda; with one it never does, and names the ask instead: "not a
// no-agenda meeting" must not be hidden from the person invited.
std::string WriteInvitation(const InvitationInput& input);

// What to talk about: their latest personal notes, their needs matched with my team's offers (or
// a question about them), interests we share (tags other than prefers:* and from-calendar), the
// last two of my interactions with them, and for someone I have never met, how they got into
// their field. At most eight, in that order.
std::vector<std::string> TalkingPoints(const Candidate& candidate, const PlanRequest& request);

// "Tuesday 1 December at 10:00" for the local time start + offset.
std::string FormatWhen(core::TimePoint start, std::chrono::seconds utc_offset);

// The first word of a name ("Ana" for "Ana Lima").
std::string FirstName(const std::string& name);

}  // namespace allies::advice
