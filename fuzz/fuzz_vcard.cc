// libFuzzer target for the vCard reader: any bytes must give a result or an error, the same
// whether the file is read in one part or in several at once (as ReadVcard reads large files),
// and whatever is read must survive writing and reading again.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "formats/vcard.h"

namespace {

bool SameErrors(const allies::formats::ContactFile& a, const allies::formats::ContactFile& b) {
  if (a.errors.size() != b.errors.size()) return false;
  for (std::size_t i = 0; i < a.errors.size(); ++i) {
    if (a.errors[i].line != b.errors[i].line || a.errors[i].message != b.errors[i].message) {
      return false;
    }
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto file = allies::formats::ReadVcard(bytes);
  // Two to four parts, cut where the reader may cut: the same contacts, lines and errors.
  constexpr std::size_t kMostParts = 4;
  const std::size_t parts = 2 + size % (kMostParts - 1);
  auto split = allies::formats::vcard_internal::ReadVcardInParts(bytes, parts);
  if (!file) {
    if (split || split.error().message != file.error().message) std::abort();
    return 0;
  }
  if (!split || split->format != file->format || !SameErrors(*split, *file) ||
      split->contacts.size() != file->contacts.size()) {
    std::abort();
  }
  for (std::size_t i = 0; i < file->contacts.size(); ++i) {
    if (split->contacts[i].line != file->contacts[i].line) std::abort();
  }
  const std::string written = allies::formats::WriteVcard(file->contacts);
  if (allies::formats::WriteVcard(split->contacts) != written) std::abort();
  auto again = allies::formats::ReadVcard(written);
  // Everything the reader accepted, the writer must write in a form the reader accepts.
  if (!file->contacts.empty() && (!again || again->contacts.size() != file->contacts.size())) {
    std::abort();
  }
  return 0;
}
