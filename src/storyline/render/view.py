"""What the human views (HTML and Markdown) show beyond the raw dossier: the same
timeline order, the same facts line, the same test for a mappable entity."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def has_point(e: dict[str, Any]) -> bool:
    """The entity has usable coordinates (present, numeric, on the globe)."""
    lat, lon = e.get("lat"), e.get("lon")
    return (
        isinstance(lat, int | float)
        and isinstance(lon, int | float)
        and not isinstance(lat, bool)
        and -90 <= lat <= 90
        and -180 <= lon <= 180
    )


def timeline(d: dict[str, Any]) -> list[dict[str, Any]]:
    """Events in timeline order: the dossier's ``timeline`` when it has one, else by date.

    A ``timeline`` item may be an event id, or an object naming one event
    (``event``/``id``) or several (``events``) with an optional ``date``; events
    it leaves out follow at the end, so no event disappears from the views
    (marked ``off_timeline``: statements, which the timeline does not order).
    An undated step placed ``before``/``after`` a neighbour carries that as ``note``.
    """
    events = {ev["id"]: ev for ev in d.get("events") or []}
    order: list[tuple[str | None, dict[str, Any]]] = []
    notes: dict[str, str] = {}
    off: set[str] = set()
    given = d.get("timeline")
    if isinstance(given, list) and given:
        seen: set[str] = set()
        for item in given:
            ids: list[Any] = []
            when = None
            if isinstance(item, str):
                ids = [item]
            elif isinstance(item, dict):
                when = item.get("date") or item.get("when")
                rel, other = item.get("relation"), events.get(item.get("relative_to") or "")
                ev = events.get(item.get("event") or "") or {}
                bound = (f"on or after {ev['earliest']}" if ev.get("earliest")
                         and not ev.get("latest") else
                         f"on or before {ev['latest']}" if ev.get("latest")
                         and not ev.get("earliest") else "")
                if rel == "spans" and item.get("event"):
                    notes[item["event"]] = (f"throughout “{other.get('summary', '')}”"
                                            if other else "throughout the trip")
                elif not when and rel in ("before", "after") and other and item.get("event"):
                    notes[item["event"]] = ", ".join(
                        x for x in (bound, f"{rel} “{other.get('summary', '')}”") if x)

                one = item.get("event") or item.get("id")
                ids = [one] if isinstance(one, str) else list(item.get("events") or [])
            for eid in ids:
                if isinstance(eid, str) and eid in events and eid not in seen:
                    seen.add(eid)
                    order.append((when or events[eid].get("date"), events[eid]))
        off = set(events) - seen
        order += [(ev.get("date"), ev) for eid, ev in events.items() if eid in off]
    else:
        order = sorted(
            ((ev.get("date"), ev) for ev in events.values()),
            key=lambda pair: pair[0] or "9999",
        )
    return [
        {
            "date": when if isinstance(when, str) else None,
            "event": ev,
            "note": notes.get(ev["id"]),
            "off_timeline": ev["id"] in off,
        }
        for when, ev in order
    ]


def date_range(articles: Iterable[dict[str, Any]]) -> tuple[str | None, str | None]:
    dates = sorted(a["published"] for a in articles if a.get("published"))
    return (dates[0], dates[-1]) if dates else (None, None)


def story_summary(d: dict[str, Any]) -> dict[str, Any]:
    """Counts and dates a reader sorts and filters stories by."""
    articles = d.get("articles") or []
    first, last = date_range(articles)
    claims = d.get("claims") or []
    entities = d.get("entities") or []
    return {
        "id": d["story"]["id"],
        "title": d["story"]["title"],
        "articles": len(articles),
        # Outlets are counted only where the input named one: an article id is not an outlet.
        "sources": len({a["source"] for a in articles if a.get("source")}),
        "origins": len({a.get("origin_group") or a["id"] for a in articles}),
        "first": first,
        "last": last,
        "entities": len(entities),
        "claims": len(claims),
        "conflicting": sum(1 for c in claims if c.get("status") == "conflicting"),
        "conflicts": len(d.get("conflicts") or []),
        "events": len(d.get("events") or []),
        "located": sum(1 for e in entities if has_point(e)),
        "search": " ".join([d["story"]["title"], *(e["name"] for e in entities)]).lower(),
    }


def facts_line(s: dict[str, Any]) -> str:
    """ "3 articles from 2 outlets, 2 origins, 2026-03-09 to 2026-03-10 · 20 entities · …"."""
    text = f"{s['articles']} article{'' if s['articles'] == 1 else 's'}"
    if s["sources"]:
        text += f" from {s['sources']} outlet{'' if s['sources'] == 1 else 's'}"
    else:
        text += " (outlets not named)"
    text += f", {s['origins']} independent origin{'' if s['origins'] == 1 else 's'}"
    if s["first"]:
        text += f", {s['first']}" + (f" to {s['last']}" if s["last"] != s["first"] else "")
    text += f" · {s['entities']} entities · {s['claims']} claims"
    if s["conflicting"]:
        text += f" ({s['conflicting']} conflicting)"
    return text + f" · {s['events']} events"


def lead(d: dict[str, Any]) -> str | None:
    """The dossier's own summary if it has one, else the first article's opening lines."""
    summary = d.get("summary")
    if isinstance(summary, str) and summary.strip():
        return summary.strip()
    for a in d.get("articles") or []:
        title = (a.get("title") or "").strip()
        # Plain-text articles often open with their headline: the lead is what follows.
        paras = [p.strip() for p in (a.get("text") or "").split("\n\n") if p.strip()]
        paras = [p for p in paras if p != title] or paras
        if paras:
            para = paras[0]
            return para if len(para) <= 400 else para[:397].rsplit(" ", 1)[0] + "…"
    return None


# Fields every view already shows; anything else a later stage adds is listed as is.
SHOWN = {
    "entity": {"id", "name", "type", "aliases", "roles", "lat", "lon", "mentions", "kind"},
    "claim": {
        "id", "subject", "attribute", "text", "value", "normalized", "qualifier", "status",
        "sources", "independent_sources", "figures", "anchor",
    },
    # Events: roles repeat participants; bounds, order and triggers are for machines.
    "event": {
        "id", "type", "summary", "date", "location", "participants", "sources", "roles",
        "earliest", "latest", "order", "triggers",
    },
}


def extras(item: dict[str, Any], kind: str) -> list[tuple[str, str]]:
    """Fields of ``item`` the views do not know yet, when they read as short text.

    New dossier fields (an entity's country, a claim's check) then appear in the
    report the day they land, before anyone writes a column for them.
    """
    out = []
    for key, value in item.items():
        if key in SHOWN[kind] or value is None or value == [] or value == "":
            continue
        if key == "modality" and value == "asserted":
            continue
        if isinstance(value, bool | int | float | str):
            text = str(value)
        elif isinstance(value, list) and all(isinstance(v, str | int | float) for v in value):
            text = ", ".join(str(v) for v in value)
        else:
            continue
        out.append((key.replace("_", " "), text if len(text) <= 200 else text[:199] + "…"))
    return out
