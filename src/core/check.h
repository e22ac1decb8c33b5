#pragma once
// Broken invariants are bugs: ALLIES_CHECK aborts with file and line. User input must never
// reach one; validate it and return an Error instead.

#include <cstdio>
#include <cstdlib>

#define ALLIES_CHECK(condition)                                                             \
  do {                                                                                      \
    if (!(condition)) {                                                                     \
      std::fprintf(stderr, "%s:%d: internal error: check failed: %s\n", __FILE__, __LINE__, \
                   #condition);                                                             \
      std::abort();                                                                         \
    }                                                                                       \
  } while (false)
