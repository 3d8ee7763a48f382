"""Predicted event mentions (``storyline.analyse.events.event_mentions``) against
the ECB+ action mentions, trigger words only.

    python benchmarks/event_mentions.py --data DIR [--topics dev|all|1,3,...]

Texts are rebuilt as benchmarks/ecbplus.py does (one sentence per paragraph).
Only the sentences ECB+ lists as annotated (``ECBplus_coreference_sentences.csv``)
count.  A gold action mention is found when one of its words is the trigger of
a predicted mention in the same sentence; a predicted trigger is correct when it
is a word of some gold action mention of that sentence.  This is a word-level
approximation (no token offsets), good for tracking, not for comparison with
published span-level figures.  The last line is one JSON object.
"""

from __future__ import annotations

import argparse
import bisect
import csv
import importlib.util
import json
import sys
from collections import defaultdict
from pathlib import Path
from types import ModuleType
from xml.etree import ElementTree

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))


def _ecbplus() -> ModuleType:
    spec = importlib.util.spec_from_file_location("benchmark_ecbplus", HERE / "ecbplus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["benchmark_ecbplus"] = module
    spec.loader.exec_module(module)
    return module


Gold = set[tuple[int, frozenset[str]]]


def _gold(path: Path, annotated: set[int], half: str) -> tuple[Gold, set[int]]:
    """Gold action mentions as (line, words), and the annotated line numbers."""
    root = ElementTree.parse(path).getroot()
    toks = {t.get("t_id"): (int(t.get("sentence", "0")), t.text or "") for t in root.iter("token")}
    words: dict[int, list[str]] = defaultdict(list)
    for t in root.iter("token"):
        words[int(t.get("sentence", "0"))].append(t.text or "")
    order = [s for s in sorted(words) if any(w.strip() for w in words[s])]
    if half == "ecbplus":
        order = order[1:]  # sentence 0 is the URL
    line_of = {s: i for i, s in enumerate(order)}
    gold: Gold = set()
    markables = root.find("Markables")
    for m in markables if markables is not None else ():
        if "ACTION" not in m.tag:
            continue
        anchors = [toks[a.get("t_id")] for a in m.iter("token_anchor")]
        if anchors and anchors[0][0] in annotated and anchors[0][0] in line_of:
            gold.add((line_of[anchors[0][0]], frozenset(w.lower() for _, w in anchors)))
    return gold, {line_of[s] for s in annotated if s in line_of}


def score(data: Path, topics: set[int] | None) -> dict[str, float]:
    """Word-level P/R/F1 of predicted event mentions on the topics (None: all)."""
    eb = _ecbplus()
    from storyline.analyse.events import event_mentions
    from storyline.nlp.annotate import annotate_articles

    annotated: dict[str, set[int]] = defaultdict(set)
    csv_path = data / "ECBplus_coreference_sentences.csv"
    for row in csv.DictReader(csv_path.open(encoding="utf-8")):
        annotated[f"{row['Topic']}_{row['File']}.xml"].add(int(row["Sentence Number"]))
    paths = [p for p in eb.document_paths(data)
             if topics is None or int(p.name.split("_")[0]) in topics]
    docs = [eb.read_document(p) for p in paths]
    golds = [_gold(p, annotated[p.name], d.half) for p, d in zip(paths, docs, strict=True)]
    tp_gold = n_gold = tp_pred = n_pred = 0
    for d, (gold, lines_ok), ann in zip(
        docs, golds, annotate_articles(eb.to_article(d) for d in docs), strict=True
    ):
        offsets, o = [], 0
        for line in d.text.split("\n\n"):
            offsets.append(o)
            o += len(line) + 2
        pred = set()
        for m in event_mentions(ann):
            line_no = bisect.bisect_right(offsets, m.start) - 1
            if line_no in lines_ok:
                pred.add((line_no, m.text.lower().split()[0]))
        n_gold += len(gold)
        tp_gold += sum(1 for g in gold if any((g[0], w) in pred for w in g[1]))
        n_pred += len(pred)
        tp_pred += sum(1 for li, w in pred if any(li == g[0] and w in g[1] for g in gold))
    p = tp_pred / n_pred if n_pred else 0.0
    r = tp_gold / n_gold if n_gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"documents": len(docs), "gold": n_gold, "predicted": n_pred,
            "mention_p": round(p, 4), "mention_r": round(r, 4), "mention_f1": round(f1, 4)}


def main() -> int:
    eb = _ecbplus()
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=eb.DEFAULT_DATA)
    ap.add_argument("--topics", default="dev")
    args = ap.parse_args()
    if args.topics == "dev":
        topics: set[int] | None = set(eb.DEV_TOPICS)
    elif args.topics == "all":
        topics = None
    else:
        topics = {int(t) for t in args.topics.split(",")}
    m = score(args.data, topics)
    for label, key in (("documents", "documents"), ("gold action mentions", "gold"),
                       ("predicted triggers", "predicted"), ("precision (words)", "mention_p"),
                       ("recall (words)", "mention_r"), ("F1", "mention_f1")):
        print(f"{label:<22}{m[key]:>8}")
    print(json.dumps({k: m[k] for k in ("documents", "mention_p", "mention_r", "mention_f1")}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
