#pragma once
// A small pseudo-random generator that gives the same numbers on every platform (the standard
// library's distributions are implementation-defined): for generated data that must be
// reproducible from its seed, such as the demo organization and the benchmark networks.

#include <cstdint>
#include <limits>

namespace allies::core {

// xoshiro256** (Blackman & Vigna, "Scrambled linear pseudorandom number generators", 2021),
// its four words of state seeded by four successive outputs of splitmix64 (Steele, Lea & Flood
// 2014) started at `seed`, as its authors recommend. Not for cryptography. O(1) per number.
class Random {
 public:
  explicit Random(std::uint64_t seed) {
    for (auto& word : state_) word = SplitMix(seed);
  }

  // The next 64 random bits.
  std::uint64_t Next() {
    const std::uint64_t result = Rotl(state_[1] * 5, 7) * 9;
    const std::uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = Rotl(state_[3], 45);
    return result;
  }

  // Uniform in [0, 1), from the 53 high bits of Next().
  double Uniform() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }

  // Uniform in [0, n) for n > 0, without bias: draws above the largest multiple of n are
  // drawn again.
  std::uint64_t Below(std::uint64_t n) {
    const std::uint64_t limit =
        std::numeric_limits<std::uint64_t>::max() - std::numeric_limits<std::uint64_t>::max() % n;
    std::uint64_t x = Next();
    while (x >= limit) x = Next();
    return x % n;
  }

  // splitmix64: advances `x` and returns its next output.
  static std::uint64_t SplitMix(std::uint64_t& x) {
    std::uint64_t z = (x += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }

 private:
  static std::uint64_t Rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

  std::uint64_t state_[4]{};
};

}  // namespace allies::core
