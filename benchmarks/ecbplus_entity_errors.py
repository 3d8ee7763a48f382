"""Where ECB+ entity coreference loses its score, by kind of mention.

    python benchmarks/ecbplus_entity_errors.py --data DIR [--topics train]
        [--setting entities_gold|entities_predicted_exact]

A diagnostic beside ``ecbplus.py --task entities`` (same reader, stories and
clustering; develop on the training topics).  Every scored mention is put in
one kind: ``time`` (a TIME_* tag), ``pron`` (a pronoun), ``name`` /
``loc-name`` (a capitalised word after any determiner or preposition), else
``nominal`` / ``loc-nom``.  For each kind it prints

* its share of the B³ recall and precision lost (per-mention losses summed,
  over all mentions),
* the MUC links missed (a gold cluster's pieces beyond its largest, each put
  on its main kind) and wrongly made, as shares of the MUC denominators,
* an oracle: the CoNLL F1 if every mention of that kind were put in the
  response cluster that holds most of its gold cluster's other mentions (the
  most that fixing that kind alone could give),

then the largest groups of missed and wrong links (piece kind → main kind)
with examples.  Last line: one JSON object of the oracle gains.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Mapping
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import ecbplus as bench  # noqa: E402


def mention_kind(tag: str, text: str) -> str:
    from ecbplus_coref import _FRAME
    from ecbplus_mentions import PRONOUNS

    if tag.startswith("TIME"):
        return "time"
    low = text.strip().lower()
    if low in PRONOUNS or low in ("which", "that", "whom", "whose", "this", "these", "those"):
        return "pron"
    words = text.split()
    while words and words[0].lower() in _FRAME:
        words = words[1:]
    named = any(w[:1].isupper() for w in words)
    place = tag.startswith("LOC")
    return ("loc-name" if place else "name") if named else ("loc-nom" if place else "nominal")


def _groups(labels: Mapping[Any, str]) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = defaultdict(list)
    for m, c in labels.items():
        out[c].append(m)
    return out


def _pieces(
    clusters: Mapping[str, list[Any]], other: Mapping[Any, str], kind: Mapping[Any, str]
) -> tuple[Counter[tuple[str, str]], dict[tuple[str, str], list[tuple[Any, Any]]]]:
    """Pieces of each cluster beyond its largest (by the other clustering): (piece
    kind, main kind) → count, with (piece mention, main mention) examples."""
    count: Counter[tuple[str, str]] = Counter()
    examples: dict[tuple[str, str], list[tuple[Any, Any]]] = defaultdict(list)
    for members in clusters.values():
        parts = _groups({m: other[m] for m in members})
        if len(parts) < 2:
            continue
        ordered = sorted(parts.values(), key=len, reverse=True)

        def main_kind(ms: list[Any]) -> str:
            return Counter(kind[m] for m in ms).most_common(1)[0][0]

        head = main_kind(ordered[0])
        for piece in ordered[1:]:
            k = (main_kind(piece), head)
            count[k] += 1
            examples[k].append((piece[0], ordered[0][0]))
    return count, examples


def analyse(coref: Any, docs: list[Any], paths: list[Path], validated: Any, setting: str,
            examples: int) -> dict[str, float]:
    from ecbplus_coref import read_mentions
    from storyline.eval.coref import score_coref

    gold = {m.id: m for d, p in zip(docs, paths, strict=True)
            for m in read_mentions(p, d, validated) if m.kind == "entity"}
    key = coref.keys["entities"]
    resp = coref.responses[setting]
    common = [m for m in key if m in resp and m in gold]
    kind = {m: mention_kind(gold[m].tag, coref.texts[m[0]][gold[m].start:gold[m].end])
            for m in common}
    k_sub = {m: key[m] for m in common}
    r_sub = {m: resp[m] for m in common}
    gold_cl, resp_cl = _groups(k_sub), _groups(r_sub)
    n = len(common)
    r_loss: dict[str, float] = defaultdict(float)
    p_loss: dict[str, float] = defaultdict(float)
    for m in common:
        g, r = set(gold_cl[k_sub[m]]), set(resp_cl[r_sub[m]])
        r_loss[kind[m]] += 1 - len(g & r) / len(g)
        p_loss[kind[m]] += 1 - len(g & r) / len(r)
    missed, missed_ex = _pieces(gold_cl, r_sub, kind)
    wrong, wrong_ex = _pieces(resp_cl, k_sub, kind)
    r_den = sum(len(v) - 1 for v in gold_cl.values()) or 1
    p_den = sum(len(v) - 1 for v in resp_cl.values()) or 1
    base = score_coref(key, resp).conll_f1
    gains: dict[str, float] = {}
    for t in sorted(set(kind.values())):
        votes: dict[str, Counter[str]] = defaultdict(Counter)
        for m in common:
            if kind[m] != t:
                votes[key[m]][resp[m]] += 1
        fixed = dict(resp)
        for m in common:
            if kind[m] == t:
                top = votes[key[m]].most_common(1)
                fixed[m] = top[0][0] if top else "oracle:" + key[m]
        gains[t] = round((score_coref(key, fixed).conll_f1 - base) * 100, 2)

    def surface(m: Any) -> str:
        return coref.texts[m[0]][gold[m].start:gold[m].end]

    print(f"{setting}: {n} mentions, CoNLL F1 {base * 100:.2f}")
    header = (f"{'kind':<10}{'mentions':>9}{'B3 R lost':>10}{'B3 P lost':>10}"
              f"{'MUC miss':>9}{'MUC wrong':>10}{'oracle +':>9}")
    print(header)
    print("-" * len(header))
    counts = Counter(kind.values())
    for t, c in counts.most_common():
        print(f"{t:<10}{c:>9}{r_loss[t] / n * 100:>10.2f}{p_loss[t] / n * 100:>10.2f}"
              f"{sum(v for k, v in missed.items() if k[0] == t) / r_den * 100:>9.2f}"
              f"{sum(v for k, v in wrong.items() if k[0] == t) / p_den * 100:>10.2f}"
              f"{gains[t]:>9.2f}")
    for title, table, ex, den in (("missed links", missed, missed_ex, r_den),
                                  ("wrong links", wrong, wrong_ex, p_den)):
        print(f"\n{title} (piece kind -> main kind, share of the MUC denominator):")
        for k, v in table.most_common(10):
            shown = "; ".join(f"{surface(a)!r}/{surface(b)!r}" for a, b in ex[k][:examples])
            print(f"  {k[0]:>8} -> {k[1]:<8}{v:>5} ({v / den * 100:.2f}%)  {shown}")
    return gains


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--data", type=Path, default=bench.DEFAULT_DATA)
    parser.add_argument("--topics", default="train")
    parser.add_argument("--setting", default="entities_gold",
                        choices=["entities_gold", "entities_predicted_exact"])
    parser.add_argument("--examples", type=int, default=3)
    args = parser.parse_args(argv)
    paths = bench.select_topics(bench.document_paths(args.data), args.topics)
    if not paths:
        print(f"error: no ECB+ documents under {args.data}", file=sys.stderr)
        return 2
    docs = [bench.read_document(p) for p in paths]
    module = bench._coref_module()
    validated = module.validated_sentences(bench.corpus_root(args.data))
    coref = module.run_coref(docs, paths, validated, ["entities"])
    gains = analyse(coref, docs, paths, validated, args.setting, args.examples)
    print(json.dumps({f"oracle_gain_{k.replace('-', '_')}": v for k, v in gains.items()}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
