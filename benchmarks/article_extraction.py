"""Article-body extraction: Storyline's HTML reader vs trafilatura alone.

    python benchmarks/article_extraction.py --data DIR [--predictions FILE] [--limit N]

``DIR`` has the layout of ``../shared/benchmarks/article-extraction/``:
``html/<id>.html.gz`` pages and ``ground-truth.json`` (``{id: {"articleBody": ...}}``).

The metric is the upstream scoring rule of the article-extraction benchmark, written
here from its description: ``\\w+`` tokens, bags of 4-token shingles, macro precision
over pages with at least one predicted shingle, macro recall over pages with at least
one true shingle, F1 of the two averages, and accuracy (exact token-list match).

Two systems are scored on the same pages:

* ``storyline``: :func:`storyline.ingest.extract_html` (trafilatura with our
  settings, then our boilerplate filter);
* ``trafilatura``: the same trafilatura call without the filter, so the table shows
  what the filter adds or costs.

The last line printed is one JSON object with the figures of our pipeline.
The scoring functions are importable (the floor test loads this file by path).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_DATA = HERE.parent.parent / "shared" / "benchmarks" / "article-extraction"

_TOKEN = re.compile(r"\w+")
SHINGLE = 4


# ------------------------------------------------------------------- metric


def tokens(text: str) -> list[str]:
    """Maximal runs of Unicode word characters; case kept, the rest dropped."""
    return _TOKEN.findall(text or "")


def shingles(text: str, n: int = SHINGLE) -> Counter[tuple[str, ...]]:
    """Bag of runs of ``n`` consecutive tokens; 1..n-1 tokens give one short shingle."""
    toks = tokens(text)
    if not toks:
        return Counter()
    if len(toks) < n:
        return Counter([tuple(toks)])
    return Counter(tuple(toks[i : i + n]) for i in range(len(toks) - n + 1))


@dataclass(frozen=True)
class PageScore:
    precision: float | None  # None when the prediction has no shingle
    recall: float | None  # None when the truth has no shingle
    exact: bool


def score_page(truth: str, predicted: str) -> PageScore:
    t_bag, p_bag = shingles(truth), shingles(predicted)
    tp = sum((t_bag & p_bag).values())
    fp = sum((p_bag - t_bag).values())
    fn = sum((t_bag - p_bag).values())
    if fp == 0 and fn == 0:
        precision = recall = 1.0
    else:
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
    return PageScore(
        precision=precision if p_bag else None,
        recall=recall if t_bag else None,
        exact=tokens(truth) == tokens(predicted),
    )


@dataclass(frozen=True)
class Scores:
    f1: float
    precision: float
    recall: float
    accuracy: float
    pages: int

    def to_dict(self) -> dict[str, float | int]:
        return {
            "f1": round(self.f1, 4),
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "accuracy": round(self.accuracy, 4),
            "pages": self.pages,
        }


def score(truth: Mapping[str, str], predictions: Mapping[str, str]) -> Scores:
    """Macro scores over the ids of ``truth``; a missing prediction counts as empty."""
    pages = [score_page(truth[k], predictions.get(k, "")) for k in sorted(truth)]
    precisions = [p.precision for p in pages if p.precision is not None]
    recalls = [p.recall for p in pages if p.recall is not None]
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    acc = sum(p.exact for p in pages) / len(pages) if pages else 0.0
    return Scores(f1=f1, precision=p, recall=r, accuracy=acc, pages=len(pages))


# --------------------------------------------------------------------- data


def load_truth(data: Path) -> dict[str, str]:
    items = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    return {k: v.get("articleBody") or "" for k, v in items.items()}


def load_html(data: Path, page_id: str) -> bytes:
    path = data / "html" / f"{page_id}.html.gz"
    with gzip.open(path, "rb") as fh:
        return fh.read()


def page_ids(data: Path, limit: int | None = None) -> list[str]:
    """Ids that have both a page and a label, sorted (the subset is deterministic)."""
    truth = load_truth(data)
    ids = sorted(k for k in truth if (data / "html" / f"{k}.html.gz").exists())
    return ids[:limit] if limit else ids


# ------------------------------------------------------------------ systems


def _import_ingest() -> None:
    # Running from a checkout without installing: make ``storyline`` importable.
    src = str(HERE.parent / "src")
    if src not in sys.path:
        sys.path.insert(0, src)


def storyline_system(html: bytes) -> str:
    _import_ingest()
    from storyline.ingest import extract_html

    return extract_html(html).text


def trafilatura_system(html: bytes) -> str:
    _import_ingest()
    from storyline.ingest.html import trafilatura_text

    return trafilatura_text(html)


SYSTEMS: dict[str, Callable[[bytes], str]] = {
    "storyline": storyline_system,
    "trafilatura": trafilatura_system,
}


def run_systems(
    data: Path, ids: Sequence[str], systems: Iterable[str] = SYSTEMS
) -> dict[str, dict[str, str]]:
    """Predictions ``{system: {id: text}}``; each page is read once."""
    names = list(systems)
    out: dict[str, dict[str, str]] = {name: {} for name in names}
    for page_id in ids:
        html = load_html(data, page_id)
        for name in names:
            out[name][page_id] = SYSTEMS[name](html)
    return out


def evaluate(
    data: Path, limit: int | None = None, systems: Iterable[str] = SYSTEMS
) -> tuple[dict[str, Scores], dict[str, dict[str, str]]]:
    ids = page_ids(data, limit)
    truth_all = load_truth(data)
    truth = {k: truth_all[k] for k in ids}
    predictions = run_systems(data, ids, systems)
    return {name: score(truth, preds) for name, preds in predictions.items()}, predictions


# ---------------------------------------------------------------------- cli


def _print_table(results: Mapping[str, Scores]) -> None:
    header = f"{'system':<14}{'F1':>8}{'precision':>11}{'recall':>9}{'accuracy':>10}{'pages':>7}"
    print(header)
    print("-" * len(header))
    for name, s in results.items():
        print(
            f"{name:<14}{s.f1:>8.4f}{s.precision:>11.4f}{s.recall:>9.4f}"
            f"{s.accuracy:>10.4f}{s.pages:>7d}"
        )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="benchmark folder")
    parser.add_argument("--predictions", type=Path, help="write our predictions here (JSON)")
    parser.add_argument("--limit", type=int, help="score only the first N ids (sorted)")
    args = parser.parse_args(argv)
    if not (args.data / "ground-truth.json").is_file():
        print(f"error: {args.data} has no ground-truth.json", file=sys.stderr)
        return 2
    results, predictions = evaluate(args.data, args.limit)
    _print_table(results)
    if args.predictions:
        body = {k: {"articleBody": v} for k, v in predictions["storyline"].items()}
        args.predictions.write_text(
            json.dumps(body, ensure_ascii=False, indent=2, sort_keys=True), encoding="utf-8"
        )
    ours: dict[str, object] = dict(results["storyline"].to_dict())
    ours["trafilatura_only"] = results["trafilatura"].to_dict()
    print(json.dumps(ours))
    return 0


if __name__ == "__main__":
    sys.exit(main())
