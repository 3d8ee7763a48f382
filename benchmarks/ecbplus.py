"""ECB+ benchmarks: story grouping scored against the gold sub-topics.

    python benchmarks/ecbplus.py --data DIR --task stories [--predictions DIR2]
        [--topics all|dev|train|1,3,...] [--limit-topics N] [--workers N]

``DIR`` has the layout of ``../shared/benchmarks/ecbplus/``: topic folders
``<topic>/<topic>_<n>ecb.xml`` and ``..._<n>ecbplus.xml``, either directly in
``DIR`` or in ``DIR/ECB+/`` (any folder of that layout is scored the same way,
held-out topics included).

``--task stories``: every document's text is rebuilt from its tokens (one
sentence per paragraph, blank lines between; the first content sentence also
serves as the title, since the format has none; sentence 0 of an ``ecbplus``
file is the source URL, which goes to ``Article.url`` and not into the text).
ECB+ has no publication dates, so every article has ``published=None`` and
the date window of the grouper never applies.  All documents are annotated,
grouped by :func:`storyline.stories.grouping.group_stories` with no topic labels
and no number of stories, and scored against the gold sub-topics (topic +
``ecb``/``ecbplus`` half): B³ precision/recall/F1, the adjusted Rand index
(Hubert & Arabie 1985), pairwise precision/recall/F1, and the number of
predicted and gold clusters.  The scores are written from their definitions.

``--task entities`` / ``--task events``: cross-document coreference of entity
/ event mentions (``ecbplus_coref.py``), inside our own stories, scored with
MUC, B³, CEAF-e and CoNLL F1 (``storyline.eval.coref``) on the validated
sentences: ``entities_conll_f1_gold`` / ``events_conll_f1_gold`` cluster the gold
mention spans, ``entities_conll_f1`` scores our own mentions and clusters.
Our own entity mentions are the heads of spaCy's noun chunks, date/time
expressions and pronouns, less the nouns our event annotation reads as
happenings, with extents cut to the ECB+ conventions (``ecbplus_mentions.py``:
a participant is its head word or name, "actress", "Lee Baca"; a place or time
its whole phrase with the preposition, "in Queens", "on Sunday"), clustered by
the rules of the gold setting.  ``entities_conll_f1`` scores our own extents
(exact boundaries, as the reference scorer); ``entities_conll_f1_head`` (a
looser convention, reported beside it) matches a mention of ours to a gold
mention by head word (same document, same head token: ours then takes the
gold extent).
Entity chains of named entities run across our stories where the product
links the stories' entities as one canonical entity (``analyse/cross_story.py``:
same id, i.e. same type and fullest name; a person needs a full name; roles
must not clash); every other chain (nominals keyed by their head word,
unresolved pronouns) stays inside its story.  ``--within-stories`` cuts every
chain at the story boundary (the setting before cross-story linking).
``--gold-stories`` (a diagnostic) resolves inside the gold sub-topics instead.
Tasks combine: ``--task stories,entities,events`` annotates once.

The last line printed is one JSON object.  The scoring functions are importable
(tests/unit/test_ecbplus_scoring.py loads this file by path).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar
from xml.etree import ElementTree

if TYPE_CHECKING:
    from ecbplus_coref import CorefRun
    from storyline.model import Article

HERE = Path(__file__).resolve().parent
DEFAULT_DATA = HERE.parent.parent / "shared" / "benchmarks" / "ecbplus"

TASKS = ("stories", "entities", "events")
IMPLEMENTED = frozenset(TASKS)

# Cybulska & Vossen (2015) split, as used by Barhom et al. (2019) and later work.
DEV_TOPICS = frozenset({2, 5, 12, 18, 21, 23, 34, 35})
TEST_TOPICS = frozenset(range(36, 46))

_FILE = re.compile(r"^(\d+)_(\d+)(ecbplus|ecb)\.xml$")
K = TypeVar("K", bound=Hashable)


# ------------------------------------------------------------------- metrics


@dataclass(frozen=True)
class ClusterScores:
    b3_p: float
    b3_r: float
    b3_f1: float
    ari: float
    pair_p: float
    pair_r: float
    pair_f1: float
    items: int
    gold_clusters: int
    predicted_clusters: int


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def _check_keys(gold: Mapping[K, Hashable], predicted: Mapping[K, Hashable]) -> None:
    if gold.keys() != predicted.keys():
        missing = len(gold.keys() - predicted.keys())
        extra = len(predicted.keys() - gold.keys())
        raise ValueError(f"clusterings cover different items ({missing} missing, {extra} extra)")


def contingency(
    gold: Mapping[K, Hashable], predicted: Mapping[K, Hashable]
) -> Counter[tuple[Hashable, Hashable]]:
    """``n_ij``: how many items are in gold cluster i and predicted cluster j."""
    _check_keys(gold, predicted)
    return Counter((gold[k], predicted[k]) for k in gold)


def b_cubed(gold: Mapping[K, Hashable], predicted: Mapping[K, Hashable]) -> tuple[float, float]:
    """B³ (Bagga & Baldwin 1998), (precision, recall), each a mean over items.

    Item precision = |its predicted cluster ∩ its gold cluster| / |its predicted cluster|,
    item recall = the same overlap / |its gold cluster|.  No items: (1.0, 1.0).
    """
    table = contingency(gold, predicted)
    n = len(gold)
    if n == 0:
        return 1.0, 1.0
    gold_size = Counter(gold.values())
    pred_size = Counter(predicted.values())
    # Each of the n_ij items of a cell has overlap n_ij, so the cell adds n_ij² / size.
    p = sum(c * c / pred_size[j] for (_, j), c in table.items()) / n
    r = sum(c * c / gold_size[i] for (i, _), c in table.items()) / n
    return p, r


def adjusted_rand_index(gold: Mapping[K, Hashable], predicted: Mapping[K, Hashable]) -> float:
    """Hubert & Arabie's ARI from the contingency table.

    ARI = (Σ C(n_ij,2) − E) / (½(Σ C(a_i,2) + Σ C(b_j,2)) − E), with
    E = Σ C(a_i,2) · Σ C(b_j,2) / C(n,2).  The denominator is 0 only when both
    clusterings are the same trivial one (all singletons or all in one, or
    fewer than two items): that is full agreement, 1.0.
    """
    table = contingency(gold, predicted)
    n = len(gold)
    index = sum(_pairs(c) for c in table.values())
    a = sum(_pairs(c) for c in Counter(gold.values()).values())
    b = sum(_pairs(c) for c in Counter(predicted.values()).values())
    total = _pairs(n)
    expected = a * b / total if total else 0.0
    maximum = (a + b) / 2
    if maximum == expected:
        return 1.0
    return (index - expected) / (maximum - expected)


def pairwise(gold: Mapping[K, Hashable], predicted: Mapping[K, Hashable]) -> tuple[float, float]:
    """(precision, recall) over same-cluster pairs; 1.0 where there is no pair to get."""
    table = contingency(gold, predicted)
    both = sum(_pairs(c) for c in table.values())
    gold_pairs = sum(_pairs(c) for c in Counter(gold.values()).values())
    pred_pairs = sum(_pairs(c) for c in Counter(predicted.values()).values())
    p = both / pred_pairs if pred_pairs else 1.0
    r = both / gold_pairs if gold_pairs else 1.0
    return p, r


def score_clusters(gold: Mapping[K, Hashable], predicted: Mapping[K, Hashable]) -> ClusterScores:
    p, r = b_cubed(gold, predicted)
    pp, pr = pairwise(gold, predicted)
    return ClusterScores(
        b3_p=p,
        b3_r=r,
        b3_f1=_f1(p, r),
        ari=adjusted_rand_index(gold, predicted),
        pair_p=pp,
        pair_r=pr,
        pair_f1=_f1(pp, pr),
        items=len(gold),
        gold_clusters=len(set(gold.values())),
        predicted_clusters=len(set(predicted.values())),
    )


# ---------------------------------------------------------------------- data


@dataclass(frozen=True)
class Document:
    name: str  # file name, e.g. 3_1ecb.xml
    topic: int
    half: str  # ecb | ecbplus
    text: str
    title: str | None
    url: str | None
    # t_id -> (start, end) in ``text``, and t_id -> sentence number of the file.
    token_spans: Mapping[int, tuple[int, int]] = field(default_factory=dict, compare=False)
    token_sentence: Mapping[int, int] = field(default_factory=dict, compare=False)

    @property
    def subtopic(self) -> str:
        return f"{self.topic}{self.half}"


def corpus_root(data: Path) -> Path:
    """The folder that holds the topic folders: ``DATA/ECB+`` or ``DATA`` itself."""
    inner = data / "ECB+"
    return inner if inner.is_dir() else data


def document_paths(data: Path) -> list[Path]:
    """Every ``<topic>_<n>ecb[plus].xml`` under the topic folders, by topic then number."""
    root = corpus_root(data)
    found = []
    for path in root.glob("*/*.xml"):
        m = _FILE.match(path.name)
        if m and path.parent.name == m.group(1):
            found.append((int(m.group(1)), m.group(3), int(m.group(2)), path))
    return [p for *_, p in sorted(found)]


def select_topics(
    paths: Sequence[Path], topics: str = "all", limit: int | None = None
) -> list[Path]:
    """Keep ``all``, ``dev``, ``train`` (neither dev nor test) or a comma list of
    topic numbers; then the first ``limit`` topics (numerically)."""

    def topic(p: Path) -> int:
        return int(p.name.split("_", 1)[0])

    present = sorted({topic(p) for p in paths})
    if topics == "all":
        keep = set(present)
    elif topics == "dev":
        keep = set(present) & DEV_TOPICS
    elif topics == "train":
        keep = set(present) - DEV_TOPICS - TEST_TOPICS
    else:
        keep = {int(t) for t in topics.split(",") if t.strip()}
    chosen = [t for t in present if t in keep]
    if limit is not None:
        chosen = chosen[:limit]
    allowed = set(chosen)
    return [p for p in paths if topic(p) in allowed]


# Tokens glued to the one before / after them when the text is rebuilt.
_NO_SPACE_BEFORE = frozenset(
    {
        ",",
        ".",
        ";",
        ":",
        "!",
        "?",
        "%",
        ")",
        "]",
        "}",
        "''",
        "”",
        "...",
        "…",
        "n't",
        "'s",
        "'re",
        "'ve",
        "'ll",
        "'d",
        "'m",
        "'S",
        "N'T",
    }
)
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "$", "``", "“", "#", "£", "€"})
_CLITICS = frozenset({"s", "t", "re", "ve", "ll", "d", "m"})
_APOSTROPHES = frozenset({"'", "’"})


def _joins_digits(prev: str, tok: str, nxt: str) -> bool:
    if not (prev[-1:].isdigit() and nxt[:1].isdigit()):
        return False
    if tok == ",":
        return len(nxt) == 3 and nxt.isdigit()  # 1,000 but not "August 2, 2013"
    return tok in (":", "/", ".")


def detokenize(tokens: Sequence[str]) -> str:
    """Join one sentence's tokens as a writer would: PTB quotes become straight
    quotes, clitics and punctuation attach, "8 : 13" becomes "8:13"."""
    return detokenize_spans(tokens)[0]


def detokenize_spans(tokens: Sequence[str]) -> tuple[str, list[tuple[int, int]]]:
    """``detokenize`` with each token's (start, end) in the joined text."""
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    glue_next = False
    quote_open = False
    for i, tok in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        prev = tokens[i - 1] if i else ""
        glue = glue_next or not out
        glue_next = False
        shown = tok
        if tok in ("``", "''"):
            shown = '"'
        if tok in _NO_SPACE_BEFORE:
            glue = True
        if tok in _NO_SPACE_AFTER:
            glue_next = True
        if tok == '"':
            # Straight quote: opening if no quote is open, else closing.
            if quote_open:
                glue = True
            else:
                glue_next = True
            quote_open = not quote_open
        elif tok in _APOSTROPHES:
            if nxt.lower() in _CLITICS:  # It ’ s → It’s
                glue = True
                glue_next = True
            else:
                glue = True  # closing single quote or a possessive plural: "players '"
        elif _joins_digits(prev, tok, nxt):
            glue = True  # 8:13, 24/7, 1,000
            glue_next = True
        piece = shown if glue else " " + shown
        start = pos + len(piece) - len(shown)
        spans.append((start, start + len(shown)))
        out.append(piece)
        pos += len(piece)
    text = "".join(out)
    lead = len(text) - len(text.lstrip())
    stripped = text.strip()
    return stripped, [(a - lead, b - lead) for a, b in spans]


def read_document(path: Path) -> Document:
    """The text of one ECB+ file, rebuilt from its tokens."""
    m = _FILE.match(path.name)
    if m is None:
        raise ValueError(f"not an ECB+ document name: {path.name}")
    root = ElementTree.parse(path).getroot()
    sentences: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
    for tok in root.iter("token"):
        sentences[int(tok.get("sentence", "0"))].append(
            (int(tok.get("number", "0")), int(tok.get("t_id", "0")), tok.text or "")
        )
    half = m.group(3)
    ordered = [
        (s, [(tid, t) for _, tid, t in sorted(sentences[s]) if t.strip()])
        for s in sorted(sentences)
    ]
    url = None
    if half == "ecbplus" and ordered:
        # Sentence 0 of an ecbplus file is the URL the text was taken from.
        url = "".join(t for _, t in ordered[0][1]) or None
        ordered = ordered[1:]
    lines: list[str] = []
    token_spans: dict[int, tuple[int, int]] = {}
    token_sentence: dict[int, int] = {}
    pos = 0
    for number, toks in ordered:
        if not toks:
            continue
        line, spans = detokenize_spans([t for _, t in toks])
        if not line:
            continue
        if lines:
            pos += 2  # the blank line between sentences
        for (tid, _), (a, b) in zip(toks, spans, strict=True):
            token_spans[tid] = (pos + a, pos + b)
            token_sentence[tid] = number
        lines.append(line)
        pos += len(line)
    title = lines[0] if lines else None
    if title is not None and len(title) > 300:
        title = title[:300].rsplit(" ", 1)[0]
    return Document(
        name=path.name,
        topic=int(m.group(1)),
        half=half,
        text="\n\n".join(lines),
        title=title,
        url=url,
        token_spans=token_spans,
        token_sentence=token_sentence,
    )


def to_article(doc: Document) -> Article:
    from storyline.model import Article, article_id

    return Article(
        id=article_id(doc.text),
        text=doc.text,
        title=doc.title,
        source=None,
        url=doc.url,
        published=None,  # ECB+ gives no publication dates
        language="en",
        format="text",
        origin=doc.name,
    )


# --------------------------------------------------------------------- stories


def _import_storyline() -> None:
    # Running from a checkout without installing: make ``storyline`` importable.
    src = str(HERE.parent / "src")
    if src not in sys.path:
        sys.path.insert(0, src)


@dataclass(frozen=True)
class StoriesRun:
    documents: list[Document]
    predicted: dict[str, str]  # file name -> story id
    gold: dict[str, str]  # file name -> sub-topic
    scores: ClusterScores
    annotate_s: float
    group_s: float
    duplicate_texts: int


def run_stories(docs: Sequence[Document], workers: int = 1) -> StoriesRun:
    _import_storyline()
    from storyline.nlp.annotate import annotate_articles
    from storyline.stories.grouping import group_stories

    articles = [to_article(d) for d in docs]
    t0 = time.perf_counter()
    annotated = list(annotate_articles(articles, n_process=max(1, workers), batch_size=32))
    t1 = time.perf_counter()
    stories = group_stories(annotated)
    t2 = time.perf_counter()
    story_of = {a: s.id for s in stories for a in s.article_ids}
    predicted = {d.name: story_of[a.id] for d, a in zip(docs, articles, strict=True)}
    gold = {d.name: d.subtopic for d in docs}
    duplicates = len(articles) - len({a.id for a in articles})
    return StoriesRun(
        documents=list(docs),
        predicted=predicted,
        gold=gold,
        scores=score_clusters(gold, predicted),
        annotate_s=t1 - t0,
        group_s=t2 - t1,
        duplicate_texts=duplicates,
    )


def error_lines(gold: Mapping[str, str], predicted: Mapping[str, str]) -> list[str]:
    """Predicted clusters that mix gold sub-topics, and gold sub-topics split apart."""
    members: dict[str, list[str]] = defaultdict(list)
    for name, story in predicted.items():
        members[story].append(name)
    lines = []
    for story, names in sorted(members.items(), key=lambda kv: -len(kv[1])):
        mix = Counter(gold[n] for n in names)
        if len(mix) > 1:
            parts = ", ".join(f"{g}×{c}" for g, c in sorted(mix.items(), key=lambda x: -x[1]))
            lines.append(f"merged  {story} ({len(names)} docs): {parts}")
    spread: dict[str, Counter[str]] = defaultdict(Counter)
    for name, g in gold.items():
        spread[g][predicted[name]] += 1
    for g, stories in sorted(spread.items(), key=lambda kv: _subtopic_key(kv[0])):
        if len(stories) > 1:
            sizes = sorted(stories.values(), reverse=True)
            lines.append(
                f"split   {g} ({sum(sizes)} docs) into {len(sizes)} stories: "
                + "+".join(map(str, sizes))
            )
    return lines


def _subtopic_key(sub: str) -> tuple[int, str]:
    m = re.match(r"(\d+)(.*)", sub)
    return (int(m.group(1)), m.group(2)) if m else (0, sub)


def topic_rows(gold: Mapping[str, str], predicted: Mapping[str, str]) -> list[str]:
    """One row per topic: docs, B³ within the topic's documents, stories touching it."""
    topics: dict[int, list[str]] = defaultdict(list)
    for name in gold:
        topics[int(name.split("_", 1)[0])].append(name)
    header = f"{'topic':>6}{'docs':>6}{'B3 P':>8}{'B3 R':>8}{'B3 F1':>8}{'stories':>9}{'shared':>8}"
    rows = [header, "-" * len(header)]
    topic_of_story: dict[str, set[int]] = defaultdict(set)
    for name, s in predicted.items():
        topic_of_story[s].add(int(name.split("_", 1)[0]))
    for t, names in sorted(topics.items()):
        g = {n: gold[n] for n in names}
        p = {n: predicted[n] for n in names}
        bp, br = b_cubed(g, p)
        stories = set(p.values())
        shared = sum(1 for s in stories if len(topic_of_story[s]) > 1)
        rows.append(
            f"{t:>6}{len(names):>6}{bp:>8.3f}{br:>8.3f}{_f1(bp, br):>8.3f}"
            f"{len(stories):>9}{shared:>8}"
        )
    return rows


# ----------------------------------------------------------------------- cli


def parse_tasks(value: str) -> list[str]:
    tasks = [t.strip() for t in value.split(",") if t.strip()]
    unknown = [t for t in tasks if t not in TASKS]
    if unknown or not tasks:
        raise argparse.ArgumentTypeError(
            f"unknown task(s) {', '.join(map(repr, unknown)) or '(none given)'};"
            f" choose from {', '.join(TASKS)} (comma-separated)"
        )
    return list(dict.fromkeys(tasks))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="ECB+ folder")
    parser.add_argument(
        "--task", type=parse_tasks, default=["stories"], help="comma list of: " + ", ".join(TASKS)
    )
    parser.add_argument(
        "--predictions", type=Path,
        help="write DIR/stories.json (and DIR/<setting>.json for coreference) here",
    )
    parser.add_argument(
        "--topics", default="all", help="all (default), dev, train, or a comma list of topics"
    )
    parser.add_argument("--limit-topics", type=int, help="only the first N topics (numerically)")
    parser.add_argument("--workers", type=int, default=1, help="spaCy processes (n_process)")
    parser.add_argument("--errors", action="store_true", help="list merged and split stories")
    parser.add_argument(
        "--gold-stories",
        action="store_true",
        help="diagnostic: resolve coreference inside the gold sub-topics instead of our stories",
    )
    parser.add_argument(
        "--within-stories",
        action="store_true",
        help="entities: cut every chain at our story boundaries (no cross-story linking"
        " of named entities)",
    )
    args = parser.parse_args(argv)

    missing = [t for t in args.task if t not in IMPLEMENTED]
    if missing:
        print(f"error: task {', '.join(missing)} is not implemented yet", file=sys.stderr)
        return 2
    if args.topics not in ("all", "dev", "train") and not re.fullmatch(r"\d+(,\d+)*", args.topics):
        parser.error(f"--topics: expected all, dev, train or numbers like 2,5; got {args.topics!r}")
    paths = select_topics(document_paths(args.data), args.topics, args.limit_topics)
    if not paths:
        print(
            f"error: no ECB+ documents (<topic>/<topic>_<n>ecb[plus].xml) under {args.data}",
            file=sys.stderr,
        )
        return 2
    docs = [read_document(p) for p in paths]
    topics = sorted({d.topic for d in docs})
    metrics: dict[str, object] = {}
    t0 = time.perf_counter()
    coref_tasks = [t for t in args.task if t != "stories"]
    coref = None
    if coref_tasks:
        coref = _coref_module().run_coref(
            docs, paths, _coref_module().validated_sentences(corpus_root(args.data)),
            coref_tasks, workers=args.workers, gold_stories=args.gold_stories,
            cross_story=not args.within_stories,
            predicted_events=_coref_module().predicted_event_clusters,
        )
    if "stories" in args.task:
        if coref is not None:
            gold = {d.name: d.subtopic for d in docs}
            run = StoriesRun(
                documents=docs, predicted=coref.story_of, gold=gold,
                scores=score_clusters(gold, coref.story_of), annotate_s=coref.annotate_s,
                group_s=0.0, duplicate_texts=len(docs) - len({d.text for d in docs}),
            )
        else:
            run = run_stories(docs, workers=args.workers)
        metrics.update(_print_stories(run, args, topics))
    if coref is not None:
        metrics.update(_print_coref(coref, len(docs), topics))
        if args.predictions:
            # One file per setting: "file#token ids" -> our cluster id.
            args.predictions.mkdir(parents=True, exist_ok=True)
            for name, resp in coref.responses.items():
                rows = {f"{f}#{','.join(map(str, toks))}": c for (f, toks), c in resp.items()}
                (args.predictions / f"{name}.json").write_text(
                    json.dumps(rows, indent=1, sort_keys=True), encoding="utf-8"
                )
        if args.gold_stories:
            print("(diagnostic run: gold sub-topics used as stories; not comparable)")
            metrics = {f"{k}_gold_stories": v for k, v in metrics.items()}
    metrics.update(
        {
            "documents": len(docs),
            "topics": len(topics),
            "workers": args.workers,
            "seconds": round(time.perf_counter() - t0, 1),
        }
    )
    print(json.dumps(metrics))
    return 0


def _coref_module():  # type: ignore[no-untyped-def]
    # A sibling script, not a package: importable once this folder is on the path.
    if str(HERE) not in sys.path:
        sys.path.insert(0, str(HERE))
    _import_storyline()
    import ecbplus_coref

    return ecbplus_coref


# Published CoNLL F1 with gold mentions on the test topics (see the data README).
PUBLISHED = {
    "entities_conll_f1_gold": {"Held et al. 2021": 82.0, "CDLM (Caciularu et al. 2021)": 82.9},
    "events_conll_f1_gold": {"Barhom et al. 2019": 79.5, "Held et al. 2021": 85.7,
                             "Min et al. 2024": 86.7},
}


def _print_coref(coref: CorefRun, n_docs: int, topics: Sequence[int]) -> dict[str, object]:
    scores = coref.scores
    print(
        f"ECB+ cross-document coreference: {n_docs} documents, {len(topics)} topics, "
        f"resolved inside our own stories ({len(set(coref.story_of.values()))} stories; "
        "no gold topics); validated sentences only; singletons kept"
    )
    header = (
        f"{'setting':<20}{'MUC P':>7}{'R':>6}{'F1':>6}{'B3 P':>7}{'R':>6}{'F1':>6}"
        f"{'CEAFe P':>8}{'R':>6}{'F1':>6}{'CoNLL':>7}{'key/resp mentions':>19}"
    )
    print(header)
    print("-" * len(header))
    out: dict[str, object] = {}
    names = {
        "entities_gold": "entities_conll_f1_gold",
        # The plain key keeps the reference scorer's exact boundaries; head matching is
        # a looser convention, reported beside it under its own name.
        "entities_predicted": "entities_conll_f1_head",
        "entities_predicted_exact": "entities_conll_f1",
        "events_gold": "events_conll_f1_gold",
        "events_predicted": "events_conll_f1",
    }
    for name, metric in names.items():
        if name not in scores:
            continue
        s = scores[name]
        print(
            f"{name:<20}"
            + "".join(
                f"{x.precision * 100:>{w}.1f}{x.recall * 100:>6.1f}{x.f1 * 100:>6.1f}"
                for x, w in ((s.muc, 7), (s.b3, 7), (s.ceafe, 8))
            )
            + f"{s.conll_f1 * 100:>7.1f}{f'{s.key_mentions}/{s.response_mentions}':>19}"
        )
        out[metric] = round(s.conll_f1 * 100, 2)
        for part in ("muc", "b3", "ceafe"):
            out[f"{metric.replace('conll_f1', part)}_f1"] = round(
                getattr(s, part).f1 * 100, 2)
    for metric, refs in PUBLISHED.items():
        if metric in out:
            print(f"published ({metric}, test topics, gold mentions): "
                  + ", ".join(f"{k} {v}" for k, v in refs.items()))
    print(f"time annotate / group+resolve+score: {coref.annotate_s:.1f} s / "
          f"{coref.resolve_s:.1f} s")
    print()
    return out


def _print_stories(run: StoriesRun, args: argparse.Namespace, topics: Sequence[int]) -> dict[
        str, object]:
    s = run.scores
    print(
        f"ECB+ story grouping: {s.items} documents, {len(topics)} topics "
        f"({', '.join(map(str, topics))})"
    )
    print(
        "no publication dates in ECB+: every article has published=None "
        "(the date window never applies); no topic labels or story count given"
    )
    if run.duplicate_texts:
        print(f"{run.duplicate_texts} documents repeat another's text (same article id)")
    print()
    header = f"{'metric':<22}{'precision':>10}{'recall':>9}{'F1':>8}"
    print(header)
    print("-" * len(header))
    print(f"{'B3':<22}{s.b3_p:>10.4f}{s.b3_r:>9.4f}{s.b3_f1:>8.4f}")
    print(f"{'pairwise':<22}{s.pair_p:>10.4f}{s.pair_r:>9.4f}{s.pair_f1:>8.4f}")
    print(f"{'adjusted Rand index':<22}{s.ari:>27.4f}")
    print(f"{'clusters gold / pred':<22}{f'{s.gold_clusters} / {s.predicted_clusters}':>27}")
    print(f"{'time annotate / group':<22}{f'{run.annotate_s:.1f} s / {run.group_s:.1f} s':>27}")
    print()
    for row in topic_rows(run.gold, run.predicted):
        print(row)
    if args.errors:
        print()
        for line in error_lines(run.gold, run.predicted):
            print(line)
    if args.predictions:
        args.predictions.mkdir(parents=True, exist_ok=True)
        (args.predictions / "stories.json").write_text(
            json.dumps(run.predicted, indent=2, sort_keys=True), encoding="utf-8"
        )
    print()
    return {
        "stories_b3_f1": round(s.b3_f1, 4),
        "stories_b3_p": round(s.b3_p, 4),
        "stories_b3_r": round(s.b3_r, 4),
        "stories_ari": round(s.ari, 4),
        "stories_pair_f1": round(s.pair_f1, 4),
        "gold_clusters": s.gold_clusters,
        "predicted_clusters": s.predicted_clusters,
        "published": None,
    }


if __name__ == "__main__":
    sys.exit(main())
