#include "service/server/metrics.h"

#include <algorithm>
#include <cmath>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace declutter::server {
namespace {

// Label values escape backslash, double quote and line feed; help text escapes
// backslash and line feed.
std::string Escape(absl::string_view s, bool quote) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '"' && quote) {
      out += "\\\"";
    } else {
      out += c;
    }
  }
  return out;
}

std::string Number(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "+Inf" : "-Inf";
  if (v == std::floor(v) && std::fabs(v) < 1e15)
    return absl::StrFormat("%.0f", v);
  return absl::StrFormat("%.9g", v);
}

// `{a="x",b="y"}`, with `extra` (le="...") appended; "" when there are no
// labels.
std::string LabelText(const std::vector<std::string>& names,
                      const LabelValues& values, absl::string_view extra = "") {
  std::string out;
  for (size_t i = 0; i < names.size() && i < values.size(); ++i) {
    absl::StrAppend(&out, out.empty() ? "" : ",", names[i], "=\"",
                    Escape(values[i], true), "\"");
  }
  if (!extra.empty()) absl::StrAppend(&out, out.empty() ? "" : ",", extra);
  return out.empty() ? "" : absl::StrCat("{", out, "}");
}

}  // namespace

void Metrics::DeclareCounter(std::string name, std::string help,
                             std::vector<std::string> labels) {
  absl::MutexLock lock(&mu_);
  families_.push_back({std::move(name),
                       std::move(help),
                       Type::kCounter,
                       std::move(labels),
                       {},
                       nullptr,
                       {}});
}

void Metrics::DeclareGauge(std::string name, std::string help,
                           std::function<double()> read) {
  absl::MutexLock lock(&mu_);
  families_.push_back({std::move(name),
                       std::move(help),
                       Type::kGauge,
                       {},
                       {},
                       std::move(read),
                       {}});
}

void Metrics::DeclareHistogram(std::string name, std::string help,
                               std::vector<std::string> labels,
                               std::vector<double> bounds) {
  std::sort(bounds.begin(), bounds.end());
  absl::MutexLock lock(&mu_);
  families_.push_back({std::move(name),
                       std::move(help),
                       Type::kHistogram,
                       std::move(labels),
                       std::move(bounds),
                       nullptr,
                       {}});
}

Metrics::Family* Metrics::Find(absl::string_view name) {
  for (Family& f : families_) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

void Metrics::Add(absl::string_view name, const LabelValues& labels,
                  double by) {
  absl::MutexLock lock(&mu_);
  Family* f = Find(name);
  if (f == nullptr || f->type != Type::kCounter ||
      labels.size() != f->label_names.size() || !(by >= 0)) {
    return;  // counters only go up
  }
  f->series[labels].value += by;
}

void Metrics::Observe(absl::string_view name, const LabelValues& labels,
                      double value) {
  absl::MutexLock lock(&mu_);
  Family* f = Find(name);
  if (f == nullptr || f->type != Type::kHistogram ||
      labels.size() != f->label_names.size() || std::isnan(value)) {
    return;
  }
  Series& s = f->series[labels];
  if (s.buckets.empty()) s.buckets.assign(f->bounds.size() + 1, 0);
  const size_t bucket =
      std::lower_bound(f->bounds.begin(), f->bounds.end(), value) -
      f->bounds.begin();
  ++s.buckets[bucket];
  ++s.count;
  s.value += value;
}

std::string Metrics::Render() const {
  // Gauges are read outside the lock: their callbacks may take other locks.
  std::vector<std::function<double()>> reads;
  {
    absl::MutexLock lock(&mu_);
    for (size_t i = 0; i < families_.size(); ++i) {
      if (families_[i].type == Type::kGauge) reads.push_back(families_[i].read);
    }
  }
  std::vector<double> read_values;
  for (const auto& read : reads) read_values.push_back(read ? read() : 0);

  absl::MutexLock lock(&mu_);
  std::string out;
  size_t next_gauge = 0;
  for (const Family& f : families_) {
    const char* type = f.type == Type::kCounter ? "counter"
                       : f.type == Type::kGauge ? "gauge"
                                                : "histogram";
    absl::StrAppend(&out, "# HELP ", f.name, " ", Escape(f.help, false),
                    "\n# TYPE ", f.name, " ", type, "\n");
    if (f.type == Type::kGauge) {
      const double v =
          next_gauge < read_values.size() ? read_values[next_gauge] : 0;
      ++next_gauge;
      absl::StrAppend(&out, f.name, " ", Number(v), "\n");
      continue;
    }
    for (const auto& [labels, s] : f.series) {
      if (f.type == Type::kCounter) {
        absl::StrAppend(&out, f.name, LabelText(f.label_names, labels), " ",
                        Number(s.value), "\n");
        continue;
      }
      uint64_t cumulative = 0;
      for (size_t b = 0; b < s.buckets.size(); ++b) {
        cumulative += s.buckets[b];
        const std::string le =
            b < f.bounds.size() ? Number(f.bounds[b]) : "+Inf";
        absl::StrAppend(
            &out, f.name, "_bucket",
            LabelText(f.label_names, labels, absl::StrCat("le=\"", le, "\"")),
            " ", cumulative, "\n");
      }
      absl::StrAppend(&out, f.name, "_sum", LabelText(f.label_names, labels),
                      " ", Number(s.value), "\n", f.name, "_count",
                      LabelText(f.label_names, labels), " ", s.count, "\n");
    }
  }
  return out;
}

}  // namespace declutter::server
