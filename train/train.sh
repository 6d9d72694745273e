#!/usr/bin/env bash
# Retrains every learned model from ../shared/data with fixed seeds and prints the
# figures they give (issue 23). Today: the block model and the page-type model,
# cross-validated on wcxb-dev with folds grouped by domain, and checked on
# scrapinghub and magic-html (the page-type model also on magic-html's forum pages
# and gne-zh), which they are never trained on.
# Usage: train/train.sh [OUT_DIR]   (default: build/train; rows and models go there)
# Environment: SHARED (default ../shared), BUILD_DIR (default build).
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${SHARED:-../shared}
build_dir=${BUILD_DIR:-build}
out=${1:-$build_dir/train}
mkdir -p "$out"

BUILD_DIR="$build_dir" bash scripts/build.sh declutter-quality
quality="$build_dir/bench/quality/declutter-quality"
# The rows come from the engine's own feature code (declutter-quality --dump_features
# for blocks, --dump_page_features for pages).
"$quality" --set wcxb --data "$shared/data/wcxb-dev" --dump_features "$out/wcxb-dev.tsv" \
  --dump_page_features "$out/wcxb-dev.pages.tsv" > /dev/null
"$quality" --set scrapinghub --data "$shared/data/scrapinghub" \
  --dump_features "$out/scrapinghub.tsv" --dump_page_features "$out/scrapinghub.pages.tsv" \
  > /dev/null
"$quality" --set magic-html --data "$shared/data/magic-html" \
  --dump_features "$out/magic-html.tsv" --dump_page_features "$out/magic-html.pages.tsv" \
  > /dev/null
"$quality" --set magic-html-forum --data "$shared/data/magic-html" \
  --dump_page_features "$out/magic-html-forum.pages.tsv" > /dev/null
"$quality" --set gne-zh --data "$shared/data/gne-zh" \
  --dump_page_features "$out/gne-zh.pages.tsv" > /dev/null

# Debian's python3 (python3-xgboost, -sklearn, -numpy), whatever else is on PATH.
/usr/bin/python3 train/train_block_model.py \
  --dev "$out/wcxb-dev.tsv" --dev_truth "$shared/data/wcxb-dev/ground-truth" \
  --held_out "scrapinghub=$out/scrapinghub.tsv" "magic-html=$out/magic-html.tsv" \
  --model_out "$out/block_model.json"

/usr/bin/python3 train/train_page_type.py --dev "$out/wcxb-dev.pages.tsv" \
  --held_out "scrapinghub=$out/scrapinghub.pages.tsv" "magic-html=$out/magic-html.pages.tsv" \
  "magic-html-forum=$out/magic-html-forum.pages.tsv" "gne-zh=$out/gne-zh.pages.tsv" \
  --model_out "$out/page_type_model.json"
