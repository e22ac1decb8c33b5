#include "cli/table.h"

#include <sstream>

#include <gtest/gtest.h>

namespace allies::cli {
namespace {

TEST(TableTest, AlignsColumnsByDisplayWidthNotBytes) {
  Table table({{"NAME"}, {"N", Align::kRight}});
  table.AddRow({"José", "7"});
  table.AddRow({"Al", "12"});
  std::ostringstream out;
  table.Print(out);
  EXPECT_EQ(out.str(),
            "NAME   N\n"
            "────  ──\n"
            "José   7\n"
            "Al    12\n");
}

TEST(TableTest, IndentsEveryLine) {
  Table table({{"A"}});
  table.AddRow({"x"});
  std::ostringstream out;
  table.Print(out, 2);
  EXPECT_EQ(out.str(), "  A\n  ─\n  x\n");
}

TEST(TableTest, TruncateCutsAtWidthWithEllipsisAndKeepsUtf8Whole) {
  EXPECT_EQ(Truncate("abcdef", 4), "abc…");
  EXPECT_EQ(Truncate("ééééé", 3), "éé…");
  EXPECT_EQ(Truncate("short", 10), "short");
}

}  // namespace
}  // namespace allies::cli
