#pragma once
// The `allies` command line: parses argv, opens the store, runs one use case and prints its
// result as a table or as JSON. Exit codes (documented in README.md):
//   0 success · 1 internal error · 2 bad usage or invalid value · 3 not found
//   4 conflict (ambiguous, already exists, newer database) · 5 file or database error

#include <functional>
#include <memory>
#include <ostream>
#include <string>

#include "core/result.h"
#include "store/store.h"

namespace allies::cli {

// Opens the store at a path; main.cc supplies the concrete back end.
using StoreOpener =
    std::function<core::Result<std::unique_ptr<store::Store>>(const std::string& path)>;

// Runs one command. Normal output goes to `out`, errors (as "error: ...") to `err`.
int Run(int argc, const char* const* argv, const StoreOpener& open_store, std::ostream& out,
        std::ostream& err);

int ExitCode(core::ErrorCode code);

}  // namespace allies::cli
