#!/usr/bin/env bash
# Speed of two builds of the engine, measured the way declutter-speed measures one:
# (b)/(a), the engine on one thread over Gumbo's bare parse in the same process. The
# two builds run in turn, RUNS times each, so the machine's load falls on both alike.
# Usage: bench/speed/compare_builds.sh BEFORE_SPEED AFTER_SPEED PAGES_DIR [RUNS]
#   e.g. bench/speed/compare_builds.sh /tmp/before/declutter-speed \
#          build/bench/speed/declutter-speed ../shared/data/scrapinghub/html 5
# Prints each run's (b)/(a), the median per build and after/before of the medians.
set -euo pipefail
before=$1
after=$2
pages=$3
runs=${4:-5}
ratio() { "$1" --pages "$pages" --rounds 1 | sed -n 's/^(b)\/(a) = \([0-9.]*\).*/\1/p'; }
declare -a b_ratios a_ratios
for ((i = 1; i <= runs; i++)); do
  b_ratios+=("$(ratio "$before")")
  a_ratios+=("$(ratio "$after")")
  echo "run $i: before (b)/(a) = ${b_ratios[-1]}  after (b)/(a) = ${a_ratios[-1]}"
done
python3 - "${b_ratios[*]}" "${a_ratios[*]}" <<'PY'
import statistics, sys
before = [float(x) for x in sys.argv[1].split()]
after = [float(x) for x in sys.argv[2].split()]
mb, ma = statistics.median(before), statistics.median(after)
print(f"median (b)/(a): before {mb:.3f}, after {ma:.3f}; after/before = {ma / mb:.3f}")
PY
