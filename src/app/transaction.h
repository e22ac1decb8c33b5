#pragma once
// App::InTransaction, shared by the use-case files of the app layer.

#include "app/app.h"

namespace allies::app {

template <class Body>
auto App::InTransaction(Body&& body, bool load) -> decltype(body()) {
  if (auto begun = load ? store_.BeginLoad(now_) : store_.Begin(now_); !begun) {
    return tl::unexpected<core::Error>(std::move(begun).error());
  }
  auto result = body();
  if (!result) {
    store_.Rollback();
    return result;
  }
  if (auto committed = store_.Commit(); !committed) {
    store_.Rollback();
    return tl::unexpected<core::Error>(std::move(committed).error());
  }
  return result;
}

}  // namespace allies::app
