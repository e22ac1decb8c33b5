#include "formats/snapshot.h"

#include <gtest/gtest.h>
