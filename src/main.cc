// Wiring: the one place that names the concrete store.

#include <iostream>

#include "cli/cli.h"
#include "store/sqlite/sqlite_store.h"

int main(int argc, char** argv) {
  return allies::cli::Run(argc, argv, allies::store::OpenSqliteStore, std::cout, std::cerr);
}
