"""Dossiers made by hand for the report tests: what the pipeline does not yet produce.

``located_dossier`` has places with coordinates, events, a ``timeline`` list
and a conflict; ``big_dossier`` has 200 entities and 500 claims. Offsets are
found in the text, so every quote is exact and both pass ``check_dossier``.
"""

from __future__ import annotations

import random
from typing import Any

ARTICLE_A = (
    "Ferry runs aground near Valparaíso\n\n"
    "A passenger ferry ran aground outside Valparaíso on Monday, the Chilean Navy said. "
    "About 120 passengers were taken off by lifeboats and brought to San Antonio.\n\n"
    "Captain Elena Rojas said the ferry had left Santiago's port at dawn. "
    "The navy said the ship was 85 metres long."
)
ARTICLE_B = (
    "Navy tows stranded ferry to San Antonio\n\n"
    "The Chilean Navy towed the stranded ferry to San Antonio on Tuesday. "
    "Officials said 150 passengers had been on board when it hit rocks off Valparaíso. "
    "A navy spokesman said the ship was 85 metres long. "
    "Rojas, the captain, praised the crew."
)
SID = "s00000000000000a1"
AID_A = "a00000000000000a1"
AID_B = "a00000000000000b2"

# name, type, lat, lon, surfaces
PLACES = [
    ("Valparaíso", "PLACE", -33.047, -71.613, ["Valparaíso"]),
    ("San Antonio", "PLACE", -33.595, -71.608, ["San Antonio"]),
    ("Santiago", "PLACE", -33.449, -70.669, ["Santiago"]),
]


def _spans(text: str, needle: str) -> list[tuple[int, int]]:
    out, at = [], text.find(needle)
    while at != -1:
        out.append((at, at + len(needle)))
        at = text.find(needle, at + 1)
    return out


def _sentence(text: str, needle: str) -> dict[str, int | str]:
    at = text.index(needle)
    start = max(text.rfind(". ", 0, at) + 2, text.rfind("\n", 0, at) + 1, 0)
    ends = [i for i in (text.find(". ", at), text.find(".\n", at)) if i != -1]
    end = min(ends) + 1 if ends else len(text)
    return {"start": start, "end": end, "quote": text[start:end]}


def _source(aid: str, text: str, needle: str, sentence: int = 0) -> dict[str, Any]:
    s = _sentence(text, needle)
    return {"article": aid, "sentence": sentence, **s}


def _article(aid: str, title: str, text: str, source: str, url: str | None) -> dict[str, Any]:
    return {
        "id": aid,
        "title": title,
        "source": source,
        "url": url,
        "published": "2026-03-02" if aid == AID_A else "2026-03-03",
        "published_basis": "fixture",
        "language": "en",
        "format": "text",
        "origin": f"fixture/{aid}.txt",
        "text": text,
        "origin_group": aid,
    }


def _entity(
    eid: str,
    name: str,
    etype: str,
    lat: float | None,
    lon: float | None,
    surfaces: list[str],
    texts: dict[str, str],
) -> dict[str, Any]:
    mentions = [
        {"article": aid, "start": s, "end": e, "text": text[s:e]}
        for aid, text in texts.items()
        for surface in surfaces
        for s, e in _spans(text, surface)
    ]
    return {
        "id": eid,
        "name": name,
        "type": etype,
        "aliases": [s for s in surfaces if s != name],
        "roles": [],
        "lat": lat,
        "lon": lon,
        "mentions": mentions,
    }


def _figure(aid: str, text: str, written: str, value: float, unit: str) -> dict[str, Any]:
    s = text.index(written)
    return {
        "article": aid,
        "start": s,
        "end": s + len(written),
        "text": written,
        "normalized": {"low": value, "high": value, "unit": unit},
        "alternates": [],
    }


def located_dossier() -> dict[str, Any]:
    """A two-article story with three mapped places, two events, a timeline and a conflict."""
    texts = {AID_A: ARTICLE_A, AID_B: ARTICLE_B}
    entities = [
        _entity(f"e00000000000000{i:02x}", name, etype, lat, lon, surfaces, texts)
        for i, (name, etype, lat, lon, surfaces) in enumerate(PLACES)
    ]
    entities.append(
        _entity(
            "e0000000000000010",
            "Elena Rojas",
            "PERSON",
            None,
            None,
            ["Elena Rojas", "Rojas"],
            texts,
        )
    )
    # "Rojas" also matches inside "Elena Rojas": keep the longest span only.
    rojas = entities[-1]
    full = {(m["article"], m["start"]) for m in rojas["mentions"] if m["text"] == "Elena Rojas"}
    rojas["mentions"] = [
        m
        for m in rojas["mentions"]
        if m["text"] == "Elena Rojas" or (m["article"], m["start"] - 6) not in full
    ]
    entities.append(
        _entity("e0000000000000011", "Chilean Navy", "ORG", None, None, ["Chilean Navy"], texts)
    )
    claims = [
        {
            "id": "c0000000000000001",
            "subject": None,
            "attribute": "count",
            "text": "About 120 passengers",
            "value": {"low": 120, "high": 120, "unit": "passengers"},
            "normalized": {"low": 120, "high": 120, "unit": "passengers"},
            "qualifier": "about",
            "status": "conflicting",
            "sources": [_source(AID_A, ARTICLE_A, "About 120 passengers", 1)],
            "independent_sources": 1,
            "figures": [_figure(AID_A, ARTICLE_A, "About 120", 120, "passengers")],
        },
        {
            "id": "c0000000000000002",
            "subject": None,
            "attribute": "count",
            "text": "150 passengers",
            "value": {"low": 150, "high": 150, "unit": "passengers"},
            "normalized": {"low": 150, "high": 150, "unit": "passengers"},
            "qualifier": None,
            "status": "conflicting",
            "sources": [_source(AID_B, ARTICLE_B, "150 passengers", 2)],
            "independent_sources": 1,
            "figures": [_figure(AID_B, ARTICLE_B, "150", 150, "passengers")],
        },
        {
            "id": "c0000000000000003",
            "subject": None,
            "attribute": "length",
            "text": "85 metres",
            "value": {"low": 85, "high": 85, "unit": "metres"},
            "normalized": {"low": 85, "high": 85, "unit": "m"},
            "qualifier": None,
            "status": "corroborated",
            "sources": [
                _source(AID_A, ARTICLE_A, "85 metres long", 3),
                _source(AID_B, ARTICLE_B, "85 metres long", 3),
            ],
            "independent_sources": 2,
            "figures": [
                _figure(AID_A, ARTICLE_A, "85 metres", 85, "m"),
                _figure(AID_B, ARTICLE_B, "85 metres", 85, "m"),
            ],
        },
    ]
    events = [
        {
            "id": "v0000000000000002",
            "type": "transport",
            "summary": "The navy tows the ferry to San Antonio",
            "date": "2026-03-03",
            "location": "e0000000000000001",
            "participants": ["e0000000000000011"],
            "sources": [_source(AID_B, ARTICLE_B, "towed the stranded ferry", 1)],
        },
        {
            "id": "v0000000000000001",
            "type": "accident",
            "summary": "A passenger ferry runs aground outside Valparaíso",
            "date": "2026-03-02",
            "location": "e0000000000000000",
            "participants": [],
            "sources": [_source(AID_A, ARTICLE_A, "ran aground outside", 0)],
        },
    ]
    return {
        "schema_version": "1.0",
        "generator": "storyline tests",
        "story": {"id": SID, "title": "Ferry runs aground near Valparaíso"},
        "articles": [
            _article(
                AID_A,
                "Ferry runs aground near Valparaíso",
                ARTICLE_A,
                "Pacific Wire",
                "https://news.invalid/ferry",
            ),
            _article(
                AID_B,
                "Navy tows stranded ferry",
                ARTICLE_B,
                "Andes Daily",
                "javascript:alert(document.domain)",
            ),
        ],
        "entities": entities,
        "events": events,
        "claims": claims,
        "conflicts": [
            {
                "claims": ["c0000000000000001", "c0000000000000002"],
                "kind": "value",
                "explanation": "120 vs 150 passengers on board",
            }
        ],
        "shared_passages": [],
    }


def timeline_order(d: dict[str, Any]) -> list[str]:
    """The event ids by date: what a ``timeline`` field would list."""
    return [ev["id"] for ev in sorted(d["events"], key=lambda ev: ev["date"] or "9999")]


def big_dossier(n_entities: int = 200, n_claims: int = 500, seed: int = 7) -> dict[str, Any]:
    """A large generated story: many entities (a quarter located) and many claims."""
    rng = random.Random(seed)
    types = ["PERSON", "ORG", "PLACE", "FACILITY", "EQUIPMENT", "GROUP"]
    names = [f"Name{i:03d} {rng.choice(['Alpha', 'Beta', 'Gamma'])}" for i in range(n_entities)]
    sentences = []
    for i in range(n_claims):
        who = names[i % n_entities]
        sentences.append(f"{who} reported {i + 10} units in sector {i}.")
    text = " ".join(sentences)
    aid = "a0000000000000b16"
    entities = []
    for i, name in enumerate(names):
        etype = types[i % len(types)]
        located = etype == "PLACE" or i % 8 == 0
        mentions = [
            {"article": aid, "start": s, "end": e, "text": name} for s, e in _spans(text, name)
        ]
        entities.append(
            {
                "id": f"e{i:016x}",
                "name": name,
                "type": etype,
                "aliases": [name.split()[0]] if i % 3 == 0 else [],
                "roles": [],
                "lat": round(rng.uniform(-60, 70), 3) if located else None,
                "lon": round(rng.uniform(-170, 170), 3) if located else None,
                "mentions": mentions,
            }
        )
    claims = []
    statuses = ["corroborated", "repeated", "conflicting", "single-source"]
    at = 0
    for i, sentence in enumerate(sentences):
        start = text.index(sentence, at)
        at = start + len(sentence)
        figure = f"{i + 10} units"
        fstart = text.index(figure, start)
        claims.append(
            {
                "id": f"c{i:016x}",
                "subject": f"e{i % n_entities:016x}",
                "attribute": "count",
                "text": figure,
                "value": {"low": i + 10, "high": i + 10, "unit": "units"},
                "normalized": {"low": i + 10, "high": i + 10, "unit": "units"},
                "qualifier": None,
                "status": statuses[i % 4],
                "sources": [
                    {"article": aid, "start": start, "end": at, "sentence": i, "quote": sentence}
                ],
                "independent_sources": 1 + i % 3,
                "figures": [
                    {
                        "article": aid,
                        "start": fstart,
                        "end": fstart + len(figure),
                        "text": figure,
                        "normalized": {"low": i + 10, "high": i + 10, "unit": "units"},
                        "alternates": [],
                    }
                ],
            }
        )
    return {
        "schema_version": "1.0",
        "generator": "storyline tests",
        "story": {"id": "s0000000000000b16", "title": "A very large generated story"},
        "articles": [
            {
                "id": aid,
                "title": "Generated",
                "source": "Generator",
                "url": None,
                "published": "2026-01-01",
                "published_basis": "fixture",
                "language": "en",
                "format": "text",
                "origin": "fixture",
                "text": text,
                "origin_group": aid,
            }
        ],
        "entities": entities,
        "events": [],
        "claims": claims,
        "conflicts": [
            {
                "claims": [f"c{i:016x}", f"c{i + 4:016x}"],
                "kind": "value",
                "explanation": f"sector {i} against sector {i + 4}",
            }
            for i in range(2, min(n_claims - 4, 60), 4)
        ],
        "shared_passages": [],
    }


def store_with(path: Any, dossiers: list[dict[str, Any]]) -> None:
    """A store holding the dossiers' articles and stories, written without spaCy."""
    from storyline.model import AnnotatedArticle, Article, Story
    from storyline.store.sqlite import Store

    with Store(path) as store:
        batch = []
        for d in dossiers:
            for a in d["articles"]:
                fields = {k: v for k, v in a.items() if k != "origin_group"}
                batch.append(AnnotatedArticle(article=Article(**fields)))
        store.add_annotated(batch, "fixture")
        rows = [
            (Story(d["story"]["id"], tuple(a["id"] for a in d["articles"])), d["story"]["title"], d)
            for d in dossiers
        ]
        store.replace_stories(rows, "fixture")
