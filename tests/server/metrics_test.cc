#include "service/server/metrics.h"

#include <string>
#include <thread>
#include <vector>

#include "gtest/gtest.h"

namespace declutter::server {
namespace {

TEST(MetricsTest, CountersRenderByLabelsWithHelpAndType) {
  Metrics m;
  m.DeclareCounter("declutter_requests_total", "Calls by method and code.",
                   {"method", "code"});
  m.Add("declutter_requests_total", {"Clean", "OK"});
  m.Add("declutter_requests_total", {"Clean", "OK"}, 2);
  m.Add("declutter_requests_total", {"CleanStream", "RESOURCE_EXHAUSTED"});
  EXPECT_EQ(m.Render(),
            "# HELP declutter_requests_total Calls by method and code.\n"
            "# TYPE declutter_requests_total counter\n"
            "declutter_requests_total{method=\"Clean\",code=\"OK\"} 3\n"
            "declutter_requests_total{method=\"CleanStream\",code=\"RESOURCE_"
            "EXHAUSTED\"} 1\n");
}

TEST(MetricsTest, HistogramBucketsAreCumulativeWithInfSumAndCount) {
  Metrics m;
  m.DeclareHistogram("latency_seconds", "Latency.", {"method"}, {0.1, 1});
  m.Observe("latency_seconds", {"Clean"}, 0.05);
  m.Observe("latency_seconds", {"Clean"},
            0.1);  // on a bound: counts in that bucket
  m.Observe("latency_seconds", {"Clean"}, 0.5);
  m.Observe("latency_seconds", {"Clean"}, 7);
  EXPECT_EQ(m.Render(),
            "# HELP latency_seconds Latency.\n"
            "# TYPE latency_seconds histogram\n"
            "latency_seconds_bucket{method=\"Clean\",le=\"0.1\"} 2\n"
            "latency_seconds_bucket{method=\"Clean\",le=\"1\"} 3\n"
            "latency_seconds_bucket{method=\"Clean\",le=\"+Inf\"} 4\n"
            "latency_seconds_sum{method=\"Clean\"} 7.65\n"
            "latency_seconds_count{method=\"Clean\"} 4\n");
}

TEST(MetricsTest, GaugesAreReadWhenRendered) {
  Metrics m;
  int depth = 3;
  m.DeclareGauge("queue_depth", "Waiting pages.", [&] { return depth; });
  EXPECT_NE(m.Render().find("queue_depth 3\n"), std::string::npos);
  depth = 5;
  EXPECT_NE(m.Render().find("queue_depth 5\n"), std::string::npos);
}

TEST(MetricsTest, LabelValuesAndHelpAreEscaped) {
  Metrics m;
  m.DeclareCounter("pages_total", "Pages\nby charset \\ kind.", {"charset"});
  m.Add("pages_total", {"a\"b\\c\nd"});
  const std::string text = m.Render();
  EXPECT_NE(text.find("# HELP pages_total Pages\\nby charset \\\\ kind.\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("pages_total{charset=\"a\\\"b\\\\c\\nd\"} 1\n"),
            std::string::npos)
      << text;
}

TEST(MetricsTest, MistakesAreIgnoredNotFatal) {
  Metrics m;
  m.DeclareCounter("c_total", "C.", {"a"});
  m.Add("undeclared_total", {"x"});
  m.Add("c_total", {"x", "too many"});
  m.Add("c_total", {"x"}, -1);     // counters never go down
  m.Observe("c_total", {"x"}, 1);  // not a histogram
  EXPECT_EQ(m.Render(), "# HELP c_total C.\n# TYPE c_total counter\n");
}

TEST(MetricsTest, ConcurrentUpdatesAreAllCounted) {
  Metrics m;
  m.DeclareCounter("n_total", "N.", {});
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 10000; ++i) m.Add("n_total", {});
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_NE(m.Render().find("n_total 40000\n"), std::string::npos);
}

}  // namespace
}  // namespace declutter::server
