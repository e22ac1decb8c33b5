// libFuzzer target: ReadContactsCsv (and so ReadCsv) on arbitrary bytes, with presets and with a
// --map, must return a result or an error; what it returns is written back and read again.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "formats/contacts_csv.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto file = allies::formats::ReadContactsCsv(bytes, {});
  if (file) {
    const std::string again = allies::formats::WriteContactsCsv(file->contacts);
    (void)allies::formats::ReadContactsCsv(again, {});
  }
  allies::formats::ContactsCsvOptions mapped;
  mapped.map = {{"Name", "name"}, {"Birthday", "birthday"}};
  (void)allies::formats::ReadContactsCsv(bytes, mapped);
  allies::formats::CsvOptions semicolon;
  semicolon.delimiter = ';';
  auto table = allies::formats::ReadCsv(bytes, semicolon);
  if (table) (void)allies::formats::WriteCsv(table->rows);
  return 0;
}
