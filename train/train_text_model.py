#!/usr/bin/python3
"""Trains the text-block model of issue 23 ("the same for scraped text") on wcxb-dev's
pages flattened to text (train/flatten_html.py) and reports its cross-validated figures
beside the heuristic text path's.

Input: rows from `declutter-quality --set wcxb-flat --dump_features` (one per line-block
of the text path, the engine's own features, heuristic score and selection), and the
truth texts. Run through train/train.sh. The model, settings, folds and the page-F1
proxy are the block model's (train_block_model.py); what differs:

  - Features: the DOM and link columns are left out (a text page has neither: they are
    always 0), as are the script-scaled counts. The sequence features
    (blocks/sequence_features.h: repeats, menu runs, distance to prose, neighbours'
    lengths, ...) are what the model has instead of a DOM.
  - Labels are aligned, not bagged: a scraped page repeats its menu words in the text
    ("Home", "News", a product name), and the dump's label (the share of a block's
    tokens found anywhere in the truth) calls such lines content. Here the page's token
    stream is aligned with the truth's in order (difflib, no junk heuristic); a token
    counts as in the truth when it lies in a matched run of at least MIN_RUN tokens or
    in a run that covers its whole line. The label is the share of a line's tokens that
    count. Tokens are lower-cased \\w+ runs with every Han character a token of its own.
  - Each block weighs its tokens (+1): the metric counts words, not lines.
  - With --train_on_clean, wcxb-text's pages (each page's truth sent as text, so every
    line is content) train beside the flattened ones, in their domain's fold: without
    them the model, which has only ever seen pages with chrome, drops the short lines
    of clean text. The no-harm figure for them is out of fold either way.

Figures: block AUC, and the page F1 proxy (train_block_model.page_f1) with the aligned
labels, overall and per page type, heuristic vs model (and model+runs, select_runs);
the share of clean text kept (wcxb-text, out of fold); then the seeds, never trained
on. Fixed seeds: the same rows give the same figures.
"""

import argparse
import csv
import difflib
import glob
import json
import os
import re
import sys
from collections import defaultdict

import numpy as np
import xgboost as xgb
from sklearn.model_selection import GroupKFold

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import train_block_model as blocks  # noqa: E402  (the shared model, folds and proxy)

# Columns always 0 on a text page: no DOM, no links.
NO_TEXT_VALUE = {"link_density", "link_dense", "prev_link_density", "next_link_density"}
MIN_RUN = 3
HAN = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
TOKEN = re.compile(rf"[{HAN}]|[^\W{HAN}]+", re.UNICODE)


def tokens_of(text):
    return [t.lower() for t in TOKEN.findall(text)]


def text_feature(name):
    return (name not in blocks.NOT_FEATURES and name not in blocks.SCRIPT_SCALED
            and name not in NO_TEXT_VALUE and not name.startswith("dom_"))


def read_rows(path):
    """The rows of one dump: feature names and matrix, heuristic selection, pages,
    page types and texts."""
    with open(path, encoding="utf-8") as f:
        reader = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        names = [n for n in reader.fieldnames if text_feature(n)]
        rows = list(reader)
    x = np.array([[float(r[n]) for n in names] for r in rows], dtype=np.float32)
    selected = np.array([r["selected"] == "1" for r in rows])
    pages = np.array([r["page"] for r in rows])
    types = np.array([r["page_type"] for r in rows])
    texts = [r["text"] for r in rows]
    return names, x, selected, pages, types, texts


def aligned_labels(texts, pages, truth_of):
    """Each block's share of tokens that align with its page's truth (module comment),
    and its token count."""
    label = np.zeros(len(texts))
    tokens = np.zeros(len(texts), dtype=np.int64)
    by_page = defaultdict(list)
    for i, p in enumerate(pages):
        by_page[p].append(i)
    for page, idx in by_page.items():
        stream, owner, span = [], [], {}
        for i in idx:
            t = tokens_of(texts[i])
            span[i] = (len(stream), len(stream) + len(t))
            stream += t
            owner += [i] * len(t)
            tokens[i] = len(t)
        truth = tokens_of(truth_of(page))
        counted = np.zeros(len(stream), dtype=bool)
        matcher = difflib.SequenceMatcher(None, stream, truth, autojunk=False)
        for a, _, size in matcher.get_matching_blocks():
            if size >= MIN_RUN:
                counted[a:a + size] = True
                continue
            for k in range(a, a + size):
                begin, end = span[owner[k]]
                if a <= begin and end <= a + size:
                    counted[k] = True
        for i in idx:
            begin, end = span[i]
            if end > begin:
                label[i] = counted[begin:end].mean()
    return label, tokens


def wcxb_truth(truth_dir):
    def truth_of(page):
        with open(os.path.join(truth_dir, page + ".json"), encoding="utf-8") as f:
            return json.load(f).get("ground_truth", {}).get("main_content", "")
    return truth_of


def seeds_truth(seeds_dir):
    """The seeds' truth: their body lines (optional lines are not in it)."""
    body = {}
    for path in glob.glob(os.path.join(seeds_dir, "*.expected.json")):
        with open(path, encoding="utf-8") as f:
            body[os.path.basename(path)[:-len(".expected.json")]] = "\n".join(
                json.load(f).get("body", []))
    return lambda page: body.get(page, "")


def auc(prob, label):
    from sklearn.metrics import roc_auc_score
    truth = label >= 0.5
    return roc_auc_score(truth, prob) if 0 < truth.sum() < len(truth) else float("nan")


# BlockKind numbers (service/extract/result.h) of the lexicon's list headings.
RELATED, COMMENT = 3, 5
# The text selector's settings (score/scoring_params.h).
NEUTRAL_LINE_COST = 0.5
MIN_SCORE_BEFORE_LIST_HEADING = 15


def select_runs(prob, x, names, pages):
    """What the text selector (select/text_selector.cc) would keep with the model as
    its scorer, approximated from the rows: each block scores (2p - 1) x log(1 +
    weight); the article is cut at a related or comment heading after enough prose,
    and is the maximum-sum run of blocks, where a block without lexicon evidence
    costs at most NEUTRAL_LINE_COST; inside the run a block with evidence is kept
    only when the model keeps it. An estimate of the model behind the selector,
    not the engine's exact logic (the dump has no verdict from before selection)."""
    col = {n: i for i, n in enumerate(names)}
    score = (2 * prob - 1) * x[:, col["log_weight"]]
    evidence = ((x[:, col["lexicon_kind"]] != 0) | (x[:, col["contact_line"]] != 0)
                | (x[:, col["listed_under_heading"]] != 0) | (x[:, col["teaser_run"]] != 0))
    heading = ((x[:, col["lexicon_heading"]] != 0)
               & np.isin(x[:, col["lexicon_kind"]], (RELATED, COMMENT)))
    keep = np.zeros(len(prob), dtype=bool)
    begin = 0
    while begin < len(pages):
        end = begin
        while end < len(pages) and pages[end] == pages[begin]:
            end += 1
        limit, seen = end, 0.0
        for i in range(begin, end):
            if seen >= MIN_SCORE_BEFORE_LIST_HEADING and heading[i]:
                limit = i
                break
            seen += max(0.0, score[i])
        best, run, run_begin, lo, hi = 0.0, 0.0, begin, begin, begin
        for i in range(begin, limit):
            if run <= 0:
                run, run_begin = 0.0, i
            run += score[i] if evidence[i] else max(score[i], -NEUTRAL_LINE_COST)
            if run > best:
                best, lo, hi = run, run_begin, i + 1
        keep[lo:hi] = ~evidence[lo:hi] | (prob[lo:hi] >= 0.5)
        begin = end
    return keep


def report(name, keep, prob, selected, label, tokens, pages, run_keep=None):
    line = (f"{name}: blocks={len(label)} pages={len(set(pages))}  AUC model={auc(prob, label):.4f}  "
            f"page F1 proxy heuristic={blocks.page_f1(selected, label, tokens, pages):.4f} "
            f"model={blocks.page_f1(keep, label, tokens, pages):.4f}")
    if run_keep is not None:
        line += f" model+runs={blocks.page_f1(run_keep, label, tokens, pages):.4f}"
    print(line)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dev", required=True, help="wcxb-flat rows (the training pages)")
    parser.add_argument("--dev_truth", required=True, help="wcxb-dev ground-truth folder")
    parser.add_argument("--clean", metavar="ROWS",
                        help="wcxb-text rows (each page's truth sent as text, every line "
                             "content): the no-harm check, out of fold")
    parser.add_argument("--train_on_clean", action="store_true",
                        help="train on the --clean pages too, as all-content pages in "
                             "their domain's fold")
    parser.add_argument("--seeds", nargs=2, metavar=("ROWS", "SEEDS_DIR"),
                        help="the seeds' rows and folder, never trained on")
    parser.add_argument("--model_out", help="write the model trained on all rows here (JSON)")
    args = parser.parse_args()

    names, x, selected, pages, types, texts = read_rows(args.dev)
    label, tokens = aligned_labels(texts, pages, wcxb_truth(args.dev_truth))
    domains = blocks.wcxb_domains(args.dev_truth, pages)
    flat = np.ones(len(label), dtype=bool)
    if args.clean:
        c_names, cx, cs, cpages, ctypes, ctexts = read_rows(args.clean)
        if c_names != names:
            sys.exit(f"{args.clean}: feature columns differ from the dev rows'; expected {names}")
        ctokens = np.array([len(tokens_of(t)) for t in ctexts])
        x = np.vstack([x, cx])
        selected = np.concatenate([selected, cs])
        # Clean pages are their own pages beside their flattened twins.
        pages = np.concatenate([pages, np.char.add("clean-", cpages.astype(str))])
        types = np.concatenate([types, ctypes])
        label = np.concatenate([label, np.ones(len(cx))])
        tokens = np.concatenate([tokens, ctokens])
        domains = np.concatenate([domains, blocks.wcxb_domains(args.dev_truth, cpages)])
        flat = np.concatenate([flat, np.zeros(len(cx), dtype=bool)])
    trained = flat | args.train_on_clean
    y = (label >= 0.5).astype(int)
    # Each block weighs its tokens (+1): the metric counts words, not lines.
    weight = tokens + 1.0
    prob = np.zeros(len(y))
    for fold, (train, test) in enumerate(GroupKFold(n_splits=blocks.FOLDS).split(x, y, domains)):
        train = train[trained[train]]
        model = xgb.XGBClassifier(**blocks.PARAMS)
        model.fit(x[train], y[train], sample_weight=weight[train])
        prob[test] = model.predict_proba(x[test])[:, 1]
        print(f"fold {fold + 1}: train {len(train)} blocks, test {len(test)} blocks "
              f"on {len(set(domains[test]))} domains", file=sys.stderr)
    keep = prob >= 0.5
    run_keep = select_runs(prob, x, names, pages)
    f = flat
    report("wcxb-flat (5 folds by domain)", keep[f], prob[f], selected[f], label[f], tokens[f],
           pages[f], run_keep[f])
    for page_type in sorted(set(types[f])):
        m = f & (types == page_type)
        report(f"  {page_type}", keep[m], prob[m], selected[m], label[m], tokens[m], pages[m],
               run_keep[m])
    if args.clean:
        c = ~flat
        print(f"wcxb-text no-harm (clean text kept, out of fold"
              f"{', trained on' if args.train_on_clean else ', never trained on'}): "
              f"pages={len(set(pages[c]))}  page F1 proxy "
              f"heuristic={blocks.page_f1(selected[c], label[c], tokens[c], pages[c]):.4f} "
              f"model={blocks.page_f1(keep[c], label[c], tokens[c], pages[c]):.4f} "
              f"model+runs={blocks.page_f1(run_keep[c], label[c], tokens[c], pages[c]):.4f}")

    model = xgb.XGBClassifier(**blocks.PARAMS)
    model.fit(x[trained], y[trained], sample_weight=weight[trained])
    if args.seeds:
        s_names, sx, ss, sp, _, st = read_rows(args.seeds[0])
        if s_names != names:
            sys.exit(f"{args.seeds[0]}: feature columns differ from the dev rows'; expected {names}")
        sl, stok = aligned_labels(st, sp, seeds_truth(args.seeds[1]))
        sprob = model.predict_proba(sx)[:, 1]
        report("seeds (never trained on)", sprob >= 0.5, sprob, ss, sl, stok, sp,
               select_runs(sprob, sx, names, sp))
    if args.model_out:
        model.get_booster().save_model(args.model_out)
        print(f"model: {args.model_out} ({len(names)} features: {' '.join(names)})")


if __name__ == "__main__":
    main()
