// Use cases for the scoring configuration and the demo database.

#include <fmt/format.h>

#include "app/app.h"
#include "app/internal.h"
#include "app/transaction.h"

namespace allies::app {

namespace {

ConfigRow MakeRow(const scoring::ParamInfo& info, const scoring::Params& params) {
  constexpr scoring::Params kDefaults{};
  ConfigRow row;
  row.key = std::string(info.key);
  row.value = scoring::FormatParam(params.*info.field);
  row.default_value = scoring::FormatParam(kDefaults.*info.field);
  row.is_default = params.*info.field == kDefaults.*info.field;
  row.description = std::string(info.description);
  return row;
}

}  // namespace

Result<std::vector<ConfigRow>> App::ConfigList() {
  return InTransaction([&]() -> Result<std::vector<ConfigRow>> {
    ALLIES_TRY(auto params, internal::LoadParams(store_));
    std::vector<ConfigRow> rows;
    for (const auto& info : scoring::ParamTable()) rows.push_back(MakeRow(info, params));
    return rows;
  });
}

Result<ConfigRow> App::ConfigGet(const std::string& key) {
  return InTransaction([&]() -> Result<ConfigRow> {
    ALLIES_TRY(auto info, scoring::FindParam(key));
    ALLIES_TRY(auto params, internal::LoadParams(store_));
    return MakeRow(*info, params);
  });
}

Result<ConfigRow> App::ConfigSet(const std::string& key, const std::string& value) {
  return InTransaction([&]() -> Result<ConfigRow> {
    ALLIES_TRY(auto info, scoring::FindParam(key));
    ALLIES_TRY(auto params, internal::LoadParams(store_));
    ALLIES_TRY_VOID(scoring::SetParam(params, key, value));
    ALLIES_TRY_VOID(store_.SetConfig(key, scoring::FormatParam(params.*info->field)));
    // Settings are checked together (layer sizes must grow, for example) before they are kept.
    ALLIES_TRY(auto stored, store_.LoadConfig());
    ALLIES_TRY_VOID(scoring::ParamsFrom(stored));
    return MakeRow(*info, params);
  });
}

Result<ConfigRow> App::ConfigReset(const std::string& key) {
  return InTransaction([&]() -> Result<ConfigRow> {
    ALLIES_TRY(auto info, scoring::FindParam(key));
    ALLIES_TRY_VOID(store_.UnsetConfig(key));
    ALLIES_TRY(auto params, internal::LoadParams(store_));
    return MakeRow(*info, params);
  });
}

Result<DemoSummary> App::Demo(const DemoOptions& options) {
  return InTransaction([&]() { return WriteDemo(store_, options, now_); });
}

}  // namespace allies::app
