#!/usr/bin/env bash
# Compares what two builds of the CLI return for the same pages: article (text and
# metadata), removed blocks with their reasons and input facts, with timings dropped.
# For refactors that must not change any page's output.
# Usage: scripts/compare_outputs.sh BEFORE_CLI AFTER_CLI [WORK_DIR]
#   e.g. scripts/compare_outputs.sh /tmp/before/declutter build/client/declutter
# Sets: scrapinghub, wcxb-dev, magic-html (articles, forums), gne-zh and the seeds, from
# ../shared. Prints per set the pages compared and the pages that differ (their ids);
# exits 1 when any page differs. Relative dates ("3 weeks ago") count from the time of
# the run, so a run that crosses midnight UTC may differ in their dates: run it again.
set -euo pipefail
cd "$(dirname "$0")/.."
before=$1
after=$2
work=${3:-$(mktemp -d)}
shared=${DECLUTTER_SHARED:-../shared}
mkdir -p "$work"
status=0
for set in scrapinghub/html wcxb-dev/html magic-html/article/html magic-html/forum/html \
           gne-zh/html seeds; do
  dir="$shared/data/$set"
  [ "$set" = seeds ] && dir="$shared/seeds"
  [ -d "$dir" ] || { echo "$set: missing ($dir)"; status=1; continue; }
  name=${set//\//-}
  for side in before after; do
    cli=$before
    [ "$side" = after ] && cli=$after
    # Seeds hold .expected.json beside each page: clean the pages only.
    if [ "$set" = seeds ]; then
      "$cli" clean --format jsonl --removed "$dir"/*.txt > "$work/$name.$side.jsonl" || true
    else
      "$cli" clean --format jsonl --removed "$dir" > "$work/$name.$side.jsonl" || true
    fi
  done
  python3 - "$work/$name.before.jsonl" "$work/$name.after.jsonl" "$set" <<'PY' || status=1
import json, sys
def load(path):
    pages = {}
    for line in open(path, encoding="utf-8"):
        r = json.loads(line)
        r.pop("timings", None)
        pages[r.get("id")] = json.dumps(r, sort_keys=True, ensure_ascii=False)
    return pages
before, after = load(sys.argv[1]), load(sys.argv[2])
differ = sorted(i for i in before.keys() | after.keys() if before.get(i) != after.get(i))
print(f"{sys.argv[3]}: {len(before)} pages, {len(differ)} differ")
for i in differ[:20]:
    print("  ", i)
sys.exit(1 if differ else 0)
PY
done
exit $status
