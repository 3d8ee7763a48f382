"""Fit the event-pair scorer of ``storyline.analyse.event_coref`` on the ECB+
training topics (never the development or test topics).

    python benchmarks/fit_event_coref.py --data DIR [--cache FILE] [--write]

1. The training topics are annotated, grouped into our own stories and their
   gold event mentions described as the benchmark does (``ecbplus_coref``).
2. A lemma-pair prior: for two trigger lemmas, the share of their mention
   pairs in one story that are coreferent (smoothed), kept where they
   corefer at least twice.  While fitting, each topic sees the prior of the
   other topics only (cross-fitting), so its weight is not inflated.
3. A logistic regression (L2, Newton steps, numpy) over all mention pairs of
   each story.
4. The clustering threshold: five folds of topics, each clustered with the
   model fitted on the others; the threshold with the best mean CoNLL F1.
5. ``--write`` rewrites ``src/storyline/analyse/event_coref_weights.py``.
"""

from __future__ import annotations

import argparse
import pickle
import sys
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

import ecbplus  # noqa: E402
import ecbplus_coref  # noqa: E402
from storyline.analyse import event_coref as ec  # noqa: E402
from storyline.analyse import event_coref_weights as weights  # noqa: E402
from storyline.eval.coref import score_coref  # noqa: E402

WEIGHTS = HERE.parent / "src" / "storyline" / "analyse" / "event_coref_weights.py"
Story = tuple[int, list[ec.MentionInfo], dict[Any, str]]  # topic, mentions, gold cluster


def load_stories(data: Path, topics: str, cache: Path | None) -> list[Story]:
    if cache is not None and cache.is_file():
        with cache.open("rb") as fh:
            stories: list[Story] = pickle.load(fh)
        return stories
    paths = ecbplus.select_topics(ecbplus.document_paths(data), topics)
    docs = [ecbplus.read_document(p) for p in paths]
    run = ecbplus_coref.run_coref(
        docs, paths, ecbplus_coref.validated_sentences(ecbplus.corpus_root(data)), ["events"],
    )
    key = run.keys["events"]
    stories = []
    for infos in run.event_infos.values():
        if not infos:
            continue
        topic = Counter(int(m.doc.split("_")[0]) for m in infos).most_common(1)[0][0]
        stories.append((topic, list(infos), {m.key: key[m.key] for m in infos}))
    if cache is not None:
        with cache.open("wb") as fh:
            pickle.dump(stories, fh)
    return stories


def lemma_counts(stories: Sequence[Story]) -> dict[int, Counter[tuple[str, str, bool]]]:
    """Per topic: (lemma pair, coreferent?) → number of mention pairs."""
    out: dict[int, Counter[tuple[str, str, bool]]] = defaultdict(Counter)
    for topic, infos, gold in stories:
        for i, a in enumerate(infos):
            for b in infos[i + 1 :]:
                x, y = sorted((a.lemma, b.lemma))
                out[topic][(x, y, gold[a.key] == gold[b.key])] += 1
    return out


def prior_from(counts: Sequence[Counter[tuple[str, str, bool]]]) -> dict[str, float]:
    """Lemma pair -> share of its mention pairs that corefer, where it corefers twice."""
    pos: Counter[tuple[str, str]] = Counter()
    neg: Counter[tuple[str, str]] = Counter()
    for c in counts:
        for (x, y, same), n in c.items():
            (pos if same else neg)[(x, y)] += n
    return {
        ec.pair_key(x, y): round(pos[(x, y)] / (pos[(x, y)] + neg[(x, y)] + 1), 3)
        for (x, y) in pos if pos[(x, y)] >= 2
    }


# Features left out (``--drop``): their column is zero, so their weight is 0.
DROPPED: set[int] = set()


def pair_rows(infos: Sequence[ec.MentionInfo], gold: Mapping[Any, str],
              prior: Mapping[str, float]) -> tuple[np.ndarray, np.ndarray, list[tuple[int, int]]]:
    """Features, gold labels and index pairs of every mention pair of one story."""
    xs, ys, index = [], [], []
    for (i, j), x in ec.pair_features(infos, prior):
        xs.append(x)
        ys.append(float(gold[infos[i].key] == gold[infos[j].key]))
        index.append((i, j))
    width = len(ec.FEATURES)
    rows = np.array(xs, dtype=float).reshape(-1, width)
    if DROPPED:
        rows[:, sorted(DROPPED)] = 0.0
    return rows, np.array(ys, dtype=float), index


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = 1.0) -> tuple[np.ndarray, float]:
    """L2-regularised logistic regression by Newton's method (bias unpenalised)."""
    xb = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(xb.shape[1])
    reg = np.full(xb.shape[1], l2)
    reg[-1] = 0.0
    for _ in range(30):
        p = 1 / (1 + np.exp(-np.clip(xb @ w, -30, 30)))
        grad = xb.T @ (p - y) + reg * w
        hess = (xb * (p * (1 - p))[:, None]).T @ xb + np.diag(reg + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return w[:-1], float(w[-1])


Rows = list[tuple[Story, np.ndarray, np.ndarray, list[tuple[int, int]]]]


def story_rows(stories: Sequence[Story], prior_of: Any) -> Rows:
    """Each story with its pair features; ``prior_of(topic)`` gives the lemma prior."""
    memo: dict[int, dict[str, float]] = {}
    out: Rows = []
    for st in stories:
        if st[0] not in memo:
            memo[st[0]] = prior_of(st[0])
        out.append((st, *pair_rows(st[1], st[2], memo[st[0]])))
    return out


def conll(rows: Rows, coef: np.ndarray, bias: float, thresholds: Sequence[float]) -> list[float]:
    """CoNLL F1 of the stories clustered at each threshold."""
    key: dict[Any, str] = {}
    probs = []
    for (_, infos, gold), x, _, index in rows:
        for m in infos:
            key[m.key] = gold[m.key]
        p = 1 / (1 + np.exp(-np.clip(x @ coef + bias, -30, 30))) if len(x) else np.zeros(0)
        probs.append({pair: float(v) for pair, v in zip(index, p, strict=True) if v >= 0.05})
    out = []
    for th in thresholds:
        resp: dict[Any, str] = {}
        for n, (((_, infos, _), _, _, _), pairs) in enumerate(zip(rows, probs, strict=True)):
            labels = ec.average_linkage(len(infos), pairs, th)
            for i, m in enumerate(infos):
                resp[m.key] = f"{n}|{labels[i]}"
        out.append(score_coref(key, resp).conll_f1 * 100)
    return out


def fit(rows: Rows) -> tuple[np.ndarray, float]:
    return fit_logistic(np.vstack([r[1] for r in rows]), np.concatenate([r[2] for r in rows]))


def fold_scores(stories: Sequence[Story], counts: Mapping[int, Counter[tuple[str, str, bool]]],
                folds: Sequence[Sequence[int]], thresholds: Sequence[float],
                coef: np.ndarray | None = None, bias: float = 0.0) -> list[list[float]]:
    """CoNLL F1 of each fold of topics at each threshold.  Each held fold sees
    the lemma prior of the other folds only.  Without ``coef`` the scorer is
    refitted on the other folds (true cross-validation); with it, the given
    weights score every fold (the way to compare a fixed set of weights with a
    refit on the same folds and the same held-out priors)."""
    topics = sorted({t for f in folds for t in f})
    out = []
    for held in folds:
        rest = [t for t in topics if t not in held]
        if coef is None:
            # Cross-fitting: a training topic sees the prior of the other topics only.
            train = story_rows([s for s in stories if s[0] in rest],
                               lambda t, rest=rest: prior_from([counts[u] for u in rest
                                                                if u != t]))
            c, b = fit(train)
        else:
            c, b = coef, bias
        prior = prior_from([counts[t] for t in rest])
        test = story_rows([s for s in stories if s[0] in held], lambda t, p=prior: p)
        out.append(conll(test, c, b, thresholds))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--data", type=Path, default=ecbplus.DEFAULT_DATA)
    ap.add_argument("--cache", type=Path, help="pickle of the annotated training stories")
    ap.add_argument("--write", action="store_true", help="rewrite event_coref_weights.py")
    ap.add_argument("--report", help="also score these topics (dev, or a list) with the fitted"
                    " model: a report only, nothing is chosen on them")
    ap.add_argument("--compare-committed", action="store_true",
                    help="score the committed weights and the refit on the same folds")
    ap.add_argument("--report-cache", type=Path, help="pickle of the reported topics' stories")
    ap.add_argument("--drop", default="", help="comma-separated features to leave out (weight 0)")
    ap.add_argument("--lexicon", help="SENSES,STEPS: WordNet reach of the lexicon features "
                    f"(default {ec.LEXICON_SENSES},{ec.LEXICON_STEPS}; STEPS -1: no lexicon)")
    ap.add_argument("--threshold", type=float, help="write this clustering threshold rather"
                    " than the cross-validated best (when the curve is flat around it)")
    args = ap.parse_args()
    DROPPED.update(ec.FEATURES.index(f) for f in args.drop.split(",") if f)
    if args.lexicon:
        ec.LEXICON_SENSES, ec.LEXICON_STEPS = (int(v) for v in args.lexicon.split(","))
    if args.report:
        report = load_stories(args.data, args.report, args.report_cache)
    stories = load_stories(args.data, "train", args.cache)
    topics = sorted({t for t, _, _ in stories})
    assert not set(topics) & (ecbplus.DEV_TOPICS | ecbplus.TEST_TOPICS)
    counts = lemma_counts(stories)
    thresholds = [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65]
    folds = [topics[i::5] for i in range(5)]
    per_fold = fold_scores(stories, counts, folds, thresholds)
    for k, (held, row) in enumerate(zip(folds, per_fold, strict=True)):
        print(f"fold {k} (topics {held}): " + " ".join(f"{f:.1f}" for f in row), flush=True)
    totals = {th: float(np.mean([row[n] for row in per_fold]))
              for n, th in enumerate(thresholds)}
    best = max(thresholds, key=lambda t: totals[t])
    chosen = best if args.threshold is None else args.threshold
    print("threshold  " + "  ".join(f"{t:.2f}:{totals[t]:.1f}" for t in thresholds))
    coef, bias = fit(story_rows(
        stories, lambda t: prior_from([counts[u] for u in topics if u != t])))
    if args.compare_committed:
        # Like for like: the committed weights and this refit on all training
        # topics, each scoring the same five folds with the same held-out priors.
        for name, (c, b) in (("committed", (np.array(weights.COEF), weights.BIAS)),
                             ("refit", (coef, bias))):
            rows_ = fold_scores(stories, counts, folds, thresholds, c, b)
            means = [float(np.mean([r[n] for r in rows_])) for n in range(len(thresholds))]
            print(f"{name:<10} same folds, held-out prior: " + "  ".join(
                f"{t:.2f}:{f:.2f}" for t, f in zip(thresholds, means, strict=True)))
    prior = prior_from(list(counts.values()))
    print(f"{'feature':<22}{'weight':>8}")
    for name, w in zip(ec.FEATURES, coef, strict=True):
        print(f"{name:<22}{w:>8.3f}")
    print(f"{'bias':<22}{bias:>8.3f}")
    print(f"cross-validated CoNLL F1 (train topics) {totals[best]:.2f} at threshold {best}; "
          f"lemma pairs in the prior: {len(prior)}")
    if args.report:
        rows = story_rows(report, lambda t: prior)
        scores = conll(rows, coef, bias, thresholds)
        print(f"reported topics {args.report} (gold mentions, our stories): " + "  ".join(
            f"{t:.2f}:{f:.1f}" for t, f in zip(thresholds, scores, strict=True)))
    if args.write:
        _write([float(w) for w in coef], bias, chosen, prior)
    return 0


def _write(coef: Sequence[float], bias: float, threshold: float,
           prior: Mapping[str, float]) -> None:
    lines = [
        '"""Weights of the event-pair scorer, fitted on the ECB+ training topics.',
        "",
        "Written by benchmarks/fit_event_coref.py --write; do not edit by hand.",
        "Order of COEF: storyline.analyse.event_coref.FEATURES.",
        '"""',
        "",
        "COEF: tuple[float, ...] = (",
        *[f"    {w:.4f},  # {n}" for n, w in zip(ec.FEATURES, coef, strict=True)],
        ")",
        f"BIAS = {bias:.4f}",
        f"THRESHOLD = {threshold}",
        "# Lemma pair -> share of their mention pairs that corefer in the training topics.",
        "LEMMA_PRIOR: dict[str, float] = {",
        *[f"    {k!r}: {v}," for k, v in sorted(prior.items())],
        "}",
        "",
    ]
    WEIGHTS.write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
