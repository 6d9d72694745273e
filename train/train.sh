#!/usr/bin/env bash
# Retrains every learned model from ../shared/data with fixed seeds and prints the
# figures they give (issue 23): the block model and the page-type model,
# cross-validated on wcxb-dev with folds grouped by domain and checked on sets they
# are never trained on (scrapinghub, magic-html; the page-type model also magic-html's
# forum pages and gne-zh); and the text-block model, the same on wcxb-dev flattened to
# text (train/flatten_html.py), checked on the seeds.
# Usage: train/train.sh [OUT_DIR]   (default: build/train; rows and models go there)
# Environment: SHARED (default ../shared), BUILD_DIR (default build).
# Writes block_model.json, text_block_model.json and page_type_model.json to OUT_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${SHARED:-../shared}
build_dir=${BUILD_DIR:-build}
out=${1:-$build_dir/train}
mkdir -p "$out"

BUILD_DIR="$build_dir" bash scripts/build.sh declutter-quality
quality="$build_dir/bench/quality/declutter-quality"
# The block rows come from the engine's own feature code (declutter-quality
# --dump_features), scored by the heuristic scorer: its score is one of the block
# model's features, and the learned scorer computes the rows it serves the same way.
dump() { "$quality" --scorer heuristic "$@" > /dev/null; }
dump --set wcxb --data "$shared/data/wcxb-dev" --dump_features "$out/wcxb-dev.tsv"
dump --set scrapinghub --data "$shared/data/scrapinghub" --dump_features "$out/scrapinghub.tsv"
dump --set magic-html --data "$shared/data/magic-html" --dump_features "$out/magic-html.tsv"

# Debian's python3 (python3-xgboost, -sklearn, -numpy), whatever else is on PATH.
/usr/bin/python3 train/train_block_model.py \
  --dev "$out/wcxb-dev.tsv" --dev_truth "$shared/data/wcxb-dev/ground-truth" \
  --held_out "scrapinghub=$out/scrapinghub.tsv" "magic-html=$out/magic-html.tsv" \
  --model_out "$out/block_model.json" --cv_models_out "$out/cv" \
  --parity_out "$out/block_model_parity.tsv"

# The text-block model: wcxb-dev flattened the way a simple scraper does, through
# the text path; the seeds beside it, never trained on.
/usr/bin/python3 train/flatten_html.py --data "$shared/data/wcxb-dev" --out "$out/wcxb-flat"
dump --set wcxb-flat --data "$shared/data/wcxb-dev" --flat "$out/wcxb-flat" \
  --dump_features "$out/wcxb-flat.tsv"
dump --set seeds --data "$shared/seeds" --dump_features "$out/seeds.tsv"
dump --set wcxb-text --data "$shared/data/wcxb-dev" --dump_features "$out/wcxb-text.tsv"
/usr/bin/python3 train/train_text_model.py \
  --dev "$out/wcxb-flat.tsv" --dev_truth "$shared/data/wcxb-dev/ground-truth" \
  --seeds "$out/seeds.tsv" "$shared/seeds" --clean "$out/wcxb-text.tsv" --train_on_clean \
  --model_out "$out/text_block_model.json"

# The page-type model reads page features of blocks the block model scored, as it is
# served: wcxb-dev's pages each scored by their fold's block model (the one that never
# saw their domain), the other sets by the block model trained on all of wcxb-dev.
page_dump() { "$quality" "$@" > /dev/null; }
page_dump --set wcxb --data "$shared/data/wcxb-dev" --cv_models "$out/cv" \
  --dump_page_features "$out/wcxb-dev.pages.tsv"
for set in scrapinghub magic-html magic-html-forum gne-zh; do
  dir=$set; [ "$set" = magic-html-forum ] && dir=magic-html
  page_dump --set "$set" --data "$shared/data/$dir" --block_model "$out/block_model.json" \
    --dump_page_features "$out/$set.pages.tsv"
done
/usr/bin/python3 train/train_page_type.py --dev "$out/wcxb-dev.pages.tsv" \
  --held_out "scrapinghub=$out/scrapinghub.pages.tsv" "magic-html=$out/magic-html.pages.tsv" \
  "magic-html-forum=$out/magic-html-forum.pages.tsv" "gne-zh=$out/gne-zh.pages.tsv" \
  --model_out "$out/page_type_model.json" --cv_models_out "$out/cv"

# The extraction-confidence model: the same page features, each wcxb-dev page's word F1
# from a run that scored and typed it with the fold models that never saw its domain.
page_dump --set wcxb --data "$shared/data/wcxb-dev" --cv_models "$out/cv" \
  --dump_page_features "$out/wcxb-dev.cv-pages.tsv"
for set in scrapinghub magic-html; do
  page_dump --set "$set" --data "$shared/data/$set" --dump_page_features "$out/$set.cv-pages.tsv"
done
(cd train && /usr/bin/python3 train_confidence.py --dev "$out/wcxb-dev.cv-pages.tsv" \
  --held_out "scrapinghub=$out/scrapinghub.cv-pages.tsv" "magic-html=$out/magic-html.cv-pages.tsv" \
  --model_out "$out/confidence_model.json")

# The figures through the whole engine (container choice and all), heuristic beside
# learned: wcxb-dev with each page scored and typed by the fold models that never saw
# its domain; the other sets with the committed models (service/extract/models/: copy
# this run's block_model.json, its parity rows and page_type_model.json there first).
figures() { "$quality" "$@" | grep -E "word F1|shingle F1|failures="; }
for scorer in "--scorer heuristic" "--cv_models $out/cv"; do
  echo "== wcxb-dev, $scorer"
  figures --set wcxb --data "$shared/data/wcxb-dev" $scorer
done
for scorer in "--scorer heuristic" "--scorer learned"; do
  echo "== sets never trained on, $scorer"
  figures --set scrapinghub --data "$shared/data/scrapinghub" $scorer
  figures --set magic-html --data "$shared/data/magic-html" $scorer
  figures --set magic-html --data "$shared/data/magic-html" --zh_only $scorer
done
