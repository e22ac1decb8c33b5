#pragma once
// Ids are types, not bare integers: a PersonId cannot be passed where an OrgId is expected.

#include <compare>
#include <cstdint>
#include <functional>

namespace allies::core {

template <class Tag>
struct Id {
  std::int64_t value = 0;
  auto operator<=>(const Id&) const = default;
};

using PersonId = Id<struct PersonTag>;
using OrgId = Id<struct OrgTag>;
using InteractionId = Id<struct InteractionTag>;
using LedgerId = Id<struct LedgerTag>;
using IntroductionId = Id<struct IntroductionTag>;
using FollowUpId = Id<struct FollowUpTag>;
using NoticeId = Id<struct NoticeTag>;
using AskId = Id<struct AskTag>;

}  // namespace allies::core

template <class Tag>
struct std::hash<allies::core::Id<Tag>> {
  std::size_t operator()(const allies::core::Id<Tag>& id) const noexcept {
    return std::hash<std::int64_t>{}(id.value);
  }
};
