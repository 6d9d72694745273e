#!/usr/bin/env bash
# Retrains every learned model from ../shared/data with fixed seeds and prints the
# figures they give (issue 23). Today: the block model, cross-validated on wcxb-dev
# with folds grouped by domain, and checked on scrapinghub and magic-html, which it
# is never trained on; and the text-block model, the same on wcxb-dev flattened to
# text (train/flatten_html.py), checked on the seeds.
# Usage: train/train.sh [OUT_DIR]   (default: build/train; rows and models go there)
# Environment: SHARED (default ../shared), BUILD_DIR (default build).
# Writes block_model.json and text_block_model.json to OUT_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${SHARED:-../shared}
build_dir=${BUILD_DIR:-build}
out=${1:-$build_dir/train}
mkdir -p "$out"

BUILD_DIR="$build_dir" bash scripts/build.sh declutter-quality
quality="$build_dir/bench/quality/declutter-quality"
# The rows come from the engine's own feature code (declutter-quality --dump_features).
"$quality" --set wcxb --data "$shared/data/wcxb-dev" --dump_features "$out/wcxb-dev.tsv" > /dev/null
"$quality" --set scrapinghub --data "$shared/data/scrapinghub" \
  --dump_features "$out/scrapinghub.tsv" > /dev/null
"$quality" --set magic-html --data "$shared/data/magic-html" \
  --dump_features "$out/magic-html.tsv" > /dev/null

# Debian's python3 (python3-xgboost, -sklearn, -numpy), whatever else is on PATH.
/usr/bin/python3 train/train_block_model.py \
  --dev "$out/wcxb-dev.tsv" --dev_truth "$shared/data/wcxb-dev/ground-truth" \
  --held_out "scrapinghub=$out/scrapinghub.tsv" "magic-html=$out/magic-html.tsv" \
  --model_out "$out/block_model.json"

# The text-block model: wcxb-dev flattened the way a simple scraper does, through
# the text path; the seeds beside it, never trained on.
/usr/bin/python3 train/flatten_html.py --data "$shared/data/wcxb-dev" --out "$out/wcxb-flat"
"$quality" --set wcxb-flat --data "$shared/data/wcxb-dev" --flat "$out/wcxb-flat" \
  --dump_features "$out/wcxb-flat.tsv" > /dev/null
"$quality" --set seeds --data "$shared/seeds" --dump_features "$out/seeds.tsv" > /dev/null
"$quality" --set wcxb-text --data "$shared/data/wcxb-dev" \
  --dump_features "$out/wcxb-text.tsv" > /dev/null
/usr/bin/python3 train/train_text_model.py \
  --dev "$out/wcxb-flat.tsv" --dev_truth "$shared/data/wcxb-dev/ground-truth" \
  --seeds "$out/seeds.tsv" "$shared/seeds" --clean "$out/wcxb-text.tsv" --train_on_clean \
  --model_out "$out/text_block_model.json"
