"""The dossier as JSON: the contract other tools read (docs/dossier.schema.json)."""

from __future__ import annotations

import dataclasses
from typing import Any

from storyline.model import (
    Claim,
    Dossier,
    Entity,
    EntityMentionRef,
    Event,
    FigureRef,
    Interval,
    SourceRef,
)
from storyline.version import SCHEMA_VERSION, __version__


def _interval(i: Interval) -> dict[str, Any]:
    return {"low": i.low, "high": i.high, "unit": i.unit}


def _source(s: SourceRef) -> dict[str, Any]:
    return {
        "article": s.article,
        "start": s.start,
        "end": s.end,
        "sentence": s.sentence,
        "quote": s.quote,
    }


def _mention_ref(m: EntityMentionRef) -> dict[str, Any]:
    """A mention; ``kind`` only where it says something (a description)."""
    out = dataclasses.asdict(m)
    if out.get("kind") is None:
        out.pop("kind", None)
    return out


def _entity(e: Entity) -> dict[str, Any]:
    return {
        "id": e.id,
        "name": e.name,
        "type": e.type,
        "aliases": list(e.aliases),
        "roles": list(e.roles),
        "lat": e.lat,
        "lon": e.lon,
        "mentions": [_mention_ref(m) for m in e.mentions],
        "country": e.country,
        "feature": e.feature,
        "gazetteer_id": e.gazetteer_id,
        "geo_note": e.geo_note,
        "kind": e.kind,
        "place": e.place,
    }


def _figure(f: FigureRef) -> dict[str, Any]:
    return {
        "article": f.article,
        "start": f.start,
        "end": f.end,
        "text": f.text,
        "normalized": _interval(f.normalized),
        "alternates": [_figure(a) for a in f.alternates],
    }


def _claim(c: Claim) -> dict[str, Any]:
    return {
        "id": c.id,
        "subject": c.subject,
        "attribute": c.attribute,
        "text": c.text,
        "value": _interval(c.value),
        "normalized": _interval(c.normalized),
        "qualifier": c.qualifier,
        "status": c.status,
        "sources": [_source(s) for s in c.sources],
        "independent_sources": c.independent_sources,
        "figures": [_figure(f) for f in c.figures],
        "anchor": c.anchor,
        "subject_basis": c.subject_basis,
        "compatible_with": list(c.compatible_with),
    }


def dossier_to_dict(d: Dossier) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "generator": f"storyline {__version__}",
        "story": {"id": d.story.id, "title": d.title},
        "articles": [
            {
                "id": a.id,
                "title": a.title,
                "source": a.source,
                "url": a.url,
                "published": a.published,
                "published_basis": a.published_basis,
                "language": a.language,
                "format": a.format,
                "origin": a.origin,
                "text": a.text,
                "origin_group": d.origin_groups.get(a.id, a.id),
                "published_estimate": _estimate(d, a.id),
            }
            for a in d.articles
        ],
        "entities": [_entity(e) for e in d.entities],
        "events": [
            {
                "id": ev.id,
                "type": ev.type,
                "summary": ev.summary,
                "date": ev.date,
                "location": ev.location,
                "participants": list(ev.participants),
                "sources": [_source(s) for s in ev.sources],
                **_event_extra(ev),
            }
            for ev in d.events
        ],
        "claims": [_claim(c) for c in d.claims],
        "conflicts": [
            {"claims": list(c.claims), "kind": c.kind, "explanation": c.explanation}
            for c in d.conflicts
        ],
        "shared_passages": [dataclasses.asdict(p) for p in d.shared_passages],
        "inconsistencies": [dataclasses.asdict(i) for i in d.inconsistencies],
        "distance_checks": [dataclasses.asdict(k) for k in d.distance_checks],
        "timeline": [dataclasses.asdict(t) for t in d.timeline],
    }


def _estimate(d: Dossier, article_id: str) -> dict[str, str] | None:
    est = d.published_estimates.get(article_id)
    return None if est is None else {"date": est.date, "basis": est.basis}


def _event_extra(ev: Event) -> dict[str, Any]:
    return {
        "roles": [dataclasses.asdict(p) for p in ev.roles],
        "date_basis": ev.date_basis,
        "earliest": ev.earliest,
        "latest": ev.latest,
        "modality": ev.modality,
        "order": ev.order,
        "triggers": [_mention_ref(t) for t in ev.triggers],
        "location_basis": ev.location_basis,
    }
