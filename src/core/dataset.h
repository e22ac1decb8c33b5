#pragma once
// Every record of one database, soft-deleted ones included, each with its id and stamps: what a
// full export holds (`allies export all`) and what its re-import restores.

#include <string>
#include <vector>

#include "core/model.h"

namespace allies::core {

// A configuration override with the times it was first set and last changed. Unset keys are
// deleted, so `stamps.deleted_at` is always unset.
struct ConfigEntry {
  std::string key;
  std::string value;
  Stamps stamps;
};

struct Dataset {
  std::vector<Person> people;               // by id
  std::vector<Organization> orgs;           // by id
  std::vector<Interaction> interactions;    // by id
  std::vector<LedgerEntry> ledger;          // by id
  std::vector<Introduction> introductions;  // by id
  std::vector<FollowUp> followups;          // by id
  std::vector<VendorNotice> notices;        // by id
  std::vector<Knows> knows;                 // by (first, second), removed pairs included
  std::vector<ConfigEntry> config;          // by key
  std::vector<Ask> asks;                    // by id

  // How many records in all.
  std::size_t Size() const {
    return people.size() + orgs.size() + interactions.size() + ledger.size() +
           introductions.size() + followups.size() + notices.size() + knows.size() + config.size() +
           asks.size();
  }
};

}  // namespace allies::core
