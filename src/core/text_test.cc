#include "core/text.h"

#include <gtest/gtest.h>

namespace allies::core {
namespace {

TEST(TextTest, FoldCaseLowersAsciiAndAccentedLatin) {
  EXPECT_EQ(FoldCase("ÉLODIE Ångström"), "élodie ångström");
  EXPECT_EQ(FoldCase("ŁUKASZ ŚWIĄTEK"), "łukasz świątek");
  EXPECT_EQ(FoldCase("ДМИТРИЙ"), "дмитрий");
}

TEST(TextTest, FoldCaseKeepsMultiplicationSignAndInvalidBytes) {
  EXPECT_EQ(FoldCase("A×B"), "a×b");
  std::string invalid = "A\xff\xfe";
  EXPECT_EQ(FoldCase(invalid), "a\xff\xfe");
}

TEST(TextTest, NameKeyCollapsesSpacesAndCase) {
  EXPECT_EQ(NameKey("  Maria   DA  Silva "), "maria da silva");
  EXPECT_EQ(NameKey("José\tÁlvarez"), "josé álvarez");
}

TEST(TextTest, DisplayWidthCountsCodePointsAndWideCharacters) {
  EXPECT_EQ(DisplayWidth("abc"), 3u);
  EXPECT_EQ(DisplayWidth("José"), 4u);
  EXPECT_EQ(DisplayWidth("Jose\xcc\x81"), 4u);  // e + combining acute
  EXPECT_EQ(DisplayWidth("山田"), 4u);
}

TEST(TextTest, ContainsFoldedIgnoresCase) {
  EXPECT_TRUE(ContainsFolded("Disaster Recovery runbook", "RECOVERY"));
  EXPECT_FALSE(ContainsFolded("Disaster Recovery", "budget"));
}

TEST(TextTest, JoinSeparates) {
  EXPECT_EQ(Join({"a", "b", "c"}, ", "), "a, b, c");
  EXPECT_EQ(Join({}, ", "), "");
}

}  // namespace
TEST(TextTest, WordTextSeparatesWordsWithSingleSpaces) {
  EXPECT_EQ(WordText("Budget/ERP-upgrade!"), " budget erp upgrade ");
  EXPECT_EQ(WordText("  Élodie  "), " élodie ");
  EXPECT_EQ(WordText(""), " ");
}

TEST(TextTest, HasPhraseFindsWholeWordsInOrder) {
  EXPECT_TRUE(HasPhrase("Asked for the ERP upgrade budget", "erp  Upgrade"));
  EXPECT_TRUE(HasPhrase("Data privacy, please", "DATA PRIVACY"));
  EXPECT_FALSE(HasPhrase("Asked for the ERP upgrade budget", "upgrade erp"));
  EXPECT_FALSE(HasPhrase("recall the team", "call"));
  EXPECT_FALSE(HasPhrase("anything", " - "));  // no words: matches nothing
}

}  // namespace allies::core
