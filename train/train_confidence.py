#!/usr/bin/python3
"""Trains the extraction-confidence model of issue 23: page-level features (the same
rows as the page-type model, `declutter-quality --dump_page_features`) in, the page's
expected word F1 out, so callers can route weak pages elsewhere.

The target is each wcxb-dev page's word F1 from a run whose every page was scored and
typed by the fold models that never saw its domain (`--cv_models`), so it is the F1 the
engine gets on pages it was not trained on. Cross-validation groups folds by domain;
scrapinghub and magic-html (their per-page shingle F1), never trained on, show whether
it generalises. Figures: mean absolute error, Pearson and Spearman correlation, and
what routing does: the mean F1 of the pages predicted under ROUTE_BELOW and of the rest.
Fixed seed; Debian's python3-xgboost, -sklearn, -numpy.
"""

import argparse
import sys

import numpy as np
import xgboost as xgb
from sklearn.model_selection import GroupKFold

from train_block_model import FOLDS, SEED, fit_named
from train_page_type import host, read_rows

# Regression trees: shallow, slow rate; chosen once, not tuned per set.
PARAMS = dict(n_estimators=200, max_depth=4, learning_rate=0.05, subsample=0.8,
              colsample_bytree=0.5, tree_method="hist", objective="reg:squarederror",
              random_state=SEED, n_jobs=2)
# The confidence below which the routing figure sends a page elsewhere.
ROUTE_BELOW = 0.6


def ranks(v):
    order = np.argsort(v, kind="stable")
    r = np.empty(len(v))
    r[order] = np.arange(len(v))
    return r


def report(name, predicted, f1):
    predicted = np.clip(predicted, 0.0, 1.0)
    pearson = np.corrcoef(predicted, f1)[0, 1]
    spearman = np.corrcoef(ranks(predicted), ranks(f1))[0, 1]
    low = predicted < ROUTE_BELOW
    low_f1 = f1[low].mean() if low.any() else float("nan")
    print(f"{name}: pages={len(f1)} MAE={np.abs(predicted - f1).mean():.4f} "
          f"pearson={pearson:.3f} spearman={spearman:.3f}  "
          f"under {ROUTE_BELOW}: {low.sum()} pages, mean F1 {low_f1:.3f}; "
          f"the rest {f1[~low].mean():.3f}")


def fit(x, y, names):
    """The confidence model over rows `x` with word F1s `y`."""
    return fit_named(xgb.XGBRegressor(**PARAMS), x, y, names)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dev", required=True,
                        help="wcxb-dev page rows from a --cv_models run (the only training set)")
    parser.add_argument("--held_out", nargs="*", default=[],
                        help="NAME=ROWS of sets never trained on")
    parser.add_argument("--model_out", help="write the model trained on all dev pages here")
    args = parser.parse_args()

    names, x, rows = read_rows(args.dev)
    y = np.array([float(r["word_f1"]) for r in rows])
    groups = np.array([host(r["url"], r["page"]) for r in rows])
    predicted = np.zeros(len(y))
    for train, test in GroupKFold(n_splits=FOLDS).split(x, y, groups):
        predicted[test] = fit(x[train], y[train], names).predict(x[test])
    report("wcxb-dev (5 folds by domain)", predicted, y)
    model = fit(x, y, names)
    for held in args.held_out:
        set_name, path = held.split("=", 1)
        h_names, hx, hrows = read_rows(path)
        if h_names != names:
            sys.exit(f"{path}: feature columns differ from the dev rows'")
        report(f"{set_name} (never trained on)", model.predict(hx),
               np.array([float(r["word_f1"]) for r in hrows]))
    if args.model_out:
        model.get_booster().save_model(args.model_out)
        print(f"model: {args.model_out}")


if __name__ == "__main__":
    main()
