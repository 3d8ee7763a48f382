"""The dossier as an HTML report: one page per story plus an index, readable offline.

Everything is rendered from the dossier JSON dict (``render.json.dossier_to_dict``),
so fields other stages add later (coordinates, a timeline, a summary) show up
when present and are simply absent otherwise.

Safety: article text is hostile input. Jinja2 autoescapes every value; the
page carries a Content-Security-Policy that allows scripts and styles only
from files beside it (``assets/``); the data the script needs travels in a
``<script type="application/json">`` block whose ``<``, ``>`` and ``&`` are
escaped; no event handler attribute is ever written, and only http(s) URLs
become links.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from storyline.render.markdown import _as_written, _interval
from storyline.render.text_spans import Segment, article_segments
from storyline.render.view import (
    extras,
    facts_line,
    has_point,
    lead,
    story_summary,
    timeline,
)

# The files a report page loads from its assets folder.
ASSET_FILES = ("report.css", "report.js")

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "base-uri 'none'; form-action 'none'"
)

STATUS_LABELS = {
    "corroborated": "corroborated",
    "repeated": "repeated (one origin)",
    "conflicting": "conflicting",
    "single-source": "single-source",
}

TYPE_TITLES = {
    "PERSON": "People",
    "ORG": "Organisations",
    "PLACE": "Places",
    "FACILITY": "Facilities",
    "EQUIPMENT": "Equipment",
    "GROUP": "Groups",
    "OTHER": "Other",
}


@cache
def _env() -> Environment:
    env = Environment(
        loader=PackageLoader("storyline.render", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["safe_url"] = safe_url
    env.globals["extras"] = extras
    return env


def safe_url(url: object) -> str | None:
    """The URL if it may become a link (http or https), else None: never ``javascript:``."""
    if not isinstance(url, str):
        return None
    cleaned = "".join(ch for ch in url.strip() if ch.isprintable() and not ch.isspace())
    try:
        parts = urlsplit(cleaned)
    except ValueError:
        return None
    if parts.scheme.lower() in ("http", "https") and parts.netloc:
        return cleaned
    return None


def json_for_script(data: object) -> Markup:
    """JSON safe inside ``<script type="application/json">``: no ``</script>`` can close it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for raw, esc in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e")):
        text = text.replace(raw, esc)
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return Markup(text)


def _status_class(status: object) -> str:
    s = str(status)
    return s if s in STATUS_LABELS else "other"


# ------------------------------------------------------------------- the map


@cache
def world_paths() -> tuple[tuple[str, str], ...]:
    """Country outlines (name, SVG path) in the equirectangular frame 0 0 360 180."""
    raw = resources.files("storyline.render").joinpath("static/world.json").read_text("utf-8")
    return tuple((c["name"] or "", c["d"]) for c in json.loads(raw)["countries"])


def _project(lat: float, lon: float) -> tuple[float, float]:
    return lon + 180.0, 90.0 - lat


def map_view(entities: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Markers for every entity with coordinates and a viewBox framing them (2:1)."""
    located = [e for e in entities if has_point(e)]
    points = [(e, *_project(e["lat"], e["lon"])) for e in located]
    if points:
        xs = [x for _, x, _ in points]
        ys = [y for _, _, y in points]
        # Pad around the markers; never zoom closer than ~24 degrees across,
        # so a single town still shows its coast and neighbours.
        w = max(24.0, (max(xs) - min(xs)) * 1.3 + 6)
        h = max(12.0, (max(ys) - min(ys)) * 1.3 + 6)
        w, h = max(w, h * 2), max(h, w / 2)
        w, h = min(w, 360.0), min(h, 180.0)
        cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
        x0 = min(max(cx - w / 2, 0.0), 360.0 - w)
        y0 = min(max(cy - h / 2, 0.0), 180.0 - h)
    else:
        x0, y0, w, h = 0.0, 0.0, 360.0, 180.0
    scale = w / 360.0
    markers = [
        {
            "id": e["id"],
            "name": e["name"],
            "type": e.get("type", ""),
            "x": round(x, 3),
            "y": round(y, 3),
            "lat": e["lat"],
            "lon": e["lon"],
        }
        for e, x, y in points
    ]
    return {
        "viewbox": f"{x0:.3f} {y0:.3f} {w:.3f} {h:.3f}",
        "r": round(max(0.15, 1.6 * scale), 3),
        "font": round(max(0.5, 6.5 * scale), 3),
        "markers": markers,
        "countries": world_paths(),
    }


# --------------------------------------------------------------- the story


def _entity_groups(d: dict[str, Any]) -> list[tuple[str, list[dict[str, Any]]]]:
    by_type: dict[str, list[dict[str, Any]]] = {}
    for e in d.get("entities") or []:
        by_type.setdefault(str(e.get("type", "OTHER")), []).append(e)
    order = list(TYPE_TITLES) + sorted(set(by_type) - set(TYPE_TITLES))
    return [
        (TYPE_TITLES.get(t, t.title()), sorted(by_type[t], key=lambda e: str(e["name"]).lower()))
        for t in order
        if t in by_type
    ]


def _targets(d: dict[str, Any]) -> dict[str, list[list[Any]]]:
    """What each clickable item highlights: ``kind:id`` → [[article, start, end], …]."""
    out: dict[str, list[list[Any]]] = {}
    for e in d.get("entities") or []:
        out[f"entity:{e['id']}"] = [[m["article"], m["start"], m["end"]] for m in e["mentions"]]
    for c in d.get("claims") or []:
        out[f"claim:{c['id']}"] = [[s["article"], s["start"], s["end"]] for s in c["sources"]]
    for ev in d.get("events") or []:
        out[f"event:{ev['id']}"] = [[s["article"], s["start"], s["end"]] for s in ev["sources"]]
    for i, p in enumerate(d.get("shared_passages") or []):
        out[f"passage:{i}"] = [
            [p["article_a"], p["start_a"], p["end_a"]],
            [p["article_b"], p["start_b"], p["end_b"]],
        ]
    return out


def _spans_by_article(d: dict[str, Any]) -> dict[str, list[tuple[int, int, str, str]]]:
    """Every highlightable span per article: (start, end, css class, entity id or "")."""
    spans: dict[str, list[tuple[int, int, str, str]]] = {}
    for e in d.get("entities") or []:
        for m in e["mentions"]:
            spans.setdefault(m["article"], []).append((m["start"], m["end"], "m", e["id"]))
    for c in d.get("claims") or []:
        for s in c["sources"]:
            spans.setdefault(s["article"], []).append((s["start"], s["end"], "", ""))
        for f in c.get("figures") or []:
            spans.setdefault(f["article"], []).append((f["start"], f["end"], "f", ""))
    for ev in d.get("events") or []:
        for s in ev["sources"]:
            spans.setdefault(s["article"], []).append((s["start"], s["end"], "", ""))
    for p in d.get("shared_passages") or []:
        spans.setdefault(p["article_a"], []).append((p["start_a"], p["end_a"], "", ""))
        spans.setdefault(p["article_b"], []).append((p["start_b"], p["end_b"], "", ""))
    return spans


def segments_markup(segments: Sequence[Segment]) -> Markup:
    """Article text as escaped HTML; covered pieces carry their offsets for the script."""
    parts: list[str] = []
    for seg in segments:
        text = str(escape(seg.text))
        if not seg.covered:
            parts.append(text)
            continue
        cls = f"seg {seg.classes}".strip()
        ent = f' data-entity="{escape(seg.entity)}"' if seg.entity else ""
        where = f'data-s="{seg.start}" data-e="{seg.end}"'
        parts.append(f'<span class="{cls}" {where}{ent}>{text}</span>')
    return Markup("".join(parts))


def _article_markup(a: dict[str, Any], spans: dict[str, list[tuple[int, int, str, str]]]) -> Markup:
    return segments_markup(article_segments(a["text"], spans.get(a["id"], [])))


def _passages(d: dict[str, Any], articles: dict[str, Any]) -> list[dict[str, Any]]:
    """Copied text between two articles, with a short excerpt."""
    out = []
    for i, p in enumerate(d.get("shared_passages") or []):
        a, b = articles.get(p["article_a"]), articles.get(p["article_b"])
        if a is None or b is None:
            continue
        excerpt = a["text"][p["start_a"] : p["end_a"]]
        if len(excerpt) > 200:
            excerpt = excerpt[:197].rsplit(" ", 1)[0] + "…"
        out.append({"key": f"passage:{i}", "a": a, "b": b, "excerpt": excerpt})
    return out


def report_context(d: dict[str, Any]) -> dict[str, Any]:
    """Everything the story template shows, precomputed so the template stays plain."""
    entities = {e["id"]: e for e in d.get("entities") or []}
    claims = {c["id"]: c for c in d.get("claims") or []}
    articles = {a["id"]: a for a in d.get("articles") or []}
    spans = _spans_by_article(d)
    claim_rows = [
        {
            "claim": c,
            "subject": entities.get(c.get("subject") or "", {}).get("name"),
            "as_written": _as_written(c),
            "normalized": _interval(c["normalized"]),
            "status": _status_class(c.get("status")),
            "status_label": STATUS_LABELS.get(str(c.get("status")), str(c.get("status"))),
            "first": c["sources"][0] if c["sources"] else None,
        }
        for c in claims.values()
    ]
    conflicts = []
    for cf in d.get("conflicts") or []:
        sides = []
        for cid in cf.get("claims") or []:
            c = claims.get(cid)
            if c is not None:
                sides.append({"claim": c, "as_written": _as_written(c)})
        conflicts.append({"conflict": cf, "sides": sides})
    return {
        "d": d,
        "title": d["story"]["title"],
        "story_id": d["story"]["id"],
        "lead": lead(d),
        "summary": story_summary(d),
        "facts": facts_line(story_summary(d)),
        "map": map_view(list(entities.values())),
        "timeline": timeline(d),
        "has_timeline_field": isinstance(d.get("timeline"), list),
        "claims": claim_rows,
        "conflicts": conflicts,
        "entity_groups": _entity_groups(d),
        "entities": entities,
        "articles": [{"a": a, "segments": _article_markup(a, spans)} for a in articles.values()],
        "article_titles": {aid: a.get("title") or aid for aid, a in articles.items()},
        "passages": _passages(d, articles),
        "data": json_for_script({"story": d["story"]["id"], "targets": _targets(d)}),
        "csp": CSP,
    }


def dossier_to_html(d: dict[str, Any], assets: str = "assets/", index: str = "index.html") -> str:
    """One story's report page; ``assets`` is where report.css/report.js are served from."""
    ctx = report_context(d)
    return _env().get_template("story.html.j2").render(assets=assets, index=index, **ctx)


def index_to_html(
    dossiers: Sequence[dict[str, Any]], assets: str = "assets/", link: str = "{id}.html"
) -> str:
    """The list of stories, searchable and sortable in the page."""
    rows = [story_summary(d) for d in dossiers]
    for r in rows:
        r["href"] = link.format(id=r["id"])
    return _env().get_template("index.html.j2").render(assets=assets, rows=rows, csp=CSP)


def asset_path(name: str) -> Path:
    """A packaged static file (report.css, report.js)."""
    if name not in ASSET_FILES:
        raise KeyError(name)
    return Path(str(resources.files("storyline.render").joinpath(f"static/{name}")))


def write_assets(out: Path) -> Path:
    """Copy the page's CSS and JavaScript into ``out/assets`` (pages work from file://)."""
    folder = out / "assets"
    folder.mkdir(parents=True, exist_ok=True)
    for name in ASSET_FILES:
        shutil.copyfile(asset_path(name), folder / name)
    return folder
