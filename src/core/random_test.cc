#include "core/random.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

namespace allies::core {
namespace {

TEST(RandomTest, SplitMixMatchesItsPublishedFirstOutput) {
  // splitmix64 started at 0: first output 0xe220a8397b1dcdaf (the reference implementation's).
  std::uint64_t state = 0;
  EXPECT_EQ(Random::SplitMix(state), 0xe220a8397b1dcdafULL);
  EXPECT_EQ(state, 0x9E3779B97F4A7C15ULL);
}

TEST(RandomTest, XoshiroStreamMatchesAnIndependentImplementation) {
  // Values from a separate Python transcription of splitmix64 seeding and xoshiro256**.
  Random one(1);
  EXPECT_EQ(one.Next(), 0xb3f2af6d0fc710c5ULL);
  EXPECT_EQ(one.Next(), 0x853b559647364ceaULL);
  EXPECT_EQ(one.Next(), 0x92f89756082a4514ULL);
  Random bench(20261126);
  EXPECT_EQ(bench.Next(), 0xbb217b1b1950f720ULL);
  EXPECT_EQ(bench.Next(), 0x4d04dd8bceddb504ULL);
}

TEST(RandomTest, UniformIsTheTop53BitsScaledIntoTheUnitInterval) {
  Random random(1);
  EXPECT_EQ(random.Uniform(), static_cast<double>(0xb3f2af6d0fc710c5ULL >> 11) * 0x1.0p-53);
  for (int i = 0; i < 10000; ++i) {
    double u = random.Uniform();
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
  }
}

TEST(RandomTest, BelowStaysInRangeAndHitsEveryValue) {
  Random random(7);
  std::vector<int> hits(6, 0);
  for (int i = 0; i < 6000; ++i) {
    std::uint64_t x = random.Below(6);
    ASSERT_LT(x, 6U);
    ++hits[x];
  }
  // 1,000 expected each; 6 standard deviations is about 170.
  for (int count : hits) EXPECT_NEAR(count, 1000, 170);
  EXPECT_EQ(random.Below(1), 0U);
}

}  // namespace
}  // namespace allies::core
