// The keys the import merges people by (app/people_index.h).

#include "app/people_index.h"

#include <gtest/gtest.h>

#include <string>

namespace allies::app::internal {
namespace {

TEST(PeopleIndexTest, EmailKeyIntoFoldsLikeEmailKeyReusingTheString) {
  std::string key = "left over from an earlier, longer address@example.com";
  for (std::string_view address : {"  Ana.Lopez@Example.COM\t", "ana@example.com",
                                   "ÉLODIE@Exemple.FR", "ŁUKASZ@x.pl", "", " \t "}) {
    EmailKeyInto(address, key);
    EXPECT_EQ(key, EmailKey(address)) << address;
  }
  EmailKeyInto(" Ann@X.ORG ", key);
  EXPECT_EQ(key, "ann@x.org");
  EmailKeyInto("ÉLODIE@Exemple.FR", key);
  EXPECT_EQ(key, "élodie@exemple.fr");
}

core::Person Person(std::int64_t id, std::string name, std::string email, std::string phone) {
  core::Person person;
  person.id = core::PersonId{id};
  person.name = std::move(name);
  if (!email.empty()) person.emails.push_back({std::move(email), "work"});
  if (!phone.empty()) person.phones.push_back({std::move(phone), "cell"});
  return person;
}

TEST(PeopleIndexTest, KeysFoundAndAddedOnceMatchByEmailThenPhoneThenNameAndOrganization) {
  PeopleIndex index;
  core::Person ana = Person(1, "Ana Lopez", "Ana@Example.com", "+1 (415) 555-0100");
  index.Add(ana.id, PeopleIndex::KeysOf(ana, "Contoso"));
  core::Person bob = Person(2, "Bob Stone", "bob@example.com", "");
  index.Add(bob.id, PeopleIndex::KeysOf(bob, ""));

  core::Person by_email = Person(0, "Someone", "ANA@example.com", "");
  auto match = index.Find(PeopleIndex::KeysOf(by_email, ""), by_email.phones, by_email.name);
  ASSERT_TRUE(match);
  EXPECT_EQ(match->id.value, 1);
  EXPECT_EQ(match->reason, "email ana@example.com");

  core::Person by_phone = Person(0, "Someone", "other@example.com", "415.555.0100");
  match = index.Find(PeopleIndex::KeysOf(by_phone, ""), by_phone.phones, by_phone.name);
  ASSERT_TRUE(match);
  EXPECT_EQ(match->id.value, 1);
  EXPECT_EQ(match->reason, "phone 415.555.0100");

  core::Person by_name = Person(0, "  ana   LOPEZ ", "", "");
  match = index.Find(PeopleIndex::KeysOf(by_name, "contoso"), by_name.phones, by_name.name);
  ASSERT_TRUE(match);
  EXPECT_EQ(match->reason, "name and organization");
  // The same name elsewhere is someone else.
  EXPECT_FALSE(index.Find(PeopleIndex::KeysOf(by_name, "Fabrikam"), by_name.phones, by_name.name));
  // The first to claim an address keeps it; both share the name.
  core::Person other_ana = Person(3, "Ana Lopez", "ana@example.com", "");
  index.Add(other_ana.id, PeopleIndex::KeysOf(other_ana, "Fabrikam"));
  EXPECT_EQ(index.FindEmailKey("ana@example.com")->value, 1);
  EXPECT_EQ(index.FindName("ANA LOPEZ").size(), 2u);
  // The older interface agrees.
  match = index.Find(by_phone.emails, by_phone.phones, by_phone.name, "");
  ASSERT_TRUE(match);
  EXPECT_EQ(match->id.value, 1);
}

TEST(KeyMapTest, TheFirstKeyWinsAndEveryKeyIsFoundAfterTheTableGrows) {
  KeyMap map;
  EXPECT_EQ(map.Find("anyone@example.com"), nullptr);  // an empty table
  constexpr int kKeys = 20000;                         // grows from 16 slots many times
  for (int i = 0; i < kKeys; ++i) {
    EXPECT_TRUE(map.TryEmplace("person" + std::to_string(i) + "@example.com", core::PersonId{i}));
  }
  EXPECT_EQ(map.Size(), static_cast<std::size_t>(kKeys));
  EXPECT_FALSE(map.TryEmplace("person7@example.com", core::PersonId{99999}));  // first wins
  EXPECT_TRUE(map.TryEmplace("", core::PersonId{-1}));                         // a key too
  for (int i = 0; i < kKeys; ++i) {
    const std::string key = "person" + std::to_string(i) + "@example.com";
    const KeyMap::Entry* found = map.Find(key);
    ASSERT_NE(found, nullptr) << key;
    EXPECT_EQ(found->id.value, i);
    EXPECT_EQ(map.KeyOf(*found), key);
  }
  EXPECT_EQ(map.Find("")->id.value, -1);
  EXPECT_EQ(map.Find("person20000@example.com"), nullptr);
  EXPECT_EQ(map.Find("person7@example.co"), nullptr);   // a prefix is not the key
  EXPECT_EQ(map.Find("Person7@example.com"), nullptr);  // keys are compared as bytes

  KeyMap reserved;
  reserved.Reserve(1000);
  EXPECT_TRUE(reserved.TryEmplace("a", core::PersonId{1}));
  EXPECT_TRUE(reserved.TryEmplace("b", core::PersonId{2}));
  EXPECT_EQ(reserved.Find("b")->id.value, 2);
  EXPECT_EQ(reserved.Size(), 2U);
}

}  // namespace
}  // namespace allies::app::internal
