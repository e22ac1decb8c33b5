#include "graph/reference_networks.h"

#include <gtest/gtest.h>

#include <cmath>

namespace allies::graph::testing {
namespace {

TEST(ReferenceNetworksTest, EveryVariantLoadsWithOneRowPerNode) {
  struct Expected {
    NodeId nodes;
    std::size_t edges;
    bool directed;
    bool weighted;
  };
  const std::vector<Expected> expected = {
      {16, 20, false, false}, {34, 78, false, true}, {21, 190, true, false},
      {21, 102, true, false}, {21, 20, true, false}, {81, 817, true, true},
  };
  std::vector<std::string> variants = ReferenceVariants();
  ASSERT_EQ(variants.size(), expected.size());
  for (std::size_t i = 0; i < variants.size(); ++i) {
    auto network = LoadReferenceNetwork(variants[i]);
    ASSERT_TRUE(network) << variants[i] << ": " << network.error().message;
    EXPECT_EQ(network->graph.NodeCount(), expected[i].nodes) << variants[i];
    EXPECT_EQ(network->graph.EdgeCount(), expected[i].edges) << variants[i];
    EXPECT_EQ(network->graph.Directed(), expected[i].directed) << variants[i];
    EXPECT_EQ(network->weighted, expected[i].weighted) << variants[i];
    ASSERT_EQ(network->rows.size(), expected[i].nodes) << variants[i];
    for (const ReferenceRow& row : network->rows) {
      EXPECT_TRUE(row.pagerank && row.pagerank_unweighted && row.betweenness && row.constraint &&
                  row.effective_size)
          << variants[i] << " " << row.label;
      EXPECT_EQ(row.betweenness_weighted_inverse.has_value(), expected[i].weighted);
      EXPECT_EQ(row.betweenness_weighted_neglog_exact.has_value(), expected[i].weighted);
    }
  }
}

// The 4-decimal values of the shared REFERENCE.md, read back from the full-precision files.
TEST(ReferenceNetworksTest, FlorentineRowsHoldThePublishedMediciValues) {
  auto florentine = LoadReferenceNetwork("florentine");
  ASSERT_TRUE(florentine) << florentine.error().message;
  auto medici = FindLabel(*florentine, "Medici");
  ASSERT_TRUE(medici);
  EXPECT_NEAR(*florentine->rows[*medici].betweenness, 0.4524, 5e-5);
  EXPECT_NEAR(*florentine->rows[*medici].constraint, 0.2099, 5e-5);
  EXPECT_NEAR(*florentine->rows[*medici].pagerank, 0.1444, 5e-5);
  auto pucci = FindLabel(*florentine, "Pucci");
  ASSERT_TRUE(pucci);
  EXPECT_EQ(florentine->graph.OutDegree(*pucci), 0u);
  EXPECT_TRUE(std::isnan(*florentine->rows[*pucci].constraint));  // NetworkX: nan for isolates
}

TEST(ReferenceNetworksTest, KrackhardtGroupsAreDepartmentsAndEdgesPointFromEgo) {
  auto reports_to = LoadReferenceNetwork("krackhardt_reports_to");
  ASSERT_TRUE(reports_to) << reports_to.error().message;
  auto ceo = FindLabel(*reports_to, "7");
  ASSERT_TRUE(ceo);
  EXPECT_EQ(reports_to->groups[*ceo], "0");
  EXPECT_EQ(reports_to->graph.OutDegree(*ceo), 0u);  // the CEO reports to nobody
  EXPECT_EQ(reports_to->graph.InDegree(*ceo), 4u);
  EXPECT_NEAR(*reports_to->rows[*ceo].pagerank, 0.322, 5e-5);
}

TEST(ReferenceNetworksTest, StrengthGraphDividesWeightsByTheDenominator) {
  auto karate = LoadReferenceNetwork("karate");
  ASSERT_TRUE(karate) << karate.error().message;
  EXPECT_EQ(karate->strength_denominator, 8.0);  // the heaviest tie, 7, plus 1
  auto strengths = StrengthGraph(*karate);
  ASSERT_TRUE(strengths) << strengths.error().message;
  auto mr_hi = FindLabel(*karate, "Mr Hi");
  auto actor3 = FindLabel(*karate, "Actor 3");
  ASSERT_TRUE(mr_hi && actor3);
  EXPECT_EQ(karate->graph.Weight(*mr_hi, *actor3), 5.0f);
  EXPECT_EQ(strengths->Weight(*mr_hi, *actor3), 5.0f / 8.0f);
  auto florentine = LoadReferenceNetwork("florentine");
  ASSERT_TRUE(florentine) << florentine.error().message;
  EXPECT_FALSE(StrengthGraph(*florentine));
}

TEST(ReferenceNetworksTest, ColumnIsByNodeIdWithNaNForEmptyCells) {
  auto advice = LoadReferenceNetwork("krackhardt_advice");
  ASSERT_TRUE(advice) << advice.error().message;
  std::vector<double> betweenness = Column(*advice, &ReferenceRow::betweenness);
  ASSERT_EQ(betweenness.size(), 21u);
  EXPECT_NEAR(betweenness[*FindLabel(*advice, "18")], 0.234, 5e-5);
  std::vector<double> inverse = Column(*advice, &ReferenceRow::betweenness_weighted_inverse);
  EXPECT_TRUE(std::isnan(inverse[0]));  // unweighted variant: no weighted column
}

TEST(ReferenceNetworksTest, UnknownVariantNamesTheMissingFile) {
  auto missing = LoadReferenceNetwork("no_such_network");
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().message.find("no_such_network/edges.txt"), std::string::npos)
      << missing.error().message;
}

}  // namespace
}  // namespace allies::graph::testing
