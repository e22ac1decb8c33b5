// libFuzzer target for the full-export reader: any bytes must give a snapshot or an error, and a
// snapshot read must be written and read again to the same bytes.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "formats/snapshot.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  (void)allies::formats::LooksLikeSnapshot(bytes);
  auto snapshot = allies::formats::ReadSnapshot(bytes);
  if (!snapshot) return 0;
  const std::string written = allies::formats::WriteSnapshot(*snapshot);
  auto again = allies::formats::ReadSnapshot(written);
  if (!again || allies::formats::WriteSnapshot(*again) != written) std::abort();
  return 0;
}
