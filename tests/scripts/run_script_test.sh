#!/usr/bin/env bash
# scripts/run.sh as a user runs it (on the binaries already built, free ports, stopping
# after the demo): it cleans the sample pages, each with its title, and not
# samples/README.md, which only describes them.
# Usage: run_script_test.sh BUILD_DIR
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out=$(SKIP_BUILD=1 RUN_ONCE=1 BUILD_DIR="$1" LISTEN=127.0.0.1:0 METRICS_LISTEN=127.0.0.1:0 \
  bash "$root/scripts/run.sh" 2>&1) || { echo "run.sh failed:"; echo "$out"; exit 1; }
fail=0
for want in "==> samples/harbor-news.html <==" "# Harbor bridge reopens after two-year repair" \
            "==> samples/city-fitness-gbk.html <==" "# 我市召开全民健身工作推进会" \
            "==> samples/nanyang-health-scraped.txt <==" "[removed navigation]"; do
  grep -qF -- "$want" <<< "$out" || { echo "missing from run.sh's output: $want"; fail=1; }
done
if grep -qF "samples/README.md" <<< "$out"; then
  echo "run.sh cleaned samples/README.md, which is not a page"; fail=1
fi
[ $fail -eq 0 ] || { echo "--- run.sh's output:"; echo "$out"; }
exit $fail
