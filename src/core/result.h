#pragma once
// Errors as values: every expected failure (bad input, not found, conflict, I/O) is returned as a
// Result<T>. Exceptions from third-party code are caught in the adapter that calls it.

#include <string>
#include <utility>

#include <tl/expected.hpp>

namespace allies::core {

enum class ErrorCode {
  kInvalidArgument,  // the user gave a value that is not accepted
  kNotFound,         // a named person, organization or record does not exist
  kAlreadyExists,    // creating something that must be unique
  kConflict,         // ambiguous names, incompatible database versions, states that forbid the step
  kIo,               // files and the database
  kInternal,         // a bug: should never reach a user
};

// One sentence for a person: quotes the bad value and says what is accepted.
struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;
};

// The one alias: switching to C++23's std::expected is a change here only.
template <class T>
using Result = tl::expected<T, Error>;

inline tl::unexpected<Error> Fail(ErrorCode code, std::string message) {
  return tl::unexpected<Error>(Error{code, std::move(message)});
}

// Stable lower-case name of a code ("invalid_argument", ...), used in JSON error output.
const char* ErrorCodeName(ErrorCode code);

}  // namespace allies::core

// The declaration argument cannot be parenthesized, so the check is off for these macros.
// NOLINTBEGIN(bugprone-macro-parentheses)

// Propagates the error of a Result-returning expression, or yields its value.
// Usage: ALLIES_TRY(auto person, store.GetPerson(id));
#define ALLIES_CONCAT_INNER(a, b) a##b
#define ALLIES_CONCAT(a, b) ALLIES_CONCAT_INNER(a, b)
#define ALLIES_TRY_IMPL(tmp, decl, expr)                                            \
  auto tmp = (expr);                                                                \
  if (!tmp) return ::tl::unexpected<::allies::core::Error>(std::move(tmp).error()); \
  decl = std::move(*tmp)
#define ALLIES_TRY(decl, expr) ALLIES_TRY_IMPL(ALLIES_CONCAT(try_result_, __LINE__), decl, expr)

// Same for Result<void>.
#define ALLIES_TRY_VOID(expr)                                                             \
  do {                                                                                    \
    auto try_void_result = (expr);                                                        \
    if (!try_void_result)                                                                 \
      return ::tl::unexpected<::allies::core::Error>(std::move(try_void_result).error()); \
  } while (false)

// NOLINTEND(bugprone-macro-parentheses)
