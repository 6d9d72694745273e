// Prometheus metrics in the text exposition format (version 0.0.4): counters,
// gauges and histograms, each a family of series told apart by labels.
//
// A family is declared once (name, help, type, and a histogram's bucket
// bounds); then series are updated by label values. Gauges that mirror live
// state (queue depth, calls in flight) are read through a callback when the
// page is rendered, so they are never stale. Render() writes families in
// declaration order and series in label order, so the output is deterministic.
//
// Thread-safe: one mutex guards everything; an update is a map lookup and an
// add. Label values are escaped as the format requires (backslash, quote,
// newline).

#ifndef DECLUTTER_SERVICE_SERVER_METRICS_H_
#define DECLUTTER_SERVICE_SERVER_METRICS_H_

#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"

namespace declutter::server {

// Label name -> value, in the order the family declared its label names.
using LabelValues = std::vector<std::string>;

class Metrics {
 public:
  Metrics() = default;
  Metrics(const Metrics&) = delete;
  Metrics& operator=(const Metrics&) = delete;

  // Declarations. `name` must be a valid metric name and unique; `labels` are
  // the label names every update of the family gives values for, in this order.
  void DeclareCounter(std::string name, std::string help,
                      std::vector<std::string> labels);
  void DeclareGauge(std::string name, std::string help,
                    std::function<double()> read);
  // `bounds` are the buckets' upper bounds, ascending; +Inf is added.
  void DeclareHistogram(std::string name, std::string help,
                        std::vector<std::string> labels,
                        std::vector<double> bounds);

  // Updates. An undeclared name, or label values of the wrong arity, are
  // ignored (a metrics slip must never fail a request).
  void Add(absl::string_view name, const LabelValues& labels, double by = 1);
  void Observe(absl::string_view name, const LabelValues& labels, double value);

  // The exposition text for GET /metrics.
  std::string Render() const;

  // Content-Type of Render()'s output.
  static constexpr char kContentType[] =
      "text/plain; version=0.0.4; charset=utf-8";

 private:
  enum class Type { kCounter, kGauge, kHistogram };
  struct Series {
    double value = 0;    // counter total; histogram sum
    uint64_t count = 0;  // histogram observations
    std::vector<uint64_t>
        buckets;  // histogram, non-cumulative per bound (+Inf last)
  };
  struct Family {
    std::string name;
    std::string help;
    Type type;
    std::vector<std::string> label_names;
    std::vector<double> bounds;
    std::function<double()> read;          // gauges
    std::map<LabelValues, Series> series;  // by label values
  };

  Family* Find(absl::string_view name) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  mutable absl::Mutex mu_;
  std::vector<Family> families_ ABSL_GUARDED_BY(mu_);
};

}  // namespace declutter::server

#endif  // DECLUTTER_SERVICE_SERVER_METRICS_H_
