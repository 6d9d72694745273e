#!/usr/bin/python3
"""Trains the page-type model of issue 23 on wcxb-dev's dumped pages and reports its
cross-validated figures, and the share of pages it calls "article" on sets it is never
trained on.

Input: rows from `declutter-quality --dump_page_features` (bench/quality/feature_dump.h):
one per page, the engine's own page-level features (select/page_features.h), the
truth's page type (wcxb only) and the page's URL. Run through train/train.sh.

Figures:
  - wcxb-dev, 5 folds grouped by domain (URL host without www.): accuracy, per type
    recall and precision, and the confusion matrix (rows truth, columns predicted);
  - each held-out set (all articles; magic-html-forum all forum threads): the share of
    pages predicted "article" (and "forum").

Fixed seed: the same rows give the same figures. The model trained on every dev page is
written as XGBoost JSON (multi:softprob over TYPES, in that order).
Training uses Debian's python3-xgboost, python3-sklearn and python3-numpy.
"""

import argparse
import os
import csv
import sys
from collections import Counter

import numpy as np
import xgboost as xgb
from sklearn.model_selection import GroupKFold

from train_block_model import FOLDS, SEED, fit_named, url_host

# The class index of each type in the model's output: PageType's order (result.h),
# kUnknown left out.
TYPES = ["article", "forum", "product", "collection", "listing", "documentation",
         "service"]
# Tree model settings: chosen once on the CV figure, not per fold. 120 rounds at 0.12
# scored as 300 at 0.05 (CV accuracy 0.862 vs 0.863, the same F1 through the engine)
# with 2.5 times fewer trees, which the engine walks on every page.
PARAMS = dict(n_estimators=120, max_depth=6, learning_rate=0.12, subsample=0.8,
              colsample_bytree=0.3, min_child_weight=1, tree_method="hist",
              objective="multi:softprob", random_state=SEED, n_jobs=2)
# Columns of a dump row that are not features.
NOT_FEATURES = {"set", "page", "page_type", "url", "word_f1"}

csv.field_size_limit(1 << 30)


def fit(x, y, names):
    """The page-type model over rows `x` with types `y`."""
    return fit_named(xgb.XGBClassifier(**PARAMS), x, y, names)


def read_rows(path):
    with open(path, encoding="utf-8") as f:
        reader = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        names = [n for n in reader.fieldnames if n not in NOT_FEATURES]
        rows = list(reader)
    x = np.array([[float(r[n]) for n in names] for r in rows], dtype=np.float32)
    return names, x, rows


def host(url, page):
    """The domain a page's folds group by; a page without a URL is its own."""
    return url_host(url, "page:" + page)


def report_cv(y, pred, label=""):
    n = len(TYPES)
    confusion = np.zeros((n, n), dtype=int)
    for t, p in zip(y, pred):
        confusion[t, p] += 1
    print(f"wcxb-dev page type (5 folds by domain){label}: pages={len(y)} "
          f"accuracy={(y == pred).mean():.4f}")
    for i, name in enumerate(TYPES):
        truth = confusion[i].sum()
        called = confusion[:, i].sum()
        recall = confusion[i, i] / truth if truth else 0.0
        precision = confusion[i, i] / called if called else 0.0
        print(f"  {name:<14} pages={truth:4d} recall={recall:.3f} precision={precision:.3f}")
    print("  confusion (rows truth, columns predicted): " + " ".join(t[:4] for t in TYPES))
    for i, name in enumerate(TYPES):
        print(f"  {name:<14} " + " ".join(f"{v:4d}" for v in confusion[i]))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dev", required=True, help="wcxb-dev page rows (the only training set)")
    parser.add_argument("--held_out", nargs="*", default=[],
                        help="NAME=ROWS of sets never trained on, for the generalisation check")
    parser.add_argument("--model_out", help="write the model trained on all dev pages here (JSON)")
    parser.add_argument("--errors", help="write the pages CV typed wrong here (page, url, "
                        "truth, predicted, probability), for working on the features")
    parser.add_argument("--cv_models_out",
                        help="write each fold's model (page_type_fold_K.json) and the fold of "
                             "each dev page (page_type_folds.tsv) here, for declutter-quality "
                             "--cv_models")
    parser.add_argument("--importance", type=int, default=0,
                        help="print the N features the all-data model gains most from")
    args = parser.parse_args()

    names, x, rows = read_rows(args.dev)
    keep = [i for i, r in enumerate(rows) if r["page_type"] in TYPES]
    if len(keep) != len(rows):
        print(f"{len(rows) - len(keep)} dev pages without a known type left out", file=sys.stderr)
    x = x[keep]
    rows = [rows[i] for i in keep]
    y = np.array([TYPES.index(r["page_type"]) for r in rows])
    groups = np.array([host(r["url"], r["page"]) for r in rows])

    prob = np.zeros((len(y), len(TYPES)))
    if args.cv_models_out:
        os.makedirs(args.cv_models_out, exist_ok=True)
    fold_of_page = {}
    for fold, (train, test) in enumerate(GroupKFold(n_splits=FOLDS).split(x, y, groups)):
        model = fit(x[train], y[train], names)
        prob[test] = model.predict_proba(x[test])
        for i in test:
            fold_of_page[rows[i]["page"]] = fold + 1
        if args.cv_models_out:
            model.get_booster().save_model(
                os.path.join(args.cv_models_out, f"page_type_fold_{fold + 1}.json"))
        print(f"fold {fold + 1}: train {len(train)} pages, test {len(test)} pages "
              f"on {len(set(groups[test]))} domains", file=sys.stderr)
    pred = prob.argmax(axis=1)
    report_cv(y, pred)
    if args.errors:
        with open(args.errors, "w", encoding="utf-8") as f:
            for i in np.flatnonzero(y != pred):
                f.write(f"{rows[i]['page']}\t{rows[i]['url']}\t{TYPES[y[i]]}\t"
                        f"{TYPES[pred[i]]}\t{prob[i, pred[i]]:.2f}\n")
    f1 = np.array([float(r["word_f1"]) for r in rows])
    right = y == pred
    print(f"  word F1 of pages typed right={f1[right].mean():.4f} wrong={f1[~right].mean():.4f}")

    if args.cv_models_out:
        with open(os.path.join(args.cv_models_out, "page_type_folds.tsv"), "w",
                  encoding="utf-8") as f:
            for page in sorted(fold_of_page):
                f.write(f"{page}\t{fold_of_page[page]}\n")
    model = fit(x, y, names)
    for held in args.held_out:
        set_name, path = held.split("=", 1)
        h_names, hx, _ = read_rows(path)
        if h_names != names:
            sys.exit(f"{path}: feature columns differ from the dev rows'; expected {names}")
        hpred = model.predict_proba(hx).argmax(axis=1)
        counts = Counter(TYPES[p] for p in hpred)
        others = " ".join(f"{t}={counts[t]}" for t in TYPES if counts[t])
        print(f"{set_name} (never trained on): pages={len(hpred)} "
              f"article={counts['article'] / max(1, len(hpred)):.4f} "
              f"forum={counts['forum'] / max(1, len(hpred)):.4f}  ({others})")
    if args.importance:
        gain = model.get_booster().get_score(importance_type="gain")
        top = sorted(((gain.get(f"f{i}", gain.get(n, 0.0)), n) for i, n in enumerate(names)),
                     reverse=True)[:args.importance]
        print("top features by gain: " + ", ".join(f"{n}={g:.1f}" for g, n in top))
    if args.model_out:
        model.get_booster().save_model(args.model_out)
        print(f"model: {args.model_out} ({len(names)} features: {' '.join(names)}; "
              f"classes: {' '.join(TYPES)})")


if __name__ == "__main__":
    main()
