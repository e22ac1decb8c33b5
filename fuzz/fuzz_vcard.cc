// libFuzzer target for the vCard reader: any bytes must give a result or an error, and whatever
// is read must survive writing and reading again.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "formats/vcard.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto file = allies::formats::ReadVcard(bytes);
  if (!file) return 0;
  const std::string written = allies::formats::WriteVcard(file->contacts);
  auto again = allies::formats::ReadVcard(written);
  // Everything the reader accepted, the writer must write in a form the reader accepts.
  if (!file->contacts.empty() && (!again || again->contacts.size() != file->contacts.size())) {
    std::abort();
  }
  return 0;
}
