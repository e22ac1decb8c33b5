#include "formats/charset.h"

#include <iconv.h>

#include <cerrno>
#include <cstddef>
#include <string>

#include <fmt/format.h>

#include "core/text.h"

namespace allies::formats {
namespace {

using core::ErrorCode;
using core::Fail;

// Length of the well-formed UTF-8 sequence at the start of `bytes`, or 0 when there is none.
std::size_t Utf8SequenceLength(std::string_view bytes) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(bytes[i]); };
  const auto continuation = [&](std::size_t i) {
    return i < bytes.size() && (byte(i) & 0xC0) == 0x80;
  };
  const unsigned char lead = byte(0);
  if (lead < 0x80) return 1;
  if (lead < 0xC2) return 0;  // a continuation byte, or an overlong 2-byte lead
  if (lead < 0xE0) return continuation(1) ? 2 : 0;
  if (lead < 0xF0) {
    if (!continuation(1) || !continuation(2)) return 0;
    if (lead == 0xE0 && byte(1) < 0xA0) return 0;   // overlong
    if (lead == 0xED && byte(1) >= 0xA0) return 0;  // surrogates
    return 3;
  }
  if (lead < 0xF5) {
    if (!continuation(1) || !continuation(2) || !continuation(3)) return 0;
    if (lead == 0xF0 && byte(1) < 0x90) return 0;   // overlong
    if (lead == 0xF4 && byte(1) >= 0x90) return 0;  // above U+10FFFF
    return 4;
  }
  return 0;
}

bool IsUtf8Name(std::string_view charset) {
  const std::string key = core::FoldCase(charset);
  return key == "utf-8" || key == "utf8";
}

// Owns an iconv conversion descriptor.
class Converter {
 public:
  explicit Converter(iconv_t cd) : cd_(cd) {}
  ~Converter() {
    if (Ok()) iconv_close(cd_);
  }
  Converter(const Converter&) = delete;
  Converter& operator=(const Converter&) = delete;
  // iconv_open reports failure as (iconv_t)-1.
  bool Ok() const {
    return cd_ != reinterpret_cast<iconv_t>(-1);  // NOLINT(performance-no-int-to-ptr)
  }
  iconv_t Get() const { return cd_; }

 private:
  iconv_t cd_;
};

}  // namespace

bool IsValidUtf8(std::string_view bytes) {
  for (std::size_t i = 0; i < bytes.size();) {
    const std::size_t n = Utf8SequenceLength(bytes.substr(i));
    if (n == 0) return false;
    i += n;
  }
  return true;
}

std::string RepairUtf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  for (std::size_t i = 0; i < bytes.size();) {
    const std::size_t n = Utf8SequenceLength(bytes.substr(i));
    if (n == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out.append(bytes.substr(i, n));
      i += n;
    }
  }
  return out;
}

core::Result<std::string> ToUtf8(std::string_view bytes, std::string_view charset) {
  if (IsUtf8Name(charset)) {
    if (!IsValidUtf8(bytes)) {
      std::size_t offset = 0;
      while (offset < bytes.size()) {
        const std::size_t n = Utf8SequenceLength(bytes.substr(offset));
        if (n == 0) break;
        offset += n;
      }
      return Fail(ErrorCode::kInvalidArgument,
                  fmt::format("the text is not valid UTF-8 (byte {} is 0x{:02X})", offset,
                              static_cast<unsigned char>(bytes[offset])));
    }
    return std::string(bytes);
  }
  const std::string from(charset);
  Converter converter(iconv_open("UTF-8", from.c_str()));
  if (!converter.Ok()) {
    return Fail(ErrorCode::kInvalidArgument,
                fmt::format("unknown charset \"{}\" (expected UTF-8, ISO-8859-1, windows-1252, "
                            "Shift_JIS, UTF-16LE or another name iconv knows)",
                            charset));
  }
  std::string out(bytes.size() * 2 + 16, '\0');
  // iconv's interface takes non-const pointers; it does not write through the input one.
  char* in = const_cast<char*>(bytes.data());  // NOLINT(cppcoreguidelines-pro-type-const-cast)
  std::size_t in_left = bytes.size();
  std::size_t written = 0;
  while (in_left > 0) {
    char* dst = out.data() + written;
    std::size_t out_left = out.size() - written;
    const std::size_t rc = iconv(converter.Get(), &in, &in_left, &dst, &out_left);
    written = out.size() - out_left;
    if (rc != static_cast<std::size_t>(-1)) break;
    if (errno == E2BIG) {
      out.resize(out.size() * 2);
      continue;
    }
    const auto offset = static_cast<std::size_t>(in - bytes.data());
    return Fail(ErrorCode::kInvalidArgument,
                fmt::format("the text is not valid {} (byte {})", charset, offset));
  }
  out.resize(written);
  return out;
}

}  // namespace allies::formats
