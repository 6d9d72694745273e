// The bridge between the API and the engine: runs extract::Clean on a
// CleanRequest and fills a CleanResponse. No gRPC in it, so the server and the
// in-process CLI clean pages the same way through the same code. The server and
// `clean --timeout` bound a page with PageBudget; `batch --local` sets no
// limit.
//
// Stateless; thread-safe. The request is only borrowed for the call.

#ifndef DECLUTTER_SERVICE_API_REQUEST_CLEANER_H_
#define DECLUTTER_SERVICE_API_REQUEST_CLEANER_H_

#include <functional>
#include <string>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "proto/declutter/v1/declutter.pb.h"
#include "service/extract/result.h"
#include "service/extract/work_budget.h"

namespace declutter::api {

class RequestCleaner {
 public:
  // Loads the engine's built-in models (extract::LoadBuiltinModels): servers
  // call it before serving. The load error, if any.
  static absl::Status LoadModels();

  // Cleans `request` into `response` (whose `id` is always set). A page that
  // cannot be cleaned returns its error status; `response->input` is still
  // filled as far as it got. `budget` (may be null: no limit) bounds the
  // engine's time; `removed_counts` (may be null) receives the dropped blocks
  // per kind, reported or not.
  static absl::Status Clean(const v1::CleanRequest& request,
                            v1::CleanResponse* response,
                            extract::WorkBudget* budget = nullptr,
                            extract::RemovedCounts* removed_counts = nullptr);

  // Sets `response->error` from `status` (for stream items).
  static void SetError(const absl::Status& status, v1::CleanResponse* response);
};

// The budget of one page starting now: `time_limit` of engine time, or less
// when the caller's `deadline` (InfiniteFuture: none) comes sooner; `cancelled`
// (may be empty) stops it early. The server passes its per-page budget, the
// call's deadline and cancellation; the in-process CLI its --timeout. `limit`
// names the limits for the error a page that runs out gets; the caller keeps it
// alive as long as the budget.
extract::WorkBudget PageBudget(absl::Duration time_limit,
                               absl::Time deadline = absl::InfiniteFuture(),
                               std::function<bool()> cancelled = nullptr,
                               absl::string_view limit = "the page's deadline");

}  // namespace declutter::api

#endif  // DECLUTTER_SERVICE_API_REQUEST_CLEANER_H_
