"""Grouping at scale: time, candidate pairs and peak memory on synthetic articles.

    python benchmarks/grouping_scale.py [--sizes 1000,10000,100000] [--seed 7]

The articles are generated here with a fixed seed, already annotated (text,
entity mentions with offsets, publication date), so the benchmark times
grouping alone, not spaCy.  What the generator produces:

* stories of 1-20 articles (most small, a few large: a geometric draw), each
  about one event of a kind (earthquake, summit, strike, fire, ...), in a
  country, on a day; about 300 articles a day, so 1k articles span a few days
  and 100k about a year;
* each story has its own people (drawn from a large pool of first and last
  names, so names collide now and then across stories), one or two towns from a
  pool of 4,000, sometimes a piece of equipment or a facility;
* every article also names common things: its country (60 countries), one of
  40 news agencies and organisations, often one of 25 heads of state who appear
  across many stories, a demonym;
* one story in eight has a look-alike: same kind of event, same country, the
  same week, the same head of state and agencies, but other towns and people.

Each size runs in a fresh process so that peak memory (the process's largest
resident set: generation, features and grouping) belongs to that size alone.
Printed per size (CPU seconds of the process): time to compute per-article
features, time to group (index, candidates, links, merging), candidate pairs,
linked pairs, peak memory, B³ F1 against the generated stories (a sanity
check, not a target), and the growth ratios between consecutive sizes.
The last line is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ARTICLES_PER_DAY = 300

_KINDS = {
    "earthquake": ["earthquake", "magnitude", "tremor", "aftershocks", "collapsed", "rescue"],
    "summit": ["summit", "talks", "leaders", "agreement", "delegation", "communique"],
    "strike": ["strike", "union", "workers", "wages", "walkout", "negotiations"],
    "fire": ["fire", "blaze", "firefighters", "evacuated", "hectares", "smoke"],
    "election": ["election", "votes", "ballot", "candidate", "turnout", "results"],
    "crash": ["crash", "collision", "passengers", "injured", "investigators", "wreckage"],
    "flood": ["flood", "rainfall", "river", "evacuation", "levee", "stranded"],
    "launch": ["launch", "rocket", "satellite", "orbit", "payload", "countdown"],
}
_FILLER_TEXT = (
    "officials said on the day that more details would follow as reports came in "
    "from the region while residents and local authorities assessed the situation"
)
_FILLER = _FILLER_TEXT.split()
_SYLLABLE_TEXT = "ka lo mi ra ten vo shi an del mar to ne bu sa ri go lin fe da po ul"
_SYLLABLES = _SYLLABLE_TEXT.split()


def _name(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(parts)).capitalize()


def _pools(rng: random.Random) -> dict[str, list[str]]:
    return {
        "first": [_name(rng, 2) for _ in range(600)],
        "last": [_name(rng, 3) for _ in range(3000)],
        "town": [_name(rng, 3) + rng.choice(["", "ville", " Bay", "burg"]) for _ in range(4000)],
        "country": [_name(rng, 2) + "ia" for _ in range(60)],
        "org": [_name(rng, 2) + rng.choice([" Agency", " Press", " Council"]) for _ in range(40)],
        "leader": [_name(rng, 2) + " " + _name(rng, 3) for _ in range(25)],
        "equipment": [f"{_name(rng, 1).upper()}-{rng.randint(10, 999)}" for _ in range(800)],
        "facility": [_name(rng, 2) + " Airfield" for _ in range(500)],
    }


def _story_size(rng: random.Random) -> int:
    size = 1
    while size < 20 and rng.random() < 0.72:
        size += 1
    return size


def generate(n: int, seed: int) -> tuple[list[Any], dict[str, int]]:
    """``n`` annotated articles and, per article id, its generated story."""
    from storyline.model import AnnotatedArticle, Article, Mention, article_id

    rng = random.Random(seed)
    pools = _pools(rng)
    span_days = max(3, n // ARTICLES_PER_DAY)
    start = date(2026, 1, 1)
    specs: list[dict[str, Any]] = []
    while sum(s["size"] for s in specs) < n:
        kind = rng.choice(sorted(_KINDS))
        spec: dict[str, Any] = {
            "kind": kind,
            "country": rng.choice(pools["country"]),
            "day": start + timedelta(days=rng.randrange(span_days)),
            "leader": rng.choice(pools["leader"]) if rng.random() < 0.5 else None,
            "orgs": rng.sample(pools["org"], 2),
        }
        for look_alike in range(2 if rng.random() < 0.125 else 1):
            own = dict(spec)
            if look_alike:
                own["day"] = spec["day"] + timedelta(days=rng.randint(0, 6))
            own["people"] = [
                rng.choice(pools["first"]) + " " + rng.choice(pools["last"])
                for _ in range(rng.randint(2, 4))
            ]
            own["towns"] = rng.sample(pools["town"], rng.randint(1, 2))
            own["things"] = ([rng.choice(pools["equipment"])] if rng.random() < 0.3 else []) + (
                [rng.choice(pools["facility"])] if rng.random() < 0.3 else []
            )
            own["size"] = _story_size(rng)
            specs.append(own)
    articles: list[Any] = []
    gold: dict[str, int] = {}
    for story, spec in enumerate(specs):
        for k in range(spec["size"]):
            if len(articles) == n:
                break
            art = _article(rng, spec, k, pools, story)
            text, mentions = art
            day = spec["day"] + timedelta(days=min(k // 4, 3))
            a = Article(id=article_id(text), text=text, published=day.isoformat())
            articles.append(
                AnnotatedArticle(article=a, mentions=tuple(Mention(*m) for m in mentions))
            )
            gold[a.id] = story
    return articles, gold


def _article(
    rng: random.Random, spec: dict[str, Any], k: int, pools: dict[str, list[str]], story: int
) -> tuple[str, list[tuple[Any, ...]]]:
    names: list[tuple[str, str]] = []
    for person in spec["people"]:
        if rng.random() < 0.75:
            names.append((person, "PERSON"))
    for town in spec["towns"]:
        if rng.random() < 0.85:
            names.append((town, "PLACE"))
    for thing in spec["things"]:
        if rng.random() < 0.7:
            names.append((thing, "EQUIPMENT" if "-" in thing else "FACILITY"))
    if not any(t in ("PERSON", "PLACE") for _, t in names):
        names.append((spec["towns"][0], "PLACE"))
    names.append((spec["country"], "PLACE"))
    names.append((spec["country"][:-2] + "ian", "GROUP"))
    names.append((rng.choice(spec["orgs"]), "ORG"))
    if spec["leader"] and rng.random() < 0.6:
        names.append((spec["leader"], "PERSON"))
    # Noise: a head of state or an agency an article mentions in passing.
    if rng.random() < 0.3:
        names.append((rng.choice(pools["leader"]), "PERSON"))
    if rng.random() < 0.3:
        names.append((rng.choice(pools["org"]), "ORG"))
    rng.shuffle(names)
    vocab = _KINDS[spec["kind"]]
    parts: list[str] = []
    mentions: list[tuple[Any, ...]] = []
    pos = 0
    for sent, (name, type_) in enumerate(names):
        words = rng.sample(vocab, 3) + rng.sample(_FILLER, 6)
        prefix = f"The {words[0]} near "
        tail = " " + " ".join(words[1:]) + f" (story {story}, report {k}). "
        mentions.append(
            (pos + len(prefix), pos + len(prefix) + len(name), name, type_, type_, sent)
        )
        piece = prefix + name + tail
        parts.append(piece)
        pos += len(piece)
    return "".join(parts), mentions


def run_one(n: int, seed: int) -> dict[str, Any]:
    sys.path.insert(0, str(HERE.parent / "src"))
    from storyline.stories.candidates import CandidateIndex
    from storyline.stories.features import grouping_features
    from storyline.stories.grouping import CorpusStats, candidate_links, groups_from_links

    articles, gold = generate(n, seed)
    # CPU time of this process: the development machine is shared, and wall
    # time there measures the neighbours as much as the code.
    w0, t0 = time.perf_counter(), time.process_time()
    feats = [grouping_features(a) for a in sorted(articles, key=lambda a: a.article.id)]
    t1 = time.process_time()
    stats = CorpusStats(feats)
    # The candidate pairs are generated and scored article by article; only
    # each article's candidates and the linked pairs are kept.
    index = CandidateIndex([f.classes.keys() for f in feats], [f.day for f in feats], stats.cls)
    links = candidate_links(feats, stats, index)
    groups = groups_from_links(feats, stats, links, range(len(feats)))
    t2, w2 = time.process_time(), time.perf_counter()
    predicted = {feats[i].article_id: root for root, g in groups.items() for i in g}
    b3 = _b3_f1(gold, predicted)
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "articles": n,
        "features_s": round(t1 - t0, 2),
        "group_s": round(t2 - t1, 2),
        "wall_s": round(w2 - w0, 2),
        "candidates": links.candidates,
        "linked": len(links.strength),
        "stories": len(groups),
        "gold_stories": len(set(gold.values())),
        "peak_mb": round(peak_kb / 1024, 1),
        "b3_f1": round(b3, 4),
    }


def _b3_f1(gold: dict[str, int], predicted: dict[str, int]) -> float:
    from collections import Counter

    cells = Counter((gold[k], predicted[k]) for k in gold)
    g, p = Counter(gold.values()), Counter(predicted.values())
    prec = sum(c * c / p[j] for (_, j), c in cells.items()) / len(gold)
    rec = sum(c * c / g[i] for (i, _), c in cells.items()) / len(gold)
    return 2 * prec * rec / (prec + rec)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.seed)))
        return 0
    rows = []
    for n in [int(s) for s in args.sizes.split(",")]:
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(n), "--seed", str(args.seed)],
            check=True,
            capture_output=True,
            text=True,
        )
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
    header = (
        f"{'articles':>9}{'features s':>11}{'group s':>9}{'candidates':>12}{'linked':>9}"
        f"{'stories':>9}{'gold':>8}{'peak MB':>9}{'B3 F1':>7}"
        f"{'x time':>8}{'x cand':>8}{'x mem':>7}"
    )
    print(header)
    print("-" * len(header))
    prev = None
    for r in rows:
        growth = ""
        if prev:
            cpu, prev_cpu = r["features_s"] + r["group_s"], prev["features_s"] + prev["group_s"]
            r["growth_time"] = round(cpu / max(prev_cpu, 1e-9), 2)
            r["growth_group_time"] = round(r["group_s"] / max(prev["group_s"], 1e-9), 2)
            r["growth_candidates"] = round(r["candidates"] / max(prev["candidates"], 1), 2)
            r["growth_memory"] = round(r["peak_mb"] / prev["peak_mb"], 2)
            growth = (
                f"{r['growth_time']:>8.1f}{r['growth_candidates']:>8.1f}{r['growth_memory']:>7.1f}"
            )
        print(
            f"{r['articles']:>9}{r['features_s']:>11.2f}{r['group_s']:>9.2f}{r['candidates']:>12}"
            f"{r['linked']:>9}{r['stories']:>9}{r['gold_stories']:>8}{r['peak_mb']:>9.1f}"
            f"{r['b3_f1']:>7.3f}{growth}"
        )
        prev = r
    print(json.dumps({"seed": args.seed, "sizes": rows}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
